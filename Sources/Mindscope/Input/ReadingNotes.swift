/// What a reading says once it ends — repeated ids, ids a spreadsheet rounded, dates left
/// missing — kept as counts and the first cases by line, so the notes of parts of a file merge
/// into the notes of one reading of the whole (``merge(_:)``).
public struct ReadingNotes: Sendable, Codable, Equatable {
    /// Each id seen: the line it was first seen on, the line it came back on first, and how often
    /// it was seen; up to ``idsRemembered`` ids (later ids are checked against them only).
    struct SeenID: Sendable, Codable, Equatable {
        var first: Int
        var again: Int?
        var count: Int
    }
    private var ids: [String: SeenID] = [:]
    /// The most distinct ids remembered (a few MB); past it, repeats of later ids go uncounted.
    static let idsRemembered = 100_000
    /// The first id written in scientific notation (`5.70306E+17`), with its line.
    private var scientific: Cited?
    /// Non-blank time fields read, and those left missing, with the first few.
    public private(set) var timesRead = 0
    private var unreadable = CitedCount()
    private var implausible = CitedCount()
    /// How many problem fields of a kind the end-of-reading summary cites.
    static let examplesCited = 3

    struct Cited: Sendable, Codable, Equatable {
        var line: Int
        var value: String
    }
    struct CitedCount: Sendable, Codable, Equatable {
        var count = 0
        var first: [Cited] = []

        mutating func add(_ cited: Cited) {
            count += 1
            if first.count < ReadingNotes.examplesCited { first.append(cited) }
        }

        mutating func merge(_ other: CitedCount) {
            count += other.count
            first = Array((first + other.first).sorted { $0.line < $1.line }.prefix(ReadingNotes.examplesCited))
        }
    }

    public init() {}

    enum CodingKeys: String, CodingKey { case ids, scientific, timesRead, unreadable, implausible }

    /// The ids as `[id, first line, line again or null, count]`, by first line: a tenth of the
    /// size of keyed objects (100,000 ids take about 2 MB).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var list = container.nestedUnkeyedContainer(forKey: .ids)
        for (id, seen) in ids.sorted(by: { $0.value.first < $1.value.first }) {
            var entry = list.nestedUnkeyedContainer()
            try entry.encode(id)
            try entry.encode(seen.first)
            try entry.encode(seen.again)
            try entry.encode(seen.count)
        }
        try container.encodeIfPresent(scientific, forKey: .scientific)
        try container.encode(timesRead, forKey: .timesRead)
        try container.encode(unreadable, forKey: .unreadable)
        try container.encode(implausible, forKey: .implausible)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var list = try container.nestedUnkeyedContainer(forKey: .ids)
        while !list.isAtEnd {
            var entry = try list.nestedUnkeyedContainer()
            let id = try entry.decode(String.self)
            ids[id] = SeenID(first: try entry.decode(Int.self), again: try entry.decodeIfPresent(Int.self), count: try entry.decode(Int.self))
        }
        scientific = try container.decodeIfPresent(Cited.self, forKey: .scientific)
        timesRead = try container.decode(Int.self, forKey: .timesRead)
        unreadable = try container.decode(CitedCount.self, forKey: .unreadable)
        implausible = try container.decode(CitedCount.self, forKey: .implausible)
    }

    /// Rows whose id an earlier row already had.
    public var repeatedIDs: Int { ids.values.reduce(0) { $0 + $1.count - 1 } }
    public var timeProblems: (unreadable: Int, implausible: Int) { (unreadable.count, implausible.count) }

    mutating func noteID(_ id: String, line: Int) {
        if let seen = ids[id] {
            ids[id]!.count += 1
            if seen.again == nil { ids[id]!.again = line }
        } else if ids.count < Self.idsRemembered {
            ids[id] = SeenID(first: line, count: 1)
        }
        if scientific == nil, id.utf8.contains(UInt8(ascii: "+")), SurveyReader.isScientific(id) { scientific = Cited(line: line, value: id) }
    }

    mutating func noteTimeRead() { timesRead += 1 }
    mutating func noteUnreadableTime(_ value: String, line: Int) { unreadable.add(Cited(line: line, value: value.excerpt)) }
    mutating func noteImplausibleTime(_ value: String, line: Int) { implausible.add(Cited(line: line, value: value.excerpt)) }

    /// Adds the notes of another part of the file: exact while the ids of both together fit
    /// ``idsRemembered``.
    public mutating func merge(_ other: ReadingNotes) {
        for (id, theirs) in other.ids {
            if var mine = ids[id] {
                let lines = ([mine.first, mine.again, theirs.first, theirs.again].compactMap { $0 }).sorted()
                mine.first = lines[0]
                mine.again = lines[1]
                mine.count += theirs.count
                ids[id] = mine
            } else {
                ids[id] = theirs
            }
        }
        if ids.count > Self.idsRemembered {
            // One reading remembers the ids seen first.
            let kept = ids.sorted { $0.value.first < $1.value.first }.prefix(Self.idsRemembered)
            ids = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
        }
        if let theirs = other.scientific, scientific.map({ theirs.line < $0.line }) ?? true { scientific = theirs }
        timesRead += other.timesRead
        unreadable.merge(other.unreadable)
        implausible.merge(other.implausible)
    }

    /// What is said once the last row is read: repeated ids, and the time fields left missing,
    /// counted, with the first few cited (a file of 50,000 bad dates gets two lines, not 50,000).
    public func lines(path: String, idColumn: String?, timeColumn: String?) -> [String] {
        var lines: [String] = []
        if let column = idColumn {
            let mangled = scientific.map { "ids such as '\($0.value.excerpt)' are big numbers a spreadsheet rounded to scientific notation, their last digits lost (export the column as text)" }
            let repeated = repeatedIDs
            if let (id, seen) = ids.filter({ $0.value.again != nil }).min(by: { ($0.value.again!, $0.key) < ($1.value.again!, $1.key) }) {
                lines.append("\(path): column '\(column)' has repeated ids: \(SurveyReader.grouped(repeated)) \(repeated == 1 ? "row repeats" : "rows repeat") an earlier row's id "
                             + "(e.g. '\(id.excerpt)' on lines \(seen.first) and \(seen.again!)); rows are cited by line as well"
                             + (mangled.map { "; \($0)" } ?? ""))
            } else if let mangled {
                lines.append("\(path): column '\(column)': \(mangled)")
            }
        }
        guard let column = timeColumn else { return lines }
        let of = "of \(SurveyReader.grouped(timesRead)) dates in column '\(column)'"
        func cited(_ count: CitedCount) -> String { count.first.map { "\(path):\($0.line) '\($0.value)'" }.joined(separator: ", ") }
        if unreadable.count > 0 {
            lines.append("\(path): \(SurveyReader.grouped(unreadable.count)) \(of) could not be read (first: \(cited(unreadable))); left missing")
        }
        if implausible.count > 0 {
            lines.append("\(path): \(SurveyReader.grouped(implausible.count)) \(of) are before 1990 or more than a day in the future (first: \(cited(implausible))); left missing")
        }
        return lines
    }
}
