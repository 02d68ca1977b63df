import MindscopeText

/// What each of a persona's goals and pain points asks for, matched once: the lenses its words
/// call for (`lexicons/goals.txt`), the analyses of tabular data (`lexicons/analyses.txt`), and
/// the themes it names.
///
/// A statement names a theme only through the theme itself: its id ("shipping_cost" as
/// "shipping cost") or a part of its name ("Returns and refunds" → "returns", "refunds"), in
/// singular or plural. A theme's cues are not enough: "customer complaints" says nothing of
/// customer service, though `complaint*` is one of its cues.
///
/// ```swift
/// let matches = GoalMatches(persona: persona, lenses: set.goals, analyses: set.analyses, themes: set.themes, tokenizer: tokenizer)
/// matches.statements[0].lenses  // [.roadmapBlockers: ["satisfaction"]]
/// matches.statements[0].themes  // ["support": ["support"]]
/// ```
public struct GoalMatches: Sendable {
    public struct Statement: Sendable, Hashable {
        public enum Kind: String, Sendable { case goal, painPoint = "pain point" }
        public var kind: Kind
        public var text: String
        /// Lens → the words of the statement that called for it.
        public var lenses: [Lens: [String]] = [:]
        /// Analysis id → the words that chose it, in the order first met.
        public var analyses: [(id: String, words: String)] = []
        /// Theme id → the words that name it.
        public var themes: [String: [String]] = [:]
        /// Themes whose cues the statement's words hold ("breakfast", "check-in"): not a
        /// naming (no emphasis), but the statement is about them, so their ranking answers it.
        public var about: Set<String> = []
        /// Segment columns the statement names ("across branches" → `Branch`): the breakdown of
        /// issues by that column answers it.
        public var segments: [String] = []

        public static func == (a: Statement, b: Statement) -> Bool { a.kind == b.kind && a.text == b.text }
        public func hash(into hasher: inout Hasher) { hasher.combine(kind); hasher.combine(text) }
    }

    public var statements: [Statement]

    public init(persona: Persona, lenses: TopicCatalog, analyses: AnalysisCatalog, themes: ThemeSet, tokenizer: Tokenizer,
                segmentColumns: [String] = []) {
        let names = Self.nameCatalog(themes.catalog)
        let columns = Self.columnCatalog(segmentColumns)
        let analysisGoals = analyses.goalCatalog
        statements = (persona.goals.map { (Statement.Kind.goal, $0) } + persona.painPoints.map { (.painPoint, $0) }).map { kind, text in
            let tokens = tokenizer.tokenize(text)
            func words(_ match: TopicMatch) -> String {
                match.tokens.map { String(tokens.text(of: tokens.tokens[$0])) }.joined(separator: " ")
            }
            var statement = Statement(kind: kind, text: text)
            for match in lenses.matches(in: tokens) {
                guard let lens = Lens(rawValue: match.topic) else { continue }
                let found = words(match)
                if !(statement.lenses[lens]?.contains(found) ?? false) { statement.lenses[lens, default: []].append(found) }
            }
            for match in analysisGoals.matches(in: tokens) where !statement.analyses.contains(where: { $0.id == match.topic }) {
                statement.analyses.append((match.topic, words(match)))
            }
            for match in names.matches(in: tokens) {
                let found = words(match)
                if !(statement.themes[match.topic]?.contains(found) ?? false) { statement.themes[match.topic, default: []].append(found) }
            }
            statement.about = Set(themes.catalog.matches(in: tokens).map(\.topic))
            for match in columns.matches(in: tokens) where !statement.segments.contains(match.topic) { statement.segments.append(match.topic) }
            return statement
        }
    }

    /// The themes the statements name, each with the statements that name it.
    public var namedThemes: [String: [Statement]] {
        var found: [String: [Statement]] = [:]
        for statement in statements { for theme in statement.themes.keys { found[theme, default: []].append(statement) } }
        return found
    }

    /// Each segment column's header words as a cue, singular or plural ("Branch", "Hotel Name" →
    /// `hotel name`, `hotel`).
    static func columnCatalog(_ columns: [String]) -> TopicCatalog {
        TopicCatalog(columns.map { column in
            let words = SurveyHeader.words(column.lowercased()).split(separator: " ").map(String.init).filter { $0 != "name" && $0 != "id" }
            var cues: [PhrasePattern] = []
            for phrase in [words.joined(separator: " ")] + (words.count > 1 ? [words[0]] : []) where !phrase.isEmpty {
                for form in plurals(phrase) {
                    if let pattern = PhrasePattern(form, normalize: Tokenizer.lookupForm), !cues.contains(pattern) { cues.append(pattern) }
                }
            }
            return Topic(id: column, name: column, cues: cues)
        })
    }

    /// A phrase and its last word's other number: "refund" and "refunds", "delivery" and
    /// "deliveries".
    static func plurals(_ phrase: String) -> [String] {
        let other = phrase.hasSuffix("ies") ? phrase.dropLast(3) + "y"
            : phrase.hasSuffix("s") && !phrase.hasSuffix("ss") ? String(phrase.dropLast())
            : phrase.hasSuffix("y") && !"aeiou".contains(phrase.dropLast().last ?? "a") ? phrase.dropLast() + "ies"
            : phrase.hasSuffix("ch") || phrase.hasSuffix("sh") || phrase.hasSuffix("x") ? phrase + "es"
            : phrase + "s"
        return [phrase, other]
    }

    /// Each theme's id and the parts of its name as cues: "Fit and sizing" → `fit`, `sizing`;
    /// "In-flight food, wifi and entertainment" → `in-flight food`, `wifi`, `entertainment`.
    static func nameCatalog(_ catalog: TopicCatalog) -> TopicCatalog {
        TopicCatalog(catalog.topics.map { topic in
            var phrases = [topic.id.replacingOccurrences(of: "_", with: " ")]
            for part in topic.name.lowercased().replacingOccurrences(of: " and ", with: ",").split(separator: ",") {
                phrases.append(String(part).trimmingSpaces())
            }
            var cues: [PhrasePattern] = []
            for phrase in phrases where !phrase.isEmpty {
                // The last word in singular and plural: "refund" names "Returns and refunds".
                for form in plurals(phrase) {
                    if let pattern = PhrasePattern(form, normalize: Tokenizer.lookupForm), !cues.contains(pattern) { cues.append(pattern) }
                }
            }
            return Topic(id: topic.id, name: topic.name, cues: cues)
        })
    }
}
