import Foundation
import Mindscope
import MindscopeText
import Testing
import TestSupport

/// Learned polarity and topic discovery on data generated here with planted effects.
@Suite struct LearningTests {
    /// A deterministic generator, so the planted data is the same on every run.
    struct Random {
        var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(state: state) }
        mutating func below(_ n: Int) -> Int { Int(generator.next() % UInt64(n)) }
        mutating func chance(_ p: Double) -> Bool { Double(generator.next() % 1_000_000) / 1_000_000 < p }
    }

    /// Apparel-like reviews: fillers the lexicons say nothing about; "runs small" planted in a
    /// third of them, rated 1–2; the rest rated 4–5 (with noise). Returns the CSV text.
    static func plantedReviews(rows: Int, seed: UInt64, shuffleRatings: Bool = false) -> String {
        var random = Random(state: seed)
        let fillers = ["ordered the blue one for a wedding", "bought this in march", "wore it to the office on monday",
                       "the fabric is cotton", "it came in a box", "my sister has the same dress", "the sleeves are long",
                       "has pockets on both sides", "it is machine washable", "i am five foot four"]
        var ratings: [Int] = []
        var texts: [String] = []
        for _ in 0..<rows {
            var parts = [fillers[random.below(fillers.count)], fillers[random.below(fillers.count)]]
            let planted = random.chance(0.33)
            if planted { parts.insert("it runs small", at: random.below(3)) }
            texts.append(parts.joined(separator: ", ") + ".")
            ratings.append(planted ? (random.chance(0.8) ? 1 + random.below(2) : 3) : (random.chance(0.85) ? 4 + random.below(2) : 3))
        }
        if shuffleRatings {
            for i in stride(from: ratings.count - 1, to: 0, by: -1) { ratings.swapAt(i, random.below(i + 1)) }
        }
        return "id,rating,review\n" + zip(texts.indices, texts).map { "\($0 + 1),\(ratings[$0]),\"\($1)\"" }.joined(separator: "\n") + "\n"
    }

    /// The base themes only: the retail pack already knows "runs small" as a complaint.
    static let analyzer = TextAnalyzer(lexicons: Fixtures.lexicons(packs: []).lexicons)

    static func learn(_ csv: String) throws -> (RatingLearning, [FeedbackRecord], SurveyReader) {
        let reader = try Fixtures.survey(Fixtures.temporaryFile(csv))
        let learning = try RatingLearning.learn(from: reader, analyzer: Self.analyzer, frequencies: Fixtures.loaded.frequencies, report: { _ in })
        var records: [FeedbackRecord] = []
        while let record = try reader.next(report: { _ in }) { records.append(record) }
        return (learning, records, reader)
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count), mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }, syy = y.reduce(0) { $0 + ($1 - my) * ($1 - my) }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
    }

    /// Scores every record as `tag` does: cross-fitted within the sample.
    static func scores(_ learning: RatingLearning, _ records: [FeedbackRecord]) -> [Double] {
        let analyzers = learning.analyzers(Self.analyzer)
        return records.map { learning.analyze($0, with: analyzers).sentiment.score }
    }

    @Test func aPlantedComplaintIsLearnedNegativeWithItsEvidence() throws {
        let (learning, records, _) = try Self.learn(Self.plantedReviews(rows: 600, seed: 1))
        let entry = try #require(learning.full.entries.first { $0.phrase.contains("small") })
        #expect(entry.valence < -0.5)
        #expect(entry.meanWith < 2.5 && entry.meanWithout > 3.8)
        #expect(entry.comments > 150)
        // Fillers carry no effect: nothing else is learned strongly.
        #expect(!learning.full.entries.contains { !$0.phrase.contains("small") && !$0.phrase.contains("runs") && abs($0.valence) >= 1 })
        // Scores now follow the ratings, and a planted comment reads negative.
        let scores = Self.scores(learning, records)
        let ratings = records.map { $0.rating!.value }
        #expect(Self.pearson(scores, ratings) > 0.5)
        let none = Self.scores(RatingLearning(nothing: ""), records)
        #expect(Self.pearson(none, ratings) < 0.2)
        let planted = records.indices.filter { records[$0].text.contains("runs small") }
        #expect(planted.filter { scores[$0] < -0.05 }.count * 10 >= planted.count * 9)
    }

    @Test func shuffledRatingsTeachNothing() throws {
        let (learning, records, _) = try Self.learn(Self.plantedReviews(rows: 600, seed: 1, shuffleRatings: true))
        #expect(learning.full.entries.allSatisfy { abs($0.valence) < 0.5 })
        let scores = Self.scores(learning, records)
        #expect(abs(Self.pearson(scores, records.map { $0.rating!.value })) < 0.1)
    }

    @Test func noCommentIsScoredWithItsOwnRating() throws {
        // One phrase in one comment only, with an extreme rating: a full-sample model could
        // learn it from that comment; the comment's own fold never can (and the support
        // threshold keeps a single comment out anyway).
        var csv = Self.plantedReviews(rows: 400, seed: 3)
        csv += "401,1,\"the zipper jammed on the flight\"\n"
        let (learning, records, _) = try Self.learn(csv)
        let last = try #require(records.last)
        let analysis = learning.analyzers(Self.analyzer)[learning.index(for: last)].analyze(last.text)
        #expect(!analysis.usesLearned)
    }

    @Test func tooFewRatingsOrConstantRatingsLearnNothingAndSaySo() throws {
        let few = try Self.learn(Self.plantedReviews(rows: 120, seed: 4)).0
        #expect(few.isEmpty && few.note.contains("200 needed"))
        let constant = Self.plantedReviews(rows: 300, seed: 5).split(separator: "\n").enumerated().map { index, line in
            index == 0 ? String(line) : line.split(separator: ",", maxSplits: 2).enumerated().map { $0 == 1 ? "4" : String($1) }.joined(separator: ",")
        }.joined(separator: "\n")
        let same = try Self.learn(constant + "\n").0
        #expect(same.isEmpty && same.note.contains("every rating is 4"))
    }

    @Test func savedLearnedLexiconLoadsBackAndExplainsItsEvidence() throws {
        let (learning, _, _) = try Self.learn(Self.plantedReviews(rows: 600, seed: 1))
        let loaded = try LearnedLexicon.parse(learning.full.rendered, source: "learned.tsv").value
        #expect(loaded.entries.map(\.phrase) == learning.full.entries.map(\.phrase))
        #expect(zip(loaded.entries, learning.full.entries).allSatisfy { abs($0.valence - $1.valence) < 0.001 && $0.comments == $1.comments })
        var analyzer = Self.analyzer
        analyzer.learned = loaded
        let analysis = analyzer.analyze("Lovely colour but it runs small.")
        let record = TagRecord(id: "1", line: 1, analysis: analysis, explain: true)
        let learned = try #require(record.explain?.first { $0.source == "learned" })
        #expect(learned.learned?.comments == learning.full.entries.first { $0.phrase == learned.term }?.comments)
        let json = TagLine.json(id: "1", line: 1, analysis: analysis, explain: true)
        #expect(json.contains("\"source\":\"learned\"") && json.contains("\"meanRatingWith\""))
        // Negation applies to a learned phrase as to a word.
        let negated = analyzer.analyze("It does not run small at all.")
        #expect(negated.sentiment.contributions.allSatisfy { $0.value >= 0 || $0.source == .lexicon })
    }
}

