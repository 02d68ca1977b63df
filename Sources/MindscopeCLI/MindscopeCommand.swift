import ArgumentParser

@main
struct MindscopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mindscope",
        abstract: "Reads customer feedback and tells each decision maker what matters to them.",
        subcommands: [Analyze.self, Report.self, Tag.self, Inspect.self, Personas.self, Explain.self, Evaluate.self, Generate.self]
    )

    static func main() {
        SignalCleanup.install()
        main(nil)
    }
}
