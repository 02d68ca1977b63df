import Foundation

/// One SVG element: a name, attributes and children. Every attribute value and text node is
/// escaped when the tree is written, in one place, so text from the data (theme names, segment
/// values, quotes, persona names) can never become markup, whatever chart builds it.
///
/// ```swift
/// let bar = SVG("rect", ["x": 10, "y": 20, "width": 30, "height": 40, "fill": Palette.negative])
///     .with(SVG.title("Delivery: 57 negative"))
/// bar.xml  // <rect x="10" y="20" width="30" height="40" fill="#b2182b"><title>Delivery: 57 negative</title></rect>
/// ```
struct SVG: Sendable {
    /// An attribute value: numbers are written with at most one decimal.
    enum Value: Sendable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
        case text(String)
        case number(Double)

        init(stringLiteral value: String) { self = .text(value) }
        init(floatLiteral value: Double) { self = .number(value) }
        init(integerLiteral value: Int) { self = .number(Double(value)) }

        var written: String {
            switch self {
            case .text(let text): SVG.escape(text)
            case .number(let x): SVG.number(x)
            }
        }
    }

    indirect enum Child: Sendable {
        case element(SVG)
        case text(String)
    }

    var name: String
    /// In the order given (an SVG reader does not care, a test reading the source does).
    var attributes: [(String, Value)]
    var children: [Child] = []

    init(_ name: String, _ attributes: KeyValuePairs<String, Value> = [:], _ children: [SVG] = []) {
        self.name = name
        self.attributes = attributes.map { ($0.key, $0.value) }
        self.children = children.map(Child.element)
    }

    /// This element with more children.
    func with(_ more: SVG...) -> SVG {
        var copy = self
        copy.children += more.map(Child.element)
        return copy
    }

    func with(_ more: [SVG]) -> SVG {
        var copy = self
        copy.children += more.map(Child.element)
        return copy
    }

    /// This element with one more attribute.
    func setting(_ name: String, _ value: Value) -> SVG {
        var copy = self
        copy.attributes.append((name, value))
        return copy
    }

    /// A `<text>` (or `<title>`, `<desc>`) holding `content`, escaped when written.
    static func text(_ content: String, _ attributes: KeyValuePairs<String, Value> = [:], name: String = "text") -> SVG {
        var element = SVG(name, attributes)
        element.children = [.text(content)]
        return element
    }

    static func title(_ content: String) -> SVG { text(content, name: "title") }

    var xml: String {
        var out = "<\(name)"
        for (key, value) in attributes { out += " \(key)=\"\(value.written)\"" }
        guard !children.isEmpty else { return out + "/>" }
        out += ">"
        for child in children {
            switch child {
            case .element(let element): out += element.xml
            case .text(let text): out += Self.escape(text)
            }
        }
        return out + "</\(name)>" + (children.contains { if case .element = $0 { true } else { false } } ? "\n" : "")
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newlines are not allowed in XML.
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                   scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" {
                    out += "\u{FFFD}"
                } else {
                    out.append(character)
                }
            }
        }
        return out
    }

    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let rounded = (x * 10).rounded() / 10
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(format: "%.1f", rounded)
    }

    /// A whole number as text, safe for any value (a measure of 1e19 does not trap).
    static func whole(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        return abs(x) < 1e15 ? String(Int64(x.rounded())) : String(format: "%.3g", x)
    }
}

/// Colours: a diverging red–blue pair from ColorBrewer's RdBu (colour-blind safe), whose two
/// ends also differ in lightness, so negative and positive stay apart in grey-scale print; a
/// neutral grey; and a dark ink for text and marks.
enum Palette {
    static let negative = "#b2182b"
    static let positive = "#92c5de"
    static let neutral = "#bdbdbd"
    static let ink = "#1a1a1a"
    static let muted = "#555555"
    static let grid = "#e5e5e5"
    static let mark = "#2166ac"
    /// Heat-map cells from light to strong (RdBu's reds).
    static let heat = ["#fddbc7", "#f4a582", "#d6604d", "#b2182b"]
}

/// "Nice" axis ticks: 0 and three to six steps of 1, 2, 2.5 or 5 × a power of ten up to at
/// least `maximum`; whole steps only when `whole` (counts).
enum Ticks {
    static func nice(_ maximum: Double, whole: Bool = false) -> [Double] {
        guard maximum > 0, maximum.isFinite else { return [0, 1] }
        let raw = maximum / 4
        let magnitude = pow(10, floor(log10(raw)))
        var step = ([1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw }) ?? 10 * magnitude
        if whole { step = max(1, step.rounded(.up)) }
        let count = Int((maximum / step).rounded(.up))
        return (0...max(count, 1)).map { Double($0) * step }
    }

    /// 0, 25, 50, 75, 100 % (or 0–50 % in steps of 10 when nothing passes a half).
    static func percent(_ maximum: Double) -> [Double] {
        maximum <= 0.5 ? stride(from: 0.0, through: 0.5, by: 0.1).map { $0 } : [0, 0.25, 0.5, 0.75, 1]
    }
}
