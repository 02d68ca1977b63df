/// A JSON document built in a fixed key order.
///
/// Hand-written because Foundation's `JSONEncoder` on Linux writes object keys in hash order
/// (or sorted), and `mindscope tag` promises the documented order, line after line, so that
/// golden files and diffs stay stable.
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

    /// Appends compact JSON as UTF-8 bytes (bytes rather than String appends: a third of
    /// `mindscope tag`'s time went to String growth before).
    public func write(into out: inout [UInt8]) {
        switch self {
        case .string(let s): Self.quote(s, into: &out)
        case .number(let x): out += (x.isFinite ? (x == x.rounded() && abs(x) < 1e15 ? String(format1: x) : "\(x)") : "null").utf8
        case .integer(let i): out += String(i).utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .null: out += "null".utf8
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
                Self.quote(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// RFC 8259 string escaping: quotes, backslashes and control characters, plus U+2028 and
    /// U+2029 (line breaks to JavaScript).
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole.
            var run = 0
            var i = 0
            func escape(_ text: String, skipping extra: Int = 0) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                out += text.utf8
                i += 1 + extra
                run = i
            }
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "\""): escape(#"\""#)
                case UInt8(ascii: "\\"): escape(#"\\"#)
                case UInt8(ascii: "\n"): escape(#"\n"#)
                case UInt8(ascii: "\r"): escape(#"\r"#)
                case UInt8(ascii: "\t"): escape(#"\t"#)
                case 0..<0x20:
                    escape(#"\u00"# + String(UnicodeScalar(hexDigits[Int(byte >> 4)])) + String(UnicodeScalar(hexDigits[Int(byte & 0xF)])))
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escape(bytes[i + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#, skipping: 2)
                default:
                    i += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

private extension String {
    /// A whole number written with one decimal, as `120.0`.
    init(format1 x: Double) { self = "\(Int64(x)).0" }
}
