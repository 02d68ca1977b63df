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

    /// The error of `json`, or nil (recorded as an issue) when it parses.
    func problem(_ json: String) -> PersonaError? {
        do {
            _ = try parse(json)
            Issue.record("expected an error for \(json)")
            return nil
        } catch {
            return error
        }
    }

    @Test func anUnknownKeyNamesItsLineAndTheNearestField() {
        let error = problem("{\n  \"name\": \"X\",\n  \"pain_point\": [\"Slow refunds\"]\n}")
        #expect(error?.description == "p.json:3: field 'pain_point': unknown field (did you mean 'pain_points'?)")
    }

    @Test func aNestedFieldNamesItsOwnLine() {
        let error = problem("{\"name\": \"X\", \"goals\": [\"a\"],\n \"preferences\": {\n  \"tone\": \"warm\",\n  \"detail_level\": \"mid\"}}")
        #expect(error?.path == "p.json:4")
        #expect(error?.field == "preferences.detail_level")
    }

    @Test(arguments: ["lens_weights\": {\"revenue_risk", "theme_weights\": {\"price"])
    func aBooleanWeightIsRejected(_ field: String) {
        for flag in ["true", "false"] {
            let error = problem("{\"name\": \"X\", \"goals\": [\"a\"], \"\(field)\": \(flag)}}")
            #expect(error?.field == field.replacingOccurrences(of: "\": {\"", with: "."))
            #expect(error?.message == "expected a number ≥ 0")
        }
    }

    @Test func traitsKeepBooleansNumbersAndStringsAsWritten() throws {
        let persona = try parse(#"{"name": "X", "goals": ["a"], "traits": {"visual": true, "shy": false, "teams": 3, "score": 2.5, "style": "blunt"}}"#)
        #expect(persona.traits == ["visual": "true", "shy": "false", "teams": "3", "score": "2.5", "style": "blunt"])
        for value in ["[1]", "{}", "null"] {
            let error = problem(#"{"name": "X", "goals": ["a"], "traits": {"t": \#(value)}}"#)
            #expect(error?.field == "traits.t")
        }
    }

    @Test(arguments: [
        ("{\n  \"name\": \"X\"\n  \"goals\": [\"a\"]\n}", "p.json:3:3", "expected ',' or '}'"),
        ("{\"name\": \"X\", \"goals\": [\"a\",]}", "p.json:1:29", "a comma before ']'"),
        ("{\"name\": \"X\", \"goals\": [\"a\"],}", "p.json:1:30", "a comma before '}'"),
        ("{\"name\": 'X'}", "p.json:1:10", "expected a value"),
        ("{\"name\": \"X\nY\"}", "p.json:1:12", "past the end of its line"),
        ("{\"name\": \"X\"} {}", "p.json:1:15", "more after the end"),
        ("{\"name\": \"X\", \"goals\": [01]}", "p.json:1:25", "cannot start with 0"),
        ("  \n ", "p.json", "the file is empty"),
    ])
    func syntaxErrorsNameLineAndColumn(_ json: String, _ path: String, _ message: String) {
        let error = problem(json)
        #expect(error?.path == path)
        #expect(error?.message.hasPrefix("not valid JSON: ") == true)
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test func textThatIsNotUTF8NamesItsLine() {
        var data = Data("{\"name\": \"X\",\n \"goals\": [\"caf".utf8)
        data.append(contentsOf: [0xE9] + Array("\"]}".utf8))
        let error = #expect(throws: PersonaError.self) { try Persona.parse(data, path: "p.json") }
        #expect(error?.description == "p.json:2: not valid JSON: the file is not UTF-8 text (save it as UTF-8)")
    }

    @Test func deepNestingIsRefusedWithoutRecursion() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = problem(#"{"name": "X", "goals": ["a"], "traits": {"t": \#(deep)}}"#)
        #expect(error?.path == "p.json:1:109")
        #expect(error?.message.contains("nested deeper than 64") == true)
    }

    @Test func aKeyWrittenTwiceIsRefused() {
        let error = problem("{\"name\": \"X\",\n \"goals\": [\"a\"],\n \"goals\": []}")
        #expect(error?.description == "p.json:3: field 'goals': given twice (first on line 2); keep one")
    }

    /// Every name `domains` may hold with the shipped lexicons: the packs and the column roles.
    static let knownDomains = Fixtures.loaded.themeLibrary.domainIDs + Persona.columnRoleDomains

    @Test func domainsAreReadAndEmptyMeansAnyData() throws {
        #expect(try Fixtures.personas.load("cfo").domains == ["retail"])
        #expect(try Fixtures.personas.load("retail_banking_cxo").domains == ["banking", "transactions"])
        #expect(try Fixtures.personas.load("product_manager").domains.isEmpty)
        for persona in try Fixtures.personas.loadAll() { try persona.validateDomains(Self.knownDomains, path: persona.id) }
        let roles = try parse(#"{"name": "X", "goals": ["a"], "domains": ["telecom", "churned", "recommend"]}"#)
        #expect(roles.domains == ["telecom", "churned", "recommend"])
        try roles.validateDomains(Self.knownDomains, path: "p.json")
        #expect(problem(#"{"name": "X", "goals": ["a"], "domains": "retail"}"#)?.message == "expected a list of strings such as [\"retail\"]")
    }

    @Test func anUnknownDomainNamesItsLineAndTheNearest() throws {
        let persona = try parse("{\"name\": \"X\",\n \"goals\": [\"a\"],\n \"domains\": [\"banking\",\n   \"retial\"]}")
        do {
            try persona.validateDomains(Self.knownDomains, path: "p.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.path == "p.json:4" && error.field == "domains")
            #expect(error.message.hasPrefix("unknown domain 'retial' (did you mean 'retail'?); known: banking, food, retail"))
            #expect(error.message.contains("churned, rating"))
        }
    }

    @Test func emptyGoalsWithNothingElseNameTheirLine() {
        let error = problem("{\"name\": \"X\",\n \"description\": \"y\",\n \"goals\": []}")
        #expect(error?.description == "p.json:3: field 'goals': a persona needs goals, pain_points or lens_weights to choose its lenses")
        #expect(problem(#"{"name": "X", "goals": [], "lens_weights": {}}"#)?.field == "goals")
    }

    @Test func aPersonaWrittenBySomeoneElseParses() throws {
        let persona = try parse("""
            {
              "name": "Head of Customer Support",
              "description": "Leads a team of forty agents answering email, chat and phone.",
              "goals": ["Raise satisfaction with our support team", "Cut the time customers wait for an answer"],
              "pain_points": ["Tickets bounced between teams"],
              "preferences": {"tone": "warm", "detail_level": "High"},
              "traits": {"team_size": 40, "on_call": false, "region": "EMEA"},
              "domains": ["software", "rating", "time"]
            }
            """)
        #expect(persona.id == "p" && persona.name == "Head of Customer Support")
        #expect(persona.goals.count == 2 && persona.painPoints == ["Tickets bounced between teams"])
        #expect(persona.tone == "warm" && persona.detailLevel == .high)
        #expect(persona.traits == ["team_size": "40", "on_call": "false", "region": "EMEA"])
        try persona.validateDomains(Self.knownDomains, path: "p.json")
        try persona.validateThemes(Fixtures.loaded.themeLibrary.allThemeIDs, path: "p.json")
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
