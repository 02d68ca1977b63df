import Foundation

/// The file formats `mindscope` reads.
public enum InputFormat: String, Sendable, CaseIterable {
    case csv, tsv, jsonl

    /// From the file's extension, else from its first bytes: `{` opens JSONL, a first line
    /// with more tabs than commas is TSV, anything else CSV.
    static func detect(path: String, firstChunk: Data?) -> InputFormat {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        case "jsonl", "ndjson", "json": return .jsonl
        default: break
        }
        guard let chunk = firstChunk else { return .csv }
        let bytes = chunk.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }
        if bytes.first == UInt8(ascii: "{") { return .jsonl }
        let firstLine = bytes.prefix { $0 != 0x0A }
        return firstLine.filter { $0 == 0x09 }.count > firstLine.filter { $0 == UInt8(ascii: ",") }.count ? .tsv : .csv
    }
}

/// Reads the rows of a CSV, TSV or JSONL file (or standard input, `-`) after its header,
/// streaming. Each row's fields line up with ``headers``; JSONL objects are mapped by key.
public final class RecordReader {
    /// The file's name in messages.
    public let path: String
    /// The file read (`-` for standard input).
    let sourcePath: String
    public let format: InputFormat
    /// The column names, unique (see ``SurveyHeader``).
    public var headers: [String] { header.names }
    /// The header: layout, names, question texts, warnings.
    public private(set) var header = SurveyHeader(layout: .plain, names: [], questions: [], rows: 1, warnings: [])
    /// The byte-level reader: delimited fields for CSV and TSV, whole lines for JSONL.
    let rows: DelimitedReader
    private var lookahead: [Result<RawRow, MindscopeError>] = []
    /// Bytes read so far, and the file's size when known.
    public var progress: (bytes: Int, total: Int?) { rows.progress }
    /// JSONL lines that were not a JSON object: reported as bad rows by ``next()``.
    public var repairedFields: Int { rows.repairedFields }

    /// Whether the rows so far (read or buffered) reached the end of the input.
    private(set) var reachedEnd = false

    /// Things worth telling about rows that were still read (ignored JSONL keys); the caller
    /// reports and clears them.
    public var notices: [String] = []

    /// The most bytes of rows ``peek(_:)`` buffers.
    static let peekBudget = 8 << 20

    /// How many JSONL objects give the columns.
    static let jsonKeySample = 200

    public let limits: InputLimits

    /// - Parameter name: the file's name in messages, when not `path` (standard input).
    public init(path: String, name: String? = nil, format: InputFormat? = nil, limits: InputLimits = .standard) throws(MindscopeError) {
        let source = try ByteSource(path: path)
        self.path = name ?? path
        sourcePath = path
        self.limits = limits
        let firstChunk = try source.peek()
        let format = format ?? InputFormat.detect(path: path, firstChunk: firstChunk)
        self.format = format
        switch format {
        case .csv, .tsv:
            rows = DelimitedReader(source: source, path: self.path, delimiter: format == .csv ? UInt8(ascii: ",") : 0x09, limits: limits)
            var headerRow = try rows.next(header: true)
            while headerRow?.fields == [""] { headerRow = try rows.next(header: true) }  // blank lines before the header
            guard let first = headerRow else {
                throw .badInput(path: self.path, line: 1, message: "empty file (or only blank lines): expected a header row")
            }
            var following: [[String]] = []
            for _ in 0..<2 {
                do {
                    guard let row = try readRow() else { break }
                    lookahead.append(.success(row))
                    following.append(row.fields)
                } catch {
                    lookahead.append(.failure(error))
                    break
                }
            }
            let (detected, consumed) = SurveyHeader.detect(first: first.fields, following: following)
            header = detected
            lookahead.removeFirst(consumed)
            header.warnings = header.warnings.map { "\(self.path):\(first.line): \($0)" }
        case .jsonl:
            rows = DelimitedReader(source: source, path: self.path, delimiter: nil, limits: limits)
            // The columns are the keys of the first objects (up to the sample size), in the
            // order first seen; bad lines among them are kept to be reported in order.
            var keys: [String] = []
            var objects: [Result<(line: Int, values: [String: String]), MindscopeError>] = []
            var bytes = 0
            while objects.count < Self.jsonKeySample, bytes < Self.peekBudget {
                do {
                    guard let object = try nextJSONObject() else { break }
                    bytes += object.values.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
                    for key in object.values.keys.sorted() where !keys.contains(key) { keys.append(key) }
                    objects.append(.success(object))
                } catch {
                    objects.append(.failure(error))
                }
            }
            guard !keys.isEmpty else {
                if case .failure(let error) = objects.first { throw error }
                throw .badInput(path: self.path, line: 1, message: "no JSON object with any key: expected objects such as {\"id\": 1, \"comment\": \"…\"}, one per line")
            }
            header = SurveyHeader(layout: .plain, names: keys, questions: keys, rows: 0, warnings: [])
            lookahead = objects.map { result in result.map { object in RawRow(line: object.line, fields: keys.map { object.values[$0] ?? "" }) } }
        }
    }

    /// Reads a part of an export: its lines from `firstLine` on, with the layout and columns of
    /// `head`, a reader of the export's start. A part that starts on line 1 starts with the
    /// export's header, which is skipped; a later part has none. `name` is the export's name
    /// in messages. A part must start at a row boundary.
    public init(path: String, name: String, continuing head: RecordReader, firstLine: Int, limits: InputLimits = .standard) throws(MindscopeError) {
        let source = try ByteSource(path: path)
        self.path = name
        sourcePath = path
        self.limits = limits
        format = head.format
        header = head.header
        header.warnings = []
        rows = DelimitedReader(source: source, path: name, delimiter: head.rows.delimiter, limits: limits, firstLine: firstLine)
        guard firstLine == 1, format != .jsonl else { return }
        var skipped = 0
        while skipped < max(1, header.rows) {
            guard let row = try rows.next(header: true) else { break }
            if skipped == 0, row.fields == [""] { continue }  // blank lines before the header
            skipped += 1
        }
    }

