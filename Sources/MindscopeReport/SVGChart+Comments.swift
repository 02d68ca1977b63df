import Foundation
import Mindscope

/// Charts of comment data: themes by volume and tone, their impact on the rating, a theme's
/// trend, and the topics the themes do not cover. Horizontal bars, one row a theme, so long
/// names fit and the chart grows with the number of rows.
extension SVGChart {
    static let rowHeight = 26.0
    static let labelWidth = 190.0

    static func rowsFrame(count: Int) -> (top: Double, height: Double) {
        let top = 70.0
        return (top, top + rowHeight * Double(max(count, 1)) + 56)
    }

    /// A vertical grid line and its label under the rows, at `x`.
    static func gridLine(at x: Double, _ label: String, top: Double, height: Double) -> [SVG] {
        [SVG("line", ["x1": .number(x), "y1": .number(top - 6), "x2": .number(x), "y2": .number(height - 50), "stroke": .text(Palette.grid)]),
         SVG.text(label, ["x": .number(x), "y": .number(height - 36), "text-anchor": "middle", "font-size": 11, "fill": "#333"])]
    }

    /// A row's label, right-aligned before the bars.
    static func rowLabel(_ label: String, y: Double) -> SVG {
        SVG.text(label, ["x": .number(labelWidth - 8), "y": .number(y + 4), "text-anchor": "end", "font-size": 12, "fill": .text(Palette.ink)])
    }

    /// Themes by comments mentioning them, complaints to the left of the axis and praise to the
    /// right (a diverging bar); the most mentioned first, at most `limit`.
    public static func themes(_ result: AnalysisResult, names: [String: String], limit: Int = 12) -> String? {
        let stats = result.aggregate.themes.filter { $0.value.mentions > 0 }
            .sorted { $0.value.mentions > $1.value.mentions || ($0.value.mentions == $1.value.mentions && $0.key < $1.key) }.prefix(limit)
        guard !stats.isEmpty else { return nil }
        let (top, chartHeight) = rowsFrame(count: stats.count)
        let most = Double(stats.map { max($0.value.negative, $0.value.positive) }.max() ?? 1)
        let ticks = Ticks.nice(most, whole: true)
        let reach = ticks.last ?? 1
        let centre = labelWidth + (width - labelWidth - 30) / 2, half = (width - labelWidth - 30) / 2 - 30
        func x(_ count: Int, _ side: Double) -> Double { centre + side * half * Double(count) / reach }
        var body: [SVG] = []
        for tick in ticks {
            for side in [-1.0, 1.0] where !(tick == 0 && side > 0) {
                body += gridLine(at: x(Int(tick), side), SVG.whole(tick), top: top, height: chartHeight)
            }
        }
        body.append(SVG.text("← complaints (comments)", ["x": .number(centre - 6), "y": 58, "text-anchor": "end", "font-size": 12, "fill": .text(Palette.negative)]))
        body.append(SVG.text("praise (comments) →", ["x": .number(centre + 6), "y": 58, "font-size": 12, "fill": .text(Palette.mark)]))
        var words: [String] = []
        for (index, (theme, stat)) in stats.enumerated() {
            let y = top + rowHeight * Double(index) + rowHeight / 2
            let name = names[theme] ?? theme
            body.append(rowLabel(name, y: y))
            let left = x(stat.negative, -1), right = x(stat.positive, 1)
            body.append(SVG("rect", ["x": .number(left), "y": .number(y - 8), "width": .number(centre - left), "height": 16, "fill": .text(Palette.negative)])
                .with(SVG.title("\(name): \(stat.negative) complaints of \(stat.mentions) mentions")))
            body.append(SVG("rect", ["x": .number(centre), "y": .number(y - 8), "width": .number(right - centre), "height": 16, "fill": .text(Palette.positive),
                                     "stroke": .text(Palette.mark), "stroke-width": 0.5])
                .with(SVG.title("\(name): \(stat.positive) praise of \(stat.mentions) mentions")))
            body.append(SVG.text(String(stat.negative), ["x": .number(left - 4), "y": .number(y + 4), "text-anchor": "end", "font-size": 11, "fill": .text(Palette.ink)]))
            body.append(SVG.text(String(stat.positive), ["x": .number(right + 4), "y": .number(y + 4), "font-size": 11, "fill": .text(Palette.ink)]))
            words.append("\(name) \(stat.mentions) mentions, \(stat.negative) complaints, \(stat.positive) praise")
        }
        body.append(SVG("line", ["x1": .number(centre), "y1": .number(top - 6), "x2": .number(centre), "y2": .number(chartHeight - 50), "stroke": .text(Palette.ink)]))
        return document(id: "themes", title: "Themes by volume: complaints and praise", visibleTitle: "Themes by volume: complaints and praise",
                        subtitle: "\(result.aggregate.comments) comments; the most mentioned themes first",
                        description: "Comments mentioning each theme: " + words.joined(separator: "; ") + ".", body: body, height: chartHeight)
    }

