/// Who the insights are for: the seed's persona fields, plus optional explicit weights.
///
/// ```json
/// {"name": "CFO / Small Business Owner", "description": "…",
///  "goals": ["Protect profit margins"], "pain_points": ["Losing high-value customers"],
///  "preferences": {"tone": "practical", "detail_level": "medium"},
///  "traits": {"data_driven": true},
///  "lens_weights": {"revenue_risk": 1.0}, "theme_weights": {"price": 1.5}}
/// ```
public struct Persona: Sendable, Hashable {
    public enum DetailLevel: String, Sendable, CaseIterable { case low, medium, high }

    /// The file name without `.json`, or the `id` field.
    public var id: String
    public var name: String
    public var description: String
    public var goals: [String]
    public var painPoints: [String]
    /// How insights should sound: `practical`, `concise`, `insightful`, `trustworthy`, … (free
    /// text; narration templates exist for those four and fall back to a neutral voice).
    public var tone: String
    public var detailLevel: DetailLevel
    /// Free-form traits (`data_driven`, `visual_learner`, …), kept as written.
    public var traits: [String: String]
    /// Explicit lens weights (lens id → weight ≥ 0); empty means derived from goals.
    public var lensWeights: [String: Double]
    /// Explicit theme weights (theme id → weight ≥ 0); empty means derived from goals.
    public var themeWeights: [String: Double]

    public init(id: String, name: String, description: String = "", goals: [String] = [], painPoints: [String] = [],
                tone: String = "neutral", detailLevel: DetailLevel = .medium, traits: [String: String] = [:],
                lensWeights: [String: Double] = [:], themeWeights: [String: Double] = [:]) {
        self.id = id
        self.name = name
        self.description = description
        self.goals = goals
        self.painPoints = painPoints
        self.tone = tone
        self.detailLevel = detailLevel
        self.traits = traits
        self.lensWeights = lensWeights
        self.themeWeights = themeWeights
    }
}
