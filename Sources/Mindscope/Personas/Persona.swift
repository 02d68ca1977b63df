/// Who the insights are for: the seed's persona fields, plus optional explicit weights.
///
/// ```json
/// {"name": "CFO / Small Business Owner", "description": "…",
///  "goals": ["Protect profit margins"], "pain_points": ["Losing high-value customers"],
///  "preferences": {"tone": "practical", "detail_level": "medium"},
///  "traits": {"data_driven": true},
///  "lens_weights": {"revenue_risk": 1.0}, "theme_weights": {"price": 1.5},
///  "domains": ["retail"]}
/// ```
public struct Persona: Sendable, Hashable, Codable {
    public enum DetailLevel: String, Sendable, CaseIterable, Codable { case low, medium, high }

    enum CodingKeys: String, CodingKey {
        case id, name, description, goals, painPoints, tone, detailLevel, traits, lensWeights, themeWeights, domains
    }

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
    /// The data the persona is written for: theme packs (`retail`, `banking`, the `pack = ` ids
    /// of `lexicons/themes/`) and column roles (`churned`, `rating`, …; ``columnRoleDomains``).
    /// Empty: any data. Checked against the packs in use by ``validateDomains(_:path:)``.
    public var domains: [String]
    /// The line each field was written on in the persona file (dotted field, `domains.0` for a
    /// list item), so later checks can name `FILE:LINE`; empty for a persona made in code.
    var fieldLines: [String: Int] = [:]

    public init(id: String, name: String, description: String = "", goals: [String] = [], painPoints: [String] = [],
                tone: String = "neutral", detailLevel: DetailLevel = .medium, traits: [String: String] = [:],
                lensWeights: [String: Double] = [:], themeWeights: [String: Double] = [:], domains: [String] = []) {
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
        self.domains = domains
    }
}
