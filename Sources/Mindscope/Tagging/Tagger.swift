import Foundation
import MindscopeText

/// What `mindscope tag` writes.
public enum TagOutputFormat: String, Sendable, CaseIterable {
    /// One JSON object per input row (``TagRecord``).
    case jsonl
    /// One row per input row, one column per theme holding its score (empty when absent).
    case csv
}

/// Tags every row of a survey export: reads, analyzes, writes, in input order.
public struct Tagger: Sendable {
    public var analyzer: TextAnalyzer
    public var format: TagOutputFormat = .jsonl
    public var explain = false
    /// Neutralise data cells that a spreadsheet would run as formulas (see ``CSVLine/inert(_:)``).
    public var neutralizeFormulas = true
    /// Phrase valences learned from the file's ratings (none by default).
    public var learning = RatingLearning(nothing: "")
    /// Say on `report` how many comments learned phrases moved.
    public var reportsLearning = true

    public init(analyzer: TextAnalyzer) {
        self.analyzer = analyzer
    }

    /// Tags what `input` reads, handing each output line to `write` and each problem to
    /// `report`. Throws when the input cannot be read at all (or, strict, has a bad row).
    public func run(_ input: SurveyReader, write: (String) -> Void, report: (String) -> Void) throws(MindscopeError) -> InputSummary {
        guard !input.roles.all(.text).isEmpty else {
            throw .missingColumn(path: input.path, role: "text", headers: input.reader.headers)
        }
        let themeIDs = analyzer.lexicons.themes.topics.map(\.id)
        let segmentNames = input.segmentNames
        // Keys written only when the file has the column.
        let optionalRoles = Set(TagRecord.optionalKeys.filter { input.roles[$0] != nil })
        if format == .csv {
            // Segment headers come from the data, so they are neutralised as data cells are.
            let headers = neutralizeFormulas ? segmentNames.map(CSVLine.inert) : segmentNames
            write(CSVLine.format(["id", "text", "sentiment_score", "sentiment_label"] + themeIDs
                                 + ["signals", "rating", "rating_normalized", "value", "currency", "churned"]
                                 + TagRecord.optionalKeys.filter(optionalRoles.contains).map(\.rawValue) + headers))
        }
        let format = self.format, explain = self.explain, neutralize = neutralizeFormulas
        let learning = self.learning, analyzers = learning.analyzers(analyzer)
        // Analysis and formatting run on every core; lines come back in input order.
        var pipeline = ParallelBatches<FeedbackRecord, (String, Bool)> { record in
            let analysis = learning.analyze(record, with: analyzers)
            let tagged = TagRecord(record, analysis: analysis, segmentNames: segmentNames, explain: explain, optionalRoles: optionalRoles)
            return (Self.line(tagged, format: format, themeIDs: themeIDs, neutralize: neutralize), analysis.usesLearned)
        }
        var learned = 0
        func writeAll(_ lines: [(String, Bool)]) {
            for (line, usesLearned) in lines {
                write(line)
                if usesLearned { learned += 1 }
            }
        }
        do {
            while let record = try input.next(report: report) {
                pipeline.add(record, cost: record.text.utf8.count, consume: writeAll)
            }
        } catch {
            pipeline.finish(consume: writeAll)  // the rows before a --strict stop are still written
            throw error
        }
        pipeline.finish(consume: writeAll)
        if reportsLearning, !learning.isEmpty { report("mindscope: learned phrases moved the score of \(learned) of \(input.summary.used) comments") }
        if input.reader.header.rows > 0, input.summary.read == 0 {
            report("\(input.path): the file has a header and no rows")
        }
        return input.summary
    }

    /// One output line for a tagged row.
    static func line(_ tagged: TagRecord, format: TagOutputFormat, themeIDs: [String], neutralize: Bool) -> String {
        switch format {
        case .jsonl:
            return tagged.json.text
        case .csv:
            let scores = Dictionary(tagged.themes.map { ($0.theme, $0.score) }, uniquingKeysWith: { a, _ in a })
            func number(_ x: Double?) -> String { x.map { String($0) } ?? "" }
            let cell = { (text: String) in neutralize ? CSVLine.inert(text) : text }
            return CSVLine.format([cell(tagged.id), cell(tagged.text), String(tagged.sentiment.score), tagged.sentiment.label.rawValue]
                                  + themeIDs.map { number(scores[$0]) }
                                  + [tagged.signals.joined(separator: ";"), number(tagged.rating), number(tagged.ratingNormalized),
                                     number(tagged.value), tagged.currency ?? "", tagged.churned.map { String($0) } ?? ""]
                                  + tagged.optionalCells + tagged.segments.map { cell($0.value) })
        }
    }
}

/// RFC 4180 output: fields with a comma, quote or line break are quoted, quotes doubled.
enum CSVLine {
    /// A cell from the data made inert for spreadsheets (OWASP CSV injection): text starting
    /// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so Excel, Sheets
    /// and LibreOffice show it rather than evaluate it.
    static func inert(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return cell }
        return "'" + cell
    }

    static func format(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }
}
