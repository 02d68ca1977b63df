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
    /// How such a folder is recognised among the candidates.
    public enum Marker: Sendable {
        /// It holds this file.
        case file(String)
        /// It holds any file with this extension.
        case anyFile(extension: String)
    }

    public var marker: Marker

    /// The lexicon folder holds `sentiment.tsv`; a persona folder holds persona JSON files.
    public static let lexicons = DataFolder(name: "lexicons", environmentVariable: "MINDSCOPE_LEXICONS", marker: .file("sentiment.tsv"))
    public static let personas = DataFolder(name: "personas", environmentVariable: "MINDSCOPE_PERSONAS", marker: .anyFile(extension: "json"))

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

    /// The explicit folder if it exists (never second-guessed), else the first candidate that
    /// looks like such a folder.
    public func locate(explicit: String?) throws(MindscopeError) -> URL {
        let candidates = candidates(explicit: explicit)
        if let explicit {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: explicit, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .unreadable(path: explicit, reason: "no such folder")
            }
            return candidates[0]
        }
        for candidate in candidates where recognizes(candidate) { return candidate }
        throw .dataFolderNotFound(name: name, variable: environmentVariable, searched: candidates.map(\.path))
    }

    /// Whether `folder` holds the marker.
    func recognizes(_ folder: URL) -> Bool {
        switch marker {
        case .file(let name):
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path)
        case .anyFile(let ending):
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return files.contains { $0.hasSuffix(".\(ending)") }
        }
    }
}
