import Foundation
import Testing
import Mindscope
import TestSupport

/// The seed's e-commerce table read by each persona, as the design notes describe it, all
/// computed from the data.
@Suite struct SeedAcceptanceTests {
    let result = try! Fixtures.analyze(Fixtures.corpus("ecommerce_feedback.csv"))

    func reading(_ id: String) -> PersonaReading { result.readings.first { $0.persona.id == id }! }

    @Test func ecoShopperSeesAlignmentAndGreenwashingRisk() {
        let eco = reading("eco_conscious_shopper")
        let packaging = eco.issues.first { $0.theme == "packaging" }!
        #expect(packaging.greenwashingRisk)
        #expect(packaging.evidence.contains { $0.id == "101" && $0.sentiment < 0 })
        let praise = eco.issues.first { $0.theme == "eco" }!
        #expect(praise.positive == 1 && praise.evidence.first?.id == "102")
        #expect(eco.insight.contains("praised by #102") && eco.insight.contains("questioned by #101"))
        #expect(eco.insight.contains("Greenwashing risk: packaging (#101)"))
    }

    @Test func productManagerGetsTwoBlockersAndTheirCoverage() {
        let pm = reading("product_manager")
        #expect(Set(pm.issues.prefix(2).map(\.theme)) == ["delivery", "support"])
        #expect(pm.insight.contains("fixing them addresses 2 of 5 comments (40%)"))
        #expect(pm.insight.split(separator: "\n").count == 1)  // concise, low detail
        let shipping = pm.issues.first { $0.theme == "shipping_cost" }!
        #expect(shipping.request == Fixtures.retail.themes.request(of: "shipping_cost") && shipping.evidence.first?.id == "105")
    }

    @Test func cfoSeesLostHighValueAndDelightedCustomers() {
        let cfo = reading("cfo")
        let revenue = Dictionary(uniqueKeysWithValues: cfo.issues.compactMap { issue in issue.revenueAtRisk.map { (issue.theme, $0) } })
        #expect(revenue["price"]! > revenue["shipping_cost"]! && revenue["support"]! > revenue["shipping_cost"]!)
        #expect(cfo.issues.first { $0.theme == "support" }?.revenueLost == 80)
        let lines = cfo.insight.split(separator: "\n")
        #expect(lines.count > 2)  // medium detail
        #expect(lines[0].contains("price and customer service") && lines[0].contains("shipping cost"))
        #expect(cfo.insight.contains("Lost to churn: 1 customer said they will leave ($80): #104 ($80)"))
        #expect(cfo.insight.contains("#103 ($200, \"too expensive\")"))
        #expect(cfo.insight.contains("Delighted but low value: #102 ($45)"))
    }

    @Test func smallSamplesAreFlagged() {
        #expect(result.readings.allSatisfy { $0.lowConfidence && $0.comments == 5 })
        #expect(reading("cfo").insight.contains("Only 5 comments"))
        let interval = IssueRanking.wilson(1, 5)
        #expect(abs(interval.lowerBound - 0.036) < 0.001 && abs(interval.upperBound - 0.624) < 0.001)
    }

    @Test func personasTheDataCannotServeAreSkippedWithWhy() {
        #expect(!result.readings.contains { $0.persona.id == "banking_operations_manager" })
        let why = result.skipped.first { $0.persona.id == "banking_operations_manager" }?.why ?? ""
        #expect(why.hasPrefix("written for banking or transactions data (its domains), and this file reads as retail"))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let object = try JSONSerialization.jsonObject(with: Data(result.json.text.utf8)) as! [String: Any]
        let personas = object["personas"] as! [[String: Any]]
        let cfo = personas.first { ($0["persona"] as! [String: Any])["id"] as? String == "cfo" }!
        let lens = (cfo["lenses"] as! [[String: Any]])[0]
        #expect(lens["lens"] as? String == "revenue_risk" && lens["weight"] as? Double == 1 && (lens["why"] as? String)?.isEmpty == false)
        let issue = (cfo["issues"] as! [[String: Any]])[0]
        for key in ["rank", "theme", "score", "mentions", "negative", "share", "revenueAtRisk", "averageRating", "evidence"] {
            #expect(issue[key] != nil, "missing \(key)")
        }
        #expect(issue["theme"] as? String == "price" && issue["averageRating"] as? Double == 3)
        let evidence = (issue["evidence"] as! [[String: Any]])[0]
        #expect(evidence["id"] as? String == "103" && evidence["quote"] as? String == "too expensive")
        #expect((cfo["insight"] as? String)?.isEmpty == false)
    }
}

