import Foundation
import Mindscope

/// Standalone SVG charts, written by Mindscope itself: no browser, script or network.
///
/// Every chart has a `<title>` and a `<desc>` that states its numbers in words, labelled axes
/// with units, and is readable in grey scale (dark and light greys, a hatch for the second
/// series, values printed on the marks). Text from the data is escaped.
public enum SVGChart {
    static let width = 640.0, height = 400.0
    static let plot = (left: 70.0, right: 610.0, top: 80.0, bottom: 330.0)

    /// The chart for a tabular result, titled for the persona.
    public static func render(_ result: TabularResult, for persona: Persona) -> String {
        let svg: String
        switch result.chartKind {
        case .box: svg = box(result, title: result.name)
        case .groupedBar: svg = groupedBar(result, title: result.name)
        case .strip: svg = strip(result, title: result.name)
        case .histogram: svg = histogram(result, title: result.name)
        case .line: svg = line(result, title: result.name)
        case .bar: svg = bar(result, title: result.name)
        }
        // The persona the chart is titled for, under the title.
        return svg.replacingOccurrences(of: subtitleMarker, with: escape("For \(persona.name)"))
            .replacingOccurrences(of: "<title id=\"chart-title\">\(escape(result.name))</title>",
                                  with: "<title id=\"chart-title\">\(escape("\(result.name), for \(persona.name)"))</title>")
    }

    // MARK: Pieces

    /// Replaced by the persona line once the chart is drawn.
    static let subtitleMarker = "\u{1}SUBTITLE\u{1}"

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static func n(_ x: Double) -> String { String(format: "%.1f", x) }

