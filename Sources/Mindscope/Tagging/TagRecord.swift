import MindscopeText

/// A comment's tags as values, as `mindscope explain` prints them: the numbers and offsets of
/// its ``TagLine`` (scores rounded to three decimals; offsets are Unicode scalar offsets into
/// `text`, so `text[start:end]` in Python gives the evidence).
public struct TagRecord: Sendable {
    public struct Score: Sendable {
        public var score: Double
        public var label: SentimentLabel
    }

    public struct Span: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var text: String
    }

    public struct Theme: Sendable {
        public var theme: String
        public var score: Double
        public var label: SentimentLabel
        public var cues: [String]
        public var evidence: [Span]
    }

    public struct Sentence: Sendable {
        public var start: Int
        public var end: Int
        public var score: Double
        public var label: SentimentLabel
    }

    /// One contribution to the score, for `--explain`.
    public struct Explanation: Sendable {
        public struct Rule: Sendable {
            public var rule: Step.Rule
            public var by: String?
            public var change: Double
        }

        public var term: String
        public var start: Int
        public var end: Int
        public var text: String
        public var base: Double
        public var rules: [Rule]
        public var value: Double
        /// `lexicon`, `problem`/`praise` for a theme's phrase (with the theme), or `learned` for a
        /// phrase learned from the file's ratings (with its evidence).
        public var source: String
        public var theme: String?
        public var learned: LearnedEntry?

        init(term: String, start: Int, end: Int, text: String, base: Double, rules: [Rule], value: Double,
             source: Contribution.Source, theme: String?, learned: LearnedEntry?) {
            (self.term, self.start, self.end, self.text, self.base, self.rules, self.value) = (term, start, end, text, base, rules, value)
            (self.source, self.theme, self.learned) = (source.name, theme, learned)
        }

        /// How `explain` names the term: the lexicon entry, "problem phrase of fit 'runs small'",
        /// or "learned phrase 'runs small' (165 comments: mean rating 2.1, 4.2 without)".
        public var described: String {
            if let learned {
                let evidence = learned.comments > 0 && learned.meanWith.isFinite && learned.meanWithout.isFinite
                    ? " (\(learned.comments) comments: mean rating \(TagRecord.rounded(learned.meanWith, places: 2)), \(TagRecord.rounded(learned.meanWithout, places: 2)) without)"
                    : ""
                return "learned phrase '\(term)'" + evidence
            }
            return theme.map { "\(source) phrase of \($0) '\(term)'" } ?? term
        }
    }

    public var id: String
    public var line: Int
    public var text: String
    public var sentiment: Score
    public var sentences: [Sentence]
    public var themes: [Theme]
    public var signals: [String]
    public var explain: [Explanation]?
}

extension TagRecord {
    /// The record of a comment.
    public init(id: String, line: Int, analysis: CommentAnalysis, explain: Bool) {
        let text = analysis.text
        let offsets = ScalarOffsets(text.text)
        func span(_ bytes: Range<Int>) -> (Int, Int) { (offsets[bytes.lowerBound], offsets[bytes.upperBound]) }
        self.id = id
        self.line = line
        self.text = text.text
        sentiment = Score(score: Self.rounded(analysis.sentiment.score), label: analysis.sentiment.label)
        sentences = analysis.sentiment.sentences.map { sentence in
            let (start, end) = span(text.bytes(of: sentence.tokens))
            return Sentence(start: start, end: end, score: Self.rounded(sentence.score), label: sentence.label)
        }
        themes = analysis.themes.map { hit in
            Theme(theme: hit.theme, score: Self.rounded(hit.score), label: hit.label, cues: hit.cues,
                  evidence: hit.evidence.map { let (s, e) = span($0.range); return Span(start: s, end: e, text: $0.text) })
        }
        signals = analysis.signals.map(\.signal)
        self.explain = explain ? analysis.sentiment.contributions.map { c in
            let bytes = text.bytes(of: c.tokens)
            let (start, end) = span(bytes)
            return Explanation(term: c.term, start: start, end: end, text: String(text.slice(bytes)), base: c.base,
                               rules: c.steps.map { Explanation.Rule(rule: $0.rule, by: $0.cause.map { String(text.text(of: text.tokens[$0])) },
                                                                     change: Self.rounded($0.after - $0.before)) },
                               value: Self.rounded(c.value), source: c.source, theme: analysis.theme(of: c),
                               learned: analysis.learnedEntry(of: c))
        } : nil
    }

    /// A score as the output writes it: rounded to three decimals.
    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    static func rounded(_ x: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (x * scale).rounded() / scale
    }
}
