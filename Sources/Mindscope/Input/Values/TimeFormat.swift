/// How a time column writes its dates, and the reading of one field as seconds since 1970 UTC.
///
/// ```
/// 2026-03-01   2026-03-01T09:12:00Z   2026-03-01 09:12:00 -0800   2026-03-01T09:12:00.250+05:30
/// 03/01/2026 (or 01/03/2026, by column)   3/1/26 9:12   3/1/2026 9:12:00 PM   2026/10/01 9:12:01 AM GMT+1
/// 01.03.2026 (day first)   2026/03/01   Mar 1, 2026   1 March 2026   01-Mar-2026
/// 1772356320 (epoch seconds)   1772356320000 (epoch milliseconds)
/// ```
///
/// The time of day is kept when written, a zone (`Z`, `-0800`, `+05:30`, `UTC`, `GMT+1`)
/// applied when given, else the time is taken as UTC. Two-digit years are 1970–2069 (POSIX
/// `strptime`). Epoch numbers are read only in a column whose header names a time, where a
/// 10-digit number is not an id.
///
/// Hand-parsed, because Foundation's formatters are far too slow per row: on 200,000 fields
/// (release build, Linux, `swift run -c release MindscopeBenchmarks --filter dates`) this reads
/// ISO 8601, zoned and `M/D/YYYY H:MM` dates in 15–20 ms, where `ISO8601DateFormatter` took
/// 9.0 s and `DateFormatter` (one fixed pattern) 7.4–8.8 s, about 45 µs a field, before any
/// second try at another pattern.
public struct TimeFormat: Sendable, Hashable, CustomStringConvertible {
    /// `03/04/2026` is 3 April (day first) rather than 4 March.
    public var dayFirst = false
    /// No value in the sample had a day above 12, so ``dayFirst`` is a guess (month first).
    public var orderGuessed = false
    /// The column writes day and month as two numbers (`03/04/2026`), so their order matters.
    public var numericDayMonth = false
    /// 10- and 13-digit numbers are epoch seconds and milliseconds.
    public var epochs = false
    /// Month name (lower case) → 1…12 (`lexicons/months.tsv`).
    public var months: [String: Int] = [:]

    public init(dayFirst: Bool = false, epochs: Bool = false, months: [String: Int] = [:]) {
        self.dayFirst = dayFirst
        self.epochs = epochs
        self.months = months
    }

    public var description: String {
        guard numericDayMonth else { return "dates" }
        return (dayFirst ? "day-first dates (DD/MM/YYYY)" : "month-first dates (MM/DD/YYYY)") + (orderGuessed ? ", guessed" : "")
    }

    /// Dates before this (1990-01-01) are taken for data errors.
    public static let earliest = 631_152_000

    /// The format that reads a column's values: the day/month order is day first when some
    /// value's first number is above 12 (and more of them than have a second number above 12),
    /// else month first, guessed when no value tells.
    public static func detect(_ values: [String], epochs: Bool, months: [String: Int]) -> TimeFormat {
        var format = TimeFormat(epochs: epochs, months: months)
        var dayFirstSeen = 0, monthFirstSeen = 0, pairs = 0
        for value in values {
            guard let (first, second) = format.dayMonthPair(value) else { continue }
            pairs += 1
            if first > 12 { dayFirstSeen += 1 }
            if second > 12 { monthFirstSeen += 1 }
        }
        format.numericDayMonth = pairs > 0
        format.dayFirst = dayFirstSeen > 0 && dayFirstSeen >= monthFirstSeen
        format.orderGuessed = pairs > 0 && dayFirstSeen == 0 && monthFirstSeen == 0
        return format
    }

    /// Whether a field reads as a date in either day/month order.
    public func reads(_ field: String) -> Bool {
        seconds(field) != nil || TimeFormat(dayFirst: !dayFirst, epochs: epochs, months: months).seconds(field) != nil
    }

    /// Whether a field is a calendar date (not an epoch number) in either order.
    func readsAsCalendarDate(_ field: String) -> Bool {
        TimeFormat(dayFirst: dayFirst, epochs: false, months: months).reads(field)
    }

