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
/// with a stem are found by walking a byte trie of the stems along the token.
///
/// The tables are keyed by ``Token/formHash`` (one hash a token, however many matchers look it
/// up), and every pattern's elements sit in one flat array that matching reads in place: no
/// entry, pattern or slice is copied while trying patterns.
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
        /// A stem's bytes: `bytesStart ..< bytesStart + bytesCount` of ``Tables/stemBytes``.
        var bytesStart: Int32 = 0
        var bytesCount: Int32 = 0
    }

    /// The patterns that open with one word: indices into ``entries``.
    private struct Bucket: Sendable {
        /// One-word patterns, and those whose second element is a stem or a gap.
        var rest: [Int32] = []
        /// The others, by their second word: indices into ``lists``.
        var bySecond = FormTable<Int>()
    }

    /// The matcher's tables.
    private struct Tables: Sendable {
        var entries: [Entry] = []
        /// Each entry's elements: `elementStarts[i] ..< elementStarts[i + 1]` of ``elements``.
        var elements: [Element] = []
        var elementStarts: [Int32] = [0]
        /// The stems' bytes, one after another.
        var stemBytes: [UInt8] = []
        /// Buckets by first word: an index into ``buckets``.
        var byFirstWord = FormTable<Int>()
        var buckets: [Bucket] = []
        /// Entry lists of the buckets' second words.
        var lists: [[Int32]] = []
        /// Patterns that open with a stem, in a byte trie of the stems: a token walks it along its
        /// own bytes and meets exactly the stems it starts with. (Trying every stem of the token's
        /// first letter, as before, was the largest share of theme matching in a `tag` profile.)
        var stems = StemTrie()

        mutating func add(_ pattern: PhrasePattern, _ payload: Payload) {
            let index = Int32(entries.count)
            entries.append(Entry(pattern: pattern, payload: payload))
            for element in pattern.elements {
                switch element {
                case .word(let word): elements.append(Element(kind: .word, gap: 0, hash: FormHash.of(word), text: word))
                case .prefix(let stem):
                    elements.append(Element(kind: .prefix, gap: 0, hash: 0, text: stem, bytesStart: Int32(stemBytes.count), bytesCount: Int32(stem.utf8.count)))
                    stemBytes += Array(stem.utf8)
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
                stems.add(stem, index)
            case .gap: break  // PhrasePattern never begins with a gap
            }
        }
    }

    /// The tables in one immutable object: a matcher is copied into every closure that matches
    /// with it, and copying one reference is one retain where copying the tables was one per
    /// array (a `tag` profile showed those copies at a tenth of its instructions). Immutable, so
    /// that reading it needs no exclusivity checks (which a class's `var`s would).
    private final class Storage: Sendable {
        let tables: Tables
        init(_ tables: Tables) { self.tables = tables }
    }

    private var storage = Storage(Tables())

    public var count: Int { storage.tables.entries.count }

    public init() {}

    public mutating func add(_ pattern: PhrasePattern, _ payload: Payload) {
        var tables = storage.tables
        // Released before the change, so that a uniquely held matcher's arrays grow in place.
        if isKnownUniquelyReferenced(&storage) { storage = Self.empty }
        tables.add(pattern, payload)
        storage = Storage(tables)
    }

    private static var empty: Storage { Storage(Tables()) }

    /// Every pattern that matches starting at `start`, longest first (and, among equally long
    /// ones, in the order they were added within each index: first-word, second-word, stem).
    public func matches(in tokens: [Token], at start: Int, within bounds: Range<Int>) -> [Match] {
        var found: [MatchRef] = []
        tokens.withUnsafeBufferPointer { appendMatches(in: $0, at: start, within: bounds, to: &found) }
        let matches = found.map { Match(range: $0.range, entry: storage.tables.entries[Int($0.entry)]) }
        return matches.count > 1 ? matches.sorted { $0.range.count > $1.range.count } : matches
    }

    /// The first of ``matches(in:at:within:)``, found without building the list of entries.
    public func longestMatch(in tokens: UnsafeBufferPointer<Token>, at start: Int, within bounds: Range<Int>) -> MatchRef? {
        var found: [MatchRef] = []
        appendMatches(in: tokens, at: start, within: bounds, to: &found)
        var best: MatchRef?
        for match in found where match.range.count > best?.range.count ?? 0 { best = match }
        return best
    }

    /// The pattern and payload of an entry a match names.
    public func entry(_ index: Int32) -> Entry { storage.tables.entries[Int(index)] }

    /// The payload of an entry a match names.
    public func payload(_ index: Int32) -> Payload { storage.tables.entries[Int(index)].payload }

    /// A match as ``appendMatches(in:at:within:to:)`` finds it: tokens and the entry's index.
    public struct MatchRef: Sendable {
        public var range: Range<Int>
        public var entry: Int32
    }

    /// Appends to `found` every pattern that matches at `start`, in the order the indexes hold
    /// them; allocates nothing for a token that opens no pattern. (A buffer rather than a
    /// callback: the closures of a callback retained what they captured for every token.)
    public func appendMatches(in tokens: UnsafeBufferPointer<Token>, at start: Int, within bounds: Range<Int>,
                              to found: inout [MatchRef]) {
        guard tokens[start].isMatchable else { return }
        let storage = self.storage
        let limit = bounds.upperBound
        storage.tables.elements.withUnsafeBufferPointer { elements in
            storage.tables.elementStarts.withUnsafeBufferPointer { starts in
                storage.tables.stemBytes.withUnsafeBufferPointer { stemBytes in
                    func attempt(_ entry: Int32) {
                        if let last = Self.match(elements, stemBytes, Int(starts[Int(entry)]), Int(starts[Int(entry) + 1]), tokens, start, limit) {
                            found.append(MatchRef(range: start..<last, entry: entry))
                        }
                    }
                    func attempt(list: Int?) {
                        guard let list else { return }
                        for entry in storage.tables.lists[list] { attempt(entry) }
                    }
                    func attempt(bucket index: Int?) {
                        guard let index else { return }
                        for entry in storage.tables.buckets[index].rest { attempt(entry) }
                        let next = start + 1
                        guard !storage.tables.buckets[index].bySecond.isEmpty, next < limit, tokens[next].isMatchable else { return }
                        attempt(list: storage.tables.buckets[index].bySecond[tokens[next]])
                        if tokens[next].emphasis.contains(.elongated) {
                            for form in Normalizer.deElongated(tokens[next].normalized) { attempt(list: storage.tables.buckets[index].bySecond[form]) }
                        }
                    }
                    if !storage.tables.buckets.isEmpty {
                        attempt(bucket: storage.tables.byFirstWord[tokens[start]])
                        if tokens[start].emphasis.contains(.elongated) {
                            for form in Normalizer.deElongated(tokens[start].normalized) { attempt(bucket: storage.tables.byFirstWord[form]) }
                        }
                    }
                    if !storage.tables.stems.isEmpty {
                        // In the order the stems were added, as when they were tried one by one.
                        var opened = storage.tables.stems.entries(openedBy: tokens[start].normalized)
                        if opened.count > 1 { opened.sort() }
                        for entry in opened { attempt(entry) }
                    }
                }
            }
        }
    }

    /// The end of a match of `elements[first..<end]` at `index`, trying shorter gaps first.
    /// Elements and tokens are read in place (a copied token or element is a retain).
    private static func match(_ elements: UnsafeBufferPointer<Element>, _ stemBytes: UnsafeBufferPointer<UInt8>, _ first: Int, _ end: Int,
                              _ tokens: UnsafeBufferPointer<Token>, _ index: Int, _ limit: Int) -> Int? {
        guard first < end else { return index }
        switch elements[first].kind {
        case .gap:
            var i = index
            for _ in 0...elements[first].gap {
                if let found = match(elements, stemBytes, first + 1, end, tokens, i, limit) { return found }
                guard i < limit, tokens[i].kind != .punctuation else { return nil }
                i += 1
            }
            return nil
        case .word:
            guard index < limit, tokens[index].isMatchable else { return nil }
            // A token matches a word as written or, when stretched ("sooo"), in a shorter form.
            guard (tokens[index].formHash == elements[first].hash && tokens[index].normalized == elements[first].text)
                    || (tokens[index].emphasis.contains(.elongated)
                        && Normalizer.deElongated(tokens[index].normalized).contains(elements[first].text)) else { return nil }
            return match(elements, stemBytes, first + 1, end, tokens, index + 1, limit)
        case .prefix:
            // Bytes: both sides are NFKC case-folded, and String.hasPrefix compares graphemes (slow).
            guard index < limit, tokens[index].isMatchable else { return nil }
            let stem = UnsafeBufferPointer(rebasing: stemBytes[Int(elements[first].bytesStart)..<Int(elements[first].bytesStart + elements[first].bytesCount)])
            let starts = tokens[index].normalized.utf8.withContiguousStorageIfAvailable { form in
                form.count >= stem.count && form[..<stem.count].elementsEqual(stem)
            } ?? tokens[index].normalized.utf8.starts(with: stem)
            guard starts else { return nil }
            return match(elements, stemBytes, first + 1, end, tokens, index + 1, limit)
        }
    }
}

