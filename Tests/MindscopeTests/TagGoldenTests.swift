import Foundation
import Testing
import Mindscope
import MindscopeText
import TestSupport

/// `tag` on the shipped corpora against reviewed golden files. After a deliberate change,
/// regenerate with `MINDSCOPE_UPDATE_GOLDEN=1 swift test --filter TagGoldenTests` and review
/// the diff before committing.
@Suite struct TagGoldenTests {
    static let golden = Fixtures.root.appendingPathComponent("Tests/MindscopeTests/Golden")

    func tag(_ path: String, format: TagOutputFormat = .jsonl) throws -> (lines: [String], summary: InputSummary, reports: [String]) {
        var tagger = Tagger(analyzer: Fixtures.analyzer)
        tagger.format = format
        var lines: [String] = []
        var reports: [String] = []
        let summary = try tagger.run(Fixtures.survey(path), write: { lines.append($0) }, report: { reports.append($0) })
        return (lines, summary, reports)
    }

    @Test(arguments: [("ecommerce_feedback.csv", TagOutputFormat.jsonl), ("product_reviews.csv", .jsonl),
                      ("support_tickets.jsonl", .jsonl), ("product_reviews.csv", .csv)])
    func tagMatchesGolden(_ corpus: String, _ format: TagOutputFormat) throws {
        let output = try tag(Fixtures.corpus(corpus), format: format).lines.joined(separator: "\n") + "\n"
        let file = Self.golden.appendingPathComponent("\(corpus).\(format.rawValue)")
        if ProcessInfo.processInfo.environment["MINDSCOPE_UPDATE_GOLDEN"] != nil {
            try output.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(output == expected, "tag \(corpus) differs from \(file.lastPathComponent)")
    }

    /// The seed's acceptance table, read as a user would: themes and signals per customer.
    @Test func seedTableTagsAsTheDesignSays() throws {
        let records = try tag(Fixtures.corpus("ecommerce_feedback.csv")).lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        func themes(_ id: String) -> [String: String] {
            let record = records.first { $0["id"] as? String == id }!
            return Dictionary(uniqueKeysWithValues: (record["themes"] as! [[String: Any]]).map { ($0["theme"] as! String, $0["label"] as! String) })
        }
        func signals(_ id: String) -> [String] { records.first { $0["id"] as? String == id }!["signals"] as! [String] }
        #expect(themes("101")["delivery"] == "negative" && themes("101")["packaging"] == "negative")
        #expect(themes("102")["delivery"] == "positive" && themes("102")["eco"] == "positive")
        #expect(themes("103")["price"] == "negative")
        #expect(themes("104")["support"] == "negative" && signals("104").contains("churn_intent"))
        #expect(themes("105")["quality"] == "positive" && themes("105")["shipping_cost"] == "negative")
        #expect(records.map { $0["value"] as? Double } == [120, 45, 200, 80, 150])
        #expect(records.map { $0["rating"] as? Double } == [2, 5, 3, 1, 4])
        let first = records[0]
        let evidence = ((first["themes"] as! [[String: Any]])[0]["evidence"] as! [[String: Any]])[0]
        #expect(evidence["text"] as? String == "Delivery was late" && evidence["start"] as? Int == 0 && evidence["end"] as? Int == 17)
    }

    @Test func offsetsAreUnicodeScalarOffsets() throws {
        let record = TagRecord(id: "1", line: 1, analysis: Fixtures.analyzer.analyze("Très lent 😞 — delivery was late"), explain: false)
        let span = try #require(record.themes.first?.evidence.first)
        let scalars = Array(record.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == span.text)
    }

    @Test func raggedRowsAreReportedAndCountsAddUp() throws {
        let (lines, summary, reports) = try tag(Fixtures.fixture("ragged.csv"))
        #expect(summary == InputSummary(read: 4, used: 2, skipped: 2))
        #expect(reports.count == 2)
        #expect(reports[0].hasSuffix("ragged.csv:3: expected 3 fields as in the header, found 4; row skipped"))
        #expect(reports[1].hasSuffix("ragged.csv:4: expected 3 fields as in the header, found 1; row skipped"))
        #expect(lines.count == 2)
    }

    @Test func aFileWithoutATextColumnIsAnError() {
        let file = Fixtures.temporaryFile("id,amount\n1,5\n2,7\n")
        #expect(throws: MindscopeError.self) { try tag(file) }
    }

    @Test func csvOutputHasOneColumnPerThemeAndTheRowFields() throws {
        let lines = try tag(Fixtures.fixture("churn.csv"), format: .csv).lines
        #expect(lines[0].hasPrefix("id,text,sentiment_score,sentiment_label," + Fixtures.retail.themes.catalog.topics.map(\.id).joined(separator: ",") + ",signals,"))
        #expect(lines[0].hasSuffix(",signals,rating,rating_normalized,value,currency,churned,age_group,account_type"))
        #expect(lines[2].hasSuffix(",,,,,,true,26-35,Checking"))
    }

    @Test func jsonOutputEscapesEverything() {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{7} <script>"
        #expect(JSONDocument.string(text).text == "\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 <script>\"")
        let decoded = try? JSONSerialization.jsonObject(with: Data(JSONDocument.array([.string(text)]).text.utf8)) as? [String]
        #expect(decoded == [text])
    }

    @Test func jsonOutputEscapesLineSeparatorsAndKeepsOtherUnicode() {
        let text = "a\u{2028}b\u{2029}c \u{1F}é…€ 👍🏽"
        #expect(JSONDocument.string(text).text == "\"a\\u2028b\\u2029c \\u001fé…€ 👍🏽\"")
        let decoded = try? JSONSerialization.jsonObject(with: Data(JSONDocument.array([.string(text)]).text.utf8)) as? [String]
        #expect(decoded == [text])
    }
}

@Suite struct CSVInjectionTests {
    @Test func formulaCellsAreNeutralisedUnlessAllowed() throws {
        let file = Fixtures.temporaryFile("id,comment,region\n=1+1,\"=HYPERLINK(\"\"http://x\"\",\"\"hi\"\")\",@evil\n2,-10 bad,EU\n")
        func tag(_ neutralize: Bool) throws -> [String] {
            var tagger = Tagger(analyzer: Fixtures.analyzer)
            tagger.format = .csv
            tagger.neutralizeFormulas = neutralize
            var lines: [String] = []
            _ = try tagger.run(Fixtures.survey(file), write: { lines.append($0) }, report: { _ in })
            return lines
        }
        let safe = try tag(true)
        #expect(safe[1].hasPrefix("'=1+1,\"'=HYPERLINK("))
        #expect(safe[1].hasSuffix(",'@evil"))
        #expect(safe[2].hasPrefix("2,'-10 bad,"))
        #expect(safe[2].contains(",-0."))  // a negative score stays a number
        #expect(try tag(false)[1].hasPrefix("=1+1,\"=HYPERLINK("))
    }
}
