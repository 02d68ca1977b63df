import Foundation

extension RecordReader {
    /// How many places after the head a sample reads rows at.
    static let samplePlaces = 10
    /// The most bytes read at one place: a window holds the rows taken there and the partial
    /// row the window starts in.
    static let sampleWindow = 512 << 10
    /// Rows in a row that must have the header's field count before a place is trusted.
    static let resyncRows = 5
    /// Line starts tried at one place before it is given up.
    static let resyncTries = 4

    /// Rows for deciding column roles, spread through the file: the first rows and, when the
    /// input is a regular file longer than that, rows read at ``samplePlaces`` evenly spaced
    /// byte offsets after them, so a file sorted by a column still shows that column's labels.
    /// At most `count` rows and ``peekBudget`` plus ``samplePlaces`` × ``sampleWindow`` bytes.
    ///
    /// ```
    /// rows 1–100 | 10 rows at 0 % | 10 rows at 10 % | … | 10 rows at 90 % of the rest
    /// ```
    ///
    /// A row read after a seek has `line` 0 (its line is not known). In CSV and TSV a seek can
    /// land inside a quoted field that spans lines, so a place is used only when parsing from a
    /// line start gives ``resyncRows`` rows in a row with the header's field count, and the
    /// first of them (possibly the tail of a quoted field) is dropped. Standard input and pipes
    /// cannot seek: their sample is the first rows. Reading is unaffected: ``next()`` still
    /// yields every row once, in order (the places are read through a second handle).
    public func sample(_ count: Int) -> [RawRow] {
        let head = peek(count)
        guard !reachedEnd, head.count == count, let size = rows.progress.total, sourcePath != "-" else { return head }
        let start = rows.offset
        guard size > start, let handle = FileHandle(forReadingAtPath: sourcePath) else { return head }
        defer { try? handle.close() }
        let perPlace = max(1, count / 2 / Self.samplePlaces)
        var spread: [RawRow] = []
        // Where the rows taken so far end (a row boundary): a place never reads them again, so
        // a short rest of the file is read once, in order, rather than in overlapping windows.
        var covered = start
        for place in 0..<Self.samplePlaces {
            let offset = max(start + (size - start) * place / Self.samplePlaces, covered)
            guard offset < size, (try? handle.seek(toOffset: UInt64(offset))) != nil,
                  let window = try? handle.read(upToCount: Self.sampleWindow), !window.isEmpty else { continue }
            let (rows, end) = self.rows(in: window, atRowStart: offset == covered, reachesEnd: offset + window.count >= size, taking: perPlace)
            spread += rows
            if !rows.isEmpty { covered = offset + end }
        }
        guard !spread.isEmpty else { return head }
        return Array(head.prefix(count - spread.count)) + spread
    }

    /// Up to `taking` whole rows of `window` and the offset in it where the last of them ends;
    /// no rows when no line start in it gives rows that fit the header.
    private func rows(in window: Data, atRowStart: Bool, reachesEnd: Bool, taking: Int) -> (rows: [RawRow], end: Int) {
        let bytes = [UInt8](window)
        var starts: [Int] = atRowStart ? [0] : []
        var index = 0
        while starts.count < (atRowStart ? 1 : Self.resyncTries), index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A || (byte == 0x0D && (index == bytes.count || bytes[index] != 0x0A)) { starts.append(index) }
        }
        for start in starts {
            let data = Data(bytes[start...])
            let found = format == .jsonl
                ? jsonRows(data, reachesEnd: reachesEnd, taking: taking + 1)
                : delimitedRows(data, reachesEnd: reachesEnd, taking: taking + 1)
            guard let found, found.count >= (atRowStart ? 1 : Self.resyncRows) else { continue }
            // After a seek the first row may be the tail of a quoted field: dropped.
            let kept = found.dropFirst(atRowStart ? 0 : 1).prefix(taking)
            return (kept.map(\.row), start + (kept.last?.end ?? 0))
        }
        return ([], 0)
    }

    /// CSV or TSV rows from a line start, each with the offset where it ends: nil at the first
    /// row that cannot be read or does not have the header's field count (the start was inside
    /// a quoted field).
    private func delimitedRows(_ data: Data, reachesEnd: Bool, taking: Int) -> [(row: RawRow, end: Int)]? {
        let parser = DelimitedReader(source: ByteSource(data: data), path: path, delimiter: format == .csv ? UInt8(ascii: ",") : 0x09, limits: limits)
        var rows: [(row: RawRow, end: Int)] = []
        while rows.count < taking {
            let row: RawRow?
            do { row = try parser.next() } catch {
                // A quote left open to the window's end may close after it; any other error is
                // a false start (or a bad row, which the reading reports in its turn).
                if parser.offset >= data.count, !reachesEnd { break }
                return nil
            }
            // A row that runs to the window's end may be cut short, unless that is the file's end.
            guard let row, parser.offset < data.count || reachesEnd else { break }
            if row.fields == [""] { continue }
            guard row.fields.count == headers.count else { return nil }
            rows.append((RawRow(line: 0, fields: row.fields), parser.offset))
        }
        return rows
    }

    /// JSONL rows from a line start, each with the offset where it ends: every line is a row;
    /// lines that are no object are passed over.
    private func jsonRows(_ data: Data, reachesEnd: Bool, taking: Int) -> [(row: RawRow, end: Int)]? {
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        if !reachesEnd { lines.removeLast() }  // may be cut short
        var rows: [(row: RawRow, end: Int)] = []
        for line in lines where rows.count < taking {
            let text = String(decoding: line, as: UTF8.self)
            guard !text.allSatisfy(\.isWhitespace), line.count <= limits.rowBytes, Self.nesting(of: text) <= Self.deepestNesting,
                  let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(line)) else { continue }
            rows.append((RawRow(line: 0, fields: headers.map { object[$0]?.text ?? "" }), min(line.endIndex - data.startIndex + 1, data.count)))
        }
        return rows
    }
}