/// The readings follow the data: change who complains about what, and the priorities move.
@Suite struct ReadingsFollowTheDataTests {
    @Test func highSpendersComplainingAboutDeliveryMoveTheCFOAndThePM() throws {
        let csv = """
            customer_id,rating,comment,order_value
            201,5,"Great price, love it!",$30
            202,2,"Delivery was late again and the courier lost my parcel.",$900
            203,1,"Delivery took three weeks, never ordering again.",$1200
            204,4,"Product is okay, a bit expensive.",$25
            205,3,"Support was slow to reply.",$40
            """
        let result = try Fixtures.analyze(Fixtures.temporaryFile(csv), personas: ["cfo", "product_manager"])
        let cfo = result.readings[0], pm = result.readings[1]
        #expect(cfo.issues.first?.theme == "delivery")
        #expect(cfo.insight.split(separator: "\n")[0].contains("delivery"))
        #expect(cfo.insight.contains("Lost to churn: 1 customer said they will leave ($1,200): #203 ($1,200)"))
        #expect(pm.issues.first?.theme == "delivery")
        #expect(pm.insight.contains("Top 2 blockers: delivery (#202, #203)") || pm.insight.contains("Top 2 blockers: delivery (#203, #202)"))
    }

    @Test func withoutOrderValuesRevenueRiskCountsCustomers() throws {
        let csv = "id,comment\n1,Terrible support never buying again\n2,Support was rude\n3,Fast delivery\n"
        let cfo = try Fixtures.analyze(Fixtures.temporaryFile(csv), personas: ["cfo"]).readings[0]
        #expect(cfo.issues.first?.theme == "support")
        #expect(cfo.issues.first?.revenueAtRisk == nil)
        #expect(cfo.insight.contains("Customers likely to leave, by theme: customer service"))
    }
}

/// Regressions from review: each was a crash, a wrong number or a wrong sentence before.
@Suite struct AnalysisRegressionTests {
    func analyze(_ csv: String, _ personas: [String]) throws -> AnalysisResult {
        try Fixtures.analyze(Fixtures.temporaryFile(csv), personas: personas)
    }

    @Test func hugeAmountsAreRejectedNotCrashed() throws {
        let rows = (2...6).map { "\($0),bad delivery,$10" }.joined(separator: "\n")
        let result = try analyze("id,comment,order_value\n1,Terrible support,\"$20000000000000000000\"\n" + rows, ["cfo"])
        #expect(result.summary.fieldProblems == 1)
        #expect(!result.readings[0].insight.isEmpty)
    }

    @Test func theHeadlineFallsBackWhenItsToneVariantCannotBeFilled() throws {
        let one = try analyze("id,comment,order_value\n1,Terrible support,$10\n", ["cfo"])
        #expect(one.readings[0].insight.hasPrefix("Customer service puts the most revenue at risk"))
        let noValues = try analyze("id,comment\n1,Terrible support\n2,Rude support agent\n", ["cfo"])
        #expect(noValues.readings[0].insight.hasPrefix("Customers most likely to leave complain about customer service (about 1 of 2 comments)"))
    }

    @Test func valuesCountsAreCommentsNotQuotesAndGreenwashingNeedsPraise() throws {
        let praise = (1...8).map { "\($0),Love the recyclable packaging" }
        let complaints = (9...11).map { "\($0),The packaging was flimsy and wasteful" }
        let mixed = try analyze("id,comment\n" + (praise + complaints).joined(separator: "\n"), ["eco_conscious_shopper"])
        #expect(mixed.readings[0].insight.hasPrefix("Most customers who mention"))
        let allRisk = try analyze("id,comment\n" + complaints.joined(separator: "\n") + "\n12,Too much plastic, not eco-friendly at all", ["eco_conscious_shopper"])
        #expect(allRisk.readings[0].insight.hasPrefix("Customers question"))
        let flagged = allRisk.readings[0].issues.filter(\.greenwashingRisk)
        #expect(flagged.isEmpty)
    }

    @Test func blankCommentsAreNotComments() throws {
        let rows = ["1,Terrible support never buying again", "2,Late delivery"] + (3...12).map { "\($0)," }
        let result = try analyze("id,comment\n" + rows.joined(separator: "\n"), ["product_manager"])
        #expect(result.aggregate.comments == 2)
        #expect(result.readings[0].insight.contains("of 2 comments"))
    }

    @Test func oneBlockerReadsInTheSingular() throws {
        let result = try analyze("id,comment\n1,Support was rude\n", ["product_manager"])
        #expect(result.readings[0].insight.hasPrefix("Top blocker: customer service (#1); fixing it addresses 1 of 1 comment (100%)"))
    }

