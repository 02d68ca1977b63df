import MindscopeText

/// What one comment contributes to the lenses.
public struct CommentFacts: Sendable {
    public var id: String
    /// The input line the row starts on.
    public var line: Int
    /// The comment, for quotes shown whole (a kept quote keeps a window of it).
    public var comment: String
    public var value: Double?
    public var rating: Rating?
    /// The rating's Net Promoter category, on a 0–10 recommend scale.
    public var nps: Rating.NPSCategory?
    public var sentiment: Double
    public var churnIntent: Bool
    /// Quotes of explicit feature requests.
    public var requests: [String]
    public var themes: [(theme: String, score: Double, quote: String)]
    /// Segment values in the order of the reader's segment columns.
    public var segments: [String]
    /// When it was written (seconds since 1970, UTC), if the file has a readable date.
    public var time: Int?
    /// The recommend flag ("would recommend", "Recommended IND"), if the file has one.
    public var recommend: Bool?

    /// 1 with churn intent, else the mean of what is known of `1 − normalized rating`,
    /// `(1 − sentiment) / 2` and the recommend flag (0 for would recommend, 1 for would not)
    /// (see ``Lens/revenueRisk``).
    public var churnLikelihood: Double {
        if churnIntent { return 1 }
        var parts = [(1 - sentiment) / 2]
        if let rating { parts.append(1 - rating.normalized) }
        if let recommend { parts.append(recommend ? 0 : 1) }
        return parts.reduce(0, +) / Double(parts.count)
    }

    public init(record: FeedbackRecord, analysis: CommentAnalysis) {
        id = record.id
        line = record.line
        comment = record.text  // shares the record's storage; cut to a window when kept as evidence
        value = record.value?.amount
        rating = record.rating
        sentiment = analysis.sentiment.score
        churnIntent = analysis.signals.contains { $0.signal == "churn_intent" }
        requests = analysis.signals.filter { $0.signal == "feature_request" }.flatMap { $0.evidence.map(\.text) }
        themes = analysis.themes.map { ($0.theme, $0.score, $0.evidence.first?.text ?? "") }
        segments = record.segments
        time = record.time
        recommend = record.recommend
    }
}

/// A quote that backs a claim.
public struct Evidence: Sendable, Hashable, Codable {
    public var id: String
    /// The input line of its row (0 when unknown).
    public var line = 0
    /// The whole comment the quote comes from (up to ``commentLimit`` characters).
    public var comment = ""
    /// Comments longer than this are cut (with "…") in the quotes kept.
    public static let commentLimit = 2_000
    /// Cite the line with the id (the file's ids repeat).
    public var citesLine = false
    /// Cuts a long comment to at most ``commentLimit`` characters around the quote ("…" where
    /// cut), so the quote is always in it and kept evidence stays small whatever the comment.
    mutating func fitComment() {
        guard comment.utf8.count > Self.commentLimit, comment.count > Self.commentLimit else { return }
        let range = comment.range(of: quote) ?? comment.startIndex..<comment.startIndex
        let room = max(0, (Self.commentLimit - quote.count) / 2)
        let start = comment.index(range.lowerBound, offsetBy: -min(room, comment.distance(from: comment.startIndex, to: range.lowerBound)))
        let end = comment.index(range.upperBound, offsetBy: min(room, comment.distance(from: range.upperBound, to: comment.endIndex)))
        comment = (start > comment.startIndex ? "…" : "") + String(comment[start..<end]) + (end < comment.endIndex ? "…" : "")
    }

    /// How the text cites it: the id, and the line where ids repeat ("5.70306E+17, line 7").
    public var reference: String { citesLine && line > 0 ? "\(id), line \(line)" : id }
    public var quote: String
    public var sentiment: Double
    public var value: Double?
    public var churnIntent: Bool
    /// How strongly it backs the claim, for keeping the strongest few.
    var weight: Double
}

