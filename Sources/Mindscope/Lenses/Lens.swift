/// A way of reading feedback that a persona cares about. Each lens scores themes with a
/// documented formula over the comments; nothing in it depends on a particular dataset.
public enum Lens: String, Sendable, CaseIterable, Hashable {
    /// Revenue at risk per theme: for each comment with a negative mention of the theme,
    /// `order value × churn likelihood`, shared equally among the comment's negative themes.
    /// Churn likelihood is 1 when the comment states churn intent (the revenue counts as lost),
    /// else the mean of what is known of `1 − normalized rating`, `(1 − sentiment) / 2` and the
    /// recommend flag (1 for "would not recommend", 0 for "would").
    /// Without an order-value column the same sum counts customers at risk instead of money.
    case revenueRisk = "revenue_risk"
    /// Blocker score per theme: over the comments with a negative mention, the sum of
    /// `(|theme sentiment| + churn likelihood) / 2`: frequency times average severity. Only
    /// themes whose definition feeds this lens (actionable ones) are ranked.
    case roadmapBlockers = "roadmap_blockers"
    /// Values attention per theme: the sum of |theme sentiment| over all mentions, praise and
    /// complaints alike, on themes that feed this lens (eco, packaging). A packaging complaint
    /// in a dataset where packaging is also praised as eco-friendly is a greenwashing risk.
    case valuesAlignment = "values_alignment"

    public var name: String {
        switch self {
        case .revenueRisk: "revenue risk"
        case .roadmapBlockers: "roadmap blockers"
        case .valuesAlignment: "values alignment"
        }
    }
}

/// A lens a persona uses, how much, and why.
public struct LensWeight: Sendable, Hashable {
    public var lens: Lens
    public var weight: Double
    public var why: String
    /// The goals and pain points that chose the lens.
    public var statements: [String] = []
}

/// A theme a persona emphasises, and why.
public struct ThemeWeight: Sendable, Hashable {
    public var theme: String
    public var weight: Double
    public var why: String
}
