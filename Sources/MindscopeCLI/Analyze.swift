import ArgumentParser
import Foundation
import Mindscope
import MindscopeReport

extension MindscopeCommand {
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rank issues and narrate insights per persona (revenue risk, roadmap blockers, values alignment).",
            discussion: """
                Without --persona, every shipped persona whose lenses the data can serve is shown.

                $ mindscope analyze corpora/ecommerce_feedback.csv --persona cfo --persona product_manager
                """
        )

        @OptionGroup var input: InputOptions
        @OptionGroup var threads: ThreadOptions

        @OptionGroup var readings: ReadingsOutput

        @OptionGroup var analysis: AnalysisOptions

        @Option(help: ArgumentHelp("Write the partial result of FILE to OUT ('-' for standard output) instead of readings: its counts, exact sums, kept quotes and quantile sketches, for `mindscope merge` to merge with the other parts of the export (see --head).", valueName: "OUT"))
        var partial: String?

        func validate() throws {
            if partial != nil, readings.charts != nil || readings.out != nil { throw ValidationError("--partial writes the partial result alone: --charts and --out go with `mindscope merge`") }
        }

        func run() throws {
            if let partial {
                let (folded, setup, state) = try analysis.fold(input)
                try Self.write(PartialResult(lexicons: folded.lexicons.fingerprint, setup: setup, state: state), to: partial)
                if !input.quiet { Terminal.error(state.summary.line(for: input.name) + "; partial result written to \(partial == "-" ? "standard output" : partial)") }
                return
            }
            try readings.emit(try analysis.analyze(input), quiet: input.quiet)
        }

        /// Writes a partial result to `path` (atomically), or to standard output for `-`.
        static func write(_ partial: PartialResult, to path: String) throws {
            if path != "-" { Terminal.noteNewFolder(parentOf: path) }
            do throws(MindscopeError) {
                let out = try Output(path: path == "-" ? nil : path)
                out.write(Array(try partial.encoded(for: path)) + [0x0A])
                try out.commit()
            } catch {
                throw Terminal.fail(error)
            }
        }
    }
}

/// Where the readings go and in what form; shared by `analyze` and `merge`.
struct ReadingsOutput: ParsableArguments {
    @Option(name: [.customLong("format"), .customLong("output")], help: "Output: text, markdown or json. --output is the same option.")
    var output: AnalysisFormat = .text

    @Option(help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var out: String?

    @Option(help: ArgumentHelp("Write each analysis's chart as SVG into DIR/<persona>/<analysis>.svg.", valueName: "DIR"))
    var charts: String?

    /// Writes the readings (and the charts) as asked, then the input counts on stderr.
    func emit(_ result: AnalysisResult, quiet: Bool) throws {
        var result = result
        if let charts, result.readings.contains(where: { !$0.analyses.isEmpty }) {
            Terminal.noteNewFolder(charts)
            do {
                for reading in result.readings {
                    for analysis in reading.analyses {
                        let path = AnalysisResult.chartPath(folder: charts, persona: reading.persona, analysis: analysis)
                        try AtomicFile.write(SVGChart.render(analysis, for: reading.persona), to: URL(fileURLWithPath: path))
                    }
                }
            } catch {
                throw Terminal.fail(error)
            }
            result.chartFolder = charts
        }
        Terminal.clearProgress()
        let text = result.rendered(output) + (output == .json ? "\n" : "")
        if let out {
            Terminal.noteNewFolder(parentOf: out)
            do { try AtomicFile.write(text, to: URL(fileURLWithPath: out)) } catch { throw Terminal.fail(error) }
        } else {
            print(text, terminator: "")
        }
        if !quiet { Terminal.error(result.summary.line(for: result.path)) }
    }
}

extension AnalysisFormat: ExpressibleByArgument {}
