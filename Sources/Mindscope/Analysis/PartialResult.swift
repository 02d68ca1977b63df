import Foundation

/// The aggregate state of one part of an export (`mindscope analyze PART --partial OUT`), to
/// be merged with the other parts' (`mindscope merge`) into the readings of one run over the
/// whole export. JSON, documented in the README ("Partial results"):
///
/// ```
/// {"format": "mindscope-partial", "version": 1, "mindscope": "0.9.0",
///  "lexicons": "<fingerprint>", "setup": {…}, "state": {…}}
/// ```
///
/// `setup` holds the choices made before the rows were read (``AnalysisSetup``), equal in
/// every part of one export; `state` the counts, exact sums, kept quotes and quantile sketches
/// (``AnalysisState``). A partial of another format version, another mindscope version or
/// other lexicons is refused, as are partials whose setups differ.
public struct PartialResult: Sendable, Codable {
    public static let formatName = "mindscope-partial"
    /// Raised whenever the meaning of a field changes.
    public static let formatVersion = 1

    public var format = Self.formatName
    public var version = Self.formatVersion
    /// The version of mindscope that wrote it: states are merged only by the same version,
    /// which folds rows the same way.
    public var mindscope = MindscopeVersion.current
    /// ``LexiconSet/fingerprint`` of the lexicons it was made with.
    public var lexicons: String
    public var setup: AnalysisSetup
    public var state: AnalysisState

    public init(lexicons: String, setup: AnalysisSetup, state: AnalysisState) {
        self.lexicons = lexicons
        self.setup = setup
        self.state = state
    }

    /// Infinities (the minimum of no values) and NaN as JSON strings.
    static let nonConforming = (positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")

    /// The partial as JSON, keys sorted. `path`: where it goes, for the message should it fail.
    public func encoded(for path: String) throws(MindscopeError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: Self.nonConforming.positiveInfinity,
                                                                      negativeInfinity: Self.nonConforming.negativeInfinity, nan: Self.nonConforming.nan)
        do { return try encoder.encode(self) } catch { throw .partial(path: path, message: "cannot be written: \(error)") }
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: nonConforming.positiveInfinity,
                                                                        negativeInfinity: nonConforming.negativeInfinity, nan: nonConforming.nan)
        return decoder
    }

    /// Reads a partial, checking its format and version before anything else.
    public static func read(_ path: String) throws(MindscopeError) -> PartialResult {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        struct Header: Decodable { var format: String?; var version: Int?; var mindscope: String? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), header.format == formatName else {
            throw .partial(path: path, message: "not a mindscope partial result (expected a JSON object with \"format\": \"\(formatName)\", as `mindscope analyze FILE --partial OUT` writes)")
        }
        guard header.version == formatVersion else {
            throw .partial(path: path, message: "partial format version \(header.version.map(String.init) ?? "none"); this mindscope merges version \(formatVersion): make every partial with this mindscope")
        }
        guard header.mindscope == MindscopeVersion.current else {
            throw .partial(path: path, message: "written by mindscope \(header.mindscope ?? "of unknown version"), this is \(MindscopeVersion.current): make every partial with the same mindscope as the merge")
        }
        do {
            return try decoder.decode(PartialResult.self, from: data)
        } catch {
            throw .partial(path: path, message: "damaged partial result: \(Self.describe(error))")
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: "no \"\(key.stringValue)\" at \(path(context))"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?: "unexpected value at \(path(context))"
        case .dataCorrupted(let context)?: "\(context.debugDescription) at \(path(context))"
        default: "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.isEmpty ? "the top" : context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    /// Merges partials read from `paths` (in any order: the result is the same), checking that
    /// they were made with `lexicons` and with one setup.
    public static func merge(_ partials: [(path: String, partial: PartialResult)], lexicons: String) throws(MindscopeError) -> PartialResult {
        guard var merged = partials.first?.partial else { throw .partial(path: "merge", message: "no partial result given") }
        for (path, partial) in partials {
            guard partial.lexicons == lexicons else {
                throw .partial(path: path, message: "made with other lexicons (fingerprint \(partial.lexicons), these are \(lexicons)): give merge the same --lexicons, --themes, --add-themes and --sentiment-lexicon as the partials had")
            }
            guard partial.setup == merged.setup else {
                throw .partial(path: path, message: "made with other choices than \(partials[0].path) (\(merged.setup.difference(from: partial.setup))): "
                               + "parts of one export merge only when each was read with the same head (--head) and the same options")
            }
        }
        for (_, partial) in partials.dropFirst() { merged.state.merge(partial.state) }
        return merged
    }
}

extension AnalysisSetup {
    /// The first choice that differs, in words.
    func difference(from other: AnalysisSetup) -> String {
        if shape.path != other.shape.path { return "input '\(shape.path)' against '\(other.shape.path)'" }
        if shape != other.shape { return "columns or their roles differ" }
        if personas != other.personas || explicit != other.explicit { return "personas differ" }
        if domain != other.domain { return "theme packs \(domain.packs) against \(other.domain.packs)" }
        if discovered != other.discovered { return "discovered topics differ" }
        if learned != other.learned { return "learned phrases differ" }
        if ratingScale != other.ratingScale { return "rating scale \(ratingScale ?? "none") against \(other.ratingScale ?? "none")" }
        return "setups differ"
    }
}
