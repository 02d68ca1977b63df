import Foundation
import Mindscope
@_spi(Testing) import MindscopeText

/// What each fuzz target does with one input. An input must end in a result or a reported
/// error: a crash, a trap or a hang is a bug. The text target also checks the tokenizer's
/// promises (ranges slice the text in order, only white space or control characters between
/// tokens: a NUL or an escape carries no meaning and is dropped, found by this fuzzer).
public enum FuzzHarness {
    public enum Target: String, CaseIterable, Sendable {
        /// Survey readers: the bytes as a .csv, .tsv or .jsonl export, every row read and analysed.
        case csv, tsv, jsonl
        /// Tokenizer, sentiment scorer, themes: the bytes as one comment.
        case text
        /// Persona loader: the bytes as a persona JSON file.
        case persona
        /// Lexicon loaders: the first byte picks the file kind, the rest is its contents.
        case lexicon
        /// The tokenizer's ASCII fast path against the ICU path: the bytes with their high bit
        /// cleared as one comment (and the bytes as they are, for the byte classification of
        /// ASCII segments in other text).
        case tokenizerASCII = "tokenizer-ascii"
    }

    static let lexicons: LexiconSet = {
        let directory = DataFolder.sourceCheckout.appendingPathComponent("lexicons")
        do { return try LexiconLoader(directory: directory).load() } catch { fatalError("shipped lexicons do not load: \(error)") }
    }()

    /// Every pack at once: the most cues, guards and phrases for a comment to meet.
    static let analyzer: TextAnalyzer = {
        do { return TextAnalyzer(lexicons: try lexicons.resolved(.packs(lexicons.themeLibrary.domainIDs), sample: []).lexicons) }
        catch { fatalError("the shipped packs do not merge: \(error)") }
    }()


    public static func run(_ target: Target, _ data: Data) {
        switch target {
        case .csv, .tsv, .jsonl: readSurvey(data, as: target.rawValue)
        case .text: analyze(String(decoding: data, as: UTF8.self))
        case .persona: _ = try? Persona.parse(data, path: "fuzz.json")
        case .lexicon: loadLexicon(data)
        case .tokenizerASCII: compareTokenizerPaths(data)
        }
    }

    static func compareTokenizerPaths(_ data: Data) {
        for text in [String(decoding: data.map { $0 & 0x7F }, as: UTF8.self), String(decoding: data, as: UTF8.self)] {
            if let difference = analyzer.tokenizer.fastPathDifference(text) {
                preconditionFailure("the tokenizer's fast path and ICU path differ on \(text.debugDescription): \(difference)")
            }
        }
    }

    static func readSurvey(_ data: Data, as format: String) {
        // The readers take a path: one scratch file per input (tests replay inputs in parallel).
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mindscope-fuzz-\(UUID().uuidString).\(format)").path
        guard FileManager.default.createFile(atPath: path, contents: data) else { fatalError("cannot write \(path)") }
        defer { unlink(path) }
        guard let reader = try? SurveyReader(path: path, format: InputFormat(rawValue: format), columnSynonyms: lexicons.columns,
                                             vocabulary: lexicons.values, overrides: []) else { return }
        var rows = 0
        while let record = try? reader.next(report: { _ in }) {
            if rows < 64 { analyze(record.text) }
            rows += 1
        }
    }

    static func analyze(_ text: String) {
        let result = analyzer.analyze(text)
        let tokens = result.text.tokens
        let utf8 = Array(text.utf8)
        var end = 0
        for token in tokens {
            precondition(token.range.lowerBound >= end && token.range.upperBound <= utf8.count && !token.range.isEmpty,
                         "token ranges must be in order, inside the text and not empty")
            precondition(utf8[end..<token.range.lowerBound].allSatisfy { $0 <= 0x20 || $0 == 0x7F || $0 >= 0x80 },
                         "only white space or control characters may fall between tokens")
            end = token.range.upperBound
        }
        precondition(result.sentiment.score.isFinite && (-1...1).contains(result.sentiment.score), "the score is in [-1, 1]")
        for theme in result.themes { precondition(theme.score.isFinite, "theme scores are finite") }
    }

    static func loadLexicon(_ data: Data) {
        guard let kind = data.first else { return }
        let contents = String(decoding: data.dropFirst(), as: UTF8.self)
        var rules = SentimentRules()
        switch kind % 9 {
        case 0: _ = try? SentimentLexicon.parse(contents, source: "fuzz.tsv")
        case 1:
            _ = try? TopicCatalog.parse(contents, source: "fuzz.txt")
            if let pack = try? ThemePack.parse(contents, source: "fuzz.txt", id: "fuzz") {
                _ = ThemeLibrary(base: nil, domains: [], additions: [pack.value]).themes(packs: [])
            }
        case 2: _ = try? rules.addNegators(contents, source: "negators.txt")
        case 3: _ = try? rules.addIntensifiers(contents, source: "intensifiers.tsv")
        case 4: _ = try? rules.addContrast(contents, source: "contrast.tsv")
        case 5: _ = try? rules.addIdioms(contents, source: "idioms.tsv")
        case 6: _ = try? AnalysisCatalog.parse(contents, source: "analyses.txt")
        case 7: _ = try? NarrationTemplates.parse(contents, source: "narration.txt")
        default: _ = try? ValueVocabulary.parseRatingWords(contents, source: "rating_words.tsv")
        }
    }
}