    /// The field as seconds since 1970 UTC; nil when it is blank or not a date this format reads.
    ///
    /// - Complexity: O(n) in the field's length; a month name costs one short string. About
    ///   0.1 µs a field in a release build (see the type's note on Foundation's formatters).
    public func seconds(_ field: String) -> Int? {
        var text = field
        return text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            return parse(&scanner)
        }
    }

    /// The `(first, second)` numbers of a `N/N/YYYY` or `N-N-YYYY` field, for the order.
    private func dayMonthPair(_ field: String) -> (Int, Int)? {
        var text = field
        return text.withUTF8 { bytes -> (Int, Int)? in
            var scanner = Scanner(bytes: bytes)
            scanner.skipSpaces()
            guard let a = scanner.number(maxDigits: 2), let separator = scanner.take(anyOf: [.slash, .dash]),
                  let b = scanner.number(maxDigits: 2), scanner.take(separator), let year = scanner.number(maxDigits: 4),
                  year.digits == 2 || year.digits == 4 else { return nil }
            return (a.value, b.value)
        }
    }

    // MARK: Parsing

    private func parse(_ s: inout Scanner) -> Int? {
        s.trimSpaces()
        guard !s.atEnd else { return nil }
        if let whole = s.wholeNumber() {
            guard epochs else { return nil }
            switch whole.digits {
            case 10: return whole.value
            case 13: return whole.value / 1000
            default: return nil
            }
        }
        guard let (year, month, day) = date(&s), (1...12).contains(month), day >= 1, day <= Self.days(in: month, of: year) else { return nil }
        var seconds = CivilDate.days(year: year, month: month, day: day) * 86_400
        guard !s.atEnd else { return seconds }
        // The time: after `T`, spaces, or a comma.
        if !s.take(.upperT), !s.take(.lowerT) {
            _ = s.take(.comma)
            guard s.skipSpaces() else { return nil }
        }
        guard var hour = s.number(maxDigits: 2)?.value, s.take(.colon), let minute = s.number(maxDigits: 2), minute.digits == 2 else { return nil }
        var second = 0
        if s.take(.colon) {
            guard let value = s.number(maxDigits: 2), value.digits == 2 else { return nil }
            second = value.value
            if s.take(.dot) || s.take(.comma) { guard s.number(maxDigits: 9) != nil else { return nil } }  // fraction dropped
        }
        s.skipSpaces()
        if let meridiem = s.meridiem() {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (meridiem == .pm ? 12 : 0)
            s.skipSpaces()
        }
        guard hour < 24, minute.value < 60, second <= 60 else { return nil }
        seconds += hour * 3600 + minute.value * 60 + second
        guard let offset = zone(&s), s.atEnd else { return nil }
        return seconds - offset
    }

    /// Year, month and day from the start of the field.
    private func date(_ s: inout Scanner) -> (Int, Int, Int)? {
        if let first = s.number(maxDigits: 4) {
            if first.digits == 4 {
                // 2026-03-01, 2026/03/01, 2026.03.01
                guard let separator = s.take(anyOf: [.dash, .slash, .dot]), let month = s.number(maxDigits: 2),
                      s.take(separator), let day = s.number(maxDigits: 2) else { return nil }
                return (first.value, month.value, day.value)
            }
            guard first.digits <= 2 else { return nil }
            if let separator = s.take(anyOf: [.slash, .dash, .dot]) {
                if let second = s.number(maxDigits: 2) {
                    // 03/01/2026, 01.03.2026, 3/1/26
                    guard s.take(separator), let year = s.number(maxDigits: 4), year.digits == 2 || year.digits == 4 else { return nil }
                    let dayFirst = separator == .dot || self.dayFirst
                    return (Self.fullYear(year), dayFirst ? second.value : first.value, dayFirst ? first.value : second.value)
                }
                // 01-Mar-2026
                guard let month = monthName(&s), s.take(separator), let year = s.number(maxDigits: 4), year.digits == 4 else { return nil }
                return (year.value, month, first.value)
            }
            // 1 March 2026
            guard s.skipSpaces(), let month = monthName(&s), s.skipSpaces(), let year = s.number(maxDigits: 4), year.digits == 4 else { return nil }
            return (year.value, month, first.value)
        }
        // Mar 1, 2026 and March 1 2026
        guard let month = monthName(&s), s.skipSpaces(), let day = s.number(maxDigits: 2) else { return nil }
        _ = s.take(.comma)
        guard s.skipSpaces(), let year = s.number(maxDigits: 4), year.digits == 4 else { return nil }
        return (year.value, month, day.value)
    }

    /// A month name from ``months``, with an optional trailing `.`.
    private func monthName(_ s: inout Scanner) -> Int? {
        guard let word = s.word(), let month = months[word] else { return nil }
        _ = s.take(.dot)
        return month
    }

    /// The zone's offset east of UTC in seconds (0 when none is written); nil when malformed.
    private func zone(_ s: inout Scanner) -> Int? {
        if s.atEnd { return 0 }
        if s.take(.upperZ) || s.take(.lowerZ) { return 0 }
        if s.takeUTC(), s.atEnd { return 0 }
        guard let sign = s.take(anyOf: [.plus, .dash]), let hours = s.number(maxDigits: 4) else { return nil }
        var minutes: Int
        var hour: Int
        switch hours.digits {
        case 4: (hour, minutes) = (hours.value / 100, hours.value % 100)
        case 1, 2:
            hour = hours.value
            minutes = 0
            if s.take(.colon) {
                guard let value = s.number(maxDigits: 2), value.digits == 2 else { return nil }
                minutes = value.value
            }
        default: return nil
        }
        guard hour <= 14, minutes < 60 else { return nil }
        return (sign == .plus ? 1 : -1) * (hour * 3600 + minutes * 60)
    }

    // MARK: Calendar

    /// Two-digit years: 70–99 are 1970–1999, 00–69 are 2000–2069.
    private static func fullYear(_ year: (value: Int, digits: Int)) -> Int {
        year.digits == 2 ? (year.value < 70 ? 2000 + year.value : 1900 + year.value) : year.value
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2026-03-01T09:12:00Z`.
    public static func iso8601(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let date = CivilDate(days: days)
        let (year, month, day) = (date.year, date.month, date.day)
        func pad(_ n: Int, _ width: Int = 2) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(time / 3600)):\(pad(time / 60 % 60)):\(pad(time % 60))Z"
    }
}

/// A cursor over a field's UTF-8 bytes.
private struct Scanner {
    enum Byte: UInt8 {
        case slash = 0x2F, dash = 0x2D, dot = 0x2E, colon = 0x3A, comma = 0x2C, plus = 0x2B
        case upperT = 0x54, lowerT = 0x74, upperZ = 0x5A, lowerZ = 0x7A
    }

    enum Meridiem { case am, pm }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var end: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        end = bytes.count
    }

    var atEnd: Bool { index >= end }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Drops spaces at both ends.
    mutating func trimSpaces() {
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        while end > index, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D || bytes[end - 1] == 0x0A { end -= 1 }
    }

    /// Skips spaces; whether there were any.
    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = index
        while index < end, bytes[index] == 0x20 { index += 1 }
        return index > start
    }

    mutating func take(_ byte: Byte) -> Bool {
        guard index < end, bytes[index] == byte.rawValue else { return false }
        index += 1
        return true
    }

    mutating func take(anyOf choices: [Byte]) -> Byte? {
        for choice in choices where take(choice) { return choice }
        return nil
    }

    /// Up to `maxDigits` digits (at least one), as a number and how many digits it had; nil
    /// when more digits follow.
    mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
        var value = 0, digits = 0
        while index < end, Self.isDigit(bytes[index]) {
            guard digits < maxDigits else { return nil }
            value = value * 10 + Int(bytes[index] - 0x30)
            digits += 1
            index += 1
        }
        return digits > 0 ? (value, digits) : nil
    }

    /// The whole field as digits (an epoch number), leaving the cursor alone otherwise.
    mutating func wholeNumber() -> (value: Int, digits: Int)? {
        guard end - index <= 18, (index..<end).allSatisfy({ Self.isDigit(bytes[$0]) }) else { return nil }
        return number(maxDigits: 18)
    }

    /// A run of ASCII letters, lower-cased.
    mutating func word() -> String? {
        let start = index
        while index < end, Self.isLetter(bytes[index]) { index += 1 }
        guard index > start, index - start <= 12 else { index = start; return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self).lowercased()
    }

    /// `AM`, `PM`, `a.m.`, `p.m.` (any case).
    mutating func meridiem() -> Meridiem? {
        guard index < end else { return nil }
        let first = bytes[index] | 0x20
        guard first == 0x61 || first == 0x70 else { return nil }
        let start = index
        index += 1
        _ = take(.dot)
        guard index < end, bytes[index] | 0x20 == 0x6D else { index = start; return nil }
        index += 1
        _ = take(.dot)
        return first == 0x61 ? .am : .pm
    }

    /// `UTC` or `GMT` (any case), followed by an offset or nothing.
    mutating func takeUTC() -> Bool {
        guard end - index >= 3 else { return false }
        let letters = (bytes[index] | 0x20, bytes[index + 1] | 0x20, bytes[index + 2] | 0x20)
        guard letters == (0x75, 0x74, 0x63) || letters == (0x67, 0x6D, 0x74) else { return false }
        index += 3
        return true
    }
}
