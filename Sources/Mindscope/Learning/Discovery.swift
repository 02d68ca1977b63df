import MindscopeText

/// Topics found in a sample of an export's comments that its themes do not cover
/// (``TopicDiscovery``), ready to be matched as themes over the whole file.
public struct DiscoveredTopics: Sendable {
    /// Comments needed before anything is proposed.
    public static let minimumComments = 30

    public var topics: [TopicDiscovery.Topic]
    /// Comments of the sample looked at.
    public var sampled: Int
    /// Why nothing was proposed, when nothing was.
    public var note: String?

    /// A topic as a theme is defined: all a merge of partial results needs to match it again.
    public struct Definition: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var phrases: [String]
    }

    public var definitions: [Definition] { topics.map { Definition(id: $0.id, name: $0.name, phrases: $0.phrases) } }

    /// The topics as themes: each phrase a cue.
    public var catalog: TopicCatalog { Self.catalog(definitions) }

    public static func catalog(_ definitions: [Definition]) -> TopicCatalog {
        TopicCatalog(definitions.map { topic in
            Topic(id: topic.id, name: topic.name, description: "Discovered in the comments",
                  cues: topic.phrases.compactMap { PhrasePattern($0, normalize: Tokenizer.lookupForm) })
        })
    }

    /// Finds the topics of `comments` that `analyzer`'s themes do not cover (all of them with
    /// `settings.includeCovered`), on every core. Ids avoid the theme ids in `reserved`.
    public static func discover(_ comments: [String], analyzer: TextAnalyzer, frequencies: WordFrequencies,
                                settings: TopicDiscovery.Settings = .init(), reserved: Set<String> = []) -> DiscoveredTopics {
        let comments = comments.filter { !$0.isEmpty && $0.utf8.count <= RatingLearning.longestComment }
        guard comments.count >= minimumComments else {
            return DiscoveredTopics(topics: [], sampled: comments.count,
                                    note: "too few comments to discover topics (\(comments.count); \(minimumComments) needed)")
        }
        var discovery = TopicDiscovery(frequencies: frequencies, scorer: analyzer.scorer, settings: settings)
        let themes = analyzer.lexicons.themes, tokenizer = analyzer.tokenizer
        var counting = ParallelBatches<String, TopicDiscovery.CommentPhrases> { comment in
            TopicDiscovery.phrases(in: tokenizer.tokenize(comment), themes: themes, frequencies: frequencies, maxLength: settings.maxLength)
        }
        func count(_ batch: [TopicDiscovery.CommentPhrases]) { for comment in batch { discovery.add(comment) } }
        for comment in comments { counting.add(comment, cost: comment.utf8.count, consume: count) }
        counting.finish(consume: count)

        let candidates = discovery.candidates()
        guard !candidates.isEmpty else {
            return DiscoveredTopics(topics: [], sampled: comments.count, note: "no recurring phrase stands out that the themes do not cover")
        }
        // How often candidates stand in the same comments: a second look at the sample.
        var matcher = PhraseMatcher<Int>()
        for (index, phrase) in candidates.enumerated() {
            for form in phrase.forms { if let pattern = PhrasePattern(form, normalize: Tokenizer.lookupForm) { matcher.add(pattern, index) } }
        }
        let finder = matcher
        var together = [[Int]](repeating: [Int](repeating: 0, count: candidates.count), count: candidates.count)
        var pairing = ParallelBatches<String, [Int]> { comment in
            let text = tokenizer.tokenize(comment)
            var found = Set<Int>()
            for i in text.tokens.indices {
                for match in finder.matches(in: text.tokens, at: i, within: 0..<text.tokens.count) { found.insert(match.entry.payload) }
            }
            return found.sorted()
        }
        func pair(_ batch: [[Int]]) {
            for found in batch {
                for a in found { for b in found where b > a { together[a][b] += 1 } }
            }
        }
        for comment in comments { pairing.add(comment, cost: comment.utf8.count, consume: pair) }
        pairing.finish(consume: pair)
        return DiscoveredTopics(topics: discovery.topics(candidates, together: together, reserved: reserved), sampled: comments.count)
    }
}
