import MindscopeText

/// Everything `mindscope analyze` computes: the input counts, the aggregate, one reading per
/// persona.
public struct AnalysisResult: Sendable {
    public var path: String
    public var summary: InputSummary
    public var aggregate: FeedbackAggregate
    /// The personas that have a reading of this data, in the order asked.
    public var readings: [PersonaReading]
    /// Personas left out, with why (when no persona was named).
    public var skipped: [(persona: Persona, why: String)]
    /// The currency most order values carry, if any.
    public var currency: String?
    /// The theme packs the comments were read with, and why.
    public var domain = DomainChoice(packs: [], why: "")
    /// The folder the charts were written to (`analyze --charts DIR`), if they were.
    public var chartFolder: String?
    /// What learning from the file's ratings did, when it learned anything.
    public var learned: LearnedSummary?
    /// Every theme's display name, by id.
    public var themeNames: [String: String] = [:]
    /// Topics discovered in the comments that the themes do not cover, at least
    /// ``UncoveredTopic/minimumShare`` of the comments each, largest first.
    public var uncovered: [UncoveredTopic] = []
    /// What the reader should know about the data before trusting the numbers (order values in
    /// several currencies, a segment column with too many values to break down, …): stated in
    /// every output format.
    public var notices: [String] = []

    /// Where the chart of `analysis` for `persona` is written under `folder`.
    public static func chartPath(folder: String, persona: Persona, analysis: TabularResult) -> String {
        folder + (folder.hasSuffix("/") ? "" : "/") + persona.id + "/" + analysis.chart
    }
}

/// Reads an export once, folds every comment into an ``AnalysisState``, then ranks and
/// narrates it for each persona. Memory is bounded by the state, not the file. The states of
/// parts of a file merge into the state of the whole (``AnalysisState/merge(_:)``), so
/// ``finish(_:setup:report:)`` gives one reading of any split.
public struct FeedbackAnalysis: Sendable {
    public var analyzer: TextAnalyzer
    public var lexicons: LexiconSet
    /// Phrase valences learned from the file's ratings (none by default).
    public var learning = RatingLearning(nothing: "")
    /// Topics discovered in the comments, as added to the themes.
    public private(set) var discovered: [DiscoveredTopics.Definition] = []

    public init(analyzer: TextAnalyzer, lexicons: LexiconSet) {
        self.analyzer = analyzer
        self.lexicons = lexicons
    }

    /// Finds the topics the themes miss in the rows `reader` reads ahead (kept for ``run``) and
    /// adds them to the themes this analysis counts; their ids avoid every shipped theme's.
    public mutating func addDiscoveredTopics(from reader: SurveyReader, report: (String) -> Void) throws(MindscopeError) {
        guard !reader.roles.all(.text).isEmpty else { return }
        let sample = try reader.readAhead(RatingLearning.sampleRows, bytes: RatingLearning.sampleBytes, report: report)
        let found = DiscoveredTopics.discover(sample.map(\.text), analyzer: analyzer, frequencies: lexicons.frequencies,
                                              reserved: Set(lexicons.themeLibrary.allThemeIDs))
        addDiscovered(found.definitions)
    }

    /// Adds topics discovered earlier (a partial result's) to the themes.
    public mutating func addDiscovered(_ definitions: [DiscoveredTopics.Definition]) {
        discovered = definitions
        lexicons.themes = lexicons.themes.adding(definitions)
        lexicons.lexicons.themes = lexicons.themes.catalog
        let learned = analyzer.learned
        analyzer = TextAnalyzer(lexicons: lexicons.lexicons)
        analyzer.learned = learned
    }

    /// Every choice this analysis made before reading the rows, for `input` and `personas`:
    /// what a partial result carries so that its merge reads as one run.
    public func setup(_ input: SurveyReader, personas: [Persona], explicit: Bool) -> AnalysisSetup {
        AnalysisSetup(shape: input.shape, personas: personas, explicit: explicit, domain: lexicons.domain, discovered: discovered,
                      learned: learning.isEmpty ? nil : LearnedSummary(phrases: learning.full.count, ratedComments: learning.rated, comments: 0,
                                                                       origin: learning.note),
                      ratingScale: input.ratingScale.map { "\($0)" })
    }