/// Learning, discovery and impact on `mindscope generate` output, whose comments are made of
/// planted clauses (delivery, price, support, …) and whose ratings follow their tone.
@Suite struct GeneratedCorpusTests {
    static let path: String = {
        var lines: [String] = []
        CorpusGenerator(seed: 7).csv(rows: 3_000) { lines.append($0) }
        return Fixtures.temporaryFile(lines.joined(separator: "\n") + "\n")
    }()

    @Test func learningDoesNotHurtWhereTheLexiconsAlreadyRead() throws {
        let reader = try Fixtures.survey(Self.path)
        let learning = try RatingLearning.learn(from: reader, analyzer: Fixtures.analyzer, frequencies: Fixtures.loaded.frequencies, report: { _ in })
        var records: [FeedbackRecord] = []
        while let record = try reader.next(report: { _ in }) { records.append(record) }
        let analyzers = learning.analyzers(Fixtures.analyzer)
        let learned = records.map { learning.analyze($0, with: analyzers).sentiment.score }
        let plain = records.map { Fixtures.analyzer.analyze($0.text).sentiment.score }
        let ratings = records.map { $0.rating!.value }
        #expect(LearningTests.pearson(learned, ratings) >= LearningTests.pearson(plain, ratings) - 0.02)
    }

    @Test func discoveryFindsThePlantedClausesTheBaseThemesMiss() throws {
        let (_, records, _) = try Fixtures.records(Self.path)
        let set = Fixtures.lexicons(packs: [])
        let found = DiscoveredTopics.discover(records.map(\.text), analyzer: TextAnalyzer(lexicons: set.lexicons), frequencies: set.frequencies)
        let cues = Set(found.topics.flatMap(\.phrases))
        // Delivery and returns are not base themes; the generator plants them in every tenth comment or so.
        #expect(cues.contains { $0.contains("parcel") || $0.contains("courier") || $0.contains("delivery") })
        #expect(cues.contains { $0.contains("refund") || $0.contains("returns") || $0.contains("returning") })
    }

