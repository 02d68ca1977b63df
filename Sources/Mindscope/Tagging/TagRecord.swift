import MindscopeText

/// One input row as `mindscope tag` writes it. Offsets are Unicode scalar (code point)
/// offsets into `text`, so `text[start:end]` in Python gives the evidence.
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
        public var source: String = "lexicon"
        public var theme: String?
        public var learned: LearnedEntry?

        init(term: String, start: Int, end: Int, text: String, base: Double, rules: [Rule], value: Double,
             source: Contribution.Source, theme: String?, learned: LearnedEntry?) {
            (self.term, self.start, self.end, self.text, self.base, self.rules, self.value) = (term, start, end, text, base, rules, value)
            self.theme = theme
            self.learned = learned
            switch source {
            case .lexicon: break
            case .problem: self.source = "problem"
            case .praise: self.source = "praise"
            case .learned: self.source = "learned"
            }
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
    /// The rating on its column's scale, and in [0, 1].
    public var rating: Double?
    public var ratingNormalized: Double?
    public var value: Double?
    public var currency: String?
    public var churned: Bool?
    /// The recommend flag; its key is written only when the file has a recommend column.
    public var recommend: Bool?
    /// When the row was recorded, in seconds since 1970 UTC; its key (ISO 8601 UTC) is written
    /// only when the file has a time column.
    public var time: Int?
    /// The optional keys the file has columns for: ``ColumnRoles/Role/recommend`` and
    /// ``ColumnRoles/Role/time``.
    public var optionalRoles: Set<ColumnRoles.Role> = []
    /// Segment column → value.
    public var segments: [(name: String, value: String)]
    public var explain: [Explanation]?

    /// The record as JSON, keys in the documented order.
    public var json: JSONDocument {
        func span(_ start: Int, _ end: Int, _ text: String) -> JSONDocument {
            .object([("start", .integer(start)), ("end", .integer(end)), ("text", .string(text))])
        }
        var members: [(String, JSONDocument)] = [
            ("id", .string(id)),
            ("line", .integer(line)),
            ("text", .string(text)),
            ("sentiment", .object([("score", .number(sentiment.score)), ("label", .string(sentiment.label.rawValue))])),
            ("themes", .array(themes.map { theme in
                .object([("theme", .string(theme.theme)), ("score", .number(theme.score)), ("label", .string(theme.label.rawValue)),
                         ("cues", .array(theme.cues.map(JSONDocument.string))),
                         ("evidence", .array(theme.evidence.map { span($0.start, $0.end, $0.text) }))])
            })),
            ("signals", .array(signals.map(JSONDocument.string))),
            ("rating", rating.map(JSONDocument.number) ?? .null),
            ("ratingNormalized", ratingNormalized.map(JSONDocument.number) ?? .null),
            ("value", value.map(JSONDocument.number) ?? .null),
            ("currency", currency.map(JSONDocument.string) ?? .null),
            ("churned", churned.map(JSONDocument.bool) ?? .null),
        ]
        if optionalRoles.contains(.recommend) { members.append(("recommend", recommend.map(JSONDocument.bool) ?? .null)) }
        if optionalRoles.contains(.time) { members.append(("time", time.map { .string(TimeFormat.iso8601($0)) } ?? .null)) }
        members += [
            ("segments", .object(segments.map { ($0.name, .string($0.value)) })),
            ("sentences", .array(sentences.map { s in
                .object([("start", .integer(s.start)), ("end", .integer(s.end)), ("score", .number(s.score)), ("label", .string(s.label.rawValue))])
            })),
        ]
        if let explain {
            members.append(("explain", .array(explain.map { e in
                .object([("term", .string(e.term)), ("start", .integer(e.start)), ("end", .integer(e.end)), ("text", .string(e.text)),
                         ("base", .number(e.base)),
                         ("rules", .array(e.rules.map { r in
                             .object([("rule", .string(r.rule.rawValue)), ("by", r.by.map(JSONDocument.string) ?? .null), ("change", .number(r.change))])
                         })),
                         ("value", .number(e.value)), ("source", .string(e.source))]
                        + (e.theme.map { [("theme", JSONDocument.string($0))] } ?? [])
                        + (e.learned.map { [("evidence", Self.evidence($0))] } ?? []))
            })))
        }
        return .object(members)
    }
}

