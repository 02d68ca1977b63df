import ArgumentParser
import Foundation
import Mindscope

/// How to read a survey export; shared by every command that reads one.
struct InputOptions: ParsableArguments {
    @Argument(help: "The survey export: .csv, .tsv, .jsonl (Qualtrics, SurveyMonkey, Google Forms or plain), or - for standard input.")
    var file: String

    @Option(name: .customLong("input-format"), help: "Input format when the extension and content do not tell: csv, tsv, jsonl.")
    var inputFormat: InputFormat?

    @Option(name: .customLong("column"), parsing: .singleValue,
            help: ArgumentHelp("Give a column its role: ROLE=HEADER, ROLE one of id, text, rating, value, churned, recommend, time, segment (repeatable; text and segment may name several columns).", valueName: "ROLE=HEADER"))
    var columns: [String] = []

    @Option(help: ArgumentHelp("Same as --column id=HEADER.", valueName: "HEADER")) var idColumn: String?
    @Option(help: ArgumentHelp("Same as --column text=HEADER.", valueName: "HEADER")) var textColumn: String?
    @Option(help: ArgumentHelp("Same as --column rating=HEADER.", valueName: "HEADER")) var ratingColumn: String?
    @Option(help: ArgumentHelp("Same as --column value=HEADER.", valueName: "HEADER")) var valueColumn: String?

    @Option(help: ArgumentHelp("Age groups for a numeric age column (default 18-25,26-35,36-50,51+).", valueName: "GROUPS"))
    var ageGroups: String?

    @Option(help: ArgumentHelp("Skip (report) rows with a field longer than this: bytes, or with K, M or G.", valueName: "SIZE"))
    var maxFieldBytes = InputLimits.describe(bytes: InputLimits.standard.fieldBytes)
    @Option(help: ArgumentHelp("Skip (report) rows longer than this (a JSONL line): bytes, or with K, M or G.", valueName: "SIZE"))
    var maxRowBytes = InputLimits.describe(bytes: InputLimits.standard.rowBytes)
    @Option(help: ArgumentHelp("Skip (report) rows with more fields than this (JSONL: keys).", valueName: "N"))
    var maxColumns = InputLimits.standard.columns

    @Option(help: ArgumentHelp("The start of the export FILE is a part of (its header and first rows, at least the first 21,000): every choice made from the first rows (columns, rating scale, date order, theme packs, learned phrases, discovered topics) is made from it, so every part of one export reads alike. FILE then holds the export's lines from --first-line on.", valueName: "HEAD"))
    var head: String?
    @Option(help: ArgumentHelp("With --head: the export's line FILE starts on (default 1: FILE starts with the header). FILE must start at a row.", valueName: "N"))
    var firstLine: Int?
    @Option(help: ArgumentHelp("With --head: the export's rows before FILE, its header rows included (row numbers and the ids of rows without one count on from there).", valueName: "N"))
    var firstRow: Int?
    @Option(help: ArgumentHelp("The export's name in messages and output (for standard input or a part).", valueName: "NAME"))
    var inputName: String?

    @Flag(help: "Stop at the first row or field that cannot be read, with exit code 1.") var strict = false
    @Flag(help: "No progress bar and no row counts on stderr (problems are still reported). The bar is drawn only when stderr is a terminal.")
    var quiet = false
    @Flag(name: .shortAndLong, help: "Print the layout and the columns chosen, and why, on stderr.") var verbose = false

    func validate() throws {
        if head == nil, firstLine != nil || firstRow != nil { throw ValidationError("--first-line and --first-row need --head HEAD, the start of the export FILE is a part of") }
        if let firstLine, firstLine < 1 { throw ValidationError("--first-line \(firstLine): expected a line number from 1") }
        if let firstRow, firstRow < 0 { throw ValidationError("--first-row \(firstRow): expected a count from 0") }
        _ = try overrides()
        _ = try limits()
        if let ageGroups, AgeBins(ageGroups) == nil {
            throw ValidationError("--age-groups '\(ageGroups)': expected lower bounds such as 18-25,26-35,36-50,51+")
        }
    }

