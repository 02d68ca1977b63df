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

    // MARK: Recommend flags

    /// Tags a file and returns its JSON lines.
    static func tagLines(_ path: String, overrides: [(ColumnRoles.Role, String)] = []) throws -> (lines: [String], reports: [String]) {
        let reader = try Fixtures.survey(path, overrides: overrides)
        var lines: [String] = []
        var reports: [String] = []
        _ = try Tagger(analyzer: Fixtures.analyzer).run(reader, write: { lines.append($0) }, report: { reports.append($0) })
        return (lines, reports)
    }

    @Test func aRecommendedIndColumnIsARecommendFlag() throws {
        let (reader, records, _) = try Fixtures.records(Fixtures.temporaryFile(Self.clothingReviews()))
        #expect(reader.roles[.recommend].map { reader.reader.headers[$0] } == "Recommended IND")
        #expect(records.prefix(4).map(\.recommend) == [false, true, true, true])
    }

    @Test func aLikedColumnOfZerosAndOnesIsNeverARating() throws {
        let rows = (0..<20).map { "\"Wow, loved this place number \($0).\"\t\($0 % 3 == 0 ? 0 : 1)" }
        let file = Fixtures.temporaryFile("Review\tLiked\n" + rows.joined(separator: "\n") + "\n\"Blank one here.\"\t\n", name: "restaurant.tsv")
        let (reader, records, reports) = try Fixtures.records(file)
        #expect(reader.roles[.recommend] == 1 && reader.roles[.rating] == nil)
        #expect(records.prefix(3).map(\.recommend) == [false, true, true] && records.last?.recommend == nil)
        #expect(records.allSatisfy { $0.rating == nil } && reports.isEmpty)
        // Named as the rating, it is still read as the flag, and that is said once.
        let named = try Fixtures.records(file, overrides: [(.rating, "Liked")])
        #expect(named.reader.roles[.recommend] == 1 && named.reader.roles[.rating] == nil)
        #expect(named.reports == ["\(file): column 'Liked' holds only 0/1 values: read as a recommend flag, not a rating"])
        #expect(named.records.map(\.recommend) == records.map(\.recommend))
    }

    @Test(arguments: [("Yes", "No", "No/Yes"), ("1", "0", "0/1")])
    func aRatingHeaderOverYesAndNoIsTheFlag(_ yes: String, _ no: String, _ pair: String) throws {
        let rows = (0..<20).map { "\($0),\"The staff were helpful, visit \($0)\",\($0 % 2 == 0 ? yes : no)" }
        let (reader, records, _) = try Fixtures.records(Fixtures.temporaryFile("id,comment,score\n" + rows.joined(separator: "\n")))
        #expect(reader.roles[.rating] == nil && reader.roles[.recommend] == 2)
        #expect(reader.roles.reasons[2]?.hasSuffix("only \(pair) values, so a recommend flag, not a rating") == true)
        #expect(records.prefix(2).map(\.recommend) == [true, false] && records.allSatisfy { $0.rating == nil })
    }

    @Test func anElevenPointLikelihoodToRecommendStaysARating() throws {
        let rows = (0..<22).map { "\($0),\"Good value for money, order \($0)\",\($0 % 11)" }
        let (reader, records, _) = try Fixtures.records(Fixtures.temporaryFile("id,comment,How likely are you to recommend us?\n" + rows.joined(separator: "\n")))
        #expect(reader.roles[.rating] == 2 && reader.roles[.recommend] == nil)
        #expect(reader.ratingScale == RatingScale(kind: .nps, low: 0, high: 10))
        #expect(records.allSatisfy { $0.recommend == nil })
    }

    @Test func tagWritesRecommendOnlyWhenTheFileHasTheColumn() throws {
        let rows = ["\"Loved it, great food.\"\t1", "\"Cold and slow.\"\t0", "\"Fine I guess.\"\t"]
        let with = try Self.tagLines(Fixtures.temporaryFile("Review\tLiked\n" + rows.joined(separator: "\n"), name: "r.tsv")).lines
        #expect(with.map { $0.contains("\"recommend\":true") } == [true, false, false])
        #expect(with[1].contains("\"recommend\":false") && with[2].contains("\"recommend\":null"))
        #expect(with[0].contains("\"churned\":null,\"recommend\":true,\"segments\""))
        let without = try Self.tagLines(Fixtures.temporaryFile("id,comment\n1,\"Loved it, great food.\"\n")).lines
        #expect(!without[0].contains("recommend"))
    }
}
