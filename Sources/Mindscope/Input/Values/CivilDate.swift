import Foundation

/// A day since 1970-01-01 as a proleptic Gregorian date (UTC).
public struct CivilDate: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var days: Int

    /// Howard Hinnant's `civil_from_days` (http://howardhinnant.github.io/date_algorithms.html).
    public init(days: Int) {
        self.days = days
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days from 1970-01-01 of a date (Hinnant's `days_from_civil`).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `2026-03-01`.
    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// The label of the period holding this day: `2026-03` for a month, the Monday's date for a
    /// week (1970-01-01 was a Thursday), the date for a day.
    public func label(_ period: TrendBreakdown.Period) -> String {
        switch period {
        case .month: String(format: "%04d-%02d", year, month)
        case .week: CivilDate(days: days - ((days + 3) % 7 + 7) % 7).iso
        case .day: iso
        }
    }

    /// "October 2026", "the week of 2026-03-02", "2026-03-05": a period label in words.
    public static func spoken(_ label: String, _ period: TrendBreakdown.Period) -> String {
        switch period {
        case .month:
            let parts = label.split(separator: "-")
            let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
            guard parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return label }
            return "\(names[month - 1]) \(parts[0])"
        case .week: return "the week of \(label)"
        case .day: return label
        }
    }
}
