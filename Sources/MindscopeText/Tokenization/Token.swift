/// One token of a comment, with its place in the original text.
///
/// `range` is in UTF-8 byte offsets into the text the tokenizer was given, so
/// `text.utf8[range]` is always exactly what the token covers; ``TextOffsets`` converts them
/// to Unicode scalar offsets for output.
public struct Token: Sendable, Hashable {
    /// What a token is, from ICU's rule status and Mindscope's own merges.
    public enum Kind: String, Sendable, Hashable, Codable {
        case word, number, money, emoticon, emoji, url, email, hashtag, mention, punctuation, symbol
    }

    public var kind: Kind
    /// UTF-8 byte offsets into the original text.
    public var range: Range<Int>
    /// The lookup form: NFKC with case folding, curly apostrophes made straight; for hashtags
    /// the word without `#`.
    public var normalized: String { didSet { formHash = FormHash.of(normalized) } }
    /// ``FormHash`` of `normalized`: the key of every lexicon and matcher table.
    public private(set) var formHash: UInt64
    /// How the writer stressed the token.
    public var emphasis: Emphasis

    public init(kind: Kind, range: Range<Int>, normalized: String, emphasis: Emphasis = []) {
        self.kind = kind
        self.range = range
        self.normalized = normalized
        self.emphasis = emphasis
        self.formHash = FormHash.of(normalized)
    }

    /// Words and hashtags: the tokens that can carry lexical meaning.
    public var isWordLike: Bool { kind == .word || kind == .hashtag }

    /// Tokens a phrase pattern's word can match: words, hashtags and numbers ("5 stars").
    public var isMatchable: Bool { isWordLike || kind == .number }
}

/// Stress a writer put on a token.
public struct Emphasis: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Written in capitals ("TERRIBLE"), two cased letters at least.
    public static let allCaps = Emphasis(rawValue: 1 << 0)
    /// A letter repeated three times or more ("sooo", "loooove").
    public static let elongated = Emphasis(rawValue: 1 << 1)
}
