import Foundation
import Mindscope
import MindscopeReport
import Testing
import TestSupport

/// The charts of tabular analyses: standalone, accessible, escaped, every kind.
@Suite struct ChartTests {
    let result: AnalysisResult

    init() throws {
        result = try Fixtures.analyze(Fixtures.corpus("retail_banking_customers.csv"), personas: ["retail_banking_cxo"])
    }

    func analysis(_ id: String) -> TabularResult { result.readings[0].analyses.first { $0.id == id }! }

    @Test func chartsAreStandaloneAccessibleSVG() {
        for analysis in result.readings[0].analyses {
            let svg = SVGChart.render(analysis, for: result.readings[0].persona)
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(svg.contains("<title id=\"\(analysis.id)-title\">") && svg.contains("<desc id=\"\(analysis.id)-desc\">"))
            #expect(svg.contains("For Chief Customer Officer - Retail Banking"))
            #expect(!svg.contains("<script") && !svg.contains("href=\"http"))
        }
    }

    @Test func chartTextFromTheDataIsEscaped() {
        var churn = analysis("churn_rate_by_age_group")
        churn.groups[0].group = "<script>alert(1)</script>"
        let svg = SVGChart.render(churn, for: Persona(id: "x", name: "A & B <C>"))
        #expect(!svg.contains("<script>") && svg.contains("&lt;script&gt;") && svg.contains("A &amp; B &lt;C&gt;"))
    }

    @Test(arguments: ChartKind.allCases)
    func everyChartKindRendersAccessibleSVG(_ kind: ChartKind) throws {
        for var analysis in result.readings[0].analyses {
            analysis.chartKind = kind
            let svg = SVGChart.render(analysis, for: result.readings[0].persona)
            #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>") && svg.contains("-desc\">"))
            #expect(!svg.contains("nan") && !svg.contains("inf"))
        }
    }

}

/// Found in review.
@Suite struct ReviewRegressionTests {
    @Test func hugeMeasuresDrawWithoutTrapping() throws {
        let result = try Fixtures.analyze(Fixtures.corpus("retail_banking_customers.csv"), personas: ["retail_banking_cxo"])
        for var analysis in result.readings[0].analyses {
            for index in analysis.groups.indices { analysis.groups[index].value = 1e19 }
            for kind in ChartKind.allCases {
                analysis.chartKind = kind
                #expect(SVGChart.render(analysis, for: result.readings[0].persona).hasSuffix("</svg>"))
            }
        }
    }

    @Test func aLongCommentsQuoteIsKeptInItsWindow() throws {
        let long = String(repeating: "The weather was mild and the day was long. ", count: 120) + "The delivery was late again."
        let csv = "id,comment\n1,\(long)\n2,The delivery was late\n"
        let result = try Fixtures.analyze(Fixtures.temporaryFile(csv), personas: ["product_manager"], domain: .packs(["retail"]))
        let evidence = try #require(result.readings[0].issues.first { $0.theme == "delivery" }?.evidence.first { $0.id == "1" })
        #expect(evidence.comment.count <= Evidence.commentLimit + 2)
        #expect(evidence.comment.contains(evidence.quote) && evidence.comment.hasPrefix("…"))
        let html = HTMLReport.render(result)
        #expect(html.contains("<mark>\(evidence.quote)</mark>"))
    }
}
