import Foundation
import Testing
@testable import MindscopeFuzz
import TestSupport

/// Every saved fuzz input (the seeds and every crash the fuzzers found, under
/// `Tests/Fixtures/Fuzz/TARGET/`) goes through the fuzz harness again: none may crash.
@Suite struct FuzzRegressionTests {
    static let cases: [(FuzzHarness.Target, String)] = FuzzHarness.Target.allCases.flatMap { target in
        let folder = Fixtures.fixture("Fuzz/\(target.rawValue)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().map { (target, folder + "/" + $0) }
    }

    @Test func everyTargetHasSavedInputs() {
        for target in FuzzHarness.Target.allCases {
            #expect(Self.cases.contains { $0.0 == target }, "no saved inputs for \(target.rawValue)")
        }
    }

    @Test(arguments: cases)
    func savedInputDoesNotCrash(_ target: FuzzHarness.Target, _ path: String) throws {
        let data = try #require(FileManager.default.contents(atPath: path))
        FuzzHarness.run(target, data)
    }
}
