/// Learns phrase valences from a file's ratings (or another outcome in [0, 1]), with
/// cross-fitting: comments are dealt into folds, and the lexicon for a fold is learned from the
/// other folds only, so a comment is never scored with its own rating.
///
/// Method (documented in the README, "Learning from the file"):
/// 1. Each rated comment is scored with the lexicons; a line `y = a + b·score` is fitted by least
///    squares on the training comments, and each comment's residual `y − a − b·score` is what
///    the lexicons missed.
/// 2. For every phrase of one to three words the lexicons say nothing about (``PhraseGrams``
///    over the tokens with no valence and no rule role), the mean residual `d` of the
///    comments that hold it, when at least ``Settings/minComments`` do.
/// 3. Empirical-Bayes shrinkage: `d` is shrunk by `τ² / (τ² + σ²/n)`, where `σ²` is the residual
///    variance and `τ²` the variance of true phrase effects, estimated by the method of moments
///    over the phrases (`mean(d²) − mean(σ²/n)`, at least 0). Where ratings carry no signal
///    beyond the lexicons (shuffled ratings), `τ²` is about 0 and nothing is learned.
/// 4. The shrunk shift, a share of the rating scale, becomes a valence on the lexicon's scale:
///    the whole rating scale spans the whole valence scale (−4…4), so a phrase whose comments
///    rate a quarter of the scale lower than the lexicons predict weighs −2, as "bad" does.
///    Capped at ``Settings/maxValence``; phrases under ``Settings/minValence`` are dropped.
///    (Dividing by the fitted slope instead blew small shifts up wherever the lexicons say
///    little, the very files learning is for.)
public struct PolarityLearner: Sendable {
    public struct Settings: Sendable {
        public var folds = 5
        /// Rated comments a phrase needs.
        public var minComments = 10
        public var minValence = 0.3
        public var maxValence = 3.0
        public var maxLength = 3
        /// Valence per unit of rating shift (the rating scale taken as 0…1).
        public var valencePerRating = 8.0
        public init() {}
    }

    public let settings: Settings
    let scorer: SentimentScorer
    let frequencies: WordFrequencies
    /// The rating's scale, for the evidence.
    let low: Double, high: Double

    /// Per fold: comments, Σscore, Σy, Σscore², Σscore·y, Σy².
    private var totals: [[Double]]
    private var counter = LossyCounter(width: 5_000)
    /// Per slot and fold: comments, Σy, Σscore.
    private var phraseSums: [Double] = []

    public init(scorer: SentimentScorer, frequencies: WordFrequencies, scale: ClosedRange<Double>, settings: Settings = Settings()) {
        self.scorer = scorer
        self.frequencies = frequencies
        self.low = scale.lowerBound
        self.high = scale.upperBound
        self.settings = settings
        totals = Array(repeating: Array(repeating: 0, count: 6), count: settings.folds)
    }

    public var comments: Int { Int(totals.reduce(0) { $0 + $1[0] }) }

    /// The distinct phrases of a comment that learning weighs, given its silent tokens
    /// (``SentimentScorer/scoreAndSilence(_:)``): what ``add(_:sentiment:rating:fold:)`` takes.
    /// Separate, so that callers can find them on every core.
    public func phrases(in text: TokenizedText, silent: [Bool]) -> [Phrase] {
        var seen = Set<Int>()
        var found: [Phrase] = []
        PhraseGrams.forEach(in: text, maxLength: settings.maxLength, frequencies: frequencies, eligible: { silent[$0] }) { range in
            let hash = PhraseGrams.hash(text.tokens[range])
            if seen.insert(hash).inserted { found.append(Phrase(hash: hash, tokens: range)) }
        }
        return found
    }

    /// A phrase of a comment: its hash, and where it stands (its text is built from the
    /// tokens only when it is new to the table).
    public struct Phrase: Sendable {
        var hash: Int
        var tokens: Range<Int>
    }

