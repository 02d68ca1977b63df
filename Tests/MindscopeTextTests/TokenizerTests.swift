import Testing
import MindscopeText
import Mindscope
import TestSupport

@Suite struct TokenizerTests {
    let tokenizer = Fixtures.analyzer.tokenizer

    func tokens(_ text: String) -> [(String, Token.Kind)] {
        let result = tokenizer.tokenize(text)
        return result.tokens.map { (String(result.text(of: $0)), $0.kind) }
    }

    @Test(arguments: [
        ("I didn't like it, won't return", ["I", "didn't", "like", "it", ",", "won't", "return"]),
        ("I’m happy", ["I’m", "happy"]),
        ("great :) but sad :-( and <3", ["great", ":)", "but", "sad", ":-(", "and", "<3"]),
        ("see https://shop.example.com/a?b=1&c=2. ok", ["see", "https://shop.example.com/a?b=1&c=2", ".", "ok"]),
        ("mail jane.doe+x@mail.example.org now", ["mail", "jane.doe+x@mail.example.org", "now"]),
        ("paid $120 or €45, total 1,200.50", ["paid", "$120", "or", "€45", ",", "total", "1,200.50"]),
        ("eco-friendly state-of-the-art wrap", ["eco-friendly", "state-of-the-art", "wrap"]),
        ("WOW!!! really?!", ["WOW", "!!!", "really", "?!"]),
        ("wait... what", ["wait", "...", "what"]),
        ("#fail @support", ["#fail", "@support"]),
        ("love it 😍👍🏽", ["love", "it", "😍", "👍🏽"]),
    ])
    func keepsUnitsWhole(_ text: String, _ expected: [String]) {
        #expect(tokens(text).map(\.0) == expected)
    }

    @Test func kindsAreRecognised() {
        let kinds = Dictionary(tokens("$5 :) 😂 https://x.io a@b.co #tag @me 42 ! word").map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        #expect(kinds["$5"] == .money)
        #expect(kinds[":)"] == .emoticon)
        #expect(kinds["😂"] == .emoji)
        #expect(kinds["https://x.io"] == .url)
        #expect(kinds["a@b.co"] == .email)
        #expect(kinds["#tag"] == .hashtag)
        #expect(kinds["@me"] == .mention)
        #expect(kinds["42"] == .number)
        #expect(kinds["!"] == .punctuation)
        #expect(kinds["word"] == .word)
    }

    @Test(arguments: ["配送が遅い。", "Доставка была поздней.", "التوصيل كان متأخرا", "🇫🇷🇩🇪 👨‍👩‍👧", "\u{0}\u{1}", "e\u{301}\u{301}\u{301}", ""])
    func anyScriptTokenizesWithoutLoss(_ text: String) {
        let result = tokenizer.tokenize(text)
        for token in result.tokens { #expect(!result.text(of: token).isEmpty) }
    }

    @Test func japaneseUsesDictionarySegmentation() {
        #expect(tokens("配送が遅い").map(\.0) == ["配送", "が", "遅い"])
    }

    @Test func normalizationFoldsCaseWidthAndApostrophes() {
        let result = tokenizer.tokenize("ＦＡＳＴ Didn’t Straße")
        #expect(result.tokens.map(\.normalized) == ["fast", "didn't", "strasse"])
        #expect(result.tokens[0].emphasis.contains(.allCaps))
    }

    @Test func emphasisIsRemembered() {
        let result = tokenizer.tokenize("sooo GOOD ok")
        #expect(result.tokens[0].emphasis == .elongated)
        #expect(result.tokens[1].emphasis == .allCaps)
        #expect(result.tokens[2].emphasis.isEmpty)
    }

    @Test func sentencesGroupTokens() {
        let result = tokenizer.tokenize("Late again. See https://x.io/t?id=1 now! Fine")
        #expect(result.sentences.count == 3)
        #expect(result.sentences.first == 0..<3)
        #expect(result.sentences.last?.upperBound == result.tokens.count)
    }

    /// Pieces that stress the merges and ICU: the property test glues them at random.
    static let pieces = ["good", "Didn't", "’", "'", ":)", ":-(", "<3", "😂", "👍🏽", "$", "120", "€", "1,200.50", "-", "eco",
                         "https://", "www.", "x.io/a?b", "@", "#", ".", "!!!", "?", " ", "  ", "\n", "\t", "配送", "が",
                         "Доставка", "متأخر", "\u{301}", "\u{0}", "\"", ",", "é", "ＦＡＳＴ", "sooo", "...", "(", ")"]

    @Test func tokenRangesAlwaysSliceTheOriginalText() {
        for seed in 0..<400 {
            var generator = SplitMix64(state: UInt64(seed))
            let count = Int.random(in: 0...25, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let result = tokenizer.tokenize(text)
            let bytes = Array(text.utf8)
            var cursor = 0
            for token in result.tokens {
                #expect(token.range.lowerBound >= cursor, "overlap at seed \(seed): \(text.debugDescription)")
                #expect(token.range.upperBound <= bytes.count)
                #expect(!token.range.isEmpty)
                // Only white space (or NUL) falls between tokens: nothing is lost.
                let gap = String(decoding: bytes[cursor..<token.range.lowerBound], as: UTF8.self)
                #expect(gap.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.value == 0 },
                        "lost \(gap.debugDescription) at seed \(seed): \(text.debugDescription)")
                #expect(String(result.text(of: token)) == String(decoding: bytes[token.range], as: UTF8.self))
                cursor = token.range.upperBound
            }
            let tail = String(decoding: bytes[cursor...], as: UTF8.self)
            #expect(tail.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.value == 0 })
            #expect(result.sentences.map(\.count).reduce(0, +) == result.tokens.count)
        }
    }
}
