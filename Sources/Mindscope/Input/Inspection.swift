/// What Mindscope makes of an export, worded for `mindscope inspect` and `-v`.
public struct Inspection {
    let reader: SurveyReader
    /// The tabular analyses, to say which a table without comments can serve.
    let analyses: AnalysisCatalog

    public init(_ reader: SurveyReader, analyses: AnalysisCatalog) {
        self.reader = reader
        self.analyses = analyses
    }

    public var layoutLine: String {
        let header = reader.reader.header
        let rows: String
        switch header.layout {
        case .qualtrics: rows = "3 header rows: column ids, question texts, ImportIds"
        case .surveymonkey: rows = "2 header rows: questions, sub-answers"
        case .googleForms: rows = "1 header row: Timestamp and question texts"
        case .plain: rows = header.rows == 0 ? "keys of the first JSON object" : "1 header row"
        }
        return "layout: \(header.layout.rawValue) (\(reader.reader.format.rawValue), \(rows))"
    }

    /// One line per column: name, question (when it differs), role and why, rating scale.
    public var columnLines: [String] {
        let header = reader.reader.header
        var lines = [layoutLine]
        for (index, name) in header.names.enumerated() {
            var line = "column \(index + 1) '\(name)'"
            let question = header.questions[index]
            if !question.isEmpty, question != name { line += " \"\(question.prefix(60))\"" }
            if let role = reader.roles.role(of: index) {
                line += ": \(role.rawValue) (\(reader.roles.reasons[index] ?? ""))"
                if role == .rating, let scale = reader.ratingScale { line += ", scale \(scale)" }
                if role == .time, let format = reader.timeFormat, format.numericDayMonth { line += ", \(format)" }
            } else {
                line += ": unused"
            }
            lines.append(line)
        }
        if reader.roles.all(.id).isEmpty { lines.append("no id column: rows are numbered") }
        if reader.roles.all(.text).isEmpty { lines.append(tableLine) }
        return lines
    }

    /// What a file without a comment column is read as: a customer table, and the analyses its
    /// columns can serve.
    var tableLine: String {
        let servable = analyses.definitions.filter { definition in
            definition.kind != .unavailable && definition.needs.allSatisfy { AnalysisPlan.has($0, reader.roles) }
        }
        guard !servable.isEmpty else {
            return "no comment column and no columns a table analysis reads: name a comment column with --column text=HEADER"
        }
        return "a customer table (no comment column): it can serve \(servable.map(\.name).joined(separator: ", ")); "
            + "a comment column, if there is one, is named with --column text=HEADER"
    }

    /// A record as a short line for the sample.
    public static func sampleLine(_ record: FeedbackRecord, segmentNames: [String]) -> String {
        var parts = ["line \(record.line)", "id \(record.id)"]
        if let rating = record.rating { parts.append("rating \(rating.raw.trimmingSpaces()) → \(String(format2: rating.normalized))") }
        if let value = record.value { parts.append("value \(value.currency.map { $0 + " " } ?? "")\(value.amount)") }
        if let churned = record.churned { parts.append("churned \(churned)") }
        if let recommend = record.recommend { parts.append("recommend \(recommend)") }
        if let time = record.time { parts.append("time \(TimeFormat.iso8601(time))") }
        for (name, value) in zip(segmentNames, record.segments) { parts.append("\(name) \(value)") }
        let text = record.text.replacingOccurrences(of: "\n", with: " ")
        if !text.isEmpty { parts.append("\"\(text.prefix(70))\(text.count > 70 ? "…" : "")\"") }
        return parts.joined(separator: " · ")
    }
}

private extension String {
    init(format2 x: Double) { self = String((x * 100).rounded() / 100) }
}
