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

    @Option(name: .long, help: ArgumentHelp("The theme packs: auto (chosen from the first comments), general (base themes only), or pack ids such as travel or software,telecom (see lexicons/themes/).", valueName: "auto|general|NAME[,NAME]"))
    var domain = "auto"

    @Option(name: .long, help: ArgumentHelp("A theme file to use instead of the packs (repeatable; no domain is chosen).", valueName: "FILE"))
    var themes: [String] = []

    @Option(name: .long, help: ArgumentHelp("A theme file whose themes are added to the chosen packs (a theme with a shipped id replaces it).", valueName: "FILE"))
    var addThemes: [String] = []

    func validate() throws {
        if DomainRequest(domain) == nil { throw ValidationError("--domain '\(domain)': expected auto or pack ids such as travel,food") }
    }

    var request: DomainRequest { DomainRequest(domain) ?? .auto }

    /// The lexicons with the themes chosen for an export: `--domain auto` samples its first
    /// comments (read once). With `verbose`, says which packs and why on stderr.
    func choose(_ all: LexiconSet, for reader: SurveyReader, verbose: Bool) throws -> (analyzer: TextAnalyzer, set: LexiconSet) {
        let set: LexiconSet
        do { set = try all.resolved(request, for: reader, report: { Terminal.error($0) }) } catch { throw Terminal.fail(error) }
        if verbose { Self.describe(set) }
        return (Self.analyzer(set), set)
    }

    /// The lexicons with the themes chosen for the comments given (`explain`, `eval`).
    func load(sample: [String], verbose: Bool = false) throws -> (analyzer: TextAnalyzer, set: LexiconSet) {
        try choose(try loadAll(), sample: sample, request: request, verbose: verbose)
    }

    /// ``load(sample:verbose:)`` with lexicons already loaded and a request of the caller's.
    func choose(_ all: LexiconSet, sample: [String], request: DomainRequest, verbose: Bool = false) throws -> (analyzer: TextAnalyzer, set: LexiconSet) {
        let set: LexiconSet
        do { set = try all.resolved(request, sample: sample) } catch { throw Terminal.fail(error) }
        if verbose { Self.describe(set) }
        return (Self.analyzer(set), set)
    }

    /// The text core for a set: with the learned phrases a `--sentiment-lexicon` file holds.
    static func analyzer(_ set: LexiconSet) -> TextAnalyzer {
        var analyzer = TextAnalyzer(lexicons: set.lexicons)
        analyzer.learned = set.learned
        return analyzer
    }

    /// The packs chosen and why, and what does not fit together in them, on stderr.
    static func describe(_ set: LexiconSet) {
        Terminal.error("domain: \(set.domain.packs.isEmpty ? "general" : set.domain.packs.joined(separator: ", ")) (\(set.domain.why))")
        for note in set.themes.notes { Terminal.error("note: \(note)") }
    }

    /// Loads everything, themes not yet chosen, printing duplicate warnings on stderr.
    func loadAll() throws -> LexiconSet {
        do {
            var loader = LexiconLoader(directory: try DataFolder.lexicons.locate(explicit: lexicons))
            if !sentimentLexicon.isEmpty { loader.sentimentFiles = sentimentLexicon.map { URL(fileURLWithPath: $0) } }
            if !themes.isEmpty { loader.themeFiles = themes.map { URL(fileURLWithPath: $0) } }
            loader.extraThemeFiles = addThemes.map { URL(fileURLWithPath: $0) }
            let loaded = try loader.load()
            for warning in loaded.warnings { Terminal.error("warning: \(warning)") }
            return loaded
        } catch {
            throw Terminal.fail(error)
        }
    }
}

extension LexiconOptions {
    /// The lexicons these options load, and the merge of the partial results at `paths`, each
    /// checked against them.
    func mergePartials(_ paths: [String]) throws -> (LexiconSet, PartialResult) {
        let loaded = try loadAll()
        do {
            var partials: [(path: String, partial: PartialResult)] = []
            for path in paths { partials.append((path, try PartialResult.read(path))) }
            return (loaded, try PartialResult.merge(partials, lexicons: loaded.fingerprint))
        } catch {
            throw Terminal.fail(error)
        }
    }

    /// The readings of partial results: each checked, merged, and read with the lexicons
    /// these options load (the partials' own must be the same).
    func merge(_ paths: [String]) throws -> AnalysisResult {
        let (loaded, merged) = try mergePartials(paths)
        do {
            var set = try loaded.resolved(.packs(merged.setup.domain.packs), sample: [])
            set.domain = merged.setup.domain
            var analysis = FeedbackAnalysis(analyzer: LexiconOptions.analyzer(set), lexicons: set)
            analysis.addDiscovered(merged.setup.discovered)
            return try analysis.finish(merged.state, setup: merged.setup, report: { Terminal.error($0) })
        } catch let error as MindscopeError {
            throw Terminal.fail(error)
        }
    }
}
