import Foundation
import MindscopeText

/// A theme ranked for a persona, with the numbers and quotes behind it.
public struct RankedIssue: Sendable {
    public var rank: Int
    public var theme: String
    public var name: String
    /// Σ over the persona's lenses of `lens weight × lens score × theme weight`, where each
    /// lens score is the theme's raw lens value over the highest among themes (0…1).
    public var score: Double
    public var mentions: Int
    public var negative: Int
    public var positive: Int
    /// Share of comments mentioning the theme, with its 95 % Wilson interval.
    public var share: Double
    public var shareInterval: ClosedRange<Double>
    public var averageRating: Double?
    public var revenueAtRisk: Double?
    public var revenueLost: Double?
    public var customersAtRisk: Double
    public var lensScores: [Lens: Double]
    /// Complaints first, then praise; strongest first.
    public var evidence: [Evidence]
    /// A complaint about a values theme that the data also ties to another values theme
    /// (packaging criticised where packaging is praised as eco-friendly).
    public var greenwashingRisk: Bool
    public var request: String?
    /// Fewer mentions than `IssueRanking.fewMentions`.
    public var fewMentions: Bool
    /// The theme's complaints' impact on the rating, where the file has ratings.
    public var impact: RatingImpact? = nil
    /// Its complaints per segment value against the rest (``SegmentBreakdown``).
    public var segments: [SegmentDifference] = []
    /// Its complaints per period, when the file has dates (``TrendBreakdown``).
    public var trend: ThemeTrend?
}

/// Ranks themes for a persona from the aggregate of all comments.
public enum IssueRanking {
    /// Below this many comments, shares are anecdotes: the reading is flagged low-confidence.
    /// (A common rule of thumb for proportions; the Wilson interval says the rest.)
    public static let smallSample = 30
    /// Below this many mentions, a theme's numbers are flagged as resting on few comments.
    public static let fewMentions = 5

    /// A theme's blocker value: with ratings on at least ``smallSample`` comments, what
    /// resolving its complaints would add to the average rating (``RatingImpact/lift(with:all:)``,
    /// the share of rated comments complaining × how much lower they rate: volume × severity as
    /// customers rated it; a theme with no rated complaint lifts nothing); without ratings,
    /// Σ (|theme sentiment| + churn likelihood) / 2 over its complaints (volume × mean severity).
    /// So the theme with the most complaints leads unless its complaints are clearly milder.
    public static func blockerValue(_ stats: ThemeStats, _ aggregate: FeedbackAggregate) -> Double {
        if aggregate.ratings.count >= smallSample {
            return max(0, RatingImpact.lift(with: stats.complaintRatings, all: aggregate.ratings) ?? 0)
        }
        return stats.blockerSeverity
    }

    public static func rank(_ aggregate: FeedbackAggregate, selection: LensSelection, themes: ThemeSet) -> [RankedIssue] {
        let catalog = themes.catalog
        var raw: [Lens: [String: Double]] = [:]
        // A persona whose words call for no lens but name themes: those themes, by complaints
        // (the blocker value), whatever lenses the themes feed.
        let namedOnly = selection.lenses.isEmpty && !selection.named.isEmpty
        let lenses = namedOnly ? [LensWeight(lens: .roadmapBlockers, weight: 1, why: "")] : selection.lenses
        let named = Set(selection.named.map(\.theme))
        let valuesThemes = themes.themes(feeding: .valuesAlignment)
        /// A complaint about a values theme that other comments mention while praising another
        /// values theme (packaging in praise of eco-friendliness) is a greenwashing risk.
        func greenwashing(_ theme: String, _ stats: ThemeStats) -> Bool {
            valuesThemes.contains(theme) && stats.negative > 0
                && (aggregate.praisedWith[theme] ?? [:]).contains { valuesThemes.contains($0.key) && $0.value > 0 }
        }
        for topic in catalog.topics {
            guard let stats = aggregate.themes[topic.id] else { continue }
            // A theme the persona's goals name is read by each of its lenses, whatever lenses
            // the theme feeds by definition: the persona said it matters.
            let own = Self.lenses(of: topic.id, stats, themes)
            let read = namedOnly ? (named.contains(topic.id) ? [.roadmapBlockers] : [])
                : named.contains(topic.id) ? own + lenses.map(\.lens).filter { !own.contains($0) } : own
            for lens in read {
                let value: Double
                switch lens {
                case .revenueRisk: value = !aggregate.hasValues ? stats.customersAtRisk : stats.revenueAtRisk
                // Themes a persona only names are ranked by their complaints as such (count ×
                // mean severity), so every named theme with a complaint is ranked.
                case .roadmapBlockers: value = namedOnly ? stats.blockerSeverity : blockerValue(stats, aggregate)
                case .valuesAlignment: value = stats.praise + stats.risk
                }
                raw[lens, default: [:]][topic.id] = value
            }
        }
        var issues: [RankedIssue] = []
        for topic in catalog.topics {
            guard let stats = aggregate.themes[topic.id] else { continue }
            var lensScores: [Lens: Double] = [:]
            var score = 0.0
            for weight in lenses {
                guard let value = raw[weight.lens]?[topic.id], let most = raw[weight.lens]?.values.max(), most > 0 else { continue }
                lensScores[weight.lens] = value / most
                score += weight.weight * value / most
            }
            if namedOnly { lensScores = [:] } else { score *= selection.weight(of: topic.id) }
            guard score > 0 else { continue }
            let share = Double(stats.mentions) / Double(max(aggregate.comments, 1))
            issues.append(RankedIssue(
                rank: 0, theme: topic.id, name: topic.name, score: score, mentions: stats.mentions, negative: stats.negative,
                positive: stats.positive, share: share, shareInterval: wilson(stats.mentions, aggregate.comments),
                averageRating: stats.averageRating, revenueAtRisk: !aggregate.hasValues ? nil : stats.revenueAtRisk,
                revenueLost: !aggregate.hasValues ? nil : stats.revenueLost, customersAtRisk: stats.customersAtRisk,
                lensScores: lensScores, evidence: stats.complaints + stats.compliments,
                greenwashingRisk: greenwashing(topic.id, stats),
                request: stats.negative > 0 ? themes.request(of: topic.id) : nil, fewMentions: stats.mentions < fewMentions,
                impact: RatingImpact(with: stats.complaintRatings, all: aggregate.ratings)))
        }
        issues.sort { $0.score > $1.score || ($0.score == $1.score && $0.theme < $1.theme) }
        for index in issues.indices { issues[index].rank = index + 1 }
        return issues
    }

    /// A theme's lenses; a discovered topic that is mostly complaints is a blocker and a
    /// revenue risk, one that is not feeds no lens (it is listed as not covered by the themes).
    static func lenses(of theme: String, _ stats: ThemeStats, _ themes: ThemeSet) -> [Lens] {
        guard themes.discovered.contains(theme) else { return themes.lenses(of: theme) }
        return stats.negative * 2 >= stats.mentions ? [.roadmapBlockers, .revenueRisk] : []
    }

    /// 95 % Wilson score interval for `successes` of `trials`.
    public static func wilson(_ successes: Int, _ trials: Int, z: Double = 1.96) -> ClosedRange<Double> {
        guard trials > 0 else { return 0...1 }
        let n = Double(trials), p = Double(successes) / n
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
        return max(0, centre - half)...min(1, centre + half)
    }
}