    /// The goals each persona's statements match, and the analyses they call for.
    private func plans(_ personas: [Persona], shape: InputShape) -> (goals: [GoalMatches], plans: [AnalysisPlan], items: [AnalysisPlan.Item]) {
        let goals = personas.map {
            GoalMatches(persona: $0, lenses: lexicons.goals, analyses: lexicons.analyses, themes: lexicons.themes, tokenizer: analyzer.tokenizer,
                        segmentColumns: shape.segmentNames)
        }
        let plans = goals.map { AnalysisPlan(goals: $0, catalog: lexicons.analyses, shape: shape, tokenizer: analyzer.tokenizer) }
        var items: [AnalysisPlan.Item] = []
        for item in plans.flatMap(\.items) where !items.contains(where: { $0.id == item.id }) { items.append(item) }
        return (goals, plans, items)
    }

    /// - Parameter explicit: true when the personas were named by the user; then a persona
    ///   the data cannot serve is still shown, with why.
    public func run(_ input: SurveyReader, personas: [Persona], explicit: Bool, report: (String) -> Void) throws(MindscopeError) -> AnalysisResult {
        let state = try fold(input, personas: personas, explicit: explicit, report: report)
        return try finish(state, setup: setup(input, personas: personas, explicit: explicit), report: report)
    }

    /// Reads every row of `input` into the state the readings are made of.
    public func fold(_ input: SurveyReader, personas: [Persona], explicit: Bool, report: (String) -> Void) throws(MindscopeError) -> AnalysisState {
        let items = plans(personas, shape: input.shape).items
        let hasText = !input.roles.all(.text).isEmpty
        // Without comments and without a table analysis, the file serves nobody; a persona that
        // was asked for still gets its reading (its unanswered goals), exit 0.
        guard hasText || !items.isEmpty || explicit else {
            throw .missingColumn(path: input.path, role: "text", headers: input.reader.headers)
        }
        let valuesThemes = lexicons.themes.themes(feeding: .valuesAlignment)
        var state = AnalysisState(aggregate: FeedbackAggregate(valuesThemes: valuesThemes, segmentColumns: input.segmentNames))
        let segmentColumns = input.roles.all(.segment)
        let learning = self.learning, analyzers = learning.analyzers(analyzer), scale = input.ratingScale
        // The text core runs on every core; the aggregate folds in input order.
        var pipeline = ParallelBatches<FeedbackRecord, (CommentFacts, Bool)> { record in
            let analysis = learning.analyze(record, with: analyzers)
            var facts = CommentFacts(record: record, analysis: analysis)
            facts.nps = record.rating.flatMap { scale?.npsCategory($0) }
            return (facts, analysis.usesLearned)
        }
        func fold(_ facts: [(CommentFacts, Bool)]) {
            for (fact, usesLearned) in facts {
                state.aggregate.add(fact)
                if usesLearned { state.learnedComments += 1 }
            }
        }
        // The end-of-reading notes are said by ``finish``, of the whole file.
        input.quietEnd = true
        while let record = try input.next(report: report) {
            if let currency = record.value?.currency { state.currencies[currency, default: 0] += 1 }
            state.tabular.add(record, items: items, segmentColumns: segmentColumns)
            guard hasText else { continue }
            guard !record.text.isEmpty else { state.blank += 1; continue }
            pipeline.add(record, cost: record.text.utf8.count, consume: fold)
        }
        pipeline.finish(consume: fold)
        state.summary = input.summary
        state.notes = input.notes
        return state
    }

