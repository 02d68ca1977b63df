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

        @Option(name: [.customLong("format"), .customLong("output")], help: "Output: text, markdown or json. --output is the same option.")
        var output: AnalysisFormat = .text

        @Option(help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE"))
        var out: String?

        @Option(help: ArgumentHelp("Write each analysis's chart as SVG into DIR/<persona>/<analysis>.svg.", valueName: "DIR"))
        var charts: String?

        @OptionGroup var analysis: AnalysisOptions

        func run() throws {
            var result = try analysis.analyze(input)
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
            if !input.quiet { Terminal.error(result.summary.line(for: input.file)) }
        }
    }
}

extension AnalysisFormat: ExpressibleByArgument {}
