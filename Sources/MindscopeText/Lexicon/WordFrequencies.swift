#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// General-English word frequencies on the Zipf scale (log10 of occurrences per billion words:
/// "the" 7.7, "delivery" 4.6), from `lexicons/background.tsv` (derived from wordfreq, see
/// `lexicons/sources/derive_background.py`). Topic discovery measures how distinctive a file's
/// words are against them; discovery and learning use them to tell function words from content.
public struct WordFrequencies: Sendable {
    private var zipf: [String: Double] = [:]

    /// A word this frequent or more is a function word ("the", "was", "back", "very": about
    /// 105 words): never a phrase of its own, and no phrase opens with one.
    public static let functionWord = 6.0
    /// A word this frequent or more ("the", "is", "and", "to", "my": about 35) does not end a
    /// phrase either; "size up" and "sold out" end with a function word below this.
    public static let glueWord = 6.5
    /// What a word that is not listed counts as: rarer than the list's rarest.
    public static let unlisted = 2.5

    public init() {}

    public init(_ entries: [String: Double]) { zipf = entries }

    public var count: Int { zipf.count }
    public var isEmpty: Bool { zipf.isEmpty }

    /// The word's Zipf value, or ``unlisted``.
    public func zipf(of word: String) -> Double { zipf[word] ?? Self.unlisted }

    /// How often the word occurs in general English, per word of text.
    public func rate(of word: String) -> Double { pow(10, zipf(of: word) - 9) }

    public func isFunctionWord(_ word: String) -> Bool { zipf(of: word) >= Self.functionWord }
    public func isGlueWord(_ word: String) -> Bool { zipf(of: word) >= Self.glueWord }

    /// Parses `word<TAB>zipf` lines.
    public static func parse(_ contents: String, source: String) throws(LexiconError) -> Loaded<WordFrequencies> {
        var result = WordFrequencies()
        var duplicates = DuplicateCheck(source: source)
        for line in LexiconLines(contents: contents) {
            guard line.fields.count >= 2, !line.fields[0].isEmpty else {
                throw LexiconError(source: source, line: line.number, problem: .malformedLine("expected word<TAB>zipf, got '\(line.text.prefix(60))'"))
            }
            guard let value = Double(line.fields[1]), (0...10).contains(value) else {
                throw LexiconError(source: source, line: line.number, problem: .badWeight(String(line.fields[1]), allowed: 0...10))
            }
            let word = Tokenizer.lookupForm(String(line.fields[0]))
            if duplicates.isNew(word, line: line.number) { result.zipf[word] = value }
        }
        return Loaded(value: result, warnings: duplicates.warnings)
    }
}
