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

        func run() throws {
            let result = try analysis.analyze(input)
            Terminal.noteNewFolder(parentOf: out)
            do {
                try AtomicFile.write(HTMLReport.render(result), to: URL(fileURLWithPath: out))
                if !input.quiet { Terminal.error(result.summary.line(for: input.file) + "; report written to \(out)") }
            } catch {
                throw Terminal.fail(error)
            }
        }
    }
}