    static func document(title: String, description: String, body: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="chart-title chart-desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">
        <title id="chart-title">\(escape(title))</title>
        <desc id="chart-desc">\(escape(description))</desc>
        <defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#d9d9d9"/><line x1="0" y1="0" x2="0" y2="6" stroke="#555" stroke-width="2"/></pattern></defs>
        <rect width="100%" height="100%" fill="#fff"/>
        <text x="\(n(width / 2))" y="26" text-anchor="middle" font-size="16" font-weight="600" fill="#111">\(escape(title))</text>
        <text x="\(n(width / 2))" y="46" text-anchor="middle" font-size="12" fill="#444">\(subtitleMarker)</text>
        \(body)
        </svg>
        """
    }

    /// Axes with ticks from 0 to `maximum`, labels, and a y-axis title.
    static func axes(maximum: Double, format: (Double) -> String, yLabel: String, xLabel: String) -> String {
        var out = ""
        for step in 0...4 {
            let value = maximum * Double(step) / 4
            let y = plot.bottom - (plot.bottom - plot.top) * Double(step) / 4
            out += "<line x1=\"\(n(plot.left))\" y1=\"\(n(y))\" x2=\"\(n(plot.right))\" y2=\"\(n(y))\" stroke=\"#e5e5e5\"/>"
            out += "<text x=\"\(n(plot.left - 8))\" y=\"\(n(y + 4))\" text-anchor=\"end\" font-size=\"12\" fill=\"#333\">\(escape(format(value)))</text>\n"
        }
        out += "<line x1=\"\(n(plot.left))\" y1=\"\(n(plot.bottom))\" x2=\"\(n(plot.right))\" y2=\"\(n(plot.bottom))\" stroke=\"#333\"/>"
        out += "<line x1=\"\(n(plot.left))\" y1=\"\(n(plot.top))\" x2=\"\(n(plot.left))\" y2=\"\(n(plot.bottom))\" stroke=\"#333\"/>\n"
        out += "<text transform=\"translate(18 \(n((plot.top + plot.bottom) / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"13\" fill=\"#111\">\(escape(yLabel))</text>\n"
        out += "<text x=\"\(n((plot.left + plot.right) / 2))\" y=\"\(n(height - 20))\" text-anchor=\"middle\" font-size=\"13\" fill=\"#111\">\(escape(xLabel))</text>\n"
        return out
    }

    static func y(_ value: Double, _ maximum: Double) -> Double {
        plot.bottom - (plot.bottom - plot.top) * (maximum > 0 ? min(max(value / maximum, 0), 1) : 0)
    }

    static func niceMaximum(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for step in [1.0, 2, 2.5, 5, 10] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    /// A group's name under the axis and a note (its n) under that.
    static func groupLabel(at x: Double, _ name: String, note: String) -> String {
        "<text x=\"\(n(x))\" y=\"\(n(plot.bottom + 18))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#111\">\(escape(name))</text>"
            + "<text x=\"\(n(x))\" y=\"\(n(plot.bottom + 34))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">\(escape(note))</text>\n"
    }

    static func percent(_ x: Double) -> String { Format.percent(x) }
    static func number(_ x: Double) -> String { Format.number(x, trimmed: true) }

    // MARK: Charts

    /// Rates per group with their 95 % intervals as whiskers.
    static func bar(_ result: TabularResult, title: String) -> String {
        let groups = result.groups
        let slot = (plot.right - plot.left) / Double(max(groups.count, 1))
        var body = axes(maximum: 1, format: percent, yLabel: result.unit.capitalizedFirst + " (%)", xLabel: result.segmentLabel)
        for (index, group) in groups.enumerated() {
            let x = plot.left + slot * Double(index) + slot * 0.2, w = slot * 0.6
            let top = y(group.value, 1)
            body += "<rect x=\"\(n(x))\" y=\"\(n(top))\" width=\"\(n(w))\" height=\"\(n(plot.bottom - top))\" fill=\"#4d4d4d\"><title>\(escape("\(group.group): \(percent(group.value)) of \(group.n)"))</title></rect>\n"
            if let low = group.low, let high = group.high {
                let cx = x + w / 2
                body += "<path d=\"M\(n(cx)) \(n(y(low, 1))) V\(n(y(high, 1))) M\(n(cx - 6)) \(n(y(low, 1))) H\(n(cx + 6)) M\(n(cx - 6)) \(n(y(high, 1))) H\(n(cx + 6))\" stroke=\"#999\" stroke-width=\"2\" fill=\"none\"/>\n"
            }
            body += "<text x=\"\(n(x + w / 2))\" y=\"\(n(top - 8))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#111\">\(percent(group.value))</text>"
            body += groupLabel(at: x + w / 2, group.group, note: "n=\(group.n)")
        }
        let description = "\(result.unit.capitalizedFirst) by \(result.segment ?? "group"): " + groups.map { "\($0.group) \(percent($0.value)) of \($0.n)" }.joined(separator: "; ") + ". Whiskers show 95% intervals."
        return document(title: title, description: description, body: body)
    }

    /// Box plots: quartiles, median, range, and the mean as a dot.
    static func box(_ result: TabularResult, title: String) -> String {
        let groups = result.groups
        let maximum = niceMaximum(groups.map { $0.quartiles?.max ?? $0.value }.max() ?? 1)
        let slot = (plot.right - plot.left) / Double(max(groups.count, 1))
        var body = axes(maximum: maximum, format: number, yLabel: result.unit.capitalizedFirst, xLabel: result.segmentLabel)
        for (index, group) in groups.enumerated() {
            let x = plot.left + slot * Double(index) + slot * 0.3, w = slot * 0.4, cx = x + w / 2
            let q1 = group.quartiles?.q1 ?? group.value, q3 = group.quartiles?.q3 ?? group.value
            let median = group.quartiles?.median ?? group.value
            body += "<path d=\"M\(n(cx)) \(n(y(group.quartiles?.min ?? q1, maximum))) V\(n(y(q1, maximum))) M\(n(cx)) \(n(y(q3, maximum))) V\(n(y(group.quartiles?.max ?? q3, maximum)))\" stroke=\"#555\" stroke-width=\"1.5\"/>\n"
            body += "<rect x=\"\(n(x))\" y=\"\(n(y(q3, maximum)))\" width=\"\(n(w))\" height=\"\(n(max(y(q1, maximum) - y(q3, maximum), 2)))\" fill=\"#d9d9d9\" stroke=\"#333\"><title>\(escape("\(group.group): mean \(number(group.value)), median \(number(median)), n=\(group.n)"))</title></rect>\n"
            body += "<line x1=\"\(n(x))\" y1=\"\(n(y(median, maximum)))\" x2=\"\(n(x + w))\" y2=\"\(n(y(median, maximum)))\" stroke=\"#111\" stroke-width=\"3\"/>"
            body += "<circle cx=\"\(n(cx))\" cy=\"\(n(y(group.value, maximum)))\" r=\"4\" fill=\"#fff\" stroke=\"#111\" stroke-width=\"2\"/>\n"
            body += groupLabel(at: cx, group.group, note: "n=\(group.n), mean \(number(group.value))")
        }
        let description = "\(result.unit.capitalizedFirst) per customer by \(result.segment ?? "group"): " + groups.map { "\($0.group) mean \(number($0.value)) (n=\($0.n))" }.joined(separator: "; ") + ". Boxes show quartiles, the thick line the median, the dot the mean."
        return document(title: title, description: description, body: body)
    }

    /// Two measures side by side per group, with their ratio above.
    static func groupedBar(_ result: TabularResult, title: String) -> String {
        let groups = result.groups
        let maximum = niceMaximum(groups.flatMap { [$0.numerator ?? 0, $0.denominator ?? 0] }.max() ?? 1)
        let slot = (plot.right - plot.left) / Double(max(groups.count, 1))
        var body = axes(maximum: maximum, format: number, yLabel: "Mean per customer", xLabel: result.segmentLabel)
        for (index, group) in groups.enumerated() {
            let x = plot.left + slot * Double(index) + slot * 0.15, w = slot * 0.35
            for (offset, value, fill) in [(0.0, group.numerator ?? 0, "#4d4d4d"), (w, group.denominator ?? 0, "url(#hatch)")] {
                body += "<rect x=\"\(n(x + offset))\" y=\"\(n(y(value, maximum)))\" width=\"\(n(w))\" height=\"\(n(plot.bottom - y(value, maximum)))\" fill=\"\(fill)\" stroke=\"#333\"/>"
                body += "<text x=\"\(n(x + offset + w / 2))\" y=\"\(n(y(value, maximum) - 6))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#111\">\(number(value))</text>\n"
            }
            body += groupLabel(at: x + w, group.group, note: "n=\(group.n), ratio \(number(group.value))")
        }
        body += "<rect x=\"\(n(plot.right - 190))\" y=\"52\" width=\"14\" height=\"14\" fill=\"#4d4d4d\"/><text x=\"\(n(plot.right - 170))\" y=\"64\" font-size=\"12\">app logins</text>"
        body += "<rect x=\"\(n(plot.right - 95))\" y=\"52\" width=\"14\" height=\"14\" fill=\"url(#hatch)\" stroke=\"#333\"/><text x=\"\(n(plot.right - 75))\" y=\"64\" font-size=\"12\">transactions</text>\n"
        let description = "Mean app logins and transactions per customer by \(result.segment ?? "group"): " + groups.map { "\($0.group) \(number($0.numerator ?? 0)) logins, \(number($0.denominator ?? 0)) transactions, \(number($0.value)) \(result.unit) (n=\($0.n))" }.joined(separator: "; ") + "."
        return document(title: title, description: description, body: body)
    }

    /// Mean per group as adjacent bars on a shared axis (a histogram of the group means), for
    /// distributions when `chart = histogram`.
    static func histogram(_ result: TabularResult, title: String) -> String {
        let groups = result.groups
        let maximum = niceMaximum(groups.map(\.value).max() ?? 1)
        let slot = (plot.right - plot.left) / Double(max(groups.count, 1))
        var body = axes(maximum: maximum, format: number, yLabel: result.unit.capitalizedFirst, xLabel: result.segmentLabel)
        for (index, group) in groups.enumerated() {
            let x = plot.left + slot * Double(index)
            body += "<rect x=\"\(n(x))\" y=\"\(n(y(group.value, maximum)))\" width=\"\(n(slot))\" height=\"\(n(plot.bottom - y(group.value, maximum)))\" fill=\"#bdbdbd\" stroke=\"#333\"/>"
            body += "<text x=\"\(n(x + slot / 2))\" y=\"\(n(y(group.value, maximum) - 6))\" text-anchor=\"middle\" font-size=\"12\">\(number(group.value))</text>"
            body += groupLabel(at: x + slot / 2, group.group, note: "n=\(group.n)")
        }
        let description = "\(result.unit.capitalizedFirst) by \(result.segment ?? "group"): " + groups.map { "\($0.group) \(number($0.value)) (n=\($0.n))" }.joined(separator: "; ") + "."
        return document(title: title, description: description, body: body)
    }

    /// Values per group joined by a line, with markers (for ordered groups such as ages), when
    /// `chart = line`.
    static func line(_ result: TabularResult, title: String) -> String {
        let groups = result.groups
        let isRate = result.kind == .rateBySegment
        let maximum = isRate ? 1 : niceMaximum(groups.map(\.value).max() ?? 1)
        let step = (plot.right - plot.left - 40) / Double(max(groups.count - 1, 1))
        func x(_ index: Int) -> Double { plot.left + 20 + step * Double(index) }
        var body = axes(maximum: maximum, format: isRate ? percent : number, yLabel: result.unit.capitalizedFirst, xLabel: result.segmentLabel)
        let points = groups.enumerated().map { "\(n(x($0.offset))),\(n(y($0.element.value, maximum)))" }.joined(separator: " ")
        body += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#333\" stroke-width=\"2.5\"/>\n"
        for (index, group) in groups.enumerated() {
            let label = isRate ? percent(group.value) : number(group.value)
            body += "<circle cx=\"\(n(x(index)))\" cy=\"\(n(y(group.value, maximum)))\" r=\"5\" fill=\"#fff\" stroke=\"#111\" stroke-width=\"2\"/>"
            body += "<text x=\"\(n(x(index)))\" y=\"\(n(y(group.value, maximum) - 10))\" text-anchor=\"middle\" font-size=\"12\">\(label)</text>"
            body += groupLabel(at: x(index), group.group, note: "n=\(group.n)")
        }
        let description = "\(result.unit.capitalizedFirst) by \(result.segment ?? "group"): " + groups.map { "\($0.group) \(isRate ? percent($0.value) : number($0.value)) (n=\($0.n))" }.joined(separator: "; ") + "."
        return document(title: title, description: description, body: body)
    }

    /// Churn rate at each score, with the threshold below which it rises most.
    static func strip(_ result: TabularResult, title: String) -> String {
        let groups = result.groups
        let scores = groups.compactMap { Double($0.group) }
        let low = scores.min() ?? 0, high = max(scores.max() ?? 1, low + 1)
        func x(_ score: Double) -> Double { plot.left + 20 + (plot.right - plot.left - 40) * (score - low) / (high - low) }
        var body = axes(maximum: 1, format: percent, yLabel: "Churn rate (%)", xLabel: result.unit.capitalizedFirst)
        for group in groups {
            guard let score = Double(group.group) else { continue }
            let cy = y(group.value, 1)
            body += "<circle cx=\"\(n(x(score)))\" cy=\"\(n(cy))\" r=\"\(n(4 + min(Double(group.n), 12)))\" fill=\"#4d4d4d\" fill-opacity=\"0.8\" stroke=\"#111\"><title>\(escape("score \(group.group): \(percent(group.value)) churned of \(group.n)"))</title></circle>"
            body += "<text x=\"\(n(x(score)))\" y=\"\(n(plot.bottom + 18))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#111\">\(escape(group.group))</text>"
            body += "<text x=\"\(n(x(score)))\" y=\"\(n(cy - 12 - min(Double(group.n), 12)))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">n=\(group.n)</text>\n"
        }
        var description = "Churn rate at each \(result.unit): " + groups.map { "\($0.group): \(percent($0.value)) of \($0.n)" }.joined(separator: "; ") + "."
        if let threshold = result.threshold {
            let previous = scores.filter { $0 < threshold.score }.max() ?? threshold.score
            let tx = (x(threshold.score) + x(previous)) / 2
            body += "<line x1=\"\(n(tx))\" y1=\"\(n(plot.top))\" x2=\"\(n(tx))\" y2=\"\(n(plot.bottom))\" stroke=\"#111\" stroke-dasharray=\"6 4\"/>"
            body += "<text x=\"\(n(tx - 6))\" y=\"\(n(plot.top + 12))\" text-anchor=\"end\" font-size=\"12\" fill=\"#111\">below \(number(threshold.score)): \(percent(threshold.below.value)) churn</text>"
            body += "<text x=\"\(n(tx + 6))\" y=\"\(n(plot.top + 12))\" font-size=\"12\" fill=\"#111\">\(number(threshold.score))+: \(percent(threshold.above.value))</text>\n"
            description += " Below \(number(threshold.score)) churn is \(percent(threshold.below.value)) (n=\(threshold.below.n)); at \(number(threshold.score)) or above \(percent(threshold.above.value)) (n=\(threshold.above.n))."
        }
        return document(title: title, description: description, body: body)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
