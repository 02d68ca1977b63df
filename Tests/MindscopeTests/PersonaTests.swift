import Foundation
import Testing
import Mindscope
import TestSupport

@Suite struct PersonaTests {
    func parse(_ json: String) throws(PersonaError) -> Persona {
        try Persona.parse(Data(json.utf8), path: "p.json")
    }

    @Test func theShippedPersonasLoad() throws {
        let personas = try Fixtures.personas.loadAll()
        #expect(Set(personas.map(\.id)).isSuperset(of: ["cfo", "product_manager", "eco_conscious_shopper", "retail_banking_cxo", "banking_operations_manager"]))
        let cxo = try Fixtures.personas.load("retail_banking_cxo")
        #expect(cxo.name == "Chief Customer Officer - Retail Banking")
        #expect(cxo.goals == ["Reduce customer churn", "Increase cross-sell and upsell opportunities",
                              "Improve digital adoption rates", "Enhance customer satisfaction (NPS, CSAT)"])
        #expect(cxo.painPoints.count == 4 && cxo.tone == "insightful" && cxo.detailLevel == .medium)
        #expect(cxo.traits == ["data_driven": "true", "visual_learner": "true", "goal_focused": "true"])
    }

    @Test(arguments: [
        (#"{"description": "x", "goals": ["a"]}"#, "name", "missing"),
        (#"{"name": "X", "goals": "reduce churn"}"#, "goals", "list of strings"),
        (#"{"name": "X", "goals": ["a"], "preferences": {"detail_level": "mid"}}"#, "preferences.detail_level", "low, medium, high"),
        (#"{"name": "X", "goals": ["a"], "preferences": {"colour": "red"}}"#, "preferences.colour", "unknown preference"),
        (#"{"name": "X", "goal": ["a"]}"#, "goal", "did you mean 'goals'"),
        (#"{"name": "X", "lens_weights": {"revenue_risk": -1}}"#, "lens_weights.revenue_risk", "≥ 0"),
        (#"{"name": "X"}"#, "goals", "needs goals"),
        (#"[1, 2]"#, "", "JSON object"),
        (#"{"name": "X", "#, "", "not valid JSON"),
    ])
    func validationNamesTheField(_ json: String, _ field: String, _ message: String) {
        do {
            _ = try parse(json)
            Issue.record("expected an error for \(json)")
        } catch {
            #expect(error.field == field)
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func aMistypedNameSuggestsTheNearest() {
        do {
            _ = try Fixtures.personas.load("cfoo")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("did you mean 'cfo'?"))
        }
    }
}
