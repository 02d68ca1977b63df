/// An amount of money with the currency the export wrote, if any.
public struct Money: Sendable, Hashable {
    public var amount: Double
    /// A symbol (`$`, `€`) or an ISO code (`USD`), as written.
    public var currency: String?

    public init(amount: Double, currency: String? = nil) {
        self.amount = amount
        self.currency = currency
    }

    /// Amounts from 10¹⁵ up are taken for data errors, not money.
    static let largest = 1e15

    static let symbols: [String] = ["US$", "CA$", "A$", "$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫", "฿", "CHF", "kr"]

    /// Reads `$120`, `120.00`, `1,200.50`, `€45`, `1.200,50 €`, `USD 80`, `80 EUR`, `(45.00)` and
    /// `-45` as negative, `1 200,50`, `1'200.50`. Blank, `-`, `n/a` are missing (nil).
    ///
    /// The decimal separator is the last of `.` and `,` when both appear; a lone `,` followed by
    /// one or two digits is decimal (`45,5`), otherwise a thousands separator; a lone `.` is
    /// decimal unless it repeats or, with a euro sign, is followed by exactly three digits.
    public static func parse(_ field: String) throws(FieldProblem) -> Money? {
        var text = field.trimmingSpaces()
        if let plain = plainAmount(text) { return plain }
        if text.isEmpty || ["-", "n/a", "na", "none", "null"].contains(text.lowercased()) { return nil }
        var negative = false
        var parenthesized = false
        if text.hasPrefix("(") && text.hasSuffix(")") {
            negative = true
            parenthesized = true
            text = String(text.dropFirst().dropLast()).trimmingSpaces()
        }
        var currency: String?
        func takeCurrency() {
            for symbol in symbols {
                if text.hasPrefix(symbol) { currency = symbol; text = String(text.dropFirst(symbol.count)).trimmingSpaces(); return }
                if text.hasSuffix(symbol) { currency = symbol; text = String(text.dropLast(symbol.count)).trimmingSpaces(); return }
            }
            let letters = text.prefix { $0.isLetter }
            if letters.count == 3, letters.allSatisfy(\.isUppercase) { currency = String(letters); text = String(text.dropFirst(3)).trimmingSpaces(); return }
            let tail = text.reversed().prefix { $0.isLetter }
            if tail.count == 3, tail.allSatisfy(\.isUppercase) { currency = String(tail.reversed()); text = String(text.dropLast(3)).trimmingSpaces() }
        }
        // A minus inside parentheses restates the sign: "(-5)" is −5, as is "(5)".
        func takeMinus() { if text.hasPrefix("-") { negative = parenthesized || !negative; text = String(text.dropFirst()).trimmingSpaces() } }
        takeMinus()
        takeCurrency()
        takeMinus()
        guard !text.isEmpty, text.first!.isASCII, text.first!.isNumber || text.first == "." || text.first == ",",
              text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == " " || $0 == "'") }) else {
            throw FieldProblem("'\(field.excerpt)' is not an amount of money")
        }
        let digits = text.filter { $0 != " " && $0 != "'" }
        let lastDot = digits.lastIndex(of: "."), lastComma = digits.lastIndex(of: ",")
        let decimal: Character?
        switch (lastDot, lastComma) {
        case let (dot?, comma?): decimal = dot > comma ? "." : ","
        case (nil, let comma?):
            let after = digits[digits.index(after: comma)...].count
            let leadingZero = digits.hasPrefix("0,")
            decimal = digits.filter { $0 == "," }.count == 1 && (after == 1 || after == 2 || leadingZero) ? "," : nil
        case (let dot?, nil):
            let after = digits[digits.index(after: dot)...].count
            let repeated = digits.filter { $0 == "." }.count > 1
            decimal = repeated || (currency == "€" && after == 3) ? nil : "."
        case (nil, nil): decimal = nil
        }
        // Thousands separators group exactly three digits ("1.23.4" is no amount).
        let integerPart = decimal.map { separator in digits.split(separator: separator, omittingEmptySubsequences: false).dropLast().joined() } ?? digits
        let groups = integerPart.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        if groups.count > 1, groups.dropFirst().contains(where: { $0.count != 3 }) || groups[0].isEmpty || groups[0].count > 3 {
            throw FieldProblem("'\(field.excerpt)' is not an amount of money")
        }
        var normalized = ""
        for character in digits {
            if character == decimal { normalized.append(".") } else if character.isNumber { normalized.append(character) }
        }
        guard let amount = Double(normalized), amount < Self.largest else {
            throw FieldProblem("'\(field.excerpt)' is not an amount of money" + (Double(normalized) != nil ? " (too large)" : ""))
        }
        return Money(amount: negative ? -amount : amount, currency: currency)
    }

    /// Fast path for the common `120`, `59.00` and `$59.00`, which the general rules read the
    /// same way; nil for anything else.
    private static func plainAmount(_ text: String) -> Money? {
        var bytes = Substring(text).utf8[...]
        let dollar = bytes.first == UInt8(ascii: "$")
        if dollar { bytes = bytes.dropFirst() }
        guard let first = bytes.first, (0x30...0x39).contains(first), bytes.count < 16 else { return nil }
        var dots = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") { dots += 1 } else if !(0x30...0x39).contains(byte) { return nil }
        }
        guard dots <= 1, bytes.last != UInt8(ascii: "."), let amount = Double(Substring(bytes)) else { return nil }
        return Money(amount: amount, currency: dollar ? "$" : nil)
    }
}
