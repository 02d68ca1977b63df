import Foundation
import Testing
import TestSupport

/// `--save-learned`, `--sentiment-lexicon` with a learned file, `--no-learn` and
/// `themes discover`, run as a user runs them.
@Suite struct LearningCLITests {
    let cli = CLITests()

    /// A store survey with ratings (the shipped sample: 428 rated comments).
    let survey = Fixtures.corpus("store_survey.csv")

    @Test func anUnwritableSaveLearnedPathStopsBeforeAnyWork() throws {
        let blocker = Fixtures.temporaryFile("a file, not a folder", name: "blocker")
        let result = try cli.run(["tag", survey, "--save-learned", blocker + "/learned.tsv"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("rows read"))
    }

    @Test func learnedEntriesAreSavedSaidAndLoadedBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mindscope-learned-\(UUID().uuidString)")
        let saved = folder.appendingPathComponent("learned.tsv").path
        let first = try cli.run(["tag", survey, "--save-learned", saved, "--explain"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("phrase valences from 428 rated comments (5-fold cross-fitting)"))
        #expect(first.stderr.contains("learned phrases moved the score of"))
        let file = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(file.hasPrefix("# mindscope learned lexicon"))
        let entries = file.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(!entries.isEmpty && entries.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 7 })
        // Loaded back: its phrases apply as learned terms, nothing new is learned.
        let again = try cli.run(["tag", survey, "--sentiment-lexicon", saved, "--explain"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("\(entries.count) learned phrases from \(saved) (nothing new learned)"))
        #expect(again.stdout.contains("\"source\":\"learned\""))
        // explain with the saved file shows a learned phrase and its evidence.
        let term = String(try #require(entries.first?.split(separator: "\t").first))
        let explained = try cli.run(["explain", "It was \(term).", "--sentiment-lexicon", saved, "--domain", "retail", "--json"])
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(explained.stdout.contains("\"source\":\"learned\"") && explained.stdout.contains("\"evidence\":{\"comments\""))
        // --no-learn: no learned term anywhere.
        let off = try cli.run(["tag", survey, "--no-learn", "--explain"])
        #expect(off.status == 0 && !off.stdout.contains("\"source\":\"learned\"") && !off.stderr.contains("learned"))
    }

    @Test func discoverWritesAThemesFileThatAnalyzeLoads() throws {
        let gym = Fixtures.fixture("Discovery/gym.csv")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mindscope-discover-\(UUID().uuidString)")
        let themes = folder.appendingPathComponent("gym_themes.txt").path
        let discovered = try cli.run(["themes", "discover", gym, "--domain", "general", "--out", themes])
        #expect(discovered.status == 0, "\(discovered.stderr)")
        let json = try cli.run(["themes", "discover", gym, "--domain", "general", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let topics = try #require(object["topics"] as? [[String: Any]])
        #expect(!topics.isEmpty && object["covered"] is Double)
        #expect(topics.allSatisfy { ($0["examples"] as? [[String: Any]])?.count ?? 0 > 0 && $0["averageRating"] is Double })
        let analyzed = try cli.run(["analyze", gym, "--domain", "general", "--add-themes", themes, "--persona", "product_manager", "--format", "json"])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        #expect(topics.contains { analyzed.stdout.contains("\"theme\":\"\($0["id"] as! String)\"") })
    }

    @Test func tooFewCommentsToDiscoverIsSaidWithExitZero() throws {
        let result = try cli.run(["themes", "discover", Fixtures.corpus("ecommerce_feedback.csv")])
        #expect(result.status == 0)
        #expect(result.stderr.contains("too few comments to discover topics"))
    }
}
