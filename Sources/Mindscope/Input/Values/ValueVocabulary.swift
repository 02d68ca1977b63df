import MindscopeText

/// The words exports use for ratings, yes/no flags and months, from `lexicons/rating_words.tsv`,
/// `lexicons/flags.tsv` and `lexicons/months.tsv`.
public struct ValueVocabulary: Sendable {
    /// Answer (lower case) → value on a 1–5 scale.
    public private(set) var ratingWords: [String: Double] = [:]
    /// Value (lower case) → true/false.
    public private(set) var flags: [String: Bool] = [:]
    /// Month name (lower case) → 1…12, for dates such as `Mar 1, 2026`.
    public private(set) var months: [String: Int] = [:]

    public init(ratingWords: [String: Double] = [:], flags: [String: Bool] = [:], months: [String: Int] = [:]) {
        self.ratingWords = ratingWords
        self.flags = flags
        self.months = months
    }

    public static let ratingWordRange: ClosedRange<Double> = 1...5

    /// Parses `rating_words.tsv` (`answer<TAB>value`, value 1–5).
    public static func parseRatingWords(_ contents: String, source: String) throws(LexiconError) -> Loaded<[String: Double]> {
        var words: [String: Double] = [:]
        var duplicates = DuplicateCheck(source: source)
        for line in LexiconLines(contents: contents) {
            guard line.fields.count >= 2 else {
                throw LexiconError(source: source, line: line.number, problem: .malformedLine("expected answer<TAB>value"))
            }
            guard let value = Double(line.fields[1]), ratingWordRange.contains(value) else {
                throw LexiconError(source: source, line: line.number, problem: .badWeight(String(line.fields[1]), allowed: ratingWordRange))
            }
            let key = line.fields[0].lowercased()
            if duplicates.isNew(key, line: line.number) { words[key] = value }
        }
        return Loaded(value: words, warnings: duplicates.warnings)
    }

    /// Parses `flags.tsv` (`value<TAB>true|false`).
    public static func parseFlags(_ contents: String, source: String) throws(LexiconError) -> Loaded<[String: Bool]> {
        var flags: [String: Bool] = [:]
        var duplicates = DuplicateCheck(source: source)
        for line in LexiconLines(contents: contents) {
            guard line.fields.count >= 2, let value = Bool(String(line.fields[1]).lowercased()) else {
                throw LexiconError(source: source, line: line.number,
                                   problem: .unknownValue(line.fields.count >= 2 ? String(line.fields[1]) : "", allowed: ["true", "false"]))
            }
            let key = line.fields[0].lowercased()
            if duplicates.isNew(key, line: line.number) { flags[key] = value }
        }
        return Loaded(value: flags, warnings: duplicates.warnings)
    }

    /// Parses `months.tsv` (`name<TAB>month`, month 1–12).
    public static func parseMonths(_ contents: String, source: String) throws(LexiconError) -> Loaded<[String: Int]> {
        var months: [String: Int] = [:]
        var duplicates = DuplicateCheck(source: source)
        for line in LexiconLines(contents: contents) {
            guard line.fields.count >= 2 else {
                throw LexiconError(source: source, line: line.number, problem: .malformedLine("expected name<TAB>month"))
            }
            guard let month = Int(line.fields[1]), (1...12).contains(month) else {
                throw LexiconError(source: source, line: line.number, problem: .badWeight(String(line.fields[1]), allowed: 1...12))
            }
            let key = line.fields[0].lowercased()
            if duplicates.isNew(key, line: line.number) { months[key] = month }
        }
        return Loaded(value: months, warnings: duplicates.warnings)
    }

    /// A yes/no field: nil when blank; throws when it is neither yes nor no.
    public func flag(_ field: String) throws(FieldProblem) -> Bool? {
        let key = field.trimmingSpaces().lowercased()
        if key.isEmpty { return nil }
        guard let value = flags[key] else { throw FieldProblem("'\(field.excerpt)' is not a yes/no value") }
        return value
    }
}

/// Why a field's value cannot be used, worded for the user.
public struct FieldProblem: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
