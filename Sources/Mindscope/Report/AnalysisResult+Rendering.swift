import Foundation

/// How `analyze` prints.
public enum AnalysisFormat: String, Sendable, CaseIterable { case text, markdown, json }

extension AnalysisResult {
    public func rendered(_ format: AnalysisFormat) -> String {
        switch format {
        case .text: text
        case .markdown: markdown
        case .json: json.text
        }
    }

    private func money(_ x: Double?) -> String? { x.map { Format.money($0, currency) } }

    /// How many issues each detail level lists.
    public static func issueCount(_ level: Persona.DetailLevel) -> Int {
        switch level {
        case .low: 3
        case .medium: 5
        case .high: .max
        }
    }

    private func summaryLine(_ issue: RankedIssue) -> String {
        var parts = ["score \(Format.number(issue.score))",
                     "\(issue.mentions) of \(aggregate.comments) comments (\(Format.percent(issue.share)), 95% CI \(Format.percent(issue.shareInterval.lowerBound))–\(Format.percent(issue.shareInterval.upperBound)))",
                     "\(issue.negative) negative"]
        if let rating = issue.averageRating { parts.append("avg rating \(String(format: "%.1f", rating))") }
        if let impact = issue.impact {
            parts.append("rated \(String(format: "%.1f", impact.averageRatingWith)) by those complaining vs \(String(format: "%.1f", impact.averageRatingWithout)) by the rest, "
                         + "resolving them: \(String(format: "%+.2f", impact.liftIfResolved)) (95% CI \(String(format: "%+.2f", impact.interval.lowerBound))–\(String(format: "%+.2f", impact.interval.upperBound)))")
            if let with = impact.npsWith, let without = impact.npsWithout {
                parts.append("NPS \(String(format: "%+.0f", with)) with a complaint vs \(String(format: "%+.0f", without))")
            }
        }
        if let risk = issue.revenueAtRisk, risk > 0 { parts.append("\(money(risk)!) at risk") }
        if let lost = issue.revenueLost, lost > 0 { parts.append("\(money(lost)!) lost") }
        if issue.greenwashingRisk { parts.append("greenwashing risk") }
        if let request = issue.request { parts.append("implicit request: \(request)") }
        if issue.fewMentions { parts.append("few mentions") }
        if let trend = issue.trend, trend.emerging { parts.append("emerging: \(trend.why)") }
        for segment in issue.segments where segment.significant {
            parts.append("\(segment.column) \(segment.value): \(Format.percent(segment.negativeShare)) complain (n=\(segment.n)) vs \(Format.percent(segment.rest)) elsewhere")
        }
        return parts.joined(separator: " · ")
    }

    private func quote(_ evidence: Evidence) -> String {
        "#\(evidence.reference) \"\(evidence.quote)\" (\(String(format: "%+.2f", evidence.sentiment))" + (money(evidence.value).map { ", \($0)" } ?? "") + ")"
    }

    // MARK: Text

    /// "retail, food" or "general", for the domain line.
    public var domainPacks: String { domain.packs.isEmpty ? "general themes" : domain.packs.joined(separator: ", ") }

    /// "19 comments (8%), 12 negative; average rating 1.8 (3.2 without)".
    public static func uncoveredLine(_ topic: UncoveredTopic) -> String {
        "\(topic.comments) comments (\(Format.percent(topic.share))), \(topic.negative) negative"
            + (topic.averageRating.map { "; average rating \(String(format: "%.1f", $0))" + (topic.averageRatingWithout.map { " (\(String(format: "%.1f", $0)) without)" } ?? "") } ?? "")
    }

    /// What learning did, in one line.
    var learnedLine: String? {
        learned.map { "learning: \($0.origin); learned phrases moved the score of \($0.comments) of \(aggregate.comments) comments" }
    }

