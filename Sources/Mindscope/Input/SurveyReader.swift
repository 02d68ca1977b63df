import Foundation
import MindscopeText

/// One survey response, its fields read by role.
public struct FeedbackRecord: Sendable {
    /// The input line the row starts on.
    public var line: Int
    /// The id column's value, or the row's number when there is none or it is blank.
    public var id: String
    /// The comment columns' text, blank ones left out, joined by a blank line.
    public var text: String
    public var rating: Rating?
    public var value: Money?
    public var churned: Bool?
    /// The recommend (or liked) flag: nil when the file has no such column or the field is blank.
    public var recommend: Bool? = nil
    /// When the response was recorded, in seconds since 1970 UTC: nil when the file has no time
    /// column or the field is blank, unreadable or implausible (``SurveyReader/timeProblems``).
    public var time: Int? = nil
    /// Segment values in the order of ``SurveyReader/segmentNames``.
    public var segments: [String]
    /// Numeric measures (products, logins, transactions) present in the row.
    public var measures: [ColumnRoles.Role: Double] = [:]
}

/// Counts that always add up: `read == used + skipped`.
public struct InputSummary: Sendable, Equatable, Codable {
    public var read = 0
    public var used = 0
    public var skipped = 0
    /// Fields that could not be read (a rating off the scale, an amount that is not one, a date
    /// that is none or is implausible): the row is used with that field missing, and each is
    /// reported (dates together when the reading ends, the first few by line).
    public var fieldProblems = 0
    /// Fields whose invalid UTF-8 or NUL bytes were replaced with U+FFFD.
    public var repairedFields = 0

    public init(read: Int = 0, used: Int = 0, skipped: Int = 0, fieldProblems: Int = 0, repairedFields: Int = 0) {
        self.read = read
        self.used = used
        self.skipped = skipped
        self.fieldProblems = fieldProblems
        self.repairedFields = repairedFields
    }

    public mutating func merge(_ other: InputSummary) {
        read += other.read
        used += other.used
        skipped += other.skipped
        fieldProblems += other.fieldProblems
        repairedFields += other.repairedFields
    }

    /// `FILE: N rows read, N used, N skipped …`, for stderr.
    public func line(for path: String) -> String {
        var text = "\(path): \(read) rows read, \(used) used, \(skipped) skipped"
        if fieldProblems > 0 { text += ", \(fieldProblems) fields unreadable" }
        if repairedFields > 0 { text += ", \(repairedFields) fields with invalid bytes repaired" }
        return text
    }
}

/// Reads a survey export row by row into ``FeedbackRecord``s: layout, column roles and the
/// rating scale are found from the header and the first rows; every problem is reported as
/// `FILE:LINE: what is wrong (column, value)`.
public final class SurveyReader {
    public let reader: RecordReader
    public let roles: ColumnRoles
    /// The rating column's scale, detected from its first values and its question (or, when
    /// those are all blank, from the first rating read).
    public private(set) var ratingScale: RatingScale?
    /// Set when the rating column's values fit no scale: said once, not on every row.
    private var ratingScaleReported = false
    public let vocabulary: ValueVocabulary
    /// Stop at the first unreadable row or field (throwing) instead of reporting and going on.
    public var strict = false
    public private(set) var summary = InputSummary()
    /// Called every 1,000 rows with the rows read, the bytes read and the file's size when
    /// known (a progress bar's input).
    public var onProgress: ((_ rows: Int, _ bytes: Int, _ total: Int?) -> Void)?

    /// Things to say once, before the first row: a named rating column read as a recommend flag,
    /// a guessed day/month order.
    private var notices: [String] = []

    /// The time column's header, when the file has one.
    public var timeColumn: String? { roles[.time].map { reader.headers[$0] } }
    /// How the time column writes its dates (day/month order from the sample).
    public private(set) var timeFormat: TimeFormat?
    /// Repeated ids, ids a spreadsheet rounded, dates left missing: said when the reading ends.
    public private(set) var notes = ReadingNotes()
    /// Time fields left missing: unreadable, or before 1990 or more than a day in the future.
    public var timeProblems: (unreadable: Int, implausible: Int) { notes.timeProblems }
    /// Rows whose id an earlier row already had.
    public var repeatedIDs: Int { notes.repeatedIDs }
    /// The latest plausible time: a day after the reader was opened.
    private let latestTime = Int(Date().timeIntervalSince1970) + 86_400
    private var endReported = false
    /// Keep the end-of-reading lines for the merge (``endOfReading()``).
    public var quietEnd = false
    /// Rows of the export before this reader's first (a part of a file): row numbers, the ids
    /// of rows without one, count from there.
    private var rowOffset = 0

