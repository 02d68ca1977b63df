/// The word n-grams of a comment that can name something: what topic discovery counts and
/// polarity learning weighs.
///
/// A phrase is one to `maxLength` consecutive word tokens of one sentence (a number may stand
/// inside: "took 3 weeks"); punctuation, emoji and anything else end it. It opens with a
/// content word, does not end with a glue word ("the", "is", "to"; ``WordFrequencies``), and
/// so holds a content word: "runs small", "size up", "send it back", not "it was" or "the".
enum PhraseGrams {
    /// Calls `body` with the token range of every phrase in `text` whose tokens all pass
    /// `eligible` (learning passes the tokens the lexicons say nothing about).
    static func forEach(in text: TokenizedText, maxLength: Int, frequencies: WordFrequencies,
                               eligible: (Int) -> Bool = { _ in true }, _ body: (Range<Int>) -> Void) {
        let tokens = text.tokens
        for sentence in text.sentences {
            var start = sentence.lowerBound
            while start < sentence.upperBound {
                let first = tokens[start]
                guard first.isWordLike, eligible(start), !frequencies.isFunctionWord(first.normalized) else { start += 1; continue }
                var end = start
                while end < sentence.upperBound, end - start < maxLength {
                    let token = tokens[end]
                    guard token.isMatchable, eligible(end) else { break }
                    end += 1
                    if token.isWordLike, !frequencies.isGlueWord(token.normalized) { body(start..<end) }
                }
                start += 1
            }
        }
    }

    /// The phrase's text: its tokens' lookup forms joined by spaces.
    static func key(_ tokens: ArraySlice<Token>) -> String {
        var key = ""
        for token in tokens {
            if !key.isEmpty { key += " " }
            key += token.normalized
        }
        return key
    }

    /// The phrase's 64-bit hash, what it is counted under: building its text for each of a
    /// comment's phrases was a visible cost, so the text is built only for a phrase met the
    /// first time. (Two phrases of a run share a hash with odds of about n²/2⁶⁵: 1 in 10⁷ for a
    /// million phrases.)
    static func hash(_ tokens: ArraySlice<Token>) -> Int {
        var hasher = Hasher()
        for token in tokens { hasher.combine(token.normalized) }
        return hasher.finalize()
    }
}

/// Counts of phrases in bounded memory: lossy counting (Manku & Motwani, VLDB 2002), over
/// comments. Every ``width`` comments, entries whose count could not reach one per ``width``
/// comments are dropped, so a count is low by at most `comments / width` and the table holds
/// about `width × log(comments / width)` entries' worth of phrases at most. Entries live in
/// slots, so callers keep per-phrase sums in arrays of their own, indexed by slot, and reset a
/// slot that ``add(_:text:)`` reports as new.
struct LossyCounter: Sendable {
    let width: Int
    /// Slots by the phrase's hash (``PhraseGrams/hash(_:)``).
    private var slots: [Int: Int] = [:]
    private(set) var keys: [String] = []
    private(set) var counts: [Int] = []
    private var deltas: [Int] = []
    private var free: [Int] = []
    private(set) var comments = 0

    init(width: Int) { self.width = max(1, width) }

    /// Counts the phrase of hash `hash` once for the current comment; returns its slot and
    /// whether it is new there. `text` is asked for only when it is.
    mutating func add(_ hash: Int, text: () -> String) -> (slot: Int, isNew: Bool) {
        if let slot = slots[hash] {
            counts[slot] += 1
            return (slot, false)
        }
        let key = text()
        let bucket = comments / width
        let slot: Int
        if let reused = free.popLast() {
            slot = reused
            keys[slot] = key
            counts[slot] = 1
            deltas[slot] = bucket
        } else {
            slot = keys.count
            keys.append(key)
            counts.append(1)
            deltas.append(bucket)
        }
        slots[hash] = slot
        return (slot, true)
    }

    /// Ends a comment; at a bucket's end drops the entries that cannot be frequent.
    mutating func endComment() {
        comments += 1
        guard comments % width == 0 else { return }
        let bucket = comments / width
        for (key, slot) in slots where counts[slot] + deltas[slot] <= bucket {
            slots[key] = nil
            keys[slot] = ""
            counts[slot] = 0
            free.append(slot)
        }
    }

    /// The live slots.
    var live: [Int] { Array(slots.values).sorted() }
}
