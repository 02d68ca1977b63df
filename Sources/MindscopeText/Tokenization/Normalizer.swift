/// Lookup forms and emphasis of token text.
enum Normalizer {
    /// NFKC with case folding, curly apostrophes made straight. ASCII text (the common case)
    /// takes a byte-level path that gives the same result as ICU's.
    static func lookupForm(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Differentially tested against `icuLookupForm` on every ASCII character.
        bytes.allSatisfy({ $0 < 0x80 }) ? asciiLowercased(bytes) : icuLookupForm(bytes)
    }

    /// ASCII capitals made lower case, every other byte kept: for ASCII text, the same as
    /// `String.lowercased()` and as NFKC with case folding.
    static func asciiLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for (i, byte) in bytes.enumerated() {
                out[i] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            }
            return bytes.count
        }
    }

    /// The lookup form through ICU, for any text.
    static func icuLookupForm(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let folded = ICUSegmenter.nfkcCasefold(bytes)
        guard folded.unicodeScalars.contains(where: { $0 == "\u{2019}" || $0 == "\u{2018}" || $0 == "\u{02BC}" }) else {
            return folded
        }
        return String(String.UnicodeScalarView(folded.unicodeScalars.map {
            $0 == "\u{2019}" || $0 == "\u{2018}" || $0 == "\u{02BC}" ? "'" : $0
        }))
    }

    /// Capitals (two cased letters at least, none in lower case) and elongation (a letter three
    /// times or more in a row).
    static func emphasis(of bytes: UnsafeBufferPointer<UInt8>) -> Emphasis {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return unicodeEmphasis(of: bytes) }
        // ASCII: the same rules on bytes (differentially tested against `unicodeEmphasis`).
        var upper = 0
        var lower = false
        var run = 0
        var previous: UInt8 = 0
        var elongated = false
        for byte in bytes {
            let isUpper = (0x41...0x5A).contains(byte), isLower = (0x61...0x7A).contains(byte)
            if isUpper { upper += 1 } else if isLower { lower = true }
            let folded = byte | 0x20
            if isUpper || isLower, folded == previous {
                run += 1
                if run >= 3 { elongated = true }
            } else {
                run = 1
            }
            previous = isUpper || isLower ? folded : 0
        }
        var emphasis: Emphasis = []
        if upper >= 2 && !lower { emphasis.insert(.allCaps) }
        if elongated { emphasis.insert(.elongated) }
        return emphasis
    }

    static func unicodeEmphasis(of bytes: UnsafeBufferPointer<UInt8>) -> Emphasis {
        var upper = 0
        var lower = false
        var run = 0
        var previous: Unicode.Scalar?
        var elongated = false
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let properties = scalar.properties
            if properties.isUppercase { upper += 1 } else if properties.isLowercase { lower = true }
            if properties.isAlphabetic, let previous, previous.properties.lowercaseMapping == properties.lowercaseMapping {
                run += 1
                if run >= 3 { elongated = true }
            } else {
                run = 1
            }
            previous = scalar
        }
        var emphasis: Emphasis = []
        if upper >= 2 && !lower { emphasis.insert(.allCaps) }
        if elongated { emphasis.insert(.elongated) }
        return emphasis
    }

    /// Forms to try when an elongated word is not in a lexicon: runs of three or more letters
    /// cut to two ("goood" → "good"), then to one ("sooo" → "so").
    static func deElongated(_ word: String) -> [String] {
        var two = ""
        var one = ""
        var previous: Character?
        var run = 0
        for character in word {
            run = character == previous ? run + 1 : 1
            previous = character
            if run <= 2 { two.append(character) }
            if run == 1 { one.append(character) }
        }
        return two == one ? [two] : [two, one]
    }
}

extension Tokenizer {
    /// The lookup form of a word as the tokenizer computes it for tokens: NFKC, case folded,
    /// curly apostrophes straight. Lexicon loaders use it so entries meet tokens halfway.
    public static func lookupForm(_ word: String) -> String {
        var word = word
        return word.withUTF8 { Normalizer.lookupForm($0) }
    }
}
