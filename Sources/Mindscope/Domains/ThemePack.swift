import MindscopeText

/// What the domain layer knows of a theme beyond its cues: the lenses it feeds, what a
/// complaint about it asks for, and where it was written.
public struct ThemeInfo: Sendable, Hashable {
    public var id: String
    public var lenses: [Lens]
    public var request: String?
    /// The pack it comes from (`retail`), or the file's name for a user's theme file.
    public var pack: String
    /// Where its section is written.
    public var file: String
    public var line: Int
    /// The line of each of its phrases in this file.
    public var phraseLines: [String: Int] = [:]

    /// `file:line`.
    public var source: String { "\(file):\(line)" }
}

/// One theme file of `lexicons/themes/` (a domain pack), or a user's theme file: a header
/// (`pack`, `name`, `description`, `extends`, `valence`) and one section per theme, in the
/// topic format with `lenses` and `request` (see README, "Theme packs").
///
/// ```
/// pack = travel
/// extends = base
/// valence = delayed: -1.6
///
/// [baggage]
/// name = Baggage
/// lenses = roadmap_blockers, revenue_risk
/// cues = bag, bags, luggage, suitcase*
/// problems = lost my bag*, bag* never arrived
/// ```
public struct ThemePack: Sendable {
    public var id: String
    public var name: String
    public var description: String
    /// The pack whose themes this one refines and adds to (`base`).
    public var extends: String?
    /// Word valences that differ in this domain (VADER scale), applied when the pack is active.
    public var valence: [String: Double]
    public var themes: [Topic]
    public var info: [String: ThemeInfo]
    /// Sections whose id is a theme of the pack it extends: their phrases and guards add to it.
    public var refinements: Set<String>
    public var source: String

    static let headerKeys: Set<String> = ["pack", "name", "description", "extends", "valence"]
    static let themeKeys = ["lenses", "request"]

    /// Parses a pack. `id` names a file without a `pack` line (a user's theme file); `known`
    /// are the themes of the pack it may extend, so that a section refining one needs no lenses.
    public static func parse(_ contents: String, source: String, id: String, known: [String: ThemeInfo] = [:]) throws(LexiconError) -> Loaded<ThemePack> {
        let file = try TopicCatalog.parseFile(contents, source: source, headerKeys: headerKeys, extraKeys: themeKeys)
        func header(_ key: String) -> TopicFile.Entry? { file.value.header.last { $0.key == key } }
        var pack = ThemePack(id: header("pack")?.value ?? id, name: header("name")?.value ?? id,
                             description: header("description")?.value ?? "", extends: header("extends")?.value,
                             valence: [:], themes: [], info: [:], refinements: [], source: source)
        if let entry = header("extends"), entry.value != "base" {
            throw LexiconError(source: source, line: entry.line, problem: .unknownValue(entry.value, allowed: ["base"]))
        }
        if let entry = header("pack"), !TopicCatalog.isSnakeCase(entry.value) {
            throw LexiconError(source: source, line: entry.line, problem: .malformedLine("a pack id is lower_snake_case, got '\(entry.value.prefix(60))'"))
        }
        for entry in file.value.header where entry.key == "valence" {
            for item in entry.value.split(separator: ",") {
                let parts = item.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces() }
                guard parts.count == 2, !parts[0].isEmpty, !parts[0].contains(" ") else {
                    throw LexiconError(source: source, line: entry.line, problem: .malformedLine("expected valence = WORD: VALUE, …, got '\(String(item).trimmingSpaces().prefix(60))'"))
                }
                guard let value = Double(parts[1]), SentimentLexicon.valenceRange.contains(value) else {
                    throw LexiconError(source: source, line: entry.line, problem: .badWeight(parts[1], allowed: SentimentLexicon.valenceRange))
                }
                pack.valence[parts[0]] = value
            }
        }
        for section in file.value.sections {
            let id = section.topic.id
            var lenses: [Lens] = []
            if let entry = section.value("lenses") {
                for name in entry.value.split(separator: ",").map({ String($0).trimmingSpaces() }).filter({ !$0.isEmpty }) {
                    guard let lens = Lens(rawValue: name) else {
                        let hint = Suggestion.nearest(to: name, among: Lens.allCases.map(\.rawValue)).map { "did you mean '\($0)'? " } ?? ""
                        throw LexiconError(source: source, line: entry.line,
                                           problem: .conflict("[\(id)] unknown lens '\(name.prefix(60))': \(hint)lenses: \(Lens.allCases.map(\.rawValue).joined(separator: ", "))"))
                    }
                    if !lenses.contains(lens) { lenses.append(lens) }
                }
            }
            if let base = known[id] {
                pack.refinements.insert(id)
                if section.value("lenses") == nil { lenses = base.lenses }
            } else if lenses.isEmpty {
                throw LexiconError(source: source, line: section.line,
                                   problem: .conflict("[\(id)] has no lenses, so it could never rank: add lenses = revenue_risk, roadmap_blockers or values_alignment"))
            }
            pack.themes.append(section.topic)
            pack.info[id] = ThemeInfo(id: id, lenses: lenses, request: section.value("request")?.value ?? known[id]?.request,
                                      pack: pack.id, file: source, line: section.line, phraseLines: section.phraseLines)
            if known[id] == nil {
                try TopicCatalog.checkGuards(section.topic, available: section.topic.phrases.map(\.pattern.description), source: source)
            }
        }
        return Loaded(value: pack, warnings: file.warnings)
    }
}
