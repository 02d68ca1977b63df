import ArgumentParser
import Foundation
import Mindscope

extension MindscopeCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one self-contained HTML report: a section per persona with insights, ranked issues with quotes, charts and caveats.",
            discussion: """
                $ mindscope report corpora/ecommerce_feedback.csv --out report.html
                """
        )

        @OptionGroup var input: InputOptions

        @Option(help: ArgumentHelp("The HTML file to write.", valueName: "FILE")) var out: String

        @Option(name: .customLong("persona"), help: ArgumentHelp("A persona by name or path (repeatable; default: every persona the data can serve).", valueName: "NAME|PATH"))
        var personaNames: [String] = []

        @Option(help: "Override every persona's detail level: low, medium, high.")
        var detail: Persona.DetailLevel?

        @OptionGroup var data: PersonaOptions
        @OptionGroup var lexicons: LexiconOptions

        func run() throws {
            let (analyzer, set) = try lexicons.load()
            var personas = try data.load(personaNames, themes: set.lexicons.themes)
            if let detail { for index in personas.indices { personas[index].detailLevel = detail } }
            let reader = try input.open(set)
            do {
                let result = try FeedbackAnalysis(analyzer: analyzer, lexicons: set)
                    .run(reader, personas: personas, explicit: !personaNames.isEmpty, report: { Terminal.error($0) })
                try AtomicFile.write(HTMLReport.render(result), to: URL(fileURLWithPath: out))
                Terminal.error(result.summary.line(for: input.file) + "; report written to \(out)")
            } catch {
                throw Terminal.fail(error)
            }
        }
    }
}
