import MindscopeText

/// The analyses a persona's goals call for on a given file, and the goals the file cannot serve.
public struct AnalysisPlan: Sendable {
    public struct Item: Sendable {
        public var definition: AnalysisDefinition
        /// The goal or pain point that chose it, and the words that matched.
        public var goal: String
        public var words: [String]
        /// The segment column it groups by, if its kind groups.
        public var segmentColumn: Int?
        public var segmentName: String?

        /// `churn_rate_by_age_group`: the analysis and its segment, in snake case.
        public var id: String {
            guard let segmentName else { return definition.id }
            let snake = segmentName.lowercased().unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? String($0) : "_" }.joined()
            return "\(definition.id)_by_\(snake.split(separator: "_").joined(separator: "_"))"
        }
    }

    public struct Unanswered: Sendable, Hashable {
        public var goal: String
        /// The kind of analysis the goal asks for; empty when its words match none.
        public var analysis: String
        public var needs: [String]

        /// "(Time taken) needs: a duration per record …", or what was tried.
        public var explanation: String {
            analysis.isEmpty ? "matches no lens, analysis or theme, so no data kind is known to answer it"
                : "(\(analysis)) needs: \(needs.joined(separator: "; "))"
        }
    }

    public var items: [Item] = []
    public var unanswered: [Unanswered] = []

    /// What each role means to a user, for "needs".
    static func need(_ role: ColumnRoles.Role) -> String {
        switch role {
        case .churned: "a churned flag (churned, exited, attrition)"
        case .segment: "a segment column (age group, account type, region, …)"
        case .rating: "a satisfaction or rating score"
        case .products: "products per customer"
        case .logins: "app or online logins"
        case .transactions: "transactions per customer"
        default: "a \(role.rawValue) column"
        }
    }

    public init(goals: GoalMatches, catalog: AnalysisCatalog, shape: InputShape, tokenizer: Tokenizer) {
        var chosen: [String] = []
        var served: Set<String> = []
        for statement in goals.statements {
            for (id, words) in statement.analyses {
                guard let definition = catalog.definitions.first(where: { $0.id == id }) else { continue }
                if definition.kind == .unavailable {
                    unanswered.append(Unanswered(goal: statement.text, analysis: definition.name, needs: definition.missing))
                    continue
                }
                let missing = definition.needs.filter { !Self.has($0, shape.roles) }
                if !missing.isEmpty {
                    unanswered.append(Unanswered(goal: statement.text, analysis: definition.name, needs: missing.map(Self.need)))
                    continue
                }
                served.insert(statement.text)
                guard !chosen.contains(id) else { continue }
                chosen.append(id)
                var item = Item(definition: definition, goal: statement.text, words: [words])
                if definition.needs.contains(.segment) {
                    item.segmentColumn = Self.segment(for: definition, shape: shape, tokenizer: tokenizer)
                    item.segmentName = item.segmentColumn.map { shape.header.names[$0] }
                }
                items.append(item)
            }
        }
        // A goal one analysis answers is not unanswered for lack of another's data; a goal
        // two analyses could answer is listed once, with what each needs.
        var merged: [Unanswered] = []
        for entry in unanswered where !served.contains(entry.goal) {
            if let index = merged.firstIndex(where: { $0.goal == entry.goal }) {
                merged[index].analysis += " or " + entry.analysis
                merged[index].needs += entry.needs.filter { !merged[index].needs.contains($0) }
            } else {
                merged.append(entry)
            }
        }
        unanswered = merged
    }

    static func has(_ need: ColumnRoles.Role, _ roles: ColumnRoles) -> Bool { !roles.all(need).isEmpty }

    /// The segment column the analysis's `segments` cues name first; else the first segment.
    static func segment(for definition: AnalysisDefinition, shape: InputShape, tokenizer: Tokenizer) -> Int? {
        let columns = shape.roles.all(.segment)
        for cue in definition.segments {
            var catalog = TopicCatalog()
            catalog.add(Topic(id: "cue", name: "cue", cues: [cue]))
            for column in columns {
                let header = shape.header.names[column] + " " + shape.header.questions[column]
                if !catalog.matches(in: tokenizer.tokenize(SurveyHeader.words(header))).isEmpty { return column }
            }
        }
        return columns.first
    }
}

