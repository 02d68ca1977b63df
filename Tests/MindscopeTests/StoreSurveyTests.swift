import Foundation
import Mindscope
import MindscopeText
import Testing
import TestSupport

/// The shipped sample (`corpora/store_survey.csv`, README "The shipped sample"): read as the
/// README's first command reads it, with normal confidence, and with its planted stories found
/// by the tagger.
@Suite struct StoreSurveyTests {
    static let path = Fixtures.corpus("store_survey.csv")

    /// Each comment's negative themes, with its month, region and order value.
    static let tagged: [(month: String, region: String, value: Double, negative: Set<String>)] = {
        // The month comes from the date column, which this version does not give a role: read
        // the raw rows for it, by line.
        let raw = try! RecordReader(path: path)
        var months: [Int: String] = [:]
        while let row = try! raw.next() { months[row.line] = String(row.fields[1].prefix(7)) }
        let reader = try! Fixtures.survey(path)
        let set = try! Fixtures.loaded.resolved(.auto, for: reader, report: { _ in })
        let analyzer = TextAnalyzer(lexicons: set.lexicons)
        let region = reader.segmentNames.firstIndex(of: "region")!
        var rows: [(String, String, Double, Set<String>)] = []
        while let record = try! reader.next(report: { _ in }) {
            guard !record.text.isEmpty else { continue }
            let negative = Set(analyzer.analyze(record.text).themes.filter { $0.label == .negative }.map(\.theme))
            rows.append((months[record.line]!, record.segments[region], record.value?.amount ?? 0, negative))
        }
        return rows
    }()

    static func share(_ rows: some Collection<(month: String, region: String, value: Double, negative: Set<String>)>, _ theme: String) -> Double {
        Double(rows.filter { $0.negative.contains(theme) }.count) / Double(max(rows.count, 1))
    }

    @Test func theFirstCommandReadsWithNormalConfidence() throws {
        let result = try Fixtures.analyze(Self.path)
        #expect(result.domain.packs == ["retail"])
        #expect(result.aggregate.comments > 400)
        #expect(!result.readings.isEmpty)
        for reading in result.readings where !reading.issues.isEmpty {
            #expect(!reading.lowConfidence, "\(reading.persona.id)")
        }
    }

    @Test func deliveryComplaintsRiseInOctober() {
        let october = Self.tagged.filter { $0.month == "2026-10" }
        let before = Self.tagged.filter { $0.month != "2026-10" }
        #expect(Self.share(october, "delivery") > 2 * Self.share(before, "delivery"))
    }

    @Test func euCustomersComplainAboutShippingCost() {
        let eu = Self.tagged.filter { $0.region == "EU" }
        let rest = Self.tagged.filter { $0.region != "EU" }
        #expect(Self.share(eu, "shipping_cost") > 2 * Self.share(rest, "shipping_cost"))
    }

    @Test func largeOrdersComplainAboutDamageAndPackaging() {
        let large = Self.tagged.filter { $0.value > 250 }
        let rest = Self.tagged.filter { $0.value <= 250 }
        func damage(_ rows: [(month: String, region: String, value: Double, negative: Set<String>)]) -> Double {
            Double(rows.filter { !$0.negative.isDisjoint(with: ["packaging", "quality"]) }.count) / Double(max(rows.count, 1))
        }
        #expect(damage(large) > 2 * damage(rest))
    }
}
