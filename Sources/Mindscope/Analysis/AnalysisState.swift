/// The columns of an export as a reading uses them: kept with a partial result, so a merge
/// reads the partials as one run read the file, without the file.
public struct InputShape: Sendable, Codable, Equatable {
    /// The export's name in messages and output.
    public var path: String
    public var header: SurveyHeader
    public var roles: ColumnRoles

    public var segmentNames: [String] { roles.all(.segment).map { header.names[$0] } }
    public var timeColumn: String? { roles[.time].map { header.names[$0] } }
}

extension SurveyReader {
    public var shape: InputShape { InputShape(path: path, header: reader.header, roles: roles) }
}

/// What the rows of an export add up to, before any persona reads it: counts, exact sums,
/// kept quotes, quantile sketches, reading notes. The state of a part of a file merges with
/// the others' into the state of the whole, in any order and grouping (``merge(_:)``).
public struct AnalysisState: Sendable, Codable {
    public var aggregate: FeedbackAggregate
    public var tabular = TabularAggregate()
    /// Order values per currency.
    public var currencies: [String: Int] = [:]
    /// Rows without a comment.
    public var blank = 0
    /// Comments whose score a learned phrase moved.
    public var learnedComments = 0
    public var summary = InputSummary()
    public var notes = ReadingNotes()

    public init(aggregate: FeedbackAggregate) { self.aggregate = aggregate }

    public mutating func merge(_ other: AnalysisState) {
        aggregate.merge(other.aggregate)
        tabular.merge(other.tabular)
        for (currency, n) in other.currencies { currencies[currency, default: 0] += n }
        blank += other.blank
        learnedComments += other.learnedComments
        summary.merge(other.summary)
        notes.merge(other.notes)
    }
}

/// The choices an analysis makes before it reads the rows — columns, personas, theme packs,
/// discovered topics, learned phrases, rating scale — all from the export's head, so every
/// part of a file given the same head makes the same ones. Partials merge only when theirs
/// are equal.
public struct AnalysisSetup: Sendable, Codable, Equatable {
    public var shape: InputShape
    public var personas: [Persona]
    /// The personas were named by the user (a persona the data cannot serve is still shown).
    public var explicit: Bool
    public var domain: DomainChoice
    public var discovered: [DiscoveredTopics.Definition]
    /// What learning from the ratings gave (its `comments` counted in the state).
    public var learned: LearnedSummary?
    /// The rating scale rows were read on.
    public var ratingScale: String?
}
