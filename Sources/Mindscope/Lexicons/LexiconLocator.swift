import Foundation

/// Finds the data folders `lexicons/` and `personas/`, so `mindscope` works from any working
/// directory.
///
/// In order: the explicit folder (`--lexicons DIR`, `--personas DIR`); the environment
/// variable (`$MINDSCOPE_LEXICONS`, `$MINDSCOPE_PERSONAS`); the folder beside the executable;
/// `../share/mindscope/<folder>` from the executable (an installed copy); the folder of the
/// source checkout the binary was built from (so `swift build` and `.build/debug/mindscope`
/// work anywhere on the machine that built it).
public struct DataFolder: Sendable {
    public var name: String
    public var environmentVariable: String
    /// A file every such folder holds, to recognise it.
    public var marker: String

    public static let lexicons = DataFolder(name: "lexicons", environmentVariable: "MINDSCOPE_LEXICONS", marker: "themes.txt")
    public static let personas = DataFolder(name: "personas", environmentVariable: "MINDSCOPE_PERSONAS", marker: "cfo.json")

    /// `<checkout>/`, from this file's place in `Sources/Mindscope/Lexicons/`.
    public static let sourceCheckout = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where the folder was looked for, in order.
    public func candidates(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        if let explicit { return [URL(fileURLWithPath: explicit)] }
        var result: [URL] = []
        if let path = environment[environmentVariable], !path.isEmpty { result.append(URL(fileURLWithPath: path)) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        result.append(executable.appendingPathComponent(name))
        result.append(executable.deletingLastPathComponent().appendingPathComponent("share/mindscope/\(name)"))
        result.append(Self.sourceCheckout.appendingPathComponent(name))
        return result
    }

    /// The first candidate that holds the marker file.
    public func locate(explicit: String?) throws(MindscopeError) -> URL {
        let candidates = candidates(explicit: explicit)
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent(marker).path) {
            return candidate
        }
        throw .dataFolderNotFound(name: name, variable: environmentVariable, searched: candidates.map(\.path))
    }
}
