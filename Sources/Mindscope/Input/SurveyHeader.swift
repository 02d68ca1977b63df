/// The survey tool an export comes from, as far as its header rows tell.
public enum SurveyLayout: String, Sendable, CaseIterable, Codable {
    /// One header row, any naming.
    case plain
    /// Qualtrics CSV: column ids (`ResponseId`, `Q1`), question texts, then `{"ImportId":"QID1"}`.
    case qualtrics
    /// SurveyMonkey: the question, then the sub-answer ("Response", "Open-Ended Response", an option).
    case surveymonkey
    /// Google Forms: `Timestamp` first, the question texts as headers.
    case googleForms = "google_forms"
}

/// The header of an export: a unique name per column and, where the tool writes one, the
/// question text, which is what column roles are found from.
public struct SurveyHeader: Sendable, Codable, Equatable {
    public var layout: SurveyLayout
    /// Column names, unique: a repeated header is read as `name (2)`, `name (3)`, ….
    public var names: [String]
    /// The question text per column (the name itself when the export has none).
    public var questions: [String]
    /// How many rows the header takes.
    public var rows: Int
    /// Problems with the header, such as repeated names, worded for the user.
    public var warnings: [String]

    /// Detects the layout from the first row and the (up to) two rows after it; returns the
    /// header and how many of `following` it consumed.
    /// A header or question as words: letters and digits kept, everything else a space
    /// ("order_value" → "order value", "Q3. How likely…?" → "Q3  How likely").
    static func words(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : " " })
    }

    static func detect(first: [String], following: [[String]]) -> (header: SurveyHeader, consumed: Int) {
        let first = first.map { $0.trimmingSpaces() }
        if following.count >= 2, isQualtricsImportRow(following[1]) {
            let questions = following[0].map { $0.trimmingSpaces() }
            return (make(.qualtrics, names: first, questions: pad(questions, to: first.count), rows: 3), 2)
        }
        // Older Qualtrics exports have no ImportId row: ids, then "Response ID" and the questions.
        if let second = following.first, let id = first.firstIndex(where: { $0.lowercased() == "responseid" }),
           id < second.count, second[id].trimmingSpaces().lowercased() == "response id" {
            return (make(.qualtrics, names: first, questions: pad(second.map { $0.trimmingSpaces() }, to: first.count), rows: 2), 1)
        }
        if let second = following.first, isSurveyMonkey(first: first, second: second) {
            var names: [String] = []
            var question = ""
            for (index, cell) in first.enumerated() {
                let sub = index < second.count ? second[index].trimmingSpaces() : ""
                // A blank question cell continues the question before it only under a sub-answer.
                if !cell.isEmpty { question = cell } else if sub.isEmpty { question = "" }
                let plainResponse = sub.isEmpty || sub.lowercased() == "response"
                names.append(question.isEmpty ? "" : plainResponse ? question : "\(question) - \(sub)")
            }
            return (make(.surveymonkey, names: names, questions: names, rows: 2), 1)
        }
        let layout: SurveyLayout = first.first?.lowercased() == "timestamp" ? .googleForms : .plain
        return (make(layout, names: first, questions: first, rows: 1), 0)
    }

    private static func make(_ layout: SurveyLayout, names: [String], questions: [String], rows: Int) -> SurveyHeader {
        var seen: [String: Int] = [:]
        var unique: [String] = []
        var warnings: [String] = []
        let taken = Set(names.map { $0.lowercased() })
        for (index, name) in names.enumerated() {
            let base = name.isEmpty ? "column \(index + 1)" : name
            let count = (seen[base.lowercased()] ?? 0) + 1
            seen[base.lowercased()] = count
            if count > 1 {
                // The first free "name (n)", never one the file itself uses.
                var n = count
                while taken.contains("\(base) (\(n))".lowercased()) || unique.contains(where: { $0.lowercased() == "\(base) (\(n))".lowercased() }) { n += 1 }
                let renamed = "\(base) (\(n))"
                warnings.append("duplicate header '\(base)' (column \(index + 1)); read as '\(renamed)'")
                unique.append(renamed)
            } else {
                unique.append(base)
            }
        }
        return SurveyHeader(layout: layout, names: unique, questions: questions.map { $0.isEmpty ? "" : $0 },
                            rows: rows, warnings: warnings)
    }

    private static func pad(_ values: [String], to count: Int) -> [String] {
        values.count >= count ? Array(values.prefix(count)) : values + Array(repeating: "", count: count - values.count)
    }

    /// Qualtrics' third header row: `{"ImportId":"QID1"}` in a quarter of the cells or more.
    static func isQualtricsImportRow(_ row: [String]) -> Bool {
        let imports = row.filter { $0.trimmingSpaces().hasPrefix("{\"ImportId\"") || $0.trimmingSpaces().hasPrefix("{\"importId\"") }
        return imports.count * 4 >= row.count && !imports.isEmpty
    }

    /// SurveyMonkey: "Respondent ID" in the first row, and a second row of sub-answers
    /// ("Response", "Open-Ended Response", option names) that is blank under the metadata.
    static func isSurveyMonkey(first: [String], second: [String]) -> Bool {
        guard first.contains(where: { $0.lowercased() == "respondent id" }) else { return false }
        let subAnswers = second.filter { cell in
            let value = cell.trimmingSpaces().lowercased()
            return value == "response" || value == "open-ended response" || value.hasSuffix("(please specify)")
        }
        let idColumn = first.firstIndex { $0.lowercased() == "respondent id" }!
        return !subAnswers.isEmpty && (idColumn >= second.count || second[idColumn].trimmingSpaces().isEmpty)
    }
}
