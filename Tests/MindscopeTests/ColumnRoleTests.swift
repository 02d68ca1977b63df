import Foundation
import Testing
import Mindscope
import TestSupport

/// Column roles read from rows spread through the file, and the roles of "Readings that follow
/// any data": recommend flags, times, repeated ids, `… Name` segments.
@Suite struct ColumnRoleTests {
    static let airlines = ["Delta", "United", "American", "Southwest", "JetBlue"]

    /// `id,airline,comment`, sorted by airline: the first `leading` rows are Delta, the rest
    /// cycle through the other airlines. Every third comment is quoted and spans lines, with a
    /// line inside it that looks like a row of its own.
    static func sortedByAirline(rows: Int = 1_000, leading: Int = 300) -> String {
        var csv = "id,airline,comment\n"
        for id in 1...rows {
            let airline = id <= leading ? airlines[0] : airlines[1 + id % (airlines.count - 1)]
            let comment = id % 3 == 0
                ? "\"Seat \(id) was fine, crew friendly\n\(id),Impostor,not a row\nthanks\""
                : "The flight number \(id) left on time and bags arrived"
            csv += "\(id),\(airline),\(comment)\n"
        }
        return csv
    }

    @Test func aFileSortedByASegmentStillShowsThatSegment() throws {
        let (reader, records, reports) = try Fixtures.records(Fixtures.temporaryFile(Self.sortedByAirline()))
        #expect(reader.segmentNames == ["airline"])
        #expect(reports.count == 0)
        #expect(Set(records.map { $0.segments[0] }) == Set(Self.airlines))
    }

    @Test func theSampleIsSpreadAndEverySampledRowIsARealRow() throws {
        let reader = try RecordReader(path: Fixtures.temporaryFile(Self.sortedByAirline()))
        let sample = reader.sample(200)
        #expect(sample.count <= 200)
        #expect(sample.allSatisfy { $0.fields.count == 3 && Self.airlines.contains($0.fields[1]) })
        #expect(Set(sample.map { $0.fields[1] }).count == Self.airlines.count)
        // Reading afterwards yields every row once, in order.
        var ids: [String] = []
        while let row = try reader.next() { ids.append(row.fields[0]) }
        #expect(ids == (1...1_000).map(String.init))
    }

    @Test func everyRowIsReadOnceAfterSampling() throws {
        let (reader, records, _) = try Fixtures.records(Fixtures.temporaryFile(Self.sortedByAirline(rows: 2_500)))
        #expect(records.map(\.id) == (1...2_500).map(String.init))
        #expect(records.map(\.line) == records.map(\.line).sorted())
        #expect(reader.summary == InputSummary(read: 2_500, used: 2_500))
    }

    @Test func aShortFileIsItsOwnSample() throws {
        let reader = try RecordReader(path: Fixtures.temporaryFile(Self.sortedByAirline(rows: 150, leading: 50)))
        #expect(reader.sample(200).map { $0.fields[0] } == (1...150).map(String.init))
    }

    @Test func jsonlIsSampledThroughTheFileToo() throws {
        let lines = (1...1_000).map { id in
            "{\"id\": \(id), \"carrier\": \"\(id <= 300 ? "Delta" : Self.airlines[1 + id % 4])\", \"comment\": \"Flight \(id) was on time and fine\"}"
        }
        let reader = try RecordReader(path: Fixtures.temporaryFile(lines.joined(separator: "\n") + "\n", name: "x.jsonl"))
        let sample = reader.sample(200)
        #expect(Set(sample.map { $0.fields[reader.headers.firstIndex(of: "carrier")!] }).count == Self.airlines.count)
        var count = 0
        while try reader.next() != nil { count += 1 }
        #expect(count == 1_000)
    }
}
