import Foundation
import Testing
import Mindscope
import MindscopeReport
import TestSupport

/// The HTML report shows text from the data and from persona files: comments (as quotes), ids,
/// segment values, column headers, persona names, descriptions, goals and pain points; also the
/// export's path. None of it may become markup, and each must read back exactly as written.
/// The payload corpus is `Tests/Fixtures/XSS` (see its `make_corpus.py`); `.ci/xss` loads the
/// same reports in headless Chromium.
///
/// The checks read the page as a browser would (elements, then their text with character
/// references decoded), so they hold whichever characters the report chooses to escape.
@Suite struct ReportEscapingTests {
    static let payloadPersona = try! Fixtures.personas.load(Fixtures.fixture("XSS/personas/payload_persona.json"))
    static let unservedPersona = try! Fixtures.personas.load(Fixtures.fixture("XSS/personas/payload_unserved.json"))

    /// The payload export read by the payload personas and shipped ones, as
    /// `mindscope report FILE --persona …` does.
    static let result: AnalysisResult = {
        let shipped = ["cfo", "product_manager", "eco_conscious_shopper", "retail_banking_cxo"].map { try! Fixtures.personas.load($0) }
        return try! render(Fixtures.fixture("XSS/export.csv"), personas: [payloadPersona, unservedPersona] + shipped)
    }()
    static let page = Page(HTMLReport.render(result))

    static func render(_ path: String, personas: [Persona], explicit: Bool = true) throws -> AnalysisResult {
        try FeedbackAnalysis(analyzer: Fixtures.analyzer, lexicons: Fixtures.retail)
            .run(Fixtures.survey(path), personas: personas, explicit: explicit, report: { _ in })
    }

    var page: Page { Self.page }

    func payloadReading() throws -> PersonaReading {
        try #require(Self.result.readings.first { $0.persona.id == "payload_persona" })
    }

    // MARK: Comments and ids

    @Test func commentPayloadsAreQuotedAsText() throws {
        // Detail "high": every issue, three quotes each, as the table shows them.
        let shown = try payloadReading().issues.flatMap { $0.evidence.prefix(3) }
        let quotes = shown.filter { $0.quote.contains("<") }
        #expect(Set(quotes.map(\.quote)).count >= 20, "the payload comments no longer reach the report as quotes")
        let items = page.texts(of: "li")
        for evidence in quotes {
            // The whole comment, the evidence span marked, then "#id · …".
            #expect(items.contains { $0.contains(evidence.quote) && $0.contains(" #") }, "quote not shown as written: \(evidence.quote)")
            #expect(page.texts(of: "mark").contains(evidence.quote), "evidence not marked as written: \(evidence.quote)")
            #expect(!page.source(contains: evidence.quote), "quote in the page as markup: \(evidence.quote)")
        }
        #expect(page.source(contains: "&lt;script&gt;top.document.documentElement.dataset"))
    }

    @Test func idsAreShownAsTextIncludingCharacterReferences() throws {
        let shown = try payloadReading().issues.flatMap { $0.evidence.prefix(3) }
        let ids = Set(shown.map(\.id).filter { $0.contains("<") || $0.contains("&") })
        #expect(ids.count >= 8)
        #expect(ids.contains { $0.contains("&lt;script&gt;") } && ids.contains { $0.contains("&#x3C;") })
        let items = page.texts(of: "li")
        for id in ids {
            // `&lt;script&gt;` in the data reads `&lt;script&gt;`, not `<script>`.
            #expect(items.contains { $0.contains("#\(id) · ") }, "id not shown as written: \(id)")
            #expect(!id.contains("<") || !page.source(contains: id), "id in the page as markup: \(id)")
        }
    }

    // MARK: Segments and column headers

