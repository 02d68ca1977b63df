import Foundation
import Mindscope
import MindscopeText

/// Shared test fixtures: the repository's own lexicons and corpora, loaded once.
public enum Fixtures {
    /// The repository root, from this file's place in `Tests/TestSupport/`.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let lexiconDirectory = root.appendingPathComponent("lexicons")

    public static func corpus(_ name: String) -> String { root.appendingPathComponent("corpora/\(name)").path }

    /// A test fixture file under `Tests/Fixtures/`.
    public static func fixture(_ name: String) -> String { root.appendingPathComponent("Tests/Fixtures/\(name)").path }

    /// Opens an export with the shipped vocabularies.
    public static func survey(_ path: String, overrides: [(ColumnRoles.Role, String)] = [], strict: Bool = false) throws -> SurveyReader {
        let reader = try SurveyReader(path: path, columnSynonyms: loaded.columns, vocabulary: loaded.values, overrides: overrides)
        reader.strict = strict
        return reader
    }

    /// Every record of an export, with the problems reported.
    public static func records(_ path: String, overrides: [(ColumnRoles.Role, String)] = []) throws -> (reader: SurveyReader, records: [FeedbackRecord], reports: [String]) {
        let reader = try survey(path, overrides: overrides)
        var records: [FeedbackRecord] = []
        var reports: [String] = []
        while let record = try reader.next(report: { reports.append($0) }) { records.append(record) }
        return (reader, records, reports)
    }

    /// The shipped lexicons, with the warnings loading them raised.
    public static let loaded: LexiconSet = {
        do {
            return try LexiconLoader(directory: lexiconDirectory).load()
        } catch {
            fatalError("shipped lexicons do not load: \(error)")
        }
    }()

    /// The shipped lexicons with the themes of one or more packs (base and `packs`).
    public static func lexicons(packs: [String]) -> LexiconSet {
        do { return try loaded.resolved(.packs(packs), sample: []) } catch { fatalError("\(error)") }
    }

    /// The e-commerce reading (base and retail packs), for text tests of shop comments.
    public static let retail = lexicons(packs: ["retail"])
    public static let analyzer = TextAnalyzer(lexicons: retail.lexicons)

    /// An analyzer with the given packs.
    public static func analyzer(packs: [String]) -> TextAnalyzer { TextAnalyzer(lexicons: lexicons(packs: packs).lexicons) }

    public static let personas = PersonaLibrary(directory: root.appendingPathComponent("personas"))

    /// `analyze` on a file for the named personas (all shipped ones when none), with the
    /// domain chosen as the CLI chooses it.
    public static func analyze(_ path: String, personas names: [String] = [], domain: DomainRequest = .auto) throws -> AnalysisResult {
        let library = Fixtures.personas
        let chosen = try names.isEmpty ? library.loadAll() : names.map { try library.load($0) }
        let reader = try survey(path)
        let set = try loaded.resolved(domain, for: reader, report: { _ in })
        return try FeedbackAnalysis(analyzer: TextAnalyzer(lexicons: set.lexicons), lexicons: set)
            .run(reader, personas: chosen, explicit: !names.isEmpty, report: { _ in })
    }

    /// A temporary file holding `contents`, removed when the process ends.
    public static func temporaryFile(_ contents: String, name: String = "input.csv") -> String {
        temporaryFile(Data(contents.utf8), name: name)
    }

    public static func temporaryFile(_ data: Data, name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mindscope-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: url.path, contents: data)
        return url.path
    }
}

extension TextAnalyzer {
    /// The comment's score, for short assertions.
    public func score(_ text: String) -> Double { analyze(text).sentiment.score }

    /// Theme id → label, for short assertions.
    public func themeLabels(_ text: String) -> [String: SentimentLabel] {
        Dictionary(analyze(text).themes.map { ($0.theme, $0.label) }, uniquingKeysWith: { a, _ in a })
    }
}
