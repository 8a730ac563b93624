import Foundation
import GRDB

/// The fact ledger's novelty rules, applied inside an ingest transaction.
///
/// - A pledge's identity is (actor, metric, target year). A new identity gives `pledge.new`; the
///   same identity with another value (beyond 1%), or the same actor and metric with a new target
///   year, gives `pledge.changed` carrying the previous value; anything else is corroboration.
///   A value the fact held before (a restatement of an older figure) is corroboration too.
/// - A mission change's identity is (mission, change); seen again within the window it is
///   corroboration, unless it moved from proposed to decided.
struct Ledger {
    let db: Database
    let now: Date
    let missionWindow: TimeInterval

    static func identity(of p: PledgeFact) -> String {
        "pledge|\(p.actor)|\(p.metric)|\(p.targetYear.map(String.init) ?? "-")"
    }

    static func identity(of m: MissionFact) -> String {
        "mission|\(m.mission)|\(m.change)"
    }

    static func sameValue(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        if a == b { return true }
        return abs(a - b) <= 0.01 * max(abs(a), abs(b))
    }

    mutating func record(pledge p: PledgeFact, source: FactSource, mayAlert: Bool) throws -> Alert? {
        let identity = Self.identity(of: p)
        let t = now.timeIntervalSince1970
        if let row = try Row.fetchOne(db, sql: "SELECT id, value, target_year FROM facts WHERE identity = ?", arguments: [identity]) {
            let factID: Int64 = row["id"]
            let old: Double? = row["value"]
            try addSource(factID: factID, source: source)
            let seenBefore = try valueSeenBefore(factID: factID, value: p.value)
            if Self.sameValue(old, p.value) || seenBefore {
                try db.execute(sql: "UPDATE facts SET last_seen = ? WHERE id = ?", arguments: [t, factID])
                return nil
            }
            try db.execute(
                sql: "UPDATE facts SET value = ?, currency = ?, status = ?, evidence = ?, last_seen = ? WHERE id = ?",
                arguments: [p.value, p.currency, p.status, p.evidence, t, factID])
            try history(factID: factID, value: p.value, year: p.targetYear, status: p.status, source: source)
            guard mayAlert else { return nil }
            return try queue(
                kind: "pledge.changed", factID: factID, identity: identity, pledge: p,
                previous: Alert.Previous(value: old, targetYear: p.targetYear), source: source)
        }
        // Same actor and metric, another target year: a changed pledge unless it restates a known one.
        let siblings = try Row.fetchAll(
            db, sql: "SELECT id, value, target_year FROM facts WHERE kind = 'pledge' AND actor = ? AND metric = ? ORDER BY last_seen DESC",
            arguments: [p.actor, p.metric])
        if p.targetYear == nil, let same = siblings.first(where: { Self.sameValue($0["value"], p.value) }) {
            let factID: Int64 = same["id"]
            try addSource(factID: factID, source: source)
            try db.execute(sql: "UPDATE facts SET last_seen = ? WHERE id = ?", arguments: [t, factID])
            return nil
        }
        try db.execute(
            sql: """
                INSERT INTO facts (kind, identity, actor, metric, value, currency, target_year, status, evidence, first_seen, last_seen)
                VALUES ('pledge', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [identity, p.actor, p.metric, p.value, p.currency, p.targetYear, p.status, p.evidence, t, t])
        let factID = db.lastInsertedRowID
        try addSource(factID: factID, source: source)
        try history(factID: factID, value: p.value, year: p.targetYear, status: p.status, source: source)
        guard mayAlert else { return nil }
        if let prev = siblings.first, p.targetYear != nil {
            return try queue(
                kind: "pledge.changed", factID: factID, identity: identity, pledge: p,
                previous: Alert.Previous(value: prev["value"], targetYear: prev["target_year"]), source: source)
        }
        return try queue(kind: "pledge.new", factID: factID, identity: identity, pledge: p, previous: nil, source: source)
    }

    mutating func record(mission m: MissionFact, source: FactSource, mayAlert: Bool) throws -> Alert? {
        let identity = Self.identity(of: m)
        let t = now.timeIntervalSince1970
        if let row = try Row.fetchOne(db, sql: "SELECT id, status, last_seen, origin FROM facts WHERE identity = ?", arguments: [identity]) {
            let factID: Int64 = row["id"]
            let oldStatus: String? = row["status"]
            let lastSeen: Double = row["last_seen"]
            try addSource(factID: factID, source: source)
            let upgraded = oldStatus == "proposed" && m.status == "decided"
            // A seeded state (a mission known to be running) never goes stale.
            let stale = (row["origin"] as String?) != "seed" && t - lastSeen > missionWindow
            try db.execute(
                sql: "UPDATE facts SET last_seen = ?, status = ?, place = COALESCE(?, place), evidence = CASE WHEN ? THEN ? ELSE evidence END WHERE id = ?",
                arguments: [t, upgraded ? m.status : (oldStatus ?? m.status), m.place, upgraded || stale, m.evidence, factID])
            guard (upgraded || stale), mayAlert else { return nil }
            try history(factID: factID, value: nil, year: nil, status: m.status, source: source)
            return try queue(mission: m, factID: factID, identity: identity, source: source)
        }
        try db.execute(
            sql: """
                INSERT INTO facts (kind, identity, mission, change, place, status, evidence, first_seen, last_seen)
                VALUES ('mission', ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [identity, m.mission, m.change, m.place, m.status, m.evidence, t, t])
        let factID = db.lastInsertedRowID
        try addSource(factID: factID, source: source)
        try history(factID: factID, value: nil, year: nil, status: m.status, source: source)
        guard mayAlert else { return nil }
        return try queue(mission: m, factID: factID, identity: identity, source: source)
    }

    private func valueSeenBefore(factID: Int64, value: Double) throws -> Bool {
        let values = try Double?.fetchAll(db, sql: "SELECT value FROM fact_history WHERE fact_id = ?", arguments: [factID])
        return values.contains(where: { Self.sameValue($0, value) })
    }

    private func addSource(factID: Int64, source: FactSource) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO fact_sources (fact_id, item_id, feed_url, host, official, seen_at) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [factID, source.itemID, source.feedURL, source.host, source.official, now.timeIntervalSince1970])
    }

    private func history(factID: Int64, value: Double?, year: Int?, status: String?, source: FactSource) throws {
        try db.execute(
            sql: "INSERT INTO fact_history (fact_id, value, target_year, status, recorded_at, item_id) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [factID, value, year, status, now.timeIntervalSince1970, source.itemID])
    }

    /// Independent sources of a fact (distinct hosts) and whether an official feed is among them.
    static func sourceCounts(factID: Int64, db: Database) throws -> (hosts: Int, official: Bool) {
        let hosts = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT COALESCE(host, feed_url)) FROM fact_sources WHERE fact_id = ?", arguments: [factID]) ?? 0
        let official = try Bool.fetchOne(db, sql: "SELECT MAX(official) FROM fact_sources WHERE fact_id = ?", arguments: [factID]) ?? false
        return (hosts, official)
    }

    private func queue(
        kind: String, factID: Int64, identity: String, pledge p: PledgeFact, previous: Alert.Previous?, source: FactSource
    ) throws -> Alert? {
        let id = StableHash.hex(kind, identity, "\(p.value)", previous.map { "\($0.value ?? -1)/\($0.targetYear ?? -1)" } ?? "")
        var a = Alert(ts: now, id: id, kind: kind)
        a.actor = p.actor
        a.metric = p.metric
        a.value = p.value
        a.currency = p.currency
        a.targetYear = p.targetYear
        a.previous = previous
        a.status = p.status
        a.evidence = p.evidence
        return try finish(&a, factID: factID, source: source)
    }

    private func queue(mission m: MissionFact, factID: Int64, identity: String, source: FactSource) throws -> Alert? {
        let day = Int(now.timeIntervalSince1970 / 86400)
        var a = Alert(ts: now, id: StableHash.hex("mission.change", identity, m.status, String(day)), kind: "mission.change")
        a.mission = m.mission
        a.change = m.change
        a.place = m.place
        a.status = m.status
        a.evidence = m.evidence
        return try finish(&a, factID: factID, source: source)
    }

    private func finish(_ a: inout Alert, factID: Int64, source: FactSource) throws -> Alert? {
        a.title = source.title
        a.url = source.url
        a.feed = source.feedName
        a.published = source.published
        let counts = try Self.sourceCounts(factID: factID, db: db)
        a.sources = counts.hosts
        a.official = counts.official
        try db.execute(
            sql: "UPDATE facts SET last_alerted_at = ? WHERE id = ?", arguments: [now.timeIntervalSince1970, factID])
        return try Store.enqueue(a, factID: factID, db: db) ? a : nil
    }
}
