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
        for persona in ["product_manager", "cfo"] {
            let insight = try reading(planted, persona).insight
            #expect(insight.contains("Shipping cost complaints:") && insight.contains("in EU (region"), "\(persona): \(insight)")
        }
        #expect(try !reading(control, "product_manager").insight.contains("in EU (region"))
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
