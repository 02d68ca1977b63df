/// What a cue says by itself: nothing (it only names the topic), a complaint ("runs small",
/// "flight cancelled") or praise ("true to size").
public enum CuePolarity: Int8, Sendable, Hashable {
    case problem = -1
    case none = 0
    case praise = 1
}

/// A condition on a cue from the words around it, for the other senses of a word: `support`
/// is not customer service beside `bra`; `ticket` is a booking only beside travel words.
///
/// Written `guard = support: not near bra*, cup*, arch*` or `guard = ticket: only near agent*`.
/// "Near" is within ``window`` words on either side, in the same sentence.
public struct CueGuard: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        case notNear = "not near"
        case onlyNear = "only near"
    }

    /// The cue it applies to, as written.
    public var cue: String
    public var mode: Mode
    /// Word patterns (words or `stem*`), one of which must (only near) or must not (not near)
    /// stand nearby.
    public var words: [PhrasePattern]
    /// Where the guard was written, for messages.
    public var line: Int

    /// How many tokens either side of the cue count as near.
    public static let window = 4

    public init(cue: String, mode: Mode, words: [PhrasePattern], line: Int = 0) {
        self.cue = cue
        self.mode = mode
        self.words = words
        self.line = line
    }

    /// Parses `CUE: not near W1, W2` (the value of a `guard` line); several cues may share
    /// one guard (`claim, claims: only near …`).
    public static func parse(_ value: String, normalize: (String) -> String, line: Int) -> [CueGuard]? {
        guard let colon = value.firstIndex(of: ":") else { return nil }
        let cues = value[..<colon].split(separator: ",").map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
        let rest = value[value.index(after: colon)...].trimmingSpaces()
        guard !cues.isEmpty, !cues.contains(where: \.isEmpty),
              let mode = Mode.allCases.first(where: { rest.hasPrefix($0.rawValue + " ") }) else { return nil }
        var words: [PhrasePattern] = []
        for raw in rest.dropFirst(mode.rawValue.count).split(separator: ",") {
            guard let pattern = PhrasePattern(raw.trimmingSpaces(), normalize: normalize) else { return nil }
            words.append(pattern)
        }
        guard !words.isEmpty else { return nil }
        return cues.map { CueGuard(cue: $0, mode: mode, words: words, line: line) }
    }
}

/// A named set of cue phrases: a theme (delivery, fit, …) or a signal (churn intent, …).
public struct Topic: Sendable, Hashable {
    /// Lower-case snake case, e.g. `delivery`, `churn_intent`.
    public var id: String
    public var name: String
    public var description: String
    /// Phrases that name the topic.
    public var cues: [PhrasePattern]
    /// Phrases that name it and are a complaint by themselves ("runs small", "lost my bag").
    public var problems: [PhrasePattern]
    /// Phrases that name it and are praise by themselves ("true to size").
    public var praise: [PhrasePattern]
    public var guards: [CueGuard]

    public init(id: String, name: String, description: String = "", cues: [PhrasePattern] = [],
                problems: [PhrasePattern] = [], praise: [PhrasePattern] = [], guards: [CueGuard] = []) {
        self.id = id
        self.name = name
        self.description = description
        self.cues = cues
        self.problems = problems
        self.praise = praise
        self.guards = guards
    }

    /// Every phrase with what it says by itself.
    public var phrases: [(pattern: PhrasePattern, polarity: CuePolarity)] {
        cues.map { ($0, .none) } + problems.map { ($0, .problem) } + praise.map { ($0, .praise) }
    }
}

/// What a topic file holds as written: the header (keys before the first section) and each
/// section with its parsed phrases and its other keys. A domain layer reads the keys the text
/// core does not interpret (a theme's lenses) from ``Section/entries``.
public struct TopicFile: Sendable {
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: String
        public var line: Int
    }

    public struct Section: Sendable {
        public var topic: Topic
        /// The line of the `[id]` header.
        public var line: Int
        /// The keys other than phrases and guards (name, description, and extra keys), in order.
        public var entries: [Entry]
        /// The line each phrase is written on, by the phrase as written.
        public var phraseLines: [String: Int] = [:]

        public func value(_ key: String) -> Entry? { entries.last { $0.key == key } }
    }

    public var header: [Entry] = []
    public var sections: [Section] = []
}

