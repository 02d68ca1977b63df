import MindscopeText

/// Which lenses and theme emphases a persona calls for: explicit weights from its file, or
/// derived from its goals and pain points (``GoalMatches``).
///
/// - A lens's weight is the number of statements calling for it over the highest such number.
/// - A theme is emphasised (×``mentionedThemeWeight``) only when `theme_weights` says so, or
///   when a goal or pain point names the theme itself; a cue word alone ("complaints") names
///   nothing.
public struct LensSelection: Sendable {
    public var lenses: [LensWeight]
    public var themes: [ThemeWeight]
    /// The themes the persona's words name, with why, whether or not they are weighted: the
    /// reading of a persona whose goals call for no lens ranks these.
    public var named: [ThemeWeight]

    /// How much a theme that the persona's own words name counts, against 1 for the others.
    public static let mentionedThemeWeight = 1.5

    public init(persona: Persona, goals: GoalMatches) {
        func explain(_ statement: GoalMatches.Statement, _ words: [String]) -> String {
            "\(statement.kind.rawValue) '\(statement.text)': \(words.sorted().joined(separator: ", "))"
        }
        if persona.lensWeights.isEmpty {
            let calls = Dictionary(grouping: goals.statements.flatMap { statement in statement.lenses.map { (lens: $0.key, statement, words: $0.value) } },
                                   by: \.lens)
            let most = Double(calls.values.map(\.count).max() ?? 0)
            lenses = Lens.allCases.compactMap { lens in
                guard let found = calls[lens], most > 0 else { return nil }
                return LensWeight(lens: lens, weight: Double(found.count) / most,
                                  why: found.map { explain($0.1, $0.words) }.joined(separator: "; "), statements: found.map(\.1.text))
            }
        } else {
            lenses = Lens.allCases.compactMap { lens in
                persona.lensWeights[lens.rawValue].flatMap { $0 > 0 ? LensWeight(lens: lens, weight: $0, why: "set in the persona file") : nil }
            }
        }
        lenses.sort { $0.weight > $1.weight || ($0.weight == $1.weight && Lens.allCases.firstIndex(of: $0.lens)! < Lens.allCases.firstIndex(of: $1.lens)!) }

        named = goals.namedThemes.map { theme, statements in
            ThemeWeight(theme: theme, weight: Self.mentionedThemeWeight,
                        why: statements.map { explain($0, $0.themes[theme] ?? []) + " names the theme" }.joined(separator: "; "))
        }.sorted { $0.theme < $1.theme }
        if persona.themeWeights.isEmpty {
            themes = named
        } else {
            themes = persona.themeWeights.map { ThemeWeight(theme: $0.key, weight: $0.value, why: "set in the persona file") }
                .sorted { $0.theme < $1.theme }
        }
    }

    public func weight(of theme: String) -> Double { themes.first { $0.theme == theme }?.weight ?? 1 }
}
