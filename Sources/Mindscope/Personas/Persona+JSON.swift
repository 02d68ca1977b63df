import Foundation

/// Why a persona file cannot be used, naming the field.
public struct PersonaError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// The field, dotted (`preferences.detail_level`), or empty for the whole file.
    public var field: String
    public var message: String

    public var description: String { "\(path): " + (field.isEmpty ? "" : "field '\(field)': ") + message }
}

extension Persona {
    static let knownFields = ["id", "name", "description", "goals", "pain_points", "preferences", "traits",
                              "lens_weights", "theme_weights"]

    /// Reads and validates a persona file's contents; `id` defaults to the file name.
    public static func parse(_ data: Data, path: String) throws(PersonaError) -> Persona {
        func fail(_ field: String, _ message: String) -> PersonaError { PersonaError(path: path, field: field, message: message) }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw fail("", "expected a JSON object with name, description, goals, pain_points, preferences, traits")
            }
            object = parsed
        } catch let error as PersonaError {
            throw error
        } catch {
            let (place, detail) = FoundationJSON.jsonProblem(error, in: data)
            throw PersonaError(path: place.map { "\(path):\($0)" } ?? path, field: "", message: "not valid JSON: " + detail)
        }
        for key in object.keys where !knownFields.contains(key) {
            let hint = Suggestion.nearest(to: key, among: knownFields).map { " (did you mean '\($0)'?)" } ?? ""
            throw fail(key, "unknown field\(hint)")
        }
        func string(_ key: String, required: Bool) throws(PersonaError) -> String? {
            guard let value = object[key] else {
                if required { throw fail(key, "missing; expected a string") }
                return nil
            }
            guard let text = value as? String, !text.trimmingSpaces().isEmpty else { throw fail(key, "expected a non-empty string") }
            return text
        }
        func strings(_ key: String) throws(PersonaError) -> [String] {
            guard let value = object[key] else { return [] }
            guard let list = value as? [Any], list.allSatisfy({ $0 is String }) else { throw fail(key, "expected a list of strings") }
            return list.compactMap { $0 as? String }
        }
        func weights(_ key: String) throws(PersonaError) -> [String: Double] {
            guard let value = object[key] else { return [:] }
            guard let map = value as? [String: Any] else { throw fail(key, "expected an object of name → number") }
            var result: [String: Double] = [:]
            for (name, weight) in map {
                // JSON true/false also arrive as NSNumber; their type says which they are.
                guard let number = weight as? NSNumber, !FoundationJSON.isBoolean(number), number.doubleValue >= 0, number.doubleValue.isFinite else {
                    throw fail("\(key).\(name)", "expected a number ≥ 0")
                }
                if key == "lens_weights", Lens(rawValue: name) == nil {
                    let hint = Suggestion.nearest(to: name, among: Lens.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                    throw fail("\(key).\(name)", "unknown lens\(hint); lenses: \(Lens.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                result[name] = number.doubleValue
            }
            return result
        }
        let fileID = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var persona = Persona(id: try string("id", required: false) ?? fileID, name: try string("name", required: true)!)
        persona.description = try string("description", required: false) ?? ""
        persona.goals = try strings("goals")
        persona.painPoints = try strings("pain_points")
        if persona.goals.isEmpty && persona.painPoints.isEmpty && object["lens_weights"] == nil {
            throw fail("goals", "a persona needs goals, pain_points or lens_weights to choose its lenses")
        }
        if let preferences = object["preferences"] {
            guard let map = preferences as? [String: Any] else { throw fail("preferences", "expected an object with tone and detail_level") }
            for key in map.keys where key != "tone" && key != "detail_level" {
                throw fail("preferences.\(key)", "unknown preference; expected tone or detail_level")
            }
            if let tone = map["tone"] {
                guard let text = tone as? String, !text.isEmpty else { throw fail("preferences.tone", "expected a string such as \"practical\"") }
                persona.tone = text.lowercased()
            }
            if let detail = map["detail_level"] {
                guard let text = detail as? String, let level = DetailLevel(rawValue: text.lowercased()) else {
                    throw fail("preferences.detail_level", "expected one of low, medium, high, got \(detail)")
                }
                persona.detailLevel = level
            }
        }
        if let traits = object["traits"] {
            guard let map = traits as? [String: Any] else { throw fail("traits", "expected an object") }
            persona.traits = map.mapValues { value in
                if let number = value as? NSNumber { return FoundationJSON.describe(number) }
                return "\(value)"
            }
        }
        persona.lensWeights = try weights("lens_weights")
        persona.themeWeights = try weights("theme_weights")
        return persona
    }
}

/// Helpers for Foundation's JSON: its errors, and booleans and numbers arriving as NSNumber.
enum FoundationJSON {
    /// The parser's own account of bad JSON ("Invalid value around character 62"), with the
    /// character's line and column.
    static func jsonProblem(_ error: any Error, in data: Data) -> (place: String?, detail: String) {
        let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? (error as NSError).localizedDescription
        if data.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) { return (nil, "the file is empty") }
        let text = String(decoding: data, as: UTF8.self)
        if detail.contains("end of file") {
            return ("\(text.split(separator: "\n", omittingEmptySubsequences: false).count)", detail)
        }
        guard let range = detail.range(of: #"character (\d+)"#, options: .regularExpression),
              let offset = Int(detail[range].dropFirst("character ".count)) else { return (nil, detail) }
        let before = text.prefix(offset)
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return ("\(line):\(column)", detail)
    }

    static func isBoolean(_ number: NSNumber) -> Bool {
        let type = String(cString: number.objCType)
        return type == "c" || type == "B"
    }

    static func describe(_ number: NSNumber) -> String {
        isBoolean(number) ? (number.boolValue ? "true" : "false") : number.stringValue
    }
}

extension Persona {
    /// Checks `theme_weights` against the themes in use.
    public func validateThemes(_ themes: [String], path: String) throws(PersonaError) {
        for name in themeWeights.keys.sorted() where !themes.contains(name) {
            let hint = Suggestion.nearest(to: name, among: themes).map { " (did you mean '\($0)'?)" } ?? ""
            throw PersonaError(path: path, field: "theme_weights.\(name)", message: "unknown theme\(hint); themes: \(themes.joined(separator: ", "))")
        }
    }
}
