import ArgumentParser
import Mindscope

extension MindscopeCommand {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a seeded synthetic survey export (CSV) for benchmarks and scale tests.",
            discussion: """
                $ mindscope generate --rows 100000 --seed 7 > export.csv
                $ mindscope generate --rows 6000 --plant --out planted.csv

                With --plant, four stories are planted for tests and demos: EU customers complain
                about shipping costs, delivery complaints rise in the last four weeks, high
                spenders ($300+) complain about quality, and the Basic plan is unhappier.
                """
        )

        @Option(help: "How many data rows.") var rows = 1000
        @Option(help: "The seed: the same seed writes the same file.") var seed: UInt64 = 1
        @Flag(help: "Plant four stories in the data (see above) for the readings to find.") var plant = false

        @Option(help: ArgumentHelp("Write to FILE (atomically: it appears only when complete) instead of standard output.", valueName: "FILE"))
        var out: String?

        func validate() throws {
            guard rows >= 0 else { throw ValidationError("--rows must be 0 or more") }
        }

        func run() throws {
            do {
                let out = try Output(path: self.out)
                CorpusGenerator(seed: seed, effects: plant ? .all : []).csv(rows: rows) { out.line($0) }
                try out.commit()
            } catch {
                throw Terminal.fail(error)
            }
        }
    }
}