    @Test func segmentValuesAndHeadersAreTextInInsightsAndCharts() throws {
        let segmented = try payloadReading().analyses.filter { $0.segment != nil }
        #expect(Set(segmented.compactMap(\.segment)).count == 2, "both payload segment columns are analysed")
        let headings = page.texts(of: "h3"), items = page.texts(of: "li"), chartTexts = page.texts(of: "text")
        for analysis in segmented {
            let header = try #require(analysis.segment)
            #expect(header.contains("<") && !page.source(contains: header), "header in the page as markup: \(header)")
            #expect(headings.contains(analysis.name), "analysis title: \(analysis.name)")
            #expect(chartTexts.contains(header.replacingOccurrences(of: "_", with: " ")), "chart axis: \(header)")
            for group in analysis.groups where group.group.contains("<") || group.group.contains("&") {
                #expect(!group.group.contains("<") || !page.source(contains: group.group), "segment value as markup: \(group.group)")
                #expect(chartTexts.contains(group.group), "chart label: \(group.group)")
                #expect(items.contains { $0.hasPrefix("By ") && $0.contains("\(group.group) ") }, "insight: \(group.group)")
            }
        }
        #expect(segmented.flatMap(\.groups).filter { $0.group.contains("<") }.count >= 15)
    }

    // MARK: Personas

    @Test func personaFieldsAreText() throws {
        let persona = Self.payloadPersona
        #expect(persona.name.contains("<script>") && !page.source(contains: persona.name))
        #expect(page.texts(of: "h2").contains(persona.name))
        #expect(page.texts(of: "a").contains(persona.name), "navigation link")
        // In the charts: under the title and in the accessible title.
        #expect(page.texts(of: "text").contains("For \(persona.name)"))
        #expect(page.texts(of: "title").contains { $0.hasSuffix(", for \(persona.name)") })
        let paragraphs = page.texts(of: "p")
        #expect(paragraphs.contains("\(persona.tone) tone, high detail · \(persona.description)"))
        #expect(persona.tone.contains("<svg") && persona.description.contains("</title>"))
        for goal in persona.goals {
            #expect(page.text.contains(goal), "goal: \(goal)")
            #expect(!goal.contains("<") || !page.source(contains: goal), "goal as markup: \(goal)")
        }
        #expect(paragraphs.contains { $0.hasPrefix("Chosen by the goal “\(persona.goals[0])”") })
        #expect(page.texts(of: "strong").contains(persona.goals[7]), "a goal the data cannot answer")
        for text in [persona.description] + persona.painPoints {
            #expect(page.text.contains(text), "not shown as written: \(text)")
            #expect(!text.contains("<") || !page.source(contains: text), "as markup: \(text)")
        }
    }

    @Test func personasNotShownAreListedAsText() throws {
        let result = try Self.render(Fixtures.fixture("XSS/export.csv"), personas: [Self.payloadPersona, Self.unservedPersona], explicit: false)
        #expect(result.skipped.contains { $0.persona.id == "payload_unserved" })
        let page = Page(HTMLReport.render(result))
        #expect(page.texts(of: "h2").contains("Not shown"))
        #expect(page.texts(of: "li").contains { $0.hasPrefix("\(Self.unservedPersona.name): ") })
        #expect(!page.source(contains: Self.unservedPersona.name))
        #expect(page.problems.isEmpty, "\(page.problems)")
    }

    /// A persona's id (its `id` field, else its file name) must not reach an attribute as markup.
    @Test func personaIdIsNoMarkup() throws {
        // Rejecting such an id when the file is read is a fix too.
        guard let persona = try? Fixtures.personas.load(Fixtures.fixture("XSS/personas/payload_persona_id.json")) else { return }
        #expect(persona.id.contains("\"><img"))
        let page = Page(HTMLReport.render(try Self.render(Fixtures.fixture("XSS/export.csv"), personas: [persona])))
        #expect(page.problems.isEmpty, "\(page.problems)")
        #expect(!page.source(contains: "<img"))
        #expect(page.texts(of: "h2").contains(persona.name))
    }

    // MARK: Names the dashboard shows

