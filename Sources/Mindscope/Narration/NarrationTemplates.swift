import MindscopeText

/// The phrasing templates of `lexicons/narration.txt`: `[section]` headers and `key = template`
/// lines, with `key.<tone>` variants.
public struct NarrationTemplates: Sendable {
    /// section → key → template, keys in file order.
    private(set) var sections: [String: [(key: String, template: String)]] = [:]

    public init() {}

    public static func parse(_ contents: String, source: String) throws(LexiconError) -> Loaded<NarrationTemplates> {
        var templates = NarrationTemplates()
        var current: String?
        var duplicates = DuplicateCheck(source: source)
        for line in LexiconLines(contents: contents) {
            let text = String(line.text).trimmingSpaces()
            if text.hasPrefix("[") && text.hasSuffix("]") {
                current = String(text.dropFirst().dropLast())
                continue
            }
            guard let section = current else {
                throw LexiconError(source: source, line: line.number, problem: .malformedLine("expected a [section] first"))
            }
            guard let equals = text.firstIndex(of: "="), case let key = String(text[..<equals]).trimmingSpaces(), !key.isEmpty else {
                throw LexiconError(source: source, line: line.number, problem: .malformedLine("expected key = template"))
            }
            guard duplicates.isNew("\(section).\(key)", line: line.number) else { continue }
            templates.sections[section, default: []].append((key, String(text[text.index(after: equals)...]).trimmingSpaces()))
        }
        return Loaded(value: templates, warnings: duplicates.warnings)
    }

    /// The template for `key` in the persona's tone, else the plain one.
    public func template(_ section: String, _ key: String, tone: String) -> String? {
        let entries = sections[section] ?? []
        return entries.first { $0.key == "\(key).\(tone)" }?.template ?? entries.first { $0.key == key }?.template
    }

    /// The distinct base keys with a prefix (`bullet.`), in file order.
    public func keys(_ section: String, prefix: String) -> [String] {
        var seen: [String] = []
        for (key, _) in sections[section] ?? [] where key.hasPrefix(prefix) {
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