/// Stems (`ship*`) in a byte trie, each node with the entries of the stems that end there;
/// flat arrays, so walking it retains nothing.
struct StemTrie: Sendable {
    /// The root's children by byte.
    private var root = [Int32](repeating: -1, count: 256)
    /// Per node (0 is the root): its byte, first child and next sibling (-1 for none).
    private var byte: [UInt8] = [0]
    private var firstChild: [Int32] = [-1]
    private var nextSibling: [Int32] = [-1]
    /// Per node: the first entry ending there; per entry: the next at the same node.
    private var firstEnding: [Int32] = [-1]
    private var ending: [(entry: Int32, next: Int32)] = []

    var isEmpty: Bool { byte.count == 1 }

    private func child(of node: Int32, _ value: UInt8) -> Int32 {
        if node == 0 { return root[Int(value)] }
        var child = firstChild[Int(node)]
        while child >= 0, byte[Int(child)] != value { child = nextSibling[Int(child)] }
        return child
    }

    mutating func add(_ stem: String, _ entry: Int32) {
        var node: Int32 = 0
        for value in stem.utf8 {
            let found = child(of: node, value)
            if found >= 0 { node = found; continue }
            let new = Int32(byte.count)
            byte.append(value)
            firstChild.append(-1)
            firstEnding.append(-1)
            if node == 0 {
                root[Int(value)] = new
                nextSibling.append(-1)
            } else {
                nextSibling.append(firstChild[Int(node)])
                firstChild[Int(node)] = new
            }
            node = new
        }
        ending.append((entry, firstEnding[Int(node)]))
        firstEnding[Int(node)] = Int32(ending.count - 1)
    }

    /// The entries of every stem `form` starts with (in no particular order).
    func entries(openedBy form: String) -> [Int32] {
        var found: [Int32] = []
        var node: Int32 = 0
        for value in form.utf8 {
            node = child(of: node, value)
            if node < 0 { break }
            var at = firstEnding[Int(node)]
            while at >= 0 {
                found.append(ending[Int(at)].entry)
                at = ending[Int(at)].next
            }
        }
        return found
    }
}
