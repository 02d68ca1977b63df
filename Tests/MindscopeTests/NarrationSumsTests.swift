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
        #expect(facts[.topAmount]?.text == "$1,298")                    // 806 + 492
        #expect(facts[.totalAmount]?.text == "$1,468")                  // 806 + 492 + 100 + 50 + 20
        // Every part of the total is listed: four by name, the rest together.
        #expect(facts[.byTheme]?.text == "theme0 $806, theme1 $492, theme2 $100, theme3 $50, 1 other theme $20")
    }
}

/// Templates state only facts computed for their section, checked when the file loads.
@Suite struct NarrationTemplateTests {
    func problem(_ contents: String) -> String? {
        do {
            _ = try NarrationTemplates.parse(contents, source: "narration.txt")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aTypoInAFactIsAnErrorWithItsLine() {
        let message = problem("[revenue_risk]\nheadline = {top} puts {top_amout} at risk.\n")
        #expect(message?.hasPrefix("narration.txt:2:") == true)
        #expect(message?.contains("unknown fact {top_amout} in [revenue_risk] (did you mean 'top_amount'?)") == true)
    }

    @Test func aFactFromAnotherSectionIsAnError() {
        #expect(problem("[values_alignment]\nheadline.none = {top_amount}\n")?.contains("unknown fact {top_amount} in [values_alignment]") == true)
    }

    @Test func unknownSectionsAndKeysAreErrors() {
        #expect(problem("[revenue_risks]\nheadline = x\n")?.hasPrefix("narration.txt:1: malformed line: unknown section [revenue_risks] (did you mean 'revenue_risk'?)") == true)
        #expect(problem("[caveats]\nsmall_samples = x\n")?.contains("unknown key 'small_samples' in [caveats]") == true)
        #expect(problem("[caveats]\nsmall_sample = {comments|comment}\n")?.contains("needs two forms") == true)
        #expect(problem("[caveats]\nsmall_sample.practical = Only {comments} {comments|comment|comments}.\n") == nil)
    }

    @Test func pluralFormsFollowTheFactsCount() {
        let template = "{top|Top blocker|Top # blockers}: {top}; {comments} {comments|comment|comments}."
        #expect(NarrationTemplates.fill(template, [.top: .list(["delivery"]), .comments: .number(1)]) == "Top blocker: delivery; 1 comment.")
        #expect(NarrationTemplates.fill(template, [.top: .list(["delivery", "price"]), .comments: .number(5)])
            == "Top 2 blockers: delivery and price; 5 comments.")
        // A fact not computed for the reading leaves the line out.
        #expect(NarrationTemplates.fill(template, [.top: .list(["delivery"])]) == nil)
    }

    @Test func adviceIsGivenOnlyWhenItsConditionHolds() throws {
        let persona = Fixtures.temporaryFile(#"{"name": "PM", "goals": ["Prioritize fixes"], "preferences": {"detail_level": "high"}}"#, name: "pm.json")
        func insight(_ rows: [String]) throws -> String {
            let csv = "id,comment\n" + rows.enumerated().map { "\($0.offset + 1),\($0.element)" }.joined(separator: "\n") + "\n"
            return try Fixtures.analyze(Fixtures.temporaryFile(csv), personas: [persona], domain: .packs(["retail"])).readings[0].insight
        }
        let late = ["The delivery was late", "Delivery was late again"]
        // Two delivery complaints and three explicit feature requests: the complaints do not
        // outnumber the requests, so "fixing them comes first" is not said.
        let requests = ["Please add a wishlist feature", "It would be great if you added dark mode", "Please add gift wrapping"]
        #expect(try !insight(late + requests).contains("comes first"))
        #expect(try insight(late + ["Lovely product"]).contains("Complaints about it (2) outnumber explicit requests for something new (0): fixing it comes first."))
    }
}
