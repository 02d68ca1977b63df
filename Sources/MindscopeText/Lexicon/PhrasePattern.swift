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
/// that second word, so a lookup costs a table probe for the token and one for the next
/// token, and tries only the patterns that can match both. (Problem phrases often open with a
/// common word: "not", "no", "never", "took" each open 20 to 40 of a pack's phrases, and
/// trying them all was a third of `tag`'s theme matching in a profile.) Patterns that open
/// with a stem are kept in short lists by the stem's first byte.
///
/// The tables are keyed by ``Token/formHash`` (one hash a token, however many matchers look it
/// up), and every pattern's elements sit in one flat array that matching reads in place: no
/// entry, pattern or slice is copied while trying patterns (retain and release of copied
/// patterns was a fifth of `tag`'s profile).
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

    /// A pattern element as matching reads it.
    private struct Element: Sendable {
        enum Kind: UInt8 { case word, prefix, gap }
        var kind: Kind
        /// The most tokens a gap skips.
        var gap: Int
        /// ``FormHash`` of a word.
        var hash: UInt64
        /// The word or stem.
        var text: String
    }

    /// The patterns that open with one word: indices into ``entries``.
    private struct Bucket: Sendable {
        /// One-word patterns, and those whose second element is a stem or a gap.
        var rest: [Int32] = []
        /// The others, by their second word: indices into ``lists``.
        var bySecond = FormTable<Int>()
    }

    private var entries: [Entry] = []
    /// Each entry's elements: `elementStarts[i] ..< elementStarts[i + 1]` of ``elements``.
    private var elements: [Element] = []
    private var elementStarts: [Int32] = [0]
    /// Buckets by first word: an index into ``buckets``.
    private var byFirstWord = FormTable<Int>()
    private var buckets: [Bucket] = []
    /// Entry lists of the buckets' second words.
    private var lists: [[Int32]] = []
    /// Patterns that open with a stem, by the stem's first UTF-8 byte (an array, not a
    /// dictionary: hashing a Character per token was a visible share of `tag`'s profile).
    private var byFirstStem = [[Int32]](repeating: [], count: 256)
    /// For each of those, the stem's second byte (256 for a one-byte stem), checked before an
    /// entry is tried: with 160 stems in a pack, trying every stem of a token's first letter
    /// was a visible share of `tag`'s profile.
    private var stemSecondBytes = [[UInt16]](repeating: [], count: 256)
    public var count: Int { entries.count }

    public init() {}

    public mutating func add(_ pattern: PhrasePattern, _ payload: Payload) {
        let index = Int32(entries.count)
        entries.append(Entry(pattern: pattern, payload: payload))
        for element in pattern.elements {
            switch element {
            case .word(let word): elements.append(Element(kind: .word, gap: 0, hash: FormHash.of(word), text: word))
            case .prefix(let stem): elements.append(Element(kind: .prefix, gap: 0, hash: 0, text: stem))
            case .gap(let most): elements.append(Element(kind: .gap, gap: most, hash: 0, text: ""))
            }
        }
        elementStarts.append(Int32(elements.count))
        switch pattern.elements[0] {
        case .word(let word):
            let bucket = byFirstWord[word] ?? buckets.count
            if bucket == buckets.count {
                byFirstWord[word] = bucket
                buckets.append(Bucket())
            }
            if pattern.elements.count > 1, case .word(let second) = pattern.elements[1] {
                let list = buckets[bucket].bySecond[second] ?? lists.count
                if list == lists.count {
                    buckets[bucket].bySecond[second] = list
                    lists.append([])
                }
                lists[list].append(index)
            } else {
                buckets[bucket].rest.append(index)
            }
        case .prefix(let stem):
            let bytes = Array(stem.utf8.prefix(2))
            byFirstStem[Int(bytes[0])].append(index)
            stemSecondBytes[Int(bytes[0])].append(bytes.count > 1 ? UInt16(bytes[1]) : 256)
        case .gap: break  // PhrasePattern never begins with a gap
        }
    }

    /// Every pattern that matches starting at `start`, longest first.
    public func matches(in tokens: [Token], at start: Int, within bounds: Range<Int>) -> [Match] {
        let token = tokens[start]
        guard token.isMatchable else { return [] }
        var found: [Match] = []
        tokens.withUnsafeBufferPointer { tokens in
            elements.withUnsafeBufferPointer { elements in
                func attempt(_ entry: Int32) {
                    let first = Int(elementStarts[Int(entry)]), end = Int(elementStarts[Int(entry) + 1])
                    if let last = Self.match(elements, first, end, tokens, start, bounds.upperBound) {
                        found.append(Match(range: start..<last, entry: entries[Int(entry)]))
                    }
                }
                func attempt(list: Int?) {
                    guard let list else { return }
                    for entry in lists[list] { attempt(entry) }
                }
                func attempt(bucket index: Int?) {
                    guard let index else { return }
                    for entry in buckets[index].rest { attempt(entry) }
                    let next = start + 1
                    guard !buckets[index].bySecond.isEmpty, next < bounds.upperBound, tokens[next].isMatchable else { return }
                    attempt(list: buckets[index].bySecond[tokens[next]])
                    if tokens[next].emphasis.contains(.elongated) {
                        for form in Normalizer.deElongated(tokens[next].normalized) { attempt(list: buckets[index].bySecond[form]) }
                    }
                }
                attempt(bucket: byFirstWord[token])
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
            }
        }
        return found.count > 1 ? found.sorted { $0.range.count > $1.range.count } : found
    }

    /// A token matches a word as written or, when stretched ("sooo"), in a shorter form.
    @inline(__always)
    private static func matches(_ token: Token, _ element: Element) -> Bool {
        (token.formHash == element.hash && token.normalized == element.text)
            || (token.emphasis.contains(.elongated) && Normalizer.deElongated(token.normalized).contains(element.text))
    }

    /// The end of a match of `elements[first..<end]` at `index`, trying shorter gaps first.
    private static func match(_ elements: UnsafeBufferPointer<Element>, _ first: Int, _ end: Int,
                              _ tokens: UnsafeBufferPointer<Token>, _ index: Int, _ limit: Int) -> Int? {
        guard first < end else { return index }
        switch elements[first].kind {
        case .gap:
            var i = index
            for _ in 0...elements[first].gap {
                if let found = match(elements, first + 1, end, tokens, i, limit) { return found }
                guard i < limit, tokens[i].kind != .punctuation else { return nil }
                i += 1
            }
            return nil
        case .word:
            guard index < limit, tokens[index].isMatchable, Self.matches(tokens[index], elements[first]) else { return nil }
            return match(elements, first + 1, end, tokens, index + 1, limit)
        case .prefix:
            // Bytes: both sides are NFKC case-folded, and String.hasPrefix compares graphemes (slow).
            guard index < limit, tokens[index].isMatchable, tokens[index].normalized.utf8.starts(with: elements[first].text.utf8) else { return nil }
            return match(elements, first + 1, end, tokens, index + 1, limit)
        }
    }
}