    /// Segment columns of numeric ages, read as age groups.
    public private(set) var binnedColumns: Set<Int> = []
    /// The age groups numeric ages fall into.
    public var ageBins = AgeBins.standard

    public var path: String { reader.path }
    public var segmentNames: [String] { roles.all(.segment).map { reader.headers[$0] } }

    /// - Parameter name: the file's name in messages and output, when not `path` (standard input).
    public init(path: String, name: String? = nil, format: InputFormat? = nil, columnSynonyms: TopicCatalog, vocabulary: ValueVocabulary,
                overrides: [(ColumnRoles.Role, String)] = [], limits: InputLimits = .standard) throws(MindscopeError) {
        let reader = try RecordReader(path: path, name: name, format: format, limits: limits)
        let path = name ?? path
        let sample = reader.sample(ColumnRoles.sampleSize)
        let roles = try ColumnRoles(header: reader.header, synonyms: columnSynonyms, vocabulary: vocabulary,
                                    overrides: overrides, sample: sample, path: path)
        ratingScale = roles[.rating].flatMap { column in
            RatingScale.detect(sample.compactMap { column < $0.fields.count ? RatingReading($0.fields[column], words: vocabulary.ratingWords) : nil },
                               question: reader.header.questions[column])
        }
        self.reader = reader
        self.roles = roles
        self.vocabulary = vocabulary
        notices = roles.notes
        if let column = roles[.time] {
            let values = sample.compactMap { column < $0.fields.count ? $0.fields[column].trimmingSpaces() : nil }.filter { !$0.isEmpty }
            let format = TimeFormat.detect(values, epochs: true, months: vocabulary.months)
            timeFormat = format
            if format.orderGuessed, let example = values.first(where: { TimeFormat(dayFirst: true, months: vocabulary.months).seconds($0) != format.seconds($0) }) {
                notices.append("\(path): no date in column '\(reader.headers[column])' has a day above 12 (such as '\(example.excerpt)'): read month first (MM/DD/YYYY)")
            }
        }
        binnedColumns = Set(roles.all(.segment).filter { column in
            let values = sample.compactMap { column < $0.fields.count ? $0.fields[column].trimmingSpaces() : nil }.filter { !$0.isEmpty }
            return !values.isEmpty && values.allSatisfy { Double($0)?.isFinite ?? false } && reader.headers[column].lowercased().contains("age")
        })
    }

    /// Reads a part of an export (its lines from `firstLine` on; see
    /// ``RecordReader/init(path:name:continuing:firstLine:limits:)``) with every choice `head`,
    /// a reader of the export's start, made: column roles, rating scale, date order, age groups.
    /// `firstRow`: the export's records before the part, its header's included.
    public init(path: String, name: String, continuing head: SurveyReader, firstLine: Int, firstRow: Int) throws(MindscopeError) {
        if firstLine > 1, firstRow < head.reader.header.rows {
            throw .badInput(path: name, line: firstLine, message: "a part starting on line \(firstLine) after \(firstRow) rows starts inside the header, "
                            + "which takes \(head.reader.header.rows) rows: give those lines to the part that starts on line 1")
        }
        reader = try RecordReader(path: path, name: name, continuing: head.reader, firstLine: firstLine, limits: head.reader.limits)
        roles = head.roles
        ratingScale = head.ratingScale
        vocabulary = head.vocabulary
        strict = head.strict
        timeFormat = head.timeFormat
        binnedColumns = head.binnedColumns
        ageBins = head.ageBins
        rowOffset = firstLine == 1 ? 0 : max(0, firstRow - head.reader.header.rows)
    }

    /// Records read ahead (``readAhead(_:report:)``), returned by ``next(report:)`` first.
    private var pending: [FeedbackRecord] = []
    private var pendingIndex = 0
    private var pendingBytes = 0
    /// A --strict stop met while reading ahead: thrown once the records before it are returned.
    private var pendingError: MindscopeError?