    /// Each theme's impact on the rating: how much the average rating would rise if its
    /// complaints were resolved to the level of the rest, with its 95 % interval; largest first.
    public static func impact(_ issues: [RankedIssue], scale: String, limit: Int = 10) -> String? {
        let rows = issues.compactMap { issue in issue.impact.map { (issue.name, $0) } }
            .sorted { $0.1.liftIfResolved > $1.1.liftIfResolved }.prefix(limit)
        guard !rows.isEmpty else { return nil }
        let (top, chartHeight) = rowsFrame(count: rows.count)
        let reach = Ticks.nice(max(rows.map { max($0.1.interval.upperBound, $0.1.liftIfResolved) }.max() ?? 0.1, 0.01))
        let maximum = reach.last ?? 1
        let left = labelWidth + 10, right = width - 80
        func x(_ value: Double) -> Double { left + (right - left) * min(max(value, 0), maximum) / maximum }
        let format = { (v: Double) in String(format: "%+.2f", v) }
        var body: [SVG] = []
        for tick in reach { body += gridLine(at: x(tick), String(format: "%.2f", tick), top: top, height: chartHeight) }
        body.append(SVG.text("Rise of the average rating (\(scale)) if the complaints were resolved", ["x": .number((left + right) / 2), "y": .number(chartHeight - 14),
                                                                                                       "text-anchor": "middle", "font-size": 12, "fill": .text(Palette.ink)]))
        body.append(legend("Dot: estimate; line: 95% interval", y: 58))
        var words: [String] = []
        for (index, (name, impact)) in rows.enumerated() {
            let y = top + rowHeight * Double(index) + rowHeight / 2
            body.append(rowLabel(name, y: y))
            body.append(SVG("line", ["x1": .number(x(impact.interval.lowerBound)), "y1": .number(y), "x2": .number(x(impact.interval.upperBound)), "y2": .number(y),
                                     "stroke": .text(Palette.ink), "stroke-width": 2]))
            body.append(SVG("circle", ["cx": .number(x(impact.liftIfResolved)), "cy": .number(y), "r": 5, "fill": .text(Palette.negative)])
                .with(SVG.title("\(name): \(format(impact.liftIfResolved)) (95% interval \(format(impact.interval.lowerBound)) to \(format(impact.interval.upperBound)))")))
            body.append(SVG.text(format(impact.liftIfResolved), ["x": .number(x(impact.interval.upperBound) + 8), "y": .number(y + 4), "font-size": 11, "fill": .text(Palette.ink)]))
            words.append("\(name) \(format(impact.liftIfResolved)) (\(format(impact.interval.lowerBound)) to \(format(impact.interval.upperBound)))")
        }
        return document(id: "impact", title: "Impact on the rating", visibleTitle: "Impact on the rating",
                        subtitle: "Complainers rate lower: what resolving each theme's complaints would add",
                        description: "Rise of the average rating if each theme's complaints were resolved, with 95% intervals: " + words.joined(separator: "; ") + ".",
                        body: body, height: chartHeight)
    }

