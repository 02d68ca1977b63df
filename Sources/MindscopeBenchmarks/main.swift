import Benchmark
import Foundation
import Mindscope
import MindscopeText

// Micro-benchmarks of the hot functions, on comments from the seeded generator:
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
        blackHole(TagRecord(id: "1", line: 2, analysis: analyzer.analyze(comment), explain: false).json.text)
    }
}
benchmark("read and parse 1,000 CSV rows") {
    let reader = try! SurveyReader(path: path, columnSynonyms: lexicons.columns, vocabulary: lexicons.values, overrides: [])
    while let record = try! reader.next(report: { _ in }) { blackHole(record) }
}

Benchmark.main()
try? FileManager.default.removeItem(atPath: path)
