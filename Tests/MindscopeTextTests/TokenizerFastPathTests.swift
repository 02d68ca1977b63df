import Foundation
import Testing
@_spi(Testing) import MindscopeText
import Mindscope
import TestSupport

/// The ASCII fast path (boundaries and classification on bytes) against the ICU path: the same
/// word segments, statuses, sentence breaks, tokens and sentences on every input.
@Suite struct TokenizerFastPathTests {
    let tokenizer = Fixtures.analyzer.tokenizer

    func expectAgreement(_ text: String, _ comment: @autoclosure () -> String = "") {
        if let difference = tokenizer.fastPathDifference(text) {
            Issue.record("\(comment()) \(text.debugDescription): \(difference)")
        }
    }

    @Test(arguments: [
        "U.S. army", "e.g. this", "etc. and more", "It costs $3.50, or 1,000 pts; at 10:30.", "it's, don't",
        "Wait... what?! Yes", "He said \"Hi.\" Then left", "(see p. 4.) Next", "a@b.co", "@me #tag_1 __init__",
        "a_1 1_a 1__ _ a1 1a", "x  y\t\tz\r\nw\u{0B}v\u{0C}u", "Fine. (ok) but. \"No!\" Yes.\n\nNew", "Mr. Smith. OK.",
    ])
    func agreesOnTrickyText(_ text: String) {
        expectAgreement(text)
    }

    /// Every comment the readers find in every corpus and fixture file, every line of every
    /// file, and every file whole.
    @Test func agreesOnEveryShippedText() throws {
        var texts: [String] = []
        for folder in [Fixtures.root.appendingPathComponent("corpora"), Fixtures.root.appendingPathComponent("Tests/Fixtures")] {
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in files where !file.hasDirectoryPath {
                guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                let contents = String(decoding: data, as: UTF8.self)
                texts.append(contents)
                texts += contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if ["csv", "tsv", "jsonl"].contains(file.pathExtension), let records = try? Fixtures.records(file.path).records {
                    texts += records.map(\.text)
                }
            }
        }
        #expect(texts.count > 5_000)
        for text in texts { expectAgreement(text) }
    }

    /// Every ASCII string of one and two characters, and of three from the characters the
    /// rules treat differently.
    @Test func agreesOnEveryShortString() {
        let all = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        for a in all {
            expectAgreement(a)
            for b in all { expectAgreement(a + b) }
        }
        let classes = ["a", "Z", "7", "_", ".", "'", ",", ";", ":", "@", " ", "\t", "\r", "\n", "\u{0B}", "!", "?", "\"", ")", "-", "$", "#", "<", "\u{0}"]
        for a in classes { for b in classes { for c in classes { expectAgreement(a + b + c) } } }
    }

    /// Pieces that stress the rules: abbreviations, numbers, contractions, URLs, e-mail
    /// addresses, emoticons, terminators with quotes and brackets, white space and controls.
    static let pieces = [
        "U.S.", "e.g.", "i.e.", "etc.", "Mr.", "3.5", "1,000", "1,200.50", "10:30", "it's", "don't", "'90s", "...", "..",
        "!!!", "?!", "!?", ". ", "! ", "? ", ".)", ".\"", ".'", ".]", "(", ")", "[", "]", "{", "}", "\"", "'",
        "https://x.io/a?b=1&c=2.", "http://shop.example.com/t", "www.example.org", "jane.doe+x@mail.example.org", "a@b.co",
        ":)", ":-(", ";)", "<3", ":P", ":D", "=)", "<3 days", "$120", "$", "45$", "eco-friendly", "2-day", "5-star", "2-3",
        "#tag", "@me", "#1", "@@", "sooo", "GOOD", "WOW", "A.", "a.", "1.", ".5", "_", "__", "x_1", "1_", "_a",
        " ", "  ", "\t", "\r\n", "\r", "\n", "\n\n", "\u{0B}", "\u{0C}", "\u{0}", "\u{1B}", "\u{7F}", ",", ";", ":", "-", "/",
    ]
    static let characters: [Unicode.Scalar] = Array("abcxyzABCXYZ0123456789.,'!?;:-_$@#/\"()[]{}<>=+*&%^|~`\\ \t\r\n".unicodeScalars)
        + (0..<32).map { Unicode.Scalar(UInt8($0)) } + [Unicode.Scalar(0x7F)]

    static func randomText(seed: UInt64) -> String {
        var generator = SplitMix64(state: seed)
        var text = ""
        for _ in 0..<Int.random(in: 1...30, using: &generator) {
            if Bool.random(using: &generator) {
                text += pieces.randomElement(using: &generator)!
            } else {
                text.unicodeScalars.append(characters.randomElement(using: &generator)!)
            }
        }
        return text
    }

    /// 48,000 seeded random texts, in parallel blocks.
    @Test(arguments: 0..<8)
    func agreesOnRandomText(block: Int) {
        for seed in UInt64(block * 6_000)..<UInt64((block + 1) * 6_000) {
            expectAgreement(Self.randomText(seed: seed), "seed \(seed)")
        }
    }

    /// Text with other scripts keeps ICU's boundaries; its ASCII segments are still classified
    /// on bytes, and must classify as the Unicode properties do.
    @Test func agreesOnMixedText() {
        let others = ["é", "配送", "Доставка", "😂", "👍🏽", "€", "£45", "’", "\u{301}", "\u{A0}", "\u{2028}", "…", "—", "\u{FE0F}"]
        for seed in UInt64(0)..<4_000 {
            var generator = SplitMix64(state: seed)
            var text = Self.randomText(seed: seed)
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let offset = Int.random(in: 0...text.unicodeScalars.count, using: &generator)
                let index = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: offset)
                text.unicodeScalars.insert(contentsOf: others.randomElement(using: &generator)!.unicodeScalars, at: index)
            }
            expectAgreement(text, "seed \(seed)")
        }
    }
}
