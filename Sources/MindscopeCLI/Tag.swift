import ArgumentParser
import Mindscope

extension MindscopeCommand {
    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tag each comment with sentiment, themes and signals (JSONL or CSV).",
            discussion: """
                Reads CSV, TSV or JSONL exports ('-' for standard input) and writes one line per
                row, in input order. Rows that cannot be read are reported on stderr with their
                line and skipped (or stop the run with --strict); the counts are printed.

                $ mindscope tag corpora/ecommerce_feedback.csv
                """
        )

        @OptionGroup var input: InputOptions
        @OptionGroup var threads: ThreadOptions

        @Option(name: [.customLong("format"), .customLong("output")],
                help: "Output: jsonl (one object per row) or csv (one column per theme). --output is the same option.")
        var output: TagOutputFormat = .jsonl

        @Option(help: ArgumentHelp("Write to FILE (atomically: it appears only when complete; a failed or interrupted run leaves no partial file) instead of standard output.", valueName: "FILE"))
        var out: String?

        @Flag(help: "Add each score's contributing words, rules and amounts.") var explain = false
        @Flag(help: "CSV output: leave cells starting with = + - @ as they are (by default they get a leading ' so spreadsheets do not run them).")
        var allowFormulas = false

        @OptionGroup var lexicons: LexiconOptions
        @OptionGroup var learning: LearningOptions

        func run() throws {
            let saving = try learning.open()
            let all = try lexicons.loadAll()
            let (head, reader) = try input.openParts(all)
            let (analyzer, set) = try lexicons.choose(all, for: head, verbose: input.verbose)
            var tagger = Tagger(analyzer: analyzer)
            tagger.learning = try learning.learn(set, reader: head, analyzer: analyzer, quiet: input.quiet, saving: saving)
            tagger.format = output
            tagger.explain = explain
            tagger.reportsLearning = !input.quiet
            tagger.neutralizeFormulas = !allowFormulas
            if let path = self.out { Terminal.noteNewFolder(parentOf: path) }
            let out: Output
            do { out = try Output(path: self.out) } catch { throw Terminal.fail(error) }
            let summary: InputSummary
            do {
                summary = try tagger.run(reader, writeBatch: { out.write($0) }, report: { Terminal.error($0) })
                try out.commit()
            } catch {
                out.abandon()
                if input.strict, case .badInput = error { Terminal.error("mindscope: stopped (--strict)" + (self.out.map { "; \($0) not written" } ?? "")) }
                throw Terminal.fail(error)
            }
            if !input.quiet { Terminal.error(summary.line(for: input.name)) }
        }
    }
}

extension TagOutputFormat: ExpressibleByArgument {}
