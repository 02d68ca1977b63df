import Foundation
import Testing
import TestSupport

/// `analyze --by COLUMN` and the notices every output format carries.
@Suite struct SegmentCLITests {
    let cli = CLITests()

    /// 200 rows: a store column with 80 values, a region column, order values in two currencies.
    var survey: String {
        var rows = ["id,comment,store,region,order_value"]
        for index in 0..<200 {
            let comment = index % 2 == 0 ? "The delivery was late" : "Lovely product"
            rows.append("\(index),\(comment),S\(index % 80),\(index % 2 == 0 ? "EU" : "US"),\(index % 10 == 0 ? "€20" : "$30")")
        }
        return Fixtures.temporaryFile(rows.joined(separator: "\n") + "\n")
    }

    @Test func byPicksTheColumnsAndSaysWhenOneHasTooManyValues() throws {
        let result = try cli.run(["analyze", survey, "--by", "store", "--by", "region", "--persona", "product_manager", "--format", "json",
                                  "--domain", "retail"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let notices = object["notices"] as! [String]
        #expect(notices.contains { $0.hasPrefix("column 'store' has 80 distinct values") })
        #expect(notices.contains { $0.contains("several currencies ($ 180, € 20)") })
        let issues = ((object["personas"] as! [[String: Any]])[0]["issues"] as! [[String: Any]])
        let delivery = issues.first { $0["theme"] as? String == "delivery" }!
        let columns = Set((delivery["segments"] as! [[String: Any]]).map { $0["column"] as! String })
        #expect(columns == ["region"])
        let text = try cli.run(["analyze", survey, "--by", "region", "--persona", "product_manager", "--domain", "retail"])
        #expect(text.stdout.contains("note: order values in several currencies"))
    }

    @Test func anUnknownByColumnListsTheColumns() throws {
        let result = try cli.run(["analyze", survey, "--by", "regoin"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("headers: id, comment, store, region, order_value"))
    }
}
