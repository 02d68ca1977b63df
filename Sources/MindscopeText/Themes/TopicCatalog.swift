/// A named set of cue phrases: a theme (delivery, price, …) or a signal (churn intent, …).
public struct Topic: Sendable, Hashable {
    /// Lower-case snake case, e.g. `delivery`, `churn_intent`.
    public var id: String
    public var name: String
    public var description: String
    /// The lenses the topic feeds (`revenue_risk`, `roadmap_blockers`, `values_alignment`);
    /// the text core carries them without interpreting them.
    public var lenses: [String]
    public var cues: [PhrasePattern]
    /// What customers implicitly ask for when they complain about this topic ("cheaper
    /// shipping"), if the file says.
    public var request: String?

    public init(id: String, name: String, description: String = "", lenses: [String] = [], cues: [PhrasePattern] = [], request: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.lenses = lenses
        self.cues = cues
        self.request = request
    }
}

/// Themes or signals, loaded from a sectioned file (`lexicons/themes.txt`, `lexicons/signals.txt`):
///
/// ```
/// [delivery]
/// name = Delivery
/// description = Speed, lateness, tracking and couriers.
/// lenses = roadmap_blockers, revenue_risk
/// cues = deliver*, ship*, courier, arrived late, took ... to arrive
/// ```
///
/// `cues` may be repeated; each cue is a ``PhrasePattern``. An optional `request` names what a
/// complaint about the topic implicitly asks for ("cheaper shipping"). A later file can add topics or
/// replace one by using its id again.
public struct TopicCatalog: Sendable {
    public private(set) var topics: [Topic] = []
    private(set) var matcher = PhraseMatcher<Int>()

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
            for cue in topic.cues { matcher.add(cue, topics.count - 1) }
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
        for (index, topic) in topics.enumerated() {
            for cue in topic.cues { matcher.add(cue, index) }
        }
    }

    static let keys = ["name", "description", "lenses", "cues", "request"]

    /// Parses a sectioned topic file.
    public static func parse(_ contents: String, source: String) throws(LexiconError) -> Loaded<TopicCatalog> {
        var catalog = TopicCatalog()
        var sections = DuplicateCheck(source: source)
        var cues = DuplicateCheck(source: source)
        var current: Topic?
        func finish() throws(LexiconError) {
            guard let topic = current else { return }
            catalog.add(topic)
        }
        for line in LexiconLines(contents: contents) {
            let text = line.text.trimmingSpaces()
            if text.hasPrefix("[") {
                guard text.hasSuffix("]"), case let id = String(text.dropFirst().dropLast()), isSnakeCase(id) else {
                    throw LexiconError(source: source, line: line.number,
                                       problem: .malformedLine("a section header is [lower_snake_case_id], got '\(text)'"))
                }
                try finish()
                _ = sections.isNew(id, line: line.number)
                current = Topic(id: id, name: id, description: "", lenses: [], cues: [])
                continue
            }
            guard current != nil else {
                throw LexiconError(source: source, line: line.number,
                                   problem: .malformedLine("expected a section header such as [delivery] first"))
            }
            guard let equals = text.firstIndex(of: "=") else {
                throw LexiconError(source: source, line: line.number, problem: .malformedLine("expected key = value, got '\(text.prefix(60))'"))
            }
            let key = String(text[..<equals].trimmingSpaces())
            let value = String(text[text.index(after: equals)...].trimmingSpaces())
            switch key {
            case "name": current?.name = value
            case "description": current?.description = value
            case "request": current?.request = value
            case "lenses":
                current?.lenses = value.split(separator: ",").map { String($0.trimmingSpaces()) }.filter { !$0.isEmpty }
            case "cues":
                for raw in value.split(separator: ",") {
                    let cue = raw.trimmingSpaces()
                    guard let pattern = PhrasePattern(cue, normalize: Tokenizer.lookupForm) else {
                        throw LexiconError(source: source, line: line.number,
                                           problem: .malformedLine("'\(cue)' is not a cue pattern (words, stem*, and ... between words)"))
                    }
                    if cues.isNew("[\(current?.id ?? "")] \(pattern.description)", line: line.number) { current?.cues.append(pattern) }
                }
            default:
                throw LexiconError(source: source, line: line.number, problem: .unknownValue(key, allowed: keys))
            }
        }
        try finish()
        return Loaded(value: catalog, warnings: sections.warnings + cues.warnings)
    }

    static func isSnakeCase(_ id: String) -> Bool {
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
