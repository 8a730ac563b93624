import Foundation
import NatoWatchTestSupport
import Testing

@testable import NatoWatch

@Suite struct ReclassifyTests {
    @Test func dryRunReportsAndApplyChangesTheLedger() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(file: dir.url.appendingPathComponent("db.sqlite"))
        let now = Date()
        let feed = FeedConfig(name: "W", url: "http://127.0.0.1/w.xml")
        let entry = FeedEntry(id: "a", title: "Poland signs Apache deal worth $10 billion", link: "http://n.example/a", published: now, summaryText: "s")
        let wrong = PledgeFact(actor: "Poland", metric: "amount", value: 1e10, currency: "USD", evidence: "e", rules: [])
        let policy = IngestPolicy(now: now, baseline: false, alertMaxAge: 0, storyWindow: 3600, missionWindow: 86400)
        _ = try store.ingest(
            feed: feed, state: FeedState(url: feed.url, name: feed.name),
            items: [IncomingItem(identity: ItemIdentity.identity(of: entry, trustGuid: true), entry: entry, text: "text", classification: Classification(pledges: [wrong]))],
            policy: policy)
        #expect(try store.facts(kind: "pledge").count == 1)
        // New rules no longer see a pledge there, and see a mission change instead.
        let mission = MissionFact(mission: "KFOR", change: "expand", place: "Kosovo", status: "decided", evidence: "e", rules: [])
        let rules: (Article) -> Classification = { _ in Classification(topics: [TopicScore(topic: "mission_change", score: 1, rules: [])], missions: [mission]) }
        let dry = try store.reclassify(since: now.addingTimeInterval(-60), dryRun: true, feeds: [feed], policy: policy, classify: rules)
        #expect(dry.itemsExamined == 1)
        #expect(dry.disappear.map(\.fact) == ["pledge|Poland|amount|- = 10000000000.0 USD"])
        #expect(dry.appear.map(\.fact) == ["mission|KFOR|expand [decided]"])
        #expect(try store.facts(kind: "pledge").count == 1)
        let applied = try store.reclassify(since: now.addingTimeInterval(-60), dryRun: false, feeds: [feed], policy: policy, classify: rules)
        #expect(applied.alerts.map(\.kind) == ["mission.change"])
        #expect(try store.facts(kind: "pledge").isEmpty)
        #expect(try store.facts(kind: "mission").count == 1)
        #expect(try store.matches(since: nil, topic: "mission_change").count == 1)
    }
}
