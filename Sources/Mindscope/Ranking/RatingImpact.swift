/// Sums of ratings, for means and variances that merge by addition (exactly: ``ExactSum``).
public struct RatingSums: Sendable, Hashable, Codable {
    public var count = 0
    private var total = ExactSum()
    private var totalSquares = ExactSum()
    /// On a 0–10 recommend (NPS) scale: ratings with a category, promoters and detractors.
    public var categorized = 0
    public var promoters = 0
    public var detractors = 0

    public init() {}

    public var sum: Double { total.value }
    public var squares: Double { totalSquares.value }

    public mutating func add(_ rating: Double, category: Rating.NPSCategory? = nil) {
        count += 1
        total += rating
        totalSquares += rating * rating
        guard let category else { return }
        categorized += 1
        if category == .promoter { promoters += 1 }
        if category == .detractor { detractors += 1 }
    }

    public mutating func merge(_ other: RatingSums) {
        count += other.count
        total.merge(other.total)
        totalSquares.merge(other.totalSquares)
        categorized += other.categorized
        promoters += other.promoters
        detractors += other.detractors
    }

    public var mean: Double? { count > 0 ? sum / Double(count) : nil }

    /// Net Promoter Score, −100…100: % promoters − % detractors; nil off an NPS scale.
    public var nps: Double? { categorized > 0 ? 100 * Double(promoters - detractors) / Double(categorized) : nil }

    /// The sample variance (n − 1), nil below two ratings.
    public var variance: Double? {
        guard count > 1 else { return nil }
        let n = Double(count)
        return max(0, (squares - sum * sum / n) / (n - 1))
    }

    static func - (all: RatingSums, part: RatingSums) -> RatingSums {
        var rest = all
        rest.count -= part.count
        rest.total.merge(part.total.negated)
        rest.totalSquares.merge(part.totalSquares.negated)
        rest.categorized -= part.categorized
        rest.promoters -= part.promoters
        rest.detractors -= part.detractors
        return rest
    }
}

/// A theme's impact on the rating (key-driver analysis): the average rating of comments with a
/// negative mention of the theme against the rest, and how much the overall average would
/// rise if those complaints were resolved to the level of the rest:
///
///     lift = (n_with / n) × (mean_rest − mean_with)
///
/// with a 95 % interval from the analytic standard error of the difference of two means
/// (Welch: √(s²_with / n_with + s²_rest / n_rest)), times the same share. Only comments with a
/// rating count; the rating is on its column's own scale.
public struct RatingImpact: Sendable, Hashable {
    public var averageRatingWith: Double
    public var averageRatingWithout: Double
    public var liftIfResolved: Double
    public var interval: ClosedRange<Double>
    /// Rated comments with a negative mention, and all rated comments.
    public var ratedWith: Int
    public var rated: Int
    /// On a 0–10 recommend scale: the NPS of comments with a negative mention and of the rest.
    public var npsWith: Double?
    public var npsWithout: Double?

    /// The lift alone, `share × (mean of the rest − mean with)`: nil without a rated comment on
    /// each side (the interval needs two).
    public static func lift(with: RatingSums, all: RatingSums) -> Double? {
        let rest = all - with
        guard let meanWith = with.mean, let meanRest = rest.mean else { return nil }
        return Double(with.count) / Double(all.count) * (meanRest - meanWith)
    }

    /// nil without at least two rated comments on each side.
    public init?(with: RatingSums, all: RatingSums) {
        let rest = all - with
        guard let meanWith = with.mean, let meanRest = rest.mean, let varWith = with.variance, let varRest = rest.variance else { return nil }
        let share = Double(with.count) / Double(all.count)
        let difference = meanRest - meanWith
        let error = (varWith / Double(with.count) + varRest / Double(rest.count)).squareRoot()
        averageRatingWith = meanWith
        averageRatingWithout = meanRest
        liftIfResolved = Self.lift(with: with, all: all)!
        interval = share * (difference - 1.96 * error)...share * (difference + 1.96 * error)
        ratedWith = with.count
        rated = all.count
        npsWith = with.nps
        npsWithout = rest.nps
    }
}
