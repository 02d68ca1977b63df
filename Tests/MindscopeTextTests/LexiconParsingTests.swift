import Testing
import MindscopeText
import TestSupport

@Suite struct LexiconParsingTests {
    @Test func aMalformedWeightNamesFileAndLine() {
        let contents = "# header\ngood\t1.9\nbad\tminus two\n"
        #expect(throws: LexiconError(source: "my.tsv", line: 3, problem: .badWeight("minus two", allowed: -4...4))) {
            try SentimentLexicon.parse(contents, source: "my.tsv")
        }
    }

    @Test func anOutOfRangeValenceIsRejected() {
        #expect(throws: LexiconError.self) { try SentimentLexicon.parse("great\t7\n", source: "x") }
    }

    @Test func aLineWithoutAValenceIsMalformed() throws {
        do {
            _ = try SentimentLexicon.parse("good\t1\nlonely\n", source: "x.tsv")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("x.tsv:2: malformed line"))
        }
    }

    @Test func aDuplicateIsReportedWithBothLines() throws {
        let loaded = try SentimentLexicon.parse("good\t1.9\nGood\t2.0\n", source: "dup.tsv")
        #expect(loaded.value["good"] == 1.9)
        #expect(loaded.warnings == [LexiconError(source: "dup.tsv", line: 2, problem: .duplicate("good", firstLine: 1))])
        #expect(loaded.warnings[0].description == "dup.tsv:2: duplicate entry 'good' (first on line 1); remove one")
    }

    @Test func aVaderFormatFileLoads() throws {
        let vader = "$:\t-1.5\t0.80623\t[-1, -1, -1, -1, -3, -1, -3, -1, -2, -1]\n"
            + "( '}{' )\t1.6\t0.66332\t[1, 2, 2, 1, 1, 2, 2, 1, 3, 1]\n"
            + "adorable\t2.2\t0.6\t[3, 2, 2, 3, 2, 2, 1, 3, 2, 2]\n"
            + "ok\t1.6\t1.42829\t[0, 0, 1, 1, 1, 4, 3, 4, 1, 1]\nok\t1.2\t0.4\t[1, 2, 1, 1, 1, 1, 2, 1, 1, 1]\n"
        let loaded = try SentimentLexicon.parse(vader, source: "vader_lexicon.txt")
        #expect(loaded.value["adorable"] == 2.2)
        #expect(loaded.value["$:"] == -1.5)
        #expect(loaded.value.count == 3)
        #expect(loaded.warnings.map(\.line) == [2, 5])
    }

    @Test func intensifierKindsAreChecked() {
        var rules = SentimentRules()
        #expect(throws: LexiconError(source: "i.tsv", line: 1, problem: .unknownValue("huge", allowed: ["booster", "dampener", "excess"]))) {
            try rules.addIntensifiers("very\t0.3\thuge\n", source: "i.tsv")
        }
        #expect(throws: LexiconError.self) { try rules.addIntensifiers("very\t3\n", source: "i.tsv") }
        #expect(throws: LexiconError.self) { try rules.addContrast("but\tand\n", source: "c.tsv") }
    }

    @Test func topicFilesReportTheirProblems() throws {
        #expect(throws: LexiconError.self) { try TopicCatalog.parse("cues = late\n", source: "t.txt") }
        #expect(throws: LexiconError.self) { try TopicCatalog.parse("[Delivery Theme]\n", source: "t.txt") }
        #expect(throws: LexiconError.self) { try TopicCatalog.parse("[delivery]\ncolour = red\n", source: "t.txt") }
        let loaded = try TopicCatalog.parse("[delivery]\nname = Delivery\ncues = late, deliver*, took ... to arrive\ncues = late\n", source: "t.txt")
        #expect(loaded.value["delivery"]?.cues.map(\.description) == ["late", "deliver*", "took ... to arrive"])
        #expect(loaded.warnings.map(\.line) == [4])
    }

    @Test func aLaterThemeFileReplacesAThemeById() throws {
        let base = try TopicCatalog.parse("[delivery]\ncues = late\n[price]\ncues = cost\n", source: "a").value
        let mine = try TopicCatalog.parse("[delivery]\ncues = courier\n[app]\ncues = login\n", source: "b").value
        let merged = base.overlaid(with: mine)
        #expect(merged.topics.map(\.id) == ["delivery", "price", "app"])
        #expect(merged["delivery"]?.cues.map(\.description) == ["courier"])
    }

    @Test func theShippedLexiconsLoadCleanAndLarge() {
        let warnings = Fixtures.loaded.warnings.map(\.description)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(Fixtures.loaded.lexicons.sentiment.count > 7_000)
        let themes = Set(Fixtures.loaded.themeLibrary.allThemeIDs)
        #expect(themes.isSuperset(of: ["delivery", "price", "support", "quality", "packaging", "eco", "returns", "usability"]))
        for pack in Fixtures.loaded.themeLibrary.domainIDs {
            let set = Fixtures.lexicons(packs: [pack]).themes
            for theme in set.catalog.topics {
                #expect(!set.lenses(of: theme.id).isEmpty && !theme.description.isEmpty, "\(pack): \(theme.id)")
            }
        }
    }

    @Test func phrasePatternsSupportStemsAndGaps() {
        let tokenizer = Tokenizer()
        var matcher = PhraseMatcher<Int>()
        matcher.add(PhrasePattern("never buy* ... again", normalize: Tokenizer.lookupForm)!, 1)
        let text = tokenizer.tokenize("I will never buy from you again")
        let match = matcher.matches(in: text.tokens, at: 2, within: 0..<text.tokens.count).first
        #expect(match?.range == 2..<7)
        #expect(PhrasePattern("... again", normalize: { $0 }) == nil)
        #expect(PhrasePattern("*", normalize: { $0 }) == nil)
    }
}
