import ArgumentParser
import Foundation
import Mindscope

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

        @Option(name: .customLong("persona"), help: ArgumentHelp("A persona by name (from personas/) or by path to a JSON file (repeatable).", valueName: "NAME|PATH"))
        var personaNames: [String] = []

        @Option(name: [.customLong("format"), .customLong("output")], help: "Output: text, markdown or json.")
        var output: AnalysisFormat = .text

        @Option(help: "Override every persona's detail level: low, medium, high.")
        var detail: Persona.DetailLevel?

        @Option(help: ArgumentHelp("Write each analysis's chart as SVG into DIR/<persona>/<analysis>.svg.", valueName: "DIR"))
        var charts: String?

        @OptionGroup var data: PersonaOptions
        @OptionGroup var lexicons: LexiconOptions

        func run() throws {
            let (analyzer, set) = try lexicons.load()
            var personas = try data.load(personaNames, themes: set.lexicons.themes)
            if let detail { for index in personas.indices { personas[index].detailLevel = detail } }
            let reader = try input.open(set)
            let result: AnalysisResult
            do {
                result = try FeedbackAnalysis(analyzer: analyzer, lexicons: set)
                    .run(reader, personas: personas, explicit: !personaNames.isEmpty, report: { Terminal.error($0) })
            } catch {
                throw Terminal.fail(error)
            }
            if let charts {
                do {
                    for reading in result.readings {
                        for analysis in reading.analyses {
                            let url = URL(fileURLWithPath: charts).appendingPathComponent(reading.persona.id).appendingPathComponent(analysis.chart)
                            try AtomicFile.write(SVGChart.render(analysis, for: reading.persona), to: url)
                        }
                    }
                } catch {
                    throw Terminal.fail(error)
                }
            }
            print(result.rendered(output), terminator: output == .json ? "\n" : "")
            Terminal.error(result.summary.line(for: input.file))
        }
    }
}

extension AnalysisFormat: ExpressibleByArgument {}
extension Persona.DetailLevel: ExpressibleByArgument {}
