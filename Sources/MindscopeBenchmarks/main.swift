import Benchmark
import Foundation
import Mindscope
import MindscopeText

// Micro-benchmarks of the hot functions, on comments from the seeded generator (and the time
// column's date parser against Foundation's formatters, on 200,000 generated dates):
//
//     swift run -c release MindscopeBenchmarks
//     swift run -c release MindscopeBenchmarks --filter tokenize
//
// The whole-file throughput, the VADER comparison and peak memory are measured by `.ci/bench`.

let lexicons: LexiconSet = {
    do { return try LexiconLoader(directory: DataFolder.sourceCheckout.appendingPathComponent("lexicons")).load() }
    catch { fatalError("lexicons: \(error)") }
}()
let analyzer = TextAnalyzer(lexicons: lexicons.lexicons)

/// 1,000 generated rows: the same comments every run.
let sample: String = {
    var text = ""
    CorpusGenerator(seed: 1).csv(rows: 1_000) { text += $0 + "\n" }
    return text
}()
let path: String = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mindscope-bench-\(getpid()).csv")
    _ = FileManager.default.createFile(atPath: url.path, contents: Data(sample.utf8))
    return url.path
}()
let comments: [String] = {
    let reader = try! SurveyReader(path: path, columnSynonyms: lexicons.columns, vocabulary: lexicons.values, overrides: [])
    var result: [String] = []
    while let record = try! reader.next(report: { _ in }) { result.append(record.text) }
    return result
}()
/// Keeps a result alive so the optimiser cannot drop the work (swift-benchmark has no such helper).
@inline(never) func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

let tokenized = comments.map(analyzer.tokenizer.tokenize)

benchmark("tokenize 1,000 comments") {
    for comment in comments { blackHole(analyzer.tokenizer.tokenize(comment)) }
}
benchmark("score 1,000 tokenized comments") {
    for text in tokenized { blackHole(analyzer.scorer.score(text)) }
}
benchmark("analyze 1,000 comments (tokens, sentiment, themes, signals)") {
    for comment in comments { blackHole(analyzer.analyze(comment)) }
}
benchmark("tag 1,000 comments to JSONL lines") {
    for comment in comments {
        blackHole(TagLine.json(id: "1", line: 2, analysis: analyzer.analyze(comment), explain: false))
    }
}
benchmark("read and parse 1,000 CSV rows") {
    let reader = try! SurveyReader(path: path, columnSynonyms: lexicons.columns, vocabulary: lexicons.values, overrides: [])
    while let record = try! reader.next(report: { _ in }) { blackHole(record) }
}

/// 200,000 dates of one form each, as a time column writes them.
func dates(_ form: (_ month: String, _ day: String, _ hour: String, _ minute: String) -> String) -> [String] {
    func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
    return (0..<200_000).map { i in form(pad(1 + i % 12), pad(1 + i % 28), pad(i % 24), pad(i % 60)) }
}
let isoDates = dates { m, d, h, mi in "2026-\(m)-\(d)T\(h):\(mi):00Z" }
let zonedDates = dates { m, d, h, mi in "2015-\(m)-\(d) \(h):\(mi):52 -0800" }
let slashedDates = dates { m, d, h, mi in "\(m)/\(d)/2026 \(h):\(mi)" }
let timeFormat = TimeFormat(epochs: true, months: lexicons.values.months)

benchmark("read 200,000 ISO 8601 dates (TimeFormat)", settings: Iterations(3)) {
    for date in isoDates { blackHole(timeFormat.seconds(date)) }
}
benchmark("read 200,000 ISO 8601 dates (ISO8601DateFormatter)", settings: Iterations(1)) {
    let formatter = ISO8601DateFormatter()
    for date in isoDates { blackHole(formatter.date(from: date)) }
}
benchmark("read 200,000 zoned dates (TimeFormat)", settings: Iterations(3)) {
    for date in zonedDates { blackHole(timeFormat.seconds(date)) }
}
benchmark("read 200,000 zoned dates (DateFormatter)", settings: Iterations(1)) {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss Z"
    for date in zonedDates { blackHole(formatter.date(from: date)) }
}
benchmark("read 200,000 M/D/YYYY H:MM dates (TimeFormat)", settings: Iterations(3)) {
    for date in slashedDates { blackHole(timeFormat.seconds(date)) }
}
benchmark("read 200,000 M/D/YYYY H:MM dates (DateFormatter)", settings: Iterations(1)) {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "MM/dd/yyyy HH:mm"
    for date in slashedDates { blackHole(formatter.date(from: date)) }
}

Benchmark.main()
try? FileManager.default.removeItem(atPath: path)