/// One group's numbers in a tabular analysis.
public struct GroupStat: Sendable, Hashable {
    public var group: String
    public var n: Int
    /// The analysis's value: a rate, a mean, a ratio.
    public var value: Double
    /// 95 % interval where one applies (Wilson for rates).
    public var low: Double?
    public var high: Double?
    /// A distribution's five numbers (distributions only).
    public var quartiles: Quartiles?
    /// A ratio's two measures, each a mean per member (ratios only).
    public var numerator: Double?
    public var denominator: Double?

    /// Minimum, quartiles and maximum of a group's values.
    public struct Quartiles: Sendable, Hashable {
        public var min: Double
        public var q1: Double
        public var median: Double
        public var q3: Double
        public var max: Double
    }
}

/// A tabular analysis computed for a persona.
public struct TabularResult: Sendable {
    public var id: String
    public var name: String
    public var goal: String
    public var goalWords: [String]
    public var kind: AnalysisDefinition.Kind
    public var segment: String?
    public var unit: String
    public var groups: [GroupStat]
    /// For score against flag: the score below which the flag's rate is highest, and the
    /// rates and sizes on each side.
    public var threshold: (score: Double, below: GroupStat, above: GroupStat)?
    /// Some group has fewer than `IssueRanking.smallSample` members.
    public var smallGroups: Bool
    public var insight: String = ""
    public var chart: String { "\(id).svg" }
    /// The segment column's header for display ("age group").
    public var segmentLabel: String { segment.map(Self.label) ?? "" }

    public static func label(_ header: String) -> String { header.replacingOccurrences(of: "_", with: " ") }
    public var chartKind: ChartKind
    /// What a ratio's numerator and denominator count (ratios only).
    public var numerator: ColumnRoles.Role?
    public var denominator: ColumnRoles.Role?
}

/// Sums over the rows for every planned analysis, in one pass; bounded by groups, not rows.
/// Aggregates of parts of a file merge into the aggregate of the whole.
public struct TabularAggregate: Sendable, Codable {
    struct Accumulator: Sendable, Codable {
        var n = 0
        var flagged = 0
        var sum = ExactSum()
        var sumB = ExactSum()
        /// Values for quartiles.
        var values = ValueDistribution(limit: TabularAggregate.valueLimit)

        mutating func merge(_ other: Accumulator) {
            n += other.n
            flagged += other.flagged
            sum.merge(other.sum)
            sumB.merge(other.sumB)
            values.merge(other.values)
        }
    }

    static let valueLimit = 20_000
    private var groups: [String: [String: Accumulator]] = [:]
    private var order: [String: [String]] = [:]

    public init() {}

    public mutating func merge(_ other: TabularAggregate) {
        for (key, groups) in other.groups {
            for (group, accumulator) in groups {
                if self.groups[key]?[group] == nil { order[key, default: []].append(group) }
                self.groups[key, default: [:]][group, default: Accumulator()].merge(accumulator)
            }
        }
    }

    mutating func add(_ record: FeedbackRecord, items: [AnalysisPlan.Item], segmentColumns: [Int]) {
        for item in items {
            var group: String
            switch item.definition.kind {
            case .scoreVsFlag:
                guard let score = record.rating?.value, let flag = record.churned else { continue }
                group = String(score)
                update(item.id, group) { $0.n += 1; if flag { $0.flagged += 1 }; $0.sum += score }
            case .rateBySegment, .distributionBySegment, .ratioBySegment:
                guard let column = item.segmentColumn, let index = segmentColumns.firstIndex(of: column),
                      index < record.segments.count, !record.segments[index].isEmpty else { continue }
                group = record.segments[index]
                switch item.definition.kind {
                case .rateBySegment:
                    guard let flag = record.churned else { continue }
                    update(item.id, group) { $0.n += 1; if flag { $0.flagged += 1 } }
                case .distributionBySegment:
                    guard let measure = item.definition.measure, let value = record.measures[measure] else { continue }
                    update(item.id, group) { accumulator in
                        accumulator.n += 1
                        accumulator.sum += value
                        accumulator.values.add(value)
                    }
                default:
                    guard let numerator = item.definition.numerator, let denominator = item.definition.denominator,
                          let a = record.measures[numerator], let b = record.measures[denominator] else { continue }
                    update(item.id, group) { $0.n += 1; $0.sum += a; $0.sumB += b }
                }
            case .unavailable:
                continue
            }
        }
    }

    private mutating func update(_ key: String, _ group: String, _ change: (inout Accumulator) -> Void) {
        if groups[key]?[group] == nil { order[key, default: []].append(group) }
        change(&groups[key, default: [:]][group, default: Accumulator()])
    }

