/// Why a lexicon file could not be used, with where and a hint towards the fix.
public struct LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        /// The line does not have the fields the file's format needs.
        case malformedLine(String)
        /// A weight or valence that is not a number, or out of its range.
        case badWeight(String, allowed: ClosedRange<Double>)
        /// The same entry twice in one file.
        case duplicate(String, firstLine: Int)
        /// A value that is not one of the allowed words.
        case unknownValue(String, allowed: [String])
        /// Entries that are each well formed but do not fit together (a theme with no lens, a
        /// cue in two themes), said in full.
        case conflict(String)
    }

    /// The file's name or path, as given to the loader.
    public var source: String
    /// 1-based line number.
    public var line: Int
    public var problem: Problem

    public init(source: String, line: Int, problem: Problem) {
        self.source = source
        self.line = line
        self.problem = problem
    }

    public var description: String {
        let what: String
        switch problem {
        case .malformedLine(let hint): what = "malformed line: \(hint)"
        case .badWeight(let value, let allowed):
            what = "bad weight '\(value)': expected a number from \(allowed.lowerBound) to \(allowed.upperBound)"
        case .duplicate(let entry, let first): what = "duplicate entry '\(entry)' (first on line \(first)); remove one"
        case .unknownValue(let value, let allowed):
            what = "unknown value '\(value)': expected one of \(allowed.joined(separator: ", "))"
        case .conflict(let message): what = message
        }
        return "\(source):\(line): \(what)"
    }
}

/// The lines of a lexicon file that carry data: blank lines and `#` comments are skipped,
/// fields are split on tabs.
public struct LexiconLines: Sequence {
    public struct Line {
        public var number: Int
        public var fields: [Substring]
        public var text: Substring
    }

    public let contents: String

    public init(contents: String) { self.contents = contents }

    /// Lines and fields are found on UTF-8 bytes: a line feed and a tab are grapheme clusters of
    /// their own (a carriage return joins only a following line feed, and is dropped), so this
    /// splits where splitting by Character did, without breaking the whole file into grapheme
    /// clusters (which was most of the lexicons' loading time, itself most of a small run's).
    public func makeIterator() -> AnyIterator<Line> {
        let utf8 = contents.utf8
        var position = utf8.startIndex
        var number = 0
        return AnyIterator {
            while position < utf8.endIndex {
                let end = utf8[position...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
                var textEnd = end
                func dropReturn() {
                    if textEnd > position, utf8[utf8.index(before: textEnd)] == UInt8(ascii: "\r") { textEnd = utf8.index(before: textEnd) }
                }
                if end < utf8.endIndex { dropReturn() }  // the CR of a CRLF separator
                dropReturn()  // and a CR that ends the line's text
                let text = contents[position..<textEnd]
                position = end < utf8.endIndex ? utf8.index(after: end) : end
                number += 1
                let trimmed = text.drop { $0 == " " || $0 == "\t" }
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                var fields: [Substring] = []
                var start = text.startIndex
                for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: "\t") {
                    fields.append(text[start..<index].trimmingSpaces())
                    start = text.utf8.index(after: index)
                }
                fields.append(text[start...].trimmingSpaces())
                return Line(number: number, fields: fields, text: text)
            }
            return nil
        }
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}

/// Tracks first occurrences to report duplicates within one file. A duplicate is a warning,
/// not an error, so that a published lexicon with repeated lines (VADER's has a few) still
/// loads: the first entry is kept and the later line is reported.
public struct DuplicateCheck {
    private var firstLine: [String: Int] = [:]
    public let source: String
    public private(set) var warnings: [LexiconError] = []

    public init(source: String) { self.source = source }

    /// Records a warning about a line that is skipped.
    public mutating func warn(_ warning: LexiconError) { warnings.append(warning) }

    /// True the first time `key` is seen.
    public mutating func isNew(_ key: String, line: Int) -> Bool {
        if let first = firstLine[key] {
            warnings.append(LexiconError(source: source, line: line, problem: .duplicate(key, firstLine: first)))
            return false
        }
        firstLine[key] = line
        return true
    }
}

/// A loaded lexicon part with the warnings loading raised.
public struct Loaded<Value: Sendable>: Sendable {
    public var value: Value
    public var warnings: [LexiconError]

    public init(value: Value, warnings: [LexiconError]) {
        self.value = value
        self.warnings = warnings
    }
}
