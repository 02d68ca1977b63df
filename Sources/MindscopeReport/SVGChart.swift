import Foundation
import Mindscope

/// Standalone SVG charts, written by Mindscope itself: no browser, script or network.
///
/// Every chart is built as an ``SVG`` tree (escaped in one place), has a `<title>` and a
/// `<desc>` that states its numbers in words, labelled axes with units and "nice" ticks, and
/// reads in grey scale too (``Palette``). Value labels sit above the upper end of a whisker or
/// beside a dot, never on it; intervals are said to be 95 % intervals in a legend.
public enum SVGChart {
    static let width = 640.0, height = 400.0
    static let plot = (left: 70.0, right: 610.0, top: 84.0, bottom: 330.0)

    /// The chart for a tabular result, for the persona. `titled` draws the title inside the
    /// chart (a standalone file); a report that heads the chart itself passes false, so the
    /// title is not shown twice (it stays in `<title>` for screen readers).
    public static func render(_ result: TabularResult, for persona: Persona, titled: Bool = true) -> String {
        let title = "\(result.name), for \(persona.name)"
        let (body, description): ([SVG], String)
        switch result.chartKind {
        case .box: (body, description) = box(result)
        case .groupedBar: (body, description) = groupedBar(result)
        case .strip: (body, description) = strip(result)
        case .histogram: (body, description) = histogram(result)
        case .line: (body, description) = line(result)
        case .bar: (body, description) = bar(result)
        }
        return document(id: result.id, title: title, visibleTitle: titled ? result.name : nil, subtitle: "For \(persona.name)",
                        description: description, body: body)
    }

    // MARK: Frame

