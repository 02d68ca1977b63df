import Dispatch

/// Analyses a batch of rows on every core and hands back the results in input order, so the
/// output is the same on one core or many.
enum ParallelBatches {
    /// Rows per batch: enough to keep the cores busy, few enough to keep memory flat.
    static let size = 2048

    /// `transform` applied to every element, concurrently, results in order.
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard inputs.count > 1 else { return inputs.map(transform) }
        let results = ResultSlots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            results.set(index, transform(inputs[index]))
        }
        return results.values
    }
}

/// One slot per input, each written by exactly one iteration of `concurrentPerform`, read only
/// after it returns: no two threads touch the same slot.
private final class ResultSlots<Output>: @unchecked Sendable {
    private var slots: [Output?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Output) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var values: [Output] { slots.map { $0! } }
}