extension TagRecord {
    /// Builds the record for a survey row from the text core's analysis of its comment;
    /// `optionalRoles` are the optional keys the file has columns for (recommend, time).
    public init(_ record: FeedbackRecord, analysis: CommentAnalysis, segmentNames: [String], explain: Bool,
                optionalRoles: Set<ColumnRoles.Role> = []) {
        self.init(id: record.id, line: record.line, analysis: analysis, explain: explain)
        rating = record.rating.map { Self.rounded($0.value) }
        ratingNormalized = record.rating.map { Self.rounded($0.normalized) }
        value = record.value?.amount
        currency = record.value?.currency
        churned = record.churned
        recommend = record.recommend
        time = record.time
        self.optionalRoles = optionalRoles
        segments = zip(segmentNames, record.segments).map { ($0, $1) }
    }

    /// Builds the record for a comment alone.
    public init(id: String, line: Int, analysis: CommentAnalysis, explain: Bool) {
        let text = analysis.text
        let offsets = ScalarOffsets(text.text)
        func span(_ bytes: Range<Int>) -> (Int, Int) { (offsets[bytes.lowerBound], offsets[bytes.upperBound]) }
        self.id = id
        self.line = line
        self.text = text.text
        sentiment = Score(score: Self.rounded(analysis.sentiment.score), label: analysis.sentiment.label)
        sentences = analysis.sentiment.sentences.map { sentence in
            let bytes = text.tokens[sentence.tokens.lowerBound].range.lowerBound..<text.tokens[sentence.tokens.upperBound - 1].range.upperBound
            let (start, end) = span(bytes)
            return Sentence(start: start, end: end, score: Self.rounded(sentence.score), label: sentence.label)
        }
        themes = analysis.themes.map { hit in
            Theme(theme: hit.theme, score: Self.rounded(hit.score), label: hit.label, cues: hit.cues,
                  evidence: hit.evidence.map { let (s, e) = span($0.range); return Span(start: s, end: e, text: $0.text) })
        }
        signals = analysis.signals.map(\.signal)
        segments = []
        self.explain = explain ? analysis.sentiment.contributions.map { c in
            let bytes = text.tokens[c.tokens.lowerBound].range.lowerBound..<text.tokens[c.tokens.upperBound - 1].range.upperBound
            let (start, end) = span(bytes)
            return Explanation(term: c.term, start: start, end: end, text: String(text.slice(bytes)), base: c.base,
                               rules: c.steps.map { Explanation.Rule(rule: $0.rule, by: $0.cause.map { String(text.text(of: text.tokens[$0])) },
                                                                     change: Self.rounded($0.after - $0.before)) },
                               value: Self.rounded(c.value), source: c.source, theme: analysis.theme(of: c),
                               learned: analysis.learnedEntry(of: c))
        } : nil
    }

    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    /// The keys written only when the file has their column, in output order.
    public static let optionalKeys: [ColumnRoles.Role] = [.recommend, .time]

    /// The CSV cells of the optional keys the file has columns for (blank when missing).
    var optionalCells: [String] {
        Self.optionalKeys.filter(optionalRoles.contains).map { role in
            role == .recommend ? recommend.map { String($0) } ?? "" : time.map(TimeFormat.iso8601) ?? ""
        }
    }

    static func rounded(_ x: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (x * scale).rounded() / scale
    }

    /// A learned phrase's evidence: `{"comments", "meanRatingWith", "meanRatingWithout"}`.
    static func evidence(_ entry: LearnedEntry) -> JSONDocument {
        func number(_ x: Double) -> JSONDocument { x.isFinite ? .number(rounded(x)) : .null }
        return .object([("comments", .integer(entry.comments)), ("meanRatingWith", number(entry.meanWith)),
                        ("meanRatingWithout", number(entry.meanWithout))])
    }
}

/// Maps UTF-8 byte offsets of a string to Unicode scalar offsets.
struct ScalarOffsets {
    private let table: [Int]?

    init(_ text: String) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { table = nil; return }
        var table = [Int](repeating: 0, count: text.utf8.count + 1)
        var scalar = 0
        for (offset, byte) in text.utf8.enumerated() {
            table[offset] = scalar  // scalars that start before this byte
            if byte & 0xC0 != 0x80 { scalar += 1 }
        }
        table[text.utf8.count] = scalar
        self.table = table
    }

    subscript(byte: Int) -> Int { table?[byte] ?? byte }
}
