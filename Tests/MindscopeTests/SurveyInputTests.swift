import Foundation
import Testing
import Mindscope
import MindscopeText
import TestSupport

@Suite struct SurveyLayoutTests {
    @Test func qualtricsUsesItsThreeHeaderRowsAndQuestionTexts() throws {
        let (reader, records, reports) = try Fixtures.records(Fixtures.fixture("qualtrics.csv"))
        #expect(reader.reader.header.layout == .qualtrics)
        #expect(reader.reader.header.rows == 3)
        #expect(reader.roles[.id].map { reader.reader.headers[$0] } == "ResponseId")
        #expect(reader.roles[.rating].map { reader.reader.headers[$0] } == "Q1")
        #expect(reader.roles.all(.text).map { reader.reader.headers[$0] } == ["Q2"])
        #expect(reader.roles[.value].map { reader.reader.headers[$0] } == "Q5")
        #expect(reader.segmentNames == ["Q4"])
        #expect(reader.ratingScale == RatingScale(kind: .words, low: 1, high: 5))
        #expect(records.map(\.line) == [4, 5, 6, 7])
        #expect(records.map(\.id) == ["R_1abcDEF", "R_2ghiJKL", "R_3mnoPQR", "R_4stuVWX"])
        #expect(records.map { $0.rating?.value } == [5, 2, 3, 1])
        #expect(records.map { $0.value?.amount } == [120, 45.5, 80, 1250])
        #expect(records[2].text.isEmpty)
        #expect(reports.isEmpty)
        // Metadata columns are never segments.
        #expect(reader.roles.role(of: 2) == nil)
    }

    @Test func surveyMonkeyJoinsQuestionAndSubAnswer() throws {
        let (reader, records, _) = try Fixtures.records(Fixtures.fixture("surveymonkey.csv"))
        #expect(reader.reader.header.layout == .surveymonkey)
        #expect(reader.reader.headers[10] == "What did you think of the checkout? - Open-Ended Response")
        #expect(reader.reader.headers[12] == "Which plan are you on? - Premium")
        #expect(reader.roles[.id] == 0)
        #expect(reader.roles.all(.text) == [10])
        #expect(records.map(\.line) == [3, 4, 5])
        #expect(records.map { $0.rating?.normalized } == [0.8, 0.4, 1.0])
        #expect(records.map(\.value) == [Money(amount: 45, currency: "€"), Money(amount: 1200.5, currency: "€"), Money(amount: 80, currency: "USD")])
    }

    @Test func googleFormsReadsStarsAndQuestionHeaders() throws {
        let (reader, records, _) = try Fixtures.records(Fixtures.fixture("google_forms.csv"))
        #expect(reader.reader.header.layout == .googleForms)
        #expect(reader.roles[.id] == nil)
        #expect(reader.roles.all(.text) == [3])
        #expect(reader.segmentNames == ["Which region do you shop from?"])
        #expect(reader.ratingScale?.kind == .stars)
        #expect(records.map { $0.rating?.value } == [4, 2, 5, 1])
        #expect(records.map(\.id) == ["1", "2", "3", "4"])
    }

    @Test func plainExportsUseHeaderSynonyms() throws {
        let (reader, records, _) = try Fixtures.records(Fixtures.fixture("churn.csv"))
        #expect(reader.reader.header.layout == .plain)
        #expect(reader.roles[.churned] == 2)
        #expect(reader.segmentNames == ["age_group", "account_type"])
        #expect(records.map(\.churned) == [false, true, false, true, nil, false])
    }

    @Test func overridesNameColumnsByHeaderOrQuestion() throws {
        let (reader, records, _) = try Fixtures.records(Fixtures.fixture("qualtrics.csv"), overrides: [(.rating, "Q3"), (.text, "What is your plan?")])
        #expect(reader.roles[.rating] == 13)
        #expect(reader.ratingScale == RatingScale(kind: .nps, low: 0, high: 10))
        #expect(reader.ratingScale.map { scale in records.compactMap { $0.rating.flatMap(scale.npsCategory) } } == [.promoter, .detractor, .passive, .detractor])
        // Naming a text column replaces the detected ones.
        #expect(reader.roles.all(.text) == [14])
        #expect(records[0].text == "Premium")
    }

