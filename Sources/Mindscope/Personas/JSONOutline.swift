import Foundation

/// Where the keys of a small JSON document are written, found in one pass over its bytes that
/// also checks the syntax strictly (RFC 8259) and reports the first problem with its line and
/// column.
///
/// `JSONDecoder` decodes the values but, on Linux, says neither where a syntax error is ("The
/// given data was not valid JSON.") nor where a decoded field was written; it also accepts a
/// trailing comma and keeps one of two equal keys silently. The outline runs first, so messages
/// can name `FILE:LINE`.
///
/// ```swift
/// let outline = try JSONOutline(Data(#"{"name": "X",\n "goals": ["a", "b"]}"#.utf8))
/// outline.lines["goals"]    // 2
/// outline.lines["goals.1"]  // 2: list items are numbered from 0
/// ```
///
/// - Complexity: O(n) in the bytes, without recursion: nesting costs one stack entry per level
///   and stops at `deepest` levels.
struct JSONOutline: Sendable {
    /// The first thing wrong with the document's syntax.
    struct Problem: Error, Sendable {
        /// 1-based; nil when the file is empty.
        var line: Int?
        var column: Int?
        var detail: String
    }

    /// The line of each key, dotted (`preferences.tone`), and of each list item (`domains.0`),
    /// up to `recorded` levels deep; the first one when a key is written twice.
    private(set) var lines: [String: Int] = [:]
    /// Keys written twice in the same object (dotted), with the lines of both.
    private(set) var duplicates: [(field: String, first: Int, again: Int)] = []

    /// The one-letter escapes of JSON strings and the bytes they stand for.
    private static let escapes: [UInt8: UInt8] = [
        UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
        UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]

    private enum Expect { case value, valueOrEnd, keyOrEnd, key, colon, commaOrEnd, nothing }

    private struct Container {
        var isObject: Bool
        /// The dotted path of the container, or nil below the recorded levels.
        var path: String?
        var level: Int
        /// In an object, the last key read; in a list, the index of the current item.
        var key = ""
        var index = 0
        var seen: [String: Int] = [:]

        func child(_ name: String, recorded: Int) -> String? {
            guard let path, level < recorded else { return nil }
            return path.isEmpty ? name : path + "." + name
        }
    }

    init(_ data: Data, recorded: Int = 2, deepest: Int = 64) throws(Problem) {
        let bytes = [UInt8](data)
        // JSON is UTF-8; a Latin-1 "é" would otherwise reach the decoder as a wrong type.
        if String(validating: bytes, as: UTF8.self) == nil {
            let bad = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).firstIndex { String(validating: $0, as: UTF8.self) == nil }
            throw Problem(line: bad.map { $0 + 1 }, column: nil, detail: "the file is not UTF-8 text (save it as UTF-8)")
        }
        var offset = 0
        var line = 1
        var lineStart = 0
        // A UTF-8 byte order mark, which editors on Windows may write, is skipped.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3; lineStart = 3 }
        var stack: [Container] = []
        var expect = Expect.value

