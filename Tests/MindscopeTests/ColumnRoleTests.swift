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

    /// The header of the Women's E-Commerce Clothing Reviews export, with generated rows.
    static func clothingReviews(rows: Int = 60) -> String {
        let divisions = ["General", "General Petite", "Initmates"]
        let departments = ["Tops", "Dresses", "Bottoms", "Intimate", "Jackets"]
        let classes = ["Knits", "Blouses", "Dresses", "Pants", "Sweaters", "Jeans"]
        var csv = ",Clothing ID,Age,Title,Review Text,Rating,Recommended IND,Positive Feedback Count,Division Name,Department Name,Class Name\n"
        for row in 0..<rows {
            csv += "\(row),\(1000 + row % 17),\(25 + row % 40),Nice top,\"The fabric is soft and it fits well, number \(row)\",\(1 + row % 5),"
                + "\(row % 4 == 0 ? 0 : 1),\(row % 9),\(divisions[row % 3]),\(departments[row % 5]),\(classes[row % 6])\n"
        }
        return csv
    }

    @Test func nameHeadersOfACategoryAreSegments() throws {
        let reader = try Fixtures.survey(Fixtures.temporaryFile(Self.clothingReviews()))
        #expect(reader.segmentNames == ["Age", "Division Name", "Department Name", "Class Name"])
        #expect(reader.roles.all(.text).map { reader.reader.headers[$0] } == ["Review Text"])
        #expect(reader.roles[.rating].map { reader.reader.headers[$0] } == "Rating")
    }

    @Test func aPersonsNameIsNeverASegment() throws {
        let people = ["Ann", "Bob", "Cy"]
        let rows = (0..<30).map { "\($0),\"Slow checkout and rude staff, visit \($0)\",\(people[$0 % 3]),\(people[$0 % 3]),Lee,\(people[$0 % 3]) Lee,\(["North", "South"][$0 % 2])" }
        let reader = try Fixtures.survey(Fixtures.temporaryFile("id,comment,Name,First Name,Last Name,Customer Name,Store Name\n" + rows.joined(separator: "\n")))
        #expect(reader.segmentNames == ["Store Name"])
    }
}
