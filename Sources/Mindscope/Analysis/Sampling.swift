import Foundation

/// SplitMix64 (Steele, Lea and Flood, 2014): the one seeded generator of the package, for the
/// corpus generator and the tests' planted data.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Numbers for quantiles, in bounded memory and mergeable in any order: every distinct value
/// with its count while there are at most `limit` of them, so quantiles are exact; past that,
/// counts per logarithmic bucket (DDSketch: Masson, Rim and Lee, 2019), so a quantile is
/// within ``relativeError`` of the true value (nearest rank). Minimum and maximum stay exact.
/// The state is a function of the multiset of values alone: one pass over a file and the merge
/// of partials of any split of it hold the same counts and give the same quantiles.
public struct ValueDistribution: Sendable, Codable, Equatable {
    /// The most a bucketed quantile is off, relative to the true value: 1 %.
    public static let relativeError = 0.01
    static let gamma = (1 + relativeError) / (1 - relativeError)
    static let logGamma = log(gamma)

    public let limit: Int
    /// Value → count, while there are at most `limit` distinct values.
    private var exact: [Double: Int]? = [:]
    /// Bucket → count once exact counts are dropped: positive values by `⌈log_γ x⌉`, negative
    /// ones by the same of `|x|`; zeros counted apart.
    private var positive: [Int: Int] = [:]
    private var negative: [Int: Int] = [:]
    private var zeros = 0
    public private(set) var count = 0
    public private(set) var min = Double.infinity
    public private(set) var max = -Double.infinity

    public init(limit: Int) { self.limit = limit }

    public var isExact: Bool { exact != nil }

    public mutating func add(_ value: Double, count n: Int = 1) {
        guard value.isFinite, n > 0 else { return }
        count += n
        min = Swift.min(min, value)
        max = Swift.max(max, value)
        if exact != nil {
            exact![value, default: 0] += n
            if exact!.count > limit { dropExact() }
        } else {
            addBucketed(value, n)
        }
    }

    private mutating func addBucketed(_ value: Double, _ n: Int) {
        if value == 0 { zeros += n } else if value > 0 { positive[Self.bucket(value), default: 0] += n } else { negative[Self.bucket(-value), default: 0] += n }
    }

    private mutating func dropExact() {
        guard let values = exact else { return }
        exact = nil
        for (value, n) in values { addBucketed(value, n) }
    }

    static func bucket(_ magnitude: Double) -> Int { Int((log(magnitude) / logGamma).rounded(.up)) }
    /// The value a bucket stands for: within ``relativeError`` of every value in it.
    static func representative(_ bucket: Int) -> Double { 2 * pow(gamma, Double(bucket)) / (gamma + 1) }

    /// Adds another distribution's counts: the same result in any order and grouping.
    public mutating func merge(_ other: ValueDistribution) {
        count += other.count
        min = Swift.min(min, other.min)
        max = Swift.max(max, other.max)
        if var mine = exact, let theirs = other.exact {
            for (value, n) in theirs { mine[value, default: 0] += n }
            exact = mine
            if mine.count > limit { dropExact() }
            return
        }
        dropExact()
        if let theirs = other.exact {
            for (value, n) in theirs { addBucketed(value, n) }
        } else {
            for (key, n) in other.positive { positive[key, default: 0] += n }
            for (key, n) in other.negative { negative[key, default: 0] += n }
            zeros += other.zeros
        }
    }

    /// The value at quantile `q` (0…1), nearest rank (``Quantile/nearestRank(_:ofSorted:)``);
    /// nil for no values. Exact while the distinct values fit `limit`, else within
    /// ``relativeError``, and never outside the minimum and maximum.
    public func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = Swift.max(1, Swift.min(count, Int((q * Double(count)).rounded(.up))))
        var seen = 0
        if let exact {
            for value in exact.keys.sorted() {
                seen += exact[value]!
                if seen >= rank { return value }
            }
            return max
        }
        let ordered = negative.keys.sorted(by: >).map { (-Self.representative($0), negative[$0]!) } + [(0.0, zeros)]
            + positive.keys.sorted().map { (Self.representative($0), positive[$0]!) }
        for (value, n) in ordered {
            seen += n
            if seen >= rank { return Swift.min(max, Swift.max(min, value)) }
        }
        return max
    }
}

/// The one quantile definition of the package.
public enum Quantile {
    /// Nearest rank: the smallest value with at least `q` of the values at or below it
    /// (`sorted[⌈q·n⌉ − 1]`, the first value for q = 0); nil for no values.
    public static func nearestRank(_ q: Double, ofSorted sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        return sorted[max(0, min(sorted.count - 1, Int((q * Double(sorted.count)).rounded(.up)) - 1))]
    }
}
