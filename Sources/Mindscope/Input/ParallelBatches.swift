import Dispatch
import Foundation

/// How many threads transform rows at once (``ParallelBatches``): every core this process may
/// run on, unless the caller binds fewer for what it runs.
///
/// A task-local value rather than a global setting, so a command, a benchmark or a test chooses
/// it for its own work only:
///
/// ```swift
/// let summary = try Parallelism.$workers.withValue(2) { try tagger.run(reader, write: write, report: report) }
/// ```
/// ```
/// $ mindscope tag --threads 2 export.csv
/// $ MINDSCOPE_THREADS=2 mindscope tag export.csv
/// ```
public enum Parallelism {
    /// The cores this process may run on: its CPU affinity on Linux (`taskset -c 0` gives one),
    /// else the active processors.
    public static let cores: Int = {
        #if os(Linux)
        // cpu_set_t: 1024 bits, one per CPU.
        var mask = [UInt64](repeating: 0, count: 16)
        if mask.withUnsafeMutableBytes({ linuxSchedGetaffinity(0, $0.count, $0.baseAddress!) }) == 0 {
            let count = mask.reduce(0) { $0 + $1.nonzeroBitCount }
            if count > 0 { return count }
        }
        #endif
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// The threads a ``ParallelBatches`` started now transforms rows on, 1 or more.
    @TaskLocal public static var workers = cores
}

#if os(Linux)
/// sched_getaffinity(2), which Glibc's module leaves out.
@_silgen_name("sched_getaffinity")
private func linuxSchedGetaffinity(_ pid: Int32, _ size: Int, _ mask: UnsafeMutableRawPointer) -> Int32
#endif

/// Transforms rows on ``Parallelism/workers`` threads in batches and hands the results back in
/// input order, so the output is the same on one thread or many.
///
/// While one batch is transformed, the caller reads the next one and consumes the previous
/// results: reading, transforming and writing overlap. At most three batches are alive at once,
/// so memory stays flat whatever the input size.
///
/// ```swift
/// var pipeline = ParallelBatches<FeedbackRecord, String> { tag($0) }
/// while let record = try input.next() { pipeline.add(record, cost: record.text.utf8.count) { write($0) } }
/// pipeline.finish { lines in write(lines) }
/// ```
struct ParallelBatches<Input: Sendable, Output: Sendable> {
    /// Rows per batch: enough to keep the cores busy, few enough to keep memory flat.
    static var size: Int { 2048 }
    /// The most cost (bytes of text) a batch holds: 2048 comments of a few hundred bytes fill
    /// a batch by count (about 0.6 MB); 1 MB comments end one after two, so memory stays
    /// bounded by bytes too (4 MB let 100 rows of 1 MB peak at 150–155 MB in `tag`).
    static var costLimit: Int { 2 << 20 }

    private let transform: @Sendable (Input) -> Output
    /// Threads per batch, read from ``Parallelism/workers`` when the pipeline is made.
    private let workers = max(1, Parallelism.workers)
    private var batch: [Input] = []
    private var batchCost = 0
    private var running: Running<Input, Output>?

    init(_ transform: @escaping @Sendable (Input) -> Output) {
        self.transform = transform
        batch.reserveCapacity(Self.size)
    }

    /// Queues `input`; when a batch is full, starts it and hands the previous batch's results
    /// to `consume`.
    mutating func add(_ input: Input, cost: Int, consume: ([Output]) -> Void) {
        batch.append(input)
        batchCost += cost
        if batch.count == Self.size || batchCost >= Self.costLimit { cycle(consume) }
    }

    /// Transforms what is queued and hands every result still outstanding to `consume`.
    mutating func finish(consume: ([Output]) -> Void) {
        if !batch.isEmpty { cycle(consume) }
        if let last = running {
            running = nil
            consume(last.results())
        }
    }

    /// Waits for the running batch, starts the queued one, then consumes the finished one
    /// while the new one runs.
    private mutating func cycle(_ consume: ([Output]) -> Void) {
        let finished = running?.results()
        running = Running(batch, workers: workers, transform)
        batch.removeAll(keepingCapacity: true)
        batchCost = 0
        if let finished { consume(finished) }
    }
}

/// A batch being transformed on the global queue's threads, by at most `workers` at once.
///
/// Each worker claims the next run of rows until none is left, so a worker slowed down (by the
/// reading thread sharing its core, say) takes fewer rows and none waits on another.
private final class Running<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// One slot per input, each written by exactly one worker (the one that claimed its run) and
    /// read only after the group is done: no two threads touch the same slot.
    private var slots: [Output?]

    init(_ inputs: [Input], workers: Int, _ transform: @escaping @Sendable (Input) -> Output) {
        slots = Array(repeating: nil, count: inputs.count)
        let workers = min(workers, inputs.count)
        // Runs short enough to balance the workers, long enough that claiming costs nothing.
        let claims = Claims(count: inputs.count, run: max(1, min(64, inputs.count / (workers * 8))))
        DispatchQueue.global().async(group: group) { [self] in
            slots.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let slots = slots
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    while let run = claims.next() {
                        for index in run { slots[index] = transform(inputs[index]) }
                    }
                }
            }
        }
    }

    /// The outputs in input order, once every one is done.
    func results() -> [Output] {
        group.wait()
        return slots.map { $0! }
    }
}

/// Hands out consecutive runs of `0..<count` to the threads that ask, each index once.
private final class Claims: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private let run: Int
    /// The first index not yet claimed (guarded by `lock`).
    private var unclaimed = 0

    init(count: Int, run: Int) {
        self.count = count
        self.run = run
    }

    func next() -> Range<Int>? {
        lock.withLock {
            guard unclaimed < count else { return nil }
            let start = unclaimed
            unclaimed = min(count, start + run)
            return start..<unclaimed
        }
    }
}
