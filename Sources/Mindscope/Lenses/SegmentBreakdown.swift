import Foundation

/// Where each theme's complaints concentrate: comments and complaints per segment value
/// (region, plan, department, airline …), folded comment by comment, bounded by the number of
/// values, not rows.
///
/// For a theme and a value, the **negative share** is the share of the value's comments with a
/// negative mention of the theme, against the same share among the column's other comments
/// (**rest**). The difference is tested with a pooled two-proportion z-test, and the p-values of
/// all tests of a run are corrected together (Holm–Bonferroni), so that with many themes and
/// values a difference is called significant at 5 % only when it would be so after the
/// correction. A test runs only where both sides have at least ``minimumComments`` comments
/// and the normal approximation holds (at least 5 expected complaints and non-complaints on
/// each side).
public struct SegmentBreakdown: Sendable, Codable {
    /// A column with more distinct values than this gets no per-value breakdown.
    public static let maximumValues = 50
    /// Distinct values counted before a column's count is given as "more than".
    public static let countLimit = 10_000
    /// The least comments on each side of a test.
    public static let minimumComments = 30

    public struct Column: Sendable, Codable {
        public var name: String
        /// Comments per value (blank values are not counted).
        public fileprivate(set) var comments: [String: Int] = [:]
        /// Value → theme → comments with a negative mention of the theme.
        fileprivate var negatives: [String: [String: Int]] = [:]
        /// Distinct values seen, once the column has too many to break down (bounded).
        fileprivate var overflow: Set<String>?
        /// Too many distinct values to break down: how many were seen (at most ``countLimit``).
        public var tooManyValues: Int? { overflow?.count }
    }

    public private(set) var columns: [Column]

    public init(columns: [String]) { self.columns = columns.map { Column(name: $0) } }

    /// Folds one comment: its segment values (in column order) and the themes it complains about.
    public mutating func add(_ values: [String], negativeThemes: Set<String>) {
        for index in columns.indices where index < values.count && !values[index].isEmpty {
            let value = values[index]
            if let seen = columns[index].overflow {
                // Inserted in place: a copy taken out and written back would copy the whole set
                // on every comment.
                if seen.count < Self.countLimit { columns[index].overflow!.insert(value) }
                continue
            }
            if columns[index].comments[value] == nil && columns[index].comments.count == Self.maximumValues {
                // Too many values: keep counting distinct ones, drop the breakdown.
                columns[index].overflow = Set(columns[index].comments.keys).union([value])
                columns[index].comments = [:]
                columns[index].negatives = [:]
                continue
            }
            columns[index].comments[value, default: 0] += 1
            for theme in negativeThemes { columns[index].negatives[value, default: [:]][theme, default: 0] += 1 }
        }
    }

    /// Adds the counts of another part of the data, with the same columns. A column over
    /// ``maximumValues`` values in either part, or in both together, has none broken down; its
    /// distinct values are counted up to ``countLimit`` as one pass counts them.
    public mutating func merge(_ other: SegmentBreakdown) {
        for (index, theirs) in other.columns.enumerated() where index < columns.count {
            var column = columns[index]
            let distinct = Set(column.comments.keys).union(theirs.comments.keys)
            if column.overflow != nil || theirs.overflow != nil || distinct.count > Self.maximumValues {
                var seen = (column.overflow ?? []).union(theirs.overflow ?? []).union(distinct)
                if seen.count > Self.countLimit { seen = Set(seen.sorted().prefix(Self.countLimit)) }
                column.overflow = seen
                column.comments = [:]
                column.negatives = [:]
            } else {
                for (value, n) in theirs.comments { column.comments[value, default: 0] += n }
                for (value, byTheme) in theirs.negatives {
                    for (theme, n) in byTheme { column.negatives[value, default: [:]][theme, default: 0] += n }
                }
            }
            columns[index] = column
        }
    }

