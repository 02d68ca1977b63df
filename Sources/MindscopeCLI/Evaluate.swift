import ArgumentParser
import Foundation
import Mindscope

extension MindscopeCommand {
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Compare sentiment scores with human ratings (ID<TAB>RATING<TAB>TEXT files).",
            discussion: """
                Prints Pearson r, Spearman rho and sign agreement (items with |rating| > 0.05).

                $ mindscope eval ../shared/data/sentiment-dev/tweets_GroundTruth.txt
                """
        )

        @Argument(help: "Human-rated files.") var files: [String]
        @Option(help: ArgumentHelp("Write each item's id, rating, score and text to this TSV file.", valueName: "FILE"))
        var details: String?
        @OptionGroup var lexicons: LexiconOptions

        func run() throws {
            let analyzer = try lexicons.load(sample: []).analyzer
            print("file\titems\tpearson\tspearman\tsign_agreement")
            var rows = "file\tid\trating\tscore\ttext\n"
            defer {
                if let details { _ = FileManager.default.createFile(atPath: details, contents: Data(rows.utf8)) }
            }
            for file in files {
                do {
                    let report = try Evaluation.run(path: file, analyzer: analyzer)
                    for item in report.details { rows += "\(file)\t\(item.id)\t\(item.gold)\t\(f(item.score))\t\(item.text)\n" }
                    print("\(file)\t\(report.items)\t\(f(report.pearson))\t\(f(report.spearman))\t\(f(report.signAgreement))")
                } catch {
                    throw Terminal.fail(error)
                }
            }
        }

        private func f(_ x: Double) -> String { String(format: "%.4f", x) }
    }
}
