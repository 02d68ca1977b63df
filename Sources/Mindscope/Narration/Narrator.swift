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
                  let line = templates.template("caveats", "small_sample", tone: tone).flatMap({ NarrationTemplates.fill($0, ["n_comments": Format.count(reading.comments, "comment")]) }) {
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

    /// Where the persona's issues concentrate: significant segment differences (a value whose
    /// comments complain more than the rest of its column), in the order the persona ranks the
    /// issues, the largest difference of each issue first.
    private func findings(_ reading: PersonaReading) -> [String] {
        var lines: [String] = []
        for issue in reading.issues {
            let higher = issue.segments.filter { $0.significant && $0.negativeShare > $0.rest }
                .sorted { $0.negativeShare - $0.rest > $1.negativeShare - $1.rest }
            guard let segment = higher.first else { continue }
            let facts = ["theme": issue.name, "share": Format.percent(segment.negativeShare), "value": segment.value,
                         "column": TabularResult.label(segment.column), "n": "\(segment.n)", "rest": Format.percent(segment.rest)]
            if let template = templates.template("findings", "segment", tone: reading.persona.tone),
               let line = NarrationTemplates.fill(template, facts) {
                lines.append((reading.persona.detailLevel == .low ? "" : "- ") + line)
            }
        }
        return Array(lines.prefix(Self.findingCount(reading.persona.detailLevel)))
    }

    /// The headline in the persona's tone, else the plain one, else the lens's fallback.
    private func headline(_ lens: Lens, _ facts: [String: String], tone: String) -> String? {
        let key = lens == .valuesAlignment ? "headline.\(facts["balance"] ?? "none")" : "headline"
        for (key, tone) in [(key, tone), (key, ""), ("headline.no_values", "")] {
            if let line = templates.template(lens.rawValue, key, tone: tone).flatMap({ NarrationTemplates.fill($0, facts) }) { return line }
        }
        return nil
    }

    private func caveats(_ reading: PersonaReading, _ currency: String?) -> [String] {
        var lines: [String] = []
        let tone = reading.persona.tone
        if reading.lowConfidence, let template = templates.template("caveats", "small_sample", tone: tone),
           let line = NarrationTemplates.fill(template, ["n_comments": Format.count(reading.comments, "comment")]) {
            lines.append(line)
        }
        let few = reading.issues.filter(\.fewMentions).map(\.name)
        if !few.isEmpty, !reading.lowConfidence, let template = templates.template("caveats", "few_mentions", tone: tone),
           let line = NarrationTemplates.fill(template, ["themes": Format.list(few), "few": "\(IssueRanking.fewMentions)"]) {
            lines.append(line)
        }
        for issue in reading.issues.prefix(3) {
            if let template = templates.template("caveats", "interval", tone: tone),
               let line = NarrationTemplates.fill(template, ["theme": issue.name, "share": Format.percent(issue.share),
                                                             "low": Format.percent(issue.shareInterval.lowerBound),
                                                             "high": Format.percent(issue.shareInterval.upperBound)]) {
                lines.append(line)
            }
        }
        return lines
    }

    // MARK: Facts

    /// The facts of a reading that ranks the themes a persona names (no lens matched).
    func namedFacts(_ reading: PersonaReading) -> [String: String] {
        var facts: [String: String] = ["n_comments": Format.count(reading.comments, "comment")]
        let complained = reading.issues.filter { $0.negative > 0 }
        if let top = complained.first {
            facts["top"] = top.name.lowercased()
            facts["top_negative"] = "\(top.negative)"
            facts["top_mentions"] = Format.count(top.mentions, "mention")
            facts["top_ids"] = Format.ids(top.evidence.filter { $0.sentiment < 0 })
        }
        facts["by_theme"] = complained.map { "\($0.name.lowercased()) \($0.negative) of \($0.mentions)" }.joined(separator: ", ")
        facts["named"] = Format.list(reading.themeWeights.map(\.theme))
        return facts.filter { !$0.value.isEmpty }
    }

    func facts(_ lens: Lens, _ reading: PersonaReading, _ aggregate: FeedbackAggregate, _ currency: String?) -> [String: String] {
        var facts: [String: String] = ["comments": "\(reading.comments)", "n_comments": Format.count(reading.comments, "comment")]
        let money = { (x: Double) in Format.money(x, currency) }
        switch lens {
        case .revenueRisk:
            let ranked = reading.issues.filter { ($0.revenueAtRisk ?? 0) > 0 }.sorted { $0.revenueAtRisk! > $1.revenueAtRisk! }
            let top = Array(ranked.prefix(Self.headlineThemes))
            // Sums of the amounts as shown (whole units), so a total is the sum of its parts.
            let shown = { (issue: RankedIssue) in (issue.revenueAtRisk ?? 0).rounded() }
            let total = ranked.reduce(0) { $0 + shown($1) }
            if !top.isEmpty {
                let amount = top.reduce(0) { $0 + shown($1) }
                facts["top"] = Format.list(top.map { $0.name.lowercased() })
                facts["put"] = top.count == 1 ? "puts" : "put"
                facts["account"] = top.count == 1 ? "accounts" : "account"
                facts["top_amount"] = money(amount)
                facts["total_amount"] = money(total)
                facts["top_share"] = Format.percent(amount / max(total, 1e-9))
                // Every part of the total: the first four by name, the rest together.
                facts["by_theme"] = ranked.prefix(4).map { "\($0.name.lowercased()) \(money(shown($0)))" }.joined(separator: ", ")
                    + (ranked.count > 4 ? ", \(Format.count(ranked.count - 4, "other theme")) \(money(ranked.dropFirst(4).reduce(0) { $0 + shown($1) }))" : "")
                if ranked.count > top.count {
                    facts["rest"] = ranked[top.count].name.lowercased()
                    facts["rest_amount"] = money(ranked[top.count].revenueAtRisk ?? 0)
                }
            }
            if aggregate.values.isEmpty {
                let byCustomers = reading.issues.filter { $0.customersAtRisk > 0 }.sorted { $0.customersAtRisk > $1.customersAtRisk }
                facts["by_theme_customers"] = byCustomers.prefix(4).map { "\($0.name.lowercased()) about \(Int($0.customersAtRisk.rounded()))" }.joined(separator: ", ")
                if facts["top"] == nil, !byCustomers.isEmpty {
                    let top = byCustomers.prefix(Self.headlineThemes)
                    facts["top"] = Format.list(top.map { $0.name.lowercased() })
                    facts["top_customers"] = "\(top.reduce(0) { $0 + Int($1.customersAtRisk.rounded()) })"
                }
            }
            facts["lost"] = Format.sortedByID(aggregate.churned).map { "#\($0.id)" + ($0.value.map { " (\(money($0)))" } ?? "") }.joined(separator: ", ")
                + (aggregate.churnCount > aggregate.churned.count ? ", …" : "")
            facts["lost_count"] = Format.count(aggregate.churnCount, "customer")
            facts["lost_amount"] = aggregate.values.isEmpty ? "" : money(aggregate.churnValue)
            if facts["lost_amount"]?.isEmpty ?? true { facts["lost_amount"] = "no order values" }
            if let threshold = aggregate.valueQuantile(0.75), threshold > 0 {
                facts["high_value_threshold"] = money(threshold)
                let high = aggregate.valuableComplaints.filter { ($0.value ?? 0) >= threshold && !$0.churnIntent }
                facts["high_value"] = high.map { "#\($0.id) (\(money($0.value ?? 0)), \"\($0.quote)\")" }.joined(separator: ", ")
            }
            if let median = aggregate.valueQuantile(0.5) {
                let low = aggregate.delighted.filter { ($0.value ?? .infinity) <= median }
                facts["delighted"] = low.map { "#\($0.id) (\(money($0.value ?? 0)))" }.joined(separator: ", ")
            }
        case .roadmapBlockers:
            let blockers = reading.issues.filter { ($0.lensScores[.roadmapBlockers] ?? 0) > 0 && $0.negative > 0 }
                .sorted { ($0.lensScores[.roadmapBlockers] ?? 0) * weight($0, reading) > ($1.lensScores[.roadmapBlockers] ?? 0) * weight($1, reading) }
            let top = Array(blockers.prefix(Self.headlineThemes))
            if !top.isEmpty {
                let covered = aggregate.commentsAddressed(by: Set(top.map(\.theme)))
                facts["k"] = "\(top.count)"
                facts["blockers"] = top.count == 1 ? "Top blocker" : "Top \(top.count) blockers"
                facts["them"] = top.count == 1 ? "it" : "them"
                facts["block"] = top.count == 1 ? "blocks" : "block"
                facts["top"] = Format.list(top.map { "\($0.name.lowercased()) (\(Format.ids($0.evidence.filter { $0.sentiment < 0 })))" })
                facts["covered"] = "\(covered)"
                facts["percent"] = Format.percent(Double(covered) / Double(max(reading.comments, 1)))
                facts["by_theme"] = blockers.prefix(5).map { "\($0.name.lowercased()) \(Format.number($0.lensScores[.roadmapBlockers] ?? 0))" }.joined(separator: ", ")
            }
            let implicit = blockers.compactMap { issue in issue.request.map { "\($0) (\(Format.ids(issue.evidence.filter { $0.sentiment < 0 })))" } }
            facts["implicit"] = implicit.prefix(3).joined(separator: "; ")
            facts["explicit"] = aggregate.requests.map { "\"\($0.quote)\" (#\($0.id))" }.joined(separator: "; ")
        case .valuesAlignment:
            let values = reading.issues.filter { ($0.lensScores[.valuesAlignment] ?? 0) > 0 }
            let praised = values.filter { $0.positive > 0 }
            let questioned = values.filter { $0.negative > 0 }
            let praiseEvidence = praised.flatMap { $0.evidence.filter { $0.sentiment > 0 } }
            let riskEvidence = questioned.flatMap { $0.evidence.filter { $0.sentiment < 0 } }
            let praiseCount = aggregate.valuesPraiseComments, riskCount = aggregate.valuesRiskComments
            facts["praise_count"] = "\(praiseCount)"
            facts["risk_count"] = "\(riskCount)"
            facts["it"] = praised.count == 1 ? "it" : "them"
            facts["praise_ids"] = Format.ids(praiseEvidence)
            facts["risk_ids"] = Format.ids(riskEvidence)
            facts["praised"] = Format.list(praised.map { $0.name.lowercased() })
            facts["questioned"] = Format.list(questioned.map { $0.name.lowercased() })
            facts["praise_quotes"] = Format.quotes(praiseEvidence)
            facts["risk_quotes"] = Format.quotes(riskEvidence)
            facts["greenwashing"] = Format.list(values.filter(\.greenwashingRisk).map { "\($0.name.lowercased()) (\(Format.ids($0.evidence.filter { $0.sentiment < 0 })))" })
            facts["balance"] = praiseCount == 0 && riskCount == 0 ? "none"
                : riskCount == 0 ? "all_praise" : praiseCount == 0 ? "all_risk"
                : praiseCount > riskCount ? "more_praise" : praiseCount == riskCount ? "even" : "more_risk"
        }
        return facts.filter { !$0.value.isEmpty }
    }

    private func weight(_ issue: RankedIssue, _ reading: PersonaReading) -> Double {
        reading.themeWeights.first { $0.theme == issue.theme }?.weight ?? 1
    }
}

