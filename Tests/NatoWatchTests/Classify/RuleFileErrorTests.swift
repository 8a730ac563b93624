import Foundation
import Testing
import NatoWatchTestSupport
@testable import NatoWatch

/// A bad rule or gazetteer file is refused with its path, line and problem.
@Suite struct ClassifierRuleFileErrorTests {
    /// Copies Config/ to a temporary directory, applies `edit` to one file and loads the rules.
    private func load(editing file: String, _ edit: (String) -> String) throws -> RuleFileError? {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let config = ClassifierFixture.root.appendingPathComponent("Config")
        let dest = tmp.url.appendingPathComponent("Config")
        try FileManager.default.copyItem(at: config, to: dest)
        let target = dest.appendingPathComponent(file)
        let text = try String(contentsOf: target, encoding: .utf8)
        try edit(text).write(to: target, atomically: true, encoding: .utf8)
        do {
            _ = try Classifier(rulesFile: dest.appendingPathComponent("topics.yaml"))
            return nil
        } catch let e as RuleFileError {
            return e
        }
    }

    private func line(of needle: String, in file: String) throws -> Int {
        let text = try String(contentsOf: ClassifierFixture.root.appendingPathComponent("Config/\(file)"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    @Test func yamlSyntaxErrorNamesFileAndLine() throws {
        let e = try #require(try load(editing: "topics.yaml") { $0.replacingOccurrences(of: "    threshold: 0.6\n    rules:\n      - id: spending.fact", with: "    threshold: 0.6\n    rules:\n      - id: [spending.fact") })
        #expect(e.file.hasSuffix("topics.yaml"))
        #expect(e.line > 0)
        #expect(e.description.contains("topics.yaml:\(e.line):"))
    }

    @Test func unknownKeyIsReportedAtItsLine() throws {
        let expected = try line(of: "id: spending.fact", in: "topics.yaml")
        let e = try #require(try load(editing: "topics.yaml") { $0.replacingOccurrences(of: "      - id: spending.fact\n", with: "      - id: spending.fact\n        wieght: 0.3\n") })
        #expect(e.line == expected + 1)
        #expect(e.problem.contains("wieght"))
    }

    @Test func weightOutOfRange() throws {
        let e = try #require(try load(editing: "topics.yaml") { $0.replacingOccurrences(of: "        fact: pledge\n        weight: 0.85", with: "        fact: pledge\n        weight: 1.85") })
        #expect(e.problem.contains("weight"))
        #expect(e.line > 0)
    }

    @Test func unknownLexiconReference() throws {
        let e = try #require(try load(editing: "topics.yaml") { $0.replacingOccurrences(of: "any: [\"@sport_words\"]", with: "any: [\"@sports_words\"]") })
        #expect(e.problem.contains("sports_words"))
        #expect(e.line > 0)
    }

    @Test func missingRequiredLexicon() throws {
        let e = try #require(try load(editing: "topics.yaml") { $0.replacingOccurrences(of: "  gdp_anchors:", with: "  gdp_anchor:") })
        #expect(e.problem.contains("gdp_anchors"))
    }

    @Test func badCurrencyCodeInGazetteerNamesTheGazetteer() throws {
        let expected = try line(of: "name: \"Poland\"", in: "gazetteer/members.yaml") + 1
        let e = try #require(try load(editing: "gazetteer/members.yaml") { $0.replacingOccurrences(of: "currency: PLN", with: "currency: zloty") })
        #expect(e.file.hasSuffix("gazetteer/members.yaml"))
        #expect(e.line == expected)
        #expect(e.problem.contains("zloty"))
    }

    @Test func missingGazetteerFile() throws {
        let e = try #require(try load(editing: "topics.yaml") { $0.replacingOccurrences(of: "missions: gazetteer/missions.yaml", with: "missions: gazetteer/mission.yaml") })
        #expect(e.problem.contains("mission.yaml"))
        #expect(e.line > 0)
    }

    @Test func missionWithoutName() throws {
        let e = try #require(try load(editing: "gazetteer/missions.yaml") { $0.replacingOccurrences(of: "  - name: \"KFOR\"\n", with: "  - title: \"KFOR\"\n") })
        #expect(e.file.hasSuffix("missions.yaml"))
        #expect(e.problem.contains("title"))
    }
}
