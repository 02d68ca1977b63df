import MindscopeText

/// The phrasing templates of `lexicons/narration.txt`: `[section]` headers and `key = template`
/// lines, with `key.<tone>` variants.
///
/// A template states facts, `{top_amount}`, and picks plural forms by a fact's count,
/// `{comments|comment|comments}` (`#` in a form is the count: `{top|Top blocker|Top # blockers}`).
/// Every section, key and fact is checked against ``NarrationSchema`` when the file loads: a
/// typo is an error naming its line, never a line silently left out.
public struct NarrationTemplates: Sendable {
    private let file: KeyValueSections

    public init(_ file: KeyValueSections = KeyValueSections()) { self.file = file }

    public static func parse(_ contents: String, source: String) throws(LexiconError) -> Loaded<NarrationTemplates> {
        let loaded = try KeyValueSections.parse(contents, source: source)
        for name in loaded.value.order {
            guard let section = NarrationSchema.sections[name] else {
                let known = NarrationSchema.sections.keys.sorted()
                throw LexiconError(source: source, line: loaded.value.lines[name] ?? 0,
                                   problem: .malformedLine("unknown section [\(name)]\(hint(name, known)); sections: \(known.joined(separator: ", "))"))
            }
            for (key, template, line) in loaded.value[name] {
                let base = key.hasPrefix("bullet.") ? "bullet.*" : String(key.prefix { $0 != "." })
                guard section.keys.contains(base) else {
                    throw LexiconError(source: source, line: line,
                                       problem: .malformedLine("unknown key '\(key)' in [\(name)]; keys: \(section.keys.joined(separator: ", ")) (each may add .<tone>)"))
                }
                for placeholder in placeholders(template) {
                    guard let fact = NarrationFact(rawValue: placeholder.name), section.facts.contains(fact) else {
                        let known = section.facts.map(\.rawValue).sorted()
                        throw LexiconError(source: source, line: line, problem: .malformedLine(
                            "unknown fact {\(placeholder.name)} in [\(name)]\(hint(placeholder.name, known)); its facts: \(known.joined(separator: ", "))"))
                    }
                    guard placeholder.forms.isEmpty || placeholder.forms.count == 2 else {
                        throw LexiconError(source: source, line: line,
                                           problem: .malformedLine("{\(placeholder.name)|…} needs two forms, singular and plural"))
                    }
                }
            }
        }
        return Loaded(value: NarrationTemplates(loaded.value), warnings: loaded.warnings)
    }

    private static func hint(_ name: String, _ known: [String]) -> String {
        Suggestion.nearest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
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

    /// The `{name}` and `{name|one|other}` placeholders of a template.
    static func placeholders(_ template: String) -> [(name: String, forms: [String])] {
        var found: [(String, [String])] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let parts = rest[rest.index(after: open)..<close].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            found.append((parts[0], Array(parts.dropFirst())))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// Fills the placeholders; nil when a fact is missing (not computed for this reading), so
    /// the line is left out. A plural form follows the fact's count (one: 1, other: the rest).
    public static func fill(_ template: String, _ facts: NarrationFacts) -> String? {
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let parts = rest[rest.index(after: open)..<close].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard let fact = NarrationFact(rawValue: parts[0]), let value = facts[fact], !value.text.isEmpty else { return nil }
            if parts.count == 3 {
                guard let count = value.count else { return nil }
                result += parts[count == 1 ? 1 : 2].replacingOccurrences(of: "#", with: "\(count)")
            } else {
                result += value.text
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        // A sentence opens with a capital even when a theme name fills its start.
        return result.prefix(1).uppercased() + result.dropFirst()
    }
}
