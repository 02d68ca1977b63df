import Foundation
@testable import Mindscope
import MindscopeText
import Testing
import TestSupport

/// `tag`'s lines are written as bytes (``TagLine``); these seeded properties hold them to what
/// the output meant when it went through Swift strings: `String(x)` for numbers, RFC 8259 for
/// JSON strings, grapheme-wise quoting for CSV fields, and the values of ``TagRecord``.
@Suite struct TagLineTests {
    static func bytes(_ write: (inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = []
        write(&out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Doubles of every kind the output meets and more: scores and ratings rounded to
    /// thousandths, amounts with cents, whole numbers, ±0, huge and tiny values, values at the
    /// edges of the integer fast path, arbitrary bit patterns, NaN and infinities.
    static func doubles(seed: UInt64, count: Int) -> [Double] {
        var random = SplitMix64(state: seed)
        func unit() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        func sign() -> Double { random.next() & 1 == 0 ? 1 : -1 }
        var values: [Double] = [0, -0.0, .nan, .infinity, -.infinity, .greatestFiniteMagnitude, .leastNonzeroMagnitude,
                                1e12, 1e12.nextDown, 1e12.nextUp, 1e15, 1e15.nextDown, 1e15.nextUp, 0.001, 0.0005, 1e-4, 1e16]
        for _ in 0..<count {
            switch random.next() % 8 {
            case 0: values.append(sign() * ((unit() * 2 - 1) * 1000).rounded() / 1000)  // a score
            case 1: values.append(sign() * Double(Int(random.next() % 2_000_000_000_000)) / 1000)  // thousandths
            case 2: values.append(sign() * Double(Int(random.next() % 100_000_000)) / 100)  // an amount in cents
            case 3: values.append(sign() * Double(Int64(bitPattern: random.next() >> (random.next() % 64))))  // whole
            case 4: values.append(sign() * unit() * pow(10, Double(Int(random.next() % 600)) - 300))  // any magnitude
            case 5: values.append(Double(bitPattern: random.next()))
            case 6: values.append(sign() * (unit() * 1e12).rounded() / 1000 + (random.next() & 1 == 0 ? 0 : unit() * 1e-9))
            default: values.append(sign() * unit() * 10)  // many digits
            }
        }
        return values
    }

    @Test func numbersAreWrittenAsStringWritesThem() {
        for x in Self.doubles(seed: 16, count: 200_000) {
            #expect(Self.bytes { $0.appendDescription(x) } == String(x), "\(x.bitPattern)")
        }
    }

    @Test func jsonNumbersAreWholeWithOneDecimalOrAsStringWritesThem() {
        for x in Self.doubles(seed: 17, count: 200_000) {
            // The rule the JSON writer has always had.
            let expected = x.isFinite ? (x == x.rounded() && abs(x) < 1e15 ? "\(Int64(x)).0" : "\(x)") : "null"
            #expect(Self.bytes { $0.appendJSONNumber(x) } == expected, "\(x.bitPattern)")
        }
    }

    @Test func integersAndPaddedIntegersAreWrittenAsStringWritesThem() {
        var random = SplitMix64(state: 3)
        let values = [0, 1, -1, 9, 10, -10, Int.max, Int.min] + (0..<20_000).map { _ in Int(bitPattern: UInt(random.next() >> (random.next() % 64))) &* (random.next() & 1 == 0 ? 1 : -1) }
        for n in values {
            #expect(Self.bytes { $0.appendInteger(n) } == String(n))
            for width in [2, 4] {
                let digits = String(n)
                #expect(Self.bytes { $0.appendInteger(n, width: width) } == String(repeating: "0", count: max(0, width - digits.count)) + digits)
            }
        }
    }

    @Test func timesAreWrittenAsTimeFormatWritesThem() {
        var random = SplitMix64(state: 5)
        let seconds = [0, -1, 86_399, 86_400, -86_400, -86_401, 951_782_400, 4_102_444_800, -62_135_596_800, -62_135_596_801]
            + (0..<50_000).map { _ in Int(random.next() % 200_000_000_000) - 100_000_000_000 }
        for t in seconds {
            #expect(Self.bytes { $0.appendISO8601(t) } == TimeFormat.iso8601(t))
        }
    }

    /// Random text over an alphabet of what needs escaping or quoting and what nearly does.
    static func strings(seed: UInt64, count: Int, alphabet: [String]) -> [String] {
        var random = SplitMix64(state: seed)
        return (0..<count).map { _ in
            (0..<Int(random.next() % 40)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
        }
    }

    @Test func jsonStringsEscapeExactlyWhatRFC8259AndJavaScriptNeed() throws {
        let alphabet = ["a", "b", " ", "é", "…", "€", "\u{2027}", "\u{202A}", "\u{2028}", "\u{2029}", "\"", "\\", "\n", "\r", "\t",
                        "\u{0}", "\u{1}", "\u{8}", "\u{C}", "\u{1F}", "\u{7F}", "/", "😞", "👍🏽", "\u{301}", "<", "xxxxxxxx"]
        for text in Self.strings(seed: 7, count: 20_000, alphabet: alphabet) {
            let expected = "\"" + text.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "\"": return "\\\""
                case "\\": return "\\\\"
                case "\n": return "\\n"
                case "\r": return "\\r"
                case "\t": return "\\t"
                case "\u{2028}", "\u{2029}": return "\\u" + String(scalar.value, radix: 16)
                case _ where scalar.value < 0x20: return "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                default: return String(scalar)
                }
            }.joined() + "\""
            let written = Self.bytes { $0.appendJSONString(text) }
            #expect(written == expected)
            #expect(try JSONSerialization.jsonObject(with: Data("[\(written)]".utf8)) as? [String] == [text])
        }
    }

    /// The CSV fields as `tag` wrote them through strings before: inert, then quoted when a
    /// character is a comma, quote or line break, quotes doubled.
    static func stringField(_ cell: String, inert: Bool) -> String {
        let field = inert && ["=", "+", "-", "@", "\t", "\r"].contains(cell.unicodeScalars.first ?? " ") ? "'" + cell : cell
        return field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    @Test func csvFieldsAreQuotedAsStringsQuotedThem() {
        let alphabet = ["a", "b", " ", ",", "\"", "\n", "\r", "\r\n", "\u{301}", ",\u{301}", "\"\u{301}", "é", "😞", "=", "+", "-",
                        "@", "\t", "'", ";", "\u{600}"]
        for text in Self.strings(seed: 9, count: 20_000, alphabet: alphabet) {
            for inert in [false, true] {
                #expect(Self.bytes { CSVLine.append(text, inert: inert, to: &$0) } == Self.stringField(text, inert: inert),
                        "\(Array(text.unicodeScalars.map(\.value)))")
            }
        }
    }

    /// Generated rows, some made non-ASCII (accents, emoji, a line separator) so that offsets
    /// in scalars differ from offsets in bytes.
    static let generated: String = {
        var lines: [String] = []
        CorpusGenerator(seed: 21).csv(rows: 1_500) { lines.append($0) }
        return lines.enumerated().map { index, line in
            switch index % 4 {
            case 1: line.replacingOccurrences(of: " was ", with: " wäs 😞 ")
            case 2: line.replacingOccurrences(of: "ing", with: "ïng\u{2028}")
            default: line
            }
        }.joined(separator: "\n") + "\n"
    }()

    @Test(arguments: ["generated", "ecommerce_feedback.csv", "product_reviews.csv", "support_tickets.jsonl", "store_survey.csv"])
    func jsonLinesHoldTheRowAndTheValuesOfItsTagRecord(_ source: String) throws {
        let path = source == "generated" ? Fixtures.temporaryFile(Self.generated) : Fixtures.corpus(source)
        var tagger = Tagger(analyzer: Fixtures.analyzer)
        tagger.explain = true
        var lines: [String] = []
        _ = try tagger.run(Fixtures.survey(path), write: { lines.append($0) }, report: { _ in })
        let (reader, records, _) = try Fixtures.records(path)
        try #require(lines.count == records.count && !records.isEmpty)
        for (line, row) in zip(lines, records) {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let record = TagRecord(id: row.id, line: row.line, analysis: Fixtures.analyzer.analyze(row.text), explain: true)
            let scalars = Array(record.text.unicodeScalars)
            func text(_ start: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[start..<end])) }
            func spans(_ value: Any?) -> [[String: Any]] { value as? [[String: Any]] ?? [] }
            #expect(json["id"] as? String == record.id && json["line"] as? Int == record.line && json["text"] as? String == record.text)
            let sentiment = json["sentiment"] as? [String: Any]
            #expect(sentiment?["score"] as? Double == record.sentiment.score && sentiment?["label"] as? String == record.sentiment.label.rawValue)
            let themes = spans(json["themes"])
            #expect(themes.count == record.themes.count)
            for (written, theme) in zip(themes, record.themes) {
                #expect(written["theme"] as? String == theme.theme && written["score"] as? Double == theme.score)
                #expect(written["label"] as? String == theme.label.rawValue && written["cues"] as? [String] == theme.cues)
                let evidence = spans(written["evidence"])
                #expect(evidence.count == theme.evidence.count)
                for (span, expected) in zip(evidence, theme.evidence) {
                    #expect(span["start"] as? Int == expected.start && span["end"] as? Int == expected.end && span["text"] as? String == expected.text)
                    #expect(text(expected.start, expected.end) == expected.text)
                }
            }
            #expect(json["signals"] as? [String] == record.signals)
            let sentences = spans(json["sentences"])
            #expect(sentences.map { $0["start"] as? Int } == record.sentences.map(\.start))
            #expect(sentences.map { $0["end"] as? Int } == record.sentences.map(\.end))
            #expect(sentences.map { $0["score"] as? Double } == record.sentences.map(\.score))
            #expect(sentences.map { $0["label"] as? String } == record.sentences.map(\.label.rawValue))
            let explain = spans(json["explain"])
            let explanations = record.explain ?? []
            #expect(explain.count == explanations.count)
            for (written, item) in zip(explain, explanations) {
                #expect(written["term"] as? String == item.term && written["text"] as? String == item.text && text(item.start, item.end) == item.text)
                #expect(written["start"] as? Int == item.start && written["end"] as? Int == item.end)
                #expect(written["base"] as? Double == item.base && written["value"] as? Double == item.value)
                #expect(written["source"] as? String == item.source && written["theme"] as? String == item.theme)
                let rules = spans(written["rules"])
                #expect(rules.map { $0["rule"] as? String } == item.rules.map(\.rule.rawValue))
                #expect(rules.map { $0["by"] as? String } == item.rules.map(\.by))
                #expect(rules.map { $0["change"] as? Double } == item.rules.map(\.change))
            }
            // The row's own fields.
            #expect(json["rating"] as? Double == row.rating.map { ($0.value * 1000).rounded() / 1000 })
            #expect(json["ratingNormalized"] as? Double == row.rating.map { ($0.normalized * 1000).rounded() / 1000 })
            #expect(json["value"] as? Double == row.value?.amount && json["currency"] as? String == row.value?.currency)
            #expect(json["churned"] as? Bool == row.churned)
            #expect((json["time"] != nil) == (reader.roles[.time] != nil) && json["time"] as? String == row.time.map(TimeFormat.iso8601))
            #expect((json["recommend"] != nil) == (reader.roles[.recommend] != nil) && json["recommend"] as? Bool == row.recommend)
            let segments = json["segments"] as? [String: String]
            #expect(segments == Dictionary(zip(reader.segmentNames, row.segments), uniquingKeysWith: { a, _ in a }))
        }
    }

    @Test func batchesHoldTheSameLinesAsLineByLine() throws {
        let path = Fixtures.temporaryFile(Self.generated)
        for format in TagOutputFormat.allCases {
            var tagger = Tagger(analyzer: Fixtures.analyzer)
            tagger.format = format
            var lines: [String] = []
            _ = try tagger.run(Fixtures.survey(path), write: { lines.append($0) }, report: { _ in })
            var batches: [[UInt8]] = []
            _ = try tagger.run(Fixtures.survey(path), writeBatch: { batches.append($0) }, report: { _ in })
            #expect(String(decoding: batches.joined(), as: UTF8.self) == lines.map { $0 + "\n" }.joined())
            #expect(!batches.isEmpty && batches.count < lines.count)
        }
    }
}
