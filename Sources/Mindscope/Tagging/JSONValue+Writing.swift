/// A JSON document built in a fixed key order.
///
/// Hand-written because Foundation's `JSONEncoder` on Linux writes object keys in hash order
/// (or sorted), and the JSON outputs promise their documented order, so that golden files and
/// diffs stay stable. `analyze --format json` and the discovery report are built this way;
/// `tag`'s lines, one per row, are written without a tree (``TagLine``).
public indirect enum JSONDocument: Sendable, Equatable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONDocument])
    case object([(String, JSONDocument)])

    public static func == (a: JSONDocument, b: JSONDocument) -> Bool { a.text == b.text }

    /// Compact JSON text.
    public var text: String {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends compact JSON as UTF-8 bytes (numbers and strings as `mindscope tag` writes them:
    /// see ``Swift/Array/appendJSONNumber(_:)`` and ``Swift/Array/appendJSONString(_:)-(String)``).
    public func write(into out: inout [UInt8]) {
        switch self {
        case .string(let s): out.appendJSONString(s)
        case .number(let x): out.appendJSONNumber(x)
        case .integer(let i): out.appendInteger(i)
        case .bool(let b): out.append(ascii: b ? "true" : "false")
        case .null: out.append(ascii: "null")
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.appendJSONString(key)
                out.append(UInt8(ascii: ":"))
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
