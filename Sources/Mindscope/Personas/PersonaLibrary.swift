import Foundation

/// The persona files of a folder (`personas/`), loaded by name or by path.
public struct PersonaLibrary: Sendable {
    public var directory: URL

    public init(directory: URL) { self.directory = directory }

    /// The persona names in the folder, sorted.
    public func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The file name of the persona called `name`: names are forgiving, compared without case
    /// and with `-` and `_` alike (`CFO`, `product-manager`).
    public func resolve(_ name: String) -> String? {
        let key = Suggestion.key(name)
        return names().first { Suggestion.key($0) == key }
    }

    /// A persona by name (`cfo`, `CFO`, `product-manager`) from the folder, or by path
    /// (`my/persona.json`). An unknown name suggests the nearest one.
    public func load(_ nameOrPath: String) throws(MindscopeError) -> Persona {
        let (name, url) = locate(nameOrPath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            if name == nil { throw .unreadable(path: url.path, reason: "no such file") }
            let hint = Suggestion.nearest(to: nameOrPath, among: names()).map { "did you mean '\($0)'? " } ?? ""
            throw .persona(PersonaError(path: nameOrPath, field: "",
                                        message: "unknown persona; \(hint)known: \(names().joined(separator: ", "))"))
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        do { return try Persona.parse(data, path: path(of: nameOrPath)) } catch { throw .persona(error) }
    }

    /// The path messages name for a persona: `personas/NAME.json` for one of the folder, the
    /// full path for a file given by path.
    public func path(of nameOrPath: String) -> String {
        let (name, url) = locate(nameOrPath)
        return name.map { "personas/\($0).json" } ?? url.path
    }

    /// The persona's file name in the folder (nil when given by path) and its file.
    private func locate(_ nameOrPath: String) -> (name: String?, url: URL) {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".json") { return (nil, URL(fileURLWithPath: nameOrPath)) }
        let name = resolve(nameOrPath) ?? nameOrPath
        return (name, directory.appendingPathComponent("\(name).json"))
    }

    /// Every persona of the folder.
    public func loadAll() throws(MindscopeError) -> [Persona] {
        var personas: [Persona] = []
        for name in names() { personas.append(try load(name)) }
        return personas
    }
}
