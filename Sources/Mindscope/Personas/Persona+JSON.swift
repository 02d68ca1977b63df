import Foundation

/// Why a persona file cannot be used, naming the field and, when the file shows it, the line
/// (`personas/x.json:4: field 'preferences.detail_level': …`).
public struct PersonaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, with `:LINE` (or `:LINE:COLUMN` for a syntax error) when known.
    public var path: String
    /// The field, dotted (`preferences.detail_level`), or empty for the whole file.
    public var field: String
    public var message: String

    public var description: String { "\(path): " + (field.isEmpty ? "" : "field '\(field)': ") + message }
}

extension Persona {
    static let knownFields = ["id", "name", "description", "goals", "pain_points", "preferences", "traits",
                              "lens_weights", "theme_weights", "domains"]

    /// The column roles `domains` may name besides the theme packs: a persona written for
    /// churn, ratings, order values, segments, product holdings, logins, transactions,
    /// would-you-recommend scores or dates.
    public static let columnRoleDomains = ["churned", "rating", "value", "segment", "products", "logins", "transactions",
                                           "recommend", "time"]

    /// Reads and validates a persona file's contents; `id` defaults to the file name.
    ///
    /// The syntax is checked first by ``JSONOutline``, which also finds the line of each field;
    /// `JSONDecoder` then decodes the fields, each checked for its type, so a message names
    /// `path:LINE` and the field. Theme weights and domains depend on the lexicons in use and are
    /// checked later (``validateThemes(_:path:)``, ``validateDomains(_:path:)``).
    public static func parse(_ data: Data, path: String) throws(PersonaError) -> Persona {
        let outline: JSONOutline
        do { outline = try JSONOutline(data) } catch {
            let place = [error.line, error.column].compactMap { $0 }.map(String.init)
            throw PersonaError(path: ([path] + place).joined(separator: ":"), field: "", message: "not valid JSON: " + error.detail)
        }
        let lines = outline.lines
        func fail(_ field: String, _ message: String, line: Int? = nil) -> PersonaError {
            PersonaError(path: (line ?? lines[field]).map { "\(path):\($0)" } ?? path, field: field, message: message)
        }
        if let twice = outline.duplicates.first {
            throw fail(twice.field, "given twice (first on line \(twice.first)); keep one", line: twice.again)
        }
        let file: PersonaFile
        do {
            let decoder = JSONDecoder()
            decoder.userInfo[PersonaFile.linesKey] = lines
            file = try decoder.decode(PersonaFile.self, from: data)
        } catch let problem as PersonaFile.Problem {
            throw fail(problem.field, problem.message)
        } catch {
            // The outline has checked the syntax: what is left is the decoder's own limits.
            throw PersonaError(path: path, field: "", message: "not valid JSON: \(error)")
        }
        let fileID = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var persona = Persona(id: file.id ?? fileID, name: file.name, description: file.description ?? "",
                              goals: file.goals ?? [], painPoints: file.painPoints ?? [],
                              tone: file.tone ?? "neutral", detailLevel: file.detailLevel ?? .medium, traits: file.traits ?? [:],
                              lensWeights: file.lensWeights ?? [:], themeWeights: file.themeWeights ?? [:], domains: file.domains ?? [])
        persona.fieldLines = lines
        if persona.goals.isEmpty && persona.painPoints.isEmpty && persona.lensWeights.isEmpty {
            // Point at whichever of the three was written (`"goals": []`), if any.
            let written = ["goals", "pain_points", "lens_weights"].compactMap { lines[$0] }.first
            throw fail("goals", "a persona needs goals, pain_points or lens_weights to choose its lenses", line: written)
        }
        return persona
    }

    /// Checks `theme_weights` against the themes in use.
    public func validateThemes(_ themes: [String], path: String) throws(PersonaError) {
        for name in themeWeights.keys.sorted() where !themes.contains(name) {
            let hint = Suggestion.nearest(to: name, among: themes).map { " (did you mean '\($0)'?)" } ?? ""
            throw PersonaError(path: place(path, "theme_weights.\(name)"), field: "theme_weights.\(name)",
                               message: "unknown theme\(hint); themes: \(themes.joined(separator: ", "))")
        }
    }