    @Test func lensAndThemeNamesInPersonaFilesAreChecked() throws {
        #expect(throws: PersonaError.self) { try Persona.parse(Data(#"{"name": "X", "lens_weights": {"revenue": 2}}"#.utf8), path: "p.json") }
        let persona = try Persona.parse(Data(#"{"name": "X", "lens_weights": {"revenue_risk": 1.0}, "theme_weights": {"prise": 2}}"#.utf8), path: "p.json")
        #expect(persona.lensWeights == ["revenue_risk": 1.0])
        #expect(throws: PersonaError.self) { try persona.validateThemes(Fixtures.loaded.themeLibrary.allThemeIDs, path: "p.json") }
    }
}

/// The design notes' banking table read by the Retail Banking CXO, and by the operations
/// manager whose goals it cannot answer.
@Suite struct BankingAcceptanceTests {
    let result = try! Fixtures.analyze(Fixtures.corpus("retail_banking_customers.csv"), personas: ["retail_banking_cxo", "banking_operations_manager"])

    func analysis(_ id: String) -> TabularResult { result.readings[0].analyses.first { $0.id == id }! }

    @Test func theCXOGetsTheFourAnalysesChosenByHerGoals() {
        let cxo = result.readings[0]
        #expect(cxo.analyses.map(\.id) == ["churn_rate_by_age_group", "products_per_customer_by_account_type",
                                           "digital_adoption_by_age_group", "satisfaction_vs_churn"])
        #expect(cxo.analyses.map(\.goal) == ["Reduce customer churn", "Increase cross-sell and upsell opportunities",
                                             "Improve digital adoption rates", "Enhance customer satisfaction (NPS, CSAT)"])
        #expect(cxo.analyses.allSatisfy { $0.smallGroups && $0.insight.contains("Small groups") })
    }

    @Test func youngestGroupChurnsMost() {
        let churn = analysis("churn_rate_by_age_group")
        #expect(churn.groups.map(\.group) == ["18-25", "26-35", "36-50", "51+"])
        let young = churn.groups[0]
        #expect(young.n == 2 && young.value == 1 && abs(young.low! - 0.342) < 0.001 && young.high == 1)
        #expect(churn.insight.hasPrefix("Churn rate concentrates in 18-25"))
    }

    @Test func checkingHoldersHoldTheMostProducts() {
        #expect(analysis("products_per_customer_by_account_type").insight.hasPrefix("Customers in Checking hold the most products"))
    }

    @Test func olderCustomersHaveTheLowestLoginsPerTransaction() {
        let digital = analysis("digital_adoption_by_age_group")
        // Only what was computed: the lowest and highest ratios, the denominator, their quotient.
        #expect(digital.insight.hasPrefix("Customers in 51+ have the lowest logins per transaction: 0.05, with 20 transactions each, against 0.48 in 26-35 (9.6× as high)."))
    }

    @Test func lowSatisfactionGoesWithChurn() {
        let satisfaction = analysis("satisfaction_vs_churn")
        #expect(satisfaction.threshold?.score == 7)
        #expect(satisfaction.threshold?.below.value == 1 && satisfaction.threshold?.above.value == 0)
    }

    @Test func theOperationsManagerHearsWhatTheDataCannotAnswer() {
        let ops = result.readings[1]
        #expect(ops.analyses.isEmpty)
        // Every goal and pain point, each once, with the kind of data that would answer it.
        #expect(ops.unanswered.map(\.goal) == ops.persona.goals + ops.persona.painPoints)
        #expect(ops.unanswered[1].needs == ["an incident flag or loss amount per record (fraud, failure, claim, error)"])
        #expect(ops.unanswered[3].analysis == "Time taken or Incidents and losses")
    }

    @Test func olderCustomersChurningMoreChangesTheInsight() throws {
        let csv = """
            customer_id,age,account_type,churned,satisfaction_score
            1,22,Savings,No,8
            2,24,Checking,No,9
            3,30,Savings,No,7
            4,58,Savings,Yes,4
            5,63,Checking,Yes,5
            6,71,Savings,Yes,3
            """
        let cxo = try Fixtures.analyze(Fixtures.temporaryFile(csv), personas: ["retail_banking_cxo"]).readings[0]
        let churn = cxo.analyses.first { $0.id == "churn_rate_by_age" }!
        #expect(churn.groups.map(\.group) == ["18-25", "26-35", "51+"])
        #expect(churn.insight.hasPrefix("Churn rate concentrates in 51+"))
        #expect(cxo.unanswered.contains { $0.goal == "Increase cross-sell and upsell opportunities" && $0.needs == ["products per customer"] })
    }

    @Test func jsonCarriesAnalysesAndUnanswered() throws {
        let object = try JSONSerialization.jsonObject(with: Data(result.json.text.utf8)) as! [String: Any]
        let cxo = (object["personas"] as! [[String: Any]])[0]
        let first = (cxo["analyses"] as! [[String: Any]])[0]
        #expect(first["id"] as? String == "churn_rate_by_age_group" && first["goal"] as? String == "Reduce customer churn")
        #expect(first["chart"] as? String == "churn_rate_by_age_group.svg")
        let group = (first["groups"] as! [[String: Any]])[0]
        #expect(group["group"] as? String == "18-25" && group["n"] as? Int == 2 && group["value"] as? Double == 1 && group["high"] as? Double == 1)
        let ops = (object["personas"] as! [[String: Any]])[1]
        #expect((ops["unanswered"] as! [[String: Any]]).count == 6)
    }
}