    /// The computed result of a planned analysis (insight left to the narrator).
    func result(_ item: AnalysisPlan.Item) -> TabularResult {
        let accumulators = groups[item.id] ?? [:]
        let names = (order[item.id] ?? []).sorted(by: Self.groupOrder)
        var stats: [GroupStat] = []
        var threshold: (Double, GroupStat, GroupStat)?
        switch item.definition.kind {
        case .rateBySegment:
            stats = names.map { name in
                let a = accumulators[name]!
                let interval = IssueRanking.wilson(a.flagged, a.n)
                return GroupStat(group: name, n: a.n, value: Double(a.flagged) / Double(max(a.n, 1)), low: interval.lowerBound, high: interval.upperBound)
            }
        case .distributionBySegment:
            stats = names.map { name in
                let a = accumulators[name]!
                func quantile(_ q: Double) -> Double { a.values.quantile(q) ?? 0 }
                return GroupStat(group: name, n: a.n, value: a.sum.value / Double(max(a.n, 1)),
                                 quartiles: GroupStat.Quartiles(min: quantile(0), q1: quantile(0.25), median: quantile(0.5),
                                                                q3: quantile(0.75), max: quantile(1)))
            }
        case .ratioBySegment:
            stats = names.map { name in
                let a = accumulators[name]!
                let sum = a.sum.value, sumB = a.sumB.value
                return GroupStat(group: name, n: a.n, value: sumB > 0 ? sum / sumB : 0,
                                 numerator: sum / Double(max(a.n, 1)), denominator: sumB / Double(max(a.n, 1)))
            }
        case .scoreVsFlag:
            let scores = accumulators.keys.compactMap(Double.init).sorted()
            stats = scores.map { score in
                let a = accumulators[String(score)]!
                let interval = IssueRanking.wilson(a.flagged, a.n)
                return GroupStat(group: Format.number(score, trimmed: true), n: a.n, value: Double(a.flagged) / Double(a.n), low: interval.lowerBound, high: interval.upperBound)
            }
            // The cut with the largest gap in the flag's rate between below and at-or-above.
            var best: (Double, Double, GroupStat, GroupStat)?
            for cut in scores.dropFirst() {
                let below = scores.filter { $0 < cut }.map { accumulators[String($0)]! }
                let above = scores.filter { $0 >= cut }.map { accumulators[String($0)]! }
                let nb = below.reduce(0) { $0 + $1.n }, kb = below.reduce(0) { $0 + $1.flagged }
                let na = above.reduce(0) { $0 + $1.n }, ka = above.reduce(0) { $0 + $1.flagged }
                let rb = Double(kb) / Double(nb), ra = Double(ka) / Double(na)
                let gap = rb - ra
                if best == nil || gap > best!.0 {
                    let ib = IssueRanking.wilson(kb, nb), ia = IssueRanking.wilson(ka, na)
                    best = (gap, cut, GroupStat(group: "below \(Format.number(cut, trimmed: true))", n: nb, value: rb, low: ib.lowerBound, high: ib.upperBound),
                            GroupStat(group: "\(Format.number(cut, trimmed: true)) or above", n: na, value: ra, low: ia.lowerBound, high: ia.upperBound))
                }
            }
            if let best, best.0 > 0 { threshold = (best.1, best.2, best.3) }
        case .unavailable:
            break
        }
        let segmentLabel = item.segmentName.map(TabularResult.label)
        return TabularResult(id: item.id, name: segmentLabel.map { "\(item.definition.name.replacingOccurrences(of: " by segment", with: "")) by \($0)" } ?? item.definition.name,
                             goal: item.goal, goalWords: item.words, kind: item.definition.kind, segment: item.segmentName,
                             unit: item.definition.unit, groups: stats, threshold: threshold,
                             smallGroups: stats.contains { $0.n < IssueRanking.smallSample }, chartKind: item.definition.chart,
                             numerator: item.definition.numerator, denominator: item.definition.denominator)
    }

    /// Groups in a natural order: by their leading number ("18-25" before "51+"), else by name.
    static func groupOrder(_ a: String, _ b: String) -> Bool {
        func lead(_ s: String) -> Double? { Double(s.prefix { $0.isNumber || $0 == "." }) }
        switch (lead(a), lead(b)) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a < b
        }
    }
}
