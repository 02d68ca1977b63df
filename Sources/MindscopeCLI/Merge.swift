import ArgumentParser
import Mindscope

extension MindscopeCommand {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge the partial results of the parts of an export (analyze --partial) into the readings of one run over all of it.",
            discussion: """
                The partials may come in any order: counts and sums add exactly, kept quotes are
                the strongest of all, quantiles are exact up to 100,000 distinct values and within
                1 % past that. Partials of other lexicons, another mindscope or other choices are
                refused. The personas and options are the partials' own.

                $ mindscope analyze part1.csv --head head.csv --partial p1.json
                $ mindscope analyze part2.csv --head head.csv --first-line 5001 --first-row 5000 --partial p2.json
                $ mindscope merge p1.json p2.json --format markdown
                """
        )

        @Argument(help: "Partial results, as `mindscope analyze FILE --partial OUT` wrote them.")
        var partials: [String]

        @OptionGroup var readings: ReadingsOutput

        @OptionGroup var lexicons: LexiconOptions

        @Option(help: ArgumentHelp("Write the merged partial result to OUT ('-' for standard output) instead of readings, to merge again later (merging in stages, as a tree, gives the same readings).", valueName: "OUT"))
        var partial: String?

        @Flag(help: "No row counts on stderr (problems are still reported).")
        var quiet = false

        func validate() throws {
            if partials.isEmpty { throw ValidationError("no partial result given: name the files `mindscope analyze FILE --partial OUT` wrote") }
            if partial != nil, readings.charts != nil || readings.out != nil { throw ValidationError("--partial writes the merged partial result alone: --charts and --out go with the last merge") }
        }

        func run() throws {
            guard let partial else { return try readings.emit(try lexicons.merge(partials), quiet: quiet) }
            let (_, merged) = try lexicons.mergePartials(partials)
            try Analyze.write(merged, to: partial)
            if !quiet { Terminal.error(merged.state.summary.line(for: merged.setup.shape.path) + "; merged partial result written to \(partial == "-" ? "standard output" : partial)") }
        }
    }
}
