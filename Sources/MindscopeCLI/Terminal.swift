import ArgumentParser
import Dispatch
import Foundation
import Mindscope

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
            FileHandle.standardError.write(Data((visible(message) + "\n").utf8))
        }
    }

    /// A message with the control characters a comment may carry (escape sequences that
    /// retitle or clear a terminal, bidirectional overrides) shown as `\u{1B}` rather than sent.
    static func visible(_ message: String) -> String {
        guard message.unicodeScalars.contains(where: isControl) else { return message }
        var result = String.UnicodeScalarView()
        for scalar in message.unicodeScalars {
            if isControl(scalar) { result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars) }
            else { result.append(scalar) }
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Says on stderr that an output folder that does not exist yet will be created (outputs
    /// create their folders, as `mkdir -p` would).
    static func noteNewFolder(_ folder: String) {
        guard !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) else { return }
        error("mindscope: creating folder \(folder)")
    }

    /// ``noteNewFolder(_:)`` for the folder of an output file.
    static func noteNewFolder(parentOf file: String) {
        noteNewFolder((file as NSString).deletingLastPathComponent)
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
        case .badInput, .missingColumn, .unknownColumn, .partial: return ExitCode(ExitStatus.badData)
        case .unknownDomain: return ExitCode.validationFailure
        }
    }
}

/// Buffered output to standard output or, with a path, to a file written atomically (see
/// ``AtomicFile``): the file appears only when ``commit()`` runs.
final class Output {
    private var buffer: [UInt8] = []
    private let file: AtomicFile?
    /// The first write that failed; ``commit()`` throws it.
    private var failure: MindscopeError?

    init(path: String? = nil) throws(MindscopeError) {
        file = try path.map { path throws(MindscopeError) in try AtomicFile(URL(fileURLWithPath: path)) }
    }

    func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes whole lines already encoded (each ending in a newline): a batch of 64 KiB or
    /// more goes out in one write, not copied into the buffer first.
    func write(_ lines: [UInt8]) {
        if buffer.isEmpty, lines.count >= 1 << 16 { return send(lines) }
        buffer.append(contentsOf: lines)
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        send(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func send(_ bytes: [UInt8]) {
        guard !bytes.isEmpty, failure == nil else { return }
        if let file {
            do { try file.write(bytes) } catch { failure = error }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    /// Everything written: standard output flushed, a file put in place.
    func commit() throws(MindscopeError) {
        flush()
        if let failure { throw failure }
        try file?.commit()
    }

    /// The run failed: standard output keeps what was written, a file is not created.
    func abandon() {
        if let file { file.abandon() } else { flush() }
    }
}

/// On SIGINT, SIGTERM or SIGHUP, removes the temporary files of outputs not yet complete, then
/// exits with 128 + the signal's number, as a shell would show it.
enum SignalCleanup {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                AtomicFile.removeUnfinished()
                Terminal.clearProgress()
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