    @Test func anUnknownOverrideNamesTheHeaders() {
        #expect(throws: MindscopeError.self) { try Fixtures.survey(Fixtures.fixture("churn.csv"), overrides: [(.text, "nope")]) }
    }

    @Test func aTextColumnIsFoundByItsValuesWhenHeadersSayNothing() throws {
        let file = Fixtures.temporaryFile("k,q7,z\n1,the parcel came late and broken,x\n2,\"great service, thank you\",y\n")
        let reader = try Fixtures.survey(file)
        #expect(reader.roles.all(.text) == [1])
        #expect(reader.roles.reasons[1]?.hasPrefix("header says nothing") == true)
    }
}

@Suite struct FieldValueTests {
    let words = Fixtures.loaded.values.ratingWords

    @Test(arguments: [("$120", 120.0, "$"), ("120.00", 120, nil), ("1,200.50", 1200.5, nil), ("€45", 45, "€"),
                      ("1.200,50 €", 1200.5, "€"), ("USD 80", 80, "USD"), ("80 EUR", 80, "EUR"), ("(45.00)", -45, nil),
                      ("-45", -45, nil), ("£28.00", 28, "£"), ("45,5", 45.5, nil), ("1 200,50", 1200.5, nil), ("1'200.50", 1200.5, nil)])
    func moneyFormats(_ field: String, _ amount: Double, _ currency: String?) throws {
        #expect(try Money.parse(field) == Money(amount: amount, currency: currency))
    }

    @Test func blankMoneyIsMissingAndWordsAreProblems() throws {
        #expect(try Money.parse("") == nil)
        #expect(try Money.parse("n/a") == nil)
        #expect(throws: FieldProblem("'lots' is not an amount of money")) { try Money.parse("lots") }
    }

    @Test(arguments: [("4", 4.0, nil as Double?), ("4.5", 4.5, nil), ("4/5", 4, 5), ("3 out of 5", 3, 5), ("4 stars", 4, nil),
                      ("★★★★☆", 4, 5), ("Very satisfied", 5, nil), ("strongly disagree", 1, nil)])
    func ratingForms(_ field: String, _ value: Double, _ outOf: Double?) throws {
        let reading = try #require(RatingReading(field, words: words))
        #expect(reading.value == value && reading.outOf == outOf)
    }

    @Test func scalesAreDetectedPerColumn() {
        func scale(_ fields: [String], _ question: String = "") -> RatingScale? {
            RatingScale.detect(fields.compactMap { RatingReading($0, words: words) }, question: question)
        }
        #expect(scale(["1", "5", "3"]) == RatingScale(kind: .numeric, low: 1, high: 5))
        #expect(scale(["1", "7", "3"]) == RatingScale(kind: .numeric, low: 1, high: 7))
        #expect(scale(["1", "10"]) == RatingScale(kind: .numeric, low: 1, high: 10))
        #expect(scale(["0", "10"]) == RatingScale(kind: .numeric, low: 0, high: 10))
        #expect(scale(["9", "10"], "How likely are you to recommend us?") == RatingScale(kind: .nps, low: 0, high: 10))
        #expect(scale(["4/5"]) == RatingScale(kind: .numeric, low: 1, high: 5))
        #expect(scale(["★★☆"]) == RatingScale(kind: .stars, low: 0, high: 3))
        #expect(scale(["Satisfied", "Very dissatisfied"]) == RatingScale(kind: .words, low: 1, high: 5))
        #expect(scale(["1500", "20"]) == nil)
        let fivePoint = RatingScale(kind: .numeric, low: 1, high: 5)
        #expect(fivePoint.rating(RatingReading("3", words: [:])!)?.normalized == 0.5)
        #expect(fivePoint.rating(RatingReading("6/10", words: [:])!)?.value == 3.4)
        #expect(fivePoint.rating(RatingReading("9", words: [:])!) == nil)
    }

