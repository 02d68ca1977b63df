/// A comment read by the text core: tokens, sentiment, themes and signals.
public struct CommentAnalysis: Sendable {
    public var text: TokenizedText
    public var sentiment: SentimentAnalysis
    public var themes: [ThemeHit]
    public var signals: [SignalHit]
    /// The analyzer's theme ids, by position (what a contribution's source points into).
    let themeIDs: [String]
    /// The learned phrases the comment was scored with, if any.
    let learned: LearnedLexicon?

    /// The theme of a problem or praise phrase's contribution; nil for a lexicon term.
    public func theme(of contribution: Contribution) -> String? {
        switch contribution.source {
        case .lexicon, .learned: nil
        case .problem(let index), .praise(let index): themeIDs[index]
        }
    }

    /// True when a learned phrase counted in the score.
    public var usesLearned: Bool {
        learned != nil && sentiment.contributions.contains { if case .learned = $0.source { true } else { false } }
    }

    /// The learned entry behind a contribution, if it is a learned phrase.
    public func learnedEntry(of contribution: Contribution) -> LearnedEntry? {
        if case .learned(let index) = contribution.source { learned?.entries[index] } else { nil }
    }
}

/// The text core's pipeline: tokenize → sentences → sentiment → themes → signals.
///
/// ```swift
/// let analyzer = TextAnalyzer(lexicons: lexicons)
/// let result = analyzer.analyze("Good quality, but shipping costs too high.")
/// result.themes.map(\.theme)   // ["quality", "price"]
/// ```
public struct TextAnalyzer: Sendable {
    public let lexicons: Lexicons
    public let tokenizer: Tokenizer
    public private(set) var scorer: SentimentScorer
    let themeIDs: [String]
    /// ``WordClasses/clauseJoiners``, probed by each token's hash.
    let joiners: FormTable<Bool>

    /// Phrase valences learned from the file's ratings (nil: none).
    public var learned: LearnedLexicon? {
        get { scorer.learned }
        set { scorer.learned = newValue.flatMap { $0.isEmpty ? nil : $0 } }
    }

    public init(lexicons: Lexicons) {
        self.lexicons = lexicons
        self.themeIDs = lexicons.themes.topics.map(\.id)
        var joiners = FormTable<Bool>()
        for word in lexicons.words.clauseJoiners.sorted() { joiners[word] = true }
        self.joiners = joiners
        self.tokenizer = Tokenizer(emoticons: lexicons.sentiment.emoticonCandidates, quantityUnits: lexicons.words.quantityUnits)
        self.scorer = SentimentScorer(lexicon: lexicons.sentiment, rules: lexicons.rules, pronouns: lexicons.words.pronouns)
    }

    public func analyze(_ comment: String) -> CommentAnalysis {
        analyze(tokenizer.tokenize(comment))
    }

    /// The analysis of a comment already tokenized (by this analyzer's tokenizer).
    public func analyze(_ text: TokenizedText) -> CommentAnalysis {
        var sentiment = scorer.score(text)
        let matches = TopicMatcher(text: text).matches(lexicons.themes)
        var clauses = ClauseCache(text: text, joiners: joiners)
        // Problem and praise phrases in clauses that do not already say what they say count as
        // terms: no sentiment word outside the phrase, and none inside it of the phrase's own
        // sign ("too small" is already a complaint; the "no" of "no bugs" is not a complaint).
        // Only comments with such a phrase are scored again.
        let phrases = matches.compactMap { match -> PhraseValence? in
            guard match.polarity != .none else { return nil }
            let soft = clauses.spans(of: match.range, sentiment: sentiment).soft
            let sign = Double(match.polarity.rawValue)
            guard !sentiment.contributions.contains(where: {
                soft.contains($0.tokens.lowerBound) && (!match.range.contains($0.tokens.lowerBound) || $0.value * sign > 0)
            }) else { return nil }
            return match.polarity == .problem
                ? PhraseValence(tokens: match.range, term: match.cue, valence: SentimentConstants.problemPhraseValence, source: .problem(theme: match.topic))
                : PhraseValence(tokens: match.range, term: match.cue, valence: SentimentConstants.praisePhraseValence, source: .praise(theme: match.topic))
        }
        if !phrases.isEmpty { sentiment = scorer.score(text, phrases: phrases) }
        return CommentAnalysis(text: text, sentiment: sentiment,
                               themes: themes(matches, in: text, sentiment: sentiment, clauses: &clauses),
                               signals: signals(in: text), themeIDs: themeIDs, learned: scorer.learned)
    }

