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
    /// Share of items with |gold| > 0.05 whose score has the same sign (a zero score disagrees).
    public var signAgreement: Double
    public var signItems: Int
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
        for (number, line) in contents.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            if line.allSatisfy(\.isWhitespace) { continue }
            guard fields.count == 3, let rating = Double(fields[1].trimmingCharacters(in: .whitespaces)) else {
                throw .badInput(path: path, line: number + 1, message: "expected ID<TAB>RATING<TAB>TEXT")
            }
            gold.append(rating)
            predicted.append(analyzer.analyze(fields[2].trimmingCharacters(in: .newlines)).sentiment.score)
        }
        let signed = zip(gold, predicted).filter { abs($0.0) > 0.05 }
        let agree = signed.filter { ($0.0 > 0 && $0.1 > 0) || ($0.0 < 0 && $0.1 < 0) }.count
        return EvaluationReport(file: path, items: gold.count, pearson: Statistics.pearson(gold, predicted),
                                spearman: Statistics.pearson(Statistics.ranks(gold), Statistics.ranks(predicted)),
                                signAgreement: signed.isEmpty ? 0 : Double(agree) / Double(signed.count),
                                signItems: signed.count)
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
