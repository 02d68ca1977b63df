/// Word valences on VADER's scale, −4 (extremely negative) to +4 (extremely positive).
///
/// File format (`lexicons/sentiment.tsv`, `lexicons/feedback.tsv`, `lexicons/emoji.tsv`): one
/// entry per line, `term<TAB>valence`, optionally followed by a free-text note. A VADER file
/// (`token<TAB>mean<TAB>sd<TAB>ratings`) has the same first two columns and loads as it is.
/// Lines starting with `#` are comments. Terms are single tokens: words are matched by their
/// lookup form (NFKC, case folded); emoticons such as `:D` are matched exactly.
public struct SentimentLexicon: Sendable {
    public static let valenceRange: ClosedRange<Double> = -4...4

    private(set) var valences = FormTable<Double>()

    public init() {}

    /// Entries given as term → valence (a domain pack's overrides); terms are keyed as in a file.
    public init(_ entries: [String: Double]) {
        for (term, valence) in entries { valences[Self.key(term)] = valence }
    }

    public var count: Int { valences.count }

    /// Terms that do not begin with a letter or digit: candidates for emoticons.
    public var emoticonCandidates: [String] {
        valences.keys.filter { $0.unicodeScalars.first.map { $0.isASCII && !$0.properties.isAlphabetic && !("0"..."9").contains($0) } ?? false }
    }

    /// Parses one lexicon file.
    public static func parse(_ contents: String, source: String) throws(LexiconError) -> Loaded<SentimentLexicon> {
        var lexicon = SentimentLexicon()
        var duplicates = DuplicateCheck(source: source)
        for line in LexiconLines(contents: contents) {
            guard line.fields.count >= 2, !line.fields[0].isEmpty else {
                throw LexiconError(source: source, line: line.number,
                                   problem: .malformedLine("expected term<TAB>valence, got '\(line.text.prefix(60))'"))
            }
            let term = String(line.fields[0])
            guard !term.contains(" ") else {
                // VADER's file has a few such lines ("( '}{' )"): skipped and reported.
                duplicates.warn(LexiconError(source: source, line: line.number,
                                             problem: .malformedLine("'\(term)' has several words and is skipped; put phrases in idioms.tsv")))
                continue
            }
            guard let valence = Double(line.fields[1]), valenceRange.contains(valence) else {
                throw LexiconError(source: source, line: line.number,
                                   problem: .badWeight(String(line.fields[1]), allowed: valenceRange))
            }
            let key = Self.key(term)
            if duplicates.isNew(key, line: line.number) { lexicon.valences[key] = valence }
        }
        return Loaded(value: lexicon, warnings: duplicates.warnings)
    }

    /// The form a term is stored under: emoticons as written, words by lookup form.
    static func key(_ term: String) -> String {
        guard let first = term.unicodeScalars.first else { return term }
        let isEmoticon = first.isASCII && !first.properties.isAlphabetic && !("0"..."9").contains(first)
            && term.unicodeScalars.count >= 2
        return isEmoticon ? term : Tokenizer.lookupForm(term)
    }

    /// This lexicon with `other`'s entries added; where both have a term, `other` wins.
    public func overlaid(with other: SentimentLexicon) -> SentimentLexicon {
        var result = self
        result.valences = result.valences.merging(other.valences)
        return result
    }

    /// The valence of a term given in its lookup form.
    public subscript(term: String) -> Double? { valences[term] }

    /// The valence of a token's lookup form as it is (no other form tried).
    public subscript(token: Token) -> Double? { valences[token] }

    /// The valence of a token and the form that was found, trying de-elongated forms
    /// ("goooood" → "good") for stretched words, then an inflection's base form
    /// ("disappointingly" → "disappointing", "hates" → "hate", "lovin" → "loving").
    public func lookup(_ token: Token) -> (form: String, valence: Double)? {
        if let valence = valences[token] { return (token.normalized, valence) }
        guard token.emphasis.contains(.elongated) else { return baseForm(of: token.normalized) }
        let forms = Normalizer.deElongated(token.normalized)
        for form in forms {
            if let valence = valences[form] { return (form, valence) }
        }
        for form in [token.normalized] + forms {
            if let found = baseForm(of: form) { return found }
        }
        return nil
    }

    /// The first base form of `word` in this lexicon (see ``baseForm(of:where:)``), probing the
    /// table with each candidate's bytes: no candidate string is built unless it is found (most
    /// words are not inflections of a lexicon word, and building candidates was a visible cost
    /// per token).
    func baseForm(of word: String) -> (form: String, valence: Double)? {
        var word = word
        return word.withUTF8 { utf8 in
            Self.baseForm(of: utf8) { stem, replacement in valences.entry(stem, replacement) }
        }
    }

    /// The first base form of `word` (suffix rules in order, most likely first) for which `find` has
    /// a value.
    static func baseForm(of word: String, where find: (String) -> Double?) -> (form: String, valence: Double)? {
        var word = word
        return word.withUTF8 { utf8 in
            baseForm(of: utf8) { stem, replacement in
                let candidate = String(decoding: stem, as: UTF8.self) + replacement.description
                return find(candidate).map { (candidate, $0) }
            }
        }
    }

    private static func baseForm(of utf8: UnsafeBufferPointer<UInt8>,
                                 find: (UnsafeBufferPointer<UInt8>, StaticString) -> (String, Double)?) -> (form: String, valence: Double)? {
        guard utf8.count > 4, utf8.allSatisfy({ (0x61...0x7A).contains($0) }) else { return nil }
        for (suffix, replacements) in suffixRules {
            let count = suffix.utf8CodeUnitCount
            guard utf8.count - count >= 3,
                  UnsafeBufferPointer(start: suffix.utf8Start, count: count).elementsEqual(utf8[(utf8.count - count)...]) else { continue }
            let stem = UnsafeBufferPointer(rebasing: utf8[..<(utf8.count - count)])
            for replacement in replacements {
                if let found = find(stem, replacement) { return found }
            }
        }
        return nil
    }

    /// Suffixes stripped, most likely first, with what may replace each.
    private static let suffixRules: [(StaticString, [StaticString])] = [
        ("in", ["ing"]),          // lovin, nothin'
        ("ly", [""]),             // disappointingly → disappointing
        ("ily", ["y"]),           // happily → happy
        ("ness", [""]),           // rudeness → rude
        ("iness", ["y"]),         // ugliness → ugly
        ("ies", ["y"]),           // worries → worry
        ("es", [""]),             // crashes → crash
        ("s", [""]),              // hates → hate
        ("ied", ["y"]),           // worried → worry
        ("ed", ["", "e"]),        // annoyed → annoy, hated → hate
        ("ing", ["", "e"]),       // crashing → crash, hating → hate
    ]
}