    public var text: String {
        var out = domain.why.isEmpty ? "" : "themes: \(domainPacks) (\(domain.why))\n"
        if let learnedLine { out += learnedLine + "\n" }
        for notice in notices { out += "note: \(notice)\n" }
        if !uncovered.isEmpty {
            out += "not covered by your themes (topics found in the comments; 'mindscope themes discover' writes them as a themes file):\n"
            for topic in uncovered {
                out += "  \(topic.name): \(Self.uncoveredLine(topic)); cues \(topic.cues.prefix(6).joined(separator: ", "))\n"
                for evidence in topic.evidence.prefix(2) { out += "     \(quote(evidence))\n" }
            }
        }
        for reading in readings {
            let persona = reading.persona
            out += (out.isEmpty ? "" : "\n") + "\(persona.name) (\(persona.id)): \(persona.tone) tone, \(persona.detailLevel.rawValue) detail\n"
            if let why = reading.unserved {
                out += "  not served: \(why)\n"
                for goal in reading.unanswered { out += "  '\(goal.goal)' \(goal.explanation)\n" }
                continue
            }
            if !reading.issues.isEmpty {
                out += "lenses:\n"
                for lens in reading.lenses { out += "  \(lens.lens.name) \(Format.number(lens.weight)): \(lens.why)\n" }
                if reading.namedThemesOnly {
                    out += "  none matches its goals and pain points; the themes they name, ranked by complaints:\n"
                    for theme in reading.themeWeights { out += "  \(theme.theme): \(theme.why)\n" }
                } else {
                    for theme in reading.themeWeights { out += "  emphasis on \(theme.theme) ×\(Format.number(theme.weight)): \(theme.why)\n" }
                }
                out += "insight:\n" + reading.insight.split(separator: "\n").map { "  \($0)\n" }.joined()
                out += "top issues:\n"
                for issue in reading.issues.prefix(Self.issueCount(persona.detailLevel)) {
                    out += "  \(issue.rank). \(issue.name): \(summaryLine(issue))\n"
                    let quotes = persona.detailLevel == .high ? issue.evidence : Array(issue.evidence.prefix(2))
                    for evidence in quotes { out += "     \(quote(evidence))\n" }
                }
                out += "confidence: \(reading.lowConfidence ? "low" : "ok"), \(reading.comments) comments\n"
            }
            if !reading.analyses.isEmpty { out += "analyses:\n" }
            for analysis in reading.analyses {
                out += "  \(analysis.name) [\(analysis.id)], chosen by goal '\(analysis.goal)' (\(analysis.goalWords.joined(separator: ", ")))\n"
                out += analysis.insight.split(separator: "\n").map { "    \($0)\n" }.joined()
                if let chartFolder { out += "    chart: \(Self.chartPath(folder: chartFolder, persona: persona, analysis: analysis))\n" }
            }
            if !reading.unanswered.isEmpty { out += "goals the data cannot answer:\n" }
            for goal in reading.unanswered {
                out += "  '\(goal.goal)' \(goal.explanation)\n"
            }
        }
        for (persona, why) in skipped { out += (out.isEmpty ? "" : "\n") + "\(persona.name) (\(persona.id)): not shown, \(why)\n" }
        return out
    }

    // MARK: Markdown