    /// Checks `domains` against the names a persona may be written for: the theme packs' ids
    /// (`ThemeLibrary.domainIDs`) and ``columnRoleDomains``.
    ///
    /// ```swift
    /// try persona.validateDomains(library.domainIDs + Persona.columnRoleDomains, path: "personas/cfo.json")
    /// ```
    /// ```
    /// personas/cfo.json:5: field 'domains': unknown domain 'retial' (did you mean 'retail'?); known: banking, food, …
    /// ```
    public func validateDomains(_ known: [String], path: String) throws(PersonaError) {
        for (index, name) in domains.enumerated() where !known.contains(name) {
            let hint = Suggestion.nearest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw PersonaError(path: place(path, "domains.\(index)", else: "domains"), field: "domains",
                               message: "unknown domain '\(name)'\(hint); known: \(known.joined(separator: ", "))")
        }
    }

    /// `path:LINE` for the line `field` (else `fallback`) was written on, or `path`.
    private func place(_ path: String, _ field: String, else fallback: String? = nil) -> String {
        guard let line = fieldLines[field] ?? fallback.flatMap({ fieldLines[$0] }) else { return path }
        return "\(path):\(line)"
    }
}

/// A persona file's fields as `JSONDecoder` reads them: each checked for its type, unknown keys
/// refused with the nearest known one.
private struct PersonaFile: Decodable {
    /// A field with the wrong type or value; ``Persona/parse(_:path:)`` adds the path and line.
    struct Problem: Error {
        var field: String
        var message: String
        init(_ field: String, _ message: String) { self.field = field; self.message = message }
    }

    /// Any key, so unknown ones can be named.
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// A JSON value that is not a list or an object; traits keep it as text as written.
    enum Scalar: Decodable, Equatable, CustomStringConvertible {
        case bool(Bool), integer(Int), number(Double), string(String), null

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            // Foundation's decoder never reads true as 1 nor 1 as true, so the order is safe.
            if value.decodeNil() { self = .null }
            else if let flag = try? value.decode(Bool.self) { self = .bool(flag) }
            else if let whole = try? value.decode(Int.self) { self = .integer(whole) }
            else if let number = try? value.decode(Double.self) { self = .number(number) }
            else { self = .string(try value.decode(String.self)) }
        }

