import MindscopeText

/// `mindscope themes discover`: the topics found in a sample of comments, counted over the
/// whole file, with their ratings and quotes; written as a themes file or JSON.
public struct DiscoveryReport: Sendable {
    public struct Example: Sendable {
        public var id: String
        public var quote: String
    }

    public struct TopicStats: Sendable {
        public var topic: TopicDiscovery.Topic
        public var comments = 0
        public var negative = 0
        public var ratings = RatingSums()
        public var examples: [Example] = []
        /// Share of all comments.
        public var share = 0.0
        public var averageRatingWithout: Double?
    }

    public var path: String
    public var topics: [TopicStats]
    /// Comments read, and those at least one active theme covers.
    public var comments = 0
    public var themed = 0
    public var ratings = RatingSums()
    public var sampled = 0
    public var note: String?
    /// The packs the coverage was measured against.
    public var domain: DomainChoice

    public var covered: Double { comments > 0 ? Double(themed) / Double(comments) : 0 }

    /// Discovers topics in the rows `reader` reads ahead, then counts them over every row,
    /// scoring comments with what `learning` learned (as `analyze` does, so both say the same).
    public static func run(_ reader: SurveyReader, set: LexiconSet, analyzer: TextAnalyzer, settings: TopicDiscovery.Settings,
                           sampleRows: Int, learning: RatingLearning = RatingLearning(nothing: ""),
                           report: (String) -> Void) throws(MindscopeError) -> DiscoveryReport {
        guard !reader.roles.all(.text).isEmpty else {
            throw .missingColumn(path: reader.path, role: "text", headers: reader.reader.headers)
        }
        // The default sample stops at 4 MB of comments too; a larger one asked for does not.
        let sample = try reader.readAhead(sampleRows, bytes: sampleRows > RatingLearning.sampleRows ? .max : RatingLearning.sampleBytes, report: report)
        let found = DiscoveredTopics.discover(sample.map(\.text), analyzer: analyzer, frequencies: set.frequencies, settings: settings,
                                              reserved: Set(set.themes.catalog.topics.map(\.id)))
        var result = DiscoveryReport(path: reader.path, topics: found.topics.map { TopicStats(topic: $0) }, sampled: found.sampled,
                                     note: found.note, domain: set.domain)
        // One pass over every row: the active themes (for coverage) and the topics, as themes.
        var lexicons = analyzer.lexicons
        lexicons.themes = TopicCatalog(set.themes.catalog.topics + found.catalog.topics)
        let analyzers = learning.analyzers(TextAnalyzer(lexicons: lexicons))
        var pipeline = ParallelBatches<FeedbackRecord, (FeedbackRecord, [ThemeHit], Bool)> { record in
            let analysis = learning.analyze(record, with: analyzers)
            let own = analysis.themes.filter { hit in found.topics.contains { $0.id == hit.theme } }
            return (record, own, own.count < analysis.themes.count)
        }
        let index = Dictionary(uniqueKeysWithValues: found.topics.enumerated().map { ($1.id, $0) })
        func fold(_ batch: [(FeedbackRecord, [ThemeHit], Bool)]) {
            for (record, hits, themed) in batch {
                result.comments += 1
                if themed { result.themed += 1 }
                if let rating = record.rating { result.ratings.add(rating.value) }
                for hit in hits {
                    guard let k = index[hit.theme] else { continue }
                    result.topics[k].comments += 1
                    if hit.label == .negative { result.topics[k].negative += 1 }
                    if let rating = record.rating { result.topics[k].ratings.add(rating.value) }
                    if result.topics[k].examples.count < 3, let quote = hit.evidence.first?.text {
                        result.topics[k].examples.append(Example(id: record.id, quote: String(quote.prefix(240))))
                    }
                }
            }
        }
        while let record = try reader.next(report: report) {
            guard !record.text.isEmpty else { continue }
            pipeline.add(record, cost: record.text.utf8.count, consume: fold)
        }
        pipeline.finish(consume: fold)
        for k in result.topics.indices {
            result.topics[k].share = result.comments > 0 ? Double(result.topics[k].comments) / Double(result.comments) : 0
            let rest = result.ratings - result.topics[k].ratings
            result.topics[k].averageRatingWithout = rest.mean
        }
        result.topics = result.topics.filter { $0.comments > 0 }
            .sorted { $0.comments > $1.comments || ($0.comments == $1.comments && $0.topic.id < $1.topic.id) }
        return result
    }

