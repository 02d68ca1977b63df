import Dispatch

/// Transforms rows on every core in batches and hands the results back in input order, so the
/// output is the same on one core or many.
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
        running = Running(batch, transform)
        batch.removeAll(keepingCapacity: true)
        batchCost = 0
        if let finished { consume(finished) }
    }
}

/// A batch being transformed on the global queue's threads.
private final class Running<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// One slot per input, each written by exactly one iteration of `concurrentPerform` and read
    /// only after the group is done: no two threads touch the same slot.
    private var slots: [Output?]

    init(_ inputs: [Input], _ transform: @escaping @Sendable (Input) -> Output) {
        slots = Array(repeating: nil, count: inputs.count)
        DispatchQueue.global().async(group: group) { [self] in
            slots.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let slots = slots
                DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                    slots[index] = transform(inputs[index])
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
