/// Everything the text core reads from `lexicons/`, already parsed.
public struct Lexicons: Sendable {
    public var sentiment: SentimentLexicon
    public var rules: SentimentRules
    public var themes: TopicCatalog
    public var signals: TopicCatalog

    public init(sentiment: SentimentLexicon, rules: SentimentRules, themes: TopicCatalog, signals: TopicCatalog) {
        self.sentiment = sentiment
        self.rules = rules
        self.themes = themes
        self.signals = signals
    }
}
