import ArgumentParser
import Foundation
import Mindscope

extension MindscopeCommand {
    struct Themes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check theme packs and theme files, and measure them on labelled comments.",
            subcommands: [Check.self, Eval.self]
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
    }
}
