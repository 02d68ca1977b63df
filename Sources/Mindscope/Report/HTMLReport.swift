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
                .title("Mindscope report: \(result.path)"),
                .style(css)
            ),
            .body(
                .header(
                    .h1("What matters to whom"),
                    .p(.class("summary"), .text("\(result.path): \(result.summary.read) rows read, \(result.summary.used) used, \(result.summary.skipped) skipped"
                        + (result.aggregate.comments > 0 ? "; \(result.aggregate.comments) comments." : "."))),
                    .nav(.ul(.forEach(result.readings) { reading in
                        .li(.a(.href("#\(reading.persona.id)"), .text(reading.persona.name)))
                    }))
                ),
                .forEach(result.readings) { section($0, result) },
                .if(!result.skipped.isEmpty, .section(
                    .h2("Not shown"),
                    .ul(.forEach(result.skipped) { skipped in .li(.text("\(skipped.persona.name): \(skipped.why)")) })
                )),
                .footer(.p("Made by Mindscope from the data alone: every number and quote above comes from the file."))
            )
        )
        return html.render()
    }

    static func section(_ reading: PersonaReading, _ result: AnalysisResult) -> Node<HTML.BodyContext> {
        let persona = reading.persona
        return .section(.id(persona.id), .class("persona"),
            .h2(.text(persona.name)),
            .p(.class("meta"), .text("\(persona.tone) tone, \(persona.detailLevel.rawValue) detail"
                + (persona.description.isEmpty ? "" : " · \(persona.description)"))),
            .unwrap(reading.unserved) { why in .p(.class("caveat"), .text("Not served: \(why)")) },
            .if(!reading.issues.isEmpty, .div(
                .h3("Insight"),
                insight(reading.insight),
                .h3("Ranked issues"),
                issuesTable(reading, result),
                .p(.class("caveat"), .text("Confidence: \(reading.lowConfidence ? "low" : "ok"), \(reading.comments) comments. Shares carry 95% Wilson intervals.")),
                .details(.summary("Why these lenses"), .ul(.forEach(reading.lenses) { lens in
                    .li(.text("\(lens.lens.name) (weight \(Format.number(lens.weight))): \(lens.why)"))
                }))
            )),
            .forEach(reading.analyses) { analysis in
                .div(.class("analysis"),
                    .h3(.text(analysis.name)),
                    .p(.class("meta"), .text("Chosen by the goal “\(analysis.goal)” (\(analysis.goalWords.joined(separator: ", ")))")),
                    insight(analysis.insight),
                    .div(.class("chart"), .raw(SVGChart.render(analysis, for: persona)))
                )
            },
            .if(!reading.unanswered.isEmpty, .div(
                .h3("Goals the data cannot answer"),
                .ul(.forEach(reading.unanswered) { goal in
                    .li(.strong(.text(goal.goal)), .text(" (\(goal.analysis)) needs: \(goal.needs.joined(separator: "; "))"))
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
            .forEach(paragraphs.prefix(1)) { .p(.class("headline"), .text($0)) },
            .if(!bullets.isEmpty, .ul(.forEach(bullets) { .li(.text($0)) })),
            .forEach(paragraphs.dropFirst()) { .p(.class("caveat"), .text($0)) }
        )
    }

    static func issuesTable(_ reading: PersonaReading, _ result: AnalysisResult) -> Node<HTML.BodyContext> {
        .table(
            .tr(.th("#"), .th("Issue"), .th("Mentions"), .th("Negative"), .th("Share (95% CI)"), .th("Avg rating"), .th("At risk"), .th("Evidence")),
            .forEach(reading.issues.prefix(AnalysisResult.issueCount(reading.persona.detailLevel == .low ? .medium : reading.persona.detailLevel))) { issue in
                .tr(
                    .td(.text("\(issue.rank)")),
                    .td(.text(issue.name), .if(issue.greenwashingRisk, .span(.class("flag"), " greenwashing risk")),
                        .unwrap(issue.request) { .div(.class("meta"), .text("implicit request: \($0)")) }),
                    .td(.text("\(issue.mentions)")),
                    .td(.text("\(issue.negative)")),
                    .td(.text("\(Format.percent(issue.share)) (\(Format.percent(issue.shareInterval.lowerBound))–\(Format.percent(issue.shareInterval.upperBound)))")),
                    .td(.text(issue.averageRating.map { Format.number($0, trimmed: true) } ?? "–")),
                    .td(.text(issue.revenueAtRisk.map { Format.money($0, result.currency) } ?? "–")),
                    .td(.ul(.class("quotes"), .forEach(issue.evidence.prefix(3)) { evidence in
                        .li(.text("#\(evidence.id) “\(evidence.quote)”"))
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