    public var markdown: String {
        let md = Self.markdownEscaped
        var out = "# Feedback read by persona\n\n`\(path.replacingOccurrences(of: "`", with: "'"))`\n"
        if !domain.why.isEmpty { out += "\nThemes: \(md(domainPacks)) (\(md(domain.why))).\n" }
        if let learnedLine { out += "\n\(md(learnedLine)).\n" }
        for notice in notices { out += "\n> Note: \(md(notice)).\n" }
        if !uncovered.isEmpty {
            out += "\n## Not covered by your themes\n\n"
            for topic in uncovered {
                let quotes = topic.evidence.prefix(2).map { "#\(md($0.reference)) “\(md($0.quote))”" }.joined(separator: "; ")
                out += "- **\(md(topic.name))**: \(md(Self.uncoveredLine(topic)))" + (quotes.isEmpty ? "" : ". \(quotes)") + "\n"
            }
        }
        for reading in readings {
            let persona = reading.persona
            out += "\n## \(md(persona.name))\n\n*\(md(persona.tone)) tone, \(persona.detailLevel.rawValue) detail*\n\n"
            if let why = reading.unserved {
                out += "Not served: \(md(why)).\n"
                for goal in reading.unanswered { out += "\n> Cannot answer “\(md(goal.goal))”: \(md(goal.explanation)).\n" }
                continue
            }
            for analysis in reading.analyses {
                out += "### \(md(analysis.name))\n\n*Chosen by goal “\(md(analysis.goal))”"
                if let chartFolder { out += "; chart `\(Self.chartPath(folder: chartFolder, persona: persona, analysis: analysis))`" }
                out += ".*\n\n" + Self.markdownBlocks(analysis.insight)
            }
            for goal in reading.unanswered {
                out += "> Cannot answer “\(md(goal.goal))”: \(md(goal.explanation)).\n\n"
            }
            guard !reading.issues.isEmpty else { continue }
            out += Self.markdownBlocks(reading.insight)
            out += "| # | issue | score | mentions | negative | share (95% CI) | avg rating | at risk | evidence |\n|---|---|---|---|---|---|---|---|---|\n"
            for issue in reading.issues.prefix(Self.issueCount(persona.detailLevel)) {
                let share = "\(Format.percent(issue.share)) (\(Format.percent(issue.shareInterval.lowerBound))–\(Format.percent(issue.shareInterval.upperBound)))"
                let evidence = issue.evidence.prefix(2).map { "#\(md($0.reference)) “\(md($0.quote))”" }.joined(separator: "; ")
                out += "| \(issue.rank) | \(md(issue.name))\(issue.greenwashingRisk ? " ⚠ greenwashing" : "") | \(Format.number(issue.score)) | \(issue.mentions) | \(issue.negative) | \(share) | \(issue.averageRating.map { String(format: "%.1f", $0) } ?? "–") | \(md(money(issue.revenueAtRisk) ?? "–")) | \(evidence) |\n"
            }
            out += "\nLenses: " + reading.lenses.map { "\($0.lens.name) \(Format.number($0.weight)) (\(md($0.why)))" }.joined(separator: "; ") + "\n"
            if reading.lowConfidence { out += "\n> Low confidence: \(reading.comments) comments.\n" }
        }
        for (persona, why) in skipped { out += "\n*\(md(persona.name))*: not shown, \(md(why)).\n" }
        return out
    }

