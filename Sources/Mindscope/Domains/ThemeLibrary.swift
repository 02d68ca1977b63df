import MindscopeText

/// The themes a run tags with: the base pack, the chosen domain packs and the user's additions,
/// merged; with each theme's lenses and the word valences the chosen packs override.
public struct ThemeSet: Sendable {
    public var catalog: TopicCatalog
    public var info: [String: ThemeInfo]
    /// Word valences that differ in the chosen domains.
    public var valence: [String: Double]
    /// The packs merged, base first.
    public var packs: [String]
    /// Where the active themes do not fit together cleanly (a cue in two themes, a user's theme
    /// that replaces or overlaps a shipped one), each with `file:line`.
    public var notes: [LexiconError]

    /// Topics discovered in the comments (``DiscoveredTopics``), matched as themes: they have
    /// no lenses of their own (``IssueRanking`` gives the mostly negative ones some).
    public var discovered: [String] = []

    public func lenses(of theme: String) -> [Lens] { info[theme]?.lenses ?? [] }

    /// These themes with the discovered topics added after them.
    public func adding(_ found: [DiscoveredTopics.Definition]) -> ThemeSet {
        var set = self
        let topics = DiscoveredTopics.catalog(found).topics
        set.catalog = TopicCatalog(catalog.topics + topics)
        for topic in topics {
            set.info[topic.id] = ThemeInfo(id: topic.id, lenses: [], request: nil, pack: "discovered", file: "", line: 0)
        }
        set.discovered = topics.map(\.id)
        return set
    }
    public func request(of theme: String) -> String? { info[theme]?.request }

    /// The themes feeding `lens`.
    public func themes(feeding lens: Lens) -> Set<String> { Set(info.values.filter { $0.lenses.contains(lens) }.map(\.id)) }
}

/// Every theme file a run may use: the shipped packs of `lexicons/themes/` (`base.txt`, which
/// the others extend, and one file per domain), the files that replace them (`--themes`) and
/// the files that add to them (`--add-themes`).
public struct ThemeLibrary: Sendable {
    /// The pack every domain pack extends (price, customer service).
    public var base: ThemePack?
    /// The domain packs, by id.
    public var domains: [ThemePack]
    /// `--themes FILE…`: used instead of the packs (no domain is chosen).
    public var replacement: [ThemePack]?
    /// `--add-themes FILE…`: added to whatever is chosen.
    public var additions: [ThemePack]

    public init(base: ThemePack?, domains: [ThemePack], replacement: [ThemePack]? = nil, additions: [ThemePack] = []) {
        self.base = base
        self.domains = domains.sorted { $0.id < $1.id }
        self.replacement = replacement
        self.additions = additions
    }

    public var domainIDs: [String] { domains.map(\.id) }

    /// Every theme id any pack or file defines (to check persona theme weights against).
    public var allThemeIDs: [String] {
        var ids: [String] = []
        for pack in [base].compactMap({ $0 }) + domains + (replacement ?? []) + additions {
            for topic in pack.themes where !ids.contains(topic.id) { ids.append(topic.id) }
        }
        return ids
    }

    /// The merged themes of base and `packs` (domain pack ids, in order), plus the additions;
    /// with `--themes`, the replacement files instead of base and packs.
    public func themes(packs ids: [String]) -> ThemeSet {
        var set = ThemeSet(catalog: TopicCatalog(), info: [:], valence: [:], packs: [], notes: [])
        var topics: [Topic] = []
        /// Where each cue was first written: theme and `file:line` of its section.
        var owners: [String: (theme: String, source: String)] = [:]
        /// A user's theme file that reuses a shipped pack's id.
        let shipped = Set(domains.map(\.id) + [base?.id].compactMap { $0 })
        func merge(_ pack: ThemePack, user: Bool) {
            set.packs.append(pack.id)
            if user, shipped.contains(pack.id) {
                set.notes.append(LexiconError(source: pack.source, line: 1, problem: .conflict(
                    "pack = \(pack.id) is the id of a shipped pack: its themes are added to (or replace) the chosen packs' themes, not that pack")))
            }
            set.valence.merge(pack.valence) { _, new in new }
            for topic in pack.themes {
                let info = pack.info[topic.id]!
                if let existing = topics.firstIndex(where: { $0.id == topic.id }) {
                    if user {
                        set.notes.append(LexiconError(source: info.file, line: info.line, problem: .conflict(
                            "[\(topic.id)] replaces the theme of the same id from \(set.info[topic.id]?.source ?? "the packs")")))
                        topics[existing] = topic
                        set.info[topic.id] = info
                    } else {
                        // A pack's section refining a base theme adds its phrases and guards.
                        topics[existing].cues += topic.cues
                        topics[existing].problems += topic.problems
                        topics[existing].praise += topic.praise
                        topics[existing].guards += topic.guards
                    }
                } else {
                    topics.append(topic)
                    set.info[topic.id] = info
                }
                for (pattern, _) in topic.phrases {
                    let line = info.phraseLines[pattern.description] ?? info.line
                    if let owner = owners[pattern.description], owner.theme != topic.id {
                        set.notes.append(LexiconError(source: info.file, line: line, problem: .conflict(
                            "cue '\(pattern.description)' of [\(topic.id)] is also a cue of [\(owner.theme)] (\(owner.source)): "
                            + (user ? "use the id [\(owner.theme)] to replace that theme, or drop the cue; " : "")
                            + "where it is the longest match, both themes are tagged")))
                    } else if owners[pattern.description] == nil {
                        owners[pattern.description] = (topic.id, "\(info.file):\(line)")
                    }
                }
            }
        }
        if let replacement {
            for pack in replacement { merge(pack, user: true) }
        } else {
            if let base { merge(base, user: false) }
            for id in ids { if let pack = domains.first(where: { $0.id == id }) { merge(pack, user: false) } }
        }
        for pack in additions { merge(pack, user: true) }
        set.catalog = TopicCatalog(topics)
        return set
    }
}