        func problem(_ detail: String, at position: Int? = nil) -> Problem {
            let position = position ?? offset
            // The column counts characters, not bytes, from the line's start.
            let column = String(decoding: bytes[lineStart..<min(position, bytes.count)], as: UTF8.self).count + 1
            return Problem(line: line, column: column, detail: detail)
        }
        func shown(_ byte: UInt8) -> String {
            (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : String(format: "byte 0x%02X", byte)
        }
        /// Reads the string starting at `offset` (on its opening quote) and returns its text.
        func string() throws(Problem) -> String {
            let start = offset
            offset += 1
            var text: [UInt8] = []
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    offset += 1
                    return String(decoding: text, as: UTF8.self)
                }
                if byte < 0x20 {
                    throw problem(byte == 0x0A ? "a string runs past the end of its line (a closing '\"' missing?)"
                                               : "a control character (\(shown(byte))) inside a string")
                }
                guard byte == UInt8(ascii: "\\") else {
                    text.append(byte)
                    offset += 1
                    continue
                }
                guard offset + 1 < bytes.count else { break }
                let escaped = bytes[offset + 1]
                if let value = Self.escapes[escaped] {
                    text.append(value)
                    offset += 2
                } else if escaped == UInt8(ascii: "u") {
                    let hex = bytes[(offset + 2)..<min(offset + 6, bytes.count)]
                    guard hex.count == 4, hex.allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }), let code = UInt32(String(decoding: hex, as: UTF8.self), radix: 16) else {
                        throw problem("\\u needs four hexadecimal digits")
                    }
                    // A surrogate half reads as U+FFFD: only key names are kept here.
                    text.append(contentsOf: String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8)
                    offset += 6
                } else {
                    throw problem("unknown escape \(shown(escaped)) after '\\' in a string")
                }
            }
            throw problem("the file ends inside the string that starts at column \(start - lineStart + 1)")
        }
        /// Reads the number starting at `offset`, checking its form and range.
        func number() throws(Problem) {
            let start = offset
            func digits() -> Int {
                let from = offset
                while offset < bytes.count, (0x30...0x39).contains(bytes[offset]) { offset += 1 }
                return offset - from
            }
            if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            let first = offset < bytes.count ? bytes[offset] : 0
            let whole = digits()
            guard whole > 0 else { throw problem("a number needs digits after '-'") }
            if whole > 1 && first == UInt8(ascii: "0") { throw problem("a number cannot start with 0", at: start) }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
                offset += 1
                guard digits() > 0 else { throw problem("a number needs digits after '.'") }
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
                offset += 1
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
                guard digits() > 0 else { throw problem("a number needs digits in its exponent") }
            }
            let text = String(decoding: bytes[start..<offset], as: UTF8.self)
            guard let value = Double(text), value.isFinite else {
                throw problem("Number \(text) is not representable (beyond ±1.8e308)", at: start)
            }
        }

        while true {
            // Whitespace: the four characters JSON allows.
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == 0x0A { line += 1; lineStart = offset + 1 } else if byte != 0x20 && byte != 0x09 && byte != 0x0D { break }
                offset += 1
            }
            guard offset < bytes.count else {
                if expect == .nothing { return }
                if stack.isEmpty { throw Problem(line: nil, column: nil, detail: "the file is empty") }
                throw problem("the file ends inside \(stack.last!.isObject ? "an object (a '}' missing?)" : "a list (a ']' missing?)")")
            }
            let byte = bytes[offset]
            switch expect {
            case .nothing:
                throw problem("more after the end of the JSON value: \(shown(byte))")
            case .colon:
                guard byte == UInt8(ascii: ":") else { throw problem("expected ':' after the key '\(stack[stack.count - 1].key)', found \(shown(byte))") }
                offset += 1
                expect = .value
                continue
            case .commaOrEnd:
                let isObject = stack[stack.count - 1].isObject
                if byte == UInt8(ascii: ",") {
                    offset += 1
                    if isObject { expect = .key } else { stack[stack.count - 1].index += 1; expect = .value }
                    continue
                }
                guard byte == UInt8(ascii: isObject ? "}" : "]") else {
                    throw problem("expected ',' or '\(isObject ? "}" : "]")', found \(shown(byte))" + (byte == UInt8(ascii: "\"") ? " (a comma missing?)" : ""))
                }
                offset += 1
                stack.removeLast()
                expect = stack.isEmpty ? .nothing : .commaOrEnd
                continue
            case .keyOrEnd, .key:
                if expect == .keyOrEnd && byte == UInt8(ascii: "}") {
                    offset += 1
                    stack.removeLast()
                    expect = stack.isEmpty ? .nothing : .commaOrEnd
                    continue
                }
                guard byte == UInt8(ascii: "\"") else {
                    throw problem(byte == UInt8(ascii: "}") ? "a comma before '}'" : "expected a key in double quotes, found \(shown(byte))")
                }
                let keyLine = line
                let key = try string()
                var top = stack[stack.count - 1]
                top.key = key
                if let field = top.child(key, recorded: recorded) {
                    if let first = top.seen[key] { duplicates.append((field, first, keyLine)) } else { top.seen[key] = keyLine }
                    if lines[field] == nil { lines[field] = keyLine }
                }
                stack[stack.count - 1] = top
                expect = .colon
                continue
            case .value, .valueOrEnd:
                if expect == .valueOrEnd && byte == UInt8(ascii: "]") {
                    offset += 1
                    stack.removeLast()
                    expect = stack.isEmpty ? .nothing : .commaOrEnd
                    continue
                }
                // The path of this value: the key it belongs to, or its index in a list.
                let path: String?
                if let top = stack.last {
                    path = top.child(top.isObject ? top.key : String(top.index), recorded: recorded)
                    if !top.isObject, let path, lines[path] == nil { lines[path] = line }
                } else {
                    path = ""
                }
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard stack.count < deepest else { throw problem("nested deeper than \(deepest) levels of lists and objects") }
                    let isObject = byte == UInt8(ascii: "{")
                    stack.append(Container(isObject: isObject, path: path, level: stack.count))
                    offset += 1
                    expect = isObject ? .keyOrEnd : .valueOrEnd
                    continue
                case UInt8(ascii: "\""):
                    _ = try string()
                case UInt8(ascii: "-"), 0x30...0x39:
                    try number()
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    let word = ["true", "false", "null"].first { bytes[offset...].starts(with: $0.utf8) }
                    guard let word else { throw problem("expected true, false or null") }
                    offset += word.utf8.count
                case UInt8(ascii: "]") where expect == .value:
                    throw problem("a comma before ']'")
                default:
                    throw problem("expected a value (a string in double quotes, a number, true, false, null, a list or an object), found \(shown(byte))")
                }
                expect = stack.isEmpty ? .nothing : .commaOrEnd
            }
        }
    }
}