    /// Clauses of the sentences with a match, each sentence split once.
    struct ClauseCache {
        let text: TokenizedText
        let joiners: FormTable<Bool>
        var clauses: [Int: Clauses] = [:]

        init(text: TokenizedText, joiners: FormTable<Bool>) {
            self.text = text
            self.joiners = joiners
        }

        /// The soft and hard clause around a match: a theme takes the sentiment of its soft
        /// clause, or of its hard clause when the soft one has none.
        mutating func spans(of range: Range<Int>, sentiment: SentimentAnalysis) -> (soft: Range<Int>, hard: Range<Int>) {
            guard let index = text.sentences.firstIndex(where: { $0.contains(range.lowerBound) }) else { return (range, range) }
            if clauses[index] == nil {
                let contrasts = index < sentiment.sentences.count ? sentiment.sentences[index].contrasts : []
                clauses[index] = Clauses(text.sentences[index], tokens: text.tokens, contrastStarts: Set(contrasts), joiners: joiners)
            }
            let clause = clauses[index]!
            let soft = clause.soft.first { $0.contains(range.lowerBound) } ?? range
            let hard = clause.hard.first { $0.contains(range.lowerBound) } ?? soft
            return (soft, hard)
        }
    }

    /// Theme hits, each scored on the clauses that mention it.
    func themes(_ matches: [TopicMatcher.Found], in text: TokenizedText, sentiment: SentimentAnalysis, clauses: inout ClauseCache) -> [ThemeHit] {
        guard !matches.isEmpty else { return [] }
        var order: [Int] = []
        var cues: [Int: [String]] = [:]
        var spans: [Int: [Range<Int>]] = [:]
        for match in matches {
            let (soft, hard) = clauses.spans(of: match.range, sentiment: sentiment)
            let span = sentiment.contributions.contains { soft.contains($0.tokens.lowerBound) } ? soft : hard
            if cues[match.topic] == nil { order.append(match.topic) }
            if !(cues[match.topic]?.contains(match.cue) ?? false) { cues[match.topic, default: []].append(match.cue) }
            if !(spans[match.topic]?.contains(span) ?? false) { spans[match.topic, default: []].append(span) }
        }
        return order.map { topic in
            let used = spans[topic] ?? []
            let raw = sentiment.contributions.filter { c in used.contains { $0.contains(c.tokens.lowerBound) } }
                .reduce(0) { $0 + $1.local }
            let score = SentimentConstants.normalize(raw)
            return ThemeHit(theme: lexicons.themes.topics[topic].id, score: score, label: SentimentLabel(score: score),
                            cues: cues[topic] ?? [], evidence: used.compactMap { evidence(text, $0) })
        }
    }

    func signals(in text: TokenizedText) -> [SignalHit] {
        var order: [Int] = []
        var hits: [Int: SignalHit] = [:]
        for match in TopicMatcher(text: text).matches(lexicons.signals) {
            if hits[match.topic] == nil {
                order.append(match.topic)
                hits[match.topic] = SignalHit(signal: lexicons.signals.topics[match.topic].id, cues: [], evidence: [])
            }
            if !hits[match.topic]!.cues.contains(match.cue) { hits[match.topic]!.cues.append(match.cue) }
            if let span = evidence(text, match.range) { hits[match.topic]!.evidence.append(span) }
        }
        return order.compactMap { hits[$0] }
    }

    /// The text of a clause without the joining words and punctuation at its edges.
    func evidence(_ text: TokenizedText, _ range: Range<Int>) -> EvidenceSpan? {
        let tokens = text.tokens
        var lower = range.lowerBound
        var upper = range.upperBound
        func isEdge(_ i: Int) -> Bool {
            tokens[i].kind == .punctuation || joiners[tokens[i]] != nil || isContrast(tokens, i)
        }
        while lower < upper, isEdge(lower) { lower += 1 }
        while upper > lower, tokens[upper - 1].kind == .punctuation { upper -= 1 }
        guard lower < upper else { return nil }
        let bytes = tokens[lower].range.lowerBound..<tokens[upper - 1].range.upperBound
        return EvidenceSpan(range: bytes, text: String(text.slice(bytes)))
    }

    private func isContrast(_ tokens: [Token], _ i: Int) -> Bool {
        var found: [PhraseMatcher<SentimentRules.Cue>.MatchRef] = []
        let cues = lexicons.rules.cues  // not `self` in the closure: that copied the analyzer
        tokens.withUnsafeBufferPointer { cues.appendMatches(in: $0, at: i, within: i..<(i + 1), to: &found) }
        return found.contains { if case .contrast = cues.payload($0.entry) { true } else { false } }
    }
}
