/// A comment split into tokens and sentences.
public struct TokenizedText: Sendable {
    /// The original text.
    public let text: String
    public let tokens: [Token]
    /// Each sentence as a range of indices into `tokens`, in order, covering every token.
    public let sentences: [Range<Int>]

    /// The original text a byte range covers.
    public func slice(_ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(lower, offsetBy: range.count)
        return text[lower..<upper]
    }

    /// The original text of a token.
    public func text(of token: Token) -> Substring { slice(token.range) }

    /// True when the text has capitals and no lower-case letter: then capitals are not emphasis.
    public var isShouting: Bool {
        tokens.contains { $0.emphasis.contains(.allCaps) }
            && !text.unicodeScalars.contains { $0.properties.isLowercase }
    }
}
