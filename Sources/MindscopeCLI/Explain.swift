import ArgumentParser
import Foundation
import Mindscope
import MindscopeText

extension MindscopeCommand {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how one comment is scored: contributions, rules, sentences, themes, signals.",
            discussion: """
                $ mindscope explain "Good quality, but shipping costs too high."
                """
        )

        @Argument(help: "The comment.") var text: String
        @Flag(help: "Print the tag record as JSON (with its explanation) instead.") var json = false
        @OptionGroup var lexicons: LexiconOptions

        func run() throws {
            let (analyzer, set) = try lexicons.load(sample: [text])
            let analysis = analyzer.analyze(text)
            if json {
                print(TagLine.json(id: "-", line: 1, analysis: analysis, explain: true))
                return
            }
            let record = TagRecord(id: "-", line: 1, analysis: analysis, explain: true)
            print("themes from: \(set.domain.packs.isEmpty ? "general themes" : set.domain.packs.joined(separator: ", ")) (\(set.domain.why))")
            print("sentiment \(signed(record.sentiment.score)) \(record.sentiment.label.rawValue)")
            for (number, sentence) in record.sentences.enumerated() {
                print("  sentence \(number + 1) [\(sentence.start), \(sentence.end)) \(signed(sentence.score)) \(sentence.label.rawValue)")
            }
            print("contributions (valence -4..4):")
            for item in record.explain ?? [] {
                let rules = item.rules.map { "\($0.rule.rawValue)\($0.by.map { " by '\($0)'" } ?? "") \(signed($0.change))" }
                print("  '\(item.text)' [\(item.start), \(item.end)) \(item.described): \(signed(item.base))"
                      + (rules.isEmpty ? "" : ", " + rules.joined(separator: ", ")) + " = \(signed(item.value))")
            }
            print("themes:")
            for theme in record.themes {
                print("  \(theme.theme) \(signed(theme.score)) \(theme.label.rawValue), cues \(theme.cues.joined(separator: ", ")): "
                      + theme.evidence.map { "'\($0.text)' [\($0.start), \($0.end))" }.joined(separator: "; "))
            }
            print("signals: \(record.signals.isEmpty ? "none" : record.signals.joined(separator: ", "))")
        }

        private func signed(_ x: Double) -> String { String(format: "%+.3f", x) }
    }
}
