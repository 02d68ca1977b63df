import MindscopeText

/// Which columns hold the id, the comment text, the rating, the order value, the churned flag,
/// the recommend flag, the time and the segments, and why each was chosen.
public struct ColumnRoles: Sendable, Codable, Equatable {
    public enum Role: String, Sendable, CaseIterable, Codable, CodingKeyRepresentable {
        case id, text, rating, value, churned, segment
        /// A yes/no "would recommend" or "liked" flag (`Recommended IND`, `Liked`): a 0/1 column
        /// is this, never a rating.
        case recommend
        /// When the response was recorded (`RecordedDate`, `Timestamp`, `created_at`): one column.
        case time
        /// Numeric measures of tabular customer data.
        case products, logins, transactions

        /// Roles that several columns can share: free-text questions, segment columns.
        public var allowsSeveral: Bool { self == .text || self == .segment }

        public var isMeasure: Bool { self == .products || self == .logins || self == .transactions }
    }

    /// Column indices per role, in column order.
    public private(set) var columns: [Role: [Int]] = [:]
    /// Why each chosen column got its role, for `-v` and `inspect`.
    public private(set) var reasons: [Int: String] = [:]
    /// What a user should hear about a role they named (`FILE: …`), for stderr.
    public private(set) var notes: [String] = []

    /// The (first) column of a role.
    public subscript(role: Role) -> Int? { columns[role]?.first }

    /// Every column of a role.
    public func all(_ role: Role) -> [Int] { columns[role] ?? [] }

    /// The role of a column, if it has one.
    public func role(of column: Int) -> Role? { Role.allCases.first { all($0).contains(column) } }

    /// How many rows role detection looks at: the first ones and, in a regular file, rows
    /// spread through the rest (``RecordReader/sample(_:)``).
    public static let sampleSize = 200

    /// Finds the roles: overrides (role → header, repeatable for text and segment) first; then
    /// header synonyms from `lexicons/columns.txt`, matched on the column name and the question
    /// text (`[ignore]` cues anywhere in a header, `[ignore_alone]` cues as the whole header, keep
    /// a column from the text and segment roles; the time is a `[time]` column before a
    /// `[time_start]` before a `[time_end]` one); then the values, for a time column (calendar
    /// dates), a comment column (long text with spaces), a rating column (stars, fractions,
    /// rating words), a money column (currency signs) and segment columns (a few distinct
    /// labels). A rating column of only 0/1 or yes/no values is the recommend flag instead.
    public init(header: SurveyHeader, synonyms: TopicCatalog, vocabulary: ValueVocabulary,
                overrides: [(Role, String)] = [], sample: [RawRow] = [], path: String) throws(MindscopeError) {
        for (role, name) in overrides {
            guard let index = header.names.firstIndex(where: { $0.lowercased() == name.lowercased() })
                ?? header.questions.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
                throw .unknownColumn(path: path, role: role.rawValue, name: name, headers: header.names)
            }
            assign(role, index, "named by --column \(role.rawValue)=\(name)", replacing: !role.allowsSeveral)
        }
        let overridden = Set(overrides.map(\.0))
        let matches = Self.headerMatches(header, synonyms: synonyms)
        let values = Self.columnValues(sample, count: header.names.count)
        let blocked = Set(matches.indices.filter { matches[$0].contains { $0.role == "ignore" || ($0.role == "ignore_alone" && $0.full) } })
        // Date columns are never text or segments, whichever of them is the time.
        let ignored = blocked.union(matches.indices.filter { matches[$0].contains { Self.timeSections.contains($0.role) } })