    static func document(id: String, title: String, visibleTitle: String?, subtitle: String?, description: String, body: [SVG],
                         height: Double = height) -> String {
        let slug = id.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" ? String($0) : "-" }.joined()
        var root = SVG("svg", ["xmlns": "http://www.w3.org/2000/svg", "width": .number(width), "height": .number(height),
                               "viewBox": .text("0 0 \(Int(width)) \(Int(height))"), "role": "img",
                               "aria-labelledby": .text("\(slug)-title \(slug)-desc"),
                               "font-family": "system-ui, -apple-system, 'Segoe UI', sans-serif"])
        root = root.with(SVG.text(title, ["id": .text("\(slug)-title")], name: "title"),
                         SVG.text(description, ["id": .text("\(slug)-desc")], name: "desc"),
                         SVG("defs", [:], [SVG("pattern", ["id": .text("\(slug)-hatch"), "width": 6, "height": 6, "patternUnits": "userSpaceOnUse",
                                                          "patternTransform": "rotate(45)"],
                                              [SVG("rect", ["width": 6, "height": 6, "fill": "#d9d9d9"]),
                                               SVG("line", ["x1": 0, "y1": 0, "x2": 0, "y2": 6, "stroke": "#555", "stroke-width": 2])])]),
                         SVG("rect", ["width": "100%", "height": "100%", "fill": "#fff"]))
        if let visibleTitle {
            root = root.with(SVG.text(visibleTitle, ["x": .number(width / 2), "y": 26, "text-anchor": "middle", "font-size": 16,
                                                     "font-weight": 600, "fill": .text(Palette.ink)]))
        }
        if let subtitle {
            root = root.with(SVG.text(subtitle, ["x": .number(width / 2), "y": .number(visibleTitle == nil ? 24 : 46), "text-anchor": "middle",
                                                 "font-size": 12, "fill": .text(Palette.muted)]))
        }
        // The hatch pattern's id is per chart, so several charts can share one page.
        return root.with(body).xml.replacingOccurrences(of: "url(#hatch)", with: "url(#\(slug)-hatch)")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Grid lines and labels at `ticks`, both axes, and their titles.
    static func axes(ticks: [Double], format: (Double) -> String, yLabel: String, xLabel: String) -> [SVG] {
        let maximum = ticks.last ?? 1
        var out: [SVG] = []
        for tick in ticks {
            let y = self.y(tick, maximum)
            out.append(SVG("line", ["x1": .number(plot.left), "y1": .number(y), "x2": .number(plot.right), "y2": .number(y), "stroke": .text(Palette.grid)]))
            out.append(SVG.text(format(tick), ["x": .number(plot.left - 8), "y": .number(y + 4), "text-anchor": "end", "font-size": 12, "fill": "#333"]))
        }
        out.append(SVG("line", ["x1": .number(plot.left), "y1": .number(plot.bottom), "x2": .number(plot.right), "y2": .number(plot.bottom), "stroke": "#333"]))
        out.append(SVG("line", ["x1": .number(plot.left), "y1": .number(plot.top), "x2": .number(plot.left), "y2": .number(plot.bottom), "stroke": "#333"]))
        out.append(SVG.text(yLabel, ["transform": .text("translate(18 \(SVG.number((plot.top + plot.bottom) / 2))) rotate(-90)"),
                                     "text-anchor": "middle", "font-size": 13, "fill": .text(Palette.ink)]))
        out.append(SVG.text(xLabel, ["x": .number((plot.left + plot.right) / 2), "y": .number(height - 20), "text-anchor": "middle",
                                     "font-size": 13, "fill": .text(Palette.ink)]))
        return out
    }

    static func y(_ value: Double, _ maximum: Double) -> Double {
        plot.bottom - (plot.bottom - plot.top) * (maximum > 0 ? min(max(value / maximum, 0), 1) : 0)
    }

    /// A group's name under the axis and a note (its n) under that.
    static func groupLabel(at x: Double, _ name: String, note: String) -> [SVG] {
        [SVG.text(name, ["x": .number(x), "y": .number(plot.bottom + 18), "text-anchor": "middle", "font-size": 12, "fill": .text(Palette.ink)]),
         SVG.text(note, ["x": .number(x), "y": .number(plot.bottom + 34), "text-anchor": "middle", "font-size": 11, "fill": .text(Palette.muted)])]
    }

    /// A legend line at the top right.
    static func legend(_ text: String, y: Double = 64) -> SVG {
        SVG.text(text, ["x": .number(plot.right), "y": .number(y), "text-anchor": "end", "font-size": 11, "fill": .text(Palette.muted)])
    }

    /// A whisker from `low` to `high` at `x`, with caps.
    static func whisker(x: Double, from low: Double, to high: Double, cap: Double = 6) -> SVG {
        SVG("path", ["d": .text("M\(SVG.number(x)) \(SVG.number(low)) V\(SVG.number(high)) M\(SVG.number(x - cap)) \(SVG.number(low)) H\(SVG.number(x + cap)) M\(SVG.number(x - cap)) \(SVG.number(high)) H\(SVG.number(x + cap))"),
                     "stroke": .text(Palette.ink), "stroke-width": 1.5, "fill": "none"])
    }

    static func percent(_ x: Double) -> String { Format.percent(x) }
    static func number(_ x: Double) -> String { Format.number(x, trimmed: true) }
    /// Values of one chart in one format: whole numbers where every value is whole, else two decimals.
    static func formatter(_ values: [Double]) -> (Double) -> String {
        values.allSatisfy { $0 == $0.rounded() } ? { SVG.whole($0) } : { String(format: "%.2f", $0) }
    }

    // MARK: Tabular charts

    /// Rates per group with their 95 % intervals as whiskers; the value above the whisker.
    static func bar(_ result: TabularResult) -> ([SVG], String) {
        let groups = result.groups
        let slot = (plot.right - plot.left) / Double(max(groups.count, 1))
        let ticks = Ticks.percent(max(groups.map { $0.high ?? $0.value }.max() ?? 1, 0.01))
        let maximum = ticks.last!
        var body = axes(ticks: ticks, format: percent, yLabel: result.unit.capitalizedFirst + " (%)", xLabel: result.segmentLabel)
        for (index, group) in groups.enumerated() {
            let x = plot.left + slot * Double(index) + slot * 0.25, w = slot * 0.5, cx = x + w / 2
            let top = y(group.value, maximum)
            body.append(SVG("rect", ["x": .number(x), "y": .number(top), "width": .number(w), "height": .number(plot.bottom - top), "fill": .text(Palette.mark)])
                .with(SVG.title("\(group.group): \(percent(group.value)) of \(group.n)")))
            var labelY = top - 8
            if let low = group.low, let high = group.high {
                body.append(whisker(x: cx, from: y(low, maximum), to: y(high, maximum)))
                labelY = min(labelY, y(high, maximum) - 8)
            }
            body.append(SVG.text(percent(group.value), ["x": .number(cx), "y": .number(max(labelY, plot.top - 4)), "text-anchor": "middle",
                                                        "font-size": 12, "font-weight": 600, "fill": .text(Palette.ink)]))
            body += groupLabel(at: cx, group.group, note: "n=\(group.n)")
        }
        body.append(legend("Whiskers: 95% intervals (Wilson)"))
        let description = "\(result.unit.capitalizedFirst) by \(result.segment ?? "group"): " + groups.map { "\($0.group) \(percent($0.value)) of \($0.n)" }.joined(separator: "; ") + ". Whiskers show 95% intervals."
        return (body, description)
    }

    /// Box plots of quartiles, median and range, the mean as a dot; a group of fewer than five
    /// members is drawn as its mean and range only (a box of two values says nothing).
    static func box(_ result: TabularResult) -> ([SVG], String) {
        let groups = result.groups
        let ticks = Ticks.nice(groups.map { $0.quartiles?.max ?? $0.value }.max() ?? 1, whole: true)
        let maximum = ticks.last!
        let slot = (plot.right - plot.left) / Double(max(groups.count, 1))
        let format = formatter(groups.map(\.value))
        var body = axes(ticks: ticks, format: { SVG.whole($0) }, yLabel: result.unit.capitalizedFirst, xLabel: result.segmentLabel)
        for (index, group) in groups.enumerated() {
            let x = plot.left + slot * Double(index) + slot * 0.3, w = slot * 0.4, cx = x + w / 2
            let q = group.quartiles
            let low = q?.min ?? group.value, high = q?.max ?? group.value
            body.append(SVG("path", ["d": .text("M\(SVG.number(cx)) \(SVG.number(y(low, maximum))) V\(SVG.number(y(high, maximum)))"),
                                     "stroke": "#555", "stroke-width": 1.5]))
            if group.n >= 5, let q {
                body.append(SVG("rect", ["x": .number(x), "y": .number(y(q.q3, maximum)), "width": .number(w),
                                         "height": .number(max(y(q.q1, maximum) - y(q.q3, maximum), 2)), "fill": "#d9d9d9", "stroke": "#333"])
                    .with(SVG.title("\(group.group): mean \(format(group.value)), median \(number(q.median)), n=\(group.n)")))
                body.append(SVG("line", ["x1": .number(x), "y1": .number(y(q.median, maximum)), "x2": .number(x + w), "y2": .number(y(q.median, maximum)),
                                         "stroke": .text(Palette.ink), "stroke-width": 3]))
            }
            body.append(SVG("circle", ["cx": .number(cx), "cy": .number(y(group.value, maximum)), "r": 4, "fill": "#fff",
                                       "stroke": .text(Palette.ink), "stroke-width": 2]).with(SVG.title("\(group.group): mean \(format(group.value)), n=\(group.n)")))
            body.append(SVG.text(format(group.value), ["x": .number(cx + 10), "y": .number(y(group.value, maximum) + 4), "font-size": 11, "fill": .text(Palette.ink)]))
            body += groupLabel(at: cx, group.group, note: "n=\(group.n)")
        }
        body.append(legend("Box: quartiles, bar: median, dot: mean; under 5 members: mean and range only"))
        let description = "\(result.unit.capitalizedFirst) per customer by \(result.segment ?? "group"): " + groups.map { "\($0.group) mean \(format($0.value)) (n=\($0.n))" }.joined(separator: "; ") + "."
        return (body, description)
    }

    /// Two measures side by side per group, with their ratio under the group.
    static func groupedBar(_ result: TabularResult) -> ([SVG], String) {
        let groups = result.groups
        let ticks = Ticks.nice(groups.flatMap { [$0.numerator ?? 0, $0.denominator ?? 0] }.max() ?? 1)
        let maximum = ticks.last!
        let slot = (plot.right - plot.left) / Double(max(groups.count, 1))
        let format = formatter(ticks)
        var body = axes(ticks: ticks, format: format, yLabel: "Mean per customer", xLabel: result.segmentLabel)
        let names = (result.numerator?.rawValue ?? "numerator", result.denominator?.rawValue ?? "denominator")
        for (index, group) in groups.enumerated() {
            let x = plot.left + slot * Double(index) + slot * 0.15, w = slot * 0.35
            for (offset, value, fill) in [(0.0, group.numerator ?? 0, Palette.mark), (w, group.denominator ?? 0, "url(#hatch)")] {
                body.append(SVG("rect", ["x": .number(x + offset), "y": .number(y(value, maximum)), "width": .number(w),
                                         "height": .number(plot.bottom - y(value, maximum)), "fill": .text(fill), "stroke": "#333"]))
                body.append(SVG.text(String(format: "%.2f", value), ["x": .number(x + offset + w / 2), "y": .number(y(value, maximum) - 6),
                                                                     "text-anchor": "middle", "font-size": 11, "fill": .text(Palette.ink)]))
            }
            body += groupLabel(at: x + w, group.group, note: "n=\(group.n), ratio \(String(format: "%.2f", group.value))")
        }
        body.append(SVG("rect", ["x": .number(plot.right - 200), "y": 54, "width": 12, "height": 12, "fill": .text(Palette.mark)]))
        body.append(SVG.text(names.0, ["x": .number(plot.right - 184), "y": 64, "font-size": 12]))
        body.append(SVG("rect", ["x": .number(plot.right - 100), "y": 54, "width": 12, "height": 12, "fill": "url(#hatch)", "stroke": "#333"]))
        body.append(SVG.text(names.1, ["x": .number(plot.right - 84), "y": 64, "font-size": 12]))
        let description = "Mean \(names.0) and \(names.1) per customer by \(result.segment ?? "group"): " + groups.map { "\($0.group) \(String(format: "%.2f", $0.numerator ?? 0)) \(names.0), \(String(format: "%.2f", $0.denominator ?? 0)) \(names.1), \(String(format: "%.2f", $0.value)) \(result.unit) (n=\($0.n))" }.joined(separator: "; ") + "."
        return (body, description)
    }

    /// Mean per group as adjacent bars on a shared axis, for distributions when `chart = histogram`.
    static func histogram(_ result: TabularResult) -> ([SVG], String) {
        let groups = result.groups
        let ticks = Ticks.nice(groups.map(\.value).max() ?? 1)
        let maximum = ticks.last!
        let format = formatter(groups.map(\.value))
        let slot = (plot.right - plot.left) / Double(max(groups.count, 1))
        var body = axes(ticks: ticks, format: formatter(ticks), yLabel: result.unit.capitalizedFirst, xLabel: result.segmentLabel)
        for (index, group) in groups.enumerated() {
            let x = plot.left + slot * Double(index)
            body.append(SVG("rect", ["x": .number(x), "y": .number(y(group.value, maximum)), "width": .number(slot),
                                     "height": .number(plot.bottom - y(group.value, maximum)), "fill": .text(Palette.neutral), "stroke": "#333"]))
            body.append(SVG.text(format(group.value), ["x": .number(x + slot / 2), "y": .number(y(group.value, maximum) - 6), "text-anchor": "middle", "font-size": 12]))
            body += groupLabel(at: x + slot / 2, group.group, note: "n=\(group.n)")
        }
        let description = "\(result.unit.capitalizedFirst) by \(result.segment ?? "group"): " + groups.map { "\($0.group) \(format($0.value)) (n=\($0.n))" }.joined(separator: "; ") + "."
        return (body, description)
    }

    /// Values per group joined by a line, with markers, when `chart = line`.
    static func line(_ result: TabularResult) -> ([SVG], String) {
        let groups = result.groups
        let isRate = result.kind == .rateBySegment
        let ticks = isRate ? Ticks.percent(groups.map(\.value).max() ?? 1) : Ticks.nice(groups.map(\.value).max() ?? 1)
        let maximum = ticks.last!
        let format = isRate ? percent : formatter(groups.map(\.value))
        let step = (plot.right - plot.left - 40) / Double(max(groups.count - 1, 1))
        func x(_ index: Int) -> Double { plot.left + 20 + step * Double(index) }
        var body = axes(ticks: ticks, format: isRate ? percent : formatter(ticks), yLabel: result.unit.capitalizedFirst, xLabel: result.segmentLabel)
        let points = groups.enumerated().map { "\(SVG.number(x($0.offset))),\(SVG.number(y($0.element.value, maximum)))" }.joined(separator: " ")
        body.append(SVG("polyline", ["points": .text(points), "fill": "none", "stroke": .text(Palette.mark), "stroke-width": 2.5]))
        for (index, group) in groups.enumerated() {
            body.append(SVG("circle", ["cx": .number(x(index)), "cy": .number(y(group.value, maximum)), "r": 5, "fill": "#fff", "stroke": .text(Palette.ink), "stroke-width": 2]))
            body.append(SVG.text(format(group.value), ["x": .number(x(index)), "y": .number(y(group.value, maximum) - 10), "text-anchor": "middle", "font-size": 12]))
            body += groupLabel(at: x(index), group.group, note: "n=\(group.n)")
        }
        let description = "\(result.unit.capitalizedFirst) by \(result.segment ?? "group"): " + groups.map { "\($0.group) \(format($0.value)) (n=\($0.n))" }.joined(separator: "; ") + "."
        return (body, description)
    }

    /// Churn rate at each score, the dot's area by its n, with the threshold below which it rises most.
    static func strip(_ result: TabularResult) -> ([SVG], String) {
        let groups = result.groups
        let scores = groups.compactMap { Double($0.group) }
        let low = scores.min() ?? 0, high = max(scores.max() ?? 1, low + 1)
        func x(_ score: Double) -> Double { plot.left + 20 + (plot.right - plot.left - 40) * (score - low) / (high - low) }
        let ticks = Ticks.percent(1)
        var body = axes(ticks: ticks, format: percent, yLabel: "Churn rate (%)", xLabel: result.unit.capitalizedFirst)
        for group in groups {
            guard let score = Double(group.group) else { continue }
            let cy = y(group.value, 1), r = 4 + min(Double(group.n), 12)
            body.append(SVG("circle", ["cx": .number(x(score)), "cy": .number(cy), "r": .number(r), "fill": .text(Palette.mark), "fill-opacity": 0.8,
                                       "stroke": .text(Palette.ink)]).with(SVG.title("score \(group.group): \(percent(group.value)) churned of \(group.n)")))
            body.append(SVG.text(group.group, ["x": .number(x(score)), "y": .number(plot.bottom + 18), "text-anchor": "middle", "font-size": 12, "fill": .text(Palette.ink)]))
            body.append(SVG.text("n=\(group.n)", ["x": .number(x(score)), "y": .number(cy - r - 6), "text-anchor": "middle", "font-size": 11, "fill": "#333"]))
        }
        var description = "Churn rate at each \(result.unit): " + groups.map { "\($0.group): \(percent($0.value)) of \($0.n)" }.joined(separator: "; ") + "."
        if let threshold = result.threshold {
            let previous = scores.filter { $0 < threshold.score }.max() ?? threshold.score
            let tx = (x(threshold.score) + x(previous)) / 2
            body.append(SVG("line", ["x1": .number(tx), "y1": .number(plot.top), "x2": .number(tx), "y2": .number(plot.bottom), "stroke": .text(Palette.ink), "stroke-dasharray": "6 4"]))
            body.append(SVG.text("below \(number(threshold.score)): \(percent(threshold.below.value)) churn", ["x": .number(tx - 6), "y": .number(plot.top + 12), "text-anchor": "end", "font-size": 12]))
            body.append(SVG.text("\(number(threshold.score))+: \(percent(threshold.above.value))", ["x": .number(tx + 6), "y": .number(plot.top + 12), "font-size": 12]))
            description += " Below \(number(threshold.score)) churn is \(percent(threshold.below.value)) (n=\(threshold.below.n)); at \(number(threshold.score)) or above \(percent(threshold.above.value)) (n=\(threshold.above.n))."
        }
        body.append(legend("Dot size: customers at that score"))
        return (body, description)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
