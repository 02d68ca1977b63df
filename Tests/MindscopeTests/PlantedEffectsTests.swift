import Foundation
import Mindscope
import Testing
import TestSupport

/// Readings that follow the data: `mindscope generate --plant` plants four stories in 6,000 rows
/// (EU shipping costs, a delivery rise in the last four weeks, high spenders' quality
/// complaints, an unhappy Basic plan); each shipped persona's reading must find the ones its
/// lenses touch, and the same seed without the stories must not show them.
@Suite(.serialized) struct PlantedEffectsTests {
    static func analyze(_ effects: CorpusGenerator.PlantedEffects) throws -> AnalysisResult {
        var lines: [String] = []
        CorpusGenerator(seed: 11, effects: effects).csv(rows: 6_000) { lines.append($0) }
        return try Fixtures.analyze(Fixtures.temporaryFile(lines.joined(separator: "\n") + "\n"), domain: .packs(["retail"]))
    }

    static let planted = Result { try analyze(.all) }
    static let control = Result { try analyze([]) }

    func reading(_ result: AnalysisResult, _ persona: String) throws -> PersonaReading {
        try #require(result.readings.first { $0.persona.id == persona })
    }

    func significant(_ result: AnalysisResult, theme: String, column: String, value: String) throws -> Bool {
        let issue = try #require(try reading(result, "product_manager").issues.first { $0.theme == theme })
        return issue.segments.contains { $0.column == column && $0.value == value && $0.significant && $0.negativeShare > $0.rest }
    }

    @Test func euShippingCostComplaintsAreFoundAndNarrated() throws {
        let planted = try Self.planted.get(), control = try Self.control.get()
        #expect(try significant(planted, theme: "shipping_cost", column: "region", value: "EU"))
        #expect(try !significant(control, theme: "shipping_cost", column: "region", value: "EU"))
        // Narrated at medium detail (the PM's low detail says only its strongest finding, the
        // delivery rise, below).
        let insight = try reading(planted, "cfo").insight
        #expect(insight.contains("Shipping cost complaints:") && insight.contains("in EU (region"), "\(insight)")
        #expect(try !reading(control, "cfo").insight.contains("in EU (region"))
    }

    @Test func theUnhappyPlanIsFoundOnlyWhenPlanted() throws {
        let planted = try Self.planted.get(), control = try Self.control.get()
        let basic = { (result: AnalysisResult) throws -> Int in
            try self.reading(result, "product_manager").issues.filter { issue in
                issue.segments.contains { $0.column == "plan" && $0.value == "Basic" && $0.significant && $0.negativeShare > $0.rest }
            }.count
        }
        #expect(try basic(planted) >= 3)
        #expect(try basic(control) == 0)
        // No segment difference at all is significant in the control: the correction holds.
        #expect(try reading(control, "product_manager").issues.allSatisfy { $0.segments.allSatisfy { !$0.significant } })
    }

    @Test func highSpendersQualityComplaintsLeadTheCFOsRevenueAtRisk() throws {
        func topByRevenue(_ result: AnalysisResult) throws -> [String] {
            try reading(result, "cfo").issues.sorted { ($0.revenueAtRisk ?? 0) > ($1.revenueAtRisk ?? 0) }.map(\.theme)
        }
        #expect(try topByRevenue(Self.planted.get()).first == "quality")
        #expect(try topByRevenue(Self.control.get()).first != "quality")
    }

    @Test func theEcoShopperHearsWhereItsThemesConcentrate() throws {
        let eco = try reading(Self.planted.get(), "eco_conscious_shopper")
        #expect(eco.insight.contains("in Basic (plan"), "\(eco.insight)")
        #expect(try !reading(Self.control.get(), "eco_conscious_shopper").insight.contains("in Basic (plan"))
    }