/// Themes or signals, loaded from a sectioned file (`lexicons/themes/*.txt`, `lexicons/signals.txt`):
///
/// ```
/// [delivery]
/// name = Delivery
/// description = Speed, lateness, tracking and couriers.
/// cues = deliver*, ship*, courier, took ... to arrive
/// problems = took ... weeks to arrive, never arrived
/// praise = arrived early
/// guard = ship: not near cruise
/// ```
///
/// `cues`, `problems`, `praise` and `guard` may be repeated; each phrase is a ``PhrasePattern``.
/// A later topic with the same id replaces the earlier one.
public struct TopicCatalog: Sendable {
    /// A phrase of a topic in the matcher: which topic, what it says by itself, its guard.
    struct Cue: Sendable {
        var topic: Int
        var polarity: CuePolarity
        /// Its guards (several lines may guard one cue; all must let it count): positions
        /// `guardStart ..< guardStart + guardCount` of ``guardOrder``. Two integers rather than
        /// an array, so that copying a matcher entry costs no reference counting (a `tag`
        /// profile showed retain/release on a per-cue array).
        var guardStart: Int32
        var guardCount: Int32
        /// The phrase's place in the catalog (topics in order, each topic's phrases as
        /// written): where two matches tie on length and start, the earlier phrase comes first,
        /// whatever order the matcher's index finds them in.
        var order: Int32
    }

    public private(set) var topics: [Topic] = []
    private(set) var matcher = PhraseMatcher<Cue>()
    /// Every guard of every topic, each compiled into a matcher of its words.
    private(set) var guards: [(guard: CueGuard, words: PhraseMatcher<Void>)] = []
    /// Indices into ``guards``, grouped by cue.
    private(set) var guardOrder: [Int] = []

    public init() {}

    public init(_ topics: [Topic]) {
        for topic in topics { add(topic) }
    }

    public subscript(id: String) -> Topic? { topics.first { $0.id == id } }

    /// Adds a topic, replacing one with the same id.
    public mutating func add(_ topic: Topic) {
        if let existing = topics.firstIndex(where: { $0.id == topic.id }) {
            topics[existing] = topic
            rebuild()
        } else {
            topics.append(topic)
            index(topics.count - 1)
        }
    }

    /// This catalog with the topics of `other` added or replacing.
    public func overlaid(with other: TopicCatalog) -> TopicCatalog {
        var result = self
        for topic in other.topics { result.add(topic) }
        return result
    }

    private mutating func rebuild() {
        matcher = PhraseMatcher()
        guards = []
        guardOrder = []
        for index in topics.indices { self.index(index) }
    }

    private mutating func index(_ position: Int) {
        let topic = topics[position]
        var guardsOf: [String: [Int]] = [:]
        for cueGuard in topic.guards {
            var words = PhraseMatcher<Void>()
            for word in cueGuard.words { words.add(word, ()) }
            guardsOf[cueGuard.cue, default: []].append(guards.count)
            guards.append((cueGuard, words))
        }
        for (pattern, polarity) in topic.phrases {
            let own = guardsOf[pattern.description] ?? []
            matcher.add(pattern, Cue(topic: position, polarity: polarity, guardStart: Int32(guardOrder.count), guardCount: Int32(own.count),
                                     order: Int32(matcher.count)))
            guardOrder += own
        }
    }

    static let keys = ["name", "description", "cues", "problems", "praise", "guard"]

    /// Parses a sectioned topic file with no header and no keys beyond ``keys``.
    public static func parse(_ contents: String, source: String) throws(LexiconError) -> Loaded<TopicCatalog> {
        let file = try parseFile(contents, source: source)
        var catalog = TopicCatalog()
        for section in file.value.sections {
            try checkGuards(section.topic, available: section.topic.phrases.map(\.pattern.description), source: source)
            catalog.add(section.topic)
        }
        return Loaded(value: catalog, warnings: file.warnings)
    }

    /// Every guard names one of `available` (the topic's phrases, and any it refines).
    public static func checkGuards(_ topic: Topic, available: [String], source: String) throws(LexiconError) {
        for cueGuard in topic.guards where !available.contains(cueGuard.cue) {
            throw LexiconError(source: source, line: cueGuard.line,
                               problem: .malformedLine("guard on '\(cueGuard.cue)': [\(topic.id)] has no such cue"))
        }
    }

