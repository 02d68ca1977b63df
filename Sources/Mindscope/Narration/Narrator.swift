import Foundation

/// Phrases a persona's reading with the templates: the facts come from the aggregate and the
/// ranked issues; the words from `lexicons/narration.txt`, in the persona's tone.
///
/// Detail levels: low, the headline of the persona's main lens; medium, a headline per lens
/// and the bullets with numbers; high, all of that plus the ranked issues with quotes and the
/// caveats (sample size, intervals).
public struct Narrator: Sendable {
    public var templates: NarrationTemplates
    /// How many top themes a headline names.
    public static let headlineThemes = 2
    /// At medium detail, lenses weighing less than this are left to the issue list.
    public static let mediumLensWeight = 0.5

    public init(templates: NarrationTemplates) { self.templates = templates }

    public func narrate(_ reading: PersonaReading, aggregate: FeedbackAggregate, currency: String?) -> String {
        let tone = reading.persona.tone
        var lines: [String] = []
        let lenses: [LensWeight]
        switch reading.persona.detailLevel {
        case .low: lenses = Array(reading.lenses.prefix(1))
        case .medium: lenses = reading.lenses.filter { $0.weight >= Self.mediumLensWeight }
        case .high: lenses = reading.lenses
        }
        if reading.namedThemesOnly {
            let facts = namedFacts(reading)
            for key in ["headline"] + (reading.persona.detailLevel == .low ? [] : templates.keys("named_themes", prefix: "bullet.")) {
                if let template = templates.template("named_themes", key, tone: tone), let line = NarrationTemplates.fill(template, facts) {
                    lines.append(key == "headline" ? line : "- " + line)
                }
            }
        }
        for weight in lenses {
            let facts = self.facts(weight.lens, reading, aggregate, currency)
            if let headline = headline(weight.lens, facts, tone: tone) { lines.append(headline) }
            guard reading.persona.detailLevel != .low else { continue }
            for key in templates.keys(weight.lens.rawValue, prefix: "bullet.") {
                if let template = templates.template(weight.lens.rawValue, key, tone: tone),
                   let line = NarrationTemplates.fill(template, facts) {
                    lines.append("- " + line)
                }
            }
        }
        lines += findings(reading)
        if reading.persona.detailLevel == .high || (reading.persona.detailLevel == .medium && tone == "trustworthy") {
            lines += caveats(reading, currency)
        } else if reading.lowConfidence, reading.persona.detailLevel == .medium,
                  let line = templates.template("caveats", "small_sample", tone: tone).flatMap({ NarrationTemplates.fill($0, [.comments: .number(reading.comments)]) }) {
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// How many segment and trend findings a detail level narrates.
    static func findingCount(_ level: Persona.DetailLevel) -> Int {
        switch level {
        case .low: 1
        case .medium: 3
        case .high: 5
        }
    }

    /// What is rising and where the persona's issues concentrate: emerging issues (the last
    /// period's complaints significantly above the earlier periods'), then significant segment
    /// differences (a value whose comments complain more than the rest of its column), each in
    /// the order the persona ranks the issues, the largest difference of each issue first.
    private func findings(_ reading: PersonaReading) -> [String] {
        let prefix = reading.persona.detailLevel == .low ? "" : "- "
        func say(_ key: String, _ facts: NarrationFacts) -> String? {
            templates.template("findings", key, tone: reading.persona.tone).flatMap { NarrationTemplates.fill($0, facts) }.map { prefix + $0 }
        }
        // Emerging issues first, in the persona's order: what is getting worse now.
        let rising = reading.issues.compactMap { issue -> String? in
            guard let trend = issue.trend, trend.emerging, let now = trend.points.last else { return nil }
            return say("trend", [.theme: FactValue(issue.name), .to: FactValue(Format.percent(now.share)),
                                 .from: FactValue(Format.percent(trend.earlierShare)), .period: FactValue(CivilDate.spoken(trend.last, trend.period)),
                                 .n: .number(now.n),
                                 .periods: FactValue(Format.count(trend.points.count - 1, trend.period.rawValue), count: trend.points.count - 1)])
        }
        // Then concentrations, the most excess complaints first ((share − rest) × n): one per
        // issue, its largest.
        let concentrated = reading.issues.compactMap { issue -> (excess: Double, line: String)? in
            let excess = { (s: SegmentDifference) in (s.negativeShare - s.rest) * Double(s.n) }
            guard let segment = issue.segments.filter({ $0.significant && $0.negativeShare > $0.rest }).max(by: { excess($0) < excess($1) }),
                  let line = say("segment", [.theme: FactValue(issue.name), .share: FactValue(Format.percent(segment.negativeShare)),
                                             .value: FactValue(segment.value), .column: FactValue(TabularResult.label(segment.column)),
                                             .n: .number(segment.n), .rest: FactValue(Format.percent(segment.rest))]) else { return nil }
            return (excess(segment), line)
        }.sorted { $0.excess > $1.excess }.map(\.line)
        let count = Self.findingCount(reading.persona.detailLevel)
        // Where there is room for more than one line, a concentration keeps at least one.
        let keep = count > 1 && !concentrated.isEmpty ? min(rising.count, count - 1) : min(rising.count, count)
        return Array(rising.prefix(keep)) + Array(concentrated.prefix(count - keep))
    }

    /// The headline in the persona's tone, else the plain one, else the lens's fallback.
    private func headline(_ lens: Lens, _ facts: NarrationFacts, tone: String) -> String? {
        let key = lens == .valuesAlignment ? "headline.\(Self.balance(facts))" : "headline"
        for (key, tone) in [(key, tone), (key, ""), ("headline.no_values", "")] {
            if let line = templates.template(lens.rawValue, key, tone: tone).flatMap({ NarrationTemplates.fill($0, facts) }) { return line }
        }
        return nil
    }

    private func caveats(_ reading: PersonaReading, _ currency: String?) -> [String] {
        var lines: [String] = []
        let tone = reading.persona.tone
        if reading.lowConfidence, let template = templates.template("caveats", "small_sample", tone: tone),
           let line = NarrationTemplates.fill(template, [.comments: .number(reading.comments)]) {
            lines.append(line)
        }
        let few = reading.issues.filter(\.fewMentions).map(\.name)
        if !few.isEmpty, !reading.lowConfidence, let template = templates.template("caveats", "few_mentions", tone: tone),
           let line = NarrationTemplates.fill(template, [.themes: .list(few), .few: .number(IssueRanking.fewMentions)]) {
            lines.append(line)
        }
        for issue in reading.issues.prefix(3) {
            if let template = templates.template("caveats", "interval", tone: tone),
               let line = NarrationTemplates.fill(template, [.theme: FactValue(issue.name), .share: FactValue(Format.percent(issue.share)),
                                                             .low: FactValue(Format.percent(issue.shareInterval.lowerBound)),
                                                             .high: FactValue(Format.percent(issue.shareInterval.upperBound))]) {
                lines.append(line)
            }
        }
        return lines
    }

    // MARK: Facts

    /// The facts of a reading that ranks the themes a persona names (no lens matched).
    func namedFacts(_ reading: PersonaReading) -> NarrationFacts {
        var facts: NarrationFacts = [.comments: .number(reading.comments)]
        let complained = reading.issues.filter { $0.negative > 0 }
        if let top = complained.max(by: { $0.negative < $1.negative || ($0.negative == $1.negative && $0.rank > $1.rank) }) {
            facts[.top] = FactValue(top.name.lowercased(), count: 1)
            facts[.topNegative] = .number(top.negative)
            facts[.topMentions] = .number(top.mentions)
            facts[.topIDs] = FactValue(Format.ids(top.evidence.filter { $0.sentiment < 0 }))
        }
        facts[.byTheme] = .list(complained.map { "\($0.name.lowercased()) \($0.negative) of \($0.mentions)" })
        facts[.named] = .list(reading.themeWeights.map(\.theme))
        return facts
    }

    func facts(_ lens: Lens, _ reading: PersonaReading, _ aggregate: FeedbackAggregate, _ currency: String?) -> NarrationFacts {
        var facts: NarrationFacts = [.comments: .number(reading.comments)]
        let money = { (x: Double) in FactValue(Format.money(x, currency)) }
        /// Items joined as a list ("a, b and c"), counted.
        func joined(_ items: [String], _ separator: String = ", ") -> FactValue { FactValue(items.joined(separator: separator), count: items.count) }
        switch lens {
        case .revenueRisk:
            let ranked = reading.issues.filter { ($0.revenueAtRisk ?? 0) > 0 }.sorted { $0.revenueAtRisk! > $1.revenueAtRisk! }
            let top = Array(ranked.prefix(Self.headlineThemes))
            // Sums of the amounts as shown (whole units), so a total is the sum of its parts.
            let shown = { (issue: RankedIssue) in (issue.revenueAtRisk ?? 0).rounded() }
            let total = ranked.reduce(0) { $0 + shown($1) }
            if !top.isEmpty {
                let amount = top.reduce(0) { $0 + shown($1) }
                facts[.top] = .list(top.map { $0.name.lowercased() })
                facts[.topAmount] = money(amount)
                facts[.totalAmount] = money(total)
                facts[.topShare] = FactValue(Format.percent(amount / max(total, 1e-9)))
                // Every part of the total: the first four by name, the rest together.
                facts[.byTheme] = joined(ranked.prefix(4).map { "\($0.name.lowercased()) \(Format.money(shown($0), currency))" }
                    + (ranked.count > 4 ? ["\(Format.count(ranked.count - 4, "other theme")) \(Format.money(ranked.dropFirst(4).reduce(0) { $0 + shown($1) }, currency))"] : []))
                if ranked.count > top.count {
                    facts[.rest] = FactValue(ranked[top.count].name.lowercased(), count: 1)
                    facts[.restAmount] = money(shown(ranked[top.count]))
                }
            }
            if !aggregate.hasValues {
                let byCustomers = reading.issues.filter { $0.customersAtRisk > 0 }.sorted { $0.customersAtRisk > $1.customersAtRisk }
                facts[.byThemeCustomers] = joined(byCustomers.prefix(4).map { "\($0.name.lowercased()) about \(Int($0.customersAtRisk.rounded()))" })
                if facts[.top] == nil, !byCustomers.isEmpty {
                    let top = byCustomers.prefix(Self.headlineThemes)
                    facts[.top] = .list(top.map { $0.name.lowercased() })
                    facts[.topCustomers] = .number(top.reduce(0) { $0 + Int($1.customersAtRisk.rounded()) })
                }
            }
            facts[.lost] = FactValue(Format.sortedByID(aggregate.churned).map { "#\($0.reference)" + ($0.value.map { " (\(Format.money($0, currency)))" } ?? "") }.joined(separator: ", ")
                + (aggregate.churnCount > aggregate.churned.count ? ", …" : ""))
            facts[.lostCount] = .number(aggregate.churnCount)
            facts[.lostAmount] = !aggregate.hasValues ? "no order values" : money(aggregate.churnValue)
            if let threshold = aggregate.valueQuantile(0.75), threshold > 0 {
                facts[.highValueThreshold] = money(threshold)
                let high = aggregate.valuableComplaints.filter { ($0.value ?? 0) >= threshold && !$0.churnIntent }
                facts[.highValue] = joined(high.map { "#\($0.reference) (\(Format.money($0.value ?? 0, currency)), \"\($0.quote)\")" })
            }
            if let median = aggregate.valueQuantile(0.5) {
                let low = aggregate.delighted.filter { ($0.value ?? .infinity) <= median }
                facts[.delighted] = joined(low.map { "#\($0.reference) (\(Format.money($0.value ?? 0, currency)))" })
            }
        case .roadmapBlockers:
            let blockers = reading.issues.filter { ($0.lensScores[.roadmapBlockers] ?? 0) > 0 && $0.negative > 0 }
                .sorted { ($0.lensScores[.roadmapBlockers] ?? 0) * weight($0, reading) > ($1.lensScores[.roadmapBlockers] ?? 0) * weight($1, reading) }
            let top = Array(blockers.prefix(Self.headlineThemes))
            if !top.isEmpty {
                let covered = aggregate.commentsAddressed(by: Set(top.map(\.theme)))
                facts[.top] = .list(top.map { "\($0.name.lowercased()) (\(Format.ids($0.evidence.filter { $0.sentiment < 0 })))" })
                facts[.covered] = .number(covered)
                facts[.percent] = FactValue(Format.percent(Double(covered) / Double(max(reading.comments, 1))))
                let bySeverity = blockers.sorted { ($0.lensScores[.roadmapBlockers] ?? 0) > ($1.lensScores[.roadmapBlockers] ?? 0) }
                facts[.byTheme] = joined(bySeverity.prefix(5).map { "\($0.name.lowercased()) \(Format.number($0.lensScores[.roadmapBlockers] ?? 0))" })
                facts[.requests] = .number(aggregate.requestCount)
                // "Fix before new features" is said only when the complaints it would fix
                // outnumber what customers explicitly asked for.
                if covered > aggregate.requestCount { facts[.beforeFeatures] = .number(aggregate.requestCount) }
            }
            let implicit = blockers.compactMap { issue in issue.request.map { "\($0) (\(Format.ids(issue.evidence.filter { $0.sentiment < 0 })))" } }
            facts[.implicit] = joined(Array(implicit.prefix(3)), "; ")
            facts[.explicit] = joined(aggregate.requests.map { "\"\($0.quote)\" (#\($0.reference))" }, "; ")
        case .valuesAlignment:
            let values = reading.issues.filter { ($0.lensScores[.valuesAlignment] ?? 0) > 0 }
            let praised = values.filter { $0.positive > 0 }
            let questioned = values.filter { $0.negative > 0 }
            let praiseEvidence = praised.flatMap { $0.evidence.filter { $0.sentiment > 0 } }
            let riskEvidence = questioned.flatMap { $0.evidence.filter { $0.sentiment < 0 } }
            facts[.praiseCount] = .number(aggregate.valuesPraiseComments)
            facts[.riskCount] = .number(aggregate.valuesRiskComments)
            facts[.praiseIDs] = FactValue(Format.ids(praiseEvidence))
            facts[.riskIDs] = FactValue(Format.ids(riskEvidence))
            facts[.praised] = .list(praised.map { $0.name.lowercased() })
            facts[.questioned] = .list(questioned.map { $0.name.lowercased() })
            facts[.praiseQuotes] = FactValue(Format.quotes(praiseEvidence))
            facts[.riskQuotes] = FactValue(Format.quotes(riskEvidence))
            facts[.greenwashing] = .list(values.filter(\.greenwashingRisk).map { "\($0.name.lowercased()) (\(Format.ids($0.evidence.filter { $0.sentiment < 0 })))" })
        }
        return facts.filter { !$0.value.text.isEmpty }
    }

    /// Which values headline fits: the balance of comments praising and questioning.
    static func balance(_ facts: NarrationFacts) -> String {
        let praise = facts[.praiseCount]?.count ?? 0, risk = facts[.riskCount]?.count ?? 0
        return praise == 0 && risk == 0 ? "none" : risk == 0 ? "all_praise" : praise == 0 ? "all_risk"
            : praise > risk ? "more_praise" : praise == risk ? "even" : "more_risk"
    }

    private func weight(_ issue: RankedIssue, _ reading: PersonaReading) -> Double {
        reading.themeWeights.first { $0.theme == issue.theme }?.weight ?? 1
    }
}

/// Number formatting for insights and reports: one format per kind of number.
public enum Format {
    public static func money(_ x: Double, _ currency: String?) -> String {
        guard x.isFinite, abs(x) < 1e15 else { return (currency ?? "") + String(format: "%.3g", x) }
        let rounded = Int64(x.rounded())
        let digits = String(abs(rounded))
        var grouped = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        let number = (rounded < 0 ? "-" : "") + String(grouped.reversed())
        guard let currency else { return number }
        return currency.count == 1 ? currency + number : "\(number) \(currency)"
    }

    public static func percent(_ x: Double) -> String { x.isFinite && abs(x) < 1e13 ? "\(Int((x * 100).rounded()))%" : "–" }

    public static func number(_ x: Double) -> String { String(format: "%.2f", x) }

    /// "6", "6.5": a whole number without decimals.
    public static func number(_ x: Double, trimmed: Bool) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(format: "%.2f", x)
    }

    /// "a", "a and b", "a, b and c".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// Up to three distinct quotes with their ids.
    public static func quotes(_ evidence: [Evidence]) -> String {
        var seen: [String] = []
        for item in evidence {
            let quote = "\"\(item.quote)\" (#\(item.reference))"
            if !seen.contains(quote) { seen.append(quote) }
        }
        return seen.prefix(3).joined(separator: "; ")
    }

    public static func ids(_ evidence: [Evidence]) -> String {
        var seen: [String] = []
        for item in sortedByID(evidence) where !seen.contains(item.reference) { seen.append(item.reference) }
        // Three ids are enough to look up; the counts say how many there are.
        return seen.prefix(3).map { "#\($0)" }.joined(separator: ", ") + (seen.count > 3 ? ", …" : "")
    }

    /// Evidence in id order, numbers by value ("#9" before "#10").
    public static func sortedByID(_ evidence: [Evidence]) -> [Evidence] {
        evidence.sorted { a, b in
            if let x = Double(a.id), let y = Double(b.id), x != y { return x < y }
            return a.id < b.id
        }
    }

    /// "1 comment", "5 comments".
    public static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