/// Per-theme sums over the comments: everything the lenses need, mergeable (sums kept exactly,
/// so any split of a file merges to the numbers of one pass), with bounded evidence.
public struct ThemeStats: Sendable, Codable {
    public var mentions = 0
    public var negative = 0
    public var positive = 0
    /// Ratings of the comments that mention the theme, and of those with a negative mention
    /// (for ``RatingImpact``).
    public var ratings = RatingSums()
    public var complaintRatings = RatingSums()
    /// Σ order value × churn likelihood over negative mentions, shared among the comment's
    /// negative themes.
    public var revenueAtRisk: Double { sums.revenueAtRisk.value }
    /// The part of `revenueAtRisk` from comments with churn intent.
    public var revenueLost: Double { sums.revenueLost.value }
    /// The same sum without order values: customers at risk.
    public var customersAtRisk: Double { sums.customersAtRisk.value }
    /// Σ (|theme sentiment| + churn likelihood) / 2 over negative mentions.
    public var blockerSeverity: Double { sums.blockerSeverity.value }
    /// Σ theme sentiment over positive mentions, and Σ |theme sentiment| over negative ones.
    public var praise: Double { sums.praise.value }
    public var risk: Double { sums.risk.value }
    /// The strongest complaints and the strongest praise.
    public var complaints: [Evidence] = []
    public var compliments: [Evidence] = []

    struct Sums: Sendable, Codable {
        var revenueAtRisk = ExactSum(), revenueLost = ExactSum(), customersAtRisk = ExactSum()
        var blockerSeverity = ExactSum(), praise = ExactSum(), risk = ExactSum()
    }
    var sums = Sums()

    /// Evidence kept per list: enough to quote, bounded whatever the input size.
    public static let evidenceLimit = 5

    public var averageRating: Double? { ratings.mean }

    /// Keeps the strongest ``evidenceLimit``: by weight, then id, then line, so the same
    /// quotes are kept whatever order the comments come in.
    static func keep(_ evidence: Evidence, in list: inout [Evidence]) {
        var evidence = evidence
        evidence.fitComment()
        list.append(evidence)
        list.sort(by: Evidence.stronger)
        if list.count > evidenceLimit { list.removeLast() }
    }

    /// The strongest of two lists, as if each item had been kept in turn.
    static func merge(_ list: inout [Evidence], _ other: [Evidence]) {
        list = Array((list + other).sorted(by: Evidence.stronger).prefix(evidenceLimit))
    }

    mutating func merge(_ other: ThemeStats) {
        mentions += other.mentions
        negative += other.negative
        positive += other.positive
        ratings.merge(other.ratings)
        complaintRatings.merge(other.complaintRatings)
        sums.revenueAtRisk.merge(other.sums.revenueAtRisk)
        sums.revenueLost.merge(other.sums.revenueLost)
        sums.customersAtRisk.merge(other.sums.customersAtRisk)
        sums.blockerSeverity.merge(other.sums.blockerSeverity)
        sums.praise.merge(other.sums.praise)
        sums.risk.merge(other.sums.risk)
        Self.merge(&complaints, other.complaints)
        Self.merge(&compliments, other.compliments)
    }
}

extension ThemeStats {
    /// Folds one mention: `churn` is the comment's churn likelihood, `share` its part of the
    /// comment's negative themes.
    mutating func add(score: Double, quote: String, facts: CommentFacts, churn p: Double, share: Double) {
        mentions += 1
        if let rating = facts.rating { ratings.add(rating.value, category: facts.nps) }
        var evidence = Evidence(id: facts.id, quote: quote, sentiment: score, value: facts.value, churnIntent: facts.churnIntent,
                                weight: abs(score) + p + (facts.value ?? 0) / 1e9)
        evidence.line = facts.line
        evidence.comment = facts.comment
        switch SentimentLabel(score: score) {
        case .negative:
            negative += 1
            if let rating = facts.rating { complaintRatings.add(rating.value, category: facts.nps) }
            sums.risk += abs(score)
            sums.customersAtRisk += p * share
            if let value = facts.value {
                sums.revenueAtRisk += value * p * share
                if facts.churnIntent { sums.revenueLost += value * share }
            }
            sums.blockerSeverity += (abs(score) + p) / 2
            Self.keep(evidence, in: &complaints)
        case .positive:
            positive += 1
            sums.praise += score
            Self.keep(evidence, in: &compliments)
        case .neutral:
            break
        }
    }
}

