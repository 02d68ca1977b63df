/// One persona's reading of a dataset: its lenses and why, the ranked issues, the insight.
public struct PersonaReading: Sendable {
    public var persona: Persona
    public var lenses: [LensWeight]
    public var themeWeights: [ThemeWeight]
    public var issues: [RankedIssue]
    /// The insight in the persona's tone and detail level; lines joined by newlines.
    public var insight: String
    public var comments: Int
    public var lowConfidence: Bool
    /// Why the persona has no reading of this data, when it has none.
    public var unserved: String?
    /// The tabular analyses its goals chose, each with its insight and chart.
    public var analyses: [TabularResult] = []
    /// No lens matched the persona's words: the issues are the themes they name, ranked by
    /// complaints (volume × severity).
    public var namedThemesOnly = false
    /// Goals the data cannot answer, with what they would need (none listed when no data kind
    /// is known for the goal's words).
    public var unanswered: [AnalysisPlan.Unanswered] = []
}
