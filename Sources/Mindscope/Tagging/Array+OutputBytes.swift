/// Appending numbers, times and JSON strings to a UTF-8 byte buffer, exactly as Swift's
/// `String(x)`, ``TimeFormat/iso8601(_:)`` and the JSON writer print them, without a `String`
/// per value.
///
/// Every output of `mindscope tag` and every ``JSONDocument`` goes through these, so there is
/// one place that says how a number or a string is written.
extension [UInt8] {
    /// Appends an ASCII literal.
    mutating func append(ascii text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends the bytes of a string (no copy of a native string).
    mutating func append(utf8 text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil { append(contentsOf: text.utf8) }
    }

    /// Appends an integer in decimal, as `String(value)` writes it.
    mutating func appendInteger(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude)
    }

    /// Appends an integer left-padded with zeros to `width` characters, sign included, as
    /// `String(repeating: "0", count: width - String(value).count) + String(value)` writes it.
    mutating func appendInteger(_ value: Int, width: Int) {
        let count = (value < 0 ? 1 : 0) + Self.digitCount(value.magnitude)
        if count < width { append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - count)) }
        appendInteger(value)
    }

    /// Appends a time in seconds since 1970 UTC as ``TimeFormat/iso8601(_:)`` writes it
    /// (`2026-03-01T09:12:00Z`).
    mutating func appendISO8601(_ seconds: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let date = CivilDate(days: days)
        appendInteger(date.year, width: 4)
        append(UInt8(ascii: "-"))
        appendInteger(date.month, width: 2)
        append(UInt8(ascii: "-"))
        appendInteger(date.day, width: 2)
        append(UInt8(ascii: "T"))
        appendInteger(time / 3600, width: 2)
        append(UInt8(ascii: ":"))
        appendInteger(time / 60 % 60, width: 2)
        append(UInt8(ascii: ":"))
        appendInteger(time % 60, width: 2)
        append(UInt8(ascii: "Z"))
    }

    private static func digitCount(_ value: UInt) -> Int {
        var count = 1
        var rest = value
        while rest >= 10 { rest /= 10; count += 1 }
        return count
    }

    private mutating func appendDigits(_ value: UInt) {
        if value < 10 { return append(UInt8(ascii: "0") + UInt8(value)) }
        // At most 20 digits, written from the last one into a stack buffer.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value
            var i = digits.count
            repeat {
                i -= 1
                digits[i] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[i...]))
        }
    }

    /// Appends `x` as `String(x)` writes it (`0.25`, `-0.0`, `120.0`, `1e+16`, `nan`).
    ///
    /// A whole number of thousandths below 10¹² (every score, every rounded rating, most
    /// amounts) is written from integers: the double nearest to m/1000 prints as the decimal
    /// m/1000 with its trailing zeros removed, because no other decimal of as few digits lies
    /// within half a unit in the last place of it (the spacing of such decimals, 0.001, is far
    /// wider than an ulp below 10¹²). Other values fall back on `description`.
    mutating func appendDescription(_ x: Double) {
        let magnitude = x.magnitude  // false below for NaN and infinities
        if magnitude < 1e12 {
            let thousandths = (magnitude * 1000).rounded()
            if thousandths / 1000 == magnitude {
                if x.sign == .minus { append(UInt8(ascii: "-")) }
                let m = UInt(thousandths)
                appendDigits(m / 1000)
                append(UInt8(ascii: "."))
                let fraction = m % 1000
                append(UInt8(ascii: "0") + UInt8(fraction / 100))
                if fraction % 100 != 0 { append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10)) }
                if fraction % 10 != 0 { append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
                return
            }
        }
        append(utf8: x.description)
    }

    /// Appends `x` as a JSON number: a whole number below 10¹⁵ with one decimal (`120.0`, and
    /// `0.0` for −0), others as `String(x)` writes them, `null` when not finite.
    mutating func appendJSONNumber(_ x: Double) {
        if !x.isFinite {
            append(ascii: "null")
        } else if x == x.rounded() && x.magnitude < 1e15 {
            appendInteger(Int(x))
            append(ascii: ".0")
        } else {
            appendDescription(x)
        }
    }

    /// Appends `text` as a quoted JSON string (see ``appendJSONString(_:)-(UnsafeBufferPointer<UInt8>)``).
    mutating func appendJSONString(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ appendJSONString($0) }) == nil {
            var text = text
            text.withUTF8 { appendJSONString($0) }
        }
    }

    /// Appends UTF-8 `bytes` as a quoted JSON string, RFC 8259: quotes, backslashes and control
    /// characters escaped, plus U+2028 and U+2029 (line breaks to JavaScript); all else, other
    /// non-ASCII included, copied as it is. Runs that need no escape are found eight bytes at
    /// a time and copied whole.
    mutating func appendJSONString(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        var run = 0  // start of the bytes not yet copied
        var i = 0
        let count = bytes.count
        func escape(_ text: StaticString, skipping extra: Int = 0) {
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            append(ascii: text)
            i += 1 + extra
            run = i
        }
        while i < count {
            if i + 8 <= count, !Self.mayNeedEscape(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""): escape(#"\""#)
            case UInt8(ascii: "\\"): escape(#"\\"#)
            case UInt8(ascii: "\n"): escape(#"\n"#)
            case UInt8(ascii: "\r"): escape(#"\r"#)
            case UInt8(ascii: "\t"): escape(#"\t"#)
            case 0..<0x20:
                append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                append(ascii: #"\u00"#)
                append(hexDigits[Int(byte >> 4)])
                append(hexDigits[Int(byte & 0xF)])
                i += 1
                run = i
            case 0xE2 where i + 2 < count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                escape(bytes[i + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#, skipping: 2)
            default:
                i += 1
            }
        }
        append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<count]))
        append(UInt8(ascii: "\""))
    }

    /// True when one of the eight bytes is below 0x20, a quote, a backslash or 0xE2 (the lead
    /// byte of U+2028 and U+2029). Exact for "none": the SWAR tests of "Bit Twiddling Hacks"
    /// (`hasless`, `haszero`) can only err by flagging a byte after one that is flagged rightly.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ w: UInt64) -> UInt64 { (w &- ones) & ~w & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        return control | hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C)) | hasZero(word ^ (ones &* 0xE2)) != 0
    }
}

private let hexDigits = Array("0123456789abcdef".utf8)

extension UnsafeBufferPointer<UInt8> {
    /// True when every byte is ASCII (below 0x80), checked eight bytes at a time.
    var isASCII: Bool {
        var i = 0
        var high: UInt64 = 0
        if let base = baseAddress {
            while i + 8 <= count {
                high |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                i += 8
            }
        }
        var last: UInt8 = 0
        while i < count { last |= self[i]; i += 1 }
        return high & 0x8080_8080_8080_8080 == 0 && last < 0x80
    }
}
