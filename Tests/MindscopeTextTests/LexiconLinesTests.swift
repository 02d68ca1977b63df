import Foundation
import Testing
@testable import MindscopeText
import Mindscope
import TestSupport

/// ``LexiconLines`` splits on bytes; it must give the lines, numbers and fields that splitting
/// by Character gave (the reference below is that implementation).
struct LexiconLinesTests {
    static func reference(_ contents: String) -> [(Int, [Substring], Substring)] {
        var result: [(Int, [Substring], Substring)] = []
        var number = 0
        for raw in contents.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let text = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = text.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            result.append((number, text.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }, text))
        }
        return result
    }

    static func check(_ contents: String) {
        let found = LexiconLines(contents: contents).map { ($0.number, $0.fields, $0.text) }
        let expected = reference(contents)
        #expect(found.count == expected.count, "\(contents.debugDescription)")
        for (a, b) in zip(found, expected) {
            #expect(a.0 == b.0 && a.1 == b.1 && a.2 == b.2, "\(contents.debugDescription)")
        }
    }

    @Test(arguments: 0..<10) func asSplittingByCharacter(seed: UInt64) {
        var random = SplitMix64(state: seed)
        let pieces = ["a", "b", "é", "\u{301}", " ", "\t", "\n", "\r", "\r\n", "#", "1.5", "-"]
        for _ in 0..<1_000 {
            let count = Int.random(in: 0...24, using: &random)
            Self.check((0..<count).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
    }

    @Test func theShippedLexicons() throws {
        let folder = Fixtures.lexiconDirectory
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".tsv") || name.hasSuffix(".txt") {
            Self.check(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
    }
}
