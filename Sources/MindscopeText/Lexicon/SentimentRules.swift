/// The words that change other words' valence: negators, intensifiers, contrast words, and
/// the multiword idioms that carry a valence of their own.
///
/// Four files, all `#`-commented and tab-separated, each entry a ``PhrasePattern``:
/// - `negators.txt`: one negator per line (`not`, `never`, `without`), optionally followed by
///   a tab and the words after which it stresses instead of negating (`never` + `so`, `this`:
///   "never so happy"); a line `*n't` makes every word ending in `n't` a negator;
/// - `intensifiers.tsv`: `term<TAB>weight[<TAB>kind]`, weight in −1…1 (boosters positive,
///   dampeners negative), kind `booster`, `dampener` or `excess` (`too`: turns a neutral word
///   that follows it negative);
/// - `contrast.tsv`: `term<TAB>kind`, kind `but` (the clause after it weighs more) or
///   `although` (the clause it opens weighs less);
/// - `idioms.tsv`: `phrase<TAB>valence`, valence in −4…4.
public struct SentimentRules: Sendable {
    public enum ContrastKind: String, Sendable, CaseIterable {
        /// "but", "however": what follows weighs more, what came before less.
        case but
        /// "although", "even though": the clause it opens weighs less than the rest.
        case although
    }

    /// What a matched cue does.
    public enum Cue: Sendable, Equatable {
        /// Negates, unless the next word is one of `emphasizedBy` ("never so good").
        case negator(emphasizedBy: Set<String>)
        case intensifier(Double)
        case excess(Double)
        case contrast(ContrastKind)
        case idiom(Double)
    }

    public private(set) var cues = PhraseMatcher<Cue>()
    /// Word endings that make a negator (`n't`).
    public private(set) var negatorSuffixes: [String] = []

    public init() {}

    public static let weightRange: ClosedRange<Double> = -1...1

    /// Adds the negators of a `negators.txt` file.
    public mutating func addNegators(_ contents: String, source: String) throws(LexiconError) -> [LexiconError] {
        var duplicates = DuplicateCheck(source: source)
        for line in LexiconLines(contents: contents) {
            let term = String(line.fields[0])
            guard duplicates.isNew(Tokenizer.lookupForm(term), line: line.number) else { continue }
            if term.hasPrefix("*") && term.count > 1 && !term.contains(" ") {
                negatorSuffixes.append(Tokenizer.lookupForm(String(term.dropFirst())))
            } else {
                let stressed = line.fields.count > 1 ? line.fields[1].split(separator: " ").map { Tokenizer.lookupForm(String($0)) } : []
                try add(term, .negator(emphasizedBy: Set(stressed)), source: source, line: line.number)
            }
        }
        return duplicates.warnings
    }

    /// Adds the entries of an `intensifiers.tsv` file.
    public mutating func addIntensifiers(_ contents: String, source: String) throws(LexiconError) -> [LexiconError] {
        try addEntries(contents, source: source, format: "term<TAB>weight[<TAB>booster|dampener|excess]") { line throws(LexiconError) in
            let weight = try Self.number(line, 1, in: Self.weightRange, source: source)
            let kind = line.fields.count > 2 ? String(line.fields[2]) : (weight < 0 ? "dampener" : "booster")
            switch kind {
            case "booster", "dampener": return .intensifier(weight)
            case "excess": return .excess(weight)
            default:
                throw LexiconError(source: source, line: line.number,
                                   problem: .unknownValue(kind, allowed: ["booster", "dampener", "excess"]))
            }
        }
    }

    /// Adds the entries of a `contrast.tsv` file.
    public mutating func addContrast(_ contents: String, source: String) throws(LexiconError) -> [LexiconError] {
        try addEntries(contents, source: source, format: "term<TAB>but|although") { line throws(LexiconError) in
            guard let kind = ContrastKind(rawValue: String(line.fields[1])) else {
                throw LexiconError(source: source, line: line.number,
                                   problem: .unknownValue(String(line.fields[1]), allowed: ContrastKind.allCases.map(\.rawValue)))
            }
            return .contrast(kind)
        }
    }

    /// Adds the entries of an `idioms.tsv` file.
    public mutating func addIdioms(_ contents: String, source: String) throws(LexiconError) -> [LexiconError] {
        try addEntries(contents, source: source, format: "phrase<TAB>valence") { line throws(LexiconError) in
            .idiom(try Self.number(line, 1, in: SentimentLexicon.valenceRange, source: source))
        }
    }

    /// True when a token is a negator by its ending (`didn't`, `wouldn't`).
    public func isNegatorBySuffix(_ token: Token) -> Bool {
        // The byte test first: a string ending in the suffix's characters ends in its bytes, and
        // String.hasSuffix (grapheme clusters) on every word was a visible cost.
        token.kind == .word && negatorSuffixes.contains { token.normalized.utf8.reversed().starts(with: $0.utf8.reversed()) && token.normalized.hasSuffix($0) }
    }

    private mutating func addEntries(_ contents: String, source: String, format: String,
                                     cue: (LexiconLines.Line) throws(LexiconError) -> Cue) throws(LexiconError) -> [LexiconError] {
        var duplicates = DuplicateCheck(source: source)
        for line in LexiconLines(contents: contents) {
            guard line.fields.count >= 2, !line.fields[0].isEmpty else {
                throw LexiconError(source: source, line: line.number,
                                   problem: .malformedLine("expected \(format), got '\(line.text.prefix(60))'"))
            }
            let value = try cue(line)
            guard duplicates.isNew(Tokenizer.lookupForm(String(line.fields[0])), line: line.number) else { continue }
            try add(String(line.fields[0]), value, source: source, line: line.number)
        }
        return duplicates.warnings
    }

    private mutating func add(_ term: String, _ cue: Cue, source: String, line: Int) throws(LexiconError) {
        guard let pattern = PhrasePattern(term, normalize: Tokenizer.lookupForm) else {
            throw LexiconError(source: source, line: line,
                               problem: .malformedLine("'\(term)' is not a phrase pattern (words, stem*, and ... between words)"))
        }
        cues.add(pattern, cue)
    }

    static func number(_ line: LexiconLines.Line, _ field: Int, in range: ClosedRange<Double>, source: String) throws(LexiconError) -> Double {
        guard let value = Double(line.fields[field]), range.contains(value) else {
            throw LexiconError(source: source, line: line.number, problem: .badWeight(String(line.fields[field]), allowed: range))
        }
        return value
    }
}
