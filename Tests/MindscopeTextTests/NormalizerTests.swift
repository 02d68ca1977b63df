import Testing
@testable import MindscopeText
import Mindscope
import TestSupport

@Suite struct NormalizerTests {
    func both(_ text: String) -> (fast: String, icu: String) {
        var text = text
        return text.withUTF8 { (Normalizer.lookupForm($0), Normalizer.icuLookupForm($0)) }
    }

    @Test func asciiFastPathAgreesWithICUOnEveryCharacter() {
        for byte in UInt8(1)..<0x80 {
            let text = "a" + String(UnicodeScalar(byte)) + "Z"
            let (fast, icu) = both(text)
            #expect(fast == icu, "byte \(byte)")
        }
    }

    @Test func asciiFastPathAgreesWithICUOnRandomWords() {
        var generator = SplitMix64(state: 42)
        for _ in 0..<2_000 {
            let length = Int.random(in: 1...12, using: &generator)
            let text = String((0..<length).map { _ in Character(UnicodeScalar(UInt8.random(in: 0x20..<0x7F, using: &generator))) })
            let (fast, icu) = both(text)
            #expect(fast == icu, "\(text.debugDescription)")
        }
    }

    @Test func asciiEmphasisAgreesWithTheUnicodePath() {
        var generator = SplitMix64(state: 7)
        let alphabet = Array("aAbBoOOOooo!1'-zZ")
        for _ in 0..<3_000 {
            var text = String((0..<Int.random(in: 1...10, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let (fast, slow) = text.withUTF8 { (Normalizer.emphasis(of: $0), Normalizer.unicodeEmphasis(of: $0)) }
            #expect(fast == slow, "\(text.debugDescription)")
        }
    }

    @Test func deElongationTriesTwoThenOneLetter() {
        #expect(Normalizer.deElongated("goooood") == ["good", "god"])
        #expect(Normalizer.deElongated("sooo") == ["soo", "so"])
    }
}
