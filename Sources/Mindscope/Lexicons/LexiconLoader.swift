import Foundation
import MindscopeText

/// Reads the lexicon files from disk into the text core's ``Lexicons``.
///
/// The folder holds `sentiment.tsv`, `feedback.tsv`, `emoji.tsv` (word valences, later files
/// winning), `negators.txt`, `intensifiers.tsv`, `contrast.tsv`, `idioms.tsv`, `themes/` (the
/// theme packs: `base.txt` and one file per domain),
/// `signals.txt`, `columns.txt`, `goals.txt`, `narration.txt`, `analyses.txt`, `rating_words.tsv`,
/// `background.tsv` (general-English word frequencies)
/// `flags.tsv` and `months.tsv`. Each file says in its
/// header what it holds.
public struct LexiconLoader: Sendable {
    /// The word-valence files loaded by default, in order.
    public static let defaultSentimentFiles = ["sentiment.tsv", "feedback.tsv", "emoji.tsv"]

    public var directory: URL
    /// Replaces the default word-valence files (a user's own, or VADER's `vader_lexicon.txt`).
    public var sentimentFiles: [URL]?
    /// Replaces the theme packs of `themes/`.
    public var themeFiles: [URL]?
    /// Theme files loaded after the themes, adding or replacing themes by id.
    public var extraThemeFiles: [URL] = []

    public init(directory: URL) {
        self.directory = directory
    }

