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
                    .nav(.ul(.forEach(result.readings.indices) { index in
                        .li(.a(.href("#\(anchor(index))"), .plain(result.readings[index].persona.name)))
                    }))
                ),
                .if(!result.uncovered.isEmpty, .section(
                    .h2("Not covered by your themes"),
                    .p(.class("meta"), .plain("Topics found in the comments that no theme covers, each in at least \(Format.percent(UncoveredTopic.minimumShare)) of them.")),
                    .ul(.forEach(result.uncovered) { topic in
                        .li(.strong(.plain(topic.name)), .plain(": " + AnalysisResult.uncoveredLine(topic)),
                            .ul(.class("quotes"), .forEach(topic.evidence.prefix(3)) { .li(.plain("#\($0.reference) “\($0.quote)”")) }))
                    })
                )),
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
        .table(
            .tr(.th("#"), .th("Issue"), .th("Mentions"), .th("Negative"), .th("Share (95% CI)"), .th("Avg rating"), .th("At risk"), .th("Evidence")),
            .forEach(reading.issues.prefix(AnalysisResult.issueCount(reading.persona.detailLevel == .low ? .medium : reading.persona.detailLevel))) { issue in
                .tr(
                    .td(.plain("\(issue.rank)")),
                    .td(.plain(issue.name), .if(issue.greenwashingRisk, .span(.class("flag"), " greenwashing risk")),
                        .unwrap(issue.request) { .div(.class("meta"), .plain("implicit request: \($0)")) }),
                    .td(.plain("\(issue.mentions)")),
                    .td(.plain("\(issue.negative)")),
                    .td(.plain("\(Format.percent(issue.share)) (\(Format.percent(issue.shareInterval.lowerBound))–\(Format.percent(issue.shareInterval.upperBound)))")),
                    .td(.plain(issue.averageRating.map { Format.number($0, trimmed: true) } ?? "–")),
                    .td(.plain(issue.revenueAtRisk.map { Format.money($0, result.currency) } ?? "–")),
                    .td(.ul(.class("quotes"), .forEach(issue.evidence.prefix(3)) { evidence in
                        .li(.plain("#\(evidence.reference) “\(evidence.quote)”"))
                    }))
                )
            }
        )
    }

    static let css = """
    body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;max-width:60rem;padding:1.5rem;color:#111;line-height:1.45}
    h1{margin-bottom:.2rem}h2{border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2.5rem}h3{margin-bottom:.3rem}
    nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}a{color:#111}
    .summary,.meta{color:#444;font-size:.92rem}.headline{font-size:1.08rem;font-weight:600}
    .caveat{color:#555;font-style:italic;font-size:.92rem}.flag{font-weight:600;border:1px solid #333;padding:0 .3rem;margin-left:.3rem;font-size:.8rem}
    table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ccc;padding:.35rem .4rem;text-align:left;vertical-align:top}
    th{background:#f0f0f0}.quotes{margin:0;padding-left:1rem}.chart{margin:1rem 0}.chart svg{max-width:100%;height:auto}
    .analysis{margin-top:1.5rem}footer{margin-top:3rem;color:#555;font-size:.85rem}
    """
}

extension Node {
    /// Text from the data, escaped as the charts escape it (all five XML specials) rather than
    /// by Plot's `.text`, which keeps anything shaped like a character reference (a comment's
    /// `&lt;` would show as `<`) and leaves quotes alone.
    static func plain(_ text: String) -> Node { .raw(SVG.escape(text)) }
}