        var description: String {
            switch self {
            case .bool(let flag): "\(flag)"
            case .integer(let whole): "\(whole)"
            case .number(let number): "\(number)"
            case .string(let text): text
            case .null: "null"
            }
        }
    }

    /// The line of each field (``JSONOutline/lines``), so fields are checked in file order.
    static let linesKey = CodingUserInfoKey(rawValue: "mindscope.personaFieldLines")!

    var id: String?
    var name: String
    var description: String?
    var goals: [String]?
    var painPoints: [String]?
    var tone: String?
    var detailLevel: Persona.DetailLevel?
    var traits: [String: String]?
    var lensWeights: [String: Double]?
    var themeWeights: [String: Double]?
    var domains: [String]?

    init(from decoder: any Decoder) throws {
        let lines = decoder.userInfo[Self.linesKey] as? [String: Int] ?? [:]
        /// The keys of an object in the order they were written.
        func written<K>(_ object: KeyedDecodingContainer<K>, under prefix: String = "") -> [K] {
            object.allKeys.sorted { (lines[prefix + $0.stringValue] ?? .max, $0.stringValue) < (lines[prefix + $1.stringValue] ?? .max, $1.stringValue) }
        }
        /// The object of a key, or nil when it is absent.
        func object(_ parent: KeyedDecodingContainer<Key>, _ key: String, else message: String) throws(Problem) -> KeyedDecodingContainer<Key>? {
            guard parent.contains(Key(key)) else { return nil }
            do { return try parent.nestedContainer(keyedBy: Key.self, forKey: Key(key)) } catch { throw Problem(key, message) }
        }

        let file: KeyedDecodingContainer<Key>
        do { file = try decoder.container(keyedBy: Key.self) } catch {
            throw Problem("", "expected a JSON object with name, description, goals, pain_points, preferences, traits")
        }
        for key in written(file) where !Persona.knownFields.contains(key.stringValue) {
            let hint = Suggestion.nearest(to: key.stringValue, among: Persona.knownFields).map { " (did you mean '\($0)'?)" } ?? ""
            throw Problem(key.stringValue, "unknown field\(hint)")
        }
        func value<T: Decodable>(_ key: String, else message: String) throws(Problem) -> T? {
            guard file.contains(Key(key)) else { return nil }
            do { return try file.decode(T.self, forKey: Key(key)) } catch { throw Problem(key, message) }
        }
        func text(_ key: String) throws(Problem) -> String? {
            let text: String? = try value(key, else: "expected a non-empty string")
            if let text, text.trimmingSpaces().isEmpty { throw Problem(key, "expected a non-empty string") }
            return text
        }
        id = try text("id")
        guard let name = try text("name") else { throw Problem("name", "missing; expected a string") }
        self.name = name
        description = try text("description")
        goals = try value("goals", else: "expected a list of strings")
        painPoints = try value("pain_points", else: "expected a list of strings")
        domains = try value("domains", else: "expected a list of strings such as [\"retail\"]")

        if let preferences = try object(file, "preferences", else: "expected an object with tone and detail_level") {
            for key in written(preferences, under: "preferences.") where key.stringValue != "tone" && key.stringValue != "detail_level" {
                throw Problem("preferences.\(key.stringValue)", "unknown preference; expected tone or detail_level")
            }
            if preferences.contains(Key("tone")) {
                guard let tone = try? preferences.decode(String.self, forKey: Key("tone")), !tone.isEmpty else {
                    throw Problem("preferences.tone", "expected a string such as \"practical\"")
                }
                self.tone = tone.lowercased()
            }
            if preferences.contains(Key("detail_level")) {
                let given = try? preferences.decode(Scalar.self, forKey: Key("detail_level"))
                guard case .string(let level)? = given, let detail = Persona.DetailLevel(rawValue: level.lowercased()) else {
                    throw Problem("preferences.detail_level", "expected one of low, medium, high, got \(given?.description ?? "a list or an object")")
                }
                detailLevel = detail
            }
        }
        if let traits = try object(file, "traits", else: "expected an object") {
            var kept: [String: String] = [:]
            for key in written(traits, under: "traits.") {
                let given = try? traits.decode(Scalar.self, forKey: key)
                guard let given, given != .null else {
                    throw Problem("traits.\(key.stringValue)", "expected true, false, a number or a string")
                }
                kept[key.stringValue] = given.description
            }
            self.traits = kept
        }
        func weights(_ field: String) throws(Problem) -> [String: Double]? {
            guard let map = try object(file, field, else: "expected an object of name → number") else { return nil }
            var result: [String: Double] = [:]
            for key in written(map, under: field + ".") {
                // Foundation's decoder refuses true and false as a Double.
                guard let weight = try? map.decode(Double.self, forKey: key), weight >= 0, weight.isFinite else {
                    throw Problem("\(field).\(key.stringValue)", "expected a number ≥ 0")
                }
                let name = key.stringValue
                if field == "lens_weights", Lens(rawValue: name) == nil {
                    let lenses = Lens.allCases.map(\.rawValue)
                    let hint = Suggestion.nearest(to: name, among: lenses).map { " (did you mean '\($0)'?)" } ?? ""
                    throw Problem("\(field).\(name)", "unknown lens\(hint); lenses: \(lenses.joined(separator: ", "))")
                }
                result[name] = weight
            }
            return result
        }
        lensWeights = try weights("lens_weights")
        themeWeights = try weights("theme_weights")
    }
}
