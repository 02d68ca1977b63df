/// Finds what a file's comments talk about that the themes do not cover: recurring phrases
/// that are distinctive against general English, grouped into candidate topics.
///
/// 1. Every comment's phrases (``PhraseGrams``, one to four words) are counted once per
///    comment, in bounded memory (``LossyCounter``), with how often a theme cue stands in the
///    same sentence, and every word's count.
/// 2. Inflections merge: a word whose base form ("sized" → "size", "runs" → "run") also occurs
///    in the comments is counted under it.
/// 3. A phrase is kept when enough comments hold it, its themes do not cover it (unless all
///    are asked for) and one of its content words names something: the lexicons give it no
///    valence or rule role (a topic is what customers talk about, not how they feel: "great",
///    "never" and "really" are no topics), and it occurs at least ``Settings/minLift`` times as
///    often as in general English (``WordFrequencies``). A phrase that occurs mostly inside
///    a longer kept phrase gives way to it.
/// 4. Phrases join into one topic when their heads (last distinctive word, base form) are the
///    same, or when each mostly comes with the other (``Settings/linkShare`` of the commoner
///    one's comments). A topic is named by its most frequent phrase.
public struct TopicDiscovery: Sendable {
    public struct Settings: Sendable {
        public var maxLength = 4
        /// Comments a phrase needs: at least this many, and at least ``minShare`` of them.
        public var minComments = 5
        public var minShare = 0.005
        public var minLift = 10.0
        /// Most phrases kept for grouping.
        public var maxPhrases = 300
        /// Two phrases join when this share of the commoner one's comments hold both.
        public var linkShare = 0.4
        /// Propose phrases the themes already cover too.
        public var includeCovered = false
        /// A word met more often than this many times per comment is the file's subject, no topic.
        public var subjectShare = 0.2
        public init() {}
    }

    /// A recurring phrase: its surface forms (most frequent first), under one key.
    public struct Phrase: Sendable {
        public var key: String
        public var forms: [String]
        public var comments: Int
        public var covered: Int
        public var words: [String]
    }

    /// A candidate topic: its name, id and phrases (the cues of a theme).
    public struct Topic: Sendable {
        public var id: String
        public var name: String
        public var phrases: [String]
        /// Comments of the sample holding one of its phrases.
        public var comments: Int
    }

    /// One comment's part, found on any core.
    public struct CommentPhrases: Sendable {
        var text: TokenizedText
        var phrases: [(hash: Int, tokens: Range<Int>, covered: Bool)]
        var words: [String]
    }

    public let settings: Settings
    let frequencies: WordFrequencies
    let scorer: SentimentScorer
    private var counter = LossyCounter(width: 5_000)
    private var covered: [Int] = []
    private var wordCounts: [String: Int] = [:]
    private var totalWords = 0
    public private(set) var comments = 0

    public init(frequencies: WordFrequencies, scorer: SentimentScorer, settings: Settings = Settings()) {
        self.frequencies = frequencies
        self.scorer = scorer
        self.settings = settings
    }

    /// The phrases of a comment, each marked covered when a theme cue stands in its sentence
    /// ("it took 15 days" beside "delivery" is about delivery).
    public static func phrases(in text: TokenizedText, themes: TopicCatalog, frequencies: WordFrequencies, maxLength: Int) -> CommentPhrases {
        let cues = themes.matches(in: text).map(\.tokens)
        var seen: [Int: Int] = [:]
        var found: [(hash: Int, tokens: Range<Int>, covered: Bool)] = []
        PhraseGrams.forEach(in: text, maxLength: maxLength, frequencies: frequencies) { range in
            let key = PhraseGrams.hash(text.tokens[range])
            let sentence = text.sentences.first { $0.contains(range.lowerBound) } ?? range
            let isCovered = cues.contains { $0.overlaps(sentence) }
            if let index = seen[key] {
                if !isCovered { found[index].covered = false }
            } else {
                seen[key] = found.count
                found.append((key, range, isCovered))
            }
        }
        return CommentPhrases(text: text, phrases: found, words: text.tokens.filter(\.isWordLike).map(\.normalized))
    }

    public mutating func add(_ comment: CommentPhrases) {
        for (hash, tokens, isCovered) in comment.phrases {
            let (slot, isNew) = counter.add(hash) { PhraseGrams.key(comment.text.tokens[tokens]) }
            if slot >= covered.count { covered.append(0) }
            if isNew { covered[slot] = 0 }
            if isCovered { covered[slot] += 1 }
        }
        for word in comment.words { wordCounts[word, default: 0] += 1 }
        totalWords += comment.words.count
        counter.endComment()
        comments += 1
    }

    /// How many times more often `word` occurs in the comments than in general English.
    func lift(_ word: String) -> Double {
        guard totalWords > 0 else { return 0 }
        return Double(wordCounts[word] ?? 0) / Double(totalWords) / frequencies.rate(of: word)
    }

    /// A word that can name a topic: a content word the lexicons say nothing about, much more
    /// frequent here than in general English, and not the file's own subject (a word met more
    /// often than ``Settings/subjectShare`` times per comment, "gym" in a gym's survey, would
    /// tie every topic to every other).
    func isDistinctive(_ word: String) -> Bool {
        !frequencies.isFunctionWord(word) && lift(word) >= settings.minLift && scorer.isSilent(word: word)
            && Double(wordCounts[word] ?? 0) <= settings.subjectShare * Double(comments)
    }

