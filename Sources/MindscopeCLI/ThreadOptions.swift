import ArgumentParser
import Foundation
import Mindscope

/// How many threads analyze rows: `--threads N`, else `MINDSCOPE_THREADS` (empty is unset, as
/// for `MINDSCOPE_LEXICONS`), else every core.
/// Shared by the commands that analyze a whole export (``RunsOnWorkerThreads``); the output
/// is the same bytes for any count.
///
/// ```
/// $ mindscope tag --threads 1 export.csv
/// $ MINDSCOPE_THREADS=2 mindscope analyze export.csv
/// ```
struct ThreadOptions: ParsableArguments {
    /// The environment variable read when `--threads` is not given.
    static let variable = "MINDSCOPE_THREADS"

    @Option(help: ArgumentHelp("Analyze rows on N threads (default: MINDSCOPE_THREADS, else every core). The output is the same for any N.", valueName: "N"))
    var threads: Int?

    func validate() throws { _ = try workers() }

    /// The thread count chosen, checked: 1 or more.
    func workers(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int {
        if let threads {
            guard threads >= 1 else { throw ValidationError("--threads \(threads): expected a number of threads, 1 or more") }
            return threads
        }
        guard let value = environment[Self.variable], !value.isEmpty else { return Parallelism.cores }
        guard let count = Int(value.trimmingCharacters(in: .whitespaces)), count >= 1 else {
            throw ValidationError("\(Self.variable)='\(value)': expected a number of threads, 1 or more (or unset it for every core)")
        }
        return count
    }
}

/// A command whose rows are analyzed on worker threads: ``MindscopeCommand/main()`` runs it
/// with ``Parallelism/workers`` bound to its `--threads`.
protocol RunsOnWorkerThreads {
    var threads: ThreadOptions { get }
}

extension MindscopeCommand.Tag: RunsOnWorkerThreads {}
extension MindscopeCommand.Analyze: RunsOnWorkerThreads {}
extension MindscopeCommand.Report: RunsOnWorkerThreads {}
extension MindscopeCommand.Themes.Discover: RunsOnWorkerThreads {}
