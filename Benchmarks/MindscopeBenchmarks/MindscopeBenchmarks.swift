import Benchmark
import Foundation
import Mindscope
import MindscopeText

// Micro-benchmarks of the hot path of `mindscope tag`, on the 1,000 rows of `mindscope generate
// --rows 1000 --seed 1` (comments of 58 bytes on average): time, throughput, heap allocations
// and peak memory. Each iteration goes through all 1,000, and the scaling factor (.kilo) makes
// every figure one per comment or row. "analyze" is tokens, sentiment, themes and signals; "tag"
// is the whole of `mindscope tag` in-process, from the CSV reader to the JSONL line.
//
//     swift package benchmark
//     swift package benchmark --filter tag
//     swift package benchmark --format markdown --path stdout
//
// "mallocs (total)" per comment is the figure that shows whether a comment allocates in the
// steady state (after the warm-up iteration). The whole-file throughput, the comparison with
// VADER and the peak RSS of the command are measured by `.ci/bench`.

/// What every benchmark reads: the lexicons, an analyzer, and 1,000 generated rows as a CSV
/// file, their comments, and the comments tokenized.
struct Fixture: Sendable {
    static let rows = 1_000

    let set: LexiconSet
    let analyzer: TextAnalyzer
    let path: String
    let comments: [String]
    let tokenized: [TokenizedText]

    init() {
        do { set = try LexiconLoader(directory: DataFolder.sourceCheckout.appendingPathComponent("lexicons")).load() }
        catch { fatalError("lexicons: \(error)") }
        analyzer = TextAnalyzer(lexicons: set.lexicons)
        var csv = ""
        CorpusGenerator(seed: 1).csv(rows: Self.rows) { csv += $0 + "\n" }
        path = FileManager.default.temporaryDirectory.appendingPathComponent("mindscope-bench-\(getpid()).csv").path
        guard FileManager.default.createFile(atPath: path, contents: Data(csv.utf8)) else { fatalError("cannot write \(path)") }
        var comments: [String] = []
        let reader = Self.reader(path, set)
        while let record = try? reader.next(report: { _ in }) { comments.append(record.text) }
        precondition(comments.count == Self.rows, "read \(comments.count) of \(Self.rows) rows")
        self.comments = comments
        tokenized = comments.map(analyzer.tokenizer.tokenize)
    }

    static func reader(_ path: String, _ set: LexiconSet) -> SurveyReader {
        do { return try SurveyReader(path: path, columnSynonyms: set.columns, vocabulary: set.values, overrides: []) }
        catch { fatalError("\(path): \(error)") }
    }

    /// Tags every row of the file to JSONL lines; the bytes written.
    func tag() -> Int {
        var bytes = 0
        do { _ = try Tagger(analyzer: analyzer).run(Self.reader(path, set), writeBatch: { bytes += $0.count }, report: { _ in }) }
        catch { fatalError("tag: \(error)") }
        return bytes
    }
}

let fixture = Fixture()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        scalingFactor: .kilo,
        maxDuration: .seconds(5),
        maxIterations: 1_000
    )
    Benchmark.teardown = { try? FileManager.default.removeItem(atPath: fixture.path) }
    let comments = fixture.comments, tokenized = fixture.tokenized, analyzer = fixture.analyzer
    Benchmark("tokenize a comment") { _ in
        for comment in comments { blackHole(analyzer.tokenizer.tokenize(comment)) }
    }
    Benchmark("score a tokenized comment") { _ in
        for text in tokenized { blackHole(analyzer.scorer.score(text)) }
    }
    Benchmark("analyze a comment") { _ in
        for comment in comments { blackHole(analyzer.analyze(comment)) }
    }
    Benchmark("parse a CSV row") { _ in
        let reader = Fixture.reader(fixture.path, fixture.set)
        while let record = try reader.next(report: { _ in }) { blackHole(record) }
    }
    Benchmark("tag a row (every core)") { _ in
        blackHole(fixture.tag())
    }
    Benchmark("tag a row (one worker thread)") { _ in
        blackHole(Parallelism.$workers.withValue(1) { fixture.tag() })
    }
    dateBenchmarks(months: fixture.set.values.months)
}
