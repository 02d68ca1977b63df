import MindscopeText

/// Phrase valences learned from an export's own ratings, cross-fitted: the rows read ahead are
/// dealt into folds by line, each scored with the lexicon learned from the other folds; the rows
/// after them with the lexicon learned from all of them (which never saw those rows). So no
/// comment is scored with its own rating.
public struct RatingLearning: Sendable {
    /// The rows read ahead to learn from: the first 20,000 or 4 MB of comments. Learning looks at
    /// this sample a second time; the rest of the file is read once.
    public static let sampleRows = 20_000
    public static let sampleBytes = 4 << 20
    /// Rated comments needed before anything is learned.
    public static let minimumRated = 200
    public static let folds = 5

    /// The lexicon used for rows after the sample.
    public private(set) var full: LearnedLexicon
    private var byFold: [LearnedLexicon]
    /// The last line of the sample: rows up to it take their fold's lexicon.
    private var sampleEnd: Int
    /// The rated comments learned from.
    public private(set) var rated: Int
    /// What was learned, or why nothing was, for stderr and the reports.
    public private(set) var note: String

    /// Nothing learned, with why.
    public init(nothing why: String) {
        full = LearnedLexicon(entries: [], origin: "")
        byFold = []
        sampleEnd = 0
        rated = 0
        note = why
    }

    /// A lexicon loaded from a file (`--sentiment-lexicon` with a file `--save-learned` wrote):
    /// used for every row; nothing is learned.
    public init(loaded: LearnedLexicon) {
        self.init(nothing: "\(loaded.count) learned phrases from \(loaded.origin) (nothing new learned)")
        full = loaded
    }

    public var isEmpty: Bool { full.isEmpty && byFold.allSatisfy(\.isEmpty) }

    /// The analyzer for a row: its fold's within the sample, the full lexicon after it.
    public func analyzer(for record: FeedbackRecord, base: [TextAnalyzer]) -> TextAnalyzer {
        guard !byFold.isEmpty, record.line <= sampleEnd else { return base[0] }
        return base[1 + record.line % Self.folds]
    }

    /// The analyzers ``analyzer(for:base:)`` picks from: the full lexicon's, then one per fold.
    public func analyzers(_ base: TextAnalyzer) -> [TextAnalyzer] {
        ([full] + byFold).map { lexicon in
            var analyzer = base
            analyzer.learned = lexicon
            return analyzer
        }
    }

    /// Learns from the rows `reader` reads ahead (kept for its next calls). Says why when it
    /// cannot: no rating, too few rated comments, ratings all the same.
    public static func learn(from reader: SurveyReader, analyzer: TextAnalyzer, frequencies: WordFrequencies,
                             report: (String) -> Void) throws(MindscopeError) -> RatingLearning {
        // Without comments or a rating there is nothing to learn from, and nothing to say.
        guard !reader.roles.all(.text).isEmpty, reader.roles[.rating] != nil else { return RatingLearning(nothing: "") }
        guard let scale = reader.ratingScale else {
            return RatingLearning(nothing: "not learned: the rating column's values fit no known scale")
        }
        let sample = try reader.readAhead(sampleRows, bytes: sampleBytes, report: report)
        let rated = sample.filter { $0.rating != nil && !$0.text.isEmpty }
        guard rated.count >= minimumRated else {
            return RatingLearning(nothing: "not learned: \(rated.count) rated comments in the first \(sample.count) rows (\(minimumRated) needed)")
        }
        let first = rated[0].rating!.value
        guard rated.contains(where: { $0.rating!.value != first }) else {
            return RatingLearning(nothing: "not learned: every rating is \(first.formatted)")
        }
        var learner = PolarityLearner(scorer: analyzer.scorer, frequencies: frequencies, scale: scale.low...scale.high)
        let base = analyzer
        let found = learner
        var pipeline = ParallelBatches<FeedbackRecord, ([String], SentimentAnalysis, Double, Int)> { record in
            let text = base.tokenizer.tokenize(record.text)
            return (found.phrases(in: text), base.scorer.score(text), record.rating!.value, record.line % folds)
        }
        func fold(_ batch: [([String], SentimentAnalysis, Double, Int)]) {
            for (phrases, sentiment, rating, fold) in batch { learner.add(phrases, sentiment: sentiment, rating: rating, fold: fold) }
        }
        for record in rated { pipeline.add(record, cost: record.text.utf8.count, consume: fold) }
        pipeline.finish(consume: fold)
        let origin = "\(rated.count) rated comments of \(reader.path)"
        var learning = RatingLearning(nothing: "")
        learning.full = learner.lexicon(excluding: nil, origin: origin)
        learning.byFold = (0..<folds).map { learner.lexicon(excluding: $0, origin: origin) }
        learning.sampleEnd = sample.last?.line ?? 0
        learning.rated = rated.count
        learning.note = learning.full.isEmpty
            ? "learned nothing from \(rated.count) rated comments: no phrase the lexicons miss moves the rating beyond chance"
            : "learned \(learning.full.count) phrase valences from \(rated.count) rated comments (\(folds)-fold cross-fitting)"
        return learning
    }
}

private extension Double {
    var formatted: String { self == rounded() ? String(Int(self)) : String(self) }
}
