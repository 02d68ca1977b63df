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

/// Exit codes, as documented in the README.
enum ExitStatus {
    static let badData: Int32 = 1
    static let unreadable: Int32 = 3
    static let badLexicon: Int32 = 4
}

enum Terminal {
    private static let lock = NSLock()
    /// Whether a progress line is on screen (guarded by `lock`).
    nonisolated(unsafe) private static var progressShown = false
    /// Whether stderr is a terminal (a progress bar makes sense).
    static let isInteractive = isatty(STDERR_FILENO) == 1

    static func error(_ message: String) {
        lock.withLock {
            clearProgressLocked()
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
    }

    /// Replaces the progress line (no line break, so the next one overwrites it).
    static func progress(_ line: String) {
        lock.withLock {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            progressShown = true
        }
    }

    /// Takes the progress line off the screen, if one is there.
    static func clearProgress() { lock.withLock { clearProgressLocked() } }

    private static func clearProgressLocked() {
        guard progressShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        progressShown = false
    }

    /// Prints the error and gives the exit code that goes with it.
    static func fail(_ error: MindscopeError) -> ExitCode {
        Self.error("mindscope: \(error)")
        switch error {
        case .unreadable, .dataFolderNotFound: return ExitCode(ExitStatus.unreadable)
        case .lexicon, .persona: return ExitCode(ExitStatus.badLexicon)
        case .badInput, .missingColumn, .unknownColumn: return ExitCode(ExitStatus.badData)
        }
    }
}

/// Buffered standard output.
final class Output {
    private var buffer: [UInt8] = []

    func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
