import Foundation

/// A row of a delimited or JSONL file, with the line it starts on (1-based).
public struct RawRow: Sendable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// Streams RFC 4180 rows: quoted fields with embedded delimiters, newlines and doubled quotes;
/// CRLF or LF line ends; a UTF-8 byte-order mark skipped. Invalid UTF-8 and NUL bytes are
/// replaced with U+FFFD, and each field so repaired is counted.
///
/// Hand-written rather than built on CSV.swift or SwiftCSV: those either load the whole file
/// (SwiftCSV) or report neither line numbers nor repaired bytes (CSV.swift), which the error
/// messages need.
final class DelimitedReader {
    private let source: ByteSource
    private let path: String
    /// nil reads whole lines with no quoting (JSONL).
    let delimiter: UInt8?
    let limits: InputLimits
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var checkedBOM = false
    /// Fields whose bytes were not valid UTF-8 or held NUL bytes.
    private(set) var repairedFields = 0
    /// Where fields were repaired since the caller last took them: line and 1-based field.
    var repairs: [(line: Int, field: Int)] = []

    /// Bytes read from the input so far, and its size when known.
    var progress: (bytes: Int, total: Int?) { (source.consumed, source.size) }

    /// The byte offset in the input of the next byte a row would start with: after a row, where
    /// the next one begins.
    var offset: Int { source.consumed - (buffer.count - position) }

    /// - Parameter firstLine: the line the input starts on: above 1 for a part of a file
    ///   (which has no byte-order mark to skip).
    init(source: ByteSource, path: String, delimiter: UInt8?, limits: InputLimits = .standard, firstLine: Int = 1) {
        self.source = source
        self.path = path
        self.delimiter = delimiter
        self.limits = limits
        line = firstLine
        checkedBOM = firstLine > 1
    }

    /// Makes sure at least one more byte is buffered; false at the end of input.
    private func fill() throws(MindscopeError) -> Bool {
        if position < buffer.count { return true }
        if atEnd { return false }
        guard let data = try source.next() else { atEnd = true; return false }
        buffer = [UInt8](data)
        position = 0
        if !checkedBOM {
            checkedBOM = true
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            return try fill()
        }
        return true
    }

    private func peek() throws(MindscopeError) -> UInt8? {
        try fill() ? buffer[position] : nil
    }

    /// The next row, or nil at the end of input. A row over a limit is read to its end without
    /// being kept, then thrown as bad input (the caller may read on).
    /// - Parameter header: the row is the header, so one over a limit ends the run.
    func next(header: Bool = false) throws(MindscopeError) -> RawRow? {
        guard try peek() != nil else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var fieldStarted = false
        /// Whether the last byte read was a line break (the file's last line is then one before `line`).
        var afterBreak = false
        // A JSONL line is one field: the row limit is its limit.
        let fieldLimit = delimiter == nil ? limits.rowBytes : limits.fieldBytes
        let row = header ? "the header" : "the row"
        var rowBytes = 0
        /// Why the row is over a limit; once set, nothing more of the row is kept.
        var overLimit: String?
        func drop(because reason: String) {
            overLimit = reason
            fields.removeAll()
            field.removeAll()
        }
        func keep(_ byte: UInt8) {
            rowBytes += 1
            guard overLimit == nil else { return }
            if field.count >= fieldLimit {
                drop(because: delimiter == nil
                    ? "the line is longer than \(InputLimits.describe(bytes: limits.rowBytes)) (--max-row-bytes)"
                    : "field \(fields.count + 1) is longer than \(InputLimits.describe(bytes: fieldLimit)) (--max-field-bytes)")
            } else if rowBytes > limits.rowBytes {
                drop(because: "\(row) is longer than \(InputLimits.describe(bytes: limits.rowBytes)) (--max-row-bytes)")
            } else {
                field.append(byte)
            }
        }
        func finish() throws(MindscopeError) -> RawRow {
            if let overLimit {
                throw .badInput(path: path, line: startLine, message: header ? overLimit : overLimit + "; row skipped")
            }
            return RawRow(line: startLine, fields: fields)
        }
        func finishField() {
            guard overLimit == nil else { return }
            guard fields.count < limits.columns else {
                drop(because: "\(row) has more than \(limits.columns) fields (--max-columns)")
                return
            }
            // A NUL byte is never text: replaced like invalid UTF-8; a field so repaired is
            // counted once and its place noted.
            var repaired = false
            if field.contains(0) {
                repaired = true
                field = field.flatMap { $0 == 0 ? [0xEF, 0xBF, 0xBD] : [$0] }
            }
            // ASCII (most fields) is valid UTF-8 as it is: decoded without the generic
            // validation, which cost about a thousand instructions a field.
            if field.withUnsafeBufferPointer({ $0.allSatisfy { $0 < 0x80 } }) {
                fields.append(String(decoding: field, as: UTF8.self))
            } else if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                repaired = true
                fields.append(String(decoding: field, as: UTF8.self))
            }
            if repaired {
                repairedFields += 1
                repairs.append((startLine, fields.count))
            }
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
        }
        /// Keeps the bytes `start..<end` of the buffer, as `keep` would one by one.
        func keepRun(_ start: Int, _ end: Int) {
            let count = end - start
            if overLimit != nil {
                rowBytes += count
            } else if field.count + count <= fieldLimit, rowBytes + count <= limits.rowBytes {
                field.append(contentsOf: buffer[start..<end])
                rowBytes += count
            } else {
                for index in start..<end { keep(buffer[index]) }
            }
        }
        while try fill() {
            // A run of bytes with no meaning to the parser (no quote, delimiter or line break)
            // is kept in one step: byte by byte, the reader was a fifth of `tag`'s instructions.
            let start = position
            let end = buffer.withUnsafeBufferPointer { bytes in
                var end = start
                if quoted {
                    while end < bytes.count, bytes[end] != 0x22, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
                } else if let delimiter {
                    while end < bytes.count, bytes[end] != 0x22, bytes[end] != delimiter, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
                } else {
                    while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
                }
                return end
            }
            if end > start {
                keepRun(start, end)
                position = end
                if quoted { afterBreak = false } else { fieldStarted = true }
                continue
            }
            let byte = buffer[position]
            position += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if try peek() == UInt8(ascii: "\"") { position += 1; keep(byte) } else { quoted = false }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 } else if byte == UInt8(ascii: "\r"), try peek() != UInt8(ascii: "\n") { line += 1 }
                    afterBreak = byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                    keep(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where !fieldStarted && field.isEmpty && delimiter != nil:
                quoted = true
                fieldStarted = true
            case delimiter where delimiter != nil:
                finishField()
            case UInt8(ascii: "\r") where try peek() == UInt8(ascii: "\n"):
                continue
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):  // LF, CRLF, or a lone CR (old Mac, some Excel exports)
                line += 1
                finishField()
                return try finish()
            default:
                fieldStarted = true
                keep(byte)
            }
        }
        if quoted {
            let last = afterBreak ? line - 1 : line
            throw .badInput(path: path, line: startLine, message: "unclosed quote: the field opened on this line runs to the end of the file"
                            + (last > startLine ? ", so lines \(startLine)–\(last) could not be read" : ""))
        }
        finishField()
        return try finish()
    }
}
