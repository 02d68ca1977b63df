import Foundation
import Testing
import Mindscope
import TestSupport

@Suite struct ReaderTests {
    func rows(_ contents: String, name: String = "in.csv", format: InputFormat? = nil) throws -> (RecordReader, [RawRow]) {
        let reader = try RecordReader(path: Fixtures.temporaryFile(contents, name: name), format: format)
        var rows: [RawRow] = []
        while let row = try reader.next() { rows.append(row) }
        return (reader, rows)
    }

    @Test func quotedFieldsKeepCommasQuotesAndNewlines() throws {
        let (reader, rows) = try rows("id,comment\r\n1,\"late, and \"\"broken\"\"\r\nsecond line\"\r\n2,ok\r\n")
        #expect(reader.headers == ["id", "comment"])
        #expect(rows.map(\.fields) == [["1", "late, and \"broken\"\r\nsecond line"], ["2", "ok"]])
        #expect(rows.map(\.line) == [2, 4])
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let (reader, _) = try rows("\u{FEFF}id,comment\n1,x\n")
        #expect(reader.headers == ["id", "comment"])
    }

    @Test func formatIsDetectedFromExtensionAndContent() throws {
        #expect(try rows("a\tb\n1\t2\n", name: "x.tsv").0.format == .tsv)
        #expect(try rows("a\tb\tc\n1\t2\t3\n", name: "export").0.format == .tsv)
        #expect(try rows("{\"a\": 1}\n", name: "export").0.format == .jsonl)
        #expect(try rows("a,b\n1,2\n", name: "export").0.format == .csv)
        #expect(try rows("a;b\n", name: "x.txt", format: .tsv).0.format == .tsv)
    }

    @Test func jsonlObjectsAreMappedByKey() throws {
        let (reader, rows) = try rows("{\"id\": 7, \"text\": \"hi\", \"ok\": true}\n\n{\"text\": \"yo\", \"id\": null, \"x\": [1]}\n", name: "a.jsonl")
        // Columns: every key of the first objects, in the order first seen.
        #expect(reader.headers == ["id", "ok", "text", "x"])
        #expect(rows.map(\.fields) == [["7", "true", "hi", ""], ["", "", "yo", "[1]"]])
        #expect(rows.map(\.line) == [1, 3])
    }

    @Test func aBadFirstJSONLineDoesNotLoseTheFile() throws {
        let reader = try RecordReader(path: Fixtures.temporaryFile("[1,2]\n{\"id\": 12345678901234567890, \"text\": \"big\"}\n", name: "x.jsonl"))
        #expect(reader.headers == ["id", "text"])
        #expect(throws: MindscopeError.self) { try reader.next() }
        #expect(try reader.next()?.fields == ["12345678901234567890", "big"])
    }

    @Test func aLoneCarriageReturnEndsALine() throws {
        let (_, rows) = try rows("id,comment\r1,great\r2,\"two\rlines\"\r3,bad")
        #expect(rows.map(\.fields) == [["1", "great"], ["2", "two\rlines"], ["3", "bad"]])
        #expect(rows.map(\.line) == [2, 3, 5])
    }

    @Test func anUnclosedQuoteNamesTheLineItOpenedOn() throws {
        let reader = try RecordReader(path: Fixtures.temporaryFile("id,comment\n1,ok\n2,\"never closed\n3,x\n"))
        _ = try reader.next()
        #expect(throws: MindscopeError.self) { try reader.next() }
        let reader2 = try RecordReader(path: Fixtures.temporaryFile("id,comment\n1,ok\n2,\"never closed\n3,x\n"))
        _ = try reader2.next()
        do {
            _ = try reader2.next()
            Issue.record("expected an unclosed-quote error")
        } catch {
            #expect(error.description.hasSuffix("input.csv:3: unclosed quote: the field opened on this line runs to the end of the file, so lines 3–4 could not be read"))  // the file has four lines
        }
    }

    @Test func aBadJSONLineIsReportedAndReadingGoesOn() throws {
        let reader = try RecordReader(path: Fixtures.temporaryFile("{\"t\": \"a\"}\nnot json\n{\"t\": \"b\"}\n", name: "x.jsonl"))
        #expect(try reader.next()?.fields == ["a"])
        #expect(throws: MindscopeError.self) { try reader.next() }
        #expect(try reader.next()?.fields == ["b"])
    }

    @Test func invalidUTF8IsRepairedAndCounted() throws {
        var data = Data("id,comment\n1,caf".utf8)
        data.append(contentsOf: [0xE9, 0x0A])
        let reader = try RecordReader(path: Fixtures.temporaryFile(data, name: "latin1.csv"))
        #expect(try reader.next()?.fields == ["1", "caf\u{FFFD}"])
        #expect(reader.repairedFields == 1)
    }

    @Test func emptyAndMissingFilesAreClearErrors() {
        #expect(throws: MindscopeError.self) { try RecordReader(path: Fixtures.temporaryFile("")) }
        #expect(throws: MindscopeError.self) { try RecordReader(path: "/nonexistent/file.csv") }
    }

    @Test func readingStreamsAcrossChunkBoundaries() throws {
        // Rows far longer than one read chunk, with quotes straddling the boundaries.
        let long = String(repeating: "word, \"quoted\" ", count: 10_000)
        let csv = "id,comment\n" + (1...3).map { "\($0),\"\(long.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: "\n")
        let (_, rows) = try rows(csv)
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.fields[1] == long })
    }
}

@Suite struct StatisticsTests {
    @Test func evaluationMatchesKnownCorrelations() throws {
        let file = Fixtures.temporaryFile("1\t3.0\tI love it, wonderful!\r\n2\t-3.0\tTerrible, awful, broken.\r\n3\t1.0\tgood\r\n4\t-1.0\tbad\r\n", name: "gold.txt")
        let report = try Evaluation.run(path: file, analyzer: Fixtures.analyzer)
        #expect(report.items == 4)
        #expect(report.pearson > 0.9)
        #expect(report.spearman == 1.0)
        #expect(report.signAgreement == 1.0)
    }

    @Test func aMalformedGoldLineNamesItsLine() {
        let file = Fixtures.temporaryFile("1\t3.0\tok\n2\tnot a number\tx\n", name: "gold.txt")
        #expect(throws: MindscopeError.self) { try Evaluation.run(path: file, analyzer: Fixtures.analyzer) }
    }
}
