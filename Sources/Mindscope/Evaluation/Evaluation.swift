import Foundation
import MindscopeText

/// Agreement of Mindscope's scores with human ratings.
public struct EvaluationReport: Sendable {
    public var file: String
    public var items: Int
    /// Pearson correlation of score and gold rating.
    public var pearson: Double
    /// Spearman rank correlation (ties take their average rank).
    public var spearman: Double
    /// Share of items with |gold| > 0.05 where (gold > 0) equals (score > 0): the definition
    /// behind the reference figures in `shared/data/sentiment-dev/README.md` (a zero score counts
    /// as not positive; recomputing VADER's compound scores this way gives its 0.945 and 0.647).
    public var signAgreement: Double
    public var signItems: Int
    /// Per item: id, gold rating, score, text.
    public var details: [(id: String, gold: Double, score: Double, text: String)]
}

/// Scores a human-rated file of `ID<TAB>RATING<TAB>TEXT` lines (the VADER ground-truth format)
/// and compares.
public enum Evaluation {
    public static func run(path: String, analyzer: TextAnalyzer) throws(MindscopeError) -> EvaluationReport {
        let contents: String
        do {
            contents = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        var gold: [Double] = []
        var predicted: [Double] = []
        var details: [(id: String, gold: Double, score: Double, text: String)] = []
        for (number, line) in contents.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            if line.allSatisfy(\.isWhitespace) { continue }
            guard fields.count == 3, let rating = Double(fields[1].trimmingCharacters(in: .whitespaces)) else {
                throw .badInput(path: path, line: number + 1, message: "expected ID<TAB>RATING<TAB>TEXT")
            }
            let text = fields[2].trimmingCharacters(in: .newlines)
            let score = analyzer.analyze(text).sentiment.score
            gold.append(rating)
            predicted.append(score)
            details.append((String(fields[0]), rating, score, text))
        }
        let signed = zip(gold, predicted).filter { abs($0.0) > 0.05 }
        let agree = signed.filter { ($0.0 > 0) == ($0.1 > 0) }.count
        return EvaluationReport(file: path, items: gold.count, pearson: Statistics.pearson(gold, predicted),
                                spearman: Statistics.pearson(Statistics.ranks(gold), Statistics.ranks(predicted)),
                                signAgreement: signed.isEmpty ? 0 : Double(agree) / Double(signed.count),
                                signItems: signed.count, details: details)
    }
}

enum Statistics {
    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        guard n > 1 else { return 0 }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / (sxx * syy).squareRoot()
    }

    /// 1-based ranks, ties sharing their average rank.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, values[order[j + 1]] == values[order[i]] { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = rank }
            i = j + 1
        }
        return ranks
    }
}