    @Test func impactMatchesAHandComputationFromEachComment() throws {
        let result = try Fixtures.analyze(Self.path, personas: ["product_manager"], domain: .packs(["retail"]))
        let issue = try #require(result.readings[0].issues.first { $0.theme == "delivery" })
        let impact = try #require(issue.impact)
        // By hand: every comment read alone, its rating put with the complaints or the rest.
        let (_, records, _) = try Fixtures.records(Self.path)
        let analyzer = Fixtures.analyzer
        var with: [Double] = [], rest: [Double] = []
        for record in records where !record.text.isEmpty {
            guard let rating = record.rating?.value else { continue }
            let complains = analyzer.analyze(record.text).themes.contains { $0.theme == "delivery" && $0.label == .negative }
            if complains { with.append(rating) } else { rest.append(rating) }
        }
        let meanWith = with.reduce(0, +) / Double(with.count), meanRest = rest.reduce(0, +) / Double(rest.count)
        #expect(abs(impact.averageRatingWith - meanWith) < 1e-9 && abs(impact.averageRatingWithout - meanRest) < 1e-9)
        #expect(abs(impact.liftIfResolved - Double(with.count) / Double(with.count + rest.count) * (meanRest - meanWith)) < 1e-9)
    }
}

/// Discovery on fixtures written for the project, with planted topics.
@Suite struct DiscoveryTests {
    /// Planted topic → ids of the comments that mention it.
    static func planted(_ file: String) throws -> [String: Set<String>] {
        let lines = try String(contentsOfFile: Fixtures.fixture("Discovery/topics.tsv"), encoding: .utf8).split(separator: "\n")
        var result: [String: Set<String>] = [:]
        for line in lines {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 3, fields[0] == file else { continue }
            result[fields[1]] = Set(fields[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return result
    }

    /// The comments each discovered topic gathers, with the base themes only (no pack
    /// knows gyms or dentists).
    static func discover(_ file: String) throws -> (DiscoveredTopics, [String: Set<String>]) {
        let (_, records, _) = try Fixtures.records(Fixtures.fixture("Discovery/\(file)"))
        let set = Fixtures.lexicons(packs: [])
        let analyzer = TextAnalyzer(lexicons: set.lexicons)
        let found = DiscoveredTopics.discover(records.map(\.text), analyzer: analyzer, frequencies: set.frequencies)
        var gathered: [String: Set<String>] = [:]
        let catalog = found.catalog
        for record in records {
            for match in catalog.matches(in: analyzer.tokenizer.tokenize(record.text)) { gathered[match.topic, default: []].insert(record.id) }
        }
        return (found, gathered)
    }

    @Test(arguments: ["gym.csv", "dental.csv"])
    func everyPlantedTopicIsFound(_ file: String) throws {
        let (found, gathered) = try Self.discover(file)
        #expect(found.note == nil)
        for (name, ids) in try Self.planted(file) {
            // The topics made mostly (half or more) of this planted topic's comments gather at
            // least a third of them together: customers name one topic many ways ("packed",
            // "too busy", "peak hours"), and discovery may find it in parts, but not mixed
            // into other topics.
            let pure = gathered.filter { 2 * $0.value.intersection(ids).count >= $0.value.count }
            let found = pure.values.reduce(into: Set<String>()) { $0.formUnion($1.intersection(ids)) }
            #expect(found.count * 3 >= ids.count, "\(file): planted topic \(name) (\(ids.count) comments): \(found.count) gathered by \(pure.keys.sorted())")
        }
    }

    @Test func analyzeListsUncoveredTopicsAndTheProductManagerSeesTheNegativeOnes() throws {
        let reader = try Fixtures.survey(Fixtures.fixture("Discovery/gym.csv"))
        let set = try Fixtures.loaded.resolved(.packs([]), sample: [])
        var analysis = FeedbackAnalysis(analyzer: TextAnalyzer(lexicons: set.lexicons), lexicons: set)
        try analysis.addDiscoveredTopics(from: reader, report: { _ in })
        let result = try analysis.run(reader, personas: [Fixtures.personas.load("product_manager")], explicit: true, report: { _ in })
        #expect(result.summary.read == 240)  // the rows read ahead are not lost
        #expect(!result.uncovered.isEmpty && result.uncovered.allSatisfy { $0.share >= UncoveredTopic.minimumShare })
        let lockers = try #require(result.uncovered.first { $0.cues.contains { $0.hasPrefix("locker") } })
        #expect(lockers.negative * 2 >= lockers.comments && (lockers.averageRating ?? 5) < (lockers.averageRatingWithout ?? 0))
        // Mostly negative: a roadmap blocker for the product manager; the praised classes are not.
        let issues = result.readings[0].issues.map(\.theme)
        #expect(issues.contains(lockers.id))
        let classes = try #require(result.uncovered.first { $0.cues.contains("classes") })
        #expect(!issues.contains(classes.id))
        #expect(result.json.text.contains("\"uncovered\"") && result.text.contains("not covered by your themes"))
    }

    @Test func tooFewCommentsProposeNothingAndSaySo() {
        let set = Fixtures.lexicons(packs: [])
        let found = DiscoveredTopics.discover(["lockers broken", "lockers broken again"], analyzer: TextAnalyzer(lexicons: set.lexicons),
                                              frequencies: set.frequencies)
        #expect(found.topics.isEmpty && found.note?.contains("too few comments") == true)
    }

    @Test func theThemesFileLoadsBackWhateverTheCommentsHeld() throws {
        // The hostile-input corpus: markup, control characters, formulas, bidi overrides.
        let path = Fixtures.fixture("XSS/export.csv")
        let reader = try Fixtures.survey(path)
        let set = Fixtures.lexicons(packs: [])
        var settings = TopicDiscovery.Settings()
        settings.minComments = 2
        settings.minShare = 0
        settings.minLift = 1
        let report = try DiscoveryReport.run(reader, set: set, analyzer: TextAnalyzer(lexicons: set.lexicons), settings: settings,
                                             sampleRows: 1_000, report: { _ in })
        let file = report.themesFile
        let pack = try ThemePack.parse(file, source: "discovered.txt", id: "discovered", known: [:])
        #expect(pack.value.themes.count == report.topics.count)
        #expect(!file.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        #expect(report.json.text.contains("\"topics\""))
    }
}
