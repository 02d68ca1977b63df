import Foundation
import Testing
import TestSupport

/// `--threads N` and `MINDSCOPE_THREADS` on the commands that analyze a whole export.
@Suite struct ThreadsCLITests {
    let cli = CLITests()

    /// 2,500 rows of `mindscope generate` (two batches), written once.
    static let export: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mindscope-threads-cli-\(UUID().uuidString).csv").path
        let generated = try? CLITests().run(["generate", "--rows", "2500", "--seed", "4", "--out", path])
        precondition(generated?.status == 0, "generate: \(generated?.stderr ?? "")")
        return path
    }()

    @Test(arguments: [["tag", "--explain"], ["analyze", "--format", "json"]])
    func theOutputIsTheSameForAnyThreadCount(_ command: [String]) throws {
        let arguments = command + [Self.export, "--quiet"]
        let one = try cli.run(arguments + ["--threads", "1"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(!one.stdout.isEmpty)
        for threads in ["2", "3"] {
            let result = try cli.run(arguments + ["--threads", threads])
            #expect(result.status == 0)
            #expect(result.stdout == one.stdout, "--threads \(threads)")
        }
        let variable = try cli.run(arguments, environment: ["MINDSCOPE_THREADS": "3"])
        #expect(variable.stdout == one.stdout, "MINDSCOPE_THREADS=3")
    }

    @Test func theOptionWinsOverTheVariable() throws {
        let result = try cli.run(["tag", Fixtures.corpus("ecommerce_feedback.csv"), "--threads", "1"], environment: ["MINDSCOPE_THREADS": "zero"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test(arguments: ["0", "-2"])
    func aThreadCountBelowOneNamesTheOption(_ count: String) throws {
        let result = try cli.run(["tag", Fixtures.corpus("ecommerce_feedback.csv"), "--threads=\(count)"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--threads \(count): expected a number of threads, 1 or more"), "\(result.stderr)")
    }

    @Test(arguments: ["0", "two", "1.5"])
    func aBadVariableNamesTheVariable(_ value: String) throws {
        for command in ["tag", "analyze"] {
            let result = try cli.run([command, Fixtures.corpus("ecommerce_feedback.csv")], environment: ["MINDSCOPE_THREADS": value])
            #expect(result.status == 64, "\(command)")
            #expect(result.stderr.contains("MINDSCOPE_THREADS='\(value)': expected a number of threads, 1 or more"), "\(command): \(result.stderr)")
        }
    }

    @Test func anEmptyVariableMeansEveryCore() throws {
        let result = try cli.run(["tag", Fixtures.corpus("ecommerce_feedback.csv")], environment: ["MINDSCOPE_THREADS": ""])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func commandsThatAnalyzeNoExportHaveNoThreadsOption() throws {
        let result = try cli.run(["personas", "list"], environment: ["MINDSCOPE_THREADS": "two"])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
