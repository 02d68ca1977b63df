import ArgumentParser
import Mindscope

extension MindscopeCommand {
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how an export is read: layout, column roles and why, rating scale, row count, a sample.",
            discussion: """
                $ mindscope inspect export.csv
                """
        )

        @OptionGroup var input: InputOptions

        @Option(help: "How many records to show.") var sample = 3
        @OptionGroup var lexicons: LexiconOptions

        func run() throws {
            let (_, set) = try lexicons.load()
            let reader = try input.open(set)
            print("file: \(input.file)")
            for line in Inspection(reader, analyses: set.analyses).columnLines { print(line) }
            var shown: [String] = []
            do {
                while let record = try reader.next(report: { Terminal.error($0) }) {
                    if shown.count < sample { shown.append(Inspection.sampleLine(record, segmentNames: reader.segmentNames)) }
                }
            } catch {
                throw Terminal.fail(error)
            }
            print("rows: \(reader.summary.read) read, \(reader.summary.used) used, \(reader.summary.skipped) skipped"
                  + (reader.summary.fieldProblems > 0 ? ", \(reader.summary.fieldProblems) fields unreadable" : ""))
            print("sample:")
            for line in shown { print("  \(line)") }
        }
    }
}