    @Test func ratingProblemsAreReportedWithLineAndColumn() throws {
        let (reader, records, reports) = try Fixtures.records(Fixtures.fixture("ratings.csv"), overrides: [(.rating, "word_rating")])
        #expect(reader.ratingScale?.kind == .words)
        #expect(records.map { $0.rating?.value } == [5, 2, 3, nil])
        #expect(reports.count == 1)
        #expect(reports[0].hasSuffix("ratings.csv:5: 'Extremely happy' is not a rating (column 'word_rating'); left missing"))
        #expect(reader.summary == InputSummary(read: 4, used: 4, skipped: 0, fieldProblems: 1))
    }

    @Test func sevenPointAndFractionColumns() throws {
        let seven = try Fixtures.records(Fixtures.fixture("ratings.csv"))
        #expect(seven.reader.ratingScale == RatingScale(kind: .numeric, low: 1, high: 7))
        #expect(seven.records.map { $0.rating?.normalized } == [1, 0, 0.5, 5.0 / 6])
        let fractions = try Fixtures.records(Fixtures.fixture("ratings.csv"), overrides: [(.rating, "fraction_rating")])
        #expect(fractions.records.map { $0.rating?.normalized } == [0.75, 0.25, 1, 0.5])
    }

    @Test func moneyColumnKeepsCurrencyAndReportsWords() throws {
        let (_, records, reports) = try Fixtures.records(Fixtures.fixture("money.csv"))
        #expect(records.map { $0.value?.amount } == [120, 120, 1200.5, 45, 1200.5, 80, -45, nil, nil, 28, 45.5])
        #expect(reports.count == 1 && reports[0].contains("money.csv:10: 'lots' is not an amount of money (column 'spend')"))
    }

    @Test func flagsReadYesNoWords() throws {
        let values = Fixtures.loaded.values
        for (field, expected) in [("Yes", true), ("n", false), ("TRUE", true), ("0", false), ("churned", true), ("Retained", false)] {
            #expect(try values.flag(field) == expected)
        }
        #expect(try values.flag(" ") == nil)
        #expect(throws: FieldProblem.self) { try values.flag("maybe") }
    }
}

@Suite struct MalformedInputTests {
    @Test func unclosedQuote() throws {
        let reader = try Fixtures.survey(Fixtures.fixture("unclosed_quote.csv"))
        var reports: [String] = []
        #expect(try reader.next(report: { reports.append($0) }) == nil)
        #expect(reports.count == 1 && reports[0].contains("unclosed_quote.csv:2: unclosed quote"))
        #expect(reader.summary == InputSummary(read: 1, used: 0, skipped: 1))
    }

    @Test func unclosedQuoteUnderStrictThrows() throws {
        let reader = try Fixtures.survey(Fixtures.fixture("unclosed_quote.csv"), strict: true)
        #expect(throws: MindscopeError.self) { try reader.next(report: { _ in }) }
    }

    @Test func nulBytesAndInvalidUTF8AreRepairedAndCounted() throws {
        for name in ["nul_bytes.csv", "invalid_utf8.csv"] {
            let (reader, records, _) = try Fixtures.records(Fixtures.fixture(name))
            #expect(records.count == 2)
            #expect(records.contains { $0.text.contains("\u{FFFD}") })
            #expect(reader.summary.repairedFields >= 1, "\(name)")
        }
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: MindscopeError.self) { try Fixtures.survey(Fixtures.fixture("empty.csv")) }
    }

    @Test func headerOnlyReadsNoRows() throws {
        let (reader, records, _) = try Fixtures.records(Fixtures.fixture("header_only.csv"))
        #expect(records.isEmpty && reader.summary == InputSummary())
    }

    @Test func duplicateHeadersAreRenamedAndReported() throws {
        let (reader, records, _) = try Fixtures.records(Fixtures.fixture("duplicate_headers.csv"))
        #expect(reader.reader.headers == ["id", "comment", "comment (2)", "rating"])
        #expect(reader.reader.header.warnings.count == 1 && reader.reader.header.warnings[0].contains("duplicate header 'comment'"))
        #expect(reader.roles.all(.text) == [1, 2])
        #expect(records[0].text == "Fast delivery\n\nRude support")
    }
}

