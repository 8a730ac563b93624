import Foundation
import GRDB

extension Store {
    /// The keys among `keys` already seen for this feed (stored items or remembered keys).
    public func knownKeys(feedURL: String, keys: [String]) throws(StoreError) -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try read { db in
            var known = Set<String>()
            for chunk in stride(from: 0, to: keys.count, by: 400).map({ Array(keys[$0..<min($0 + 400, keys.count)]) }) {
                let marks = databaseQuestionMarks(count: chunk.count)
                let args = StatementArguments([feedURL] + chunk)
                known.formUnion(try String.fetchAll(db, sql: "SELECT item_key FROM items WHERE feed_url = ? AND item_key IN (\(marks))", arguments: args))
                known.formUnion(try String.fetchAll(db, sql: "SELECT item_key FROM seen_keys WHERE feed_url = ? AND item_key IN (\(marks))", arguments: args))
            }
            return known
        }
    }

    /// Stores a fetched feed's new items, their matches and facts, and queues alerts, all in one
    /// transaction together with the feed's new state: a crash leaves either all of it or none.
    public func ingest(
        feed: FeedConfig, state: FeedState, items: [IncomingItem], policy: IngestPolicy
    ) throws(StoreError) -> IngestResult {
        try write { db in
            try state.save(db)
            var result = IngestResult()
            for item in items {
                guard try insertIfNew(item, feed: feed, policy: policy, db: db, result: &result) else { continue }
            }
            return result
        }
    }

    private func insertIfNew(
        _ item: IncomingItem, feed: FeedConfig, policy: IngestPolicy, db: Database, result: inout IngestResult
    ) throws -> Bool {
        let id = item.identity
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM items WHERE feed_url = ? AND item_key = ?"), arguments: [feed.url, id.key]) == true {
            return false
        }
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM seen_keys WHERE feed_url = ? AND item_key = ?"), arguments: [feed.url, id.key]) == true {
            return false
        }
        // A guid that changed while the content did not: the same item, not a new one.
        if try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM items WHERE feed_url = ? AND content_hash = ?"), arguments: [feed.url, id.contentHash]) == true
        {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO seen_keys (feed_url, item_key, recorded_at) VALUES (?, ?, ?)")
                .execute(arguments: [feed.url, id.key, policy.now.timeIntervalSince1970])
            return false
        }
        let now = policy.now.timeIntervalSince1970
        var story: Int64?
        if let c = id.canonicalURL {
            story = try Int64.fetchOne(db.cachedStatement(sql: "SELECT story_id FROM items WHERE canonical_url = ? LIMIT 1"), arguments: [c])
        }
        if story == nil, let t = id.normalizedTitle {
            story = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT story_id FROM items WHERE norm_title = ? AND first_seen >= ? LIMIT 1"),
                arguments: [t, now - policy.storyWindow])
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO items (feed_url, item_key, guid, url, canonical_url, title, norm_title, published,
                                   content_hash, first_seen, story_id, text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                feed.url, id.key, item.entry.id, item.entry.link, id.canonicalURL, item.entry.title, id.normalizedTitle,
                item.entry.published?.timeIntervalSince1970, id.contentHash, now, story, item.text,
            ])
        let itemID = db.lastInsertedRowID
        if story == nil { try db.cachedStatement(sql: "UPDATE items SET story_id = id WHERE id = ?").execute(arguments: [itemID]) }
        result.newItems += 1
        let c = item.classification
        guard c.isMatch else { return true }
        result.matches += 1
        let topics = c.topics.map(\.topic).joined(separator: ",")
        let encoded = (try? JSONEncoder().encode(c)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
        try db.execute(
            sql: "INSERT INTO matches (item_id, topics, result, created_at) VALUES (?, ?, ?, ?)",
            arguments: [itemID, topics, encoded, now])
        let source = FactSource(
            itemID: itemID, feedURL: feed.url, feedName: feed.name,
            host: item.entry.link.flatMap(CanonicalURL.host) ?? CanonicalURL.host(feed.url),
            official: feed.official, title: item.entry.title, url: item.entry.link, published: item.entry.published)
        let mayAlert = policy.mayAlert(published: item.entry.published)
        var ledger = Ledger(db: db, now: policy.now, missionWindow: policy.missionWindow)
        var seenIdentities = Set<String>()
        for p in c.pledges where seenIdentities.insert(Ledger.identity(of: p)).inserted {
            result.facts += 1
            if let alert = try ledger.record(pledge: p, source: source, mayAlert: mayAlert) { result.alerts.append(alert) }
        }
        for m in c.missions where seenIdentities.insert(Ledger.identity(of: m)).inserted {
            result.facts += 1
            if let alert = try ledger.record(mission: m, source: source, mayAlert: mayAlert) { result.alerts.append(alert) }
        }
        return true
    }
}
