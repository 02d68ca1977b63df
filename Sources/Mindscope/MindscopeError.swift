import MindscopeText

/// What went wrong, where, and a hint towards the fix. The CLI maps each case to an exit code.
public enum MindscopeError: Error, Sendable, CustomStringConvertible {
    /// A file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// A lexicon file is malformed.
    case lexicon(LexiconError)
    /// A data folder (lexicons, personas) was not found.
    case dataFolderNotFound(name: String, variable: String, searched: [String])
    /// A persona file is invalid, or a persona name is unknown.
    case persona(PersonaError)
    /// A row or field of an input file cannot be used.
    case badInput(path: String, line: Int, message: String)
    /// The input lacks something the command needs (a text column, a header).
    case missingColumn(path: String, role: String, headers: [String])
    /// `--column ROLE=NAME` names no column of the file.
    case unknownColumn(path: String, role: String, name: String, headers: [String])
    /// `--domain NAME` names no theme pack.
    case unknownDomain(String, hint: String)
    /// A partial result cannot be merged: another format, version, lexicons or choices.
    case partial(path: String, message: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .lexicon(let error): error.description
        case .dataFolderNotFound(let name, let variable, let searched):
            "\(name) not found; looked in: \(searched.joined(separator: ", ")). Pass --\(name) DIR or set \(variable)."
        case .persona(let error): error.description
        case .badInput(let path, let line, let message): "\(path):\(line): \(message)"
        case .unknownColumn(let path, let role, let name, let headers):
            "\(path): no column '\(name)' (asked for as the \(role) column, with --column or --by): no column has that header or question; headers: \(Self.list(headers))"
        case .unknownDomain(let name, let hint): "--domain \(name.excerpt): no such theme pack; \(hint)"
        case .partial(let path, let message): "\(path): \(message)"
        case .missingColumn(let path, let role, let headers):
            "\(path):1: no \(role) column among the headers (\(Self.list(headers))); name one with --column \(role)=HEADER"
        }
    }

    /// Headers as a message lists them: the first ten, each cut to 60 characters.
    static func list(_ headers: [String]) -> String {
        headers.prefix(10).map(\.excerpt).joined(separator: ", ") + (headers.count > 10 ? ", … (\(headers.count) in all)" : "")
    }
}
