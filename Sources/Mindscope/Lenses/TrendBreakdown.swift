import Foundation

/// How each theme's complaints move over time: comments and complaints per day, folded
/// comment by comment (bounded by the number of days, not rows), then grouped into periods.
///
/// - **Period**: months when the dates span at least ``monthSpan`` days (twelve weeks, so three
///   months or more), weeks (from Monday) when they span at least ``weekSpan``, days otherwise;
///   no trend under ``minimumDays``.
/// - **Share**: per period, the share of its comments with a negative mention of the theme.
/// - **Emerging**: the last period's share is higher than the earlier periods' pooled share,
///   by a one-sided two-proportion z-test whose p-values are corrected over the themes tested
///   (Holm–Bonferroni, 5 %). The test needs ``minimumComments`` comments on each side and 5
///   expected complaints and non-complaints on each; the last period is compared as it is, so
///   a period that has only begun rarely has the comments to qualify.
/// - A trend is drawn only when at least ``minimumDatedShare`` of the comments have a date.
public struct TrendBreakdown: Sendable, Codable {
    public static let monthSpan = 84
    public static let weekSpan = 21
    public static let minimumDays = 3
    public static let minimumComments = 30
    public static let minimumDatedShare = 0.5
    /// Days kept at most (about 55 years): enough for any survey, bounded whatever the input.
    static let dayLimit = 20_000

    /// Comments per day (days since 1970-01-01, UTC), and per day and theme the complaints.
    private var comments: [Int: Int] = [:]
    private var negatives: [Int: [String: Int]] = [:]
    /// Comments with a date, and without one.
    public private(set) var dated = 0
    public private(set) var undated = 0

    public init() {}

    /// Folds one comment: its time (seconds since 1970, UTC) and the themes it complains about.
    public mutating func add(time: Int?, negativeThemes: Set<String>) {
        guard let time else { undated += 1; return }
        let day = Int((Double(time) / 86_400).rounded(.down))
        guard comments[day] != nil || comments.count < Self.dayLimit else { undated += 1; return }
        dated += 1
        comments[day, default: 0] += 1
        for theme in negativeThemes { negatives[day, default: [:]][theme, default: 0] += 1 }
    }

    /// Adds the counts of another part of the data.
    public mutating func merge(_ other: TrendBreakdown) {
        for (day, n) in other.comments { comments[day, default: 0] += n }
        for (day, byTheme) in other.negatives {
            for (theme, n) in byTheme { negatives[day, default: [:]][theme, default: 0] += n }
        }
        dated += other.dated
        undated += other.undated
    }

    public enum Period: String, Sendable { case day, week, month }

    /// The period the dates call for, nil when they span too few days or too few comments
    /// have one.
    public var period: Period? {
        guard let first = comments.keys.min(), let last = comments.keys.max(), dated > 0,
              Double(dated) >= Self.minimumDatedShare * Double(dated + undated) else { return nil }
        let span = last - first + 1
        return span >= Self.monthSpan ? .month : span >= Self.weekSpan ? .week : span >= Self.minimumDays ? .day : nil
    }

    /// Every complained-about theme's trend, tested and corrected together.
    public func trends() -> [String: ThemeTrend] {
        guard let period else { return [:] }
        var periodComments: [String: Int] = [:]
        var periodNegatives: [String: [String: Int]] = [:]
        for (day, count) in comments {
            let label = CivilDate(days: day).label(period)
            periodComments[label, default: 0] += count
            for (theme, k) in negatives[day] ?? [:] { periodNegatives[label, default: [:]][theme, default: 0] += k }
        }
        let labels = periodComments.keys.sorted()
        guard labels.count >= 2, let last = labels.last else { return [:] }
        let themes = Set(periodNegatives.values.flatMap(\.keys))
        var result: [String: ThemeTrend] = [:]
        for theme in themes {
            let points = labels.map { label in
                let n = periodComments[label] ?? 0, k = periodNegatives[label]?[theme] ?? 0
                return ThemeTrend.Point(period: label, n: n, negatives: k, share: n > 0 ? Double(k) / Double(n) : 0)
            }
            let before = points.dropLast()
            let nBefore = before.reduce(0) { $0 + $1.n }, kBefore = before.reduce(0) { $0 + $1.negatives }
            let now = points.last!
            var trend = ThemeTrend(period: period, points: points, earlierShare: nBefore > 0 ? Double(kBefore) / Double(nBefore) : 0,
                                   earlierN: nBefore, last: last)
            if now.share > trend.earlierShare {
                trend.pValue = ProportionTest.z(now.negatives, now.n, kBefore, nBefore, minimum: Self.minimumComments).map { erfc($0 / 2.0.squareRoot()) / 2 }
            }
            result[theme] = trend
        }
        // Holm–Bonferroni over the themes tested.
        let tested = result.keys.filter { result[$0]!.pValue != nil }.sorted { (result[$0]!.pValue!, $0) < (result[$1]!.pValue!, $1) }
        for (rank, theme) in tested.enumerated() {
            guard result[theme]!.pValue! * Double(tested.count - rank) < 0.05 else { break }
            result[theme]!.emerging = true
        }
        return result
    }
}

/// A theme's complaints per period, and whether the last period rises.
public struct ThemeTrend: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        /// `2026-10` (month), `2026-03-02` (the Monday of a week, or a day).
        public var period: String
        public var n: Int
        public var negatives: Int
        public var share: Double

        public init(period: String, n: Int, negatives: Int, share: Double) {
            self.period = period
            self.n = n
            self.negatives = negatives
            self.share = share
        }
    }

    public var period: TrendBreakdown.Period
    public var points: [Point]
    /// The pooled share of the periods before the last, and their comments.
    public var earlierShare: Double
    public var earlierN: Int
    /// The last period's label.
    public var last: String
    /// One-sided p of the last period's rise before correction; nil where no test ran.
    public var pValue: Double?
    /// The last period rises significantly after the correction over the themes tested.
    public var emerging = false

    public init(period: TrendBreakdown.Period, points: [Point], earlierShare: Double, earlierN: Int, last: String,
                pValue: Double? = nil, emerging: Bool = false) {
        self.period = period
        self.points = points
        self.earlierShare = earlierShare
        self.earlierN = earlierN
        self.last = last
        self.pValue = pValue
        self.emerging = emerging
    }

    /// The rise in words: "25% of comments in 2026-10 (36 of 142) against 5% before (14 of 286)".
    public var why: String {
        guard let now = points.last else { return "" }
        let before = earlierN > 0 ? Int((earlierShare * Double(earlierN)).rounded()) : 0
        var text = "\(Format.percent(now.share)) of comments in \(last) (\(now.negatives) of \(now.n)) against \(Format.percent(earlierShare)) before (\(before) of \(earlierN))"
        if let pValue { text += ", one-sided p \(pValue < 0.001 ? "< 0.001" : String(format: "%.3f", pValue)) before correction" }
        return text + (emerging ? "" : "; not a significant rise")
    }
}
