import Foundation
@testable import Mindscope
import Testing
import TestSupport

/// `--threads N`: the batches run on at most N threads, and the output is the same for any N.
@Suite struct ParallelismTests {
    /// 2,500 generated rows: two batches (2,048 rows each at most), so batches overlap as in a real run.
    static let export: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mindscope-threads-\(UUID().uuidString).csv").path
        var csv = ""
        CorpusGenerator(seed: 3).csv(rows: 2_500) { csv += $0 + "\n" }
        FileManager.default.createFile(atPath: path, contents: Data(csv.utf8))
        return path
    }()

    func tag(workers: Int, format: TagOutputFormat = .jsonl) throws -> [String] {
        var lines: [String] = []
        var tagger = Tagger(analyzer: Fixtures.analyzer)
        tagger.format = format
        tagger.explain = true
        _ = try Parallelism.$workers.withValue(workers) {
            try tagger.run(Fixtures.survey(Self.export), write: { lines.append($0) }, report: { _ in })
        }
        return lines
    }

    @Test(arguments: [TagOutputFormat.jsonl, .csv])
    func tagWritesTheSameLinesOnOneTwoOrThreeThreads(_ format: TagOutputFormat) throws {
        let one = try tag(workers: 1, format: format)
        #expect(one.count == 2_500 + (format == .csv ? 1 : 0))
        for workers in [2, 3] {
            #expect(try tag(workers: workers, format: format) == one, "\(workers) threads")
        }
    }

    @Test(arguments: [1, 2, 3])
    func batchesRunOnAtMostTheBoundThreads(_ workers: Int) {
        let gauge = Gauge()
        var pipeline = Parallelism.$workers.withValue(workers) {
            ParallelBatches<Int, Int> { value in
                gauge.enter()
                usleep(50)  // long enough for the workers to overlap
                gauge.leave()
                return value * 2
            }
        }
        var results: [Int] = []
        for value in 0..<5_000 { pipeline.add(value, cost: 1) { results += $0 } }
        pipeline.finish { results += $0 }
        #expect(results == (0..<5_000).map { $0 * 2 })
        #expect(gauge.most >= 1 && gauge.most <= workers, "\(gauge.most) at once")
    }

    @Test func everyCoreByDefault() {
        #expect(Parallelism.cores >= 1)
        #expect(Parallelism.workers == Parallelism.cores)
    }
}

/// The most transforms in flight at once.
private final class Gauge: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private(set) var most = 0

    func enter() { lock.withLock { now += 1; most = max(most, now) } }
    func leave() { lock.withLock { now -= 1 } }
}
