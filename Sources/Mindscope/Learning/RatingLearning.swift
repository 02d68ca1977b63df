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
    /// Comments longer than this (bytes) are no review to learn a phrase from, and are left
    /// out of the sample's second look, which keeps its memory flat.
    public static let longestComment = 16_384
    public static let folds = 5

    /// The lexicon used for rows after the sample.
    public private(set) var full: LearnedLexicon
    private var byFold: [LearnedLexicon]
    /// The last line of the sample: rows up to it take their fold's lexicon.
    private var sampleEnd: Int
    /// The rated comments learned from.
    public private(set) var rated: Int
    /// The sample's comments as learning tokenized them, by line: the main pass reads them
    /// without tokenizing them again (tokenizing was a third of the sample's second look).
    private var tokenized: [Int: TokenizedText] = [:]
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

    /// The row's comment analysed by `analyzers[index(for: record)]`, tokenized once.
    public func analyze(_ record: FeedbackRecord, with analyzers: [TextAnalyzer]) -> CommentAnalysis {
        // Through the array, not a local copy: copying an analyzer retains each of its tables.
        let index = index(for: record)
        // The same line of another file (a part given a wrong --first-line) is tokenized anew.
        if let text = tokenized[record.line], text.text == record.text { return analyzers[index].analyze(text) }
        return analyzers[index].analyze(record.text)
    }

    /// Which of ``analyzers(_:)`` reads a row: its fold's within the sample, the full lexicon's
    /// after it. (An index, not the analyzer: copying one per row was a visible cost.)
    public func index(for record: FeedbackRecord) -> Int {
        guard !byFold.isEmpty, record.line <= sampleEnd else { return 0 }
        return 1 + record.line % Self.folds
    }

    /// The analyzers ``index(for:)`` picks from: the full lexicon's, then one per fold.
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
        // The outcome: the rating, else a churn flag (stayed 1, churned 0). Without comments or
        // an outcome there is nothing to learn from, and nothing to say.
        let byRating = reader.roles[.rating] != nil
        guard !reader.roles.all(.text).isEmpty, byRating || reader.roles[.churned] != nil else { return RatingLearning(nothing: "") }
        let sample = try reader.readAhead(sampleRows, bytes: sampleBytes, report: report)
        // After the sample: a column whose first values are blank gets its scale from the first
        // rating read.
        let scale: ClosedRange<Double>
        if byRating {
            guard let found = reader.ratingScale else {
                return RatingLearning(nothing: "not learned: the rating column's values fit no known scale")
            }
            scale = found.low...found.high
        } else {
            scale = 0...1
        }
        var rated: [FeedbackRecord] = []
        var ratings: [Double] = []
        for record in sample where !record.text.isEmpty && record.text.utf8.count <= longestComment {
            let value: Double? = byRating ? record.rating?.value : record.churned.map { $0 ? 0 : 1 }
            guard let value else { continue }
            rated.append(record)
            ratings.append(value)
        }
        guard rated.count >= minimumRated else {
            return RatingLearning(nothing: "not learned: \(rated.count) \(byRating ? "rated comments" : "comments with a churn flag") in the first \(sample.count) rows (\(minimumRated) needed)")
        }
        let first = ratings[0]
        guard ratings.contains(where: { $0 != first }) else {
            return RatingLearning(nothing: "not learned: every " + (byRating ? "rating is \(first.formatted)" : "churn flag is the same"))
        }
        var learner = PolarityLearner(scorer: analyzer.scorer, frequencies: frequencies, scale: scale)
        let base = analyzer
        let found = learner
        var tokenized: [Int: TokenizedText] = [:]
        var pipeline = ParallelBatches<(FeedbackRecord, Double), ([PolarityLearner.Phrase], SentimentAnalysis, Double, TokenizedText, Int)> { input in
            let (record, rating) = input
            let text = base.tokenizer.tokenize(record.text)
            let (sentiment, silent) = base.scorer.scoreAndSilence(text)
            return (found.phrases(in: text, silent: silent), sentiment, rating, text, record.line)
        }
        func fold(_ batch: [([PolarityLearner.Phrase], SentimentAnalysis, Double, TokenizedText, Int)]) {
            for (phrases, sentiment, rating, text, line) in batch {
                learner.add(phrases, of: text, sentiment: sentiment, rating: rating, fold: line % folds)
                tokenized[line] = text
            }
        }
        for (record, rating) in zip(rated, ratings) { pipeline.add((record, rating), cost: record.text.utf8.count, consume: fold) }
        pipeline.finish(consume: fold)
        let kind = byRating ? "rated comments" : "comments with a churn flag"
        let origin = "\(rated.count) \(kind) of \(reader.path)"
        var learning = RatingLearning(nothing: "")
        learning.full = learner.lexicon(excluding: nil, origin: origin)
        learning.byFold = (0..<folds).map { learner.lexicon(excluding: $0, origin: origin) }
        learning.sampleEnd = sample.last?.line ?? 0
        learning.rated = rated.count
        learning.tokenized = tokenized
        learning.note = learning.full.isEmpty
            ? "learned nothing from \(rated.count) \(kind): no phrase the lexicons miss moves the \(byRating ? "rating" : "churn rate") beyond chance"
            : "learned \(learning.full.count) phrase valences from \(rated.count) \(kind) (\(folds)-fold cross-fitting)"
        return learning
    }
}

private extension Double {
    var formatted: String { self == rounded() ? String(Int(self)) : String(self) }
}