extension Evidence {
    /// The order evidence is kept in: a total order, so kept quotes never depend on the input's.
    static func stronger(_ a: Evidence, _ b: Evidence) -> Bool {
        if a.weight != b.weight { return a.weight > b.weight }
        if a.id != b.id { return a.id < b.id }
        if a.line != b.line { return a.line < b.line }
        return a.quote < b.quote
    }
}

/// The whole dataset, folded comment by comment; aggregates of parts of a file merge into the
/// aggregate of the whole (``merge(_:)``).
public struct FeedbackAggregate: Sendable, Codable {
    /// Comments read (rows with a non-blank comment).
    public private(set) var comments = 0
    /// Comments whose overall tone is negative.
    public private(set) var negativeComments = 0
    /// Ratings of every rated comment, once each.
    public private(set) var ratings = RatingSums()
    /// Themes that feed the values lens (eco, packaging): praise and risk are counted per comment.
    public let valuesThemes: Set<String>
    /// Comments praising, and comments questioning, at least one values theme.
    public private(set) var valuesPraiseComments = 0
    public private(set) var valuesRiskComments = 0
    /// theme → other theme → comments that mention the theme and praise the other one
    /// (packaging in a comment praising eco-friendliness): the ground of a greenwashing risk.
    public private(set) var praisedWith: [String: [String: Int]] = [:]
    /// All churn-intent comments, and their order value.
    public private(set) var churnCount = 0
    public var churnValue: Double { churnValueSum.value }
    private var churnValueSum = ExactSum()
    public private(set) var themes: [String: ThemeStats] = [:]
    /// Order values for percentiles (high- and low-value customers): exact up to
    /// `valueLimit` distinct values (``ValueDistribution``).
    public private(set) var valueDistribution = ValueDistribution(limit: valueLimit)
    /// Whether any comment has an order value.
    public var hasValues: Bool { valueDistribution.count > 0 }
    public static let valueLimit = 100_000
    /// Churn-intent comments, strongest (highest value) first.
    public private(set) var churned: [Evidence] = []
    /// Comments with an order value, no complaint and a clearly positive tone, lowest value first.
    public private(set) var delighted: [Evidence] = []
    public private(set) var requests: [Evidence] = []
    /// Comments with an explicit feature request (all of them; ``requests`` keeps a few quotes).
    public private(set) var requestCount = 0
    /// How many comments complain about exactly each set of themes (for "fixing these themes
    /// addresses X of N comments"); bounded by the number of theme combinations, not rows.
    public private(set) var complaintSets: [Set<String>: Int] = [:]
    /// The highest-value comments with a complaint.
    public private(set) var valuableComplaints: [Evidence] = []

    /// Comments and complaints per segment value, and per day.
    public private(set) var segments: SegmentBreakdown
    public private(set) var trends = TrendBreakdown()

    public init(valuesThemes: Set<String> = [], segmentColumns: [String] = []) {
        self.valuesThemes = valuesThemes
        segments = SegmentBreakdown(columns: segmentColumns)
    }

    /// Sentiment at or above which a comment without complaints counts as delighted.
    public static let delightedSentiment = 0.5

