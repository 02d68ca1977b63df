/// A fact a narration template may state: `{top_amount}` in `lexicons/narration.txt`. Each
/// section of the file may use only the facts its reading computes (``NarrationSchema``), and
/// a template naming another is an error at load, with its line.
public enum NarrationFact: String, CaseIterable, Sendable {
    // Every reading
    case comments
    // Revenue risk
    case top, topAmount = "top_amount", totalAmount = "total_amount", topShare = "top_share", byTheme = "by_theme", rest
    case restAmount = "rest_amount", byThemeCustomers = "by_theme_customers", topCustomers = "top_customers", lost
    case lostCount = "lost_count", lostAmount = "lost_amount", highValueThreshold = "high_value_threshold"
    case highValue = "high_value", delighted
    // Roadmap blockers
    case covered, percent, implicit, explicit, requests
    /// Present only when the top blockers' complaints outnumber explicit feature requests.
    case beforeFeatures = "before_features"
    // Values alignment
    case praiseCount = "praise_count", riskCount = "risk_count", praiseIDs = "praise_ids", riskIDs = "risk_ids", praised
    case questioned, praiseQuotes = "praise_quotes", riskQuotes = "risk_quotes", greenwashing
    // Named themes
    case topNegative = "top_negative", topMentions = "top_mentions", topIDs = "top_ids", named
    // Findings
    case theme, share, value, column, n, from, to, period, periods
    // Caveats
    case themes, few, low, high
    // Tabular analyses
    case unit, unitCap = "unit_cap", segment, groups, highest, highN = "high_n", lowest, lowValue = "low_value"
    case lowN = "low_n", gap, lowDenominator = "low_denominator", denominator, ratio, threshold, belowRate = "below_rate"
    case belowN = "below_n", aboveRate = "above_rate", aboveN = "above_n", minN = "min_n", maxN = "max_n"
}

/// A fact's words, and the number that picks its plural form (`{comments|comment|comments}`).
public struct FactValue: Sendable, Hashable, ExpressibleByStringLiteral {
    public var text: String
    /// The count a plural form follows: the number itself, or the length of a list.
    public var count: Int?

    public init(_ text: String, count: Int? = nil) {
        self.text = text
        self.count = count
    }

    public init(stringLiteral text: String) { self.init(text) }

    /// A number, which is its own count.
    public static func number(_ n: Int) -> FactValue { FactValue("\(n)", count: n) }

    /// "a", "a and b", "a, b and c", counting the items.
    public static func list(_ items: [String]) -> FactValue { FactValue(Format.list(items), count: items.count) }
}

/// The facts of one reading, by fact.
public typealias NarrationFacts = [NarrationFact: FactValue]

/// Which keys and facts each section of `narration.txt` may use.
public enum NarrationSchema {
    public struct Section: Sendable {
        /// Base keys (`headline`, `bullet.*`, `segment`); a key may add `.<variant>` or `.<tone>`.
        public var keys: [String]
        public var facts: Set<NarrationFact>
    }

    static let analysisFacts: Set<NarrationFact> = [.unit, .unitCap, .segment, .groups, .highest, .highValue, .highN, .lowest, .lowValue,
                                                    .lowN, .gap, .lowDenominator, .denominator, .ratio]

    public static let sections: [String: Section] = [
        Lens.revenueRisk.rawValue: Section(keys: ["headline", "bullet.*"], facts: [
            .comments, .top, .topAmount, .totalAmount, .topShare, .byTheme, .rest, .restAmount, .byThemeCustomers, .topCustomers, .lost,
            .lostCount, .lostAmount, .highValueThreshold, .highValue, .delighted]),
        Lens.roadmapBlockers.rawValue: Section(keys: ["headline", "bullet.*"], facts: [
            .comments, .top, .covered, .percent, .byTheme, .implicit, .explicit, .requests, .beforeFeatures]),
        Lens.valuesAlignment.rawValue: Section(keys: ["headline", "bullet.*"], facts: [
            .comments, .praiseCount, .riskCount, .praiseIDs, .riskIDs, .praised, .questioned, .praiseQuotes, .riskQuotes, .greenwashing]),
        "named_themes": Section(keys: ["headline", "bullet.*"], facts: [.comments, .top, .topNegative, .topMentions, .topIDs, .byTheme, .named]),
        "findings": Section(keys: ["segment", "trend"], facts: [.theme, .share, .value, .column, .n, .rest, .from, .to, .period, .periods]),
        "caveats": Section(keys: ["small_sample", "few_mentions", "interval"], facts: [.comments, .themes, .few, .theme, .share, .low, .high]),
        "rate_by_segment": Section(keys: ["headline", "bullet.*"], facts: analysisFacts),
        "distribution_by_segment": Section(keys: ["headline", "bullet.*"], facts: analysisFacts),
        "ratio_by_segment": Section(keys: ["headline", "bullet.*"], facts: analysisFacts),
        "score_vs_flag": Section(keys: ["headline", "bullet.*"], facts: [.unit, .unitCap, .groups, .threshold, .belowRate, .belowN, .aboveRate, .aboveN]),
        "analysis_caveats": Section(keys: ["small_groups"], facts: [.minN, .maxN]),
    ]
}