@Suite struct CommentsAndCustomersTests {
    @Test func aFileWithCommentsAndCustomerColumnsGetsBothReadings() throws {
        let csv = """
            customer_id,age_group,churned,comment
            1,18-25,Yes,"Terrible app, never buying again"
            2,26-35,No,Great support
            3,18-25,Yes,Fees are too high
            4,51+,No,Fine
            """
        let cxo = try Fixtures.analyze(Fixtures.temporaryFile(csv), personas: ["retail_banking_cxo"]).readings[0]
        #expect(!cxo.issues.isEmpty && cxo.analyses.map(\.id) == ["churn_rate_by_age_group"])
        #expect(!cxo.insight.isEmpty)
    }
}

@Suite struct GeneratorTests {
    func generate(_ rows: Int, seed: UInt64) -> [String] {
        var lines: [String] = []
        CorpusGenerator(seed: seed).csv(rows: rows) { lines.append($0) }
        return lines
    }

    @Test func theSameSeedWritesTheSameFile() {
        #expect(generate(200, seed: 9) == generate(200, seed: 9))
        #expect(generate(200, seed: 9) != generate(200, seed: 10))
    }

    @Test func generatedExportsReadCleanly() throws {
        let path = Fixtures.temporaryFile(generate(500, seed: 4).joined(separator: "\n") + "\n")
        let (reader, records, reports) = try Fixtures.records(path)
        #expect(records.count == 500 && reports.isEmpty)
        #expect(reader.roles[.rating] != nil && reader.roles[.value] != nil && reader.roles[.churned] != nil)
        #expect(reader.segmentNames == ["region", "plan"])
    }
}

/// A theme's impact on the rating (issue "learn from the file", part 3), against a hand
/// computation.
@Suite struct RatingImpactTests {
    @Test func impactMatchesAHandComputation() throws {
        let csv = """
            id,rating,comment
            1,1,Delivery was late again
            2,2,"The courier lost my parcel, delivery failed"
            3,4,"Great price, love it"
            4,5,Lovely quality
            5,5,Good value
            6,4,Nice product
            """
        let result = try Fixtures.analyze(Fixtures.temporaryFile(csv), personas: ["product_manager"], domain: .packs(["retail"]))
        let impact = try #require(result.readings[0].issues.first { $0.theme == "delivery" }?.impact)
        // With: 1 and 2 (mean 1.5, variance 0.5); the rest: 4, 5, 5, 4 (mean 4.5, variance 1/3).
        #expect(impact.averageRatingWith == 1.5 && impact.averageRatingWithout == 4.5)
        #expect(abs(impact.liftIfResolved - 1.0) < 1e-12)                       // 2/6 × (4.5 − 1.5)
        let error = (0.5 / 2 + (1.0 / 3) / 4).squareRoot()                      // Welch
        #expect(abs(impact.interval.lowerBound - (3 - 1.96 * error) / 3) < 1e-12)
        #expect(abs(impact.interval.upperBound - (3 + 1.96 * error) / 3) < 1e-12)
        #expect(impact.ratedWith == 2 && impact.rated == 6)
    }

    @Test func npsWithAndWithoutAComplaintMatchesAHandComputation() throws {
        let csv = """
            id,How likely are you to recommend us (0-10)?,comment
            1,2,Delivery was late again
            2,8,"The courier lost my parcel, delivery failed"
            3,10,"Great price, love it"
            4,9,Lovely quality
            5,6,Good value
            6,10,Nice product
            """
        let result = try Fixtures.analyze(Fixtures.temporaryFile(csv), personas: ["product_manager"], domain: .packs(["retail"]))
        let impact = try #require(result.readings[0].issues.first { $0.theme == "delivery" }?.impact)
        // With a complaint: 2 (detractor), 8 (passive): NPS (0 − 1)/2 = −50.
        // The rest: 10, 9, 10 promoters, 6 a detractor: NPS (3 − 1)/4 = +50.
        #expect(impact.npsWith == -50 && impact.npsWithout == 50)
    }

    @Test func noImpactWithoutRatingsOnBothSides() {
        var with = RatingSums()
        with.add(1)
        var all = with
        for rating in [4.0, 5, 5] { all.add(rating) }
        #expect(RatingImpact(with: with, all: all) == nil)  // one rated complaint: no variance
        #expect(RatingImpact(with: RatingSums(), all: all) == nil)
    }
}
