/// A phrase whose valence was learned from a file's ratings, with its evidence.
public struct LearnedEntry: Sendable, Hashable {
    /// The phrase in lookup form ("runs small").
    public var phrase: String
    /// Its valence on the lexicon's −4…4 scale.
    public var valence: Double
    /// Rated comments (of those it was learned from) that hold it.
    public var comments: Int
    /// Mean rating of those comments, and of the other rated comments, on the rating's scale.
    public var meanWith: Double
    public var meanWithout: Double

    public init(phrase: String, valence: Double, comments: Int, meanWith: Double, meanWithout: Double) {
        (self.phrase, self.valence, self.comments, self.meanWith, self.meanWithout) = (phrase, valence, comments, meanWith, meanWithout)
    }
}

/// Phrase valences learned from one file (``PolarityLearner``) or loaded from a file that
/// `--save-learned` wrote. They apply only where the lexicons say nothing: every word of the
/// phrase has no valence and no rule role, and the rules (negation, boosters, contrast) apply
/// to the phrase as to a word.
public struct LearnedLexicon: Sendable {
    public private(set) var entries: [LearnedEntry]
    /// Where the entries come from ("learned from 4,212 rated comments of export.csv").
    public var origin: String
    private var matcher = PhraseMatcher<Int>()
    /// The first words of the phrases: most tokens open none, and are let go after one probe
    /// (the scorer asks for every word the lexicons say nothing about).
    private var firstWords = Set<String>()

    /// The first line of a file ``rendered`` writes; ``isLearned(_:)`` looks for it.
    public static let marker = "# mindscope learned lexicon"

    public init(entries: [LearnedEntry], origin: String) {
        self.entries = entries
        self.origin = origin
        for (index, entry) in entries.enumerated() {
            guard let pattern = PhrasePattern(entry.phrase, normalize: Tokenizer.lookupForm) else { continue }
            matcher.add(pattern, index)
            if case .word(let first) = pattern.elements[0] { firstWords.insert(first) }
        }
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    /// True when a learned phrase opens with this token's word: a probe before ``match``.
    func opens(_ token: Token) -> Bool { firstWords.contains(token.normalized) }

    /// The longest learned phrase at `start` whose words the lexicons say nothing about
    /// (`silent`), with its entry's index.
    func match(in tokens: [Token], at start: Int, within bounds: Range<Int>, silent: (Int) -> Bool) -> (range: Range<Int>, entry: Int)? {
        guard !entries.isEmpty else { return nil }
        return matcher.matches(in: tokens, at: start, within: bounds).first { $0.range.allSatisfy(silent) }
            .map { ($0.range, $0.entry.payload) }
    }

    /// True when `contents` is a file ``rendered`` wrote.
    public static func isLearned(_ contents: String) -> Bool { contents.hasPrefix(marker) }

    /// The entries as a lexicon file: VADER's first columns (term, valence, standard deviation,
    /// raw ratings: the last two empty) and then the evidence.
    public var rendered: String {
        var lines = [Self.marker + ": phrase valences learned from ratings (" + origin.replacingOccurrences("\n", " ") + ").",
                     "# Load it with --sentiment-lexicon FILE: its phrases then apply as learned terms and nothing new is learned.",
                     "# term<TAB>valence<TAB>sd<TAB>ratings<TAB>comments<TAB>mean rating with<TAB>mean rating without"]
        for entry in entries {
            lines.append([entry.phrase, Self.number(entry.valence), "", "", String(entry.comments),
                          Self.number(entry.meanWith), Self.number(entry.meanWithout)].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ x: Double) -> String {
        let rounded = (x * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Parses a file ``rendered`` wrote (or one written by hand in its format).
    public static func parse(_ contents: String, source: String) throws(LexiconError) -> Loaded<LearnedLexicon> {
        var entries: [LearnedEntry] = []
        var duplicates = DuplicateCheck(source: source)
        for line in LexiconLines(contents: contents) {
            let fields = line.fields
            guard fields.count >= 2, !fields[0].isEmpty, PhrasePattern(fields[0], normalize: Tokenizer.lookupForm) != nil else {
                throw LexiconError(source: source, line: line.number, problem: .malformedLine("expected phrase<TAB>valence, got '\(line.text.prefix(60))'"))
            }
            guard let valence = Double(fields[1]), SentimentLexicon.valenceRange.contains(valence) else {
                throw LexiconError(source: source, line: line.number, problem: .badWeight(String(fields[1]), allowed: SentimentLexicon.valenceRange))
            }
            func field(_ k: Int) -> Double? { k < fields.count ? Double(fields[k]) : nil }
            let phrase = Tokenizer.lookupForm(String(fields[0]))
            guard duplicates.isNew(phrase, line: line.number) else { continue }
            entries.append(LearnedEntry(phrase: phrase, valence: valence, comments: field(4).map { Int($0) } ?? 0,
                                        meanWith: field(5) ?? .nan, meanWithout: field(6) ?? .nan))
        }
        return Loaded(value: LearnedLexicon(entries: entries, origin: source), warnings: duplicates.warnings)
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
