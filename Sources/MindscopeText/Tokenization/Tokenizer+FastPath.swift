import CICUShim

extension Tokenizer {
    /// How the fast path and the reference disagree on `text`, or `nil` when they agree.
    ///
    /// For ASCII text: ``ASCIISegmenter``'s word segments (with their rule statuses) and
    /// sentence breaks against ICU's, then the tokens and sentences of ``tokenize(_:)`` against
    /// those of ``tokenize(_:boundaries:)`` with `.icu`. For other text, whose boundaries always
    /// come from ICU, the tokens and sentences only (ASCII segments classified on bytes against
    /// Unicode properties). The differential tests and the `tokenizer-ascii` fuzz target call it.
    @_spi(Testing) public func fastPathDifference(_ text: String) -> String? {
        var contiguous = text
        let boundaries = contiguous.withUTF8 { bytes -> String? in
            guard ASCIISegmenter.isASCII(bytes) else { return nil }
            let words = ASCIISegmenter.words(bytes)
            let icuWords = ICUSegmenter.segments(MS_BREAK_WORD, of: bytes)
            if words != icuWords {
                return "word segments \(Self.describe(words)), ICU's \(Self.describe(icuWords))"
            }
            let breaks = Array(ASCIISegmenter.SentenceBreaks(bytes))
            let icuBreaks = ICUSegmenter.segments(MS_BREAK_SENTENCE, of: bytes).dropLast().map(\.end)
            return breaks == icuBreaks ? nil : "sentence breaks \(breaks), ICU's \(icuBreaks)"
        }
        if let boundaries { return boundaries }
        let fast = tokenize(contiguous)
        let reference = tokenize(contiguous, boundaries: .icu)
        if fast.tokens != reference.tokens { return "tokens \(fast.tokens), ICU path's \(reference.tokens)" }
        if fast.sentences != reference.sentences { return "sentences \(fast.sentences), ICU path's \(reference.sentences)" }
        return nil
    }

    private static func describe(_ segments: [Segment]) -> String {
        segments.map { "\($0.start)..<\($0.end)/\($0.status)" }.joined(separator: " ")
    }
}
