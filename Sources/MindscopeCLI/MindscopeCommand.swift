import ArgumentParser
import Foundation
import Mindscope

@main
struct MindscopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mindscope",
        abstract: "Reads customer feedback and tells each decision maker what matters to them.",
        version: MindscopeVersion.current,
        subcommands: [Analyze.self, Merge.self, Report.self, Tag.self, Inspect.self, Personas.self, Themes.self, Explain.self, Evaluate.self, Generate.self]
    )

    static func main() {
        SignalCleanup.install()
        fixMallocThreshold()
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "-V" { arguments[0] = "--version" }
        if let first = arguments.first, let message = unknownSubcommand(first) {
            Terminal.error("mindscope: \(message)")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            // ArgumentParser's main, but a command that analyzes an export runs on its --threads.
            let workers = try (command as? RunsOnWorkerThreads)?.threads.workers() ?? Parallelism.cores
            try Parallelism.$workers.withValue(workers) { try command.run() }
        } catch {
            exit(withError: error)
        }
    }

    /// glibc raises its mmap threshold to the size of each large block freed, after which the
    /// token and unit arrays of megabyte comments come from the heap arenas and stay there:
    /// 100 rows of 1 MB peaked anywhere between 106 and 157 MB in `tag`. A fixed threshold
    /// returns every block over 256 KB to the system when freed (99 MB, steady); comments of
    /// usual length allocate nothing that large, so their speed is unchanged.
    static func fixMallocThreshold() {
        #if os(Linux)
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>, which Glibc's module leaves out
        _ = glibcMallopt(mmapThreshold, 256 << 10)
        #endif
    }

    /// The message for a first argument that names no subcommand (`analyse`, `anlyze`), with the
    /// nearest one; nil for a subcommand, an option, or no argument.
    static func unknownSubcommand(_ word: String) -> String? {
        guard !word.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(word) else { return nil }
        let hint = Suggestion.nearest(to: word, among: names).map { "did you mean '\($0)'? " } ?? ""
        return "'\(word)' is not a mindscope command; \(hint)commands: \(names.joined(separator: ", "))"
    }
}

#if os(Linux)
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
