/// A rating as the export wrote it, its value on the column's scale and that value in [0, 1].
public struct Rating: Sendable, Hashable {
    public var raw: String
    public var value: Double
    public var normalized: Double

    /// Net Promoter category, on a 0–10 NPS scale.
    public enum NPSCategory: String, Sendable { case promoter, passive, detractor }
}

/// A column's rating scale, detected from its values and its question.
///
/// ```
/// 1–5, 1–7, 1–10, 0–10 (NPS), 0–100, stars (★★★★☆: of 5), words (Very satisfied … : 1–5)
/// ```
public struct RatingScale: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable { case numeric, nps, stars, words }

    public var kind: Kind
    public var low: Double
    public var high: Double

    public init(kind: Kind, low: Double, high: Double) {
        self.kind = kind
        self.low = low
        self.high = high
    }

    public var description: String {
        let range = "\(Self.format(low))–\(Self.format(high))"
        switch kind {
        case .numeric: return range
        case .nps: return "\(range) (NPS)"
        case .stars: return "stars (of \(Self.format(high)))"
        case .words: return "words (\(range))"
        }
    }

    /// The rating on this scale, or nil when the value is off the scale.
    public func rating(_ parsed: RatingReading) -> Rating? {
        var value = parsed.value
        // "3/10" on a 1–5 column: rescale by its own denominator.
        if let outOf = parsed.outOf, outOf != high, outOf > 0 { value = low + (value / outOf) * (high - low) }
        guard value >= low, value <= high, high > low else { return nil }
        return Rating(raw: parsed.raw, value: value, normalized: (value - low) / (high - low))
    }

    /// NPS category of a rating on this scale (0–6 detractor, 7–8 passive, 9–10 promoter).
    public func npsCategory(_ rating: Rating) -> Rating.NPSCategory? {
        guard kind == .nps else { return nil }
        return rating.value >= 9 ? .promoter : rating.value >= 7 ? .passive : .detractor
    }

    /// The scale that fits a column's readings; nil when they do not look like ratings.
    public static func detect(_ readings: [RatingReading], question: String) -> RatingScale? {
        guard !readings.isEmpty else { return nil }
        let values = readings.map(\.value)
        let lowest = values.min()!, highest = values.max()!
        if readings.contains(where: { $0.form == .stars }) {
            let outOf = readings.compactMap(\.outOf).max() ?? max(5, highest)
            return RatingScale(kind: .stars, low: 0, high: outOf)
        }
        if readings.allSatisfy({ $0.form == .words }) { return RatingScale(kind: .words, low: 1, high: 5) }
        if let outOf = readings.compactMap(\.outOf).max() {
            return RatingScale(kind: .numeric, low: lowest == 0 ? 0 : 1, high: outOf)
        }
        let words = question.lowercased()
        let recommends = words.contains("recommend") || words.contains("nps") || words.contains("net promoter")
        guard lowest >= 0 else { return nil }
        // A "would you recommend" question is NPS whatever its first answers.
        if recommends, highest <= 10 { return RatingScale(kind: .nps, low: 0, high: 10) }
        switch highest {
        case ...5: return RatingScale(kind: .numeric, low: lowest == 0 ? 0 : 1, high: 5)
        case ...7: return RatingScale(kind: .numeric, low: lowest == 0 ? 0 : 1, high: 7)
        case ...10:
            if recommends || lowest == 0 { return RatingScale(kind: recommends ? .nps : .numeric, low: 0, high: 10) }
            return RatingScale(kind: .numeric, low: 1, high: 10)
        case ...100: return RatingScale(kind: .numeric, low: 0, high: 100)
        default: return nil
        }
    }

    private static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}

/// One rating field read before the column's scale is known.
public struct RatingReading: Sendable, Hashable {
    public enum Form: Sendable { case number, fraction, stars, words }

    public var raw: String
    public var value: Double
    /// The scale the field names itself ("4/5", "★★★☆☆").
    public var outOf: Double?
    public var form: Form

    /// Reads `4`, `4.5`, `4/5`, `4 out of 5`, `4 stars`, `★★★★☆`, or a word from the vocabulary
    /// ("Very satisfied"); nil when the field is none of these. Blank fields are not readings.
    public init?(_ field: String, words: [String: Double]) {
        let text = field.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        raw = field
        // Fast path: most exports write a plain number.
        if text.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") }), let value = Double(text), value < 1e6 {
            self.value = value
            form = .number
            return
        }
        let filled = text.filter { $0 == "★" }.count
        let empty = text.filter { $0 == "☆" }.count
        if filled + empty > 0, text.allSatisfy({ $0 == "★" || $0 == "☆" || $0 == " " }) {
            value = Double(filled)
            outOf = empty > 0 ? Double(filled + empty) : nil
            form = .stars
            return
        }
        if let word = words[text.lowercased()] {
            value = word
            form = .words
            return
        }
        var lower = text.lowercased()
        var unit = false
        for suffix in [" stars", " star", "stars", "star", " points", " pts"] where lower.hasSuffix(suffix) {
            lower = String(lower.dropLast(suffix.count)).trimmingSpaces()
            unit = true
            break
        }
        func number(_ text: some StringProtocol) -> Double? {
            // Plain decimal numbers only: no "inf", "nan" or exponents.
            let trimmed = String(text).trimmingSpaces()
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
                  let value = Double(trimmed), abs(value) < 1e6 else { return nil }
            return value
        }
        let parts = (lower.contains(" out of ") ? lower.replacingOccurrences(of: " out of ", with: "/") : lower).split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, let numerator = number(parts[0]), let denominator = number(parts[1]), denominator > 0 {
            value = numerator
            outOf = denominator
            form = .fraction
            return
        }
        guard let value = number(lower) else { return nil }
        self.value = value
        form = unit ? .stars : .number
    }
}