    /// A theme's share of comments complaining, per period; an emerging last period marked.
    public static func trend(_ trend: ThemeTrend, theme: String) -> String {
        let points = trend.points
        let ticks = Ticks.percent(max(points.map(\.share).max() ?? 0.1, 0.01))
        let maximum = ticks.last ?? 1
        let step = (plot.right - plot.left - 40) / Double(max(points.count - 1, 1))
        func x(_ index: Int) -> Double { plot.left + 20 + step * Double(index) }
        var body = axes(ticks: ticks, format: percent, yLabel: "Comments complaining (%)", xLabel: trend.period.rawValue.capitalizedFirst)
        let line = points.enumerated().map { "\(SVG.number(x($0.offset))),\(SVG.number(y($0.element.share, maximum)))" }.joined(separator: " ")
        body.append(SVG("polyline", ["points": .text(line), "fill": "none", "stroke": .text(Palette.mark), "stroke-width": 2.5]))
        // Label every period when they fit, else every other one.
        let every = points.count > 12 ? 2 : 1
        for (index, point) in points.enumerated() {
            let last = index == points.count - 1
            let marked = last && trend.emerging
            body.append(SVG("circle", ["cx": .number(x(index)), "cy": .number(y(point.share, maximum)), "r": .number(marked ? 7 : 4),
                                       "fill": .text(marked ? Palette.negative : "#fff"), "stroke": .text(Palette.ink), "stroke-width": 2])
                .with(SVG.title("\(point.period): \(percent(point.share)) of \(point.n) comments")))
            if index % every == 0 || last {
                body.append(SVG.text(point.period, ["x": .number(x(index)), "y": .number(plot.bottom + 18), "text-anchor": "middle", "font-size": 11, "fill": .text(Palette.ink)]))
                body.append(SVG.text("n=\(point.n)", ["x": .number(x(index)), "y": .number(plot.bottom + 32), "text-anchor": "middle", "font-size": 10, "fill": .text(Palette.muted)]))
            }
            if last {
                body.append(SVG.text(percent(point.share) + (marked ? " emerging" : ""), ["x": .number(x(index) - 10), "y": .number(y(point.share, maximum) - 12),
                                                                                          "text-anchor": "end", "font-size": 12, "font-weight": 600,
                                                                                          "fill": .text(marked ? Palette.negative : Palette.ink)]))
            }
        }
        body.append(SVG("line", ["x1": .number(plot.left), "y1": .number(y(trend.earlierShare, maximum)), "x2": .number(plot.right), "y2": .number(y(trend.earlierShare, maximum)),
                                 "stroke": .text(Palette.muted), "stroke-dasharray": "5 4"]))
        body.append(legend("Dashed: the earlier periods' share (\(percent(trend.earlierShare)))"))
        return document(id: "trend-\(theme)", title: "\(theme) complaints over time", visibleTitle: nil, subtitle: nil,
                        description: "\(theme) complaints per \(trend.period.rawValue): " + points.map { "\($0.period) \(percent($0.share)) of \($0.n)" }.joined(separator: "; ")
                            + ". " + trend.why + ".", body: body)
    }

    /// The topics the themes do not cover, by comments, with how many complain.
    public static func uncovered(_ topics: [UncoveredTopic]) -> String? {
        guard !topics.isEmpty else { return nil }
        let (top, chartHeight) = rowsFrame(count: topics.count)
        let ticks = Ticks.nice(Double(topics.map(\.comments).max() ?? 1), whole: true)
        let maximum = ticks.last ?? 1
        let left = labelWidth + 10, right = width - 60
        func x(_ value: Double) -> Double { left + (right - left) * value / maximum }
        var body: [SVG] = []
        for tick in ticks { body += gridLine(at: x(tick), SVG.whole(tick), top: top, height: chartHeight) }
        body.append(legend("Dark: complaining; light: the rest", y: 58))
        for (index, topic) in topics.enumerated() {
            let y = top + rowHeight * Double(index) + rowHeight / 2
            body.append(rowLabel(topic.name, y: y))
            body.append(SVG("rect", ["x": .number(left), "y": .number(y - 8), "width": .number(x(Double(topic.comments)) - left), "height": 16, "fill": .text(Palette.neutral)])
                .with(SVG.title("\(topic.name): \(topic.comments) comments, \(topic.negative) negative")))
            body.append(SVG("rect", ["x": .number(left), "y": .number(y - 8), "width": .number(x(Double(topic.negative)) - left), "height": 16, "fill": .text(Palette.negative)]))
            body.append(SVG.text("\(topic.comments) (\(topic.negative) negative)", ["x": .number(x(Double(topic.comments)) + 4), "y": .number(y + 4), "font-size": 11]))
        }
        return document(id: "uncovered", title: "Not covered by your themes", visibleTitle: nil, subtitle: nil,
                        description: "Topics no theme covers: " + topics.map { "\($0.name) \($0.comments) comments, \($0.negative) negative" }.joined(separator: "; ") + ".",
                        body: body, height: chartHeight)
    }
}
