import ArgumentParser
import Mindscope

/// Who reads the data and how much detail they get; shared by `analyze` and `report`.
struct AnalysisOptions: ParsableArguments {
    @Option(name: .customLong("persona"), help: ArgumentHelp("A persona by name (from personas/) or by path to a JSON file (repeatable; default: every persona the data can serve).", valueName: "NAME|PATH"))
    var personaNames: [String] = []

    @Option(help: "Override every persona's detail level: low, medium, high.")
    var detail: Persona.DetailLevel?

    @OptionGroup var data: PersonaOptions
    @OptionGroup var lexicons: LexiconOptions
    @OptionGroup var learning: LearningOptions

    @Flag(help: "Do not look for topics the themes do not cover.")
    var noDiscover = false

    @Option(name: .customLong("by"), help: ArgumentHelp("Break issues down by this column (repeatable; default: every segment column detected, each with at most \(SegmentBreakdown.maximumValues) values).", valueName: "COLUMN"))
    var segmentColumns: [String] = []

    /// Loads everything, reads the export once, and returns every persona's reading.
    func analyze(_ input: InputOptions) throws -> AnalysisResult {
        let (analysis, setup, state) = try fold(input)
        do { return try analysis.finish(state, setup: setup, report: { Terminal.error($0) }) } catch { throw Terminal.fail(error) }
    }

    /// Loads everything and reads the export (or the part of it FILE is, with --sample) into
    /// the state its readings are made of: the partial result of `analyze --partial`.
    func fold(_ input: InputOptions) throws -> (analysis: FeedbackAnalysis, setup: AnalysisSetup, state: AnalysisState) {
        let saving = try learning.open()
        let loaded = try lexicons.loadAll()
        var personas = try data.load(personaNames, library: loaded.themeLibrary)
        if let detail { for index in personas.indices { personas[index].detailLevel = detail } }
        let (head, rows) = try input.openParts(loaded, segments: segmentColumns)
        let (analyzer, set) = try lexicons.choose(loaded, for: head, verbose: input.verbose)
        var analysis = FeedbackAnalysis(analyzer: analyzer, lexicons: set)
        analysis.learning = try learning.learn(set, reader: head, analyzer: analyzer, quiet: input.quiet, saving: saving)
        do {
            if !noDiscover { try analysis.addDiscoveredTopics(from: head, report: { Terminal.error($0) }) }
            let explicit = !personaNames.isEmpty
            let state = try analysis.fold(rows, personas: personas, explicit: explicit, report: { Terminal.error($0) })
            return (analysis, analysis.setup(rows, personas: personas, explicit: explicit), state)
        } catch {
            throw Terminal.fail(error)
        }
    }
}

extension Persona.DetailLevel: ExpressibleByArgument {}