        for role in [Role.id, .rating, .value, .churned, .recommend, .products, .logins, .transactions] where !overridden.contains(role) {
            let candidates = matches.indices.filter { !isAssigned($0) }.compactMap { index in
                matches[index].filter { $0.role == role.rawValue }.max(by: Self.weaker).map { (index, $0) }
            }
            // Best header match first; a column whose values contradict the role is passed over
            // ("customer_comment" is no id, "What do you value most?" no amount).
            let ordered = candidates.sorted { Self.weaker($1.1, $0.1) || (!Self.weaker($0.1, $1.1) && $0.0 < $1.0) }
            guard let (index, best) = ordered.first(where: { Self.valuesFit(role, values[$0.0], vocabulary) }) else { continue }
            assign(role, index, best.reason)
        }
        if !overridden.contains(.time) {
            // One time column: a recorded time before a start time before an end time, then the
            // better header match; a column whose values are not dates is passed over.
            let candidates = matches.indices.filter { !isAssigned($0) && !blocked.contains($0) }.compactMap { index -> (Int, Int, HeaderMatch)? in
                guard let best = matches[index].filter({ Self.timeSections.contains($0.role) }).max(by: Self.weaker) else { return nil }
                return (index, Self.timeSections.firstIndex(of: best.role)!, best)
            }
            let ordered = candidates.sorted { a, b in
                a.1 != b.1 ? a.1 < b.1 : Self.weaker(b.2, a.2) || (!Self.weaker(a.2, b.2) && a.0 < b.0)
            }
            if let (index, _, best) = ordered.first(where: { Self.valuesFit(.time, values[$0.0], vocabulary) }) {
                assign(.time, index, best.reason)
            }
        }
        if !overridden.contains(.text) {
            for index in matches.indices where !isAssigned(index) && !ignored.contains(index) {
                guard let match = matches[index].filter({ $0.role == "text" }).max(by: Self.weaker) else { continue }
                if match.full || Self.looksLikeText(values[index]) { assign(.text, index, match.reason) }
            }
        }
        if !overridden.contains(.segment) {
            for index in matches.indices where !isAssigned(index) && !ignored.contains(index) {
                guard let match = matches[index].filter({ $0.role == "segment" }).max(by: Self.weaker) else { continue }
                if Self.distinctLabels(values[index]) != nil || match.full { assign(.segment, index, match.reason) }
            }
        }
        // From the values, where the headers said nothing.
        func free() -> [Int] { values.indices.filter { !isAssigned($0) && !ignored.contains($0) } }
        // Dates before text: "2026-03-01 09:12" is long and has a space.
        if self[.time] == nil, !overridden.contains(.time), let index = free().first(where: { Self.looksLikeDates(values[$0], vocabulary) }) {
            assign(.time, index, "header says nothing; values read as dates")
        }
        if all(.text).isEmpty, let (index, length) = free()
            .compactMap({ i in Self.averageTextLength(values[i]).map { (i, $0) } }).max(by: { $0.1 < $1.1 }) {
            assign(.text, index, "header says nothing; values average \(Int(length)) characters with spaces")
        }
        if self[.rating] == nil, let index = free().first(where: { Self.looksLikeRatings(values[$0], vocabulary) }) {
            assign(.rating, index, "header says nothing; values read as ratings (stars, fractions or rating words)")
        }
        // A rating column of only 0 and 1 (or yes and no) is a recommend flag, never a 0–5 rating.
        if let index = self[.rating], Self.onlyYesAndNo(values[index], vocabulary) {
            let only = "holds only \(Self.describePair(values[index])) values"
            if let flag = self[.recommend] {
                // The flag is another column: this one is no rating either.
                if overridden.contains(.rating) { notes.append("\(path): column '\(header.names[index])' \(only): not read as a rating (the recommend flag is column '\(header.names[flag])')") }
                columns[.rating] = nil
                reasons[index] = nil
            } else {
                if overridden.contains(.rating) { notes.append("\(path): column '\(header.names[index])' \(only): read as a recommend flag, not a rating") }
                assign(.recommend, index, (reasons[index] ?? "") + "; only \(Self.describePair(values[index])) values, so a recommend flag, not a rating")
            }
        }
        // So is a column whose header names a rating and whose values are yes and no.
        if self[.recommend] == nil, !overridden.contains(.recommend), let index = matches.indices.first(where: { index in
            !isAssigned(index) && matches[index].contains { $0.role == Role.rating.rawValue } && Self.onlyYesAndNo(values[index], vocabulary)
        }), let match = matches[index].filter({ $0.role == Role.rating.rawValue }).max(by: Self.weaker) {
            assign(.recommend, index, match.reason + "; only \(Self.describePair(values[index])) values, so a recommend flag, not a rating")
        }
        if self[.value] == nil, let index = free().first(where: { Self.looksLikeMoney(values[$0]) }) {
            assign(.value, index, "header says nothing; values carry currency signs")
        }
        if !overridden.contains(.segment) {
            // A column whose header names another role (a second rating) is not a segment.
            for index in free() where !matches[index].contains(where: { $0.role != "segment" && $0.role != "text" }) {
                guard let labels = Self.distinctLabels(values[index]) else { continue }
                assign(.segment, index, "header says nothing; \(labels) distinct labels in \(sample.count) sample rows")
            }
        }
    }

    private func isAssigned(_ index: Int) -> Bool { reasons[index] != nil }

    private mutating func assign(_ role: Role, _ index: Int, _ reason: String, replacing: Bool = false) {
        if replacing, let previous = columns[role] { for column in previous { reasons[column] = nil } ; columns[role] = [] }
        for other in Role.allCases where other != role { columns[other]?.removeAll { $0 == index } }
        columns[role, default: []].append(index)
        columns[role]?.sort()
        reasons[index] = reason
    }

    // MARK: Headers

    struct HeaderMatch {
        var role: String
        var full: Bool
        var length: Int
        var reason: String
    }

    /// `a` is a weaker match than `b`: partial before full, then shorter cue.
    static func weaker(_ a: HeaderMatch, _ b: HeaderMatch) -> Bool {
        (!a.full && b.full) || (a.full == b.full && a.length < b.length)
    }

    /// Synonym matches per column, on its name and on its question text.
    static func headerMatches(_ header: SurveyHeader, synonyms: TopicCatalog) -> [[HeaderMatch]] {
        let tokenizer = Tokenizer()
        return header.names.indices.map { index in
            var found: [HeaderMatch] = []
            for (label, text) in [("header", header.names[index]), ("question", header.questions[index])] where !text.isEmpty {
                let tokens = tokenizer.tokenize(SurveyHeader.words(text))
                for match in synonyms.matches(in: tokens) {
                    let full = match.tokens.count == tokens.tokens.count
                    found.append(HeaderMatch(role: match.topic, full: full, length: match.tokens.count,
                                             reason: "\(label) '\(text)' matches '\(match.cue)'\(full ? "" : " (partly)")"))
                }
            }
            return found
        }
    }

    // MARK: Values

    static func columnValues(_ rows: [RawRow], count: Int) -> [[String]] {
        (0..<count).map { index in rows.compactMap { index < $0.fields.count ? $0.fields[index].trimmingSpaces() : nil }.filter { !$0.isEmpty } }
    }

    /// Whether a column's sample values can hold a role (80 % of the non-blank ones; half for
    /// a time).
    static func valuesFit(_ role: Role, _ values: [String], _ vocabulary: ValueVocabulary) -> Bool {
        guard !values.isEmpty else { return true }
        func mostly(_ test: (String) -> Bool) -> Bool { values.filter(test).count * 5 >= values.count * 4 }
        switch role {
        case .id: return averageTextLength(values) == nil
        case .rating: return mostly { RatingReading($0, words: vocabulary.ratingWords) != nil }
        case .value: return mostly { (try? Money.parse($0)) != nil }
        case .churned: return mostly { (try? vocabulary.flag($0)) != nil }
        case .recommend:
            // Two answers at most: a 0–10 "likelihood to recommend" stays a rating.
            return mostly { (try? vocabulary.flag($0)) != nil } && Set(values.map { $0.lowercased() }).count <= 2
        case .products, .logins, .transactions: return mostly { Double($0) != nil }
        case .time:
            // Half is enough where a header names a time: the unreadable rest is counted and cited.
            let format = TimeFormat(epochs: true, months: vocabulary.months)
            return values.filter(format.reads).count * 2 >= values.count
        case .text, .segment: return true
        }
    }

    /// Every value is a yes/no word and both answers occur: `0`/`1`, `yes`/`no`.
    static func onlyYesAndNo(_ values: [String], _ vocabulary: ValueVocabulary) -> Bool {
        let answers = values.map { try? vocabulary.flag($0) }
        return Set(values.map { $0.lowercased() }).count == 2 && !answers.contains(nil) && Set(answers) == [true, false]
    }

    /// The two values of a yes/no column, as `0/1`.
    static func describePair(_ values: [String]) -> String {
        var seen: [String] = []
        for value in values where !seen.contains(where: { $0.lowercased() == value.lowercased() }) { seen.append(value) }
        return seen.sorted().joined(separator: "/")
    }

    static func looksLikeText(_ values: [String]) -> Bool {
        values.isEmpty || values.filter { $0.contains(" ") }.count * 3 >= values.count
    }

    /// The average length of values that are mostly words with spaces, nil otherwise.
    static func averageTextLength(_ values: [String]) -> Double? {
        guard !values.isEmpty, values.filter({ $0.contains(" ") }).count * 2 >= values.count else { return nil }
        let length = Double(values.reduce(0) { $0 + $1.count }) / Double(values.count)
        return length > 10 ? length : nil
    }

    static func looksLikeRatings(_ values: [String], _ vocabulary: ValueVocabulary) -> Bool {
        let readings = values.compactMap { RatingReading($0, words: vocabulary.ratingWords) }
        return !values.isEmpty && readings.count * 10 >= values.count * 9 && readings.contains { $0.form != .number }
    }

    /// The columns.txt sections of the time role, most preferred first.
    static let timeSections = ["time", "time_start", "time_end"]

    /// Calendar dates (not bare numbers, which may be ids) in 90 % of the values.
    static func looksLikeDates(_ values: [String], _ vocabulary: ValueVocabulary) -> Bool {
        let format = TimeFormat(months: vocabulary.months)
        return !values.isEmpty && values.filter(format.readsAsCalendarDate).count * 10 >= values.count * 9
    }

    static func looksLikeMoney(_ values: [String]) -> Bool {
        let money = values.filter { value in (try? Money.parse(value))??.currency != nil }
        return !values.isEmpty && money.count * 10 >= values.count * 9
    }

    /// The number of distinct labels when a column looks like a segment: 2 to 20 distinct short
    /// values, not all numbers, repeated (fewer distinct values than half the rows).
    static func distinctLabels(_ values: [String]) -> Int? {
        let distinct = Set(values.map { $0.lowercased() })
        guard (2...20).contains(distinct.count), distinct.count * 2 <= values.count,
              !values.allSatisfy({ Double($0) != nil }), values.allSatisfy({ $0.count <= 40 }),
              !values.contains(where: looksLikeDate) else { return nil }
        return distinct.count
    }

    /// `2026-10-01`, `10/01/2026`, `2026/10/01 9:12`: dates are never segment labels.
    static func looksLikeDate(_ value: String) -> Bool {
        let parts = value.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." || $0 == " " || $0 == ":" || $0 == "T" })
        let numeric = parts.filter { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        return parts.count >= 3 && numeric.count >= 3 && parts.prefix(3).allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}
