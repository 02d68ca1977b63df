/// The function words the text core needs by role (`lexicons/word_classes.tsv`), so no
/// language's words are written in code.
///
/// File format: `word<TAB>class` per line, class one of `clause_joiner`, `pronoun`,
/// `quantity_unit`; `#` lines are comments.
public struct WordClasses: Sendable {
    public enum WordClass: String, Sendable, CaseIterable {
        /// Joins clauses softly ("and", "or"): a theme takes the sentiment of its own side.
        case clauseJoiner = "clause_joiner"
        /// After a personal pronoun, "too" means "also" ("me too").
        case pronoun
        /// After "<3" or "8)", makes a quantity ("<3 days") rather than an emoticon.
        case quantityUnit = "quantity_unit"
    }

    public private(set) var clauseJoiners: Set<String> = []
    public private(set) var pronouns: Set<String> = []
    public private(set) var quantityUnits: Set<String> = []

    public init() {}

    public static func parse(_ contents: String, source: String) throws(LexiconError) -> Loaded<WordClasses> {
        var classes = WordClasses()
        var duplicates = DuplicateCheck(source: source)
        for line in LexiconLines(contents: contents) {
            guard line.fields.count == 2, !line.fields[0].isEmpty else {
                throw LexiconError(source: source, line: line.number, problem: .malformedLine("expected word<TAB>class, got '\(line.text.prefix(60))'"))
            }
            guard let wordClass = WordClass(rawValue: String(line.fields[1])) else {
                throw LexiconError(source: source, line: line.number,
                                   problem: .unknownValue(String(line.fields[1]), allowed: WordClass.allCases.map(\.rawValue)))
            }
            let word = Tokenizer.lookupForm(String(line.fields[0]))
            guard duplicates.isNew("\(word) \(wordClass.rawValue)", line: line.number) else { continue }
            switch wordClass {
            case .clauseJoiner: classes.clauseJoiners.insert(word)
            case .pronoun: classes.pronouns.insert(word)
            case .quantityUnit: classes.quantityUnits.insert(word)
            }
        }
        return Loaded(value: classes, warnings: duplicates.warnings)
    }
}
