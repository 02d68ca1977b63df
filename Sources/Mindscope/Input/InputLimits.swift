/// Caps on what one row may hold, so a broken or hostile export (a 50 MB field, a million
/// columns, a file with no line breaks) costs bounded memory: a row over a limit is read to its
/// end without being kept, then reported with its line and skipped (or, `--strict`, stops the run).
public struct InputLimits: Sendable, Hashable {
    /// The most bytes one field may hold (for JSONL, one value).
    public var fieldBytes: Int
    /// The most bytes one row may hold (for JSONL, one line).
    public var rowBytes: Int
    /// The most fields one row may have (for JSONL, keys in one object).
    public var columns: Int

    public init(fieldBytes: Int = Self.standard.fieldBytes, rowBytes: Int = Self.standard.rowBytes, columns: Int = Self.standard.columns) {
        self.fieldBytes = fieldBytes
        self.rowBytes = rowBytes
        self.columns = columns
    }

    /// 1 MiB a field (a long comment is a few KiB), 4 MiB a row, 10,000 columns (a wide
    /// Qualtrics export has a few hundred).
    public static let standard = InputLimits(fieldBytes: 1 << 20, rowBytes: 4 << 20, columns: 10_000)

    /// `1048576`, `512K`, `1M`, `2G` (binary units) as a byte count.
    public static func byteCount(_ text: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = Substring(text.uppercased())
        var scale = 1
        if let last = digits.last, let unit = units[last] {
            scale = unit
            digits = digits.dropLast()
        }
        guard let value = Int(digits), value > 0, value <= Int.max / scale else { return nil }
        return value * scale
    }

    /// A byte count as the flags take it (`1M`).
    public static func describe(bytes: Int) -> String {
        for (unit, size) in [("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)] where bytes % size == 0 { return "\(bytes / size)\(unit)" }
        return "\(bytes) bytes"
    }
}
