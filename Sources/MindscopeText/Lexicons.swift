/// Everything the text core reads from `lexicons/`, already parsed.
public struct Lexicons: Sendable {
    public var sentiment: SentimentLexicon
    public var rules: SentimentRules
    public var themes: TopicCatalog
    public var signals: TopicCatalog
    public var words: WordClasses

    public init(sentiment: SentimentLexicon, rules: SentimentRules, themes: TopicCatalog, signals: TopicCatalog, words: WordClasses) {
        self.sentiment = sentiment
        self.rules = rules
        self.themes = themes
        self.signals = signals
        self.words = words
    }
}
