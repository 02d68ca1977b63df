import Foundation

extension Narrator {
    /// A tabular result's insight in the persona's tone and detail level: the headline, then
    /// (medium and high) the groups with their n, and the small-sample caution.
    public func narrate(_ result: TabularResult, persona: Persona) -> String {
        let tone = persona.detailLevel == .low && persona.tone == "concise" ? "concise" : persona.tone
        let section = result.kind.rawValue
        var facts: NarrationFacts = [.unit: FactValue(result.unit), .unitCap: FactValue(result.unit.prefix(1).uppercased() + result.unit.dropFirst()),
                                     .segment: FactValue(result.segmentLabel)]
        let isRate = result.kind == .rateBySegment || result.kind == .scoreVsFlag
        func value(_ x: Double) -> String { isRate ? Format.percent(x) : Format.number(x, trimmed: true) }
        facts[.groups] = FactValue(result.groups.map { "\($0.group) \(value($0.value)) (n=\($0.n))" }.joined(separator: ", "), count: result.groups.count)
        let ranked = result.kind == .scoreVsFlag ? [] : result.groups.sorted { $0.value > $1.value }
        if let high = ranked.first, let low = ranked.last, ranked.count > 1, high.value != low.value {
            // Groups tied at the bottom are named together ("26-35, 36-50 and 51+").
            let lows = result.groups.filter { $0.value == low.value }
            facts[.highest] = FactValue(high.group, count: 1)
            facts[.highValue] = FactValue(value(high.value))
            facts[.highN] = .number(high.n)
            facts[.lowest] = .list(lows.map(\.group))
            facts[.lowValue] = FactValue(value(low.value))
            facts[.lowN] = .number(lows.reduce(0) { $0 + $1.n })
            facts[.gap] = FactValue(isRate ? "\(Int(((high.value - low.value) * 100).rounded())) points" : Format.number(high.value - low.value, trimmed: true))
            if low.value > 0 { facts[.ratio] = FactValue(String(format: "%.1f", high.value / low.value)) }
            if let denominator = low.denominator, let role = result.denominator {
                facts[.lowDenominator] = FactValue(Format.number(denominator, trimmed: true))
                facts[.denominator] = FactValue(role.rawValue)
            }
        }
        var key = "headline"
        if result.kind == .scoreVsFlag {
            if let threshold = result.threshold {
                facts[.threshold] = FactValue(Format.number(threshold.score, trimmed: true))
                facts[.belowRate] = FactValue(Format.percent(threshold.below.value))
                facts[.belowN] = .number(threshold.below.n)
                facts[.aboveRate] = FactValue(Format.percent(threshold.above.value))
                facts[.aboveN] = .number(threshold.above.n)
            } else {
                key = "headline.none"
            }
        }
        var lines: [String] = []
        for tone in [tone, ""] {
            if let line = templates.template(section, key, tone: tone).flatMap({ NarrationTemplates.fill($0, facts) }) {
                lines.append(line)
                break
            }
        }
        if lines.isEmpty {
            lines.append("\(result.name): \(facts[.groups]?.text ?? "no data").")
        }
        if persona.detailLevel != .low {
            for bullet in templates.keys(section, prefix: "bullet.") {
                if let line = templates.template(section, bullet, tone: tone).flatMap({ NarrationTemplates.fill($0, facts) }) { lines.append("- " + line) }
            }
        }
        let sizes = (result.threshold.map { [$0.below, $0.above] } ?? result.groups).map(\.n)
        if result.smallGroups, let least = sizes.min(), let most = sizes.max(),
           let line = templates.template("analysis_caveats", "small_groups", tone: tone)
            .flatMap({ NarrationTemplates.fill($0, [.minN: .number(least), .maxN: .number(most)]) }) {
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