    /// Theme and topic names (a user's `--add-themes` file, discovered phrases), segment values
    /// and period labels reach the strip, the comment charts, the trend charts and the heat map:
    /// none may become markup.
    @Test func themeTopicSegmentAndPeriodNamesAreText() throws {
        let payload = "<img src=x onerror=alert(7)>&amp;\""
        var result = Self.result
        for key in Array(result.themeNames.keys) { result.themeNames[key] = payload + key }
        result.uncovered = [UncoveredTopic(id: "t", name: payload, cues: [payload], comments: 40, share: 0.1, negative: 30, positive: 2,
                                           averageRating: 2, averageRatingWithout: 4, evidence: [])]
        for index in result.readings.indices {
            for issue in result.readings[index].issues.indices {
                result.readings[index].issues[issue].name = payload
                let difference = SegmentDifference(theme: "t", column: payload, value: payload, n: 40, negatives: 20, negativeShare: 0.5,
                                                   rest: 0.1, restN: 400, interval: 0.35...0.65, pValue: 0.001, significant: true)
                result.readings[index].issues[issue].segments = [difference]
                result.readings[index].issues[issue].trend = ThemeTrend(
                    period: .month, points: [.init(period: payload, n: 50, negatives: 5, share: 0.1), .init(period: payload + "2", n: 60, negatives: 30, share: 0.5)],
                    earlierShare: 0.1, earlierN: 50, last: payload + "2", pValue: 0.0001, emerging: true)
            }
        }
        let page = Page(HTMLReport.render(result))
        #expect(page.problems.isEmpty, "\(page.problems)")
        #expect(!page.source(contains: "<img"))
        #expect(Set(page.tags.map(\.name)).isDisjoint(with: ["img", "script"]))
        #expect(page.texts(of: "text").contains { $0.contains(payload) }, "names in the SVG charts read as written")
        #expect(page.texts(of: "td").contains { $0.contains(payload) }, "names in the heat map read as written")
        #expect(page.texts(of: "h3").contains { $0.contains(payload) }, "names in chart headings read as written")
    }

    // MARK: The page as a whole

    @Test func noMarkupComesFromTheData() {
        #expect(page.problems.isEmpty, "\(page.problems)")
        let names = Set(page.tags.map(\.name))
        #expect(names.isDisjoint(with: ["script", "iframe", "img", "object", "embed", "base", "link", "form", "input", "math", "foreignobject", "animate", "video"]))
        #expect(page.tags.filter { $0.name == "style" }.count == 1)
        // Every analysis's chart, and the comment charts (themes, impact, trends, topics).
        #expect(page.tags.filter { $0.name == "svg" }.count >= Self.result.readings.map(\.analyses.count).reduce(0, +) + 1)
        #expect(!page.source(contains: "\u{0}"), "a NUL from the data reaches the page")
    }

    /// The export's path is the page's title.
    @Test func inputPathIsText() throws {
        let path = Fixtures.temporaryFile(try Data(contentsOf: URL(fileURLWithPath: Fixtures.fixture("XSS/export.csv"))),
                                          name: "e\"><img src=x onerror=alert(1)> &lt;b&gt;.csv")
        let page = Page(HTMLReport.render(try Self.render(path, personas: [Self.payloadPersona])))
        #expect(page.texts(of: "title").first == "Mindscope report: \(path)")
        #expect(page.problems.isEmpty, "\(page.problems)")
        #expect(!page.source(contains: "<img"))
    }

    /// Shipped corpora with the payload persona: the persona's text lands in charts of real data.
    @Test(arguments: ["retail_banking_customers.csv", "ecommerce_feedback.csv", "product_reviews.csv", "support_tickets.jsonl"])
    func shippedCorporaWithThePayloadPersona(_ corpus: String) throws {
        let page = Page(HTMLReport.render(try Self.render(Fixtures.corpus(corpus), personas: [Self.payloadPersona])))
        #expect(page.problems.isEmpty, "\(page.problems)")
        #expect(page.texts(of: "h2").contains(Self.payloadPersona.name))
        #expect(!page.source(contains: Self.payloadPersona.name))
    }

    // MARK: SVG charts

