import CICUShim

/// Splits a comment into tokens and sentences with ICU boundaries, then merges what ICU
/// splits but a reader sees as one unit: URLs, e-mail addresses, emoticons, `$120`,
/// `eco-friendly`, `@mentions`, `#hashtags`, and runs such as `!!!` or `...`.
///
/// A comment with no byte ≥ 0x80 (most of them) never reaches ICU: ``ASCIISegmenter`` finds
/// the same boundaries on bytes, and its segments are classified on bytes too.
///
/// Tokens never overlap and never lose a character other than white space and control
/// characters (a NUL or an escape carries no meaning): every token's range slices the original
/// text, and only those fall between tokens.
///
/// ```swift
/// let tokens = Tokenizer().tokenize("Didn't arrive :( see https://x.io/t?id=1").tokens
/// // didn't · arrive · :( · see · https://x.io/t?id=1
/// ```
public struct Tokenizer: Sendable {
    private let emoticons: EmoticonTable
    /// Words that make "<3 days" a quantity rather than an emoticon.
    private let quantityUnits: Set<String>

    /// - Parameter emoticons: the emoticons to keep whole (`:)`, `:-(`, `<3`); only those
    ///   that start with an ASCII character other than a letter or digit are used, and letters
    ///   match in either case (`:-P` as `:-p`).
    /// - Parameter quantityUnits: unit words in lower case (`days`, `pack`): an emoticon
    ///   ending in a digit followed by one ("<3 days") is a quantity.
    public init(emoticons: some Sequence<String> = [], quantityUnits: Set<String> = []) {
        self.quantityUnits = quantityUnits
        var table: [UInt8: [[UInt8]]] = [:]
        for emoticon in emoticons {
            let bytes = Array(emoticon.utf8)
            guard bytes.count >= 2, let first = bytes.first, first < 0x80, !Self.isAlnum(first),
                  !bytes.contains(where: Self.isSpace) else { continue }
            table[first, default: []].append(bytes.map(Self.asciiLower))
        }
        self.emoticons = EmoticonTable(table.mapValues {
            Array(Set($0)).sorted { $0.count > $1.count || ($0.count == $1.count && $0.lexicographicallyPrecedes($1)) }
        })
    }

    /// Tokens and sentences of `text`.
    /// - Complexity: O(n) in the UTF-8 length of the text.
    public func tokenize(_ text: String) -> TokenizedText {
        tokenize(text, boundaries: .automatic)
    }

    /// Where ``tokenize(_:boundaries:)`` takes word and sentence boundaries from.
    @_spi(Testing) public enum Boundaries: Sendable {
        /// Bytes for ASCII text, ICU for the rest; ASCII segments classified on bytes.
        case automatic
        /// ICU for all text, every segment classified by its Unicode properties: the reference
        /// that the differential tests and the `tokenizer-ascii` fuzz target hold the fast path to.
        case icu
    }

    /// Tokens and sentences of `text`, with boundaries from the given source.
    @_spi(Testing) public func tokenize(_ text: String, boundaries: Boundaries) -> TokenizedText {
        var contiguous = text
        let (tokens, sentences) = contiguous.withUTF8 { bytes in
            if boundaries == .automatic, ASCIISegmenter.isASCII(bytes) {
                var scanner = Scanner(bytes: bytes, segments: ASCIISegmenter.words(bytes), classification: .ascii,
                                      emoticons: emoticons, quantityUnits: quantityUnits)
                let tokens = scanner.run()
                return (tokens, Self.group(tokens, breaks: ASCIISegmenter.SentenceBreaks(bytes)))
            }
            var scanner = Scanner(bytes: bytes, segments: ICUSegmenter.segments(MS_BREAK_WORD, of: bytes),
                                  classification: boundaries == .icu ? .unicode : .mixed,
                                  emoticons: emoticons, quantityUnits: quantityUnits)
            let tokens = scanner.run()
            let sentences = ICUSegmenter.segments(MS_BREAK_SENTENCE, of: bytes)
            return (tokens, Self.group(tokens, breaks: sentences.dropLast().lazy.map(\.end)))
        }
        return TokenizedText(text: contiguous, tokens: tokens, sentences: sentences)
    }

    /// Token index ranges per sentence, given the offsets where one sentence ends and the next
    /// begins; sentences with no token are dropped, and a sentence boundary that falls inside a
    /// token (a `?` in a URL) is ignored.
    private static func group(_ tokens: [Token], breaks: some Sequence<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var index = 0
        for end in breaks {
            while index < tokens.count, tokens[index].range.upperBound <= end { index += 1 }
            if index < tokens.count, tokens[index].range.lowerBound < end { continue }
            if index > start { result.append(start..<index) }
            start = index
        }
        if tokens.count > start { result.append(start..<tokens.count) }
        return result
    }