    /// A word's base form when that form is common in the comments too ("sized" → "size"; not
    /// "class" → "clas" for one typo: the base needs a quarter of the word's own count).
    func base(_ word: String) -> String {
        let count = wordCounts[word] ?? 0
        return SentimentLexicon.baseForm(of: word) { (wordCounts[$0] ?? 0) * 4 >= max(count, 1) ? 1 : nil }?.form ?? word
    }

    /// The phrases worth proposing, most frequent first.
    public func candidates() -> [Phrase] {
        let least = max(settings.minComments, Int((settings.minShare * Double(comments)).rounded(.up)))
        var merged: [String: Phrase] = [:]
        var formCounts: [String: [String: Int]] = [:]
        for slot in counter.live where counter.counts[slot] >= 2 {
            let form = counter.keys[slot]
            let words = form.split(separator: " ").map(String.init)
            let key = words.map(base).joined(separator: " ")
            formCounts[key, default: [:]][form] = counter.counts[slot]
            if merged[key] == nil { merged[key] = Phrase(key: key, forms: [], comments: 0, covered: 0, words: words.map(base)) }
            merged[key]!.comments += counter.counts[slot]
            merged[key]!.covered += covered[slot]
        }
        var kept = merged.values.filter { phrase in
            phrase.comments >= least
                && (settings.includeCovered || phrase.covered * 2 < phrase.comments)
                && phrase.words.contains(where: isDistinctive)
        }
        for index in kept.indices {
            kept[index].forms = (formCounts[kept[index].key] ?? [:]).sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map(\.key)
        }
        // A phrase that mostly stands inside a longer kept one gives way to it: each longer
        // phrase marks its shorter parts (a handful each) rather than every pair being compared.
        let comments = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.comments) })
        var givesWay = Set<String>()
        for longer in kept where longer.words.count > 1 {
            for length in 1..<longer.words.count {
                for start in 0...(longer.words.count - length) {
                    let part = longer.words[start..<(start + length)].joined(separator: " ")
                    if let count = comments[part], Double(longer.comments) >= 0.7 * Double(count) { givesWay.insert(part) }
                }
            }
        }
        kept.removeAll { givesWay.contains($0.key) }
        kept.sort { $0.comments > $1.comments || ($0.comments == $1.comments && $0.key < $1.key) }
        return Array(kept.prefix(settings.maxPhrases))
    }

    /// Groups candidates into topics. `together[i][j]`: comments holding both phrase i and j.
    public func topics(_ phrases: [Phrase], together: [[Int]], reserved: Set<String>) -> [Topic] {
        var parent = Array(phrases.indices)
        func root(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        func join(_ a: Int, _ b: Int) { let (ra, rb) = (root(a), root(b)); if ra != rb { parent[max(ra, rb)] = min(ra, rb) } }
        // Each phrase joins the phrases of its head: the last of its distinctive words ("locker
        // room" and "changing room" → room). Joining on any shared word chained a file's
        // topics into one through phrases that bridge two ("nail trim", "uneven trim").
        var byHead: [String: Int] = [:]
        for i in phrases.indices {
            guard let head = phrases[i].words.last(where: isDistinctive) else { continue }
            if let first = byHead[head] { join(first, i) } else { byHead[head] = i }
        }
        // Phrases join when each mostly comes with the other (parts of one expression), not
        // when a rare one sits inside a frequent one's comments.
        for i in phrases.indices {
            for j in phrases.indices where j > i {
                let both = together[i][j]
                let commoner = max(phrases[i].comments, phrases[j].comments)
                if both >= 3 && Double(both) >= settings.linkShare * Double(commoner) { join(i, j) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in phrases.indices { groups[root(i), default: []].append(i) }
        var used = reserved
        return groups.keys.sorted().map { key in
            let members = groups[key]!.sorted { phrases[$0].comments > phrases[$1].comments || ($0 < $1 && phrases[$0].comments == phrases[$1].comments) }
            let name = phrases[members[0]].forms.first ?? phrases[members[0]].key
            var id = Self.identifier(name)
            if used.contains(id) {
                var n = 2
                while used.contains("\(id)_\(n)") { n += 1 }
                id = "\(id)_\(n)"
            }
            used.insert(id)
            var seen = Set<String>()
            let cues = members.flatMap { phrases[$0].forms }.filter { seen.insert($0).inserted }
            let total = members.reduce(0) { $0 + phrases[$1].comments }
            return Topic(id: id, name: name.prefix(1).uppercased() + name.dropFirst(), phrases: cues, comments: total)
        }.sorted { $0.comments > $1.comments || ($0.comments == $1.comments && $0.id < $1.id) }
    }

    /// A snake-case id for a name: letters and digits of any script kept, the rest `_`.
    static func identifier(_ name: String) -> String {
        var id = ""
        for scalar in name.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { id.unicodeScalars.append(scalar) }
            else if !id.hasSuffix("_") { id += "_" }
        }
        while id.hasSuffix("_") { id.removeLast() }
        while id.hasPrefix("_") { id.removeFirst() }
        return id.isEmpty ? "topic" : String(id.prefix(40))
    }
}
