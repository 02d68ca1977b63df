import Foundation
import Mindscope
import Testing
import TestSupport

@Suite struct InputLimitsTests {
    func read(_ contents: String, name: String = "input.csv", _ limits: InputLimits) throws -> (rows: [RawRow], errors: [String]) {
        let reader = try RecordReader(path: Fixtures.temporaryFile(contents, name: name), limits: limits)
        var rows: [RawRow] = []
        var errors: [String] = []
        while true {
            do {
                guard let row = try reader.next() else { break }
                rows.append(row)
            } catch {
                errors.append(error.description)
            }
        }
        return (rows, errors)
    }

    @Test func aRowWithAnOverlongFieldIsSkippedWithItsLineAndReadingGoesOn() throws {
        let limits = InputLimits(fieldBytes: 10, rowBytes: 1000, columns: 10)
        let (rows, errors) = try read("id,comment\n1,short\n2,\"far too long\nfor the limit\"\n3,fine\n", limits)
        #expect(rows.map(\.fields) == [["1", "short"], ["3", "fine"]])
        #expect(errors.count == 1)
        #expect(errors.first?.contains("input.csv:3: field 2 is longer than 10 bytes (--max-field-bytes); row skipped") == true)
    }

    @Test func rowAndColumnLimits() throws {
        let limits = InputLimits(fieldBytes: 100, rowBytes: 12, columns: 3)
        let (rows, errors) = try read("a,b,c\n1,2,3\n1,2,3,4\n12345,12345,12345\nx,y,z\n", limits)
        #expect(rows.map(\.fields) == [["1", "2", "3"], ["x", "y", "z"]])
        #expect(errors.count == 2)
        #expect(errors.first?.contains(":3: the row has more than 3 fields (--max-columns)") == true)
        #expect(errors.last?.contains(":4: the row is longer than 12 bytes (--max-row-bytes)") == true)
    }

    @Test func aHeaderOverTheLimitEndsTheRun() throws {
        let limits = InputLimits(fieldBytes: 100, rowBytes: 100, columns: 2)
        #expect(throws: MindscopeError.self) { try RecordReader(path: Fixtures.temporaryFile("a,b,c\n1,2,3\n"), limits: limits) }
        do {
            _ = try RecordReader(path: Fixtures.temporaryFile("a,b,c\n1,2,3\n"), limits: limits)
        } catch {
            #expect(error.description.contains(":1: the header has more than 2 fields"))
        }
    }

    @Test func jsonlLinesKeysAndValuesHaveLimits() throws {
        let limits = InputLimits(fieldBytes: 8, rowBytes: 60, columns: 2)
        let lines = [#"{"id":1,"comment":"ok"}"#, #"{"id":2,"comment":"much too long"}"#, #"{"id":3,"comment":"ok","x":1}"#,
                     #"{"id":4,"comment":"\#(String(repeating: "y", count: 70))"}"#, #"{"id":5,"comment":"fine"}"#]
        let (rows, errors) = try read(lines.joined(separator: "\n"), name: "input.jsonl", limits)
        #expect(rows.map { $0.fields[1] } == ["1", "5"])  // columns: comment, id
        #expect(errors.count == 3)
        #expect(errors[0].contains(":2: the value of 'comment' is longer than 8 bytes"))
        #expect(errors[1].contains(":3: the object has more than 2 keys"))
        #expect(errors[2].contains(":4: the line is longer than 60 bytes"))
    }

    @Test(arguments: [("1048576", 1 << 20), ("512K", 512 << 10), ("1m", 1 << 20), ("2G", 2 << 30)])
    func sizesReadWithBinaryUnits(_ text: String, _ bytes: Int) {
        #expect(InputLimits.byteCount(text) == bytes)
    }

    @Test(arguments: ["", "0", "-1", "1X", "M", "99999999999999999999G"])
    func badSizesAreRefused(_ text: String) {
        #expect(InputLimits.byteCount(text) == nil)
    }
}
