import Testing
@testable import MindscopeText
import Mindscope

/// ``FormTable`` against `Dictionary` on seeded random keys, and the lexicon's byte-level base
/// form lookup against the string-building one it replaced.
struct FormTableTests {
    /// Short keys from a small alphabet, so keys repeat and probe chains are long.
    static func word(_ random: inout SplitMix64) -> String {
        let letters = Array("abcdeéñ'-")
        return String((0..<Int.random(in: 0...6, using: &random)).map { _ in letters.randomElement(using: &random)! })
    }

    @Test(arguments: 0..<20) func agreesWithDictionary(seed: UInt64) {
        var random = SplitMix64(state: seed)
        var table = FormTable<Int>()
        var reference: [String: Int] = [:]
        for step in 0..<2_000 {
            let key = Self.word(&random)
            switch Int.random(in: 0..<10, using: &random) {
            case 0:
                table[key] = nil
                reference[key] = nil
            case 1...5:
                table[key] = step
                reference[key] = step
            default:
                #expect(table[key] == reference[key])
                #expect(table[key, FormHash.of(key)] == reference[key])
            }
        }
        #expect(table.count == reference.count)
        for (key, value) in reference { #expect(table[key] == value) }
        #expect(Set(table.keys) == Set(reference.keys))
    }

    @Test func mergingLetsTheOtherWin() {
        var a = FormTable<Int>(), b = FormTable<Int>()
        a["x"] = 1; a["y"] = 2
        b["y"] = 3; b["z"] = 4
        let merged = a.merging(b)
        #expect(merged["x"] == 1 && merged["y"] == 3 && merged["z"] == 4 && merged.count == 3)
        #expect(merged.keys == ["x", "y", "z"])
    }

    @Test(arguments: 0..<5) func baseFormsAsBefore(seed: UInt64) {
        var random = SplitMix64(state: seed)
        let stems = ["hate", "worry", "crash", "annoy", "happy", "rude", "love", "disappointing", "ugly"]
        var entries: [String: Double] = [:]
        for (i, stem) in stems.enumerated() { entries[stem] = Double(i) - 4 }
        let lexicon = SentimentLexicon(entries)
        let endings = ["", "s", "es", "ed", "ing", "ly", "ily", "ness", "iness", "ies", "ied", "in", "e"]
        for _ in 0..<2_000 {
            var word = stems.randomElement(using: &random)!
            if Bool.random(using: &random) { word = String(word.dropLast(Int.random(in: 0...2, using: &random))) }
            word += endings.randomElement(using: &random)!
            let expected = SentimentLexicon.baseForm(of: word) { lexicon[$0] }
            let found = lexicon.baseForm(of: word)
            #expect(found?.form == expected?.form && found?.valence == expected?.valence, "\(word)")
        }
    }
}
