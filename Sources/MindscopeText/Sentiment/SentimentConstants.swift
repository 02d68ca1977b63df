/// The weights of the sentiment rules, each with where it comes from.
///
/// VADER's values were derived empirically by Hutto & Gilbert (ICWSM 2014) from human ratings
/// of sentences with and without each feature; Mindscope keeps them where it applies the same
/// rule, so its scores stay comparable with VADER's.
public enum SentimentConstants {
    /// Added in the word's direction when it is written in capitals among lower-case text
    /// (VADER's `C_INCR`).
    public static let capitalsIncrement = 0.733
    /// Added in the word's direction for a stretched word ("soooo good"): Mindscope treats
    /// elongation like a booster, VADER's `B_INCR`.
    public static let elongationIncrement = 0.293
    /// Multiplies a negated valence (VADER's `N_SCALAR`).
    public static let negationScalar = -0.74
    /// Multiplies a negated negative valence: half of `negationScalar`, because a negated
    /// complaint is weaker praise than the flip suggests ("not bad", "wasn't terrible";
    /// Taboada et al. 2011 shift rather than flip; Kiritchenko & Mohammad 2016 find negated
    /// negative words only mildly positive). Mindscope's rule.
    public static let negatedNegativeScalar = -0.37
    /// "never so good", "never this happy": the negator stresses instead (VADER's 1.25).
    public static let neverSoFactor = 1.25
    /// How far back a negator reaches, in words (VADER's window).
    public static let negationWindow = 3
    /// How far back an intensifier reaches, in words, and how its effect fades with distance
    /// (VADER: full, then 95 %, then 90 %).
    public static let intensifierDecay: [Double] = [1.0, 0.95, 0.9]
    /// `too` + a word: a neutral word becomes `−weight × excessScale`, a negative one loses that
    /// much more; a positive one is left alone ("too good to be true" is ambiguous). Mindscope's
    /// rule: with `too` at weight 0.3 a neutral word scores −1.2, about VADER's "disappointing".
    public static let excessScale = 4.0
    /// "but"-type contrast: the clause before weighs half, the clause after one and a half
    /// (VADER's factors).
    public static let beforeContrastFactor = 0.5
    public static let afterContrastFactor = 1.5
    /// Each `!` adds this much in the sentence's direction, at most four (VADER).
    public static let exclamationIncrement = 0.292
    public static let maximumExclamations = 4
    /// Two or three `?` add this much each; more add `manyQuestionsIncrement` (VADER).
    public static let questionIncrement = 0.18
    public static let manyQuestionsIncrement = 0.96
    /// A theme's problem phrase ("runs small", "lost my bag") in a clause with no sentiment
    /// word of its own counts as a word of this valence, and a praise phrase ("true to size")
    /// as its opposite: a plain complaint, between VADER's "problem" (−1.7) and
    /// "disappointed" (−2.1), and about its "good" (1.9) for praise. Mindscope's rule.
    public static let problemPhraseValence = -1.9
    public static let praisePhraseValence = 1.9
    /// `x / sqrt(x² + α)` maps a sum of valences into (−1, 1) (VADER's α).
    public static let normalizationAlpha = 15.0
    /// Scores at or above this are positive, at or below its negation negative, neutral
    /// between (VADER's recommended threshold).
    public static let labelThreshold = 0.05

    /// A raw valence sum mapped into (−1, 1).
    public static func normalize(_ raw: Double) -> Double {
        raw == 0 ? 0 : raw / (raw * raw + normalizationAlpha).squareRoot()
    }
}

/// Positive, negative or neutral, by ``SentimentConstants/labelThreshold``.
public enum SentimentLabel: String, Sendable, Codable, Hashable {
    case positive, negative, neutral

    public init(score: Double) {
        if score >= SentimentConstants.labelThreshold { self = .positive }
        else if score <= -SentimentConstants.labelThreshold { self = .negative }
        else { self = .neutral }
    }
}
