import ArgumentParser
import Foundation
import Mindscope
import MindscopeText

extension MindscopeCommand {
    struct Themes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check theme packs and theme files, measure them on labelled comments, and discover what they miss.",
            subcommands: [Check.self, Eval.self, Discover.self]
        )

        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Load the packs (and --themes/--add-themes files) and report what does not fit together; exit 4 on an error.",
                discussion: """
                    $ mindscope themes check --domain travel --add-themes my_themes.txt
                    """
            )
            @OptionGroup var lexicons: LexiconOptions

            func run() throws {
                let all = try lexicons.loadAll()
                let packs: [String]
                switch lexicons.request {
                case _ where all.themeLibrary.replacement != nil: packs = []
                case .auto: packs = all.themeLibrary.domainIDs
                case .packs(let ids): packs = ids
                }
                if packs.isEmpty {
                    // --themes, or no domain pack: the themes that would be used.
                    let set = try lexicons.choose(all, sample: [], request: .packs([])).set
                    print("\(set.domain.why): \(set.themes.catalog.topics.count) themes")
                    for note in set.themes.notes { print("  note: \(note)") }
                }
                for pack in packs {
                    let set = try lexicons.choose(all, sample: [], request: .packs([pack])).set
                    let phrases = set.themes.catalog.topics.reduce(0) { $0 + $1.phrases.count }
                    print("\(pack): \(set.themes.catalog.topics.count) themes, \(phrases) phrases, \(set.themes.valence.count) valence overrides")
                    for note in set.themes.notes { print("  note: \(note)") }
                }
                if packs.count > 1, case .packs = lexicons.request {
                    let set = try lexicons.choose(all, sample: [], request: .packs(packs)).set
                    print("together: \(set.themes.catalog.topics.count) themes")
                    for note in set.themes.notes { print("  note: \(note)") }
                }
            }
        }

        struct Eval: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Precision and recall of themes, and agreement of sentiment, on labelled comments (sentiment<TAB>theme:polarity …<TAB>text).",
                discussion: """
                    The domain is chosen from each file's comments as analyze chooses it, unless --domain names it.

                    $ mindscope themes eval Tests/Fixtures/Domains/travel.tsv
                    """
            )
            @Argument(help: "Labelled files.") var files: [String]
            @Flag(help: "List the comments whose themes differ from the labels.") var misses = false
            @OptionGroup var lexicons: LexiconOptions

            func run() throws {
                let all = try lexicons.loadAll()
                for file in files {
                    do {
                        let data = try Data(contentsOf: URL(fileURLWithPath: file))
                        let comments = try LabelledComment.parse(String(decoding: data, as: UTF8.self), path: file)
                        let (analyzer, set) = try lexicons.choose(all, sample: comments.map(\.text), request: lexicons.request)
                        let evaluation = ThemeEvaluation(comments, analyzer: analyzer)
                        print("\(file): \(comments.count) comments; domain \(set.domain.packs.joined(separator: ", ")) (\(set.domain.why))")
                        for line in evaluation.lines { print("  \(line)") }
                        if misses {
                            for miss in evaluation.misses {
                                print("  miss \(file):\(miss.line): labelled \(miss.labelled.joined(separator: " ")), found \(miss.found.joined(separator: " ")): \(miss.text)")
                            }
                        }
                    } catch let error as MindscopeError {
                        throw Terminal.fail(error)
                    } catch {
                        throw Terminal.fail(.unreadable(path: file, reason: (error as NSError).localizedDescription))
                    }
                }
            }
        }

        struct Discover: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Find the topics of the comments that the themes do not cover: a themes file to edit and pass with --add-themes, or JSON.",
                discussion: """
                    Recurring phrases of one to four words, distinctive against general English
                    (lexicons/background.tsv), are found in the first rows (--sample) and grouped
                    into topics; each topic is then counted over the whole file, with its average
                    rating against the rest and three quotes. Comments are scored as analyze scores
                    them, with what is learned from the ratings (--no-learn to skip).

                    $ mindscope themes discover reviews.csv --out my_themes.txt
                    $ mindscope analyze reviews.csv --add-themes my_themes.txt
                    """
            )

            enum Format: String, ExpressibleByArgument, CaseIterable { case themes, json }

            @OptionGroup var input: InputOptions
            @OptionGroup var threads: ThreadOptions
            @Option(name: [.customLong("format"), .customLong("output")], help: "Output: themes (a themes file) or json. --output is the same option.")
            var output: Format = .themes
            @Option(help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE"))
            var out: String?
            @Flag(help: "Propose topics the active themes already cover too.") var all = false
            @Option(help: ArgumentHelp("Comments a phrase needs (also at least 0.5% of the comments looked at).", valueName: "N"))
            var minComments = 5
            @Option(help: ArgumentHelp("Rows to discover topics in (default: the first 20,000, or 4 MB of comments); they are then counted over the whole file.", valueName: "N"))
            var sample = RatingLearning.sampleRows
            @OptionGroup var lexicons: LexiconOptions
            @OptionGroup var learning: LearningOptions

            func validate() throws {
                guard minComments > 0 else { throw ValidationError("--min-comments \(minComments): expected a positive number") }
                guard sample > 0 else { throw ValidationError("--sample \(sample): expected a positive number") }
            }

            func run() throws {
                let saving = try learning.open()
                let all = try lexicons.loadAll()
                let reader = try input.open(all)
                let (analyzer, set) = try lexicons.choose(all, for: reader, verbose: input.verbose)
                let learned = try learning.learn(set, reader: reader, analyzer: analyzer, quiet: input.quiet, saving: saving)
                var settings = TopicDiscovery.Settings()
                settings.minComments = minComments
                settings.includeCovered = self.all
                let report: DiscoveryReport
                do {
                    report = try DiscoveryReport.run(reader, set: set, analyzer: analyzer, settings: settings, sampleRows: sample,
                                                     learning: learned, report: { Terminal.error($0) })
                } catch {
                    throw Terminal.fail(error)
                }
                Terminal.clearProgress()
                if let note = report.note, !input.quiet { Terminal.error("mindscope: \(note)") }
                let text = output == .json ? report.json.text + "\n" : report.themesFile
                if let out {
                    Terminal.noteNewFolder(parentOf: out)
                    do { try AtomicFile.write(text, to: URL(fileURLWithPath: out)) } catch { throw Terminal.fail(error) }
                } else {
                    print(text, terminator: "")
                }
                if !input.quiet {
                    Terminal.error("\(input.file): \(report.topics.count) topics in \(report.sampled) comments looked at; \(report.comments) comments counted, \(Int((report.covered * 100).rounded()))% covered by the themes")
                }
            }
        }
    }
}
