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

    @Test func aShortRestIsSampledOnceInOrder() throws {
        for rows in [205, 260, 400] {
            let reader = try RecordReader(path: Fixtures.temporaryFile(Self.sortedByAirline(rows: rows, leading: 50)))
            let ids = reader.sample(200).map { Int($0.fields[0])! }
            #expect(Set(ids).count == ids.count && ids == ids.sorted(), "\(rows) rows")
            #expect(ids.last! > 200, "\(rows) rows")
        }
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
        // With a recommend column besides, the 0/1 column is no rating either.
        let both = Fixtures.temporaryFile("Review\tLiked\tWould recommend\n" + rows.map { $0 + "\tyes" }.joined(separator: "\n") + "\n\"Meh.\"\t1\tno\n", name: "both.tsv")
        let second = try Fixtures.records(both, overrides: [(.rating, "Liked")])
        #expect(second.reader.roles[.rating] == nil && second.reader.roles[.recommend] == 2)
        #expect(second.reports == ["\(both): column 'Liked' holds only 0/1 values: not read as a rating (the recommend flag is column 'Would recommend')"])
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

    // MARK: Times

    static let months = Fixtures.loaded.values.months

    static func iso(_ field: String, dayFirst: Bool = false) -> String? {
        TimeFormat(dayFirst: dayFirst, epochs: true, months: months).seconds(field).map(TimeFormat.iso8601)
    }

    @Test(arguments: [
        ("2026-03-01", "2026-03-01T00:00:00Z"), ("2026-03-01T09:12:00Z", "2026-03-01T09:12:00Z"),
        ("2026-03-01 09:12:00 -0800", "2026-03-01T17:12:00Z"), ("2015-02-24 11:35:52 -0800", "2015-02-24T19:35:52Z"),
        ("2026-03-01T09:12:00.250+05:30", "2026-03-01T03:42:00Z"), ("03/01/2026", "2026-03-01T00:00:00Z"),
        ("3/1/26 9:12", "2026-03-01T09:12:00Z"), ("3/1/2026 9:12:00 PM", "2026-03-01T21:12:00Z"),
        ("12/31/1999 12:05 AM", "1999-12-31T00:05:00Z"), ("2026/10/01 9:12:01 AM GMT+1", "2026-10-01T08:12:01Z"),
        ("2026/03/01", "2026-03-01T00:00:00Z"), ("01.03.2026", "2026-03-01T00:00:00Z"), ("1772356320", "2026-03-01T09:12:00Z"),
        ("1772356320000", "2026-03-01T09:12:00Z"), ("Mar 1, 2026", "2026-03-01T00:00:00Z"), ("1 March 2026", "2026-03-01T00:00:00Z"),
        ("01-Mar-2026", "2026-03-01T00:00:00Z"), ("Sept. 30, 2025 4:05 pm", "2025-09-30T16:05:00Z"), (" 2024-02-29 ", "2024-02-29T00:00:00Z"),
    ])
    func datesAreReadInCommonFormats(_ field: String, _ expected: String) {
        #expect(Self.iso(field) == expected)
    }

    @Test func dayFirstColumnsSwapDayAndMonth() {
        #expect(Self.iso("03/01/2026", dayFirst: true) == "2026-01-03T00:00:00Z")
        #expect(Self.iso("01.03.2026", dayFirst: false) == "2026-03-01T00:00:00Z")  // dots are always day first
        #expect(TimeFormat.detect(["03/04/2026", "25/04/2026"], epochs: false, months: Self.months).dayFirst)
        let monthFirst = TimeFormat.detect(["03/04/2026", "04/25/2026"], epochs: false, months: Self.months)
        #expect(!monthFirst.dayFirst && !monthFirst.orderGuessed)
        #expect(TimeFormat.detect(["03/04/2026", "2026-03-04"], epochs: false, months: Self.months).orderGuessed)
        #expect(!TimeFormat.detect(["2026-03-04"], epochs: false, months: Self.months).numericDayMonth)
    }

    @Test(arguments: ["31/31/2026", "2026-02-30", "2025-02-29", "2026-13-01", "2026-03-01 25:00", "2026-03-01 9:61",
                      "soon", "12345", "2026-03-01 09:12 PST", "13/1/2026 13:00 PM", "", "2026-03-01T", "Smarch 1, 2026"])
    func nonDatesAreNotRead(_ field: String) {
        #expect(Self.iso(field) == nil)
    }

    @Test func epochNumbersAreReadOnlyWhereAHeaderNamesATime() {
        #expect(TimeFormat(months: Self.months).seconds("1772356320") == nil)
        #expect(TimeFormat.iso8601(-1) == "1969-12-31T23:59:59Z")
    }

    @Test func theRecordedDateIsTheTimeOfAQualtricsExport() throws {
        let (reader, records, reports) = try Fixtures.records(Fixtures.fixture("qualtrics.csv"))
        #expect(reader.timeColumn == "RecordedDate")
        #expect(records.first?.time.map(TimeFormat.iso8601) == "2026-10-01T09:14:41Z")
        #expect(reports.isEmpty && reader.timeProblems == (0, 0))
        #expect(reader.segmentNames == ["Q4"])
    }

    @Test func aStartDateComesBeforeAnEndDate() throws {
        let rows = (1...6).map { "2026-03-0\($0) 10:00,2026-03-0\($0) 09:00,\"The app crashed twice, day \($0)\"" }
        let reader = try Fixtures.survey(Fixtures.temporaryFile("End Date,Start Date,comment\n" + rows.joined(separator: "\n")))
        #expect(reader.timeColumn == "Start Date")
        #expect(reader.roles.role(of: 0) == nil)
    }

    @Test func aDateColumnIsFoundByItsValues() throws {
        let rows = (1...9).map { "\($0),\"Mar \($0), 2026\",\"Great coffee and fast service, visit \($0)\"" }
        let quoted = "id,when,comment\n" + rows.joined(separator: "\n")
        let (reader, records, _) = try Fixtures.records(Fixtures.temporaryFile(quoted))
        #expect(reader.timeColumn == "when")
        #expect(reader.roles.reasons[1] == "header says nothing; values read as dates")
        #expect(records.last?.time.map(TimeFormat.iso8601) == "2026-03-09T00:00:00Z")
    }

    @Test func tweetTimesWithZonesAreRead() throws {
        let rows = (1...5).map { "5703\($0),@united lost my bag again \($0),2015-02-24 11:3\($0):52 -0800" }
        let (reader, records, _) = try Fixtures.records(Fixtures.temporaryFile("tweet_id,text,tweet_created\n" + rows.joined(separator: "\n")))
        #expect(reader.timeColumn == "tweet_created")
        #expect(records.first?.time.map(TimeFormat.iso8601) == "2015-02-24T19:31:52Z")
    }

    /// `n` rows of `RecordedDate,comment`, the dates from `date(row)`.
    static func dated(_ n: Int, _ date: (Int) -> String) -> String {
        "RecordedDate,comment\n" + (1...n).map { "\(date($0)),\"Checkout was slow, order \($0)\"" }.joined(separator: "\n")
    }

    @Test func unreadableAndImplausibleDatesAreCountedAndCitedOnce() throws {
        // Lines are rows + 1: rows 11 and 39 are unreadable among 35 others, row 6 is in the future.
        let bad: Set<Int> = Set([11, 39] + (100..<135))
        let file = Fixtures.temporaryFile(Self.dated(5_000) { row in
            bad.contains(row) ? (row == 11 ? "31/31/2026" : "not yet") : row == 6 ? "2099-01-01" : row == 7 ? "1970-01-02" : "2026-03-01 09:12:00"
        })
        let (reader, records, reports) = try Fixtures.records(file)
        #expect(reader.timeProblems == (37, 2))
        #expect(reports == [
            "\(file): 37 of 5,000 dates in column 'RecordedDate' could not be read (first: \(file):12 '31/31/2026', \(file):40 'not yet', \(file):101 'not yet'); left missing",
            "\(file): 2 of 5,000 dates in column 'RecordedDate' are before 1990 or more than a day in the future (first: \(file):7 '2099-01-01', \(file):8 '1970-01-02'); left missing",
        ])
        #expect(records.count == 5_000 && records.filter { $0.time == nil }.count == 39)
        #expect(reader.summary.fieldProblems == 39)
        let strict = try Fixtures.survey(file, strict: true)
        #expect(throws: MindscopeError.self) { while try strict.next(report: { _ in }) != nil {} }
    }

    @Test func aGuessedDayMonthOrderIsSaidOnce() throws {
        let file = Fixtures.temporaryFile(Self.dated(30) { "0\(1 + $0 % 9)/0\(1 + $0 % 7)/2026" })
        let (reader, records, reports) = try Fixtures.records(file)
        #expect(reader.timeFormat?.orderGuessed == true && reader.timeFormat?.dayFirst == false)
        #expect(reports.count == 1 && reports[0].hasPrefix("\(file): no date in column 'RecordedDate' has a day above 12"))
        #expect(records[0].time.map(TimeFormat.iso8601) == "2026-02-02T00:00:00Z")
        let dayFirst = try Fixtures.records(Fixtures.temporaryFile(Self.dated(30) { "\(1 + $0 % 28)/0\(1 + $0 % 7)/2026" }))
        #expect(dayFirst.reader.timeFormat?.dayFirst == true && dayFirst.reports.isEmpty)
        #expect(dayFirst.records[12].time.map(TimeFormat.iso8601) == "2026-07-14T00:00:00Z")
    }

    @Test func tagWritesTheTimeOnlyWhenTheFileHasTheColumn() throws {
        let with = try Self.tagLines(Fixtures.temporaryFile(Self.dated(3) { $0 == 2 ? "never" : "2026-03-0\($0)T09:12:00+01:00" })).lines
        #expect(with[0].contains("\"churned\":null,\"time\":\"2026-03-01T08:12:00Z\",\"segments\""))
        #expect(with[1].contains("\"time\":null"))
        let without = try Self.tagLines(Fixtures.temporaryFile("id,comment\n1,\"Loved it, great food.\"\n")).lines
        #expect(!without[0].contains("\"time\""))
    }

    // MARK: Repeated ids

    @Test func repeatedIdsAreSaidOnceWithAnExampleAndTheSpreadsheetThatMangledThem() throws {
        let ids = ["5.70306E+17", "5.70301E+17", "5.70306E+17", "570299999999999999", "5.70306E+17", "5.70301E+17"]
        let rows = ids.enumerated().map { "\($1),\"@united my bag is lost, flight \($0)\"" }
        let file = Fixtures.temporaryFile("tweet_id,text\n" + rows.joined(separator: "\n"))
        let (reader, records, reports) = try Fixtures.records(file)
        #expect(reader.repeatedIDs == 3)
        #expect(reports == ["\(file): column 'tweet_id' has repeated ids: 3 rows repeat an earlier row's id (e.g. '5.70306E+17' on lines 2 and 4); "
                            + "rows are cited by line as well; ids such as '5.70306E+17' are big numbers a spreadsheet rounded to scientific notation, "
                            + "their last digits lost (export the column as text)"])
        #expect(Set(records.map(\.line)).count == ids.count)
        let tagged = try Self.tagLines(file).lines
        #expect(tagged.map { $0.contains("\"line\":") } == Array(repeating: true, count: ids.count))
    }

    @Test func uniqueIdsSayNothing() throws {
        let rows = (1...300).map { "\($0),\"Fine service, visit \($0)\"" }
        let (reader, _, reports) = try Fixtures.records(Fixtures.temporaryFile("id,comment\n" + rows.joined(separator: "\n")))
        #expect(reader.repeatedIDs == 0 && reports.isEmpty)
        #expect(SurveyReader.isScientific("5.70306E+17") && SurveyReader.isScientific("6e+18"))
        #expect(!SurveyReader.isScientific("E+17") && !SurveyReader.isScientific("5.7E17") && !SurveyReader.isScientific("R-5E+2x"))
    }
}
