import MindscopeText

/// The phrasing templates of `lexicons/narration.txt`: `[section]` headers and `key = template`
/// lines, with `key.<tone>` variants.
public struct NarrationTemplates: Sendable {
    private let file: KeyValueSections

    public init(_ file: KeyValueSections = KeyValueSections()) { self.file = file }

    public static func parse(_ contents: String, source: String) throws(LexiconError) -> Loaded<NarrationTemplates> {
        let loaded = try KeyValueSections.parse(contents, source: source)
        return Loaded(value: NarrationTemplates(loaded.value), warnings: loaded.warnings)
    }

    /// The template for `key` in the persona's tone, else the plain one.
    public func template(_ section: String, _ key: String, tone: String) -> String? {
        let entries = file[section]
        return entries.first { $0.key == "\(key).\(tone)" }?.value ?? entries.first { $0.key == key }?.value
    }

    /// The distinct base keys with a prefix (`bullet.`), in file order.
    public func keys(_ section: String, prefix: String) -> [String] {
        var seen: [String] = []
        for (key, _, _) in file[section] where key.hasPrefix(prefix) {
            let parts = key.split(separator: ".")
            let base = parts.prefix(2).joined(separator: ".")
            if !seen.contains(base) { seen.append(base) }
        }
        return seen
    }

    /// Fills `{placeholders}`; nil when one has no value, so the line is left out.
    public static func fill(_ template: String, _ facts: [String: String]) -> String? {
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = facts[name], !value.isEmpty else { return nil }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        // A sentence opens with a capital even when a theme name fills its start.
        return result.prefix(1).uppercased() + result.dropFirst()
    }
}
