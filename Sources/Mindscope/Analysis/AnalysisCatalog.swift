import MindscopeText

/// One analysis of tabular customer data (`lexicons/analyses.txt`).
public struct AnalysisDefinition: Sendable {
    public enum Kind: String, Sendable {
        /// Share of a flag (churned) per segment group, with Wilson intervals.
        case rateBySegment = "rate_by_segment"
        /// A count or amount per segment group: mean, median, quartiles.
        case distributionBySegment = "distribution_by_segment"
        /// Two measures side by side per group and their ratio (logins per transaction).
        case ratioBySegment = "ratio_by_segment"
        /// A score against a flag: the flag's rate per score, and the threshold below which it
        /// rises most.
        case scoreVsFlag = "score_vs_flag"
        /// A goal this version reads from no usual columns; `missing` says what it would need.
        case unavailable
    }

    public var id: String
    public var name: String
    public var kind: Kind
    /// The column roles it reads (`segment` for a segment column).
    public var needs: [ColumnRoles.Role]
    public var goals: [PhrasePattern]
    public var segments: [PhrasePattern]
    public var measure: ColumnRoles.Role?
    public var numerator: ColumnRoles.Role?
    public var denominator: ColumnRoles.Role?
    public var chart: ChartKind
    public var unit: String
    public var missing: [String]
}

/// How an analysis is drawn.
public enum ChartKind: String, Sendable, CaseIterable {
    case bar, box, histogram, line, strip
    case groupedBar = "grouped_bar"
}

/// The analyses, parsed and checked.
public struct AnalysisCatalog: Sendable {
    public var definitions: [AnalysisDefinition]

    public init(definitions: [AnalysisDefinition] = []) { self.definitions = definitions }

    public static func parse(_ contents: String, source: String) throws(LexiconError) -> Loaded<AnalysisCatalog> {
        let loaded = try KeyValueSections.parse(contents, source: source)
        var definitions: [AnalysisDefinition] = []
        for id in loaded.value.order {
            let entries = loaded.value[id]
            func value(_ key: String) -> (String, Int)? { entries.first { $0.key == key }.map { ($0.value, $0.line) } }
            func list(_ key: String) -> [String] {
                (value(key)?.0 ?? "").split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            }
            func patterns(_ key: String) throws(LexiconError) -> [PhrasePattern] {
                var result: [PhrasePattern] = []
                for cue in list(key) {
                    guard let pattern = PhrasePattern(cue, normalize: Tokenizer.lookupForm) else {
                        throw LexiconError(source: source, line: value(key)?.1 ?? 0, problem: .malformedLine("'\(cue)' is not a cue pattern"))
                    }
                    result.append(pattern)
                }
                return result
            }
            func role(_ key: String) throws(LexiconError) -> ColumnRoles.Role? {
                guard let (name, line) = value(key) else { return nil }
                guard let role = ColumnRoles.Role(rawValue: name), role.isMeasure else {
                    throw LexiconError(source: source, line: line, problem: .unknownValue(name, allowed: ["products", "logins", "transactions"]))
                }
                return role
            }
            guard let (kindName, kindLine) = value("kind") else {
                throw LexiconError(source: source, line: entries.first?.line ?? 0, problem: .malformedLine("[\(id)] needs a kind"))
            }
            var needs: [ColumnRoles.Role] = []
            for name in list("needs") {
                guard let role = ColumnRoles.Role(rawValue: name) else {
                    throw LexiconError(source: source, line: value("needs")?.1 ?? 0, problem: .unknownValue(name, allowed: ColumnRoles.Role.allCases.map(\.rawValue)))
                }
                needs.append(role)
            }
            var chart = ChartKind.bar
            if let (name, line) = value("chart") {
                guard let kind = ChartKind(rawValue: name) else {
                    throw LexiconError(source: source, line: line, problem: .unknownValue(name, allowed: ChartKind.allCases.map(\.rawValue)))
                }
                chart = kind
            }
            guard let kind = AnalysisDefinition.Kind(rawValue: kindName) else {
                throw LexiconError(source: source, line: kindLine, problem: .unknownValue(kindName, allowed: ["rate_by_segment", "distribution_by_segment", "ratio_by_segment", "score_vs_flag", "unavailable"]))
            }
            definitions.append(AnalysisDefinition(
                id: id, name: value("name")?.0 ?? id, kind: kind, needs: needs, goals: try patterns("goals"),
                segments: try patterns("segments"), measure: try role("measure"), numerator: try role("numerator"),
                denominator: try role("denominator"), chart: chart, unit: value("unit")?.0 ?? "",
                missing: value("missing").map { [$0.0] } ?? []))
        }
        return Loaded(value: AnalysisCatalog(definitions: definitions), warnings: loaded.warnings)
    }

    /// The goal cues as a topic catalog, to match persona statements.
    var goalCatalog: TopicCatalog {
        TopicCatalog(definitions.map { Topic(id: $0.id, name: $0.name, cues: $0.goals) })
    }
}
