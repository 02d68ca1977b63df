/// "Did you mean …?" for a mistyped name: a persona, a subcommand, a lens, a JSON key.
///
/// Names are compared as keys (``key(_:)``: lower case, `-` and spaces read as `_`). A
/// candidate that starts with the word, or holds it as one of its `_` parts, or contains it,
/// comes before edit distance: `eco` suggests `eco_conscious_shopper`, not `cfo`.
public enum Suggestion {
    /// The candidate nearest to `word`, if it is close enough to be a likely typo or a shorthand.
    public static func nearest(to word: String, among candidates: [String]) -> String? {
        let typed = key(word)
        guard !typed.isEmpty else { return nil }
        let keyed = candidates.map { ($0, key($0)) }
        // A prefix, then a whole part, then a substring of at least three characters.
        if let match = keyed.first(where: { $0.1.hasPrefix(typed) }) { return match.0 }
        if let match = keyed.first(where: { $0.1.split(separator: "_").contains(Substring(typed)) }) { return match.0 }
        if typed.count >= 3, let match = keyed.first(where: { $0.1.contains(typed) }) { return match.0 }
        let scored = keyed.map { ($0.0, distance(typed, $0.1)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, typed.count / 3) ? best.0 : nil
    }

    /// The form names are compared in: lower case, with `-` and spaces as `_`.
    public static func key(_ name: String) -> String {
        String(name.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
