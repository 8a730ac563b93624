import Foundation
import NatoWatchTestSupport
import Testing

@testable import NatoWatch

/// The ledger's novelty rules against a real SQLite file.
@Suite struct LedgerTests {
    let now = Date(timeIntervalSince1970: 1_750_000_000)

    func feed(_ n: String, official: Bool = false) -> FeedConfig {
        FeedConfig(name: "Wire \(n)", url: "http://127.0.0.1/\(n).xml", official: official)
    }

    func item(_ guid: String, link: String, title: String, pledges: [PledgeFact] = [], missions: [MissionFact] = [], published: Date?) -> IncomingItem {
        let entry = FeedEntry(id: guid, title: title, link: link, published: published, summaryText: title)
        let identity = ItemIdentity.identity(of: entry, trustGuid: true)
        return IncomingItem(
            identity: identity, entry: entry, text: title,
            classification: Classification(
                id: guid, topics: [TopicScore(topic: "spending_pledge", score: 0.9, rules: ["r"])], pledges: pledges, missions: missions))
    }

    func finland(_ value: Double, _ year: Int? = 2029) -> PledgeFact {
        PledgeFact(actor: "Finland", metric: "pct_gdp", value: value, targetYear: year, evidence: "Finland will raise defence spending to \(value)% of GDP.", rules: ["pledge.pct"])
    }

    func policy(baseline: Bool = false, maxAge: TimeInterval = 7 * 86400, at t: Date? = nil) -> IngestPolicy {
        IngestPolicy(now: t ?? now, baseline: baseline, alertMaxAge: maxAge, storyWindow: 72 * 3600, missionWindow: 30 * 86400)
    }

    func ingest(_ store: Store, _ f: FeedConfig, _ items: [IncomingItem], _ p: IngestPolicy) throws -> IngestResult {
        try store.ingest(feed: f, state: FeedState(url: f.url, name: f.name), items: items, policy: p)
    }

