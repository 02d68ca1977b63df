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
/// Patterns are indexed by their first word and, when their second element is a word too, by
/// that second word, so a lookup costs a dictionary probe for the token and one for the next
/// token, and tries only the patterns that can match both. (Problem phrases often open with a
/// common word: "not", "no", "never", "took" each open 20 to 40 of a pack's phrases, and
/// trying them all was a third of `tag`'s theme matching in a profile.) Patterns that open
/// with a stem are kept in short lists by the stem's first byte.
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

    /// The patterns that open with one word.
    private struct Bucket: Sendable {
        /// One-word patterns, and those whose second element is a stem or a gap.
        var rest: [Entry] = []
        /// The others, by their second word.
        var bySecond: [String: [Entry]] = [:]
    }

    /// Buckets by first word: an index into ``buckets``, so a lookup copies no array.
    private var byFirstWord: [String: Int] = [:]
    private var buckets: [Bucket] = []
    /// Patterns that open with a stem, by the stem's first UTF-8 byte (an array, not a
    /// dictionary: hashing a Character per token was a visible share of `tag`'s profile).
    private var byFirstStem = [[Entry]](repeating: [], count: 256)
    /// For each of those, the stem's second byte (256 for a one-byte stem), checked before an
    /// entry is tried: with 160 stems in a pack, trying every stem of a token's first letter
    /// was a visible share of `tag`'s profile.
    private var stemSecondBytes = [[UInt16]](repeating: [], count: 256)
    public private(set) var count = 0

    public init() {}

    public mutating func add(_ pattern: PhrasePattern, _ payload: Payload) {
        let entry = Entry(pattern: pattern, payload: payload)
        switch pattern.elements[0] {
        case .word(let word):
            let index = byFirstWord[word] ?? buckets.count
            if index == buckets.count {
                byFirstWord[word] = index
                buckets.append(Bucket())
            }
            if pattern.elements.count > 1, case .word(let second) = pattern.elements[1] {
                buckets[index].bySecond[second, default: []].append(entry)
            } else {
                buckets[index].rest.append(entry)
            }
        case .prefix(let stem):
            let bytes = Array(stem.utf8.prefix(2))
            byFirstStem[Int(bytes[0])].append(entry)
            stemSecondBytes[Int(bytes[0])].append(bytes.count > 1 ? UInt16(bytes[1]) : 256)
        case .gap: break  // PhrasePattern never begins with a gap
        }
        count += 1
    }

    /// Every pattern that matches starting at `start`, longest first.
    public func matches(in tokens: [Token], at start: Int, within bounds: Range<Int>) -> [Match] {
        let token = tokens[start]
        guard token.isMatchable else { return [] }
        var found: [Match] = []
        func attempt(_ entry: Entry) {
            if let end = Self.match(entry.pattern.elements[...], tokens, start, bounds.upperBound) {
                found.append(Match(range: start..<end, entry: entry))
            }
        }
        func attempt(_ entries: [Entry]?) {
            for entry in entries ?? [] { attempt(entry) }
        }
        func attempt(bucket index: Int?) {
            guard let index else { return }
            if !buckets[index].rest.isEmpty { attempt(buckets[index].rest) }
            let next = start + 1
            guard !buckets[index].bySecond.isEmpty, next < bounds.upperBound, tokens[next].isMatchable else { return }
            attempt(buckets[index].bySecond[tokens[next].normalized])
            if tokens[next].emphasis.contains(.elongated) {
                for form in Normalizer.deElongated(tokens[next].normalized) { attempt(buckets[index].bySecond[form]) }
            }
        }
        attempt(bucket: byFirstWord[token.normalized])
        if token.emphasis.contains(.elongated) {
            for form in Normalizer.deElongated(token.normalized) { attempt(bucket: byFirstWord[form]) }
        }
        var bytes = token.normalized.utf8.makeIterator()
        if let first = bytes.next().map(Int.init), !byFirstStem[first].isEmpty {
            let second = bytes.next().map(UInt16.init) ?? 257
            for (index, stemSecond) in stemSecondBytes[first].enumerated() where stemSecond == second || stemSecond == 256 {
                attempt(byFirstStem[first][index])
            }
        }
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
