import MindscopeText

/// The words exports use for ratings and yes/no flags, from `lexicons/rating_words.tsv` and
/// `lexicons/flags.tsv`.
public struct ValueVocabulary: Sendable {
    /// Answer (lower case) → value on a 1–5 scale.
    public private(set) var ratingWords: [String: Double] = [:]
    /// Value (lower case) → true/false.
    public private(set) var flags: [String: Bool] = [:]

    public init(ratingWords: [String: Double] = [:], flags: [String: Bool] = [:]) {
        self.ratingWords = ratingWords
        self.flags = flags
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
