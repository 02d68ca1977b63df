import Benchmark
import Foundation
import Mindscope

/// The time column's date reader (`TimeFormat`) against Foundation's formatters, per date, on
/// 1,000 dates of each form a time column writes.
func dateBenchmarks(months: [String: Int]) {
    func dates(_ form: (_ month: String, _ day: String, _ hour: String, _ minute: String) -> String) -> [String] {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return (0..<1_000).map { i in form(pad(1 + i % 12), pad(1 + i % 28), pad(i % 24), pad(i % 60)) }
    }
    let iso = dates { m, d, h, mi in "2026-\(m)-\(d)T\(h):\(mi):00Z" }
    let zoned = dates { m, d, h, mi in "2015-\(m)-\(d) \(h):\(mi):52 -0800" }
    let slashed = dates { m, d, h, mi in "\(m)/\(d)/2026 \(h):\(mi)" }
    let timeFormat = TimeFormat(epochs: true, months: months)

    Benchmark("read ISO 8601 dates (TimeFormat)") { _ in
        for date in iso { blackHole(timeFormat.seconds(date)) }
    }
    Benchmark("read ISO 8601 dates (ISO8601DateFormatter)") { _ in
        let formatter = ISO8601DateFormatter()
        for date in iso { blackHole(formatter.date(from: date)) }
    }
    Benchmark("read zoned dates (TimeFormat)") { _ in
        for date in zoned { blackHole(timeFormat.seconds(date)) }
    }
    Benchmark("read zoned dates (DateFormatter)") { _ in
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss Z"
        for date in zoned { blackHole(formatter.date(from: date)) }
    }
    Benchmark("read M/D/YYYY H:MM dates (TimeFormat)") { _ in
        for date in slashed { blackHole(timeFormat.seconds(date)) }
    }
    Benchmark("read M/D/YYYY H:MM dates (DateFormatter)") { _ in
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MM/dd/yyyy HH:mm"
        for date in slashed { blackHole(formatter.date(from: date)) }
    }
}