    /// Reads ahead until `count` records are held (or their comments hold `bytes` of text) and
    /// returns every record held; ``next(report:)`` returns them again, in order, before reading
    /// on, so a sample costs no second read of the file. A second call widens the sample (the
    /// theme packs look at the first 1,000 rows, learning at up to 20,000). A row that stops a
    /// strict run ends the sample; ``next(report:)`` throws it after the rows before it.
    /// Call it before the first ``next(report:)``.
    public func readAhead(_ count: Int, bytes: Int = .max, report: (String) -> Void) throws(MindscopeError) -> [FeedbackRecord] {
        precondition(pendingIndex == 0, "readAhead after next")
        guard pendingError == nil else { return pending }
        var text = pendingBytes
        do {
            while pending.count < count, text < bytes, let record = try readNext(report: report) {
                pending.append(record)
                text += record.text.utf8.count
            }
        } catch {
            pendingError = error
        }
        pendingBytes = text
        return Array(pending.prefix(count))
    }

    /// The next usable record, or nil at the end. Unreadable rows are skipped and reported
    /// (or thrown, when ``strict``); unreadable fields are reported and left missing.
    public func next(report: (String) -> Void) throws(MindscopeError) -> FeedbackRecord? {
        if pendingIndex < pending.count {
            pendingIndex += 1
            return pending[pendingIndex - 1]
        }
        if !pending.isEmpty {
            pending = []
            pendingIndex = 0
        }
        if let error = pendingError {
            pendingError = nil
            throw error
        }
        return try readNext(report: report)
    }

    private func readNext(report: (String) -> Void) throws(MindscopeError) -> FeedbackRecord? {
        for notice in notices { report(notice) }
        notices.removeAll()
        while true {
            let row: RawRow
            do {
                guard let next = try reader.next() else {
                    summary.repairedFields = reader.repairedFields
                    if !endReported {
                        endReported = true
                        for line in endOfReading() { report(line) }
                    }
                    return nil
                }
                row = next
            } catch {
                guard case .badInput = error, !strict else { throw error }
                summary.read += 1
                summary.skipped += 1
                report(error.description)
                continue
            }
            summary.read += 1
            if summary.read % 1000 == 0, let onProgress {
                let (bytes, total) = reader.progress
                onProgress(summary.read, bytes, total)
            }
            for notice in reader.notices { report(notice) }
            reader.notices.removeAll()
            guard row.fields.count == reader.headers.count else {
                let problem = "expected \(reader.headers.count) fields as in the header, found \(row.fields.count)"
                if strict { throw .badInput(path: path, line: row.line, message: problem) }
                summary.skipped += 1
                report("\(path):\(row.line): \(problem); row skipped")
                continue
            }
            let record = try read(row, report: report)
            summary.used += 1
            return record
        }
    }

    private func read(_ row: RawRow, report: (String) -> Void) throws(MindscopeError) -> FeedbackRecord {
        func problem(_ column: Int, _ message: String) throws(MindscopeError) {
            let text = "\(message) (column '\(reader.headers[column])')"
            if strict { throw .badInput(path: path, line: row.line, message: text) }
            summary.fieldProblems += 1
            report("\(path):\(row.line): \(text); left missing")
        }
        let id = roles[.id].map { row.fields[$0].trimmingSpaces() } ?? ""
        if !id.isEmpty { noteID(id, line: row.line) }
        var record = FeedbackRecord(line: row.line, id: id.isEmpty ? String(rowOffset + summary.read) : id,
                                    text: roles.all(.text).map { row.fields[$0].trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: "\n\n"),
                                    rating: nil, value: nil, churned: nil, segments: [])
        for column in roles.all(.segment) {
            let value = row.fields[column].trimmingSpaces()
            guard binnedColumns.contains(column), !value.isEmpty else { record.segments.append(value); continue }
            if let group = AgeBins.label(value, bins: ageBins) {
                record.segments.append(group)
            } else {
                record.segments.append("")
                try problem(column, "'\(value.excerpt)' is not an age (0 to \(AgeBins.oldest))")
            }
        }
        if let column = roles[.rating], !row.fields[column].trimmingSpaces().isEmpty {
            if let reading = RatingReading(row.fields[column], words: vocabulary.ratingWords) {
                if ratingScale == nil, !ratingScaleReported {
                    ratingScale = RatingScale.detect([reading], question: reader.header.questions[column])
                }
                if let scale = ratingScale {
                    record.rating = scale.rating(reading)
                    if record.rating == nil { try problem(column, "rating '\(row.fields[column].excerpt)' is off the \(scale) scale") }
                } else if !ratingScaleReported {
                    ratingScaleReported = true
                    try problem(column, "the first ratings fit no rating scale (1–5 … 0–100, stars, words), so this column's ratings are left out")
                }
            } else {
                try problem(column, "'\(row.fields[column].excerpt)' is not a rating")
            }
        }
        if let column = roles[.value] {
            do { record.value = try Money.parse(row.fields[column]) } catch { try problem(column, error.message) }
        }
        for role in ColumnRoles.Role.allCases where role.isMeasure {
            guard let column = roles[role] else { continue }
            let field = row.fields[column].trimmingSpaces()
            guard !field.isEmpty else { continue }
            if let number = Double(field), number.isFinite { record.measures[role] = number } else {
                try problem(column, "'\(field.excerpt)' is not a number")
            }
        }
        if let column = roles[.churned] {
            do { record.churned = try vocabulary.flag(row.fields[column]) } catch { try problem(column, error.message) }
        }
        if let column = roles[.recommend] {
            do { record.recommend = try vocabulary.flag(row.fields[column]) } catch { try problem(column, error.message) }
        }
        if let column = roles[.time], let format = timeFormat {
            let field = row.fields[column].trimmingSpaces()
            if !field.isEmpty {
                notes.noteTimeRead()
                let seconds = format.seconds(field)
                if let seconds, seconds >= TimeFormat.earliest, seconds <= latestTime {
                    record.time = seconds
                } else {
                    // Counted and cited when the reading ends, not reported row by row.
                    let message = seconds == nil ? "'\(field.excerpt)' is not a date" : "'\(field.excerpt)' is before 1990 or in the future"
                    if strict { throw .badInput(path: path, line: row.line, message: "\(message) (column '\(reader.headers[column])')") }
                    summary.fieldProblems += 1
                    if seconds == nil { notes.noteUnreadableTime(field, line: row.line) } else { notes.noteImplausibleTime(field, line: row.line) }
                }
            }
        }
        return record
    }
}