    /// The next data row, or nil at the end. A row that cannot be read throws with its line;
    /// the caller may go on reading after it.
    public func next() throws(MindscopeError) -> RawRow? {
        if !lookahead.isEmpty { return try lookahead.removeFirst().get() }
        return try readRow()
    }

    /// Buffers up to `count` rows for sniffing and returns the good ones; ``next()`` still
    /// yields all of them, errors included, in order.
    /// Stops early once the rows buffered hold ``peekBudget`` bytes, so a sample of huge
    /// rows does not cost hundreds of megabytes.
    public func peek(_ count: Int) -> [RawRow] {
        var bytes = 0
        while lookahead.count < count, bytes < Self.peekBudget {
            do {
                guard let row = try readRow() else { break }
                bytes += row.fields.reduce(0) { $0 + $1.utf8.count }
                lookahead.append(.success(row))
            } catch {
                lookahead.append(.failure(error))
                if case .unreadable = error { break }
            }
        }
        return lookahead.prefix(count).compactMap { try? $0.get() }
    }

    /// The deepest nesting of arrays and objects a JSONL line may have; survey exports have
    /// two or three levels.
    static let deepestNesting = 64

    /// The deepest nesting of `[` and `{` outside strings.
    static func nesting(of text: String) -> Int {
        var depth = 0, deepest = 0
        var inString = false, escaped = false
        for byte in text.utf8 {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1; deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    /// How many repaired fields are reported one by one; the rest are only counted.
    static let repairsReported = 10

    private func readRow() throws(MindscopeError) -> RawRow? {
        defer { noteRepairs() }
        switch format {
        case .csv, .tsv:
            while let row = try rows.next() {
                if row.fields == [""] { continue }  // blank line
                return row
            }
            reachedEnd = true
            return nil
        case .jsonl:
            guard let object = try nextJSONObject() else { return nil }
            let unknown = object.values.keys.filter { !headers.contains($0) && !(object.values[$0] ?? "").isEmpty }.sorted()
            if !unknown.isEmpty {
                // A key the first objects did not have: reported rather than dropped unseen.
                notices.append("\(path):\(object.line): keys \(unknown.map { "'\($0)'" }.joined(separator: ", ")) are not among the columns (taken from the first \(Self.jsonKeySample) objects) and are ignored")
            }
            return RawRow(line: object.line, fields: headers.map { object.values[$0] ?? "" })
        }
    }

    /// Turns the reader's repaired fields into notices, the first few by place.
    private func noteRepairs() {
        guard !rows.repairs.isEmpty else { return }
        for repair in rows.repairs {
            reportedRepairs += 1
            if reportedRepairs <= Self.repairsReported {
                let place = format == .jsonl ? "the line" : "field \(repair.field)"
                notices.append("\(path):\(repair.line): \(place) held invalid UTF-8 or NUL bytes, replaced with U+FFFD"
                               + (reportedRepairs == Self.repairsReported ? " (further such fields are only counted)" : ""))
            }
        }
        rows.repairs.removeAll()
    }

    private var reportedRepairs = 0

    private func nextJSONObject() throws(MindscopeError) -> (line: Int, values: [String: String])? {
        while let row = try rows.next() {
            let text = row.fields[0]
            if text.allSatisfy(\.isWhitespace) { continue }
            // Foundation's decoder slows with the square of the depth (each failed guess in
            // JSONValue builds the coding path): 50 lines nested 510 deep took a minute.
            guard Self.nesting(of: text) <= Self.deepestNesting else {
                throw .badInput(path: path, line: row.line, message: "JSON nested deeper than \(Self.deepestNesting) levels; row skipped")
            }
            guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8)) else {
                throw .badInput(path: path, line: row.line, message: "not a JSON object: \(text.prefix(60))")
            }
            guard object.count <= limits.columns else {
                throw .badInput(path: path, line: row.line, message: "the object has more than \(limits.columns) keys (--max-columns); row skipped")
            }
            let values = object.mapValues(\.text)
            if let (key, _) = values.first(where: { $0.value.utf8.count > limits.fieldBytes }) {
                throw .badInput(path: path, line: row.line,
                                message: "the value of '\(key.prefix(60))' is longer than \(InputLimits.describe(bytes: limits.fieldBytes)) (--max-field-bytes); row skipped")
            }
            return (row.line, values)
        }
        reachedEnd = true
        return nil
    }

}

/// Any JSON value, kept so a field can be shown as text.
enum JSONValue: Codable, Sendable {
    case string(String), bool(Bool), integer(Int64), number(Double), null
    case array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(Decimal.self), case let digits = value.description,
                digits.count > 18, digits.allSatisfy({ $0.isNumber || $0 == "-" }) {
            // An integer id beyond Int64: keep every digit rather than a rounded Double.
            self = .string(digits)
        }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let v): try container.encode(v)
        case .bool(let v): try container.encode(v)
        case .integer(let v): try container.encode(v)
        case .number(let v): try container.encode(v)
        case .null: try container.encodeNil()
        case .array(let v): try container.encode(v)
        case .object(let v): try container.encode(v)
        }
    }

    /// The value as a field: strings as they are, numbers and booleans as written, null empty,
    /// arrays and objects as compact JSON.
    var text: String {
        switch self {
        case .string(let v): v
        case .bool(let v): v ? "true" : "false"
        case .integer(let v): String(v)
        case .number(let v): String(v)
        case .null: ""
        case .array, .object:
            (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}