    /// Parses a sectioned topic file as written. `headerKeys` may stand before the first
    /// section (none by default); `extraKeys` are kept in each section's entries.
    public static func parseFile(_ contents: String, source: String, headerKeys: Set<String> = [],
                                 extraKeys: [String] = []) throws(LexiconError) -> Loaded<TopicFile> {
        var file = TopicFile()
        var sections = DuplicateCheck(source: source)
        var cues = DuplicateCheck(source: source)
        var current: TopicFile.Section?
        func finish() {
            if let section = current { file.sections.append(section) }
        }
        let allowed = keys + extraKeys
        for line in LexiconLines(contents: contents) {
            let text = line.text.trimmingSpaces()
            if text.hasPrefix("[") {
                guard text.hasSuffix("]"), case let id = String(text.dropFirst().dropLast()), isSnakeCase(id) else {
                    throw LexiconError(source: source, line: line.number,
                                       problem: .malformedLine("a section header is [lower_snake_case_id], got '\(text.prefix(60))'"))
                }
                finish()
                _ = sections.isNew(id, line: line.number)
                current = TopicFile.Section(topic: Topic(id: id, name: id), line: line.number, entries: [])
                continue
            }
            guard let equals = text.firstIndex(of: "=") else {
                throw LexiconError(source: source, line: line.number, problem: .malformedLine("expected key = value, got '\(text.prefix(60))'"))
            }
            let key = String(text[..<equals].trimmingSpaces())
            let value = String(text[text.index(after: equals)...].trimmingSpaces())
            guard current != nil else {
                guard headerKeys.contains(key) else {
                    throw LexiconError(source: source, line: line.number, problem: headerKeys.isEmpty
                                       ? .malformedLine("expected a section header such as [delivery] first")
                                       : .unknownValue(key, allowed: headerKeys.sorted()))
                }
                file.header.append(TopicFile.Entry(key: key, value: value, line: line.number))
                continue
            }
            switch key {
            case "cues", "problems", "praise":
                guard !value.isEmpty else {
                    throw LexiconError(source: source, line: line.number, problem: .malformedLine("'\(key) =' lists nothing"))
                }
                for raw in value.split(separator: ",") {
                    let cue = raw.trimmingSpaces()
                    guard let pattern = PhrasePattern(cue, normalize: Tokenizer.lookupForm) else {
                        throw LexiconError(source: source, line: line.number,
                                           problem: .malformedLine("'\(cue.prefix(60))' is not a cue pattern (words, stem*, and ... between words)"))
                    }
                    guard cues.isNew("[\(current?.topic.id ?? "")] \(pattern.description)", line: line.number) else { continue }
                    current?.phraseLines[pattern.description] = line.number
                    switch key {
                    case "cues": current?.topic.cues.append(pattern)
                    case "problems": current?.topic.problems.append(pattern)
                    default: current?.topic.praise.append(pattern)
                    }
                }
            case "guard":
                guard let parsed = CueGuard.parse(value, normalize: Tokenizer.lookupForm, line: line.number) else {
                    throw LexiconError(source: source, line: line.number,
                                       problem: .malformedLine("expected guard = CUE[, CUE]: not near WORD, WORD… or …: only near WORD, WORD…, got '\(value.prefix(60))'"))
                }
                current?.topic.guards += parsed
            case _ where allowed.contains(key):
                if key == "name" { current?.topic.name = value }
                if key == "description" { current?.topic.description = value }
                current?.entries.append(TopicFile.Entry(key: key, value: value, line: line.number))
            default:
                throw LexiconError(source: source, line: line.number, problem: .unknownValue(key, allowed: allowed))
            }
        }
        finish()
        return Loaded(value: file, warnings: sections.warnings + cues.warnings)
    }

    /// Whether `id` is a lower_snake_case name (topic and pack ids).
    public static func isSnakeCase(_ id: String) -> Bool {
        !id.isEmpty && id.first != "_" && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }
}

/// A cue of a topic found in a text.
public struct TopicMatch: Sendable, Hashable {
    public var topic: String
    public var cue: String
    /// Token indices covered.
    public var tokens: Range<Int>
}

extension TopicCatalog {
    /// The topics' cues found in `text`: the longest where cues overlap.
    public func matches(in text: TokenizedText) -> [TopicMatch] {
        TopicMatcher(text: text).matches(self).map { TopicMatch(topic: topics[$0.topic].id, cue: $0.cue, tokens: $0.range) }
    }
}
