import Foundation

extension Narrator {
    /// A tabular result's insight in the persona's tone and detail level: the headline, then
    /// (medium and high) the groups with their n, and the small-sample caution.
    public func narrate(_ result: TabularResult, persona: Persona) -> String {
        let tone = persona.detailLevel == .low && persona.tone == "concise" ? "concise" : persona.tone
        let section = result.kind.rawValue
        var facts: [String: String] = ["unit": result.unit, "unit_cap": result.unit.prefix(1).uppercased() + result.unit.dropFirst(),
                                       "segment": result.segmentLabel]
        let isRate = result.kind == .rateBySegment || result.kind == .scoreVsFlag
        func value(_ x: Double) -> String { isRate ? Format.percent(x) : Format.number(x, trimmed: true) }
        facts["groups"] = result.groups.map { "\($0.group) \(value($0.value)) (n=\($0.n))" }.joined(separator: ", ")
        let ranked = result.kind == .scoreVsFlag ? [] : result.groups.sorted { $0.value > $1.value }
        if let high = ranked.first, let low = ranked.last, ranked.count > 1, high.value != low.value {
            // Groups tied at the bottom are named together ("26-35, 36-50 and 51+").
            let lows = result.groups.filter { $0.value == low.value }
            facts["highest"] = high.group
            facts["high_value"] = value(high.value)
            facts["high_n"] = "\(high.n)"
            facts["lowest"] = Format.list(lows.map(\.group))
            facts["low_value"] = value(low.value)
            facts["low_n"] = "\(lows.reduce(0) { $0 + $1.n })"
            facts["gap"] = isRate ? "\(Int(((high.value - low.value) * 100).rounded())) points" : Format.number(high.value - low.value, trimmed: true)
            if let denominator = low.extra["denominator"] { facts["low_denominator"] = Format.number(denominator, trimmed: true) }
        }
        var key = "headline"
        if result.kind == .scoreVsFlag {
            if let threshold = result.threshold {
                facts["threshold"] = Format.number(threshold.score, trimmed: true)
                facts["below_rate"] = Format.percent(threshold.below.value)
                facts["below_n"] = "\(threshold.below.n)"
                facts["above_rate"] = Format.percent(threshold.above.value)
                facts["above_n"] = "\(threshold.above.n)"
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
            lines.append("\(result.name): \(facts["groups"] ?? "no data").")
        }
        if persona.detailLevel != .low {
            for bullet in templates.keys(section, prefix: "bullet.") {
                if let line = templates.template(section, bullet, tone: tone).flatMap({ NarrationTemplates.fill($0, facts) }) { lines.append("- " + line) }
            }
        }
        let sizes = (result.threshold.map { [$0.below, $0.above] } ?? result.groups).map(\.n)
        if result.smallGroups, let least = sizes.min(), let most = sizes.max(),
           let line = templates.template("analysis_caveats", "small_groups", tone: tone)
            .flatMap({ NarrationTemplates.fill($0, ["min_n": "\(least)", "max_n": "\(most)"]) }) {
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
