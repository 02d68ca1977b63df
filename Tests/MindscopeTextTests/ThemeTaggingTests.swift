import Testing
import MindscopeText
import TestSupport

@Suite struct ThemeTaggingTests {
    let analyzer = Fixtures.analyzer

    /// The seed's five comments, and what each must carry.
    @Test(arguments: [
        ("Delivery was late and packaging was poor.", ["delivery": SentimentLabel.negative, "packaging": .negative]),
        ("Fast shipping, love the eco-friendly wrap!", ["delivery": .positive, "eco": .positive]),
        ("Product is okay, but too expensive.", ["price": .negative]),
        ("Terrible support, never buying again.", ["support": .negative]),
        ("Good quality, but shipping costs too high.", ["quality": .positive, "shipping_cost": .negative]),
    ])
    func seedCommentsGetTheirThemes(_ text: String, _ expected: [String: SentimentLabel]) {
        let labels = analyzer.themeLabels(text)
        for (theme, label) in expected { #expect(labels[theme] == label, "\(text): \(labels)") }
    }

    @Test func eachThemeTakesItsOwnClause() {
        let labels = analyzer.themeLabels("The delivery was quick, but the support agent was rude.")
        #expect(labels == ["delivery": .positive, "support": .negative])
    }

    @Test func aClauseWithoutSentimentFallsBackToItsSentence() {
        let labels = analyzer.themeLabels("The delivery and the packaging were awful.")
        #expect(labels["delivery"] == .negative && labels["packaging"] == .negative)
    }

    @Test func longestCueWinsOverlaps() {
        // "shipping cost" is the shipping-cost theme, not delivery ("shipping") nor price ("cost").
        #expect(analyzer.analyze("The shipping cost was high").themes.map(\.theme) == ["shipping_cost"])
    }

    @Test func evidenceSpansSliceTheComment() {
        let text = "Très bien 👍 — but the courier was LATE, and the box was crushed."
        let analysis = analyzer.analyze(text)
        #expect(!analysis.themes.isEmpty)
        for theme in analysis.themes {
            for span in theme.evidence {
                #expect(String(analysis.text.slice(span.range)) == span.text)
            }
        }
        #expect(analysis.themes.first { $0.theme == "delivery" }?.evidence.first?.text == "the courier was LATE")
    }

    @Test(arguments: [
        ("Terrible support, never buying again.", "churn_intent"),
        ("I'm cancelling my subscription and switching to a competitor", "churn_intent"),
        ("I wish you had cheaper shipping options", "feature_request"),
        ("Need it ASAP, it's for a birthday", "urgency"),
        ("Would recommend to anyone, thanks!", "praise"),
    ])
    func signalsAreFound(_ text: String, _ signal: String) {
        #expect(analyzer.analyze(text).signals.map(\.signal).contains(signal))
    }

    @Test func recommendingIsNotPraiseWhenNegated() {
        #expect(!analyzer.analyze("Would not recommend").signals.map(\.signal).contains("praise"))
    }

    @Test func commentsWithoutCuesHaveNoThemes() {
        #expect(analyzer.analyze("Hello there").themes.isEmpty)
        #expect(analyzer.analyze("").themes.isEmpty)
    }
}

/// Matches that tie on length and start are ordered by the catalog, not by how its matcher is
/// indexed: a problem or praise phrase before a plain cue, then the phrase written first.
@Suite struct ThemeTieTests {
    @Test func aPraisePhraseWinsOverACueOnTheSameWordsAndTiesFollowTheFile() throws {
        let catalog = try TopicCatalog.parse("""
            [food]
            cues = flavor*, coffee
            praise = flavorful
            [drinks]
            cues = coffee*
            """, source: "t.txt").value
        let text = Tokenizer().tokenize("Flavorful coffee")
        let matches = catalog.matches(in: text)
        #expect(matches.map(\.cue) == ["flavorful", "coffee", "coffee*"])
        #expect(matches.map(\.topic) == ["food", "food", "drinks"])
    }
}
