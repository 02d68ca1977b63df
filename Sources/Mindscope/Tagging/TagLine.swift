import MindscopeText

/// The line `mindscope tag` writes for a row, JSONL or CSV: the one place that lays out the
/// tag formats. Lines are UTF-8 bytes appended straight from the row and its analysis, with no
/// tree or `String` per field in between.
///
/// A JSON line has its keys in this order (offsets are Unicode scalar offsets into `text`, so
/// `text[start:end]` in Python gives the evidence; scores are rounded to three decimals):
///
/// ```
/// {"id","line","text","sentiment":{"score","label"},
///  "themes":[{"theme","score","label","cues":[…],"evidence":[{"start","end","text"}]}],
///  "signals":[…],"rating","ratingNormalized","value","currency","churned",
///  "recommend" and "time" (only when the file has their column),"segments":{name: value},
///  "sentences":[{"start","end","score","label"}],
///  "explain" (with --explain):[{"term","start","end","text","base","rules":[{"rule","by","change"}],
///             "value","source","theme" (theme phrases),"evidence" (learned phrases)}]}
/// ```
///
/// A CSV line has the header's columns (``appendHeader(to:)``): one per theme, holding its score.
public struct TagLine: Sendable {
    public var format: TagOutputFormat
    /// Add each score's contributions (JSON only).
    public var explain: Bool
    /// Neutralise data cells that a spreadsheet would run as formulas (see ``CSVLine/append(_:inert:to:)``).
    public var neutralizeFormulas: Bool
    /// The theme ids, one CSV column each.
    public var themeIDs: [String]
    /// The file's segment columns, in the order of ``FeedbackRecord/segments``.
    public var segmentNames: [String]
    /// The optional keys the file has columns for, in output order.
    public private(set) var optionalRoles: [ColumnRoles.Role]

    /// The keys written only when the file has their column, in output order.
    public static let optionalKeys: [ColumnRoles.Role] = [.recommend, .time]

    /// `optionalRoles`: the optional keys (``optionalKeys``) the file has columns for.
    public init(format: TagOutputFormat = .jsonl, explain: Bool = false, neutralizeFormulas: Bool = true,
                themeIDs: [String] = [], segmentNames: [String] = [], optionalRoles: Set<ColumnRoles.Role> = []) {
        (self.format, self.explain, self.neutralizeFormulas) = (format, explain, neutralizeFormulas)
        (self.themeIDs, self.segmentNames) = (themeIDs, segmentNames)
        self.optionalRoles = Self.optionalKeys.filter(optionalRoles.contains)
    }

