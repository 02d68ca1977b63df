import MindscopeText

/// What `mindscope tag` writes (laid out by ``TagLine``).
public enum TagOutputFormat: String, Sendable, CaseIterable {
    /// One JSON object per input row.
    case jsonl
    /// One row per input row, one column per theme holding its score (empty when absent).
    case csv
}

/// Tags every row of a survey export: reads, analyzes, writes, in input order.
public struct Tagger: Sendable {
    public var analyzer: TextAnalyzer
    public var format: TagOutputFormat = .jsonl
    public var explain = false
    /// Neutralise data cells that a spreadsheet would run as formulas (see ``CSVLine/append(_:inert:to:)``).
    public var neutralizeFormulas = true
    /// Phrase valences learned from the file's ratings (none by default).
    public var learning = RatingLearning(nothing: "")
    /// Say on `report` how many comments learned phrases moved.
    public var reportsLearning = true

    public init(analyzer: TextAnalyzer) {
        self.analyzer = analyzer
    }

    /// Tags what `input` reads, handing the output to `write` a batch of whole lines at a time
    /// (each ending in a newline) and each problem to `report`. Throws when the input cannot be
    /// read at all (or, strict, has a bad row).
    public func run(_ input: SurveyReader, writeBatch write: ([UInt8]) -> Void, report: (String) -> Void) throws(MindscopeError) -> InputSummary {
        var batch: [UInt8] = []
        return try run(input, consume: { lines in
            batch.removeAll(keepingCapacity: true)
            for line in lines {
                batch += line.bytes
                batch.append(UInt8(ascii: "\n"))
            }
            write(batch)
        }, report: report)
    }

    /// Tags what `input` reads, handing each output line (without its newline) to `write`.
    public func run(_ input: SurveyReader, write: (String) -> Void, report: (String) -> Void) throws(MindscopeError) -> InputSummary {
        try run(input, consume: { lines in
            for line in lines { write(String(decoding: line.bytes, as: UTF8.self)) }
        }, report: report)
    }

    /// An output line, and whether learned phrases moved its score.
    private struct Line: Sendable {
        var bytes: [UInt8]
        var usesLearned = false
    }

    private func run(_ input: SurveyReader, consume: ([Line]) -> Void, report: (String) -> Void) throws(MindscopeError) -> InputSummary {
        guard !input.roles.all(.text).isEmpty else {
            throw .missingColumn(path: input.path, role: "text", headers: input.reader.headers)
        }
        let layout = TagLine(format: format, explain: explain, neutralizeFormulas: neutralizeFormulas,
                             themeIDs: analyzer.lexicons.themes.topics.map(\.id), segmentNames: input.segmentNames,
                             optionalRoles: Set(TagLine.optionalKeys.filter { input.roles[$0] != nil }))
        if format == .csv {
            var header: [UInt8] = []
            layout.appendHeader(to: &header)
            consume([Line(bytes: header)])
        }
        let learning = self.learning, analyzers = learning.analyzers(analyzer)
        // Analysis and formatting run on every core; lines come back in input order.
        var pipeline = ParallelBatches<FeedbackRecord, Line> { record in
            let analysis = learning.analyze(record, with: analyzers)
            var line: [UInt8] = []
            line.reserveCapacity(TagLine.capacity(for: analysis))
            layout.append(record, analysis: analysis, to: &line)
            return Line(bytes: line, usesLearned: analysis.usesLearned)
        }
        var learned = 0
        func writeAll(_ lines: [Line]) {
            consume(lines)
            learned += lines.count(where: \.usesLearned)
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
}
