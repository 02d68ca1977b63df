import Foundation
import Mindscope
import Plot

/// One self-contained HTML file: inline CSS and SVG, no script, no external request. Built
/// with Plot, whose text nodes are escaped by construction, so a comment holding `<script>`
/// shows as text. Charts are Mindscope's own SVG, whose data text is escaped in `SVGChart`.
public enum HTMLReport {
    public static func render(_ result: AnalysisResult) -> String {
        let html = HTML(
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Not Plot's .title: it repeats the text unescaped in og:/twitter: meta attributes.
                .element(named: "title", nodes: [.plain("Mindscope report: \(result.path)")]),
                .style(css)
            ),
            .body(
                .header(
                    .h1("What matters to whom"),
                    .p(.class("summary"), .plain("\(result.path): \(result.summary.read) rows read, \(result.summary.used) used, \(result.summary.skipped) skipped"
                        + (result.aggregate.comments > 0 ? "; \(result.aggregate.comments) comments." : "."))),
                    .if(!result.domain.why.isEmpty, .p(.class("summary"), .plain("Themes: \(result.domainPacks) (\(result.domain.why))."))),
                    .forEach(result.notices) { .p(.class("caveat"), .plain("Note: \($0).")) },
                    strip(result)
                ),
                overview(result),
                .forEach(result.readings.indices) { section(result.readings[$0], result, anchor: anchor($0)) },
                .if(!result.skipped.isEmpty, .section(
                    .h2("Not shown"),
                    .ul(.forEach(result.skipped) { skipped in .li(.plain("\(skipped.persona.name): \(skipped.why)")) })
                )),
                .footer(.p("Made by Mindscope from the data alone: every number and quote above comes from the file."))
            )
        )
        return html.render()
    }

    /// The headline numbers: comments, share negative, average rating or NPS, revenue at risk,
    /// and each persona's top issue, linked to its section.
    static func strip(_ result: AnalysisResult) -> Node<HTML.BodyContext> {
        let headline = result.headline
        var figures: [(String, String)] = []
        if headline.comments > 0 { figures.append(("comments read", String(headline.comments))) }
        if let share = headline.negativeShare { figures.append(("negative", Format.percent(share))) }
        if let nps = headline.nps {
            figures.append(("NPS", String(format: "%+.0f", nps)))
        } else if let mean = headline.averageRating {
            figures.append(("average rating", String(format: "%.2f", mean)))
        }
        if let atRisk = headline.revenueAtRisk { figures.append(("revenue at risk", Format.money(atRisk, result.currency))) }
        if !result.domain.why.isEmpty { figures.append(("themes", result.domainPacks)) }
        return .div(.class("strip"),
            .ul(.class("figures"), .forEach(figures) { figure in .li(.span(.class("figure"), .plain(figure.1)), .span(.class("label"), .plain(figure.0))) }),
            .if(!result.readings.isEmpty, .ul(.class("tops"), .forEach(result.readings.indices) { index in
                .li(.a(.href("#\(anchor(index))"), .plain(result.readings[index].persona.name)), .plain(": "),
                    .plain(result.readings[index].issues.first.map { "\($0.name) (\($0.negative) complaints)" } ?? result.readings[index].unserved.map { _ in "not served" } ?? "no issue"))
            }))
        )
    }

    /// The comments at a glance: themes by volume and tone, impact on the rating, topics the
    /// themes miss.
    static func overview(_ result: AnalysisResult) -> Node<HTML.BodyContext> {
        // Impact is the same for every persona; take each theme's from any reading.
        var seen = Set<String>()
        let issues = result.readings.flatMap(\.issues).filter { seen.insert($0.theme).inserted }
        let scale = result.aggregate.ratings.nps != nil ? "0–10" : "its scale"
        let charts = [SVGChart.themes(result, names: result.themeNames), SVGChart.impact(issues, scale: scale), SVGChart.uncovered(result.uncovered)].compactMap { $0 }
        return .if(!charts.isEmpty || !result.uncovered.isEmpty, .section(.class("overview"),
            .h2("The comments at a glance"),
            // Raw on purpose: SVG built by `SVG`, which escapes every text node and attribute
            // (ReportEscapingTests and .ci/xss check it with payloads).
            .forEach(charts) { .div(.class("chart"), .raw($0)) },
            .if(!result.uncovered.isEmpty, .div(
                .h3("Not covered by your themes"),
                .p(.class("meta"), .plain("Topics found in the comments that no theme covers, each in at least \(Format.percent(UncoveredTopic.minimumShare)) of them.")),
                .ul(.forEach(result.uncovered) { topic in
                    .li(.strong(.plain(topic.name)), .plain(": " + AnalysisResult.uncoveredLine(topic)),
                        .ul(.class("quotes"), .forEach(topic.evidence.prefix(3)) { quote($0, result) }))
                })
            ))
        ))
    }

    /// A quote: the whole comment (a long one folded), the evidence span marked, the id or
    /// line, and the value.
    static func quote(_ evidence: Evidence, _ result: AnalysisResult) -> Node<HTML.ListContext> {
        let comment = evidence.comment.isEmpty ? evidence.quote : evidence.comment
        let meta = "#\(evidence.reference)" + (evidence.value.map { " · \(Format.money($0, result.currency))" } ?? "")
            + String(format: " · tone %+.2f", evidence.sentiment)
        let marked: Node<HTML.BodyContext>
        if let range = comment.range(of: evidence.quote), !evidence.quote.isEmpty {
            marked = .group(.plain(String(comment[..<range.lowerBound])), .element(named: "mark", nodes: [.plain(evidence.quote)]),
                            .plain(String(comment[range.upperBound...])))
        } else {
            // The quote is not a verbatim part of the comment (it was normalized): both, the
            // quote marked first.
            marked = .group(.element(named: "mark", nodes: [.plain(evidence.quote)]), .plain(" — " + comment))
        }
        guard comment.count > 240, let range = comment.range(of: evidence.quote) else {
            return .li(.span(.class("comment"), marked), .span(.class("meta"), .plain(" " + meta)))
        }
        // Long: the sentence around the evidence, the whole comment behind a "more" that
        // needs no script.
        let start = comment.index(range.lowerBound, offsetBy: -min(80, comment.distance(from: comment.startIndex, to: range.lowerBound)))
        let end = comment.index(range.upperBound, offsetBy: min(80, comment.distance(from: range.upperBound, to: comment.endIndex)))
        return .li(.element(named: "details", nodes: [
            .element(named: "summary", nodes: [.plain((start == comment.startIndex ? "" : "…") + String(comment[start..<range.lowerBound])),
                                               .element(named: "mark", nodes: [.plain(evidence.quote)]),
                                               .plain(String(comment[range.upperBound..<end]) + (end == comment.endIndex ? "" : "… (more)"))]),
            .element(named: "div", nodes: [.attribute(named: "class", value: "comment"), marked]),
        ]), .span(.class("meta"), .plain(" " + meta)))
    }

    /// A trend chart for each of the persona's top issues that has one: the emerging ones, else
    /// the first two.
    static func trends(_ reading: PersonaReading) -> Node<HTML.BodyContext> {
        let dated = reading.issues.filter { $0.trend != nil }
        let shown = dated.filter { $0.trend!.emerging }.isEmpty ? Array(dated.prefix(2)) : dated.filter { $0.trend!.emerging }
        return .forEach(shown) { issue in
            .div(.class("chart"),
                .h3(.plain("\(issue.name) complaints over time" + (issue.trend!.emerging ? ": emerging" : ""))),
                // Raw on purpose: SVG built by `SVG`, which escapes every text node and attribute.
                .raw(SVGChart.trend(issue.trend!, theme: issue.name)))
        }
    }

    /// Top issues × segment values: each cell the share of the value's comments complaining,
    /// shaded by size, significant differences starred.
    static func heatMap(_ reading: PersonaReading) -> Node<HTML.BodyContext> {
        let issues = reading.issues.prefix(6).filter { !$0.segments.isEmpty }
        guard !issues.isEmpty else { return .empty }
        let all = issues.flatMap(\.segments)
        let columns = all.reduce(into: [String]()) { if !$0.contains($1.column) { $0.append($1.column) } }
        return .div(.class("heat"),
            .h3("Where the complaints concentrate"),
            .p(.class("meta"), .plain("Share of each group's comments complaining about the issue; ★ marks a difference from the rest of the column that is significant after correcting for the number of comparisons (Holm, 5%).")),
            .forEach(columns) { column in
                let values = Array(Set(all.filter { $0.column == column }.map(\.value))).sorted()
                return .div(.class("scroll"), .table(
                    .tr(.th(.plain(TabularResult.label(column))), .forEach(values) { .th(.plain($0)) }),
                    .forEach(issues) { issue in
                        .tr(.td(.plain(issue.name)), .forEach(values) { value in
                            let cell = issue.segments.first { $0.column == column && $0.value == value }
                            let share = cell?.negativeShare ?? 0
                            let level = min(3, Int(share * 8))
                            return .td(.class("h\(level)" + (cell?.significant == true ? " sig" : "")),
                                       .plain(cell.map { "\(Format.percent($0.negativeShare))\($0.significant ? " ★" : "")" } ?? "–"),
                                       .span(.class("n"), .plain(cell.map { " n=\($0.n)" } ?? "")))
                        })
                    }
                ))
            }
        )
    }

    /// A section's id: made here, never from a persona's id or name (Plot writes attribute
    /// values as they are).
    static func anchor(_ index: Int) -> String { "persona-\(index + 1)" }

    static func section(_ reading: PersonaReading, _ result: AnalysisResult, anchor: String) -> Node<HTML.BodyContext> {
        let persona = reading.persona
        return .section(.id(anchor), .class("persona"),
            .h2(.plain(persona.name)),
            .p(.class("meta"), .plain("\(persona.tone) tone, \(persona.detailLevel.rawValue) detail"
                + (persona.description.isEmpty ? "" : " · \(persona.description)"))),
            .unwrap(reading.unserved) { why in .p(.class("caveat"), .plain("Not served: \(why)")) },
            .if(!reading.issues.isEmpty, .div(
                .h3("Insight"),
                insight(reading.insight),
                .h3("Ranked issues"),
                issuesTable(reading, result),
                .p(.class("caveat"), .plain("Confidence: \(reading.lowConfidence ? "low" : "ok"), \(reading.comments) comments. Shares carry 95% Wilson intervals.")),
                trends(reading),
                heatMap(reading),
                .details(.summary("Why these lenses"), .ul(.forEach(reading.lenses) { lens in
                    .li(.plain("\(lens.lens.name) (weight \(Format.number(lens.weight))): \(lens.why)"))
                }))
            )),
            .forEach(reading.analyses) { analysis in
                .div(.class("analysis"),
                    .h3(.plain(analysis.name)),
                    .p(.class("meta"), .plain("Chosen by the goal “\(analysis.goal)” (\(analysis.goalWords.joined(separator: ", ")))")),
                    insight(analysis.insight),
                    // Raw on purpose: the chart is SVG built by `SVG`, which escapes every text node
                    // and attribute itself (ReportEscapingTests and .ci/xss check it with payloads).
                    // The h3 above names it, so the chart does not draw its title again.
                    .div(.class("chart"), .raw(SVGChart.render(analysis, for: persona, titled: false)))
                )
            },
            .if(!reading.unanswered.isEmpty, .div(
                .h3("Goals the data cannot answer"),
                .ul(.forEach(reading.unanswered) { goal in
                    .li(.strong(.plain(goal.goal)), .plain(" " + goal.explanation))
                })
            ))
        )
    }

    /// Insight lines: the headline as a paragraph, "- " lines as a list.
    static func insight(_ text: String) -> Node<HTML.BodyContext> {
        let lines = text.split(separator: "\n").map(String.init)
        let bullets = lines.filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
        let paragraphs = lines.filter { !$0.hasPrefix("- ") }
        return .div(.class("insight"),
            .forEach(paragraphs.prefix(1)) { .p(.class("headline"), .plain($0)) },
            .if(!bullets.isEmpty, .ul(.forEach(bullets) { .li(.plain($0)) })),
            .forEach(paragraphs.dropFirst()) { .p(.class("caveat"), .plain($0)) }
        )
    }

    static func issuesTable(_ reading: PersonaReading, _ result: AnalysisResult) -> Node<HTML.BodyContext> {
        // Each number names its column (data-label), so on a phone a row reads as a card.
        .table(.class("issues"),
            .tr(.th("#"), .th("Issue"), .th("Mentions"), .th("Negative"), .th("Share (95% CI)"), .th("Avg rating"), .th("At risk"), .th("Evidence")),
            .forEach(reading.issues.prefix(AnalysisResult.issueCount(reading.persona.detailLevel == .low ? .medium : reading.persona.detailLevel))) { issue in
                .tr(
                    .td(.class("rank"), .plain("\(issue.rank)")),
                    .td(.class("name"), .plain(issue.name), .if(issue.greenwashingRisk, .span(.class("flag"), " greenwashing risk")),
                        .unwrap(issue.request) { .div(.class("meta"), .plain("implicit request: \($0)")) }),
                    .td(.attribute(named: "data-label", value: "mentions"), .plain("\(issue.mentions)")),
                    .td(.attribute(named: "data-label", value: "negative"), .plain("\(issue.negative)")),
                    .td(.attribute(named: "data-label", value: "share"),
                        .plain("\(Format.percent(issue.share)) (\(Format.percent(issue.shareInterval.lowerBound))–\(Format.percent(issue.shareInterval.upperBound)))")),
                    .td(.attribute(named: "data-label", value: "avg rating"), .plain(issue.averageRating.map { String(format: "%.2f", $0) } ?? "–")),
                    .td(.attribute(named: "data-label", value: "at risk"), .plain(issue.revenueAtRisk.map { Format.money($0, result.currency) } ?? "–")),
                    .td(.class("evidence"), .ul(.class("quotes"), .forEach(issue.evidence.prefix(3)) { quote($0, result) }))
                )
            }
        )
    }

    static let css = """
    body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;max-width:64rem;padding:1.5rem;color:#1a1a1a;line-height:1.45}
    h1{margin-bottom:.2rem}h2{border-bottom:2px solid #1a1a1a;padding-bottom:.2rem;margin-top:2.5rem}h3{margin-bottom:.3rem}
    a{color:#2166ac}.summary,.meta{color:#444;font-size:.92rem}.headline{font-size:1.08rem;font-weight:600}
    .caveat{color:#555;font-style:italic;font-size:.92rem}
    .flag{display:inline-block;white-space:nowrap;font-weight:600;border:1px solid #b2182b;color:#b2182b;padding:0 .3rem;margin-left:.3rem;font-size:.8rem}
    .strip{background:#f4f6f8;border-radius:.5rem;padding:.8rem 1rem;margin:1rem 0}
    .figures{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:1.5rem}.figures li{display:flex;flex-direction:column}
    .figure{font-size:1.6rem;font-weight:700}.label{font-size:.8rem;color:#555;text-transform:uppercase;letter-spacing:.03em}
    .tops{margin:.6rem 0 0;padding-left:1.1rem;font-size:.92rem}
    table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ccc;padding:.35rem .4rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
    th{background:#f0f0f0}td:nth-child(n+3):not(:last-child){font-variant-numeric:tabular-nums;white-space:nowrap}
    .scroll{overflow-x:auto;max-width:100%}.quotes{margin:0;padding-left:1rem}.quotes li{margin-bottom:.3rem}
    mark{background:#fddbc7;color:inherit;padding:0 .1rem}details summary{cursor:pointer}
    .chart{margin:1rem 0;break-inside:avoid;page-break-inside:avoid}.chart svg{max-width:100%;height:auto}
    .heat td.h0{background:#fff}.heat td.h1{background:#fddbc7}.heat td.h2{background:#f4a582}.heat td.h3{background:#d6604d;color:#fff}
    .heat td.sig{font-weight:700;outline:2px solid #1a1a1a;outline-offset:-2px}.heat .n{color:inherit;opacity:.7;font-size:.8rem}
    .analysis{margin-top:1.5rem}footer{margin-top:3rem;color:#555;font-size:.85rem}
    @media (max-width:600px){body{padding:.8rem}.figure{font-size:1.3rem}table{font-size:.88rem}
    .issues,.issues tbody,.issues tr{display:block}.issues tr:first-child{display:none}.issues tr{border-bottom:2px solid #999;padding:.4rem 0}
    .issues td{display:inline-block;border:0;padding:.1rem .5rem .1rem 0;white-space:normal}.issues td.name,.issues td.evidence{display:block}
    .issues td.rank{font-weight:700}.issues td[data-label]::before{content:attr(data-label) ": ";color:#555;font-size:.8rem}}
    @media print{body{max-width:none}.persona{break-before:page;page-break-before:always}a{color:inherit}details>*{display:block}}
    """
}

extension Node {
    /// Text from the data, escaped as the charts escape it (all five XML specials) rather than
    /// by Plot's `.text`, which keeps anything shaped like a character reference (a comment's
    /// `&lt;` would show as `<`) and leaves quotes alone.
    static func plain(_ text: String) -> Node { .raw(SVG.escape(text)) }
}
