import Testing
import MindscopeText
import TestSupport

@Suite struct SentimentRuleTests {
    let analyzer = Fixtures.analyzer

    func rules(_ text: String) -> [Step.Rule] {
        analyzer.analyze(text).sentiment.contributions.flatMap { $0.steps.map(\.rule) }
    }

    @Test(arguments: [
        ("The delivery was good", "The delivery was not good"),
        ("Support was helpful", "Support was never helpful"),
        ("It works great", "It hardly works great"),
        ("I'm happy", "I'm not happy"),
    ])
    func negationFlipsAPositiveWord(_ plain: String, _ negated: String) {
        #expect(analyzer.score(plain) > 0.05)
        #expect(analyzer.score(negated) < -0.05)
    }

    @Test func negatedComplaintIsWeakerPraiseThanTheComplaintIsBlame() {
        let bad = analyzer.score("The box was bad")
        let notBad = analyzer.score("The box was not bad")
        #expect(bad < 0 && notBad > 0)
        #expect(abs(notBad) < abs(bad))
    }

    @Test func negationStopsAtClausePunctuation() {
        #expect(analyzer.score("No, the courier was friendly") > 0.05)
        #expect(rules("No, the courier was friendly").contains(.negation) == false)
    }

    @Test func negationDoesNotReachEmoticons() {
        #expect(analyzer.score("no refund yet :(") < 0)
    }

    @Test func boostersRaiseAndDampenersLower() {
        let plain = analyzer.score("The staff were helpful")
        #expect(analyzer.score("The staff were very helpful") > plain)
        #expect(analyzer.score("The staff were extremely helpful") > plain)
        #expect(analyzer.score("The staff were slightly helpful") < plain)
        #expect(analyzer.score("The staff were kind of helpful") < plain)
        #expect(rules("kind of helpful") == [.dampener])
    }

    @Test func butMakesTheLaterClauseWeighMore() {
        #expect(analyzer.score("The price is great but the quality is bad") < 0)
        #expect(analyzer.score("The quality is bad but the price is great") > 0)
        #expect(Set(rules("Great price but bad quality")) == [.beforeContrast, .afterContrast])
    }

    @Test func aSentenceOpeningWithButOutweighsTheOneBefore() {
        #expect(analyzer.score("The parcel was lovely. But the courier was rude.") < 0)
    }

    @Test func althoughClauseWeighsLess() {
        #expect(analyzer.score("Although the courier was rude, the product is excellent") > 0)
        #expect(analyzer.score("Although the product is excellent, the courier was rude and awful") < 0)
        #expect(rules("Although it was good, it was late").contains(.concession))
    }

    @Test func capitalsAndExclamationsAddEmphasis() {
        let plain = analyzer.score("The service was bad")
        #expect(analyzer.score("The service was BAD") < plain)
        #expect(analyzer.score("The service was bad!!!") < plain)
        // A text in capitals throughout is not emphasis word by word.
        #expect(!rules("THE SERVICE WAS BAD").contains(.capitals))
    }

    @Test func elongatedWordsAreFoundAndStressed() {
        #expect(analyzer.score("sooo goooood") > analyzer.score("so good"))
        #expect(rules("goooood").contains(.elongation))
    }

    @Test(arguments: [
        ("What a waste of money", -1.0...(-0.3)),
        ("Not worth it.", -1.0...(-0.3)),
        ("Terrible support, never buying again", -1.0...(-0.5)),
        ("The team went above and beyond", 0.5...1.0),
        ("Arrived on time, no complaints", 0.3...1.0),
    ])
    func idiomsCarryTheirOwnValence(_ text: String, _ expected: ClosedRange<Double>) {
        #expect(expected.contains(analyzer.score(text)), "\(text): \(analyzer.score(text))")
    }

    @Test func tooTurnsANeutralWordIntoAComplaint() {
        #expect(analyzer.score("The shipping costs are high") == 0)
        #expect(analyzer.score("The shipping costs are too high") < -0.05)
        #expect(rules("too small").contains(.excess))
    }

    @Test func emojiAndEmoticonsCount() {
        #expect(analyzer.score("delivered 😍") > 0.05)
        #expect(analyzer.score("delivered 👍🏽") > 0.05)
        #expect(analyzer.score("delivered :(") < -0.05)
        #expect(analyzer.score("delivered :-P") > 0.05)
    }

    @Test func idleModifiersKeepTheirOwnValence() {
        #expect(analyzer.score("No.") < 0)
        #expect(analyzer.score("Super trip") > 0)
        #expect(analyzer.score("Super good trip") > analyzer.score("good trip"))
    }

    @Test func neverSoStressesInsteadOfNegating() {
        #expect(analyzer.score("I have never been so happy") > 0.05)
    }

    @Test func scoresStayInRangeAndLabelsFollowTheThreshold() {
        for text in ["GOOD GOOD GOOD!!!! 😍😍😍 love love love", "awful horrible terrible worst!!!!", "", "the box"] {
            let result = analyzer.analyze(text).sentiment
            #expect((-1...1).contains(result.score))
            #expect(result.label == SentimentLabel(score: result.score))
        }
        #expect(SentimentLabel(score: 0.05) == .positive)
        #expect(SentimentLabel(score: 0.049) == .neutral)
        #expect(SentimentLabel(score: -0.05) == .negative)
    }

    @Test func everyScoreExplainsItself() {
        let result = analyzer.analyze("The courier was not very helpful!").sentiment
        let helpful = try! #require(result.contributions.first)
        #expect(helpful.term == "helpful")
        #expect(helpful.steps.map(\.rule) == [.booster, .negation])
        // The steps chain from the lexicon value to the final value.
        #expect(helpful.steps.first?.before == helpful.base)
        #expect(helpful.steps.last?.after == helpful.value)
        #expect(abs(result.raw - result.sentences.map(\.raw).reduce(0, +)) < 0.7)
    }

    @Test func sentencesHaveTheirOwnScores() {
        let result = analyzer.analyze("The delivery was fast. The support was rude.").sentiment
        #expect(result.sentences.map(\.label) == [.positive, .negative])
    }
}

/// Regressions from review: each was a wrong reading before.
@Suite struct SentimentRegressionTests {
    let analyzer = Fixtures.analyzer

    @Test func anIdleBoosterUsesOnlyItsOwnExactValence() {
        #expect(analyzer.analyze("The box was awfully big.").sentiment.contributions.isEmpty)
    }

    @Test func aClauseFinalThoughMarksItsOwnClause() {
        #expect(analyzer.score("Great product, shipping was slow though.") < 0)
    }

    @Test func tooAfterAPronounMeansAlso() {
        #expect(analyzer.score("I too think it is fine") > 0)
    }

    @Test func patternsSeeNumbersAndPrices() {
        #expect(analyzer.analyze("Never buy these 2 again").signals.map(\.signal) == ["churn_intent"])
        #expect(analyzer.analyze("Never buy this £50 junk again").signals.map(\.signal).contains("churn_intent"))
        #expect(analyzer.score("I'd give it 5 stars") > 0.3)
        #expect(analyzer.themeLabels("2-day shipping was great")["delivery"] == .positive)
    }

    @Test func ampersandSplitsClauses() {
        #expect(analyzer.themeLabels("Fast delivery & terrible packaging") == ["delivery": .positive, "packaging": .negative])
    }

    @Test func quantitiesAreNotEmoticons() {
        #expect(analyzer.score("Bought the (8 pack) version") == 0)
        #expect(analyzer.score("arrived in <3 days") == 0)
        #expect(analyzer.score("love you <3") > analyzer.score("love you"))
    }
}
