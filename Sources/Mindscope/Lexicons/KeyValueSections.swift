import MindscopeText

/// A data file of `[section]` headers and `key = value` lines (`narration.txt`,
/// `analyses.txt`), keys in file order; `#` comments and blank lines skipped.
public struct KeyValueSections: Sendable {
    public init() {}

    /// Section names in file order, and the line of each header.
    public private(set) var order: [String] = []
    public private(set) var lines: [String: Int] = [:]
    private(set) var sections: [String: [(key: String, value: String, line: Int)]] = [:]

    public subscript(section: String) -> [(key: String, value: String, line: Int)] { sections[section] ?? [] }

    public static func parse(_ contents: String, source: String) throws(LexiconError) -> Loaded<KeyValueSections> {
        var file = KeyValueSections()
        var current: String?
        var duplicates = DuplicateCheck(source: source)
        for line in LexiconLines(contents: contents) {
            let text = String(line.text).trimmingSpaces()
            if text.hasPrefix("[") && text.hasSuffix("]") {
                let name = String(text.dropFirst().dropLast())
                current = name
                if duplicates.isNew("[\(name)]", line: line.number) {
                    file.order.append(name)
                    file.lines[name] = line.number
                }
                continue
            }
            guard let section = current else {
                throw LexiconError(source: source, line: line.number, problem: .malformedLine("expected a [section] first"))
            }
            guard let equals = text.firstIndex(of: "="), case let key = String(text[..<equals]).trimmingSpaces(), !key.isEmpty else {
                throw LexiconError(source: source, line: line.number, problem: .malformedLine("expected key = value"))
            }
            guard duplicates.isNew("\(section).\(key)", line: line.number) else { continue }
            file.sections[section, default: []].append((key, String(text[text.index(after: equals)...]).trimmingSpaces(), line.number))
        }
        return Loaded(value: file, warnings: duplicates.warnings)
    }
}
