/// A comment's sentiment, per sentence and as a whole, with every contribution explained.
public struct SentimentAnalysis: Sendable {
    /// In (−1, 1): the normalized sum of the sentences' raw sums.
    public var score: Double
    public var label: SentimentLabel
    /// Sum of the sentences' raw values before normalization.
    public var raw: Double
    public var sentences: [SentenceSentiment]
    /// Every token or phrase that moved the score, in text order.
    public var contributions: [Contribution]
}

/// One sentence's sentiment.
public struct SentenceSentiment: Sendable {
    /// Indices into the comment's tokens.
    public var tokens: Range<Int>
    /// Sum of the contributions plus punctuation emphasis.
    public var raw: Double
    /// What `!` and `?` added (in the sentence's direction).
    public var punctuationEmphasis: Double
    public var score: Double
    public var label: SentimentLabel
    /// Token indices where a contrast word (`but`, `although`) starts.
    public var contrasts: [Int]
}

/// A word, emoticon, emoji, idiom or theme phrase that carries valence, and what the rules did
/// to it.
public struct Contribution: Sendable {
    /// Where the valence comes from: the sentiment lexicons (words, idioms), or a theme's
    /// problem or praise phrase in a clause with no sentiment of its own, with the theme's
    /// position in the analyzer's themes (``CommentAnalysis/theme(of:)`` names it). An index,
    /// not the id, so that copying a contribution costs no reference counting.
    public enum Source: Sendable, Hashable {
        case lexicon
        case problem(theme: Int)
        case praise(theme: Int)
        /// A phrase learned from the file's ratings: its index in the scorer's ``LearnedLexicon``.
        case learned(entry: Int)
    }

    /// Token indices the term covers (several for an idiom).
    public var tokens: Range<Int>
    /// The lexicon entry or idiom that matched.
    public var term: String
    /// The valence in the lexicon, −4…4.
    public var base: Double
    /// The rules applied, in order.
    public var steps: [Step]
    /// The valence after every rule but contrast: what the word says within its own clause.
    public var local: Double
    /// The valence after all rules, contrast weighting included: what it adds to the sentence.
    public var value: Double
    public var source: Source = .lexicon
}

/// A theme phrase scored as a sentiment term (see ``SentimentScorer/score(_:phrases:)``).
public struct PhraseValence: Sendable {
    public var tokens: Range<Int>
    /// The phrase as written in the theme file.
    public var term: String
    public var valence: Double
    public var source: Contribution.Source
}

/// One rule's effect on a contribution.
public struct Step: Sendable, Hashable {
    public enum Rule: String, Sendable, Codable, Hashable {
        case capitals, elongation, booster, dampener, excess, negation, emphasis
        case beforeContrast = "before_contrast", afterContrast = "after_contrast"
        case concession
    }

    public var rule: Rule
    /// The token that caused it (the negator, the booster, the contrast word), if any.
    public var cause: Int?
    public var before: Double
    public var after: Double
}
