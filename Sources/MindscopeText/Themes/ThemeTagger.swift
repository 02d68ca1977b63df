/// Where in the text a finding rests.
public struct EvidenceSpan: Sendable, Hashable {
    /// UTF-8 byte offsets into the comment.
    public var range: Range<Int>
    public var text: String
}

/// A theme found in a comment, with the sentiment of its own clauses.
public struct ThemeHit: Sendable {
    public var theme: String
    public var score: Double
    public var label: SentimentLabel
    /// The cue phrases that matched, as written in the theme file.
    public var cues: [String]
    /// The clauses that mention the theme.
    public var evidence: [EvidenceSpan]
}

/// A signal (churn intent, feature request, …) found in a comment.
public struct SignalHit: Sendable {
    public var signal: String
    public var cues: [String]
    public var evidence: [EvidenceSpan]
}

/// Finds topics' cues in a tokenized comment and gives each theme the sentiment of the clause
/// it stands in, so "Good quality, but shipping costs too high" is quality positive and
/// price negative.
///
/// Clauses: a sentence splits hard at contrast words and `;` `:` dashes, and softly at commas
/// and `and`/`or`. A theme takes the sentiment of its soft clause; when that clause has no
/// sentiment of its own ("The delivery and the packaging were awful"), of its hard clause.
struct TopicMatcher {
    let text: TokenizedText

    struct Found {
        var topic: Int
        /// The cue's entry in the catalog's matcher.
        var entry: Int32
        var range: Range<Int>
        var polarity: CuePolarity
        var order: Int32
        /// The cue as written, filled in for accepted matches.
        var cue = ""
    }

    /// Non-overlapping matches of the catalog's cues, longest first; equal-length matches of
    /// different topics on the same tokens are all kept. A cue whose guard vetoes it (a word
    /// near it, or none) is not a match and blocks nothing.
    func matches(_ catalog: TopicCatalog) -> [Found] {
        var found: [Found] = []
        // Locals, not `catalog` itself, in the closures: capturing the catalog copied it, with a
        // retain of each of its arrays (a fifth of `tag`'s instructions).
        let matcher = catalog.matcher, guardOrder = catalog.guardOrder, guards = catalog.guards
        text.tokens.withUnsafeBufferPointer { tokens in
            var candidates: [Found] = []
            var raw: [PhraseMatcher<TopicCatalog.Cue>.MatchRef] = []
            for sentence in text.sentences {
                candidates.removeAll(keepingCapacity: true)
                for i in sentence {
                    raw.removeAll(keepingCapacity: true)
                    matcher.appendMatches(in: tokens, at: i, within: sentence, to: &raw)
                    for match in raw {
                        let cue = matcher.payload(match.entry)
                        if cue.guardCount > 0, guardOrder[Int(cue.guardStart)..<Int(cue.guardStart + cue.guardCount)].contains(where: {
                            !allows(guards[$0], match.range, in: sentence, tokens)
                        }) { continue }
                        candidates.append(Found(topic: cue.topic, entry: match.entry, range: match.range, polarity: cue.polarity, order: cue.order))
                    }
                }
                guard !candidates.isEmpty else { continue }
                // Longest first, then leftmost, then a problem or praise phrase before a plain cue on
                // the same words (it says more), then the phrase written first: a total order, so the
                // cue reported does not depend on how the matcher indexes its phrases.
                candidates.sort {
                    ($0.range.count, -$0.range.lowerBound, $0.polarity == .none ? 0 : 1, -$0.order)
                        > ($1.range.count, -$1.range.lowerBound, $1.polarity == .none ? 0 : 1, -$1.order)
                }
                var accepted: [Found] = []
                for candidate in candidates where !accepted.contains(where: {
                    $0.range.overlaps(candidate.range) && ($0.range.count > candidate.range.count || $0.topic == candidate.topic)
                }) {
                    var candidate = candidate
                    candidate.cue = matcher.entry(candidate.entry).pattern.description
                    accepted.append(candidate)
                }
                found.append(contentsOf: accepted.sorted { ($0.range.lowerBound, $0.order) < ($1.range.lowerBound, $1.order) })
            }
        }
        return found
    }

    /// Whether a guard lets the cue at `range` count: one of its words within the window
    /// (same sentence, outside the cue) vetoes a `not near` cue and is required by an
    /// `only near` one.
    private func allows(_ rule: (guard: CueGuard, words: PhraseMatcher<Void>), _ range: Range<Int>, in sentence: Range<Int>,
                        _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        let lower = max(sentence.lowerBound, range.lowerBound - CueGuard.window)
        let upper = min(sentence.upperBound, range.upperBound + CueGuard.window)
        var near = false
        var found: [PhraseMatcher<Void>.MatchRef] = []
        for i in lower..<upper where !range.contains(i) {
            rule.words.appendMatches(in: tokens, at: i, within: lower..<upper, to: &found)
            if !found.isEmpty { near = true; break }
        }
        return rule.guard.mode == .notNear ? !near : near
    }
}

/// Clause spans of a sentence, as token index ranges.
struct Clauses {
    var hard: [Range<Int>] = []
    var soft: [Range<Int>] = []

    static let hardBreaks: Set<String> = [";", ":", "-", "–", "—", "(", ")", "...", "…", "；"]
    static let softBreaks: Set<String> = [",", "、", "，"]

    /// - Parameter joiners: words that join clauses softly (`and`, `or`; `lexicons/word_classes.tsv`).
    init(_ sentence: Range<Int>, tokens: [Token], contrastStarts: Set<Int>, joiners: FormTable<Bool>) {
        var hardStart = sentence.lowerBound
        var softStart = sentence.lowerBound
        for i in sentence {
            let word = tokens[i].normalized
            let isHard = contrastStarts.contains(i) || (tokens[i].kind == .punctuation && Self.hardBreaks.contains(word))
            let isSoft = isHard || (tokens[i].kind == .punctuation && Self.softBreaks.contains(word))
                || joiners[tokens[i]] != nil
            if isHard {
                if i > hardStart { hard.append(hardStart..<i) }
                hardStart = i
            }
            if isSoft {
                if i > softStart { soft.append(softStart..<i) }
                softStart = i
            }
        }
        if sentence.upperBound > hardStart { hard.append(hardStart..<sentence.upperBound) }
        if sentence.upperBound > softStart { soft.append(softStart..<sentence.upperBound) }
    }
}
