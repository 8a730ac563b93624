import Foundation
import Testing
@testable import NatoWatch

@Suite struct ClassifierEvaluationAndBatchTests {
    @Test func devSetMeetsTheTargets() throws {
        let classifier = try #require(ClassifierFixture.shared)
        let set = try DevSet.load(directory: ClassifierFixture.fixtures.appendingPathComponent("dev"))
        #expect(set.count >= 81)
        let report = EvaluationReport(classifier: classifier, set: set)
        #expect((report.topics["spending_pledge"]?.f1 ?? 0) >= 0.9)
        #expect((report.topics["mission_change"]?.f1 ?? 0) >= 0.9)
        #expect(report.facts.precision >= 0.9)
        #expect(report.facts.recall >= 0.85)
    }

    @Test func factMatchingToleratesOnePercent() {
        let fact = PledgeFact(actor: "Germany", metric: "amount", value: 152.8e9, currency: "EUR", targetYear: 2029, evidence: "", rules: [])
        #expect(EvaluationReport.matches(fact, .init(actor: "Germany", metric: "amount", value: 152e9, currency: "EUR", targetYear: 2029)))
        #expect(!EvaluationReport.matches(fact, .init(actor: "Germany", metric: "amount", value: 150e9, currency: "EUR", targetYear: 2029)))
        #expect(!EvaluationReport.matches(fact, .init(actor: "Germany", metric: "amount", value: 152.8e9, currency: "USD", targetYear: 2029)))
        #expect(!EvaluationReport.matches(fact, .init(actor: "Germany", metric: "amount", value: 152.8e9, currency: "EUR", targetYear: nil)))
    }

    @Test func jsonLinesEchoIdsAndKeepAlignment() throws {
        let classifier = try #require(ClassifierFixture.shared)
        let input = """
        {"id":"a1","title":"Finland to spend more","text":"Finland will raise defence spending to 3% of GDP by 2029.","published":"2025-04-01"}
        not json
        {"id":"a3","text":"<p>Germany pledged to raise defence spending to 3.5% of GDP by 2029.</p>","published":"2025-06-24T10:00:00Z"}
        """
        var lines: [String] = []
        try BatchClassification.run(classifier: classifier, input: Data(input.utf8), defaultDate: nil) { lines.append($0) }
        #expect(lines.count == 3)
        let first = try JSONDecoder().decode(Classification.self, from: Data(lines[0].utf8))
        #expect(first.id == "a1")
        #expect(first.pledges.first?.actor == "Finland")
        #expect(first.pledges.first?.targetYear == 2029)
        #expect(lines[1].contains("\"error\""))
        let third = try JSONDecoder().decode(Classification.self, from: Data(lines[2].utf8))
        #expect(third.id == "a3")
        #expect(third.pledges.first?.actor == "Germany")
        #expect(third.pledges.first?.evidence.contains("<p>") == false)
    }

    @Test func absurdNumbersAndRunOnTextStayEncodable() throws {
        let huge = "Germany will spend " + String(repeating: "9", count: 400) + " billion euros on defence by 2030."
        let runOn = "Germany will spend 5 billion euros on defence by 2030 " + String(repeating: "and more ", count: 3000)
        for text in [huge, runOn, "", "... !!! %% $ €"] {
            let r = ClassifierFixture.classify(text)
            _ = try JSONEncoder().encode(r)
            for p in r.pledges { #expect(p.value.isFinite && p.evidence.count < 1000) }
        }
    }

    @Test func detectsHTML() {
        #expect(ArticleInput.looksLikeHTML("<html><body><p>Hi</p></body></html>"))
        #expect(ArticleInput.looksLikeHTML("Intro<br/>more"))
        #expect(!ArticleInput.looksLikeHTML("Defence spending rose to 3% (<4%) of GDP."))
    }

    @Test func topicsOnlyAboveThresholdWithRules() {
        let r = ClassifierFixture.classify("Japan and South Korea joined NATO talks on the Indo-Pacific. Ukraine will receive more air defence support from allies.")
        let names = Set(r.topics.map(\.topic))
        #expect(names.contains("indo_pacific"))
        #expect(names.contains("ukraine_support"))
        #expect(!names.contains("spending_pledge"))
        #expect(!names.contains("mission_change"))
    }

    @Test func rulesLocatorPrefersExplicitThenEnvironment() {
        #expect(RulesLocator.locate(explicit: "/x/topics.yaml", environment: ["NATOWATCH_TOPICS": "/y.yaml"])?.path == "/x/topics.yaml")
        #expect(RulesLocator.locate(explicit: nil, environment: ["NATOWATCH_TOPICS": "/y.yaml"])?.path == "/y.yaml")
    }
}