    @Test(arguments: ChartKind.allCases)
    func chartTextIsEscapedInEveryChartKind(_ kind: ChartKind) throws {
        let result = try Fixtures.analyze(Fixtures.corpus("retail_banking_customers.csv"), personas: ["retail_banking_cxo"])
        let payloads = ["<script>alert(1)</script>", "&lt;b&gt; & &#x3C;", "\" onmouseover=\"alert(1)",
                        "' autofocus onfocus='alert(1)", "</title><svg onload=alert(1)>", "]]><!--"]
        let persona = Persona(id: "p", name: "</title><script>alert(2)</script> \" onload=\"alert(3)")
        for var analysis in result.readings[0].analyses {
            analysis.chartKind = kind
            analysis.segment = "age <img src=x onerror=alert(4)>"
            for index in analysis.groups.indices { analysis.groups[index].group = payloads[index % payloads.count] }
            let svg = Page(SVGChart.render(analysis, for: persona))
            #expect(svg.problems.isEmpty, "\(svg.problems)")
            #expect(Set(svg.tags.map(\.name)).isSubset(of: ["svg", "title", "desc", "defs", "pattern", "rect", "line", "text", "path", "circle", "polyline"]))
            #expect(!svg.source(contains: "<script") && !svg.source(contains: "<img") && !svg.source(contains: "<svg onload"))
            #expect(svg.texts(of: "text").contains("For \(persona.name)"))
            #expect(svg.texts(of: "title").first == "\(analysis.name), for \(persona.name)")
            #expect(svg.texts(of: "desc").count == 1)
            if kind != .strip {  // a strip chart's groups and axis are scores
                for group in analysis.groups { #expect(svg.texts(of: "text").contains(group.group), "\(group.group)") }
                #expect(svg.texts(of: "text").contains("age <img src=x onerror=alert(4)>"))
                // `&` is escaped too, so a reference in the data reads as written.
                #expect(svg.source(contains: "&amp;lt;b&amp;gt; &amp; &amp;#x3C;"))
            }
        }
    }
}

// MARK: Reading a page as a browser would

extension ReportEscapingTests {
    /// A rendered page: its start tags and the text of its elements, character references
    /// decoded. A failed expectation prints a summary, not the whole page.
    struct Page: CustomTestStringConvertible {
        struct Tag {
            var name: String
            var attributes: [(name: String, value: String)]
            /// Where the tag starts and ends (after its `>`) in `scalars`.
            var start: Int
            var end: Int
        }

        let source: String
        let scalars: [Unicode.Scalar]
        let tags: [Tag]
        let tagsByStart: [Int: Tag]

        init(_ html: String) {
            source = html
            scalars = Array(html.unicodeScalars)
            tags = Page.scan(scalars)
            tagsByStart = Dictionary(tags.map { ($0.start, $0) }, uniquingKeysWith: { a, _ in a })
        }

        var testDescription: String { "page of \(scalars.count) characters" }

        func source(contains needle: String) -> Bool { source.contains(needle) }

        /// All the text, a line break wherever a tag was.
        var text: String {
            var out = "", i = 0
            while i < scalars.count {
                if let next = markupEnd(at: i) { out += "\n"; i = next; continue }
                out.unicodeScalars.append(scalars[i])
                i += 1
            }
            return Page.decode(out)
        }

        /// The text of every element named `name`, decoded, without the markup inside it.
        func texts(of name: String) -> [String] {
            tags.filter { $0.name == name }.map { tag in
                var depth = 0, i = tag.end, text = ""
                while i < scalars.count {
                    if let inner = tagsByStart[i] {
                        if inner.name == name { depth += 1 }
                        i = inner.end
                        continue
                    }
                    if let next = markupEnd(at: i) {
                        if closingName(at: i) == name {
                            if depth == 0 { break }
                            depth -= 1
                        }
                        i = next
                        continue
                    }
                    text.unicodeScalars.append(scalars[i])
                    i += 1
                }
                return Page.decode(text)
            }
        }

        /// Where the markup at `i` (a start or end tag, a comment or declaration) ends, if any.
        func markupEnd(at i: Int) -> Int? {
            if let tag = tagsByStart[i] { return tag.end }
            guard scalars[i] == "<", i + 1 < scalars.count, scalars[i + 1] == "/" || scalars[i + 1] == "!" else { return nil }
            var j = i
            while j < scalars.count, scalars[j] != ">" { j += 1 }
            return min(j + 1, scalars.count)
        }

        func closingName(at i: Int) -> String? {
            guard scalars[i] == "<", i + 1 < scalars.count, scalars[i + 1] == "/" else { return nil }
            var name = "", j = i + 2
            while j < scalars.count, scalars[j] != ">", scalars[j] != " " { name.unicodeScalars.append(scalars[j]); j += 1 }
            return name.lowercased()
        }

