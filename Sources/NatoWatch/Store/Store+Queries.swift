import Foundation
import GRDB

/// A stored match, for `natowatch matches`.
public struct MatchRow: Sendable, Codable {
    public var feed: String
    public var title: String?
    public var url: String?
    public var published: Date?
    public var firstSeen: Date
    public var topics: [String]
    enum CodingKeys: String, CodingKey {
        case feed, title, url, published
        case firstSeen = "first_seen"
        case topics
    }
}

/// A fact in the ledger with its history and sources, for `natowatch pledges` / `missions`.
public struct FactRow: Sendable, Codable {
    public struct HistoryEntry: Sendable, Codable {
        public var value: Double?
        public var targetYear: Int?
        public var status: String?
        public var recordedAt: Date
        enum CodingKeys: String, CodingKey {
            case value
            case targetYear = "target_year"
            case status
            case recordedAt = "recorded_at"
        }
    }
    public var kind: String
    public var actor: String?
    public var metric: String?
    public var value: Double?
    public var currency: String?
    public var targetYear: Int?
    public var mission: String?
    public var change: String?
    public var place: String?
    public var status: String?
    public var evidence: String?
    public var origin: String
    public var firstSeen: Date
    public var lastSeen: Date
    public var sources: Int
    public var official: Bool
    public var history: [HistoryEntry]
    enum CodingKeys: String, CodingKey {
        case kind, actor, metric, value, currency
        case targetYear = "target_year"
        case mission, change, place, status, evidence, origin
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
        case sources, official, history
    }
}

/// Counts and sizes for `status` and `doctor`.
public struct StoreCounts: Sendable, Codable {
    public var feeds = 0
    public var items = 0
    public var matches = 0
    public var facts = 0
    public var alerts = 0
    public var undeliveredAlerts = 0
    public var seenKeys = 0
    enum CodingKeys: String, CodingKey {
        case feeds, items, matches, facts, alerts
        case undeliveredAlerts = "undelivered_alerts"
        case seenKeys = "seen_keys"
    }
}

extension Store {
    public func matches(since: Date?, topic: String?) throws(StoreError) -> [MatchRow] {
        try read { db in
            var sql = """
                SELECT f.name AS feed, i.title, i.url, i.published, i.first_seen, m.topics
                FROM matches m JOIN items i ON i.id = m.item_id LEFT JOIN feeds f ON f.url = i.feed_url
                WHERE i.first_seen >= ?
                """
            var args: [any DatabaseValueConvertible] = [since?.timeIntervalSince1970 ?? 0]
            if let topic {
                sql += " AND (',' || m.topics || ',') LIKE ?"
                args.append("%,\(topic),%")
            }
            sql += " ORDER BY i.first_seen DESC, i.id DESC"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { r in
                MatchRow(
                    feed: r["feed"] ?? "?", title: r["title"], url: r["url"],
                    published: (r["published"] as Double?).map(Date.init(timeIntervalSince1970:)),
                    firstSeen: Date(timeIntervalSince1970: r["first_seen"]),
                    topics: (r["topics"] as String? ?? "").split(separator: ",").map(String.init))
            }
        }
    }

    public func facts(kind: String, actor: String? = nil) throws(StoreError) -> [FactRow] {
        try read { db in
            var sql = "SELECT * FROM facts WHERE kind = ?"
            var args: [any DatabaseValueConvertible] = [kind]
            if let actor {
                sql += " AND actor LIKE ?"
                args.append(actor)
            }
            sql += kind == "pledge" ? " ORDER BY actor, metric, target_year" : " ORDER BY mission, change"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { r in
                let id: Int64 = r["id"]
                let history = try Row.fetchAll(
                    db, sql: "SELECT value, target_year, status, recorded_at FROM fact_history WHERE fact_id = ? ORDER BY recorded_at",
                    arguments: [id]
                ).map { h in
                    FactRow.HistoryEntry(value: h["value"], targetYear: h["target_year"], status: h["status"], recordedAt: Date(timeIntervalSince1970: h["recorded_at"]))
                }
                let (sources, official) = try Ledger.sourceCounts(factID: id, db: db)
                return FactRow(
                    kind: r["kind"], actor: r["actor"], metric: r["metric"], value: r["value"], currency: r["currency"],
                    targetYear: r["target_year"], mission: r["mission"], change: r["change"], place: r["place"], status: r["status"],
                    evidence: r["evidence"], origin: r["origin"], firstSeen: Date(timeIntervalSince1970: r["first_seen"]),
                    lastSeen: Date(timeIntervalSince1970: r["last_seen"]), sources: sources, official: official, history: history)
            }
        }
    }

    public func counts() throws(StoreError) -> StoreCounts {
        try read { db in
            var c = StoreCounts()
            c.feeds = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feeds WHERE active = 1") ?? 0
            c.items = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM items") ?? 0
            c.matches = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM matches") ?? 0
            c.facts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM facts") ?? 0
            c.alerts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alerts") ?? 0
            c.undeliveredAlerts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alerts WHERE delivered_at IS NULL") ?? 0
            c.seenKeys = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM seen_keys") ?? 0
            return c
        }
    }

    /// The last recorded cycle.
    public func lastCycle() throws(StoreError) -> CycleSummary? {
        try read { db in
            guard let r = try Row.fetchOne(db, sql: "SELECT * FROM cycles ORDER BY id DESC LIMIT 1") else { return nil }
            var s = CycleSummary(startedAt: Date(timeIntervalSince1970: r["started_at"]))
            s.duration = r["duration"] ?? 0
            s.feedsOK = r["feeds_ok"] ?? 0
            s.feedsNotModified = r["feeds_not_modified"] ?? 0
            s.feedsFailed = r["feeds_failed"] ?? 0
            s.feedsFetched = s.feedsOK + s.feedsFailed
            s.newItems = r["new_items"] ?? 0
            s.matches = r["matches"] ?? 0
            s.alerts = r["alerts"] ?? 0
            return s
        }
    }
}
