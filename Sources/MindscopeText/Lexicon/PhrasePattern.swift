/// A multiword cue such as `waste of money`, `ship*` or `never buy* ... again`.
///
/// Syntax, one pattern per entry, words separated by spaces:
/// - `word`: the token's lookup form equals `word` (after NFKC and case folding);
/// - `stem*`: the token's lookup form starts with `stem`;
/// - `...`: any zero to three tokens other than punctuation (words, numbers, prices).
///
/// Words match word, hashtag and number tokens ("5 stars").
public struct PhrasePattern: Sendable, Hashable, CustomStringConvertible {
    public enum Element: Sendable, Hashable {
        case word(String)
        case prefix(String)
        case gap(Int)
    }

    public let elements: [Element]
    /// The pattern as written.
    public let description: String

    /// The most word tokens `...` may skip.
    public static let maximumGap = 3

    /// Parses a pattern; nil when it has no word, begins or ends with a gap, or has an empty stem.
    public init?(_ text: some StringProtocol, normalize: (String) -> String) {
        var elements: [Element] = []
        for part in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if part == "..." || part == "…" {
                elements.append(.gap(Self.maximumGap))
            } else if part.hasSuffix("*") {
                let stem = normalize(String(part.dropLast()))
                guard !stem.isEmpty else { return nil }
                elements.append(.prefix(stem))
            } else {
                elements.append(.word(normalize(String(part))))
            }
        }
        guard let first = elements.first, let last = elements.last else { return nil }
        if case .gap = first { return nil }
        if case .gap = last { return nil }
        self.elements = elements
        self.description = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// How many tokens the pattern needs at least.
    var minimumLength: Int { elements.filter { if case .gap = $0 { false } else { true } }.count }
}

/// Finds the longest phrase patterns at each position of a token sequence.
///
/// Patterns are indexed by their first word, or kept in a short list when they begin with a
/// stem, so a lookup costs a dictionary probe per token plus the stem list.
public struct PhraseMatcher<Payload: Sendable>: Sendable {
    public struct Entry: Sendable {
        public var pattern: PhrasePattern
        public var payload: Payload
    }

    public struct Match: Sendable {
        /// Token indices covered, first to last (gaps included).
        public var range: Range<Int>
        public var entry: Entry
    }

    private var byFirstWord: [String: [Entry]] = [:]
    /// Patterns that open with a stem, by the stem's first UTF-8 byte (an array, not a
    /// dictionary: hashing a Character per token was a visible share of `tag`'s profile).
    private var byFirstStem = [[Entry]](repeating: [], count: 256)
    public private(set) var count = 0

    public init() {}

    public mutating func add(_ pattern: PhrasePattern, _ payload: Payload) {
        let entry = Entry(pattern: pattern, payload: payload)
        switch pattern.elements[0] {
        case .word(let word): byFirstWord[word, default: []].append(entry)
        case .prefix(let stem): byFirstStem[Int(stem.utf8.first!)].append(entry)
        case .gap: break  // PhrasePattern never begins with a gap
        }
        count += 1
    }

    public var entries: [Entry] { byFirstWord.values.flatMap { $0 } + byFirstStem.flatMap { $0 } }

    /// Every pattern that matches starting at `start`, longest first.
    public func matches(in tokens: [Token], at start: Int, within bounds: Range<Int>) -> [Match] {
        let token = tokens[start]
        guard token.isMatchable else { return [] }
        var found: [Match] = []
        func attempt(_ entries: [Entry]?) {
            for entry in entries ?? [] {
                if let end = Self.match(entry.pattern.elements[...], tokens, start, bounds.upperBound) {
                    found.append(Match(range: start..<end, entry: entry))
                }
            }
        }
        attempt(byFirstWord[token.normalized])
        if token.emphasis.contains(.elongated) {
            for form in Normalizer.deElongated(token.normalized) { attempt(byFirstWord[form]) }
        }
        if let first = token.normalized.utf8.first { attempt(byFirstStem[Int(first)]) }
        return found.count > 1 ? found.sorted { $0.range.count > $1.range.count } : found
    }

    /// A token matches a word as written or, when stretched ("sooo"), in a shorter form.
    private static func matches(_ token: Token, _ word: String) -> Bool {
        token.normalized == word
            || (token.emphasis.contains(.elongated) && Normalizer.deElongated(token.normalized).contains(word))
    }

    /// The end of a match of `elements` at `index`, trying shorter gaps first.
    private static func match(_ elements: ArraySlice<PhrasePattern.Element>, _ tokens: [Token], _ index: Int, _ limit: Int) -> Int? {
        guard let element = elements.first else { return index }
        let rest = elements.dropFirst()
        switch element {
        case .gap(let most):
            var i = index
            for _ in 0...most {
                if let end = match(rest, tokens, i, limit) { return end }
                guard i < limit, tokens[i].kind != .punctuation else { return nil }
                i += 1
            }
            return nil
        case .word(let word):
            guard index < limit, tokens[index].isMatchable, Self.matches(tokens[index], word) else { return nil }
            return match(rest, tokens, index + 1, limit)
        case .prefix(let stem):
            guard index < limit, tokens[index].isMatchable, tokens[index].normalized.utf8.starts(with: stem.utf8) else { return nil }  // bytes: both sides are NFKC case-folded, and String.hasPrefix compares graphemes (slow)
            return match(rest, tokens, index + 1, limit)
        }
    }
}
