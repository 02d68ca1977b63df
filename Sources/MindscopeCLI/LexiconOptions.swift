import ArgumentParser
import Foundation
import Mindscope
import MindscopeText

/// Where the lexicons come from; shared by every command that reads text.
struct LexiconOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The lexicon folder (default: $MINDSCOPE_LEXICONS, beside the binary, or the source checkout's lexicons/).", valueName: "DIR"))
    var lexicons: String?

    @Option(name: .long, help: ArgumentHelp("A word-valence file to use instead of the shipped ones (repeatable; VADER's format is accepted).", valueName: "FILE"))
    var sentimentLexicon: [String] = []

    @Option(name: .long, help: ArgumentHelp("A theme file to use instead of themes.txt (repeatable).", valueName: "FILE"))
    var themes: [String] = []

    @Option(name: .long, help: ArgumentHelp("A theme file whose themes are added (or replace shipped ones with the same id).", valueName: "FILE"))
    var addThemes: [String] = []

    /// Loads everything, printing duplicate warnings on stderr.
    func load() throws -> (analyzer: TextAnalyzer, set: LexiconSet) {
        do {
            var loader = LexiconLoader(directory: try DataFolder.lexicons.locate(explicit: lexicons))
            if !sentimentLexicon.isEmpty { loader.sentimentFiles = sentimentLexicon.map { URL(fileURLWithPath: $0) } }
            if !themes.isEmpty { loader.themeFiles = themes.map { URL(fileURLWithPath: $0) } }
            loader.extraThemeFiles = addThemes.map { URL(fileURLWithPath: $0) }
            let loaded = try loader.load()
            for warning in loaded.warnings { Terminal.error("warning: \(warning)") }
            return (TextAnalyzer(lexicons: loaded.lexicons), loaded)
        } catch {
            throw Terminal.fail(error)
        }
    }
}
