import Foundation

/// Finds the `lexicons/` folder, so `mindscope` works from any working directory.
///
/// In order: `--lexicons DIR`; `$MINDSCOPE_LEXICONS`; `lexicons/` beside the executable;
/// `../share/mindscope/lexicons` from the executable (an installed copy); the `lexicons/`
/// folder of the source checkout the binary was built from (so `swift build` and
/// `.build/debug/mindscope` work anywhere on the machine that built it).
public enum LexiconLocator {
    public static let environmentVariable = "MINDSCOPE_LEXICONS"

    /// Where the folder was looked for, in order.
    public static func candidates(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        if let explicit { return [URL(fileURLWithPath: explicit)] }
        var result: [URL] = []
        if let path = environment[environmentVariable], !path.isEmpty { result.append(URL(fileURLWithPath: path)) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        result.append(executable.appendingPathComponent("lexicons"))
        result.append(executable.deletingLastPathComponent().appendingPathComponent("share/mindscope/lexicons"))
        result.append(sourceCheckoutLexicons)
        return result
    }

    /// `<checkout>/lexicons`, from this file's place in `Sources/Mindscope/Lexicons/`.
    public static let sourceCheckoutLexicons = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("lexicons")

    /// The first candidate that holds `themes.txt`.
    public static func locate(explicit: String?) throws(MindscopeError) -> URL {
        let candidates = candidates(explicit: explicit)
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("themes.txt").path) {
            return candidate
        }
        throw .lexiconsNotFound(searched: candidates.map(\.path))
    }
}
