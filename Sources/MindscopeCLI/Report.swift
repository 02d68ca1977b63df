import ArgumentParser
import Foundation
import Mindscope
import MindscopeReport

extension MindscopeCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one self-contained HTML report: a section per persona with insights, ranked issues with quotes, charts and caveats.",
            discussion: """
                $ mindscope report corpora/ecommerce_feedback.csv --out report.html
                """
        )

        @OptionGroup var input: InputOptions
        @OptionGroup var threads: ThreadOptions

        @Option(help: ArgumentHelp("The HTML file to write.", valueName: "FILE")) var out: String

        @OptionGroup var analysis: AnalysisOptions

        @Flag(help: "FILE and the files after it are partial results (analyze --partial): the report is of their merge (see `mindscope merge`).")
        var fromPartials = false

        @Argument(help: "More partial results, with --from-partials.")
        var morePartials: [String] = []

        func validate() throws {
            if !morePartials.isEmpty, !fromPartials { throw ValidationError("several files are partial results: add --from-partials") }
            if fromPartials, !analysis.personaNames.isEmpty || input.head != nil {
                throw ValidationError("--from-partials reads with the partials' own personas and choices: leave out --persona and --head")
            }
        }

        func run() throws {
            let result = fromPartials ? try analysis.lexicons.merge([input.file] + morePartials) : try analysis.analyze(input)
            Terminal.noteNewFolder(parentOf: out)
            do {
                try AtomicFile.write(HTMLReport.render(result), to: URL(fileURLWithPath: out))
                if !input.quiet { Terminal.error(result.summary.line(for: result.path) + "; report written to \(out)") }
            } catch {
                throw Terminal.fail(error)
            }
        }
    }
}