    /// The input limits from the three --max flags.
    func limits() throws -> InputLimits {
        guard let field = InputLimits.byteCount(maxFieldBytes) else {
            throw ValidationError("--max-field-bytes '\(maxFieldBytes)': expected a positive size such as 1048576, 512K or 1M")
        }
        guard let row = InputLimits.byteCount(maxRowBytes) else {
            throw ValidationError("--max-row-bytes '\(maxRowBytes)': expected a positive size such as 4194304, 512K or 4M")
        }
        guard maxColumns > 0 else { throw ValidationError("--max-columns \(maxColumns): expected a positive number") }
        return InputLimits(fieldBytes: field, rowBytes: row, columns: maxColumns)
    }

    /// The role overrides, from --column and the four shorthand flags.
    func overrides() throws -> [(ColumnRoles.Role, String)] {
        var result: [(ColumnRoles.Role, String)] = []
        for spec in columns {
            guard let equals = spec.firstIndex(of: "="), let role = ColumnRoles.Role(rawValue: String(spec[..<equals]).lowercased()),
                  spec.index(after: equals) < spec.endIndex else {
                throw ValidationError("--column '\(spec)': expected ROLE=HEADER with ROLE one of \(ColumnRoles.Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result.append((role, String(spec[spec.index(after: equals)...])))
        }
        let shorthands: [(ColumnRoles.Role, String?)] = [(.id, idColumn), (.text, textColumn), (.rating, ratingColumn), (.value, valueColumn)]
        result += shorthands.compactMap { role, header in header.map { (role, $0) } }
        return result
    }

    /// The export's name in messages and output.
    var name: String { inputName ?? file }

    /// Opens the export: `head` reads its start, to make every choice from (the --head file,
    /// else the same reader as `rows`), `rows` the rows to read (FILE).
    func openParts(_ set: LexiconSet, segments: [String] = []) throws -> (head: SurveyReader, rows: SurveyReader) {
        guard let head else {
            let reader = try open(set, segments: segments)
            return (reader, reader)
        }
        let start = try open(set, segments: segments, path: head)
        do {
            let rows = try SurveyReader(path: file, name: name, continuing: start, firstLine: firstLine ?? 1, firstRow: firstRow ?? 0)
            if !quiet, Terminal.isInteractive { rows.onProgress = ProgressBar().update }
            return (start, rows)
        } catch {
            throw Terminal.fail(error)
        }
    }

    /// Opens the export, printing the header's warnings and, with -v, the roles chosen.
    /// `segments` (from `--by`) are the only segment columns when given.
    func open(_ set: LexiconSet, segments: [String] = [], path: String? = nil) throws -> SurveyReader {
        do {
            let reader = try SurveyReader(path: path ?? file, name: path == nil ? name : nil, format: inputFormat, columnSynonyms: set.columns, vocabulary: set.values,
                                          overrides: try overrides() + segments.map { (.segment, $0) }, limits: try limits())
            reader.strict = strict
            if let ageGroups, let bins = AgeBins(ageGroups) { reader.ageBins = bins }
            for warning in reader.reader.header.warnings { Terminal.error("warning: \(warning)") }
            if verbose { for line in Inspection(reader, analyses: set.analyses).columnLines { Terminal.error(line) } }
            if !quiet, Terminal.isInteractive { reader.onProgress = ProgressBar().update }
            return reader
        } catch let error as MindscopeError {
            throw Terminal.fail(error)
        }
    }
}

extension InputFormat: ExpressibleByArgument {}

/// The progress line on stderr: rows, MB/s, and with a file of known size the share done and
/// the time left. Redrawn at most ten times a second; any other message clears it.
final class ProgressBar {
    private let start = Date()
    private var drawn = Date.distantPast

    func update(rows: Int, bytes: Int, total: Int?) {
        let now = Date()
        guard now.timeIntervalSince(drawn) >= 0.1 else { return }
        drawn = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(bytes) / elapsed
        var line = "\(rows.formatted()) rows  \(String(format: "%.1f", rate / 1e6)) MB/s"
        if let total, total > 0, rate > 0 {
            let left = Int(Double(max(total - bytes, 0)) / rate)
            line += "  \(min(100, bytes * 100 / total))%  ETA \(left / 60):\(String(format: "%02d", left % 60))"
        }
        Terminal.progress(line)
    }
}
