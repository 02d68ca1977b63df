import Benchmark
import Foundation
import Mindscope

/// The time column's date reader (`TimeFormat`) against Foundation's formatters, per date, on
/// 1,000 dates of each form a time column writes.
func dateBenchmarks(months: [String: Int]) {
    /// A form of date: its name, 1,000 dates written in it, and the Foundation formatter that
    /// reads it (made once per iteration, as a caller would).
    struct Form {
        var name: String
        var formatter: String
        var dates: [String]
        var foundation: @Sendable () -> (String) -> Date?

        init(_ name: String, formatter: String, foundation: @escaping @Sendable () -> (String) -> Date?,
             _ write: (_ month: String, _ day: String, _ hour: String, _ minute: String) -> String) {
            func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
            self.name = name
            self.formatter = formatter
            self.foundation = foundation
            dates = (0..<1_000).map { i in write(pad(1 + i % 12), pad(1 + i % 28), pad(i % 24), pad(i % 60)) }
        }
    }
    /// A DateFormatter for one pattern, in POSIX English.
    @Sendable func formatter(_ pattern: String, utc: Bool) -> (String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        if utc { formatter.timeZone = TimeZone(identifier: "UTC") }
        formatter.dateFormat = pattern
        return formatter.date(from:)
    }
    let forms = [
        Form("ISO 8601", formatter: "ISO8601DateFormatter", foundation: { ISO8601DateFormatter().date(from:) }) { m, d, h, mi in
            "2026-\(m)-\(d)T\(h):\(mi):00Z"
        },
        Form("zoned", formatter: "DateFormatter", foundation: { formatter("yyyy-MM-dd HH:mm:ss Z", utc: false) }) { m, d, h, mi in
            "2015-\(m)-\(d) \(h):\(mi):52 -0800"
        },
        Form("M/D/YYYY H:MM", formatter: "DateFormatter", foundation: { formatter("MM/dd/yyyy HH:mm", utc: true) }) { m, d, h, mi in
            "\(m)/\(d)/2026 \(h):\(mi)"
        },
    ]
    let timeFormat = TimeFormat(epochs: true, months: months)
    for form in forms {
        let dates = form.dates, foundation = form.foundation
        Benchmark("read \(form.name) dates (TimeFormat)") { _ in
            for date in dates { blackHole(timeFormat.seconds(date)) }
        }
        Benchmark("read \(form.name) dates (\(form.formatter))") { _ in
            let read = foundation()
            for date in dates { blackHole(read(date)) }
        }
    }
}