    /// Everything loaded, plus duplicate warnings (`file:line`).
    public func load() throws(MindscopeError) -> LexiconSet {
        var warnings: [LexiconError] = []
        var fingerprint = LexiconFingerprint()
        func read(_ url: URL) throws(MindscopeError) -> (String, String) {
            let data: Data
            do { data = try Data(contentsOf: url) } catch { throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription) }
            fingerprint.add(name: url.lastPathComponent, data: data)
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
        func pack(_ url: URL, known: [String: ThemeInfo] = [:]) throws(MindscopeError) -> ThemePack {
            let id = url.deletingPathExtension().lastPathComponent
            return try parse(url) { (contents: String, path: String) throws(LexiconError) in
                try ThemePack.parse(contents, source: path, id: TopicCatalog.isSnakeCase(id) ? id : "custom", known: known)
            }
        }
        func topics(_ urls: [URL]) throws(MindscopeError) -> TopicCatalog {
            var catalog = TopicCatalog()
            for url in urls { catalog = catalog.overlaid(with: try parse(url, TopicCatalog.parse)) }
            return catalog
        }

        // A file `--save-learned` wrote holds learned phrases: it adds to the shipped valences
        // rather than replacing them.
        var learned: LearnedLexicon?
        var valenceFiles: [URL] = []
        for url in sentimentFiles ?? [] {
            let (contents, path) = try read(url)
            guard LearnedLexicon.isLearned(contents) else { valenceFiles.append(url); continue }
            do {
                let loaded = try LearnedLexicon.parse(contents, source: path)
                warnings += loaded.warnings
                learned = LearnedLexicon(entries: (learned?.entries ?? []) + loaded.value.entries,
                                         origin: [learned?.origin, path].compactMap { $0 }.joined(separator: ", "))
            } catch {
                throw .lexicon(error)
            }
        }
        var sentiment = SentimentLexicon()
        for url in valenceFiles.isEmpty ? Self.defaultSentimentFiles.map(file) : valenceFiles {
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
        let library = try themeLibrary(pack)
        let words = try parse(file("word_classes.tsv"), WordClasses.parse)
        let lexicons = Lexicons(sentiment: sentiment, rules: rules, themes: TopicCatalog(), signals: try topics([file("signals.txt")]), words: words)
        let values = ValueVocabulary(ratingWords: try parse(file("rating_words.tsv"), ValueVocabulary.parseRatingWords),
                                     flags: try parse(file("flags.tsv"), ValueVocabulary.parseFlags),
                                     months: try parse(file("months.tsv"), ValueVocabulary.parseMonths))
        var set = LexiconSet(lexicons: lexicons, columns: try topics([file("columns.txt")]), goals: try topics([file("goals.txt")]),
                             narration: try parse(file("narration.txt"), NarrationTemplates.parse),
                             analyses: try parse(file("analyses.txt"), AnalysisCatalog.parse),
                             values: values, themeLibrary: library, baseSentiment: sentiment,
                             frequencies: try parse(file("background.tsv"), WordFrequencies.parse), warnings: warnings)
        set.learned = learned
        set.warnings = warnings
        set.fingerprint = fingerprint.description
        return try set.resolved(.packs([]), sample: [])
    }

    /// The theme packs of `themes/` (base first, then every other `.txt`), the replacement
    /// files and the additions. Each domain pack refines base; its guards on base cues are
    /// checked against the merged theme.
    private func themeLibrary(_ pack: (URL, [String: ThemeInfo]) throws(MindscopeError) -> ThemePack) throws(MindscopeError) -> ThemeLibrary {
        let folder = directory.appendingPathComponent("themes")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        var base: ThemePack?
        var domains: [ThemePack] = []
        if themeFiles == nil {
            guard names.contains("base.txt") else {
                throw .unreadable(path: folder.appendingPathComponent("base.txt").path, reason: "no such file: the theme packs need base.txt")
            }
            let loadedBase = try pack(folder.appendingPathComponent("base.txt"), [:])
            base = loadedBase
            var seen = Dictionary(uniqueKeysWithValues: loadedBase.info.map { ($0.key, $0.value.source) })
            for name in names where name != "base.txt" {
                let domain = try pack(folder.appendingPathComponent(name), loadedBase.info)
                for topic in domain.themes {
                    let info = domain.info[topic.id]!
                    if domain.refinements.contains(topic.id), let refined = loadedBase.themes.first(where: { $0.id == topic.id }) {
                        let available = (refined.phrases + topic.phrases).map(\.pattern.description)
                        do { try TopicCatalog.checkGuards(topic, available: available, source: info.file) } catch { throw .lexicon(error) }
                    } else if let first = seen[topic.id] {
                        throw .lexicon(LexiconError(source: info.file, line: info.line,
                                                    problem: .conflict("theme id [\(topic.id)] is already defined at \(first); theme ids are unique across packs")))
                    } else {
                        seen[topic.id] = info.source
                    }
                }
                domains.append(domain)
            }
        }
        var replacement: [ThemePack]?
        if let themeFiles {
            replacement = []
            for url in themeFiles { replacement?.append(try pack(url, [:])) }
        }
        var additions: [ThemePack] = []
        for url in extraThemeFiles { additions.append(try pack(url, [:])) }
        return ThemeLibrary(base: base, domains: domains, replacement: replacement, additions: additions)
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
    /// Rating words, yes/no values and month names (`rating_words.tsv`, `flags.tsv`, `months.tsv`).
    public var values: ValueVocabulary
    /// Every theme pack and theme file; ``themes`` are the ones this set tags with.
    public var themeLibrary: ThemeLibrary
    /// The word valences before any pack's overrides.
    public var baseSentiment: SentimentLexicon
    /// General-English word frequencies (`background.tsv`): discovery's background, and what
    /// tells learning a function word.
    public var frequencies: WordFrequencies
    /// Learned phrase valences loaded with `--sentiment-lexicon` (a file `--save-learned` wrote).
    public var learned: LearnedLexicon?
    /// The active themes (in ``lexicons`` too), with their lenses.
    public var themes = ThemeSet(catalog: TopicCatalog(), info: [:], valence: [:], packs: [], notes: [])
    /// How the active packs were chosen.
    public var domain = DomainChoice(packs: [], why: "")
    /// Duplicates and skipped lines, each with `file:line`.
    public var warnings: [LexiconError]
    /// A digest of every file loaded, by name and content (``LexiconFingerprint``): partial
    /// results made with other lexicons are not merged.
    public var fingerprint = ""
}

/// Two 64-bit FNV-1a digests of the lexicon files read, in order, each by its file name and
/// bytes: the same files give the same fingerprint wherever they are; any edit changes it.
/// (To tell lexicons apart, not to resist tampering.)
struct LexiconFingerprint: CustomStringConvertible {
    private var a: UInt64 = 0xCBF2_9CE4_8422_2325
    private var b: UInt64 = 0x84222325_CBF29CE4
    private var files = 0

    mutating func add(name: String, data: Data) {
        files += 1
        for byte in name.utf8 { mix(byte) }
        mix(0)
        data.withUnsafeBytes { for byte in $0 { mix(byte) } }
        mix(0)
    }

    private mutating func mix(_ byte: UInt8) {
        a = (a ^ UInt64(byte)) &* 0x100_0000_01B3
        b = (b ^ UInt64(byte ^ 0x5A)) &* 0x100_0000_01B3
    }

    var description: String { String(format: "%016llx%016llx-%d", a, b, files) }
}

extension LexiconSet {
    /// This set with its themes chosen: the packs named, or (auto) those that fit `sample`
    /// best; with `--themes`, the replacement files. The chosen packs' valence overrides apply.
    public func resolved(_ request: DomainRequest, sample: [String]) throws(MindscopeError) -> LexiconSet {
        var result = self
        if themeLibrary.replacement != nil {
            let files = (themeLibrary.replacement ?? []).map(\.source).joined(separator: ", ")
            result.domain = DomainChoice(packs: [], why: "themes replaced by \(files) (--themes): no pack is chosen")
        } else {
            switch request {
            case .packs(let ids):
                for id in ids where !themeLibrary.domainIDs.contains(id) {
                    // A typo of a pack id, else a pack whose description names the word ("hotel": food).
                    let described = themeLibrary.domains.first { id.count >= 3 && $0.description.lowercased().contains(id) }?.id
                    let hint = (Suggestion.nearest(to: id, among: themeLibrary.domainIDs) ?? described).map { "did you mean '\($0)'? " } ?? ""
                    throw .unknownDomain(id, hint: hint + "packs: \(themeLibrary.domainIDs.joined(separator: ", ")), or auto")
                }
                result.domain = DomainChoice(packs: ids, why: ids.isEmpty ? "the general themes only (price, customer service)" : "named with --domain")
            case .auto:
                let selector = DomainSelector(library: themeLibrary, tokenizer: Tokenizer(emoticons: baseSentiment.emoticonCandidates, quantityUnits: lexicons.words.quantityUnits))
                result.domain = selector.choose(sample)
            }
        }
        result.themes = themeLibrary.themes(packs: result.domain.packs)
        result.lexicons.themes = result.themes.catalog
        result.lexicons.sentiment = result.themes.valence.isEmpty ? baseSentiment : baseSentiment.overlaid(with: SentimentLexicon(result.themes.valence))
        return result
    }

    /// Reads the first comments of `reader` (kept for its next calls: the file is read once)
    /// and returns this set resolved for them.
    public func resolved(_ request: DomainRequest, for reader: SurveyReader, report: (String) -> Void) throws(MindscopeError) -> LexiconSet {
        guard request == .auto, themeLibrary.replacement == nil, !reader.roles.all(.text).isEmpty else {
            return try resolved(request, sample: [])
        }
        let sample = try reader.readAhead(DomainSelector.sampleSize, bytes: DomainSelector.sampleBytes, report: report)
        return try resolved(request, sample: sample.map(\.text))
    }
}