/// Regressions from review of the survey-input layer.
@Suite struct SurveyInputRegressionTests {
    let words = Fixtures.loaded.values.ratingWords

    @Test func moneyEdgeCases() throws {
        #expect(try Money.parse("(-5)") == Money(amount: -5))
        #expect(try Money.parse("0,001") == Money(amount: 0.001))
        #expect(throws: FieldProblem.self) { try Money.parse("1.23.4") }
        #expect(throws: FieldProblem.self) { try Money.parse("$20000000000000000000") }
        #expect(throws: FieldProblem.self) { try Money.parse("1e5") }
    }

    @Test func ratingEdgeCases() {
        #expect(RatingReading("5/5 stars", words: words)?.outOf == 5)
        #expect(RatingReading("4 out of 5 stars", words: words)?.value == 4)
        for bad in ["inf stars", "nan/5", "5/inf", "4/1e20", "1e5"] { #expect(RatingReading(bad, words: words) == nil, "\(bad)") }
        let nps = RatingScale.detect(["0", "3", "6"].compactMap { RatingReading($0, words: words) }, question: "How likely are you to recommend us?")
        #expect(nps == RatingScale(kind: .nps, low: 0, high: 10))
    }

    @Test func ratingsAfterBlankFirstRowsStillGetAScale() throws {
        let rows = (1...210).map { "\($0),ok," } + ["211,good,4", "212,bad,2"]
        let (reader, records, reports) = try Fixtures.records(Fixtures.temporaryFile("id,comment,rating\n" + rows.joined(separator: "\n")))
        #expect(reader.ratingScale != nil && reports.isEmpty)
        #expect(records.suffix(2).map { $0.rating?.value } == [4, 2])
    }

    @Test func olderTwoRowQualtricsExports() throws {
        let csv = "ResponseId,Q1,Q2\nResponse ID,How satisfied are you?,Please tell us why\nR_1,Satisfied,Fast delivery\n"
        let (reader, records, _) = try Fixtures.records(Fixtures.temporaryFile(csv))
        #expect(reader.reader.header.layout == .qualtrics && records.map(\.id) == ["R_1"])
        #expect(records[0].text == "Fast delivery" && records[0].rating?.value == 4)
    }

    @Test func renamedDuplicatesNeverCollide() throws {
        let (reader, _, _) = try Fixtures.records(Fixtures.temporaryFile("x,x,x (2),comment\n1,2,3,fine\n"))
        #expect(Set(reader.reader.headers).count == 4)
    }

    @Test func rolesCheckTheValues() throws {
        let comments = (1...6).map { "\($0),\"The parcel arrived late and the box was broken, number \($0)\",30" }
        let reader = try Fixtures.survey(Fixtures.temporaryFile("row,customer_comment,age\n" + comments.joined(separator: "\n")))
        #expect(reader.roles[.id] == nil || reader.roles[.id] == 0)
        #expect(reader.roles.all(.text) == [1])
    }

    @Test func numericAgesAreBinnedAndDatesAreNoSegments() throws {
        let rows = ["1,good,19,2026-10-01", "2,bad,34,2026-10-01", "3,fine,47,2026-10-02", "4,ok,62,2026-10-02", "5,meh,22,2026-10-01"]
        let (reader, records, _) = try Fixtures.records(Fixtures.temporaryFile("id,comment,age,date\n" + rows.joined(separator: "\n")))
        #expect(reader.segmentNames == ["age"])
        #expect(records.map { $0.segments[0] } == ["18-25", "26-35", "36-50", "51+", "18-25"])
        #expect(AgeBins("18-29,30-49,50+")?.labels == ["18-29", "30-49", "50+"])
    }
}
