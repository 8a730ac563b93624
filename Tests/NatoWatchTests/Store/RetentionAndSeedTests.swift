import Foundation
import NatoWatchTestSupport
import Testing

@testable import NatoWatch

@Suite struct RetentionAndSeedTests {
    let now = Date(timeIntervalSince1970: 1_750_000_000)

    func item(_ guid: String, pledge: Bool) -> IncomingItem {
        let entry = FeedEntry(id: guid, title: "Item \(guid) with a long enough title", link: "http://n.example/\(guid)", published: now, summaryText: "text \(guid)")
        let pledges = pledge ? [PledgeFact(actor: "Finland", metric: "pct_gdp", value: 3, targetYear: 2029, evidence: "e", rules: [])] : []
        return IncomingItem(
            identity: ItemIdentity.identity(of: entry, trustGuid: true), entry: entry, text: "text",
            classification: Classification(id: guid, topics: pledge ? [TopicScore(topic: "spending_pledge", score: 1, rules: [])] : [], pledges: pledges))
    }

    @Test func retentionPrunesOnlyItemsThatSupportNoFactAndRemembersThem() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(file: dir.url.appendingPathComponent("db.sqlite"))
        let feed = FeedConfig(name: "W", url: "http://127.0.0.1/w.xml")
        let policy = IngestPolicy(now: now, baseline: false, alertMaxAge: 0, storyWindow: 3600, missionWindow: 86400)
        _ = try store.ingest(feed: feed, state: FeedState(url: feed.url, name: feed.name), items: [item("keep", pledge: true), item("drop", pledge: false)], policy: policy)
        let r = try store.prune(before: now.addingTimeInterval(1))
        #expect(r.itemsPruned == 1)
        let counts = try store.counts()
        #expect(counts.items == 1)
        #expect(counts.seenKeys == 1)
        #expect(counts.facts == 1)
        // The pruned item never comes back as new.
        #expect(try store.knownKeys(feedURL: feed.url, keys: ["id:drop"]) == ["id:drop"])
        let again = try store.ingest(feed: feed, state: FeedState(url: feed.url, name: feed.name), items: [item("drop", pledge: false)], policy: policy)
        #expect(again.newItems == 0)
        // Nothing newer than the cutoff is touched.
        #expect(try store.prune(before: now.addingTimeInterval(-86400)).itemsPruned == 0)
    }

    @Test func seededPledgesAndMissionsAreCorroborationNotNews() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let seedFile = dir.url.appendingPathComponent("seed.yaml")
        try """
            pledges:
              - {actor: Finland, metric: pct_gdp, value: 3.0, currency: null, target_year: 2029}
            missions:
              - {mission: Baltic Sentry, change: launch, place: Baltic Sea, status: decided}
            """.write(to: seedFile, atomically: true, encoding: .utf8)
        let store = try Store(file: dir.url.appendingPathComponent("db.sqlite"))
        #expect(try store.importSeed(try LedgerSeed.load(seedFile), now: now) == 2)
        #expect(try store.importSeed(try LedgerSeed.load(seedFile), now: now) == 0)
        let feed = FeedConfig(name: "W", url: "http://127.0.0.1/w.xml")
        let later = now.addingTimeInterval(200 * 86400)
        let policy = IngestPolicy(now: later, baseline: false, alertMaxAge: 0, storyWindow: 3600, missionWindow: 30 * 86400)
        var restated = item("fin", pledge: true)
        restated.classification.missions = [MissionFact(mission: "Baltic Sentry", change: "launch", place: "Baltic Sea", status: "decided", evidence: "e", rules: [])]
        let r = try store.ingest(feed: feed, state: FeedState(url: feed.url, name: feed.name), items: [restated], policy: policy)
        #expect(r.alerts.isEmpty)
        #expect(r.facts == 2)
    }

    @Test func shippedSeedLoads() throws {
        let url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Config/ledger-seed.yaml")
        let seed = try LedgerSeed.load(url)
        #expect(seed.pledges.contains { $0.actor == "Finland" && $0.value == 3 && $0.targetYear == 2029 })
        #expect(seed.missions.contains { $0.mission == "NATO Mission Iraq" })
    }
}