        /// What would let the page run script or load anything: script-capable elements, event
        /// handler attributes, `javascript:` URLs, links other than to the page's own fragments.
        var problems: [String] {
            var problems: [String] = []
            for tag in tags {
                if ["script", "iframe", "frame", "object", "embed", "base", "link", "form", "img", "image", "input", "video",
                    "audio", "source", "math", "foreignobject", "animate", "set", "use", "noscript", "template"].contains(tag.name) {
                    problems.append("<\(tag.name)>")
                }
                if tag.name == "meta", tag.attributes.contains(where: { $0.name == "http-equiv" }) { problems.append("<meta http-equiv>") }
                for (name, value) in tag.attributes {
                    let url = value.unicodeScalars.filter { $0.value > 0x20 }.map(String.init).joined().lowercased()
                    if name.hasPrefix("on") { problems.append("<\(tag.name) \(name)=…>") }
                    if ["srcdoc", "autofocus", "formaction", "src", "xlink:href", "action"].contains(name) { problems.append("<\(tag.name) \(name)>") }
                    if url.hasPrefix("javascript:") || url.hasPrefix("vbscript:") { problems.append("<\(tag.name) \(name)=\(value)>") }
                    if name == "href", !value.hasPrefix("#") { problems.append("<\(tag.name) href=\(value)>") }
                    if name == "style" || (url.contains("url(") && !url.contains("url(#")) { problems.append("<\(tag.name) \(name)=\(value)>") }
                }
            }
            return problems
        }

        /// Start tags, read as an HTML tokenizer reads them: `<` and a letter open a tag, whose
        /// attributes run to the first `>` outside quotes.
        static func scan(_ chars: [Unicode.Scalar]) -> [Tag] {
            var found: [Tag] = []
            var i = 0
            func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{C}" }
            while i < chars.count {
                guard chars[i] == "<", i + 1 < chars.count, chars[i + 1].properties.isAlphabetic else { i += 1; continue }
                let start = i
                i += 1
                var name = ""
                while i < chars.count, !isSpace(chars[i]), chars[i] != ">", chars[i] != "/" { name.unicodeScalars.append(chars[i]); i += 1 }
                var attributes: [(name: String, value: String)] = []
                while i < chars.count, chars[i] != ">" {
                    if isSpace(chars[i]) || chars[i] == "/" { i += 1; continue }
                    var attribute = ""
                    repeat { attribute.unicodeScalars.append(chars[i]); i += 1 }
                    while i < chars.count && !isSpace(chars[i]) && chars[i] != "=" && chars[i] != ">" && chars[i] != "/"
                    var value = ""
                    if i < chars.count, chars[i] == "=" {
                        i += 1
                        if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
                            let quote = chars[i]
                            i += 1
                            while i < chars.count, chars[i] != quote { value.unicodeScalars.append(chars[i]); i += 1 }
                            i += 1
                        } else {
                            while i < chars.count, !isSpace(chars[i]), chars[i] != ">" { value.unicodeScalars.append(chars[i]); i += 1 }
                        }
                    }
                    attributes.append((attribute.lowercased(), decode(value)))
                }
                i += 1
                found.append(Tag(name: name.lowercased(), attributes: attributes, start: start, end: min(i, chars.count)))
            }
            return found
        }

        /// Character references decoded: the named ones a report would use, and numeric ones.
        static func decode(_ text: String) -> String {
            guard text.contains("&") else { return text }
            let named = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
            var out = ""
            var rest = Substring(text)
            while let amp = rest.firstIndex(of: "&") {
                out += rest[..<amp]
                rest = rest[amp...]
                if let semicolon = rest.prefix(12).firstIndex(of: ";") {
                    let body = rest[rest.index(after: rest.startIndex)..<semicolon]
                    var decoded: String?
                    if let value = named[String(body)] {
                        decoded = value
                    } else if body.hasPrefix("#x") || body.hasPrefix("#X"), let code = UInt32(body.dropFirst(2), radix: 16) {
                        decoded = Unicode.Scalar(code).map { String(Character($0)) }
                    } else if body.hasPrefix("#"), let code = UInt32(body.dropFirst()) {
                        decoded = Unicode.Scalar(code).map { String(Character($0)) }
                    }
                    if let decoded {
                        out += decoded
                        rest = rest[rest.index(after: semicolon)...]
                        continue
                    }
                }
                out += "&"
                rest = rest.dropFirst()
            }
            return out + rest
        }
    }
}
