import ArgumentParser
import Foundation
import Mindscope

@main
struct MindscopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mindscope",
        abstract: "Reads customer feedback and tells each decision maker what matters to them.",
        version: MindscopeVersion.current,
        subcommands: [Analyze.self, Report.self, Tag.self, Inspect.self, Personas.self, Themes.self, Explain.self, Evaluate.self, Generate.self]
    )

    static func main() {
        SignalCleanup.install()
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "-V" { arguments[0] = "--version" }
        if let first = arguments.first, let message = unknownSubcommand(first) {
            Terminal.error("mindscope: \(message)")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(arguments)
    }

    /// The message for a first argument that names no subcommand (`analyse`, `anlyze`), with the
    /// nearest one; nil for a subcommand, an option, or no argument.
    static func unknownSubcommand(_ word: String) -> String? {
        guard !word.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(word) else { return nil }
        let hint = Suggestion.nearest(to: word, among: names).map { "did you mean '\($0)'? " } ?? ""
        return "'\(word)' is not a mindscope command; \(hint)commands: \(names.joined(separator: ", "))"
    }
}
