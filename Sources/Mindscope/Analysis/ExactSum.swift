/// A sum of numbers kept exactly, as non-overlapping partial sums (Shewchuk, 1997; the
/// algorithm of Python's `math.fsum`): ``value`` is the exact sum rounded once, so it is the
/// same whatever the order of the additions and of the merges. Partial results of any split of
/// a file add up to the very number one pass gives, where plain `+=` differs in its last bits.
/// The partials stay few (one or two for sums of like values).
public struct ExactSum: Sendable, Hashable, Codable {
    private var partials: [Double] = []
    /// Infinities and NaN, which have no exact partials, added plainly.
    private var special = 0.0

    public init() {}

    public mutating func add(_ value: Double) {
        guard value.isFinite else { special += value; return }
        var x = value
        var kept = 0
        for index in partials.indices {
            var y = partials[index]
            if abs(x) < abs(y) { swap(&x, &y) }
            let high = x + y
            let low = y - (high - x)
            if low != 0 {
                partials[kept] = low
                kept += 1
            }
            x = high
        }
        partials.removeSubrange(kept...)
        partials.append(x)
    }

    public static func += (sum: inout ExactSum, value: Double) { sum.add(value) }

    /// Adds another sum: exact, so merging is associative and commutative.
    public mutating func merge(_ other: ExactSum) {
        for partial in other.partials { add(partial) }
        special += other.special
    }

    /// The same sum with the opposite sign (exact): `a.merge(b.negated)` is a − b.
    public var negated: ExactSum {
        var result = self
        result.partials = partials.map { -$0 }
        result.special = -special
        return result
    }

    /// The sum, correctly rounded (half to even).
    public var value: Double {
        guard special == 0 else { return special }
        var n = partials.count
        guard n > 0 else { return 0 }
        n -= 1
        var high = partials[n]
        var low = 0.0
        while n > 0 {
            let x = high
            n -= 1
            let y = partials[n]
            high = x + y
            low = y - (high - x)
            if low != 0 { break }
        }
        // A tie broken the wrong way by the last addition: the partials below say which way.
        if n > 0, (low < 0 && partials[n - 1] < 0) || (low > 0 && partials[n - 1] > 0) {
            let y = low * 2
            let x = high + y
            if y == x - high { high = x }
        }
        return high
    }

    public static func == (a: ExactSum, b: ExactSum) -> Bool { a.value == b.value || (a.value.isNaN && b.value.isNaN) }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