/// Number formatting for insights.
enum Format {
    static func money(_ x: Double, _ currency: String?) -> String {
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

    static func percent(_ x: Double) -> String { x.isFinite ? "\(Int((x * 100).rounded()))%" : "–" }

    static func number(_ x: Double) -> String { String(format: "%.2f", x) }

    /// "6", "6.5": a whole number without decimals.
    static func number(_ x: Double, trimmed: Bool) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(format: "%.2f", x)
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// Up to three distinct quotes with their ids.
    static func quotes(_ evidence: [Evidence]) -> String {
        var seen: [String] = []
        for item in evidence {
            let quote = "\"\(item.quote)\" (#\(item.id))"
            if !seen.contains(quote) { seen.append(quote) }
        }
        return seen.prefix(3).joined(separator: "; ")
    }

    static func ids(_ evidence: [Evidence]) -> String {
        var seen: [String] = []
        for item in sortedByID(evidence) where !seen.contains(item.id) { seen.append(item.id) }
        // Three ids are enough to look up; the counts say how many there are.
        return seen.prefix(3).map { "#\($0)" }.joined(separator: ", ") + (seen.count > 3 ? ", …" : "")
    }

    /// Evidence in id order, numbers by value ("#9" before "#10").
    static func sortedByID(_ evidence: [Evidence]) -> [Evidence] {
        evidence.sorted { a, b in
            if let x = Double(a.id), let y = Double(b.id), x != y { return x < y }
            return a.id < b.id
        }
    }

    /// "1 comment", "5 comments".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
