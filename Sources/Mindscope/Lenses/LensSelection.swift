import MindscopeText

/// Which lenses and theme emphases a persona calls for: explicit weights from its file, or
/// derived from its goals and pain points with the goals lexicon (`lexicons/goals.txt`) and the
/// theme cues (`lexicons/themes.txt`), read with the same tokenizer as the comments.
public struct LensSelection: Sendable {
    public var lenses: [LensWeight]
    public var themes: [ThemeWeight]

    /// How much a theme that the persona's own words name counts, against 1 for the others.
    public static let mentionedThemeWeight = 1.5

    public init(persona: Persona, goals: TopicCatalog, themes catalog: TopicCatalog, tokenizer: Tokenizer) {
        let statements = persona.goals.map { ("goal", $0) } + persona.painPoints.map { ("pain point", $0) }
        func hits(_ catalog: TopicCatalog) -> [String: [(kind: String, text: String, cues: [String])]] {
            var found: [String: [(kind: String, text: String, cues: [String])]] = [:]
            for (kind, statement) in statements {
                let matches = catalog.matches(in: tokenizer.tokenize(statement))
                for (topic, group) in Dictionary(grouping: matches, by: \.topic) {
                    let text = tokenizer.tokenize(statement)
                    let words = group.map { match in
                        match.tokens.map { String(text.text(of: text.tokens[$0])) }.joined(separator: " ")
                    }
                    found[topic, default: []].append((kind, statement, Array(Set(words)).sorted()))
                }
            }
            return found
        }
        func explain(_ hits: [(kind: String, text: String, cues: [String])]) -> String {
            hits.map { "\($0.kind) '\($0.text)': \($0.cues.joined(separator: ", "))" }.joined(separator: "; ")
        }

        if persona.lensWeights.isEmpty {
            let lensHits = hits(goals)
            let most = Double(lensHits.values.map(\.count).max() ?? 0)
            lenses = Lens.allCases.compactMap { lens in
                guard let found = lensHits[lens.rawValue], most > 0 else { return nil }
                return LensWeight(lens: lens, weight: Double(found.count) / most, why: explain(found), statements: found.map(\.text))
            }
        } else {
            lenses = Lens.allCases.compactMap { lens in
                persona.lensWeights[lens.rawValue].flatMap { $0 > 0 ? LensWeight(lens: lens, weight: $0, why: "set in the persona file") : nil }
            }
        }
        lenses.sort { $0.weight > $1.weight || ($0.weight == $1.weight && Lens.allCases.firstIndex(of: $0.lens)! < Lens.allCases.firstIndex(of: $1.lens)!) }

        if persona.themeWeights.isEmpty {
            themes = hits(catalog).map { ThemeWeight(theme: $0.key, weight: Self.mentionedThemeWeight, why: explain($0.value)) }
                .sorted { $0.theme < $1.theme }
        } else {
            themes = persona.themeWeights.map { ThemeWeight(theme: $0.key, weight: $0.value, why: "set in the persona file") }
                .sorted { $0.theme < $1.theme }
        }
    }

    public func weight(of theme: String) -> Double { themes.first { $0.theme == theme }?.weight ?? 1 }
}