extension SurveyReader {
    /// Counts an id that an earlier row had, and notes one in scientific notation.
    fileprivate func noteID(_ id: String, line: Int) { notes.noteID(id, line: line) }

    /// `5.70306E+17`: how spreadsheets show an integer too long for them, its digits lost.
    public static func isScientific(_ id: String) -> Bool {
        let parts = id.uppercased().split(separator: "E", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].hasPrefix("+"), parts[1].count > 1, parts[1].dropFirst().allSatisfy(\.isASCII),
              parts[1].dropFirst().allSatisfy(\.isNumber) else { return false }
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(mantissa.count) && mantissa.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// What is said once the last row is read (``ReadingNotes/lines(path:idColumn:timeColumn:)``).
    /// A reader that ends with the partial result of a part says nothing (``quietEnd``): the
    /// merge says it of the whole.
    func endOfReading() -> [String] {
        quietEnd ? [] : notes.lines(path: path, idColumn: roles[.id].map { reader.headers[$0] }, timeColumn: timeColumn)
    }

    /// `5,000`: thousands grouped with commas, whatever the locale.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (n < 0 ? "-" : "") + result
    }
}

/// Age groups for numeric ages: by default 18-25, 26-35, 36-50, 51+ (and under 18).
public struct AgeBins: Sendable, Hashable {
    /// Lower bounds of each group, ascending; the last group is open-ended.
    public var starts: [Int]

    public static let standard = AgeBins(starts: [18, 26, 36, 51])

    public init(starts: [Int]) { self.starts = starts.sorted() }

    /// Parses "18-25,26-35,36-50,51+" (the lower bounds are what counts).
    public init?(_ text: String) {
        let starts = text.split(separator: ",").compactMap { Int($0.split(whereSeparator: { $0 == "-" || $0 == "+" }).first ?? "") }
        guard !starts.isEmpty, starts.count == text.split(separator: ",").count else { return nil }
        self.init(starts: starts)
    }

    public var labels: [String] {
        starts.indices.map { index in index + 1 < starts.count ? "\(starts[index])-\(starts[index + 1] - 1)" : "\(starts[index])+" }
    }

    /// Ages above this are data errors.
    public static let oldest = 130

    /// The group of an age; nil when the value is not an age (not a number, negative, above
    /// ``oldest``, not finite).
    public static func label(_ value: String, bins: AgeBins) -> String? {
        guard let age = Double(value), age.isFinite, (0...Double(oldest)).contains(age) else { return nil }
        guard let first = bins.starts.first, age >= Double(first) else { return "under \(bins.starts.first ?? 0)" }
        guard let index = bins.starts.lastIndex(where: { Double($0) <= age }) else { return nil }
        return bins.labels[index]
    }
}