    /// Plain text as Markdown blocks: runs of `- ` lines as a list, other lines as paragraphs,
    /// each block followed by a blank line (text right after a list would join its last item).
    static func markdownBlocks(_ text: String) -> String {
        var out = ""
        var inList = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let isItem = line.hasPrefix("- ")
            if inList && !isItem { out += "\n" }
            out += isItem ? "- \(markdownEscaped(String(line.dropFirst(2))))\n" : "\(markdownEscaped(String(line)))\n\n"
            inList = isItem
        }
        return out + (inList ? "\n" : "")
    }

    /// Text from the data shown as itself in Markdown: a backslash (CommonMark allows one before
    /// any ASCII punctuation) before every character that is syntax anywhere in a line, and
    /// before a leading `-`, `+`, `#` or the `.` of a leading number, which start a block;
    /// line breaks become spaces.
    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var leadingDigits = true
        for (offset, character) in text.enumerated() {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&":
                out.append("\\")
            case "-", "+", "#":
                if offset == 0 { out.append("\\") }
            case ".", ")":
                if leadingDigits && offset > 0 { out.append("\\") }
            case "\n", "\r", "\r\n":
                out.append(" ")
                leadingDigits = false
                continue
            default: break
            }
            out.append(character)
            leadingDigits = leadingDigits && character.isASCII && character.isNumber
        }
        return out
    }

    // MARK: JSON

    public var json: JSONDocument {
        func number(_ x: Double?) -> JSONDocument { x.map { .number(TagRecord.rounded($0)) } ?? .null }
        let personas: [JSONDocument] = readings.map { reading in
            var members: [(String, JSONDocument)] = [
                ("persona", .object([("id", .string(reading.persona.id)), ("name", .string(reading.persona.name)),
                                     ("tone", .string(reading.persona.tone)), ("detailLevel", .string(reading.persona.detailLevel.rawValue))])),
                ("lenses", .array(reading.lenses.map { .object([("lens", .string($0.lens.rawValue)), ("weight", number($0.weight)), ("why", .string($0.why))]) })),
                ("themeWeights", .array(reading.themeWeights.map { .object([("theme", .string($0.theme)), ("weight", number($0.weight)), ("why", .string($0.why))]) })),
                ("namedThemesOnly", .bool(reading.namedThemesOnly)),
                ("issues", .array(reading.issues.map { issue in
                    .object([
                        ("rank", .integer(issue.rank)), ("theme", .string(issue.theme)), ("name", .string(issue.name)),
                        ("score", number(issue.score)), ("mentions", .integer(issue.mentions)), ("negative", .integer(issue.negative)),
                        ("positive", .integer(issue.positive)), ("share", number(issue.share)),
                        ("shareLow", number(issue.shareInterval.lowerBound)), ("shareHigh", number(issue.shareInterval.upperBound)),
                        ("revenueAtRisk", number(issue.revenueAtRisk)), ("revenueLost", number(issue.revenueLost)),
                        ("customersAtRisk", number(issue.customersAtRisk)), ("averageRating", number(issue.averageRating)),
                        ("lensScores", .object(Lens.allCases.compactMap { lens in issue.lensScores[lens].map { (lens.rawValue, number($0)) } })),
                        ("greenwashingRisk", .bool(issue.greenwashingRisk)), ("request", issue.request.map(JSONDocument.string) ?? .null),
                        ("fewMentions", .bool(issue.fewMentions)),
                        ("impact", issue.impact.map { impact in
                            .object([("averageRatingWith", number(impact.averageRatingWith)), ("averageRatingWithout", number(impact.averageRatingWithout)),
                                     ("liftIfResolved", number(impact.liftIfResolved)),
                                     ("interval", .array([number(impact.interval.lowerBound), number(impact.interval.upperBound)])),
                                     ("ratedWith", .integer(impact.ratedWith)), ("rated", .integer(impact.rated)),
                                     ("npsWith", number(impact.npsWith)), ("npsWithout", number(impact.npsWithout))])
                        } ?? .null),
                        ("segments", .array(issue.segments.map { segment in
                            .object([("column", .string(segment.column)), ("value", .string(segment.value)), ("n", .integer(segment.n)),
                                     ("negative", .integer(segment.negatives)), ("negativeShare", number(segment.negativeShare)),
                                     ("rest", number(segment.rest)), ("restN", .integer(segment.restN)),
                                     ("interval", .array([number(segment.interval.lowerBound), number(segment.interval.upperBound)])),
                                     ("p", number(segment.pValue)), ("significant", .bool(segment.significant))])
                        })),
                        ("trend", issue.trend.map { trend in
                            .object([("period", .string(trend.period.rawValue)),
                                     ("points", .array(trend.points.map { point in
                                         .object([("period", .string(point.period)), ("n", .integer(point.n)),
                                                  ("negative", .integer(point.negatives)), ("share", number(point.share))])
                                     })),
                                     ("earlierShare", number(trend.earlierShare)), ("p", number(trend.pValue)),
                                     ("emerging", .bool(trend.emerging)), ("why", .string(trend.why))])
                        } ?? .null),
                        ("evidence", .array(issue.evidence.map { evidence in
                            .object([("id", .string(evidence.id)), ("line", .integer(evidence.line)), ("quote", .string(evidence.quote)), ("sentiment", number(evidence.sentiment)),
                                     ("value", number(evidence.value)), ("churnIntent", .bool(evidence.churnIntent))])
                        })),
                    ])
                })),
                ("insight", .string(reading.insight)),
                ("confidence", .object([("comments", .integer(reading.comments)), ("low", .bool(reading.lowConfidence))])),
            ]
            members.append(("analyses", .array(reading.analyses.map { analysis in
                var fields: [(String, JSONDocument)] = [
                    ("id", .string(analysis.id)), ("name", .string(analysis.name)), ("goal", .string(analysis.goal)),
                    ("kind", .string(analysis.kind.rawValue)), ("segment", analysis.segment.map(JSONDocument.string) ?? .null),
                    ("unit", .string(analysis.unit)),
                    ("groups", .array(analysis.groups.map { group in
                        .object([("group", .string(group.group)), ("n", .integer(group.n)), ("value", number(group.value)),
                                 ("low", number(group.low)), ("high", number(group.high))]
                                + (group.denominator.map { [("denominator", number($0))] } ?? [])
                                + (group.quartiles.map { q in [("max", number(q.max)), ("median", number(q.median)), ("min", number(q.min))] } ?? [])
                                + (group.numerator.map { [("numerator", number($0))] } ?? [])
                                + (group.quartiles.map { q in [("q1", number(q.q1)), ("q3", number(q.q3))] } ?? []))
                    })),
                ]
                if let threshold = analysis.threshold {
                    fields.append(("threshold", .object([("score", number(threshold.score)), ("rateBelow", number(threshold.below.value)),
                                                        ("nBelow", .integer(threshold.below.n)), ("rateAbove", number(threshold.above.value)),
                                                        ("nAbove", .integer(threshold.above.n))])))
                }
                fields += [("smallGroups", .bool(analysis.smallGroups)), ("insight", .string(analysis.insight)), ("chart", .string(analysis.chart))]
                return .object(fields)
            })))
            members.append(("unanswered", .array(reading.unanswered.map {
                .object([("goal", .string($0.goal)), ("analysis", .string($0.analysis)), ("needs", .array($0.needs.map(JSONDocument.string)))])
            })))
            if let why = reading.unserved { members.append(("unserved", .string(why))) }
            return .object(members)
        }
        return .object([
            ("input", .object([("file", .string(path)), ("read", .integer(summary.read)), ("used", .integer(summary.used)),
                               ("skipped", .integer(summary.skipped)), ("currency", currency.map(JSONDocument.string) ?? .null)])),
            ("domain", domain.why.isEmpty ? .null : .object([("packs", .array(domain.packs.map(JSONDocument.string))), ("why", .string(domain.why)),
                                                            ("shares", .object(domain.shares.map { ($0.pack, number($0.share)) }))])),
            ("learned", learned.map { learned in
                .object([("phrases", .integer(learned.phrases)), ("ratedComments", .integer(learned.ratedComments)),
                         ("comments", .integer(learned.comments)), ("how", .string(learned.origin))])
            } ?? .null),
            ("headline", .object([("comments", .integer(headline.comments)), ("negativeShare", number(headline.negativeShare)),
                                  ("averageRating", number(headline.averageRating)), ("nps", number(headline.nps)),
                                  ("revenueAtRisk", number(headline.revenueAtRisk))])),
            ("notices", .array(notices.map(JSONDocument.string))),
            ("uncovered", .array(uncovered.map { topic in
                .object([("id", .string(topic.id)), ("name", .string(topic.name)), ("cues", .array(topic.cues.map(JSONDocument.string))),
                         ("comments", .integer(topic.comments)), ("share", number(topic.share)), ("negative", .integer(topic.negative)),
                         ("positive", .integer(topic.positive)), ("averageRating", number(topic.averageRating)),
                         ("averageRatingWithout", number(topic.averageRatingWithout)),
                         ("examples", .array(topic.evidence.prefix(3).map { .object([("id", .string($0.id)), ("line", .integer($0.line)), ("quote", .string($0.quote))]) }))])
            })),
            ("personas", .array(personas)),
            ("skipped", .array(skipped.map { .object([("persona", .string($0.persona.id)), ("why", .string($0.why))]) })),
        ])
    }
}