    /// Every theme's difference per column and value, tested and corrected together; per theme,
    /// columns in order, values by negative share, highest first.
    public func differences() -> [String: [SegmentDifference]] {
        var all: [SegmentDifference] = []
        for column in columns where column.overflow == nil && column.comments.count > 1 {
            let total = column.comments.values.reduce(0, +)
            var themeTotals: [String: Int] = [:]
            for byTheme in column.negatives.values { for (theme, count) in byTheme { themeTotals[theme, default: 0] += count } }
            for (theme, complaints) in themeTotals {
                for (value, n) in column.comments {
                    let k = column.negatives[value]?[theme] ?? 0
                    let restN = total - n, restK = complaints - k
                    let interval = IssueRanking.wilson(k, n)
                    all.append(SegmentDifference(theme: theme, column: column.name, value: value, n: n, negatives: k,
                                                 negativeShare: Double(k) / Double(n), rest: restN > 0 ? Double(restK) / Double(restN) : 0,
                                                 restN: restN, interval: interval.lowerBound...interval.upperBound,
                                                 pValue: ProportionTest.z(k, n, restK, restN, minimum: Self.minimumComments).map { erfc(abs($0) / 2.0.squareRoot()) }))
                }
            }
        }
        // Holm–Bonferroni over every test that ran.
        let tested = all.indices.filter { all[$0].pValue != nil }.sorted { all[$0].pValue! < all[$1].pValue! }
        for (rank, index) in tested.enumerated() {
            let adjusted = min(1, all[index].pValue! * Double(tested.count - rank))
            guard adjusted < 0.05 else { break }
            all[index].significant = true
        }
        var byTheme: [String: [SegmentDifference]] = [:]
        for difference in all { byTheme[difference.theme, default: []].append(difference) }
        let order = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.name, $0) })
        return byTheme.mapValues { list in
            list.sorted { a, b in
                order[a.column]! != order[b.column]! ? order[a.column]! < order[b.column]!
                    : a.negativeShare != b.negativeShare ? a.negativeShare > b.negativeShare : a.value < b.value
            }
        }
    }
}

/// One theme's complaints in one segment value against the rest of the column.
public struct SegmentDifference: Sendable, Hashable {
    public var theme: String
    public var column: String
    public var value: String
    /// Comments with this value, and those with a negative mention of the theme.
    public var n: Int
    public var negatives: Int
    public var negativeShare: Double
    /// The negative share among the column's other (non-blank) comments, and how many they are.
    public var rest: Double
    public var restN: Int
    /// 95 % Wilson interval of `negativeShare`.
    public var interval: ClosedRange<Double>
    /// Two-sided p before correction; nil where no test ran (a side too small).
    public var pValue: Double?
    /// Different from the rest after the Holm–Bonferroni correction over the run's tests.
    public var significant = false

    public init(theme: String, column: String, value: String, n: Int, negatives: Int, negativeShare: Double, rest: Double, restN: Int,
                interval: ClosedRange<Double>, pValue: Double?, significant: Bool = false) {
        self.theme = theme
        self.column = column
        self.value = value
        self.n = n
        self.negatives = negatives
        self.negativeShare = negativeShare
        self.rest = rest
        self.restN = restN
        self.interval = interval
        self.pValue = pValue
        self.significant = significant
    }
}

/// The pooled two-proportion z-test, shared by segments and trends.
enum ProportionTest {
    /// z of the first share against the second (`k1/n1 − k2/n2` over the pooled standard
    /// error); nil where a side has fewer than `minimum` members or fewer than 5 expected
    /// successes or failures, where the normal approximation does not hold.
    static func z(_ k1: Int, _ n1: Int, _ k2: Int, _ n2: Int, minimum: Int) -> Double? {
        guard n1 >= minimum, n2 >= minimum else { return nil }
        let pooled = Double(k1 + k2) / Double(n1 + n2)
        for n in [n1, n2] where Double(n) * pooled < 5 || Double(n) * (1 - pooled) < 5 { return nil }
        let error = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
        guard error > 0 else { return nil }
        return (Double(k1) / Double(n1) - Double(k2) / Double(n2)) / error
    }
}
