import ArgumentParser
import Foundation
import Mindscope
import MindscopeText

/// Where personas come from; shared by `analyze` and `personas`.
struct PersonaOptions: ParsableArguments {
    @Option(name: .customLong("personas"), help: ArgumentHelp("The persona folder (default: $MINDSCOPE_PERSONAS, beside the binary, or the source checkout's personas/).", valueName: "DIR"))
    var directory: String?

    func library() throws -> PersonaLibrary {
        do { return PersonaLibrary(directory: try DataFolder.personas.locate(explicit: directory)) } catch { throw Terminal.fail(error) }
    }

    /// The named personas, or every shipped one when none is named; their theme weights are
    /// checked against `themes` when given.
    ///
    /// Theme weights only: `load(_:library:)` also checks `domains`.
    func load(_ names: [String], themes: [String]? = nil) throws -> [Persona] {
        try load(names, checking: themes.map { ($0, nil) })
    }

    /// The named personas, or every shipped one when none is named; their theme weights are
    /// checked against every theme of `library`, their `domains` against its pack ids and the
    /// column roles (``Persona/columnRoleDomains``).
    func load(_ names: [String], library: ThemeLibrary) throws -> [Persona] {
        try load(names, checking: (library.allThemeIDs, library.domainIDs + Persona.columnRoleDomains))
    }

    private func load(_ names: [String], checking known: (themes: [String], domains: [String]?)?) throws -> [Persona] {
        let library = try library()
        do throws(MindscopeError) {
            var personas: [Persona] = []
            if names.isEmpty { personas = try library.loadAll() } else { for name in names { personas.append(try library.load(name)) } }
            if let known {
                for (persona, name) in zip(personas, names.isEmpty ? library.names() : names) {
                    let path = library.path(of: name)
                    do throws(PersonaError) {
                        try persona.validateThemes(known.themes, path: path)
                        if let domains = known.domains { try persona.validateDomains(domains, path: path) }
                    } catch {
                        throw .persona(error)
                    }
                }
            }
            return personas
        } catch {
            throw Terminal.fail(error)
        }
    }
}

extension MindscopeCommand {
    struct Personas: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, show and validate personas.",
            subcommands: [List.self, Show.self, Validate.self]
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "The personas in the persona folder.")
            @OptionGroup var data: PersonaOptions

            func run() throws {
                for persona in try data.load([]) {
                    print("\(persona.id)\t\(persona.name)\t\(persona.tone), \(persona.detailLevel.rawValue) detail")
                }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "A persona's fields and the lenses its goals call for, with why.")
            @Argument(help: "A persona name or path.") var persona: String
            @OptionGroup var data: PersonaOptions
            @OptionGroup var lexicons: LexiconOptions

            func run() throws {
                let (analyzer, set) = try lexicons.load(sample: [])
                let persona = try data.load([persona], library: set.themeLibrary)[0]
                let goals = GoalMatches(persona: persona, lenses: set.goals, analyses: set.analyses, themes: set.themes, tokenizer: analyzer.tokenizer)
                let selection = LensSelection(persona: persona, goals: goals)
                print("\(persona.name) (\(persona.id))")
                if !persona.description.isEmpty { print(persona.description) }
                print("tone: \(persona.tone); detail: \(persona.detailLevel.rawValue)")
                print("domains: \(persona.domains.isEmpty ? "any" : persona.domains.joined(separator: ", "))")
                for goal in persona.goals { print("goal: \(goal)") }
                for pain in persona.painPoints { print("pain point: \(pain)") }
                for (trait, value) in persona.traits.sorted(by: { $0.key < $1.key }) { print("trait: \(trait) = \(value)") }
                if selection.lenses.isEmpty { print("lenses: none (its goals name none of the words in lexicons/goals.txt)") }
                for statement in goals.statements {
                    for (id, words) in statement.analyses { print("analysis: \(id) (\(statement.kind.rawValue) '\(statement.text)': \(words))") }
                }
                for lens in selection.lenses { print("lens: \(lens.lens.rawValue) \(String(format: "%.2f", lens.weight)) (\(lens.why))") }
                for theme in selection.themes { print("theme emphasis: \(theme.theme) ×\(String(format: "%.2f", theme.weight)) (\(theme.why))") }
            }
        }

        struct Validate: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Check persona files (all shipped ones when none is given); exit 4 on the first problem.")
            @Argument(help: "Persona names or paths.") var personas: [String] = []
            @OptionGroup var data: PersonaOptions

            @OptionGroup var lexicons: LexiconOptions

            func run() throws {
                let library = try lexicons.loadAll().themeLibrary
                for persona in try data.load(personas, library: library) { print("ok: \(persona.id) (\(persona.name))") }
            }
        }
    }
}
