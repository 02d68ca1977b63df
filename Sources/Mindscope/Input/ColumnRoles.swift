import MindscopeText

/// Which column holds the id, the comment text, the rating and the order value.
public struct ColumnRoles: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case id, text, rating, value
    }

    /// Column index per role, where one was found.
    public private(set) var columns: [Role: Int] = [:]
    /// Why each role got its column, for `-v`.
    public private(set) var reasons: [Role: String] = [:]

    public subscript(role: Role) -> Int? { columns[role] }

    /// Finds roles from the headers with the synonyms of `lexicons/columns.txt`; overrides
    /// (role → header name) win. When no header names the text, the column whose sample values
    /// are longest and have spaces is taken.
    public init(headers: [String], synonyms: TopicCatalog, overrides: [Role: String] = [:],
                sample: [RawRow] = [], path: String) throws(MindscopeError) {
        for (role, header) in overrides {
            guard let index = headers.firstIndex(where: { $0.lowercased() == header.lowercased() }) else {
                throw .missingColumn(path: path, role: role.rawValue, headers: headers)
            }
            columns[role] = index
            reasons[role] = "named by --\(role.rawValue)-column"
        }
        let tokenizer = Tokenizer()
        let matches = headers.map { header in
            let words = String(header.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : " " })
            let text = tokenizer.tokenize(words)
            return (count: text.tokens.count, matches: synonyms.matches(in: text))
        }
        for role in Role.allCases where columns[role] == nil {
            var best: (index: Int, full: Bool, length: Int, cue: String)?
            for (index, header) in matches.enumerated() where !columns.values.contains(index) {
                for match in header.matches where match.topic == role.rawValue {
                    let full = match.tokens.count == header.count
                    if best == nil || (full && !best!.full) || (full == best!.full && match.tokens.count > best!.length) {
                        best = (index, full, match.tokens.count, match.cue)
                    }
                }
            }
            if let best {
                columns[role] = best.index
                reasons[role] = "header '\(headers[best.index])' matches '\(best.cue)'\(best.full ? "" : " (partly)")"
            }
        }
        if columns[.text] == nil, let guess = Self.longestText(sample, excluding: Set(columns.values)) {
            columns[.text] = guess.index
            reasons[.text] = "header says nothing; values average \(Int(guess.length)) characters with spaces"
        }
    }

    private static func longestText(_ rows: [RawRow], excluding: Set<Int>) -> (index: Int, length: Double)? {
        guard let width = rows.map(\.fields.count).max(), !rows.isEmpty else { return nil }
        var best: (index: Int, length: Double)?
        for index in 0..<width where !excluding.contains(index) {
            let values = rows.compactMap { $0.fields.count > index ? $0.fields[index] : nil }
            let spaced = values.filter { $0.contains(" ") }.count
            guard spaced * 2 >= values.count else { continue }
            let length = Double(values.reduce(0) { $0 + $1.count }) / Double(max(values.count, 1))
            if length > best?.length ?? 10 { best = (index, length) }
        }
        return best
    }
}