    static func isAlnum(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func asciiLower(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}

/// Emoticons grouped by their first byte (ASCII), longest first, and a bit per first byte so
/// that a segment no emoticon starts with costs no hashing.
private struct EmoticonTable: Sendable {
    private let byFirstByte: [UInt8: [[UInt8]]]
    private let firstBytes: (low: UInt64, high: UInt64)

    init(_ byFirstByte: [UInt8: [[UInt8]]]) {
        self.byFirstByte = byFirstByte
        var firstBytes: (low: UInt64, high: UInt64) = (0, 0)
        for byte in byFirstByte.keys {
            if byte < 64 { firstBytes.low |= 1 << byte } else { firstBytes.high |= 1 << (byte - 64) }
        }
        self.firstBytes = firstBytes
    }

    /// The emoticons starting with `byte`, longest first.
    func candidates(startingWith byte: UInt8) -> [[UInt8]]? {
        let known = byte < 64 ? firstBytes.low >> byte & 1 != 0 : byte < 128 && firstBytes.high >> (byte - 64) & 1 != 0
        return known ? byFirstByte[byte] : nil
    }
}

/// How the scanner tells spaces, punctuation, symbols and currency signs apart.
private enum Classification {
    /// Every byte is ASCII: by bytes.
    case ascii
    /// By bytes for a segment of ASCII bytes, by Unicode properties for the others.
    case mixed
    /// Always by Unicode properties (the reference).
    case unicode
}

/// One pass over word segments (ICU's or ``ASCIISegmenter``'s), producing tokens.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let segments: [Segment]
    let classification: Classification
    let emoticons: EmoticonTable

    private var tokens: [Token] = []
    /// Everything before this byte offset is already in a token.
    private var cursor = 0
    private var index = 0

    let quantityUnits: Set<String>

    init(bytes: UnsafeBufferPointer<UInt8>, segments: [Segment], classification: Classification,
         emoticons: EmoticonTable, quantityUnits: Set<String>) {
        self.quantityUnits = quantityUnits
        self.bytes = bytes
        self.segments = segments
        self.classification = classification
        self.emoticons = emoticons
    }

    mutating func run() -> [Token] {
        tokens.reserveCapacity(segments.count / 2 + 1)
        while let segment = current() {
            scan(segment)
        }
        return tokens
    }

    /// The segment at `index`, trimmed to start at the cursor, skipping consumed ones.
    private mutating func current() -> Segment? {
        while index < segments.count {
            var segment = segments[index]
            if segment.end <= cursor { index += 1; continue }
            segment.start = max(segment.start, cursor)
            return segment
        }
        return nil
    }

    /// The first segment starting exactly at `offset`, if any.
    private func segment(startingAt offset: Int) -> Segment? {
        var i = index
        while i < segments.count, segments[i].start < offset { i += 1 }
        return i < segments.count && segments[i].start == offset ? segments[i] : nil
    }

    private mutating func emit(_ kind: Token.Kind, _ start: Int, _ end: Int) {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let normalized: String
        switch kind {
        case .emoticon:
            normalized = String(decoding: slice, as: UTF8.self)
        case .url, .email:
            normalized = classification != .unicode && isASCII(start..<end)
                ? Normalizer.asciiLowercased(slice) : String(decoding: slice, as: UTF8.self).lowercased()
        case .hashtag, .mention:
            normalized = Normalizer.lookupForm(UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]))
        default:
            normalized = Normalizer.lookupForm(slice)
        }
        let emphasis = kind == .word || kind == .hashtag ? Normalizer.emphasis(of: slice) : []
        tokens.append(Token(kind: kind, range: start..<end, normalized: normalized, emphasis: emphasis))
        cursor = end
    }

    private mutating func scan(_ segment: Segment) {
        let start = segment.start
        let first = bytes[start]
        if let end = urlEnd(at: start) { return emit(.url, start, end) }
        if segment.isWordLike, let end = emailEnd(at: start) { return emit(.email, start, end) }
        if let end = emoticonEnd(at: start) { return emit(.emoticon, start, end) }
        if segment.isWordLike { return scanWord(segment) }
        if isSpaceSegment(segment) { cursor = segment.end; return }
        if first == UInt8(ascii: "@") || first == UInt8(ascii: "#"),
           start == 0 || !Tokenizer.isAlnum(bytes[start - 1]),
           let next = self.segment(startingAt: segment.end), next.isWordLike, !next.isNumber || first == UInt8(ascii: "#") {
            return emit(first == UInt8(ascii: "@") ? .mention : .hashtag, start, next.end)
        }
        if isCurrency(start..<segment.end), let next = self.segment(startingAt: segment.end), next.isNumber {
            return emit(.money, start, next.end)
        }
        if first == UInt8(ascii: "!") || first == UInt8(ascii: "?") || first == UInt8(ascii: ".") {
            var end = segment.end
            // A run of `.`, or of `!` and `?` mixed.
            func continues(_ byte: UInt8) -> Bool {
                first == UInt8(ascii: ".") ? byte == first : byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
            }
            while end < bytes.count, continues(bytes[end]) { end += 1 }
            return emit(.punctuation, start, end)
        }
        emit(classify(start..<segment.end), start, segment.end)
    }

    /// A word or number, with hyphenated compounds (`eco-friendly`, `state-of-the-art`) kept
    /// whole, and an amount followed by a currency sign (`45€`) made money.
    private mutating func scanWord(_ segment: Segment) {
        var end = segment.end
        var kind: Token.Kind = segment.isNumber ? .number : .word
        if bytes[segment.start] == UInt8(ascii: "@") { kind = .mention }
        // Numbers join a word ("2-day", "5-star") but not another number ("2-3").
        while let hyphen = self.segment(startingAt: end), isHyphen(hyphen),
              let next = self.segment(startingAt: hyphen.end), next.isWordLike, !(segment.isNumber && next.isNumber) {
            end = next.end
            kind = .word
        }
        if kind == .number, let sign = self.segment(startingAt: end), isCurrency(sign.start..<sign.end) {
            end = sign.end
            kind = .money
        }
        emit(kind, segment.start, end)
    }

    private func isHyphen(_ segment: Segment) -> Bool {
        let range = segment.start..<segment.end
        return (range.count == 1 && bytes[segment.start] == UInt8(ascii: "-"))
            || (range.count == 3 && bytes[segment.start] == 0xE2 && bytes[segment.start + 1] == 0x80
                && bytes[segment.start + 2] == 0x90)  // U+2010 HYPHEN
    }

    /// True when the bytes of `range` can be classified one by one: ASCII, and not the reference.
    private func classifiesBytes(_ range: Range<Int>) -> Bool {
        switch classification {
        case .ascii: true
        case .mixed: isASCII(range)
        case .unicode: false
        }
    }

    private func isASCII(_ range: Range<Int>) -> Bool {
        classification == .ascii || bytes[range].allSatisfy { $0 < 0x80 }
    }

    /// White space (Unicode's White_Space: for ASCII, tab to carriage return and space) or NUL.
    private func isSpaceSegment(_ segment: Segment) -> Bool {
        let range = segment.start..<segment.end
        if classifiesBytes(range) { return bytes[range].allSatisfy { Tokenizer.isSpace($0) || $0 == 0 } }
        return scalars(range).allSatisfy { $0.properties.isWhitespace || $0.value == 0 }
    }

    private func scalars(_ range: Range<Int>) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var decoder = UTF8()
        var iterator = bytes[range].makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): result.append(scalar)
            case .emptyInput: break loop
            case .error: result.append("\u{FFFD}")
            }
        }
        return result
    }

    private static let currencySigns: Set<Unicode.Scalar> = ["$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫", "฿"]

    private func isCurrency(_ range: Range<Int>) -> Bool {
        // An ASCII first byte is a whole scalar: one scalar only if it is the only byte.
        if classification != .unicode, bytes[range.lowerBound] < 0x80 {
            return range.count == 1 && bytes[range.lowerBound] == UInt8(ascii: "$")
        }
        let scalars = scalars(range)
        return scalars.count == 1 && Self.currencySigns.contains(scalars[0])
    }

    private func classify(_ range: Range<Int>) -> Token.Kind {
        // No ASCII character passes the emoji test below (none has Emoji_Presentation, and
        // those with Emoji are below U+FF), so the first one's general category decides.
        if classifiesBytes(range) { return Self.isASCIIPunctuation(bytes[range.lowerBound]) ? .punctuation : .symbol }
        let scalars = scalars(range)
        if scalars.contains(where: { $0.properties.isEmojiPresentation || ($0.properties.isEmoji && $0.value > 0xFF) || $0.value == 0xFE0F }) {
            return .emoji
        }
        if let first = scalars.first {
            switch first.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return .punctuation
            default: break
            }
        }
        return .symbol
    }

    /// The ASCII characters whose general category is punctuation (Pc, Pd, Ps, Pe, Po); the
    /// others are letters, digits, controls, the space and symbols: $ + < = > ^ | ~ and the
    /// grave accent.
    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!")...UInt8(ascii: "#"), UInt8(ascii: "%")...UInt8(ascii: "*"), UInt8(ascii: ",")...UInt8(ascii: "/"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "[")...UInt8(ascii: "]"),
             UInt8(ascii: "_"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            true
        default:
            false
        }
    }

    // MARK: Patterns ICU does not know

    private func isBoundaryBefore(_ offset: Int) -> Bool {
        offset == 0 || !(Tokenizer.isAlnum(bytes[offset - 1]) || bytes[offset - 1] >= 0x80)
    }

    private func hasPrefix(_ prefix: StaticString, at offset: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let p = prefix.utf8Start
        for i in 0..<count where bytes[offset + i] | 0x20 != p[i] | 0x20 { return false }
        return true
    }

    /// A URL starting with `http://`, `https://` or `www.` runs to the next space; trailing
    /// sentence punctuation is left out.
    private func urlEnd(at start: Int) -> Int? {
        guard isBoundaryBefore(start),
              hasPrefix("http://", at: start) || hasPrefix("https://", at: start) || hasPrefix("www.", at: start)
        else { return nil }
        var end = start
        while end < bytes.count, !Tokenizer.isSpace(bytes[end]), bytes[end] != UInt8(ascii: "\""),
              bytes[end] != UInt8(ascii: "<"), bytes[end] != UInt8(ascii: ">") { end += 1 }
        func isTrailing(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
                 UInt8(ascii: "?"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "'"): true
            default: false
            }
        }
        while end > start, isTrailing(bytes[end - 1]) { end -= 1 }
        return end - start > 4 ? end : nil
    }

    /// `local@domain.tld`, with the usual characters of each part.
    private func emailEnd(at start: Int) -> Int? {
        guard isBoundaryBefore(start) else { return nil }
        func isLocal(_ b: UInt8) -> Bool {
            Tokenizer.isAlnum(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%")
                || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
        }
        var at = start
        while at < bytes.count, isLocal(bytes[at]) { at += 1 }
        guard at > start, at < bytes.count, bytes[at] == UInt8(ascii: "@") else { return nil }
        var end = at + 1
        var dots = 0
        while end < bytes.count, Tokenizer.isAlnum(bytes[end]) || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: ".") {
            if bytes[end] == UInt8(ascii: ".") { dots += 1 }
            end += 1
        }
        while end > at + 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-") {
            if bytes[end - 1] == UInt8(ascii: ".") { dots -= 1 }
            end -= 1
        }
        return dots > 0 && end > at + 3 ? end : nil
    }

    /// The longest known emoticon at `start`, standing apart from letters and digits.
    private func emoticonEnd(at start: Int) -> Int? {
        guard let candidates = emoticons.candidates(startingWith: bytes[start]) else { return nil }
        let first = bytes[start]
        let leadsWithEyes = first == UInt8(ascii: ":") || first == UInt8(ascii: ";") || first == UInt8(ascii: "=")
        guard leadsWithEyes || isBoundaryBefore(start) else { return nil }
        for emoticon in candidates where start + emoticon.count <= bytes.count {
            let end = start + emoticon.count
            guard bytes[start..<end].lazy.map(Tokenizer.asciiLower).elementsEqual(emoticon) else { continue }
            guard end == bytes.count || !Tokenizer.isAlnum(bytes[end]) else { continue }
            if let last = emoticon.last, (0x30...0x39).contains(last), isQuantityAfter(end) { continue }
            return end
        }
        return nil
    }

    /// True when a number or a unit word follows, after spaces.
    private func isQuantityAfter(_ offset: Int) -> Bool {
        var i = offset
        while i < bytes.count, bytes[i] == 0x20 { i += 1 }
        guard i < bytes.count else { return false }
        if (0x30...0x39).contains(bytes[i]) || bytes[i] == UInt8(ascii: "%") { return true }
        var end = i
        while end < bytes.count, Tokenizer.isAlnum(bytes[end]) { end += 1 }
        return quantityUnits.contains(String(decoding: bytes[i..<end].map(Tokenizer.asciiLower), as: UTF8.self))
    }
}
