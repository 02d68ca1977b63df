import Foundation
import Mindscope
import MindscopeText
import Testing
import TestSupport

/// The theme packs (`lexicons/themes/`) on comments written for each domain
/// (`Tests/Fixtures/Domains/*.tsv`, labelled as a person would, independently of the cue lists).
@Suite struct DomainPackTests {
    static func fixture(_ name: String) throws -> [LabelledComment] {
        let path = Fixtures.fixture("Domains/\(name).tsv")
        return try LabelledComment.parse(try String(contentsOfFile: path, encoding: .utf8), path: path)
    }

    static func resolved(_ comments: [LabelledComment]) throws -> LexiconSet {
        try Fixtures.loaded.resolved(.auto, sample: comments.map(\.text))
    }

    @Test(arguments: ["retail", "food", "travel", "software", "banking", "telecom"])
    func autoSelectionPicksThePackOfEachDomain(_ pack: String) throws {
        #expect(try Self.resolved(Self.fixture(pack)).domain.packs == [pack])
    }

    @Test func aFileSpanningTwoDomainsGetsBoth() throws {
        #expect(Set(try Self.resolved(Self.fixture("mixed")).domain.packs) == ["software", "telecom"])
    }

    @Test func aFileNoPackFitsFallsBackToTheGeneralThemes() throws {
        let set = try Fixtures.loaded.resolved(.auto, sample: ["Thanks!", "We came for the first time.", "Ok.", "No comment"])
        #expect(set.domain.packs.isEmpty && set.domain.why.contains("general themes"))
        #expect(set.themes.catalog.topics.map(\.id) == ["price", "support"])
    }

    /// Floors under the figures in the README (`mindscope themes eval`): themes found against
    /// the labels, pooled over each file, and the polarity of the themes found.
    @Test(arguments: ["retail", "food", "travel", "software", "banking", "telecom"])
    func eachPackFindsTheLabelledThemes(_ pack: String) throws {
        let comments = try Self.fixture(pack)
        let evaluation = ThemeEvaluation(comments, analyzer: TextAnalyzer(lexicons: try Self.resolved(comments).lexicons))
        #expect(evaluation.overall.precision >= 0.7 && evaluation.overall.recall >= 0.75, "\(evaluation.lines.joined(separator: "\n"))")
        #expect(Double(evaluation.polarityAgreement) / Double(evaluation.polarityItems) >= 0.6)
        #expect(Double(evaluation.themed) / Double(evaluation.comments) >= 0.8)
    }

    static func labels(_ text: String, packs: [String]) -> [String: SentimentLabel] {
        Fixtures.analyzer(packs: packs).themeLabels(text)
    }

    @Test(arguments: [
        ("This bra has great support", ["retail"], "support"),
        ("The support in these trainers is great for my arches", ["retail"], "support"),
        ("I've lost 20 pounds so I sized down", ["retail"], "price"),
        ("Love the carbon grey colour", ["retail"], "eco"),
        ("Love the olive green shade", ["retail"], "eco"),
        ("My plane ticket was on my phone", ["travel"], "support"),
        ("The chicken wrap was lovely", ["retail", "food"], "packaging"),
    ])
    func anotherSenseOfACueIsNotTheTheme(_ text: String, _ packs: [String], _ theme: String) {
        #expect(Self.labels(text, packs: packs)[theme] == nil, "\(Self.labels(text, packs: packs))")
    }

    @Test(arguments: [
        ("It runs small, I had to size up", ["retail"], "fit", SentimentLabel.negative),
        ("Took almost three weeks to reach me", ["retail"], "delivery", .negative),
        ("Arrived damaged", ["retail"], "packaging", .negative),
        ("Shipping was cheap", ["retail"], "shipping_cost", .positive),
        ("Support never replied", ["retail"], "support", .negative),
        ("Fits true to size", ["retail"], "fit", .positive),
        ("Waited an hour for our food", ["food"], "wait", .negative),
        ("lost my bag in Denver", ["travel"], "baggage", .negative),
        ("Flight Cancelled Flightled again", ["travel"], "cancellations", .negative),
        ("keeps crashing when I open it", ["software"], "bugs", .negative),
        ("No bugs at all", ["software"], "bugs", .positive),
        ("dropped calls all day", ["telecom"], "coverage", .negative),
        ("Card declined at the petrol station twice", ["banking"], "cards", .negative),
    ])
    func problemAndPraisePhrasesSetThePolarity(_ text: String, _ packs: [String], _ theme: String, _ label: SentimentLabel) {
        #expect(Self.labels(text, packs: packs)[theme] == label, "\(Self.labels(text, packs: packs))")
    }

