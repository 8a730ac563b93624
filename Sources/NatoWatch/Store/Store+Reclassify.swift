import Foundation
import GRDB

/// What re-running the rules over stored items changes.
public struct ReclassifyReport: Sendable, Codable {
    /// A fact as `kind|identity = value`, with the item it comes from.
    public struct FactChange: Sendable, Codable, Hashable {
        public var fact: String
        public var title: String?
        public var url: String?
    }
    public var itemsExamined = 0
    public var matchesBefore = 0
    public var matchesAfter = 0
    public var appear: [FactChange] = []
    public var disappear: [FactChange] = []
    /// Alerts the new facts raise (applied runs only; a dry run lists `appear`).
    public var alerts: [Alert] = []
    enum CodingKeys: String, CodingKey {
        case itemsExamined = "items_examined"
        case matchesBefore = "matches_before"
        case matchesAfter = "matches_after"
        case appear, disappear, alerts
    }
}

extension Store {
    struct StoredItem {
        var id: Int64
        var feedURL: String
        var title: String?
        var url: String?
        var text: String
        var published: Date?
    }

    static func describe(pledge p: PledgeFact) -> String {
        "\(Ledger.identity(of: p)) = \(p.value)\(p.currency.map { " " + $0 } ?? "")"
    }
    static func describe(mission m: MissionFact) -> String { "\(Ledger.identity(of: m)) [\(m.status)]" }

    /// Re-runs `classify` over items first seen since `since`, and reports facts that would appear
    /// or disappear. Unless `dryRun`, applies it: matches replaced, vanished support removed (facts
    /// left with no source deleted), new facts entered through the ledger (alerting per `policy`).
    public func reclassify(
        since: Date, dryRun: Bool, feeds: [FeedConfig], policy: IngestPolicy, classify: (Article) -> Classification
    ) throws(StoreError) -> ReclassifyReport {
        let items: [StoredItem] = try read { db in
            try Row.fetchAll(db, sql: "SELECT id, feed_url, title, url, text, published FROM items WHERE first_seen >= ? ORDER BY id", arguments: [since.timeIntervalSince1970]).map {
                StoredItem(id: $0["id"], feedURL: $0["feed_url"], title: $0["title"], url: $0["url"], text: $0["text"] ?? "", published: ($0["published"] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
        }
        var report = ReclassifyReport()
        report.itemsExamined = items.count
        var results: [(StoredItem, Classification)] = []
        for item in items {
            results.append((item, classify(Article(id: String(item.id), title: item.title, text: item.text, published: item.published))))
        }
        let byURL = Dictionary(feeds.map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
        return try write { db in
            report.matchesBefore = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM matches WHERE item_id IN (SELECT id FROM items WHERE first_seen >= ?)", arguments: [since.timeIntervalSince1970]) ?? 0
            for (item, c) in results {
                if c.isMatch { report.matchesAfter += 1 }
                let old = try Row.fetchAll(
                    db, sql: "SELECT f.id, f.kind, f.identity, f.value, f.currency, f.status FROM facts f JOIN fact_sources s ON s.fact_id = f.id WHERE s.item_id = ?",
                    arguments: [item.id])
                var oldKeys: [String: Int64] = [:]
                for r in old {
                    let identity: String = r["identity"]
                    let key = (r["kind"] as String) == "pledge"
                        ? "\(identity) = \(r["value"] as Double? ?? 0)\((r["currency"] as String?).map { " " + $0 } ?? "")"
                        : "\(identity) [\(r["status"] as String? ?? "")]"
                    oldKeys[key] = r["id"]
                }
                var newKeys = Set<String>()
                for p in c.pledges { newKeys.insert(Self.describe(pledge: p)) }
                for m in c.missions { newKeys.insert(Self.describe(mission: m)) }
                for k in newKeys.subtracting(oldKeys.keys).sorted() { report.appear.append(.init(fact: k, title: item.title, url: item.url)) }
                for k in Set(oldKeys.keys).subtracting(newKeys).sorted() { report.disappear.append(.init(fact: k, title: item.title, url: item.url)) }
                guard !dryRun else { continue }
                // Apply: the match, vanished support, then new facts through the ledger.
                try db.execute(sql: "DELETE FROM matches WHERE item_id = ?", arguments: [item.id])
                if c.isMatch {
                    let encoded = (try? JSONEncoder().encode(c)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
                    try db.execute(
                        sql: "INSERT INTO matches (item_id, topics, result, created_at) VALUES (?, ?, ?, ?)",
                        arguments: [item.id, c.topics.map(\.topic).joined(separator: ","), encoded, policy.now.timeIntervalSince1970])
                }
                for (k, factID) in oldKeys where !newKeys.contains(k) {
                    try db.execute(sql: "DELETE FROM fact_sources WHERE fact_id = ? AND item_id = ?", arguments: [factID, item.id])
                    try db.execute(sql: "DELETE FROM facts WHERE id = ? AND origin = 'feed' AND NOT EXISTS (SELECT 1 FROM fact_sources WHERE fact_id = ?)", arguments: [factID, factID])
                }
                let feed = byURL[item.feedURL] ?? FeedConfig(name: item.feedURL, url: item.feedURL)
                let source = FactSource(
                    itemID: item.id, feedURL: feed.url, feedName: feed.name, host: item.url.flatMap(CanonicalURL.host),
                    official: feed.official, title: item.title, url: item.url, published: item.published)
                var ledger = Ledger(db: db, now: policy.now, missionWindow: policy.missionWindow)
                let mayAlert = policy.mayAlert(published: item.published)
                for p in c.pledges where !oldKeys.keys.contains(Self.describe(pledge: p)) {
                    if let a = try ledger.record(pledge: p, source: source, mayAlert: mayAlert) { report.alerts.append(a) }
                }
                for m in c.missions where !oldKeys.keys.contains(Self.describe(mission: m)) {
                    if let a = try ledger.record(mission: m, source: source, mayAlert: mayAlert) { report.alerts.append(a) }
                }
            }
            return report
        }
    }
}
