@testable import Mindscope
import Testing
import TestSupport

/// A total the narration states is the sum of the parts it lists, as shown (rounded once).
@Suite struct NarrationSumsTests {
    static func issue(_ name: String, atRisk: Double) -> RankedIssue {
        RankedIssue(rank: 0, theme: name, name: name, score: 1, mentions: 5, negative: 5, positive: 0, share: 0.1,
                    shareInterval: 0.05...0.2, averageRating: nil, revenueAtRisk: atRisk, revenueLost: 0, customersAtRisk: 1,
                    lensScores: [:], evidence: [], greenwashingRisk: false, request: nil, fewMentions: false)
    }

    @Test func revenueTotalsAreTheSumsOfTheAmountsShown() throws {
        // Each amount rounds down by 0.4: summed before rounding, the headline said $1,299 for
        // parts shown as $806 and $492.
        let amounts = [806.4, 492.4, 100.4, 50.4, 20.4]
        let reading = PersonaReading(persona: try Fixtures.personas.load("cfo"), lenses: [], themeWeights: [],
                                     issues: amounts.enumerated().map { Self.issue("theme\($0.offset)", atRisk: $0.element) },
                                     insight: "", comments: 50, lowConfidence: false)
        let facts = Narrator(templates: Fixtures.loaded.narration).facts(.revenueRisk, reading, FeedbackAggregate(valuesThemes: []), "$")
        #expect(facts["top_amount"] == "$1,298")                    // 806 + 492
        #expect(facts["total_amount"] == "$1,468")                  // 806 + 492 + 100 + 50 + 20
        // Every part of the total is listed: four by name, the rest together.
        #expect(facts["by_theme"] == "theme0 $806, theme1 $492, theme2 $100, theme3 $50, 1 other theme $20")
    }
}
