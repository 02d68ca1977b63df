import Foundation
import Mindscope
import MindscopeText
import Testing
import TestSupport

/// Partial results of any split of a file, merged in any order and grouping, read exactly as one
/// run over the whole file: the property `analyze --partial` and `merge` rest on.
@Suite struct PartialMergeTests {
    /// A generated export with what makes merging hard: quoted comments over several lines, rows
    /// without a comment, ids that repeat across the file, unreadable dates, two currencies,
    /// order values with many distinct cents, segments and a churn flag; rows are records, and
    /// `starts` holds the line each record starts on.
    struct Export {
        var text: String
        var starts: [Int]
        var jsonl: Bool
        var lines: [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }
    }

    static func export(rows: Int, seed: UInt64, jsonl: Bool = false) -> Export {
        var random = SplitMix64(state: seed)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        let openings = ["Delivery was late again", "The parcel arrived damaged", "Support never answered my emails", "Customer service was rude",
                        "Too expensive for what it is", "Checkout kept crashing on my phone", "The refund took weeks",
                        "Great quality, love the fabric", "Fast shipping and lovely packaging", "Would recommend to friends",
                        "Support sorted it out in minutes", "Fair price for the quality", "The app is smooth now", "Arrived a day early"]
        let closings = ["I will cancel my account.", "Thanks!", "Please add a wishlist feature.", "", "Never again.", "Five stars."]
        var lines: [String] = jsonl ? [] : ["customer_id,submitted_at,rating,comment,order_value,region,plan,churned"]
        var starts: [Int] = []
        for row in 0..<rows {
            let id = random.next() % 40 == 0 ? "C-\(Int(random.next() % UInt64(row + 1)))" : "C-\(row)"
            let day = 1 + Int(random.next() % 28)
            let date = random.next() % 50 == 0 ? "not a date" : "2026-0\(1 + Int(random.next() % 6))-\(day < 10 ? "0" : "")\(day)"
            // Complaints (the first half of the openings) rate 1–3, praise 3–5: something to learn.
            let opening = Int(random.next() % UInt64(openings.count))
            let rating = (opening < openings.count / 2 ? 1 : 3) + Int(random.next() % 3)
            let newline = random.next() % 7 == 0
            let comment = random.next() % 30 == 0 ? "" : openings[opening] + (newline ? ".\n" : ". ") + pick(closings)
            let cents = Int(random.next() % 40_000)
            let value = (random.next() % 25 == 0 ? "€" : "$") + "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
            let region = pick(["US", "EU", "APAC"]), plan = pick(["Basic", "Plus", "Premium"]), churned = rating <= 2 && random.next() % 2 == 0 ? "Yes" : "No"
            let startLine = jsonl ? lines.count + 1 : lines.count + 1
            if jsonl {
                let escaped = comment.replacingOccurrences(of: "\n", with: "\\n")
                lines.append(#"{"customer_id":"\#(id)","submitted_at":"\#(date)","rating":\#(rating),"comment":"\#(escaped)","order_value":"\#(value)","region":"\#(region)","plan":"\#(plan)","churned":"\#(churned)"}"#)
            } else {
                let row = "\(id),\(date),\(rating),\"\(comment)\",\(value),\(region),\(plan),\(churned)"
                lines += row.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            starts.append(startLine)
        }
        return Export(text: lines.joined(separator: "\n") + "\n", starts: starts, jsonl: jsonl)
    }

    /// Everything the parts share: the choices made from the export's head, as `analyze --head`
    /// makes them in every part.
    struct Reading {
        var analysis: FeedbackAnalysis
        var head: SurveyReader
        var personas: [Persona]
        var path: String
    }

    static func reading(_ path: String) throws -> Reading {
        let head = try Fixtures.survey(path)
        let set = try Fixtures.loaded.resolved(.auto, for: head, report: { _ in })
        let analyzer = TextAnalyzer(lexicons: set.lexicons)
        var analysis = FeedbackAnalysis(analyzer: analyzer, lexicons: set)
        analysis.learning = try RatingLearning.learn(from: head, analyzer: analyzer, frequencies: set.frequencies, report: { _ in })
        try analysis.addDiscoveredTopics(from: head, report: { _ in })
        return Reading(analysis: analysis, head: head, personas: try Fixtures.personas.loadAll(), path: path)
    }

    /// The partial of the export's lines from `firstLine` (record `firstRecord`) up to the next
    /// part, written and read back as `analyze --partial` and `merge` do.
    static func partial(_ reading: Reading, export: Export, records: Range<Int>) throws -> PartialResult {
        let lines = export.lines
        let firstLine = records.lowerBound == 0 ? 1 : export.starts[records.lowerBound]
        let endLine = records.upperBound < export.starts.count ? export.starts[records.upperBound] : lines.count
        let text = lines[(firstLine - 1)..<(endLine - 1)].joined(separator: "\n") + "\n"
        let part = Fixtures.temporaryFile(text, name: "part" + (export.jsonl ? ".jsonl" : ".csv"))
        let headerRows = export.jsonl ? 0 : 1
        let rows = try SurveyReader(path: part, name: reading.path, continuing: reading.head, firstLine: firstLine,
                                    firstRow: records.lowerBound + headerRows)
        let state = try reading.analysis.fold(rows, personas: reading.personas, explicit: false, report: { _ in })
        let written = PartialResult(lexicons: Fixtures.loaded.fingerprint,
                                    setup: reading.analysis.setup(rows, personas: reading.personas, explicit: false), state: state)
        let file = Fixtures.temporaryFile(try written.encoded(for: "test"), name: "partial.json")
        return try PartialResult.read(file)
    }

    /// Merges in a random grouping: a random binary tree over the partials in random order.
    static func merge(_ partials: [PartialResult], random: inout SplitMix64) throws -> PartialResult {
        var shuffled = partials
        shuffled.shuffle(using: &random)
        func tree(_ slice: ArraySlice<PartialResult>) throws -> PartialResult {
            guard slice.count > 1 else { return slice.first! }
            let cut = slice.startIndex + 1 + Int(random.next() % UInt64(slice.count - 1))
            let left = try tree(slice[..<cut]), right = try tree(slice[cut...])
            return try PartialResult.merge([("left", left), ("right", right)], lexicons: Fixtures.loaded.fingerprint)
        }
        return try tree(shuffled[...])
    }

    static func readings(_ reading: Reading, _ partial: PartialResult) throws -> [String] {
        let result = try reading.analysis.finish(partial.state, setup: partial.setup, report: { _ in })
        return AnalysisFormat.allCases.map { result.rendered($0) }
    }

    @Test(arguments: [false, true])
    func anySplitMergedInAnyOrderReadsAsOneRun(jsonl: Bool) throws {
        let export = Self.export(rows: 1_500, seed: jsonl ? 11 : 7, jsonl: jsonl)
        let path = Fixtures.temporaryFile(export.text, name: jsonl ? "export.jsonl" : "export.csv")
        let reading = try Self.reading(path)
        let whole = try reading.analysis.run(try Fixtures.survey(path), personas: reading.personas, explicit: false, report: { _ in })
        let expected = AnalysisFormat.allCases.map { whole.rendered($0) }
        #expect(whole.aggregate.comments > 1_000 && whole.learned != nil && !whole.readings.isEmpty)
        var random = SplitMix64(state: jsonl ? 3 : 5)
        for trial in 0..<6 {
            let parts = 1 + Int(random.next() % 7)
            var cuts = Set<Int>()
            while cuts.count < parts - 1 { cuts.insert(1 + Int(random.next() % UInt64(export.starts.count - 1))) }
            let bounds = [0] + cuts.sorted() + [export.starts.count]
            let partials = try zip(bounds, bounds.dropFirst()).map { try Self.partial(reading, export: export, records: $0..<$1) }
            let merged = try Self.merge(partials, random: &random)
            let got = try Self.readings(reading, merged)
            for (format, (a, b)) in zip(AnalysisFormat.allCases, zip(got, expected)) {
                #expect(a == b, "trial \(trial): \(parts) parts at \(bounds), \(format) differs")
            }
        }
    }

    @Test func partialsOfOtherLexiconsOrChoicesAreRefused() throws {
        let export = Self.export(rows: 400, seed: 9)
        let path = Fixtures.temporaryFile(export.text, name: "export.csv")
        let reading = try Self.reading(path)
        let a = try Self.partial(reading, export: export, records: 0..<200)
        let b = try Self.partial(reading, export: export, records: 200..<400)
        #expect(throws: MindscopeError.self) { try PartialResult.merge([("a", a), ("b", b)], lexicons: "another") }
        var renamed = b
        renamed.setup.shape.path = "other.csv"
        let error = #expect(throws: MindscopeError.self) { try PartialResult.merge([("a", a), ("b", renamed)], lexicons: Fixtures.loaded.fingerprint) }
        #expect(error?.description.contains("other choices") == true)
        var older = a
        older.version = 0
        let file = Fixtures.temporaryFile(try older.encoded(for: "test"), name: "old.json")
        let versionError = #expect(throws: MindscopeError.self) { try PartialResult.read(file) }
        #expect(versionError?.description.contains("version") == true)
        let notPartial = Fixtures.temporaryFile("{\"rows\": 3}", name: "x.json")
        #expect(throws: MindscopeError.self) { try PartialResult.read(notPartial) }
    }
}

/// The mergeable numbers under the partials: exact sums and quantile sketches.
@Suite struct MergeableNumberTests {
    @Test func exactSumsDoNotDependOnOrder() {
        var random = SplitMix64(state: 1)
        let values = (0..<5_000).map { _ in Double(random.next() % 1_000_000) / 7 * (random.next() % 2 == 0 ? 1 : -1e-3) }
        var forward = ExactSum(), backward = ExactSum(), halves = ExactSum(), second = ExactSum()
        for value in values { forward += value }
        for value in values.reversed() { backward += value }
        for value in values.prefix(2_000) { halves += value }
        for value in values.dropFirst(2_000) { second += value }
        halves.merge(second)
        #expect(forward.value == backward.value && forward.value == halves.value)
        // The plain sum of 0.1 ten times is 0.9999999999999999; the exact one, rounded once, is 1.
        var tenth = ExactSum()
        for _ in 0..<10 { tenth += 0.1 }
        #expect(tenth.value == 1)
        var minus = forward
        minus.merge(forward.negated)
        #expect(minus.value == 0)
    }

    @Test func quantilesAreExactUnderTheLimitAndWithinOnePercentPast() {
        var random = SplitMix64(state: 2)
        let values = (0..<20_000).map { _ in Double(1 + random.next() % 100_000) / 100 }
        let sorted = values.sorted()
        var small = ValueDistribution(limit: 100_000), bucketed = ValueDistribution(limit: 1_000)
        var left = ValueDistribution(limit: 1_000), right = ValueDistribution(limit: 1_000)
        for (index, value) in values.enumerated() {
            small.add(value)
            bucketed.add(value)
            if index % 3 == 0 { left.add(value) } else { right.add(value) }
        }
        right.merge(left)
        #expect(small.isExact && !bucketed.isExact && right == bucketed)
        for q in [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1] {
            let truth = Quantile.nearestRank(q, ofSorted: sorted)!
            #expect(small.quantile(q) == truth)
            let estimate = bucketed.quantile(q)!
            #expect(abs(estimate - truth) <= ValueDistribution.relativeError * truth + 1e-9, "q \(q): \(estimate) against \(truth)")
        }
        #expect(bucketed.quantile(0) == sorted.first && bucketed.quantile(1) == sorted.last)
    }
}
