/// Writes realistic synthetic survey exports, seeded: the same seed gives the same file.
///
/// Each row is a customer with a plan, a region and an order value (log-normal-like, most
/// orders small, a few large); its comment joins one to three clauses about themes (delivery,
/// price, shipping cost, support, quality, packaging, eco, returns, usability), each praising or
/// complaining; the rating and the churned flag follow the comment's tone, with noise.
/// For benchmarks and tests of scale; never for accuracy figures.
public struct CorpusGenerator: Sendable {
    public var seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

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
        write("customer_id,rating,comment,order_value,region,plan,churned")
        for row in 0..<rows {
            let mood = Double(random.next() % 1000) / 1000  // 0 unhappy … 1 happy
            var parts: [String] = []
            var score = 0
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let clause = pick(Self.clauses)
                let good = chance(mood)
                score += good ? 1 : -1
                parts.append(good ? pick(clause.good) : pick(clause.bad))
            }
            var comment = pick(Self.openers) + parts.joined(separator: chance(0.5) ? ", but " : " and ")
            let churn = score < 0 && chance(0.25)
            if churn { comment += ", " + pick(Self.churnPhrases) }
            comment += chance(0.3) ? "!" : "."
            comment = comment.prefix(1).uppercased() + comment.dropFirst()
            let rating = max(1, min(5, 3 + score + (chance(0.2) ? (chance(0.5) ? 1 : -1) : 0)))
            let value = (15 + Double(random.next() % 60)) * (chance(0.1) ? 8 : 1) * (chance(0.02) ? 10 : 1)
            let quoted = "\"" + comment.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            write("C-\(row + 1),\(rating),\(quoted),$\(String(format: "%.2f", value)),\(pick(Self.regions)),\(pick(Self.plans)),\(churn ? "Yes" : "No")")
        }
    }
}
