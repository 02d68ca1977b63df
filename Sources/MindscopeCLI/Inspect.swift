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
            let all = try lexicons.loadAll()
            let reader = try input.open(all)
            let (_, set) = try lexicons.choose(all, for: reader, verbose: false)
            print("file: \(input.file)")
            for line in Inspection(reader, analyses: set.analyses).columnLines { print(line) }
            if !reader.roles.all(.text).isEmpty {
                print("domain: \(set.domain.packs.isEmpty ? "general" : set.domain.packs.joined(separator: ", ")) (\(set.domain.why))")
                print("themes: \(set.themes.catalog.topics.map(\.id).joined(separator: ", "))")
                if !set.themes.notes.isEmpty {
                    print("notes: \(set.themes.notes.count) cue overlaps or replacements among the active themes (-v or 'mindscope themes check' lists them)")
                }
            }
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
