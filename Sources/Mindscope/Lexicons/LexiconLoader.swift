import Foundation
import MindscopeText

/// Reads the lexicon files from disk into the text core's ``Lexicons``.
///
/// The folder holds `sentiment.tsv`, `feedback.tsv`, `emoji.tsv` (word valences, later files
/// winning), `negators.txt`, `intensifiers.tsv`, `contrast.tsv`, `idioms.tsv`, `themes.txt`,
/// `signals.txt`, `columns.txt`, `goals.txt`, `narration.txt`, `analyses.txt`, `rating_words.tsv`
/// and `flags.tsv`. Each file says in its
/// header what it holds.
public struct LexiconLoader: Sendable {
    /// The word-valence files loaded by default, in order.
    public static let defaultSentimentFiles = ["sentiment.tsv", "feedback.tsv", "emoji.tsv"]

    public var directory: URL
    /// Replaces the default word-valence files (a user's own, or VADER's `vader_lexicon.txt`).
    public var sentimentFiles: [URL]?
    /// Replaces `themes.txt`.
    public var themeFiles: [URL]?
    /// Theme files loaded after the themes, adding or replacing themes by id.
    public var extraThemeFiles: [URL] = []

    public init(directory: URL) {
        self.directory = directory
    }

    /// Everything loaded, plus duplicate warnings (`file:line`).
    public func load() throws(MindscopeError) -> LexiconSet {
        var warnings: [LexiconError] = []
        func read(_ url: URL) throws(MindscopeError) -> (String, String) {
            let data: Data
            do { data = try Data(contentsOf: url) } catch { throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription) }
            guard let text = String(validating: data, as: UTF8.self) else {
                let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
                let line = (lines.firstIndex { String(validating: $0, as: UTF8.self) == nil } ?? 0) + 1
                throw .lexicon(LexiconError(source: url.path, line: line, problem: .malformedLine("not UTF-8 text; save the file as UTF-8")))
            }
            return (text, url.path)
        }
        func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
        func parse<T>(_ url: URL, _ parser: (String, String) throws(LexiconError) -> Loaded<T>) throws(MindscopeError) -> T {
            let (contents, path) = try read(url)
            do {
                let loaded = try parser(contents, path)
                warnings += loaded.warnings
                return loaded.value
            } catch {
                throw .lexicon(error)
            }
        }
        func topics(_ urls: [URL]) throws(MindscopeError) -> TopicCatalog {
            var catalog = TopicCatalog()
            for url in urls { catalog = catalog.overlaid(with: try parse(url, TopicCatalog.parse)) }
            return catalog
        }

        var sentiment = SentimentLexicon()
        for url in sentimentFiles ?? Self.defaultSentimentFiles.map(file) {
            sentiment = sentiment.overlaid(with: try parse(url, SentimentLexicon.parse))
        }
        var rules = SentimentRules()
        let ruleFiles: [(String, (inout SentimentRules, String, String) throws(LexiconError) -> [LexiconError])] = [
            ("negators.txt", { (r: inout SentimentRules, c: String, s: String) throws(LexiconError) in try r.addNegators(c, source: s) }),
            ("intensifiers.tsv", { (r: inout SentimentRules, c: String, s: String) throws(LexiconError) in try r.addIntensifiers(c, source: s) }),
            ("contrast.tsv", { (r: inout SentimentRules, c: String, s: String) throws(LexiconError) in try r.addContrast(c, source: s) }),
            ("idioms.tsv", { (r: inout SentimentRules, c: String, s: String) throws(LexiconError) in try r.addIdioms(c, source: s) }),
        ]
        for (name, add) in ruleFiles {
            let (contents, path) = try read(file(name))
            do { warnings += try add(&rules, contents, path) } catch { throw .lexicon(error) }
        }
        let themes = try topics((themeFiles ?? [file("themes.txt")]) + extraThemeFiles)
        let lexicons = Lexicons(sentiment: sentiment, rules: rules, themes: themes, signals: try topics([file("signals.txt")]))
        let values = ValueVocabulary(ratingWords: try parse(file("rating_words.tsv"), ValueVocabulary.parseRatingWords),
                                     flags: try parse(file("flags.tsv"), ValueVocabulary.parseFlags))
        return LexiconSet(lexicons: lexicons, columns: try topics([file("columns.txt")]), goals: try topics([file("goals.txt")]),
                          narration: try parse(file("narration.txt"), NarrationTemplates.parse),
                          analyses: try parse(file("analyses.txt"), AnalysisCatalog.parse),
                          values: values, warnings: warnings)
    }
}

/// The text core's lexicons and the survey-input vocabularies, as loaded from one folder.
public struct LexiconSet: Sendable {
    public var lexicons: Lexicons
    /// Header synonyms per column role (`columns.txt`).
    public var columns: TopicCatalog
    /// Goal words per lens (`goals.txt`).
    public var goals: TopicCatalog
    /// Phrasing templates (`narration.txt`).
    public var narration: NarrationTemplates
    /// Analyses of tabular data (`analyses.txt`).
    public var analyses: AnalysisCatalog
    /// Rating words and yes/no values (`rating_words.tsv`, `flags.tsv`).
    public var values: ValueVocabulary
    /// Duplicates and skipped lines, each with `file:line`.
    public var warnings: [LexiconError]
}