    /// The topics as a themes file in the packs' format, ready for `--add-themes`: each theme
    /// after a comment block with its counts, ratings and quotes. Whatever the comments held,
    /// the file loads: phrases are made of word and number tokens, and quotes sit in comments
    /// with line breaks removed.
    public var themesFile: String {
        var lines = ["# Topics discovered by `mindscope themes discover` in \(Self.oneLine(path)):",
                     "# \(comments) comments, \(Self.percent(covered)) covered by the active themes (\(domain.packs.isEmpty ? "general themes" : domain.packs.joined(separator: ", "))).",
                     "# Edit the names, cues and lenses, then pass the file with --add-themes.", ""]
        if let note { lines.append("# \(Self.oneLine(note))") }
        for stats in topics {
            lines.append("# \(stats.comments) comments (\(Self.percent(stats.share)))" + ratingLine(stats) + ", \(stats.negative) negative")
            for example in stats.examples { lines.append("#   \(Self.oneLine(example.id)): \"\(Self.oneLine(example.quote))\"") }
            lines.append("[\(stats.topic.id)]")
            lines.append("name = \(Self.oneLine(stats.topic.name))")
            let negativeLeaning = stats.negative * 2 >= stats.comments
                || (stats.ratings.mean.flatMap { with in stats.averageRatingWithout.map { with < $0 } } ?? false)
            lines.append("lenses = " + (negativeLeaning ? "roadmap_blockers, revenue_risk" : "revenue_risk"))
            let cues = stats.topic.phrases.filter(Self.isWritable)
            var line = "cues = "
            for cue in cues {
                if line.count + cue.count > 100, line != "cues = " { lines.append(String(line.dropLast(2))); line = "cues = " }
                line += cue + ", "
            }
            if line != "cues = " { lines.append(String(line.dropLast(2))) }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private func ratingLine(_ stats: TopicStats) -> String {
        guard let with = stats.ratings.mean else { return "" }
        return ", average rating \(Self.decimal(with))" + (stats.averageRatingWithout.map { " (\(Self.decimal($0)) without)" } ?? "")
    }

    /// The report as JSON: `{"topics": [...], "covered": 0.71, ...}`, topics in rank order.
    public var json: JSONDocument {
        func number(_ x: Double?) -> JSONDocument { x.map { .number(($0 * 1000).rounded() / 1000) } ?? .null }
        return .object([
            ("file", .string(path)),
            ("comments", .integer(comments)),
            ("sampled", .integer(sampled)),
            ("covered", number(covered)),
            ("note", note.map(JSONDocument.string) ?? .null),
            ("topics", .array(topics.map { stats in
                .object([("id", .string(stats.topic.id)), ("name", .string(stats.topic.name)),
                         ("cues", .array(stats.topic.phrases.map(JSONDocument.string))),
                         ("comments", .integer(stats.comments)), ("share", number(stats.share)),
                         ("negative", .integer(stats.negative)),
                         ("averageRating", number(stats.ratings.mean)), ("averageRatingWithout", number(stats.averageRatingWithout)),
                         ("examples", .array(stats.examples.map { .object([("id", .string($0.id)), ("quote", .string($0.quote))]) }))])
            })),
        ])
    }

    /// A phrase the themes-file format can hold as a cue: no list comma, comment or pattern sign.
    static func isWritable(_ phrase: String) -> Bool {
        !phrase.isEmpty && !phrase.contains { ",#[]=*…\n\r\t".contains($0) } && !phrase.contains("...")
    }

    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }.filter { !($0.unicodeScalars.first?.properties.generalCategory == .control) })
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
    static func decimal(_ x: Double) -> String { String((x * 100).rounded() / 100) }
}
