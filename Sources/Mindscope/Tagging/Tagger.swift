import Foundation
import MindscopeText

/// What `mindscope tag` writes.
public enum TagOutputFormat: String, Sendable, CaseIterable {
    /// One JSON object per input row (``TagRecord``).
    case jsonl
    /// One row per input row, one column per theme holding its score (empty when absent).
    case csv
}

/// Counts that always add up: every row read was tagged or skipped with a message.
public struct TagSummary: Sendable, Equatable {
    public var read = 0
    public var tagged = 0
    public var skipped = 0
    /// Fields whose invalid UTF-8 was replaced with U+FFFD.
    public var repairedFields = 0

    public init(read: Int = 0, tagged: Int = 0, skipped: Int = 0, repairedFields: Int = 0) {
        self.read = read
        self.tagged = tagged
        self.skipped = skipped
        self.repairedFields = repairedFields
    }
}

/// Tags every row of a file: reads, finds columns, analyzes, writes, in input order.
public struct Tagger: Sendable {
    public var analyzer: TextAnalyzer
    public var columnSynonyms: TopicCatalog
    public var overrides: [ColumnRoles.Role: String] = [:]
    public var format: TagOutputFormat = .jsonl
    public var explain = false
    public var inputFormat: InputFormat?
    /// Stop at the first row that cannot be read, throwing its error, instead of skipping it.
    public var strict = false

    public init(analyzer: TextAnalyzer, columnSynonyms: TopicCatalog) {
        self.analyzer = analyzer
        self.columnSynonyms = columnSynonyms
    }

    /// Tags `path`, handing each output line to `write` and each skipped row's message to
    /// `report`. Throws when the file cannot be read at all, has no text column, or (with
    /// ``strict``) has a row that cannot be read.
    public func run(path: String, write: (String) -> Void, report: (String) -> Void,
                    describeColumns: ((ColumnRoles, [String]) -> Void)? = nil) throws(MindscopeError) -> TagSummary {
        let reader = try RecordReader(path: path, format: inputFormat)
        let roles = try ColumnRoles(headers: reader.headers, synonyms: columnSynonyms, overrides: overrides,
                                    sample: reader.peek(50), path: path)
        describeColumns?(roles, reader.headers)
        guard let textColumn = roles[.text] else {
            throw .missingColumn(path: path, role: "text", headers: reader.headers)
        }
        let themeIDs = analyzer.lexicons.themes.topics.map(\.id)
        if format == .csv {
            write(CSVLine.format(["id", "text", "sentiment_score", "sentiment_label"] + themeIDs + ["signals", "rating", "value"]))
        }
        var summary = TagSummary()
        while true {
            let row: RawRow
            do {
                guard let next = try reader.next() else { break }
                row = next
            } catch {
                guard case .badInput = error, !strict else { throw error }
                summary.read += 1
                summary.skipped += 1
                report(error.description)
                continue
            }
            summary.read += 1
            guard row.fields.count == reader.headers.count else {
                let problem = "expected \(reader.headers.count) fields as in the header, found \(row.fields.count)"
                if strict { throw .badInput(path: path, line: row.line, message: problem) }
                summary.skipped += 1
                report("\(path):\(row.line): \(problem); row skipped")
                continue
            }
            func field(_ role: ColumnRoles.Role) -> String? { roles[role].map { row.fields[$0] } }
            let analysis = analyzer.analyze(row.fields[textColumn])
            let record = TagRecord(id: field(.id) ?? String(summary.read), line: row.line, analysis: analysis,
                                   rating: field(.rating).flatMap(FieldValues.rating),
                                   value: field(.value).flatMap(FieldValues.money), explain: explain)
            switch format {
            case .jsonl:
                write(record.json.text)
            case .csv:
                let scores = Dictionary(record.themes.map { ($0.theme, $0.score) }, uniquingKeysWith: { a, _ in a })
                write(CSVLine.format([record.id, record.text, String(record.sentiment.score), record.sentiment.label.rawValue]
                                     + themeIDs.map { scores[$0].map { String($0) } ?? "" }
                                     + [record.signals.joined(separator: ";"), record.rating.map { String($0) } ?? "",
                                        record.value.map { String($0) } ?? ""]))
            }
            summary.tagged += 1
        }
        summary.repairedFields = reader.repairedFields
        return summary
    }
}

/// RFC 4180 output: fields with a comma, quote or line break are quoted, quotes doubled.
enum CSVLine {
    static func format(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }
}
