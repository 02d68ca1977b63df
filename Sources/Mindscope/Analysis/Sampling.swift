/// SplitMix64 (Steele, Lea and Flood, 2014): the one seeded generator of the package, for the
/// reservoirs, the corpus generator and the tests' planted data.
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

/// A bounded uniform sample of a stream of numbers: all of them up to `limit`, then Vitter's
/// algorithm R (each new value replaces a random slot with probability limit / seen), seeded,
/// so memory stays bounded and quantiles stay exact on small inputs.
public struct Reservoir: Sendable {
    public let limit: Int
    public private(set) var values: [Double] = []
    /// Values offered so far.
    public private(set) var seen = 0
    private var generator: SplitMix64

    public init(limit: Int, seed: UInt64) {
        self.limit = limit
        generator = SplitMix64(state: seed)
    }

    public mutating func add(_ value: Double) {
        seen += 1
        if values.count < limit {
            values.append(value)
        } else {
            let slot = Int(generator.next() % UInt64(seen))
            if slot < limit { values[slot] = value }
        }
    }

    /// The value at quantile `q` of the sample (``Quantile/nearestRank(_:ofSorted:)``).
    public func quantile(_ q: Double) -> Double? { Quantile.nearestRank(q, ofSorted: values.sorted()) }
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