    /// Every persona's reading of `state`, read with the choices of `setup`.
    public func finish(_ state: AnalysisState, setup: AnalysisSetup, report: (String) -> Void) throws(MindscopeError) -> AnalysisResult {
        let shape = setup.shape, personas = setup.personas, explicit = setup.explicit
        let (goals, plans, _) = plans(personas, shape: shape)
        let hasText = !shape.roles.all(.text).isEmpty
        var aggregate = state.aggregate
        let tabular = state.tabular
        for line in state.notes.lines(path: shape.path, idColumn: shape.roles[.id].map { shape.header.names[$0] }, timeColumn: shape.timeColumn) {
            report(line)
        }
        if state.notes.repeatedIDs > 0 { aggregate.citeLines() }
        if state.blank > 0 { report("\(shape.path): \(state.blank) rows have no comment and are not counted as comments") }
        var notices: [String] = []
        let currencies = state.currencies
        if currencies.count > 1 {
            let counts = currencies.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map { "\($0.key) \($0.value)" }
            notices.append("order values in several currencies (\(counts.joined(separator: ", "))) are added as one; convert them to one currency first")
            report("\(shape.path): " + notices.last!)
        }
        if let column = shape.timeColumn, aggregate.trends.period == nil, aggregate.comments > 0 {
            let dated = aggregate.trends.dated
            notices.append("no trend: \(dated) of \(aggregate.comments) comments have a readable date in column '\(column)'"
                           + (Double(dated) < TrendBreakdown.minimumDatedShare * Double(aggregate.comments) ? " (half are needed)" : ", spanning under \(TrendBreakdown.minimumDays) days"))
        }
        for column in aggregate.segments.columns {
            guard let count = column.tooManyValues else { continue }
            let many = count >= SegmentBreakdown.countLimit ? "more than \(SegmentBreakdown.countLimit)" : "\(count)"
            notices.append("column '\(column.name)' has \(many) distinct values, over the \(SegmentBreakdown.maximumValues) a per-value breakdown can show; issues are not broken down by it")
        }
        let currency = currencies.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        var readings: [PersonaReading] = []
        var skipped: [(Persona, String)] = []
        let narrator = Narrator(templates: lexicons.narration)
        let segments = aggregate.segments.differences()
        let trends = aggregate.trends.trends()
        // The segment columns issues are broken down by (a goal naming one is answered by it).
        let brokenDown = Set(aggregate.segments.columns.filter { $0.tooManyValues == nil && $0.comments.count > 1 }.map(\.name))
        for ((persona, plan), goals) in zip(zip(personas, plans), goals) {
            // A persona written for other data is left out unless asked for by name.
            if !explicit, let why = Self.misfit(persona, packs: hasText ? setup.domain.packs : [], roles: shape.roles) {
                skipped.append((persona, why))
                continue
            }
            let selection = LensSelection(persona: persona, goals: goals)
            var issues = hasText ? IssueRanking.rank(aggregate, selection: selection, themes: lexicons.themes) : []
            for index in issues.indices {
                issues[index].segments = segments[issues[index].theme] ?? []
                issues[index].trend = trends[issues[index].theme]
            }
            var reading = PersonaReading(persona: persona, lenses: hasText ? selection.lenses : [], themeWeights: hasText ? selection.themes : [],
                                         issues: issues, insight: "", comments: aggregate.comments,
                                         lowConfidence: aggregate.comments < IssueRanking.smallSample)
            reading.namedThemesOnly = selection.lenses.isEmpty && !issues.isEmpty
            reading.analyses = plan.items.map { item in
                var result = tabular.result(item)
                result.insight = narrator.narrate(result, persona: persona)
                return result
            }
            // A statement is answered when a lens it calls for ranked something, a theme it
            // names or is about was ranked, an analysis it chose ran, or it names a segment
            // column the issues are broken down by; the others are listed with what data would
            // answer them.
            let ranked = Set(issues.map(\.theme))
            let servedLenses = Set(issues.flatMap { $0.lensScores.filter { $0.value > 0 }.map(\.key) })
            let answered = Set(goals.statements.filter { statement in
                statement.lenses.keys.contains { servedLenses.contains($0) && persona.lensWeights.isEmpty }
                    || statement.themes.keys.contains { ranked.contains($0) } || !statement.about.isDisjoint(with: ranked)
                    || (!issues.isEmpty && statement.segments.contains { brokenDown.contains($0) })
            }.map(\.text)).union(plan.items.map(\.goal))
            reading.unanswered = plan.unanswered.filter { !answered.contains($0.goal) }
            for statement in goals.statements where !answered.contains(statement.text) && !plan.unanswered.contains(where: { $0.goal == statement.text })
                && statement.lenses.isEmpty && statement.themes.isEmpty && statement.about.isEmpty && statement.segments.isEmpty
                && !plan.items.contains(where: { $0.goal == statement.text }) {
                reading.unanswered.append(AnalysisPlan.Unanswered(goal: statement.text, analysis: "", needs: []))
            }
            if issues.isEmpty && reading.analyses.isEmpty {
                if !plan.unanswered.isEmpty {
                    reading.unserved = "its goals need data the file lacks (\(Array(Set(plan.unanswered.flatMap(\.needs))).sorted().joined(separator: "; ")))"
                } else if !hasText && !selection.lenses.isEmpty {
                    reading.unserved = "its lenses read comments, and the data has no comment column"
                } else if !selection.lenses.isEmpty {
                    reading.unserved = "the data has nothing its lenses (\(selection.lenses.map(\.lens.name).joined(separator: ", "))) can read"
                } else {
                    reading.unserved = "no lens, analysis or theme matches its goals and pain points"
                }
            }
            if let why = reading.unserved, !explicit {
                skipped.append((persona, why))
                continue
            }
            if !issues.isEmpty { reading.insight = narrator.narrate(reading, aggregate: aggregate, currency: currency) }
            readings.append(reading)
        }
        var result = AnalysisResult(path: shape.path, summary: state.summary, aggregate: aggregate, readings: readings,
                                    skipped: skipped, currency: currency)
        if hasText { result.domain = setup.domain }
        result.notices = notices
        result.themeNames = Dictionary(lexicons.themes.catalog.topics.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        result.uncovered = lexicons.themes.discovered.compactMap { id -> UncoveredTopic? in
            guard let stats = aggregate.themes[id], let topic = lexicons.themes.catalog.topics.first(where: { $0.id == id }) else { return nil }
            let share = Double(stats.mentions) / Double(max(aggregate.comments, 1))
            guard share >= UncoveredTopic.minimumShare else { return nil }
            return UncoveredTopic(id: id, name: topic.name, cues: topic.cues.map(\.description), comments: stats.mentions, share: share,
                                  negative: stats.negative, positive: stats.positive, averageRating: stats.averageRating,
                                  averageRatingWithout: (aggregate.ratings - stats.ratings).mean,
                                  evidence: stats.complaints + stats.compliments)
        }.sorted { $0.comments > $1.comments || ($0.comments == $1.comments && $0.id < $1.id) }
        if var learned = setup.learned {
            learned.comments = state.learnedComments
            result.learned = learned
        }
        return result
    }
}

extension FeedbackAnalysis {
    /// Why a persona does not fit a file, or nil when it does: it fits when it names no domain,
    /// or when one of its `domains` is a pack the comments were read with or the role of one of
    /// the file's columns.
    static func misfit(_ persona: Persona, packs: [String], roles: ColumnRoles) -> String? {
        guard !persona.domains.isEmpty else { return nil }
        let fits = persona.domains.contains { domain in
            packs.contains(domain) || ColumnRoles.Role(rawValue: domain).map { !roles.all($0).isEmpty } ?? false
        }
        guard !fits else { return nil }
        let reads = packs.isEmpty ? "no domain pack" : packs.joined(separator: " and ")
        let either = persona.domains.count == 1 ? persona.domains[0] : persona.domains.dropLast().joined(separator: ", ") + " or " + persona.domains.last!
        return "written for \(either) data (its domains), and this file reads as \(reads) with none of those columns; name it with --persona to see it anyway"
    }
}

/// The numbers a reader sees first: the report's headline strip and JSON `headline`, computed
/// in one place so the two always agree.
public struct Headline: Sendable {
    public var comments: Int
    public var negativeShare: Double?
    public var averageRating: Double?
    public var nps: Double?
    /// The sum of every theme's revenue at risk, each rounded to whole units as shown.
    public var revenueAtRisk: Double?
}

extension AnalysisResult {
    public var headline: Headline {
        let comments = aggregate.comments
        let atRisk = aggregate.themes.values.reduce(0) { $0 + $1.revenueAtRisk.rounded() }
        return Headline(comments: comments, negativeShare: comments > 0 ? Double(aggregate.negativeComments) / Double(comments) : nil,
                        averageRating: aggregate.ratings.mean, nps: aggregate.ratings.nps,
                        revenueAtRisk: !aggregate.hasValues || atRisk <= 0 ? nil : atRisk)
    }
}

/// A topic the comments talk about that the themes do not cover.
public struct UncoveredTopic: Sendable {
    /// Topics under this share of the comments are not listed.
    public static let minimumShare = 0.03
    public var id: String
    public var name: String
    public var cues: [String]
    public var comments: Int
    public var share: Double
    public var negative: Int
    public var positive: Int
    public var averageRating: Double?
    public var averageRatingWithout: Double?
    public var evidence: [Evidence]

    public init(id: String, name: String, cues: [String], comments: Int, share: Double, negative: Int, positive: Int,
                averageRating: Double?, averageRatingWithout: Double?, evidence: [Evidence]) {
        self.id = id
        self.name = name
        self.cues = cues
        self.comments = comments
        self.share = share
        self.negative = negative
        self.positive = positive
        self.averageRating = averageRating
        self.averageRatingWithout = averageRatingWithout
        self.evidence = evidence
    }
}

/// What learned phrase valences did in an analysis.
public struct LearnedSummary: Sendable, Codable, Equatable {
    /// Phrases learned (the lexicon used after the sample).
    public var phrases: Int
    /// Rated comments they were learned from (0 when loaded from a file).
    public var ratedComments: Int
    /// Comments whose score a learned phrase moved.
    public var comments: Int
    /// How they were learned, in words.
    public var origin: String
}