    @Test func samePledgeFromThreeFeedsIsOneAlertWithThreeSources() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(file: dir.url.appendingPathComponent("db.sqlite"))
        let a = try ingest(store, feed("a"), [item("a1", link: "http://news.example/fin?id=1", title: "Finland to raise defence spending", pledges: [finland(3)], published: now)], policy())
        let b = try ingest(store, feed("b"), [item("b1", link: "http://news.example/fin?id=1&utm_source=rss", title: "Finland to raise defence spending", pledges: [finland(3)], published: now)], policy())
        let c = try ingest(store, feed("c"), [item("c1", link: "http://other.example/finland", title: "Finland budget: Finland to raise defence spending", pledges: [finland(3)], published: now)], policy())
        #expect(a.alerts.map(\.kind) == ["pledge.new"])
        #expect(b.alerts.isEmpty)
        #expect(c.alerts.isEmpty)
        let sources = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fact_sources") }
        #expect(sources == 3)
        let hosts = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT host) FROM fact_sources") }
        #expect(hosts == 2)
        // Wire B's copy is the same story as Wire A's (tracking parameters dropped).
        let stories = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT story_id) FROM items") }
        #expect(stories == 2)
    }

    @Test func raisedPledgeIsChangedWithPreviousValue() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(file: dir.url.appendingPathComponent("db.sqlite"))
        _ = try ingest(store, feed("a"), [item("a1", link: "http://n.example/1", title: "Finland 3%", pledges: [finland(3)], published: now)], policy())
        let r = try ingest(store, feed("a"), [item("a2", link: "http://n.example/2", title: "Finland 3.5%", pledges: [finland(3.5)], published: now)], policy())
        #expect(r.alerts.count == 1)
        #expect(r.alerts.first?.kind == "pledge.changed")
        #expect(r.alerts.first?.previous?.value == 3)
        #expect(r.alerts.first?.value == 3.5)
        // Restating the older figure later is corroboration, not another change.
        let again = try ingest(store, feed("a"), [item("a3", link: "http://n.example/3", title: "Finland old 3%", pledges: [finland(3)], published: now)], policy())
        #expect(again.alerts.isEmpty)
    }

    @Test func newTargetYearIsAChange() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(file: dir.url.appendingPathComponent("db.sqlite"))
        _ = try ingest(store, feed("a"), [item("a1", link: "http://n.example/1", title: "Finland 3% 2029", pledges: [finland(3, 2029)], published: now)], policy())
        let r = try ingest(store, feed("a"), [item("a2", link: "http://n.example/2", title: "Finland 3% 2028", pledges: [finland(3, 2028)], published: now)], policy())
        #expect(r.alerts.first?.kind == "pledge.changed")
        #expect(r.alerts.first?.previous?.targetYear == 2029)
    }

    @Test func oldItemsOfANewFeedEnterTheLedgerWithoutAlerting() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(file: dir.url.appendingPathComponent("db.sqlite"))
        let old = now.addingTimeInterval(-30 * 86400)
        let r = try ingest(store, feed("a"), [
            item("a1", link: "http://n.example/1", title: "Finland 3% old news", pledges: [finland(3)], published: old),
            item("a2", link: "http://n.example/2", title: "Undated item on baseline", pledges: [PledgeFact(actor: "Poland", metric: "pct_gdp", value: 5, targetYear: 2026, evidence: "e", rules: [])], published: nil),
        ], policy(baseline: true))
        #expect(r.alerts.isEmpty)
        #expect(r.facts == 2)
        // The fact is known: the same pledge from a fresh article is corroboration.
        let fresh = try ingest(store, feed("b"), [item("b1", link: "http://m.example/1", title: "Finland 3% fresh", pledges: [finland(3)], published: now)], policy())
        #expect(fresh.alerts.isEmpty)
        // alert_max_age 0 means no limit.
        let anyAge = try ingest(store, feed("c"), [item("c1", link: "http://k.example/1", title: "Estonia old but allowed", pledges: [PledgeFact(actor: "Estonia", metric: "pct_gdp", value: 5.4, targetYear: 2026, evidence: "e", rules: [])], published: old)], policy(baseline: true, maxAge: 0))
        #expect(anyAge.alerts.count == 1)
    }

    @Test func missionChangeWithinWindowIsCorroborationAndDecisionUpgrades() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(file: dir.url.appendingPathComponent("db.sqlite"))
        let proposed = MissionFact(mission: "NATO Liaison Office Jordan", change: "open_office", place: "Jordan", status: "proposed", evidence: "reviewing plans", rules: [])
        let r1 = try ingest(store, feed("a"), [item("a1", link: "http://n.example/1", title: "Jordan office plans", missions: [proposed], published: now)], policy())
        let r2 = try ingest(store, feed("b"), [item("b1", link: "http://m.example/1", title: "Jordan office plans again", missions: [proposed], published: now)], policy())
        var decided = proposed
        decided.status = "decided"
        let r3 = try ingest(store, feed("b"), [item("b2", link: "http://m.example/2", title: "NATO opens office in Amman", missions: [decided], published: now)], policy())
        #expect(r1.alerts.map(\.kind) == ["mission.change"])
        #expect(r2.alerts.isEmpty)
        #expect(r3.alerts.map(\.status) == ["decided"])
        // Past the window, the same change is news again.
        let later = now.addingTimeInterval(31 * 86400)
        let r4 = try ingest(store, feed("c"), [item("c1", link: "http://k.example/1", title: "Jordan office again", missions: [decided], published: later)], policy(at: later))
        #expect(r4.alerts.count == 1)
    }

    @Test func sameItemTwiceAndRotatedGuidAreNotNew() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(file: dir.url.appendingPathComponent("db.sqlite"))
        let i = item("a1", link: "http://n.example/1", title: "Finland to raise spending", pledges: [finland(3)], published: now)
        #expect(try ingest(store, feed("a"), [i], policy()).newItems == 1)
        #expect(try ingest(store, feed("a"), [i], policy()).newItems == 0)
        var rotated = i
        rotated.identity.key = "id:rotated-guid"
        #expect(try ingest(store, feed("a"), [rotated], policy()).newItems == 0)
        #expect(try store.knownKeys(feedURL: feed("a").url, keys: ["id:rotated-guid", "id:a1", "id:other"]) == ["id:rotated-guid", "id:a1"])
    }

    @Test func databaseSurvivesReopen() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.url.appendingPathComponent("db.sqlite")
        do {
            let store = try Store(file: file)
            try store.syncFeeds([feed("a")])
            _ = try ingest(store, feed("a"), [item("a1", link: "http://n.example/1", title: "Finland to raise spending", pledges: [finland(3)], published: now)], policy())
        }
        let reopened = try Store(file: file)
        #expect(try reopened.integrityCheck() == "ok")
        #expect(try reopened.undeliveredAlerts().count == 1)
        #expect(try reopened.feedStates().keys.contains(feed("a").url))
    }
}