    public mutating func add(_ facts: CommentFacts) {
        comments += 1
        if SentimentLabel(score: facts.sentiment) == .negative { negativeComments += 1 }
        if let rating = facts.rating { ratings.add(rating.value, category: facts.nps) }
        if let value = facts.value { valueDistribution.add(value) }
        let p = facts.churnLikelihood
        let negativeThemes = Set(facts.themes.filter { SentimentLabel(score: $0.score) == .negative }.map(\.theme))
        let mentioned = Set(facts.themes.map(\.theme))
        let share = negativeThemes.isEmpty ? 0 : 1 / Double(negativeThemes.count)
        let praised = Set(facts.themes.filter { SentimentLabel(score: $0.score) == .positive }.map(\.theme))
        for theme in mentioned {
            for other in praised where other != theme { praisedWith[theme, default: [:]][other, default: 0] += 1 }
        }
        if !praised.isDisjoint(with: valuesThemes) { valuesPraiseComments += 1 }
        if !negativeThemes.isDisjoint(with: valuesThemes) { valuesRiskComments += 1 }
        if facts.churnIntent {
            churnCount += 1
            churnValueSum += facts.value ?? 0
        }
        for (theme, score, quote) in facts.themes where mentioned.contains(theme) {
            // Changed in place: a copy taken out and written back would copy every sum's partials.
            themes[theme, default: ThemeStats()].add(score: score, quote: quote, facts: facts, churn: p, share: share)
        }
        var whole = Evidence(id: facts.id, quote: facts.themes.first?.quote ?? "", sentiment: facts.sentiment, value: facts.value,
                             churnIntent: facts.churnIntent, weight: facts.value ?? p)
        whole.line = facts.line
        whole.comment = facts.comment
        if facts.churnIntent { ThemeStats.keep(whole, in: &churned) }
        if negativeThemes.isEmpty, facts.sentiment >= Self.delightedSentiment, facts.value != nil {
            // Lowest value first: "delighted but low value" is the CFO's caveat.
            var low = whole
            low.weight = -(facts.value ?? 0)
            ThemeStats.keep(low, in: &delighted)
        }
        if !negativeThemes.isEmpty, facts.value != nil {
            var complaint = whole
            complaint.quote = facts.themes.first { negativeThemes.contains($0.theme) }?.quote ?? whole.quote
            ThemeStats.keep(complaint, in: &valuableComplaints)
        }
        if !facts.requests.isEmpty { requestCount += 1 }
        for request in facts.requests {
            var evidence = Evidence(id: facts.id, quote: request, sentiment: facts.sentiment, value: facts.value,
                                    churnIntent: facts.churnIntent, weight: 1)
            evidence.line = facts.line
            evidence.comment = facts.comment
            ThemeStats.keep(evidence, in: &requests)
        }
        if !negativeThemes.isEmpty { complaintSets[negativeThemes, default: 0] += 1 }
        segments.add(facts.segments, negativeThemes: negativeThemes)
        trends.add(time: facts.time, negativeThemes: negativeThemes)
    }

    /// Cites every kept quote by its line as well as its id ("5.70306E+17, line 7"): for files
    /// whose ids repeat, where an id alone does not find the row.
    public mutating func citeLines() {
        func cite(_ list: inout [Evidence]) {
            for index in list.indices { list[index].citesLine = true }
        }
        for key in Array(themes.keys) {
            cite(&themes[key]!.complaints)
            cite(&themes[key]!.compliments)
        }
        cite(&churned)
        cite(&delighted)
        cite(&requests)
        cite(&valuableComplaints)
    }

    /// Comments whose complaints include at least one of `themes`.
    public func commentsAddressed(by themes: Set<String>) -> Int {
        complaintSets.reduce(0) { $0 + ($1.key.isDisjoint(with: themes) ? 0 : $1.value) }
    }

    /// The value at quantile `q` (0…1) of the order values, nearest-rank; nil without values.
    public func valueQuantile(_ q: Double) -> Double? { valueDistribution.quantile(q) }

    /// Adds the aggregate of another part of the data: counts and exact sums add, kept quotes
    /// are the strongest of both, so any split merged in any order gives one pass's aggregate.
    public mutating func merge(_ other: FeedbackAggregate) {
        comments += other.comments
        negativeComments += other.negativeComments
        ratings.merge(other.ratings)
        valuesPraiseComments += other.valuesPraiseComments
        valuesRiskComments += other.valuesRiskComments
        for (theme, others) in other.praisedWith {
            for (praised, n) in others { praisedWith[theme, default: [:]][praised, default: 0] += n }
        }
        churnCount += other.churnCount
        churnValueSum.merge(other.churnValueSum)
        for (theme, stats) in other.themes { themes[theme, default: ThemeStats()].merge(stats) }
        valueDistribution.merge(other.valueDistribution)
        ThemeStats.merge(&churned, other.churned)
        ThemeStats.merge(&delighted, other.delighted)
        ThemeStats.merge(&requests, other.requests)
        requestCount += other.requestCount
        for (set, n) in other.complaintSets { complaintSets[set, default: 0] += n }
        ThemeStats.merge(&valuableComplaints, other.valuableComplaints)
        segments.merge(other.segments)
        trends.merge(other.trends)
    }
}