    @Test func aProblemPhraseIsItsOwnRuleAndFeedsTheComment() {
        let analysis = Fixtures.analyzer.analyze("It runs small")
        #expect(analysis.sentiment.label == .negative)
        #expect(analysis.sentiment.contributions.map { analysis.theme(of: $0) } == ["fit"])
        #expect(analysis.sentiment.contributions.allSatisfy { if case .problem = $0.source { true } else { false } })
        #expect(analysis.sentiment.contributions.first?.base == SentimentConstants.problemPhraseValence)
        // A clause that already says it keeps its own words: the excess rule of "too small".
        let own = Fixtures.analyzer.analyze("The box is too small")
        #expect(own.sentiment.contributions.allSatisfy { $0.source == .lexicon })
    }

    @Test func aPackCarriesItsDomainValence() {
        // Pattern's adjective sense made "chicken" cowardly (-1.9): gone from the base lexicon,
        // and the food pack says it is neutral.
        #expect(Fixtures.loaded.lexicons.sentiment["chicken"] == nil)
        #expect(Fixtures.analyzer(packs: ["food"]).analyze("The chicken came with rice").sentiment.label == .neutral)
        // "delayed" is stronger in travel than in the general lexicon.
        let general = Fixtures.analyzer(packs: []).score("My flight was delayed")
        #expect(Fixtures.analyzer(packs: ["travel"]).score("My flight was delayed") < general)
    }
}

/// Theme files are checked when they load: `file:line` and a hint.
@Suite struct ThemePackCheckTests {
    @Test func anUnknownLensSuggestsTheNearest() {
        #expect {
            _ = try ThemePack.parse("[fit]\nlenses = roadmap_blocker\ncues = runs small\n", source: "t.txt", id: "t")
        } throws: { error in
            "\(error)".contains("t.txt:2: [fit] unknown lens 'roadmap_blocker': did you mean 'roadmap_blockers'?")
        }
    }

    @Test func aThemeWithNoLensIsAnError() {
        #expect(throws: LexiconError.self) { _ = try ThemePack.parse("[fit]\ncues = runs small\n", source: "t.txt", id: "t") }
    }

    @Test func aSectionRefiningABaseThemeNeedsNoLens() throws {
        let base = try ThemePack.parse("pack = base\n[support]\nlenses = roadmap_blockers\ncues = agent\n", source: "base.txt", id: "base").value
        let pack = try ThemePack.parse("pack = food\nextends = base\n[support]\ncues = waiter\n", source: "food.txt", id: "food", known: base.info).value
        #expect(pack.refinements == ["support"] && pack.info["support"]?.lenses == [.roadmapBlockers])
        let library = ThemeLibrary(base: base, domains: [pack])
        let merged = library.themes(packs: ["food"])
        #expect(merged.catalog["support"]?.cues.map(\.description) == ["agent", "waiter"])
    }

    @Test func anAddedThemeOverlappingAShippedOneIsReported() throws {
        let base = try ThemePack.parse("[support]\nlenses = roadmap_blockers\ncues = agent, on hold\n", source: "base.txt", id: "base").value
        let mine = try ThemePack.parse("[calls]\nlenses = roadmap_blockers\ncues = on hold\n[support]\nlenses = revenue_risk\ncues = rep\n", source: "mine.txt", id: "mine").value
        let set = ThemeLibrary(base: base, domains: [], additions: [mine]).themes(packs: [])
        let notes = set.notes.map(\.description)
        #expect(notes.contains { $0.hasPrefix("mine.txt:3: cue 'on hold' of [calls] is also a cue of [support] (base.txt:3)") })
        #expect(notes.contains { $0.hasPrefix("mine.txt:4: [support] replaces the theme of the same id from base.txt:1") })
        #expect(set.catalog["support"]?.cues.map(\.description) == ["rep"])
    }

    @Test func aUserFileReusingAShippedPackIdIsReported() throws {
        let base = try ThemePack.parse("pack = base\n[support]\nlenses = roadmap_blockers\ncues = agent\n", source: "base.txt", id: "base").value
        let food = try ThemePack.parse("pack = food\nextends = base\n[food]\nlenses = roadmap_blockers\ncues = pizza\n", source: "food.txt", id: "food", known: base.info).value
        let mine = try ThemePack.parse("pack = food\n[parking]\nlenses = roadmap_blockers\ncues = parking\n", source: "mine.txt", id: "mine").value
        let notes = ThemeLibrary(base: base, domains: [food], additions: [mine]).themes(packs: ["food"]).notes.map(\.description)
        #expect(notes.contains { $0.hasPrefix("mine.txt:1: pack = food is the id of a shipped pack") })
    }

    @Test func guardsMustNameACueAndParse() {
        #expect(throws: LexiconError.self) { _ = try TopicCatalog.parse("[x]\ncues = a\nguard = b: not near c\n", source: "g.txt") }
        #expect(throws: LexiconError.self) { _ = try TopicCatalog.parse("[x]\ncues = a\nguard = a near c\n", source: "g.txt") }
        let two = try? TopicCatalog.parse("[x]\ncues = a, b\nguard = a, b: only near c*\n", source: "g.txt")
        #expect(two?.value["x"]?.guards.map(\.cue) == ["a", "b"])
    }
}
