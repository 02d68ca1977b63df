/// A comment read by the text core: tokens, sentiment, themes and signals.
public struct CommentAnalysis: Sendable {
    public var text: TokenizedText
    public var sentiment: SentimentAnalysis
    public var themes: [ThemeHit]
    public var signals: [SignalHit]
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
    public let scorer: SentimentScorer

    public init(lexicons: Lexicons) {
        self.lexicons = lexicons
        self.tokenizer = Tokenizer(emoticons: lexicons.sentiment.emoticonCandidates)
        self.scorer = SentimentScorer(lexicon: lexicons.sentiment, rules: lexicons.rules)
    }

    public func analyze(_ comment: String) -> CommentAnalysis {
        let text = tokenizer.tokenize(comment)
        let sentiment = scorer.score(text)
        return CommentAnalysis(text: text, sentiment: sentiment,
                               themes: themes(in: text, sentiment: sentiment),
                               signals: signals(in: text))
    }

    /// Theme hits, each scored on the clauses that mention it.
    func themes(in text: TokenizedText, sentiment: SentimentAnalysis) -> [ThemeHit] {
        let matches = TopicMatcher(text: text).matches(lexicons.themes)
        guard !matches.isEmpty else { return [] }
        // Clauses only of the sentences with a match, each split once.
        var clauses: [Int: Clauses] = [:]
        var order: [Int] = []
        var cues: [Int: [String]] = [:]
        var spans: [Int: [Range<Int>]] = [:]
        for match in matches {
            guard let index = text.sentences.firstIndex(where: { $0.contains(match.range.lowerBound) }) else { continue }
            if clauses[index] == nil {
                clauses[index] = Clauses(text.sentences[index], tokens: text.tokens, contrastStarts: Set(index < sentiment.sentences.count ? sentiment.sentences[index].contrasts : []))
            }
            let clause = clauses[index]!
            let soft = clause.soft.first { $0.contains(match.range.lowerBound) } ?? match.range
            let hard = clause.hard.first { $0.contains(match.range.lowerBound) } ?? soft
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
            tokens[i].kind == .punctuation || Clauses.softWords.contains(tokens[i].normalized)
                || isContrast(tokens[i])
        }
        while lower < upper, isEdge(lower) { lower += 1 }
        while upper > lower, tokens[upper - 1].kind == .punctuation { upper -= 1 }
        guard lower < upper else { return nil }
        let bytes = tokens[lower].range.lowerBound..<tokens[upper - 1].range.upperBound
        return EvidenceSpan(range: bytes, text: String(text.slice(bytes)))
    }

    private func isContrast(_ token: Token) -> Bool {
        lexicons.rules.cues.matches(in: [token], at: 0, within: 0..<1).contains {
            if case .contrast = $0.entry.payload { true } else { false }
        }
    }
}
