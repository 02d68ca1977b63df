import Foundation
import Testing
import TestSupport

/// The habits a new user brings: --version, forgiving names, did-you-mean, one --format.
@Suite struct ConventionTests {
    let cli = CLITests()

    @Test(arguments: ["--version", "-V"])
    func printsTheVersion(_ flag: String) throws {
        let result = try cli.run([flag])
        #expect(result.status == 0)
        #expect(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(result.stdout)")
    }

    @Test(arguments: [("analyse", "analyze"), ("anlyze", "analyze"), ("tagg", "tag"), ("inpsect", "inspect")])
    func aMistypedSubcommandSuggestsTheSubcommand(_ typed: String, _ meant: String) throws {
        let result = try cli.run([typed, Fixtures.corpus("ecommerce_feedback.csv")])
        #expect(result.status == 64)
        #expect(result.stderr.contains("did you mean '\(meant)'?"), "\(result.stderr)")
        #expect(!result.stderr.contains("unexpected argument"))
    }

    @Test func personaNamesIgnoreCaseAndDashes() throws {
        let result = try cli.run(["analyze", Fixtures.corpus("ecommerce_feedback.csv"), "--persona", "CFO", "--persona", "Product-Manager"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(cfo)") && result.stdout.contains("(product_manager)"))
    }

    @Test(arguments: [("eco", "eco_conscious_shopper"), ("product", "product_manager"), ("banking_cxo", "retail_banking_cxo"), ("cfoo", "cfo")])
    func aPersonaTypoSuggestsByPrefixPartOrDistance(_ typed: String, _ meant: String) throws {
        let result = try cli.run(["analyze", Fixtures.corpus("ecommerce_feedback.csv"), "--persona", typed])
        #expect(result.status == 4)
        #expect(result.stderr.contains("did you mean '\(meant)'?"), "\(result.stderr)")
    }

    @Test(arguments: [["--format", "csv"], ["--output", "csv"]])
    func tagFormatIsTheOutputFormat(_ flags: [String]) throws {
        let result = try cli.run(["tag", "-", "--input-format", "tsv"] + flags, stdin: "id\tcomment\n1\tFast delivery, thanks!\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("id,text,sentiment_score"))
    }

    @Test func theRowCountsArePrintedOnceOnStandardError() throws {
        for command in [["analyze"], ["analyze", "--format", "markdown"], ["tag"]] {
            let result = try cli.run([command[0], Fixtures.corpus("ecommerce_feedback.csv")] + command.dropFirst())
            #expect(!result.stdout.contains("rows read"), "\(command)")
            #expect(result.stderr.components(separatedBy: "5 rows read, 5 used, 0 skipped").count == 2, "\(command): \(result.stderr)")
        }
    }

    @Test func chartLinesOnlyForChartsWritten() throws {
        let file = Fixtures.corpus("retail_banking_customers.csv")
        let plain = try cli.run(["analyze", file, "--persona", "retail_banking_cxo"])
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("chart:"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mindscope-charts-\(UUID().uuidString)").path
        let charted = try cli.run(["analyze", file, "--persona", "retail_banking_cxo", "--charts", folder])
        let charts = charted.stdout.split(separator: "\n").filter { $0.contains("chart: ") }
        #expect(!charts.isEmpty)
        for line in charts {
            let path = String(line.split(separator: "chart: ", maxSplits: 1)[1])
            #expect(FileManager.default.fileExists(atPath: path), "\(path)")
        }
    }

    @Test func namingAPersonaNeverMakesAFileUnreadable() throws {
        let file = Fixtures.corpus("retail_banking_customers.csv")
        let all = try cli.run(["analyze", file])
        let named = try cli.run(["analyze", file, "--persona", "banking_operations_manager"])
        #expect(named.status == 0, "\(named.stderr)")
        // The persona's unanswered goals and what they need, as the run without --persona says.
        for goal in ["Improve transaction efficiency", "Reduce fraud losses", "Raise branch performance"] {
            #expect(named.stdout.contains("'\(goal)'"))
        }
        for need in ["a duration per record", "an incident flag or loss amount"] {
            #expect(named.stdout.contains(need) && all.stdout.contains(need))
        }
    }

    @Test func inspectCallsATableWithoutCommentsACustomerTable() throws {
        let result = try cli.run(["inspect", Fixtures.corpus("retail_banking_customers.csv")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("a customer table (no comment column): it can serve Churn rate by segment"))
        #expect(!result.stdout.contains("no text column"))
    }

    @Test func reportCreatesAMissingFolderAndSaysSo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mindscope-new-\(UUID().uuidString)/reports")
        let out = folder.appendingPathComponent("x.html").path
        let result = try cli.run(["report", Fixtures.corpus("ecommerce_feedback.csv"), "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("creating folder \(folder.path)"))
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test func csvHeadersFromTheDataAreNeutralised() throws {
        let input = "id,\"=HYPERLINK(\"\"http://x\"\")\",comment\n1,EU,Fast delivery\n2,US,Late delivery\n"
        let result = try cli.run(["tag", "-", "--format", "csv", "--column", "segment==HYPERLINK(\"http://x\")"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let header = result.stdout.split(separator: "\n")[0]
        #expect(header.hasSuffix(",\"'=HYPERLINK(\"\"http://x\"\")\""), "\(header)")
        let allowed = try cli.run(["tag", "-", "--format", "csv", "--allow-formulas", "--column", "segment==HYPERLINK(\"http://x\")"], stdin: input)
        #expect(allowed.stdout.split(separator: "\n")[0].hasSuffix(",\"=HYPERLINK(\"\"http://x\"\")\""))
    }

    @Test func anyFolderOfPersonaFilesIsAPersonaFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mindscope-personas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let persona = #"{"name": "PM", "goals": ["Fix the complaints that block customers"], "preferences": {"tone": "concise", "detail_level": "low"}}"#
        try persona.write(to: folder.appendingPathComponent("pm.json"), atomically: true, encoding: .utf8)
        let result = try cli.run(["analyze", Fixtures.corpus("ecommerce_feedback.csv"), "--personas", folder.path, "--persona", "pm"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("PM (pm)"))
        let missing = try cli.run(["personas", "list", "--personas", folder.appendingPathComponent("nope").path])
        #expect(missing.status == 3 && missing.stderr.contains("no such folder"))
    }

    @Test func markdownEscapesDataAndSeparatesLists() throws {
        let input = Fixtures.temporaryFile("id,comment,order_value\n*1*,\"Support was **awful** [click](http://x) <b>|</b>\",$50\n2,Late delivery and poor packaging,$20\n3,Support was rude,$30\n")
        let result = try cli.run(["analyze", input, "--persona", "product_manager", "--format", "markdown", "--detail", "high"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("**awful**") && !result.stdout.contains("[click]") && !result.stdout.contains("<b>"))
        #expect(result.stdout.contains(#"\*\*awful\*\*"#) && result.stdout.contains(#"#\*1\*"#), "\(result.stdout)")
        let lines = result.stdout.components(separatedBy: "\n")
        for (line, next) in zip(lines, lines.dropFirst()) where line.hasPrefix("- ") {
            #expect(next.hasPrefix("- ") || next.isEmpty, "text right after a list item: \(next)")
        }
    }
}