    /// Adds a rated comment: its ``phrases(in:)``, its lexicon reading (score and raw sum), and
    /// its rating on the scale given at init.
    public mutating func add(_ phrases: [Phrase], of text: TokenizedText, sentiment: SentimentAnalysis, rating: Double, fold: Int) {
        let folds = settings.folds
        let f = ((fold % folds) + folds) % folds
        let y = high > low ? (rating - low) / (high - low) : 0
        let s = sentiment.score
        for (k, x) in [1, s, y, s * s, s * y, y * y].enumerated() { totals[f][k] += x }
        for phrase in phrases {
            let (slot, isNew) = counter.add(phrase.hash) { PhraseGrams.key(text.tokens[phrase.tokens]) }
            let base = slot * folds * 3
            if base >= phraseSums.count { phraseSums.append(contentsOf: repeatElement(0, count: folds * 3)) }
            if isNew { for k in base..<(base + folds * 3) { phraseSums[k] = 0 } }
            phraseSums[base + f * 3] += 1
            phraseSums[base + f * 3 + 1] += y
            phraseSums[base + f * 3 + 2] += s
        }
        counter.endComment()
    }

    /// The lexicon learned from every fold but `fold` (nil: from all of them).
    public func lexicon(excluding fold: Int?, origin: String) -> LearnedLexicon {
        let folds = settings.folds
        let used = (0..<folds).filter { $0 != fold }
        var t = [Double](repeating: 0, count: 6)
        for f in used { for k in 0..<6 { t[k] += totals[f][k] } }
        let n = t[0]
        guard n >= Double(settings.minComments) * 2 else { return LearnedLexicon(entries: [], origin: origin) }
        let meanS = t[1] / n, meanY = t[2] / n
        let varS = t[3] / n - meanS * meanS
        let b = varS > 1e-12 ? (t[4] / n - meanS * meanY) / varS : 0
        let a = meanY - b * meanS
        // Residual variance: E[(y − a − b s)²] from the sums.
        let sigma2 = max(1e-9, t[5] / n - 2 * a * meanY - 2 * b * (t[4] / n) + a * a + 2 * a * b * meanS + b * b * (t[3] / n))

        struct Candidate { var slot: Int; var n: Double; var sumY: Double; var d: Double }
        var candidates: [Candidate] = []
        for slot in counter.live {
            let base = slot * folds * 3
            var m = 0.0, sy = 0.0, ss = 0.0
            for f in used { m += phraseSums[base + f * 3]; sy += phraseSums[base + f * 3 + 1]; ss += phraseSums[base + f * 3 + 2] }
            guard m >= Double(settings.minComments) else { continue }
            candidates.append(Candidate(slot: slot, n: m, sumY: sy, d: (sy - a * m - b * ss) / m))
        }
        guard !candidates.isEmpty else { return LearnedLexicon(entries: [], origin: origin) }
        let tau2 = max(0, candidates.reduce(0) { $0 + $1.d * $1.d - sigma2 / $1.n } / Double(candidates.count))
        var entries: [LearnedEntry] = []
        for c in candidates {
            let shrunk = c.d * tau2 / (tau2 + sigma2 / c.n)
            let valence = min(settings.maxValence, max(-settings.maxValence, shrunk * settings.valencePerRating))
            guard abs(valence) >= settings.minValence else { continue }
            let scale = high - low
            entries.append(LearnedEntry(phrase: counter.keys[c.slot], valence: (valence * 100).rounded() / 100, comments: Int(c.n),
                                        meanWith: low + scale * c.sumY / c.n,
                                        meanWithout: n > c.n ? low + scale * (t[2] - c.sumY) / (n - c.n) : .nan))
        }
        entries.sort { abs($0.valence) != abs($1.valence) ? abs($0.valence) > abs($1.valence) : $0.phrase < $1.phrase }
        return LearnedLexicon(entries: entries, origin: origin)
    }
}

extension SentimentScorer {
    /// True when the lexicons say nothing about `word` on its own: no valence and no role as a
    /// negator, intensifier, contrast word or idiom opening.
    public func isSilent(word: String) -> Bool {
        let token = Token(kind: .word, range: 0..<0, normalized: word)
        return (lexicon.lookup(token)?.valence ?? 0) == 0 && !rules.isNegatorBySuffix(token)
            && rules.cues.matches(in: [token], at: 0, within: 0..<1).isEmpty
    }

    /// Marks as silent the tokens the lexicons say nothing about: words of plain units (no
    /// valence, no negator, intensifier, contrast or idiom role) and numbers. Learned phrases
    /// apply there.
    static func markSilence(_ units: [Unit], _ tokens: [Token], _ silent: inout [Bool]) {
        for unit in units {
            switch unit.role {
            case .plain: for i in unit.tokens { silent[i] = true }
            case .other where tokens[unit.tokens.lowerBound].kind == .number: silent[unit.tokens.lowerBound] = true
            default: break
            }
        }
    }
}
