import Foundation
import Testing
@testable import NatoWatch

@Suite struct FoundingArticleClassifierTests {
    let result: Classification

    init() throws {
        let text = try ClassifierFixture.text("founding.txt")
        result = ClassifierFixture.classify(text, date: "2025-04-02")
    }

    @Test func rulesLoad() throws {
        _ = try Classifier(rulesFile: ClassifierFixture.rulesURL)
    }

    @Test func finlandThreePercentBy2029() {
        let p = result.pledges.first { $0.actor == "Finland" }
        #expect(p?.metric == "pct_gdp")
        #expect(p?.value == 3.0)
        #expect(p?.targetYear == 2029)
        #expect(p?.currency == nil)
    }

    @Test func germanyHalfATrillionEuros() {
        let p = result.pledges.first { $0.actor == "Germany" }
        #expect(p?.metric == "amount")
        #expect(p?.value == 5e11)
        #expect(p?.currency == "EUR")
    }

    @Test func europeansEightHundredBillion() {
        let p = result.pledges.first { $0.actor == "European Union" }
        #expect(p?.metric == "amount")
        #expect(p?.value == 8e11)
        #expect(p?.currency == "EUR")
    }

    @Test func noOtherPledges() {
        #expect(result.pledges.count == 3)
    }

    /// The contract: "NATO Mission Iraq expanded (decided)" ("set to be approved this week").
    @Test func iraqMissionExpansionDecided() {
        let m = result.missions.first { $0.mission == "NATO Mission Iraq" }
        #expect(m?.change == "expand")
        #expect(m?.status == "decided")
    }

    @Test func jordanLiaisonOfficeProposed() {
        let m = result.missions.first { $0.change == "open_office" }
        #expect(m?.place == "Jordan")
        #expect(m?.status == "proposed")
        #expect(result.missions.count == 2)
    }

    @Test func topics() {
        let names = Set(result.topics.map(\.topic))
        for t in ["spending_pledge", "mission_change", "ukraine_support", "indo_pacific", "southern_neighbourhood"] {
            #expect(names.contains(t), "missing topic \(t)")
        }
        for t in result.topics {
            #expect(t.score >= 0 && t.score <= 1)
            #expect(!t.rules.isEmpty)
        }
    }

    @Test func jsonContractUsesSnakeCase() throws {
        let data = try JSONEncoder().encode(result)
        let s = String(decoding: data, as: UTF8.self)
        #expect(s.contains("\"target_year\":2029"))
    }
}
