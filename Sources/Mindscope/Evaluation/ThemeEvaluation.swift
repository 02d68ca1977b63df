import Foundation
import MindscopeText

/// A comment labelled by a person: its sentiment and the themes it is about, each with the
/// polarity of what it says (`Tests/Fixtures/Domains/*.tsv`).
public struct LabelledComment: Sendable {
    public var line: Int
    public var sentiment: SentimentLabel
    public var themes: [String: SentimentLabel]
    public var text: String

    /// Parses `sentiment<TAB>theme:polarity theme:polarity<TAB>text` lines (`-` for no theme);
    /// `#` lines are comments.
    public static func parse(_ contents: String, path: String) throws(MindscopeError) -> [LabelledComment] {
        var result: [LabelledComment] = []
        for (index, line) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let sentiment = SentimentLabel(rawValue: String(fields[0])) else {
                throw .badInput(path: path, line: index + 1, message: "expected sentiment<TAB>themes<TAB>text with sentiment negative, neutral or positive")
            }
            var themes: [String: SentimentLabel] = [:]
            if fields[1] != "-" {
                for pair in fields[1].split(separator: " ") {
                    let parts = pair.split(separator: ":")
                    guard parts.count == 2, let label = SentimentLabel(rawValue: String(parts[1])) else {
                        throw .badInput(path: path, line: index + 1, message: "theme '\(pair)': expected theme:negative|neutral|positive")
                    }
                    themes[String(parts[0])] = label
                }
            }
            result.append(LabelledComment(line: index + 1, sentiment: sentiment, themes: themes, text: String(fields[2])))
        }
        return result
    }
}

/// How the themes and sentiment read from labelled comments agree with the labels.
public struct ThemeEvaluation: Sendable {
    public struct Counts: Sendable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public var precision: Double { Self.ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { Self.ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
    }

    public var comments: Int
    /// All themes pooled (micro average).
    public var overall = Counts()
    public var perTheme: [String: Counts] = [:]
    /// Of the themes found and labelled, how many have the labelled polarity.
    public var polarityAgreement = 0
    public var polarityItems = 0
    /// Comments whose sentiment label equals the labelled one.
    public var sentimentAgreement = 0
    /// Negative comments read negative.
    public var negativeRead = 0
    public var negativeItems = 0
    /// Comments with at least one theme found.
    public var themed = 0
    /// Mistakes, for reading: line, text, labelled, found.
    public var misses: [(line: Int, text: String, labelled: [String], found: [String])] = []

    public init(_ comments: [LabelledComment], analyzer: TextAnalyzer) {
        self.comments = comments.count
        for comment in comments {
            let analysis = analyzer.analyze(comment.text)
            var found: [String: SentimentLabel] = [:]
            for hit in analysis.themes where found[hit.theme] == nil { found[hit.theme] = hit.label }
            if !found.isEmpty { themed += 1 }
            for theme in Set(found.keys).union(comment.themes.keys) {
                switch (found[theme], comment.themes[theme]) {
                case let (got?, want?):
                    overall.truePositives += 1
                    perTheme[theme, default: Counts()].truePositives += 1
                    polarityItems += 1
                    if got == want { polarityAgreement += 1 }
                case (.some, nil):
                    overall.falsePositives += 1
                    perTheme[theme, default: Counts()].falsePositives += 1
                case (nil, .some):
                    overall.falseNegatives += 1
                    perTheme[theme, default: Counts()].falseNegatives += 1
                case (nil, nil): break
                }
            }
            if analysis.sentiment.label == comment.sentiment { sentimentAgreement += 1 }
            if comment.sentiment == .negative {
                negativeItems += 1
                if analysis.sentiment.label == .negative { negativeRead += 1 }
            }
            if Set(found.keys) != Set(comment.themes.keys) {
                misses.append((comment.line, comment.text, comment.themes.keys.sorted(), found.keys.sorted()))
            }
        }
    }

    /// A table: one line for the pool, then one per theme.
    public var lines: [String] {
        func row(_ name: String, _ c: Counts) -> String {
            "\(name)\t\(c.truePositives + c.falseNegatives)\t\(Self.f(c.precision))\t\(Self.f(c.recall))\t\(Self.f(c.f1))"
        }
        var lines = ["theme\tlabelled\tprecision\trecall\tf1", row("all", overall)]
        lines += perTheme.keys.sorted().map { row($0, perTheme[$0]!) }
        lines.append("themed comments \(themed)/\(comments); theme polarity agreement \(Self.f(Double(polarityAgreement) / Double(max(polarityItems, 1)))) of \(polarityItems); "
                     + "sentiment agreement \(Self.f(Double(sentimentAgreement) / Double(max(comments, 1)))); negative read negative \(negativeRead)/\(negativeItems)")
        return lines
    }

    static func f(_ x: Double) -> String { String(format: "%.2f", x) }
}
