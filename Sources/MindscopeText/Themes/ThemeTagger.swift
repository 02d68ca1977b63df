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

    /// Non-overlapping matches of the catalog's cues, longest first; equal-length matches of
    /// different topics on the same tokens are all kept.
    func matches(_ catalog: TopicCatalog) -> [(topic: Int, cue: String, range: Range<Int>)] {
        var found: [(topic: Int, cue: String, range: Range<Int>)] = []
        for sentence in text.sentences {
            var candidates: [(topic: Int, cue: String, range: Range<Int>)] = []
            for i in sentence {
                for match in catalog.matcher.matches(in: text.tokens, at: i, within: sentence) {
                    candidates.append((match.entry.payload, match.entry.pattern.description, match.range))
                }
            }
            candidates.sort { $0.range.count > $1.range.count || ($0.range.count == $1.range.count && $0.range.lowerBound < $1.range.lowerBound) }
            var accepted: [(topic: Int, cue: String, range: Range<Int>)] = []
            for candidate in candidates where !accepted.contains(where: {
                $0.range.overlaps(candidate.range) && ($0.range.count > candidate.range.count || $0.topic == candidate.topic)
            }) {
                accepted.append(candidate)
            }
            found.append(contentsOf: accepted.sorted { $0.range.lowerBound < $1.range.lowerBound })
        }
        return found
    }
}

/// Clause spans of a sentence, as token index ranges.
struct Clauses {
    var hard: [Range<Int>] = []
    var soft: [Range<Int>] = []

    static let hardBreaks: Set<String> = [";", ":", "-", "–", "—", "(", ")", "...", "…", "；"]
    static let softBreaks: Set<String> = [",", "、", "，"]
    static let softWords: Set<String> = ["and", "or", "plus", "&"]

    init(_ sentence: Range<Int>, tokens: [Token], contrastStarts: Set<Int>) {
        var hardStart = sentence.lowerBound
        var softStart = sentence.lowerBound
        for i in sentence {
            let word = tokens[i].normalized
            let isHard = contrastStarts.contains(i) || (tokens[i].kind == .punctuation && Self.hardBreaks.contains(word))
            let isSoft = isHard || (tokens[i].kind == .punctuation && Self.softBreaks.contains(word))
                || Self.softWords.contains(word)
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
