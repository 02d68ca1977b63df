import Foundation
import Testing
import TestSupport

/// The `mindscope` binary run as a user runs it, from another working directory.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary: URL = {
        // Tests run from the build products folder, where `swift build` put `mindscope` too.
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        for folder in [products, Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("mindscope")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return products.appendingPathComponent("mindscope")
    }()

    func run(_ arguments: [String], stdin: String? = nil, in directory: URL = FileManager.default.temporaryDirectory,
             environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func tagsTheSampleFromAnyDirectory() throws {
        let result = try run(["tag", Fixtures.corpus("ecommerce_feedback.csv")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 5)
        #expect(result.stderr.contains("5 rows read, 5 used, 0 skipped"))
    }

    @Test func readsStandardInputAndWritesCSV() throws {
        let result = try run(["tag", "-", "--output", "csv"], stdin: "id,comment\n1,\"Fast delivery, thanks!\"\n")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id,text,sentiment_score,sentiment_label,price,support,delivery") == true)
        #expect(lines.count == 2)
    }

    @Test func outputFilesAppearWholeOrNotAtAll() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mindscope-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let good = folder.appendingPathComponent("tags.jsonl").path
        let done = try run(["tag", Fixtures.corpus("ecommerce_feedback.csv"), "--out", good])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(try String(contentsOfFile: good, encoding: .utf8).split(separator: "\n").count == 5)

        // A --strict stop after some rows: the old file stays, no partial file, no temporary.
        let failed = try run(["tag", Fixtures.fixture("ragged.csv"), "--strict", "--out", good])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("not written"))
        #expect(try String(contentsOfFile: good, encoding: .utf8).split(separator: "\n").count == 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["tags.jsonl"])
    }

    @Test func explainShowsRules() throws {
        let result = try run(["explain", "The courier was not very helpful"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("booster by 'very'") && result.stdout.contains("negation by 'not'"))
    }

    @Test func aMissingFileExitsThree() throws {
        let result = try run(["tag", "/nonexistent/export.csv"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("/nonexistent/export.csv: cannot read: no such file"))
    }

    @Test func strictStopsOnABadRowWithExitOne() throws {
        let file = Fixtures.temporaryFile("id,comment\n1,good\n2,a,b\n3,bad\n")
        let lenient = try run(["tag", file])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains(":3: expected 2 fields"))
        let strict = try run(["tag", file, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("stopped (--strict)") && strict.stderr.contains(":3: expected 2 fields"))
        #expect(strict.stdout.split(separator: "\n").count == 1)
    }

    @Test func aBrokenLexiconExitsFourWithFileAndLine() throws {
        let lexicon = Fixtures.temporaryFile("good\t1.9\nbad\tvery\n", name: "mine.tsv")
        let result = try run(["explain", "good", "--sentiment-lexicon", lexicon])
        #expect(result.status == 4)
        #expect(result.stderr.contains("mine.tsv:2: bad weight 'very'"))
    }

    @Test func aUserLexiconReplacesTheShippedOne() throws {
        let lexicon = Fixtures.temporaryFile("parcel\t3.0\n", name: "mine.tsv")
        let result = try run(["explain", "parcel", "--sentiment-lexicon", lexicon])
        #expect(result.stdout.contains("\nsentiment +"))
    }

    @Test func usageErrorsExitTwo() throws {
        // ArgumentParser exits with EX_USAGE (64) and prints the usage.
        let result = try run(["tag"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Usage: mindscope tag"))
    }
}

@Suite struct AnalyzeCLITests {
    let cli = CLITests()

    @Test func analyzePrintsEachServedPersona() throws {
        let result = try cli.run(["analyze", Fixtures.corpus("ecommerce_feedback.csv")])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["CFO / Small Business Owner", "Busy Product Manager", "Eco-Conscious Shopper"] {
            #expect(result.stdout.contains(name))
        }
        #expect(result.stdout.contains("banking_operations_manager): not shown, written for banking or transactions data"))
    }

    @Test func analyzeWritesJSONAndMarkdown() throws {
        let json = try cli.run(["analyze", Fixtures.corpus("ecommerce_feedback.csv"), "--persona", "cfo", "--format", "json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["personas"] as? [Any])?.count == 1)
        let markdown = try cli.run(["analyze", Fixtures.corpus("ecommerce_feedback.csv"), "--persona", "product_manager", "--output", "markdown", "--detail", "high"])
        #expect(markdown.stdout.contains("## Busy Product Manager") && markdown.stdout.contains("| # | issue |"))
    }

    @Test func aMistypedPersonaSuggestsAndExitsFour() throws {
        let result = try cli.run(["analyze", Fixtures.corpus("ecommerce_feedback.csv"), "--persona", "cfoo"])
        #expect(result.status == 4)
        #expect(result.stderr.contains("did you mean 'cfo'?"))
    }

    @Test func personasListShowAndValidate() throws {
        let list = try cli.run(["personas", "list"])
        #expect(list.status == 0 && list.stdout.split(separator: "\n").count >= 5)
        let show = try cli.run(["personas", "show", "product_manager"])
        #expect(show.stdout.contains("lens: roadmap_blockers 1.00 (goal 'Prioritize improvements"))
        #expect(try cli.run(["personas", "validate"]).status == 0)
        let bad = Fixtures.temporaryFile(#"{"name": "X", "goals": ["a"], "preferences": {"detail_level": "mid"}}"#, name: "bad.json")
        let invalid = try cli.run(["personas", "validate", bad])
        #expect(invalid.status == 4 && invalid.stderr.contains("field 'preferences.detail_level'"))
    }
}

@Suite struct ReportCLITests {
    let cli = CLITests()

    @Test(arguments: ["ecommerce_feedback.csv", "retail_banking_customers.csv"])
    func reportsAreSelfContainedHTML(_ corpus: String) throws {
        let out = Fixtures.temporaryFile("", name: "report.html")
        let result = try cli.run(["report", Fixtures.corpus(corpus), "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http"))
        // Comment data gets the comment charts, customer tables their analyses' charts.
        #expect(html.contains("<svg"))
    }

    @Test func commentTextIsEscaped() throws {
        let input = Fixtures.temporaryFile("id,comment,order_value\n1,\"<script>alert(1)</script> terrible support <img src=x onerror=alert(2)>\",$50\n2,Great delivery,$20\n")
        let out = Fixtures.temporaryFile("", name: "x.html")
        #expect(try cli.run(["report", input, "--out", out]).status == 0)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;img src=x onerror=alert"))
    }
}