    /// Appends the CSV header line, without its newline (nothing for JSONL).
    public func appendHeader(to out: inout [UInt8]) {
        guard format == .csv else { return }
        // Segment headers come from the data, so they are neutralised as data cells are.
        let fixed = ["id", "text", "sentiment_score", "sentiment_label"] + themeIDs
            + ["signals", "rating", "rating_normalized", "value", "currency", "churned"] + optionalRoles.map(\.rawValue)
        for (i, name) in fixed.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            CSVLine.append(name, to: &out)
        }
        for name in segmentNames {
            out.append(UInt8(ascii: ","))
            CSVLine.append(name, inert: neutralizeFormulas, to: &out)
        }
    }

    /// Appends the line for a row, without its newline.
    public func append(_ record: FeedbackRecord, analysis: CommentAnalysis, to out: inout [UInt8]) {
        switch format {
        case .jsonl: appendJSON(id: record.id, line: record.line, row: record, analysis: analysis, to: &out)
        case .csv: appendCSV(record, analysis: analysis, to: &out)
        }
    }

    /// A comment alone as its JSON line (no row fields: they are null, segments empty), as
    /// `mindscope explain --json` prints it.
    public static func json(id: String, line: Int, analysis: CommentAnalysis, explain: Bool) -> String {
        var out: [UInt8] = []
        TagLine(explain: explain).appendJSON(id: id, line: line, row: nil, analysis: analysis, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A good first capacity for a row's line: its text and evidence, and the keys around them.
    static func capacity(for analysis: CommentAnalysis) -> Int { 320 + 3 * analysis.text.text.utf8.count }

    private func appendJSON(id: String, line: Int, row: FeedbackRecord?, analysis: CommentAnalysis, to out: inout [UInt8]) {
        var text = analysis.text.text
        text.withUTF8 { bytes in
            let offsets = ScalarOffsets(bytes)
            let tokens = analysis.text.tokens
            func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }
            func span(_ range: Range<Int>) {
                out.append(ascii: #""start":"#)
                out.appendInteger(offsets[range.lowerBound])
                out.append(ascii: #","end":"#)
                out.appendInteger(offsets[range.upperBound])
            }
            func strings(_ items: some Sequence<String>) {
                out.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    out.appendJSONString(item)
                }
                out.append(UInt8(ascii: "]"))
            }
            func number(_ x: Double?) { if let x { out.appendJSONNumber(x) } else { out.append(ascii: "null") } }
            func bool(_ b: Bool?) { out.append(ascii: b.map { $0 ? "true" : "false" } ?? "null") }

            out.append(ascii: #"{"id":"#)
            out.appendJSONString(id)
            out.append(ascii: #","line":"#)
            out.appendInteger(line)
            out.append(ascii: #","text":"#)
            out.appendJSONString(bytes)
            out.append(ascii: #","sentiment":{"score":"#)
            out.appendJSONNumber(TagRecord.rounded(analysis.sentiment.score))
            out.append(ascii: #","label":"#)
            out.appendJSONString(analysis.sentiment.label.rawValue)
            out.append(ascii: #"},"themes":["#)
            for (i, theme) in analysis.themes.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(ascii: #"{"theme":"#)
                out.appendJSONString(theme.theme)
                out.append(ascii: #","score":"#)
                out.appendJSONNumber(TagRecord.rounded(theme.score))
                out.append(ascii: #","label":"#)
                out.appendJSONString(theme.label.rawValue)
                out.append(ascii: #","cues":"#)
                strings(theme.cues)
                out.append(ascii: #","evidence":["#)
                for (j, evidence) in theme.evidence.enumerated() {
                    out.append(ascii: j > 0 ? ",{" : "{")
                    span(evidence.range)
                    out.append(ascii: #","text":"#)
                    out.appendJSONString(evidence.text)
                    out.append(UInt8(ascii: "}"))
                }
                out.append(ascii: "]}")
            }
            out.append(ascii: #"],"signals":"#)
            strings(analysis.signals.lazy.map(\.signal))
            out.append(ascii: #","rating":"#)
            number(row?.rating.map { TagRecord.rounded($0.value) })
            out.append(ascii: #","ratingNormalized":"#)
            number(row?.rating.map { TagRecord.rounded($0.normalized) })
            out.append(ascii: #","value":"#)
            number(row?.value?.amount)
            out.append(ascii: #","currency":"#)
            if let currency = row?.value?.currency { out.appendJSONString(currency) } else { out.append(ascii: "null") }
            out.append(ascii: #","churned":"#)
            bool(row?.churned)
            for role in optionalRoles {
                if role == .recommend {
                    out.append(ascii: #","recommend":"#)
                    bool(row?.recommend)
                } else {
                    out.append(ascii: #","time":"#)
                    if let time = row?.time {
                        out.append(UInt8(ascii: "\""))
                        out.appendISO8601(time)  // digits, dashes and colons: nothing to escape
                        out.append(UInt8(ascii: "\""))
                    } else {
                        out.append(ascii: "null")
                    }
                }
            }
            out.append(ascii: #","segments":{"#)
            for (i, (name, value)) in zip(segmentNames, row?.segments ?? []).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.appendJSONString(name)
                out.append(UInt8(ascii: ":"))
                out.appendJSONString(value)
            }
            out.append(ascii: #"},"sentences":["#)
            for (i, sentence) in analysis.sentiment.sentences.enumerated() {
                out.append(ascii: i > 0 ? ",{" : "{")
                span(analysis.text.bytes(of: sentence.tokens))
                out.append(ascii: #","score":"#)
                out.appendJSONNumber(TagRecord.rounded(sentence.score))
                out.append(ascii: #","label":"#)
                out.appendJSONString(sentence.label.rawValue)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
            if explain {
                out.append(ascii: #","explain":["#)
                for (i, contribution) in analysis.sentiment.contributions.enumerated() {
                    let range = analysis.text.bytes(of: contribution.tokens)
                    out.append(ascii: i > 0 ? #",{"term":"# : #"{"term":"#)
                    out.appendJSONString(contribution.term)
                    out.append(UInt8(ascii: ","))
                    span(range)
                    out.append(ascii: #","text":"#)
                    out.appendJSONString(slice(range))
                    out.append(ascii: #","base":"#)
                    out.appendJSONNumber(contribution.base)
                    out.append(ascii: #","rules":["#)
                    for (j, step) in contribution.steps.enumerated() {
                        out.append(ascii: j > 0 ? #",{"rule":"# : #"{"rule":"#)
                        out.appendJSONString(step.rule.rawValue)
                        out.append(ascii: #","by":"#)
                        if let cause = step.cause { out.appendJSONString(slice(tokens[cause].range)) } else { out.append(ascii: "null") }
                        out.append(ascii: #","change":"#)
                        out.appendJSONNumber(TagRecord.rounded(step.after - step.before))
                        out.append(UInt8(ascii: "}"))
                    }
                    out.append(ascii: #"],"value":"#)
                    out.appendJSONNumber(TagRecord.rounded(contribution.value))
                    out.append(ascii: #","source":"#)
                    out.appendJSONString(contribution.source.name)
                    if let theme = analysis.theme(of: contribution) {
                        out.append(ascii: #","theme":"#)
                        out.appendJSONString(theme)
                    }
                    if let learned = analysis.learnedEntry(of: contribution) {
                        out.append(ascii: #","evidence":{"comments":"#)
                        out.appendInteger(learned.comments)
                        out.append(ascii: #","meanRatingWith":"#)
                        out.appendJSONNumber(TagRecord.rounded(learned.meanWith))
                        out.append(ascii: #","meanRatingWithout":"#)
                        out.appendJSONNumber(TagRecord.rounded(learned.meanWithout))
                        out.append(UInt8(ascii: "}"))
                    }
                    out.append(UInt8(ascii: "}"))
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private func appendCSV(_ record: FeedbackRecord, analysis: CommentAnalysis, to out: inout [UInt8]) {
        func number(_ x: Double?) { if let x { out.appendDescription(x) } }
        func bool(_ b: Bool?) { if let b { out.append(ascii: b ? "true" : "false") } }
        func comma() { out.append(UInt8(ascii: ",")) }
        CSVLine.append(record.id, inert: neutralizeFormulas, to: &out)
        comma()
        CSVLine.append(analysis.text.text, inert: neutralizeFormulas, to: &out)
        comma()
        out.appendDescription(TagRecord.rounded(analysis.sentiment.score))
        comma()
        out.append(utf8: analysis.sentiment.label.rawValue)
        for id in themeIDs {
            comma()
            number(analysis.themes.first { $0.theme == id }.map { TagRecord.rounded($0.score) })
        }
        comma()
        let signals = out.count
        for (i, signal) in analysis.signals.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ";")) }
            out.append(utf8: signal.signal)
        }
        CSVLine.quote(&out, from: signals)
        comma()
        number(record.rating.map { TagRecord.rounded($0.value) })
        comma()
        number(record.rating.map { TagRecord.rounded($0.normalized) })
        comma()
        number(record.value?.amount)
        comma()
        CSVLine.append(record.value?.currency ?? "", to: &out)
        comma()
        bool(record.churned)
        for role in optionalRoles {
            comma()
            if role == .recommend { bool(record.recommend) } else if let time = record.time { out.appendISO8601(time) }
        }
        for value in record.segments.prefix(segmentNames.count) {
            comma()
            CSVLine.append(value, inert: neutralizeFormulas, to: &out)
        }
    }
}

extension TokenizedText {
    /// The byte range of a range of tokens, from the first one's start to the last one's end.
    func bytes(of tokens: Range<Int>) -> Range<Int> {
        self.tokens[tokens.lowerBound].range.lowerBound..<self.tokens[tokens.upperBound - 1].range.upperBound
    }
}

extension Contribution.Source {
    /// How the output names the source: `lexicon`, `problem`, `praise` or `learned`.
    var name: String {
        switch self {
        case .lexicon: "lexicon"
        case .problem: "problem"
        case .praise: "praise"
        case .learned: "learned"
        }
    }
}

/// Maps UTF-8 byte offsets of a text to Unicode scalar offsets; for ASCII text (no table) they
/// are the same.
struct ScalarOffsets {
    private let table: [Int]?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.isASCII { table = nil; return }
        var table = [Int](repeating: 0, count: bytes.count + 1)
        var scalar = 0
        for (offset, byte) in bytes.enumerated() {
            table[offset] = scalar  // scalars that start before this byte
            if byte & 0xC0 != 0x80 { scalar += 1 }
        }
        table[bytes.count] = scalar
        self.table = table
    }

    init(_ text: String) {
        var text = text
        self = text.withUTF8 { ScalarOffsets($0) }
    }

    subscript(byte: Int) -> Int { table?[byte] ?? byte }
}
