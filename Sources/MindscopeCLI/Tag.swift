import ArgumentParser
import Mindscope

extension MindscopeCommand {
    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tag each comment with sentiment, themes and signals (JSONL or CSV).",
            discussion: """
                Reads CSV, TSV or JSONL with a header row ('-' for standard input) and writes one
                line per row, in input order. Rows that cannot be read are reported on stderr
                with their line and skipped (or stop the run with --strict); the counts are printed.

                $ mindscope tag corpora/ecommerce_feedback.csv
                """
        )

        @Argument(help: "The survey export: .csv, .tsv, .jsonl, or - for standard input.")
        var file: String

        @Option(help: "Output: jsonl (one object per row) or csv (one column per theme).")
        var output: TagOutputFormat = .jsonl

        @Option(name: .customLong("format"), help: "Input format when the extension and content do not tell: csv, tsv, jsonl.")
        var inputFormat: InputFormat?

        @Option(help: ArgumentHelp("The id column's header.", valueName: "HEADER")) var idColumn: String?
        @Option(help: ArgumentHelp("The comment column's header.", valueName: "HEADER")) var textColumn: String?
        @Option(help: ArgumentHelp("The rating column's header.", valueName: "HEADER")) var ratingColumn: String?
        @Option(help: ArgumentHelp("The order-value column's header.", valueName: "HEADER")) var valueColumn: String?

        @Flag(help: "Add each score's contributing words, rules and amounts.") var explain = false
        @Flag(help: "Stop at the first row that cannot be read, with exit code 1.") var strict = false
        @Flag(name: .shortAndLong, help: "Print the columns chosen and why on stderr.") var verbose = false

        @OptionGroup var lexicons: LexiconOptions

        func run() throws {
            let (analyzer, columns) = try lexicons.load()
            var tagger = Tagger(analyzer: analyzer, columnSynonyms: columns)
            tagger.format = output
            tagger.explain = explain
            tagger.inputFormat = inputFormat
            let pairs: [(ColumnRoles.Role, String?)] = [(.id, idColumn), (.text, textColumn), (.rating, ratingColumn), (.value, valueColumn)]
            tagger.overrides = Dictionary(uniqueKeysWithValues: pairs.compactMap { role, header in header.map { (role, $0) } })
            tagger.strict = strict
            let out = Output()
            let describe: ((ColumnRoles, [String]) -> Void)? = verbose ? { Self.describe($0, $1) } : nil
            let summary: TagSummary
            do {
                summary = try tagger.run(path: file, write: { out.line($0) }, report: { Terminal.error($0) }, describeColumns: describe)
            } catch {
                out.flush()
                if strict, case .badInput = error { Terminal.error("mindscope: stopped (--strict)") }
                throw Terminal.fail(error)
            }
            out.flush()
            Terminal.error("\(file): \(summary.read) rows read, \(summary.tagged) tagged, \(summary.skipped) skipped"
                           + (summary.repairedFields > 0 ? ", \(summary.repairedFields) fields with invalid UTF-8 repaired" : ""))
        }

        private static func describe(_ roles: ColumnRoles, _ headers: [String]) {
            for role in ColumnRoles.Role.allCases {
                let chosen = roles[role].map { "'\(headers[$0])' (\(roles.reasons[role] ?? ""))" } ?? "none"
                Terminal.error("column \(role.rawValue): \(chosen)")
            }
        }
    }
}

extension TagOutputFormat: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
