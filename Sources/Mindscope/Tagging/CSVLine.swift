import Foundation

/// RFC 4180 output: a field with a comma, quote or line break is quoted, its quotes doubled.
///
/// "Has a comma, quote or line break" means what it meant when fields were Swift strings: one
/// of their *characters* (extended grapheme clusters) is `,`, `"`, `\n` or `\r`. So CR LF,
/// which is one character, does not quote a field by itself, and neither does a comma or
/// quote that a combining mark joins. ASCII fields are decided on their bytes; the rare
/// non-ASCII field with one of those bytes goes through `String` as before.
enum CSVLine {
    /// Appends a cell, made inert for spreadsheets first when `inert` (OWASP CSV injection):
    /// text starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so
    /// Excel, Sheets and LibreOffice show it rather than evaluate it.
    static func append(_ cell: String, inert: Bool = false, to out: inout [UInt8]) {
        let start = out.count
        if inert, let first = cell.utf8.first, formulaStarts.contains(first) { out.append(UInt8(ascii: "'")) }
        out.append(utf8: cell)
        quote(&out, from: start)
    }

    /// First bytes that make a cell a formula (all ASCII, so the first byte is the first scalar).
    private static let formulaStarts: [UInt8] = ["=", "+", "-", "@", "\t", "\r"].map { UInt8(ascii: $0) }

    /// Quotes the field that `out` holds from `start` on, if it needs quotes.
    static func quote(_ out: inout [UInt8], from start: Int) {
        var special = false, ascii = true, needsQuotes = false
        out.withUnsafeBufferPointer { all in
            let field = UnsafeBufferPointer(rebasing: all[start...])
            for (i, byte) in field.enumerated() {
                switch byte {
                case UInt8(ascii: ","), UInt8(ascii: "\""):
                    special = true
                    needsQuotes = true
                case UInt8(ascii: "\n"):
                    special = true
                    if i == 0 || field[i - 1] != UInt8(ascii: "\r") { needsQuotes = true }
                case UInt8(ascii: "\r"):
                    special = true
                    if i + 1 == field.count || field[i + 1] != UInt8(ascii: "\n") { needsQuotes = true }
                case 0x80...:
                    ascii = false
                default:
                    break
                }
            }
        }
        guard special else { return }
        let field = Array(out[start...])
        if ascii {
            guard needsQuotes else { return }
            out.removeSubrange(start...)
            out.append(UInt8(ascii: "\""))
            for byte in field {
                out.append(byte)
                if byte == UInt8(ascii: "\"") { out.append(byte) }
            }
            out.append(UInt8(ascii: "\""))
        } else {
            let text = String(decoding: field, as: UTF8.self)
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return }
            out.removeSubrange(start...)
            out.append(utf8: "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
        }
    }
}
