/// Writes realistic synthetic survey exports, seeded: the same seed gives the same file.
///
/// Each row is a customer with a plan, a region and an order value (log-normal-like, most
/// orders small, a few large); its comment joins one to three clauses about themes (delivery,
/// price, shipping cost, support, quality, packaging, eco, returns, usability), each praising or
/// complaining; the rating and the churned flag follow the comment's tone, with noise. Each
/// row has a submission date in the 26 weeks from 2026-01-05, spread evenly.
///
/// With ``PlantedEffects/all`` (`mindscope generate --plant`), four stories are planted, so that
/// tests can check the readings find them:
/// - customers in the EU add a shipping-cost complaint to half of their comments;
/// - delivery complaints rise in the last four weeks (a late-delivery clause added to 40 % of
///   those comments);
/// - high spenders (order value $300 or more) add a quality complaint to half of their comments;
/// - the Basic plan's customers are unhappier (their mood is drawn from the lower half).
/// For benchmarks and tests of scale; never for accuracy figures.
public struct CorpusGenerator: Sendable {
    public var seed: UInt64
    public var effects: PlantedEffects

    public init(seed: UInt64, effects: PlantedEffects = []) {
        self.seed = seed
        self.effects = effects
    }

    /// The stories ``CorpusGenerator`` can plant.
    public struct PlantedEffects: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let euShippingCost = PlantedEffects(rawValue: 1)
        public static let deliveryRisingLastMonth = PlantedEffects(rawValue: 2)
        public static let highSpendersQuality = PlantedEffects(rawValue: 4)
        public static let unhappyBasicPlan = PlantedEffects(rawValue: 8)
        public static let all: PlantedEffects = [.euShippingCost, .deliveryRisingLastMonth, .highSpendersQuality, .unhappyBasicPlan]
    }

    /// The first day of the generated dates (2026-01-05, a Monday) and how many days they span.
    static let firstDay = 20_458
    static let days = 26 * 7

    static let clauses: [(theme: String, good: [String], bad: [String])] = [
        ("delivery", ["fast delivery", "the parcel arrived a day early", "delivery was right on time", "quick shipping"],
                     ["delivery was late", "the courier lost my parcel", "it took forever to arrive", "tracking never updated"]),
        ("price", ["great value for money", "the price is fair", "a real bargain"],
                  ["way too expensive", "overpriced for what it is", "prices went up again"]),
        ("shipping_cost", ["free shipping was a nice touch", "shipping was cheap"],
                          ["shipping costs are too high", "the delivery fee doubled the price"]),
        ("support", ["support was super helpful", "the agent solved it in minutes", "friendly customer service"],
                    ["support never replied", "the agent was rude", "I was on hold for an hour", "customer service hung up on me"]),
        ("quality", ["excellent quality", "sturdy and well made", "works perfectly"],
                    ["it broke after two days", "poor quality", "the zipper fell apart", "arrived damaged"]),
        ("packaging", ["lovely packaging", "well packed"], ["the box was crushed", "packaging was poor"]),
        ("eco", ["love the recyclable packaging", "great to see plastic-free wrapping"],
                ["way too much plastic", "not as eco-friendly as claimed"]),
        ("returns", ["the refund came quickly", "returns were easy"], ["the refund took three weeks", "returning it was a hassle"]),
        ("usability", ["easy to use website", "checkout was smooth"], ["the app keeps crashing", "checkout is confusing"]),
    ]
    static let openers = ["", "", "Honestly, ", "Overall ", "Well, "]
    static let churnPhrases = ["never buying again", "I'm switching to a competitor", "cancelling my account"]
    static let regions = ["EU", "US", "UK", "APAC"]
    static let plans = ["Basic", "Plus", "Premium"]

    /// CSV with a header, `rows` data rows, written through `write` line by line.
    public func csv(rows: Int, write: (String) -> Void) {
        var random = SplitMix64(state: seed)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        func chance(_ p: Double) -> Bool { Double(random.next() % 10_000) / 10_000 < p }
        write("customer_id,submitted_at,rating,comment,order_value,region,plan,churned")
        for row in 0..<rows {
            let region = pick(Self.regions), plan = pick(Self.plans)
            let day = Self.firstDay + row * Self.days / max(rows, 1)
            let value = (15 + Double(random.next() % 60)) * (chance(0.1) ? 8 : 1) * (chance(0.02) ? 10 : 1)
            var mood = Double(random.next() % 1000) / 1000  // 0 unhappy … 1 happy
            if effects.contains(.unhappyBasicPlan), plan == "Basic" { mood /= 2 }
            var parts: [String] = []
            var score = 0
            func complain(_ theme: String) {
                let clause = Self.clauses.first { $0.theme == theme }!
                score -= 1
                parts.append(pick(clause.bad))
            }
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let clause = pick(Self.clauses)
                let good = chance(mood)
                score += good ? 1 : -1
                parts.append(good ? pick(clause.good) : pick(clause.bad))
            }
            if effects.contains(.euShippingCost), region == "EU", chance(0.5) { complain("shipping_cost") }
            if effects.contains(.deliveryRisingLastMonth), day >= Self.firstDay + Self.days - 28, chance(0.4) { complain("delivery") }
            if effects.contains(.highSpendersQuality), value >= 300, chance(0.5) { complain("quality") }
            var comment = pick(Self.openers) + parts.joined(separator: chance(0.5) ? ", but " : " and ")
            let churn = score < 0 && chance(0.25)
            if churn { comment += ", " + pick(Self.churnPhrases) }
            comment += chance(0.3) ? "!" : "."
            comment = comment.prefix(1).uppercased() + comment.dropFirst()
            let rating = max(1, min(5, 3 + score + (chance(0.2) ? (chance(0.5) ? 1 : -1) : 0)))
            let quoted = "\"" + comment.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            write("C-\(row + 1),\(CivilDate(days: day).iso),\(rating),\(quoted),$\(String(format: "%.2f", value)),\(region),\(plan),\(churn ? "Yes" : "No")")
        }
    }
}