    /// A marketing head written for this test: its goals are about revenue, so the high
    /// spenders' quality complaints lead its reading; without them they do not.
    @Test func aMarketingHeadsReadingFollowsItsGoals() throws {
        let persona = Fixtures.temporaryFile(#"""
            {"name": "Head of Marketing", "goals": ["Grow repeat purchases and customer lifetime value"],
             "pain_points": ["Our best customers buying less"], "preferences": {"tone": "insightful", "detail_level": "medium"}}
            """#, name: "marketing.json")
        func top(_ effects: CorpusGenerator.PlantedEffects) throws -> String? {
            var lines: [String] = []
            CorpusGenerator(seed: 11, effects: effects).csv(rows: 6_000) { lines.append($0) }
            let result = try Fixtures.analyze(Fixtures.temporaryFile(lines.joined(separator: "\n") + "\n"), personas: [persona], domain: .packs(["retail"]))
            #expect(result.readings[0].lenses.first?.lens == .revenueRisk)
            return result.readings[0].issues.first?.theme
        }
        #expect(try top(.all) == "quality")
        #expect(try top([]) != "quality")
    }

    @Test func segmentJSONHasTheDocumentedShape() throws {
        let object = try JSONSerialization.jsonObject(with: Data(Self.planted.get().json.text.utf8)) as! [String: Any]
        let pm = (object["personas"] as! [[String: Any]]).first { ($0["persona"] as! [String: Any])["id"] as? String == "product_manager" }!
        let issue = (pm["issues"] as! [[String: Any]]).first { $0["theme"] as? String == "shipping_cost" }!
        let eu = (issue["segments"] as! [[String: Any]]).first { $0["column"] as? String == "region" && $0["value"] as? String == "EU" }!
        #expect((eu["n"] as? Int ?? 0) > 1_000 && eu["significant"] as? Bool == true)
        let share = eu["negativeShare"] as! Double, rest = eu["rest"] as! Double, interval = eu["interval"] as! [Double]
        #expect(share > rest && interval[0] <= share && share <= interval[1])
    }
}

@Suite struct SegmentBreakdownTests {
    @Test func aColumnWithTooManyValuesIsCountedNotBrokenDown() {
        var breakdown = SegmentBreakdown(columns: ["store", "region"])
        for index in 0..<400 { breakdown.add(["S\(index % 80)", index % 2 == 0 ? "EU" : "US"], negativeThemes: index % 4 == 0 ? ["delivery"] : []) }
        #expect(breakdown.columns[0].tooManyValues == 80)
        #expect(breakdown.columns[1].tooManyValues == nil)
        let differences = breakdown.differences()["delivery"] ?? []
        #expect(differences.allSatisfy { $0.column == "region" })
        // Every comment complaining in EU, none in US: 50% against 0%, significant.
        let eu = differences.first { $0.value == "EU" }
        #expect(eu?.n == 200 && eu?.negatives == 100 && eu?.rest == 0 && eu?.significant == true)
    }

    @Test func noTestRunsOnASideTooSmallForIt() {
        var breakdown = SegmentBreakdown(columns: ["plan"])
        for index in 0..<100 { breakdown.add([index < 10 ? "Gold" : "Basic"], negativeThemes: index < 10 ? ["price"] : []) }
        let gold = breakdown.differences()["price"]?.first { $0.value == "Gold" }
        #expect(gold?.negativeShare == 1 && gold?.pValue == nil && gold?.significant == false)
    }
}

/// Trends: a theme whose complaints rise in the last period is emerging, and every persona whose
/// lenses rank it hears it; a control without the rise shows none.
@Suite struct TrendTests {
    @Test func aDeliveryRiseInTheLastMonthIsFoundAndNarrated() throws {
        let planted = try PlantedEffectsTests.planted.get(), control = try PlantedEffectsTests.control.get()
        func delivery(_ result: AnalysisResult) throws -> ThemeTrend {
            let pm = try #require(result.readings.first { $0.persona.id == "product_manager" })
            return try #require(pm.issues.first { $0.theme == "delivery" }?.trend)
        }
        let trend = try delivery(planted)
        #expect(trend.period == .month && trend.points.count == 7 && trend.last == "2026-07")
        #expect(trend.emerging && trend.points.last!.share > 2 * trend.earlierShare)
        #expect(try !delivery(control).emerging)
        for reading in planted.readings where reading.issues.contains(where: { $0.theme == "delivery" }) {
            #expect(reading.insight.contains("Delivery complaints rose to"), "\(reading.persona.id)")
        }
        #expect(control.readings.allSatisfy { !$0.insight.contains("rose to") })
    }

    @Test func theStoreSamplesPlantedRiseAndSegmentAreNarrated() throws {
        let result = try Fixtures.analyze(Fixtures.corpus("store_survey.csv"))
        let cfo = try #require(result.readings.first { $0.persona.id == "cfo" })
        // The README's story: delivery complaints 4.9% of comments in August and September, 25% in
        // October; shipping and customs complaints 30% of EU comments against 5% elsewhere (by
        // keyword; the themes read a part of them as price).
        #expect(cfo.insight.contains("Delivery complaints rose to") && cfo.insight.contains("in October 2026 (n=142), from"), "\(cfo.insight)")
        #expect(cfo.insight.contains("Shipping cost complaints:") && cfo.insight.contains("of comments in EU (region, n=114)"), "\(cfo.insight)")
        let pm = try #require(result.readings.first { $0.persona.id == "product_manager" })
        #expect(pm.insight.contains("Delivery complaints rose to"))
    }

    @Test func periodsFollowTheSpanAndFewDatesDrawNoTrend() {
        func period(days: Int, dated: Int = 100, undated: Int = 0) -> TrendBreakdown.Period? {
            var trends = TrendBreakdown()
            for index in 0..<dated { trends.add(time: 20_000 * 86_400 + (index * days / dated) * 86_400, negativeThemes: []) }
            for _ in 0..<undated { trends.add(time: nil, negativeThemes: []) }
            return trends.period
        }
        #expect(period(days: 200) == .month)
        #expect(period(days: 84) == .month)
        #expect(period(days: 40) == .week)
        #expect(period(days: 10) == .day)
        #expect(period(days: 1) == nil)
        #expect(period(days: 200, dated: 40, undated: 60) == nil)
    }

    @Test func weeksStartOnMonday() {
        // 2026-03-04 is a Wednesday; its week starts on Monday 2026-03-02.
        #expect(CivilDate(days: 20_516).iso == "2026-03-04")
        #expect(CivilDate(days: 20_516).label(.week) == "2026-03-02")
        #expect(CivilDate(days: 20_516).label(.month) == "2026-03")
        #expect(CivilDate.spoken("2026-10", .month) == "October 2026")
    }
}
