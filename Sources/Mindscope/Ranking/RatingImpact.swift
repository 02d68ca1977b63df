/// Sums of ratings, for means and variances that merge by addition.
public struct RatingSums: Sendable, Hashable {
    public var count = 0
    public var sum = 0.0
    public var squares = 0.0

    public init() {}

    public mutating func add(_ rating: Double) {
        count += 1
        sum += rating
        squares += rating * rating
    }

    public var mean: Double? { count > 0 ? sum / Double(count) : nil }

    /// The sample variance (n − 1), nil below two ratings.
    public var variance: Double? {
        guard count > 1 else { return nil }
        let n = Double(count)
        return max(0, (squares - sum * sum / n) / (n - 1))
    }

    static func - (all: RatingSums, part: RatingSums) -> RatingSums {
        var rest = RatingSums()
        rest.count = all.count - part.count
        rest.sum = all.sum - part.sum
        rest.squares = all.squares - part.squares
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

    /// nil without at least two rated comments on each side.
    public init?(with: RatingSums, all: RatingSums) {
        let rest = all - with
        guard let meanWith = with.mean, let meanRest = rest.mean, let varWith = with.variance, let varRest = rest.variance else { return nil }
        let share = Double(with.count) / Double(all.count)
        let difference = meanRest - meanWith
        let error = (varWith / Double(with.count) + varRest / Double(rest.count)).squareRoot()
        averageRatingWith = meanWith
        averageRatingWithout = meanRest
        liftIfResolved = share * difference
        interval = share * (difference - 1.96 * error)...share * (difference + 1.96 * error)
        ratedWith = with.count
        rated = all.count
    }
}
