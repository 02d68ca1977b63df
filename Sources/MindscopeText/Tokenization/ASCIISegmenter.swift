/// Word and sentence boundaries of pure ASCII text, found on bytes: the same segments, rule
/// statuses and sentence ends as ``ICUSegmenter`` gives, without calling ICU.
///
/// ICU 72's root rules (`word.txt`, `sent.txt`; the "en" locale has no tailoring of its own)
/// implement UAX #29, and for ASCII they reduce to a few byte classes:
///
/// - Words: letters, digits and `_` join (WB5, WB8–WB10, WB13a/b); `.` and `'` join two letters
///   or two digits, `,` and `;` two digits (WB6/7, WB11/12); spaces join spaces (WB3d); CR joins
///   LF (WB3); everything else stands alone. ICU's data makes `@` a letter and keeps `:` out of
///   MidLetter, so `a@b` is one word and `a:b` three. A segment's status is that of its last
///   character: 200 (`UBRK_WORD_LETTER`) for a letter, 100 (`UBRK_WORD_NUMBER`) for a digit,
///   for a `_` that of the character before it (a lone `_` has none), 0 otherwise.
/// - Sentences: a break after CR, LF or CR LF; after `.`, `!` or `?` with the closing quotes,
///   brackets and spaces that follow (SB9–SB11), unless a digit follows `.` at once (SB6), a
///   capital follows `.` after a letter (SB7, "U.S."), a lower-case letter comes before any
///   other letter or terminator after `.` (SB8, "etc. and"), or `,` `-` `:` or another
///   terminator follows (SB8a).
///
/// The differential tests and the `tokenizer-ascii` fuzz target compare both with ICU.
enum ASCIISegmenter {
    /// True when every byte is below 0x80.
    /// - Complexity: O(n), eight bytes at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        var high: UInt64 = 0
        while i + 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < bytes.count {
            high |= UInt64(bytes[i])
            i += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    // MARK: Words

    /// The Word_Break classes that matter for ASCII.
    private enum WordClass {
        /// `A`–`Z`, `a`–`z` and `@` (ALetter).
        case letter
        /// `0`–`9` (Numeric).
        case digit
        /// `_` (ExtendNumLet).
        case connector
        /// `.` and `'` (MidNumLet, Single_Quote): inside words and numbers.
        case midNumLet
        /// `,` and `;` (MidNum): inside numbers.
        case midNum
        /// The space (WSegSpace).
        case space
        /// CR, which keeps a following LF.
        case cr
        /// Everything else, LF, tab and the other controls included: a segment of its own.
        case other
    }

    @inline(__always)
    private static func wordClass(_ byte: UInt8) -> WordClass {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "@"): .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): .digit
        case UInt8(ascii: "_"): .connector
        case UInt8(ascii: "."), UInt8(ascii: "'"): .midNumLet
        case UInt8(ascii: ","), UInt8(ascii: ";"): .midNum
        case UInt8(ascii: " "): .space
        case UInt8(ascii: "\r"): .cr
        default: .other
        }
    }

    /// Word segments of ASCII bytes, with ICU's rule statuses.
    /// - Precondition: every byte is below 0x80.
    /// - Complexity: O(n).
    static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> [Segment] {
        var segments: [Segment] = []
        segments.reserveCapacity(bytes.count / 3 + 1)
        let count = bytes.count
        var start = 0
        while start < count {
            var end = start + 1
            var status: Int32 = 0
            switch wordClass(bytes[start]) {
            case .cr:
                if end < count, bytes[end] == UInt8(ascii: "\n") { end += 1 }
            case .space:
                while end < count, bytes[end] == UInt8(ascii: " ") { end += 1 }
            case .letter, .digit, .connector:
                // The segment so far ends in a letter, digit or `_`, which join any of the three.
                var last = wordClass(bytes[start])
                scan: while end < count {
                    let next = wordClass(bytes[end])
                    switch next {
                    case .letter, .digit, .connector:
                        last = next
                        end += 1
                    case .midNumLet, .midNum:
                        guard end + 1 < count else { break scan }
                        let after = wordClass(bytes[end + 1])
                        guard after == last, after == .digit || (after == .letter && next == .midNumLet) else { break scan }
                        end += 2
                    default:
                        break scan
                    }
                }
                switch last {
                case .letter: status = 200
                case .digit: status = 100
                default:
                    // `_` carries the status of what it joined (WB13a), none alone.
                    if end - start > 1 { status = wordClass(bytes[end - 2]) == .digit ? 100 : 200 }
                }
            default:
                break
            }
            segments.append(Segment(start: start, end: end, status: status))
            start = end
        }
        return segments
    }

    // MARK: Sentences

    /// The Sentence_Break classes that matter for ASCII.
    private enum SentenceClass {
        case lower, upper, digit
        /// `.` (ATerm).
        case period
        /// `!` and `?` (STerm).
        case terminator
        /// `"`, `'`, brackets (Close).
        case close
        /// Space, tab, vertical tab, form feed (Sp).
        case space
        /// `,`, `-`, `:` (SContinue).
        case continuation
        case cr, lf, other
    }

    @inline(__always)
    private static func sentenceClass(_ byte: UInt8) -> SentenceClass {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): .lower
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): .upper
        case UInt8(ascii: "0")...UInt8(ascii: "9"): .digit
        case UInt8(ascii: "."): .period
        case UInt8(ascii: "!"), UInt8(ascii: "?"): .terminator
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"): .close
        case UInt8(ascii: " "), 0x09, 0x0B, 0x0C: .space
        case UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: ":"): .continuation
        case UInt8(ascii: "\r"): .cr
        case UInt8(ascii: "\n"): .lf
        default: .other
        }
    }

    /// The byte offsets where a sentence ends and another begins, in order: ICU's sentence
    /// segments' ends, without the end of the text.
    /// - Precondition: every byte is below 0x80.
    struct SentenceBreaks: Sequence, IteratorProtocol {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Everything before this offset is decided.
        private var offset = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// - Complexity: amortized O(1) per byte: each byte is looked at most twice.
        mutating func next() -> Int? {
            let count = bytes.count
            while offset < count {
                switch sentenceClass(bytes[offset]) {
                case .cr, .lf:
                    offset = afterParagraphSeparator(at: offset)
                    if offset < count { return offset }
                case .period, .terminator:
                    if let end = afterTerminator() { return end }
                default:
                    offset += 1
                }
            }
            return nil
        }

        /// Past a CR, an LF or a CR LF at `position` (SB3, SB4).
        private func afterParagraphSeparator(at position: Int) -> Int {
            let end = position + 1
            return bytes[position] == UInt8(ascii: "\r") && end < bytes.count && bytes[end] == UInt8(ascii: "\n") ? end + 1 : end
        }

        /// Moves past the terminator at `offset` and what it keeps (SB6–SB11); returns the
        /// break after them, if there is one.
        private mutating func afterTerminator() -> Int? {
            let count = bytes.count
            let terminator = offset
            let isPeriod = bytes[terminator] == UInt8(ascii: ".")
            var end = terminator + 1
            if isPeriod, end < count {
                switch sentenceClass(bytes[end]) {
                case .digit:  // SB6: "3.5"
                    offset = end
                    return nil
                case .upper where terminator > 0 && isLetter(bytes[terminator - 1]):  // SB7: "U.S."
                    offset = end
                    return nil
                default: break
                }
            }
            while end < count, sentenceClass(bytes[end]) == .close { end += 1 }  // SB9
            while end < count, sentenceClass(bytes[end]) == .space { end += 1 }  // SB10
            offset = end
            guard end < count else { return nil }
            switch sentenceClass(bytes[end]) {
            case .cr, .lf:  // SB9, SB10, then SB11 after the separator
                offset = afterParagraphSeparator(at: end)
                return offset < count ? offset : nil
            case .continuation, .period, .terminator:  // SB8a
                return nil
            default:
                return isPeriod && lowerCaseFollows(end) ? nil : end  // SB8, SB11
            }
        }

        private func isLetter(_ byte: UInt8) -> Bool {
            switch sentenceClass(byte) {
            case .upper, .lower: true
            default: false
            }
        }

        /// SB8: the first letter, terminator or separator from `position` on is a lower-case letter.
        private func lowerCaseFollows(_ position: Int) -> Bool {
            var i = position
            while i < bytes.count {
                switch sentenceClass(bytes[i]) {
                case .lower: return true
                case .upper, .period, .terminator, .cr, .lf: return false
                default: i += 1
                }
            }
            return false
        }
    }
}
