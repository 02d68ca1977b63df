import Foundation
import Mindscope
import Testing
import TestSupport

@Suite struct ProgressTests {
    @Test func theReaderReportsRowsAndBytesEveryThousandRows() throws {
        var text = ""
        CorpusGenerator(seed: 3).csv(rows: 2_500) { text += $0 + "\n" }
        let path = Fixtures.temporaryFile(text)
        let reader = try Fixtures.survey(path)
        var calls: [(rows: Int, bytes: Int, total: Int?)] = []
        reader.onProgress = { calls.append(($0, $1, $2)) }
        while try reader.next(report: { _ in }) != nil {}
        #expect(calls.map(\.rows) == [1_000, 2_000])
        #expect(calls.allSatisfy { $0.total == text.utf8.count && $0.bytes > 0 && $0.bytes <= text.utf8.count })
        #expect(calls[0].bytes <= calls[1].bytes)
    }
}
