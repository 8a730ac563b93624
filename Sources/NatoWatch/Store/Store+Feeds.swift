import Foundation
import GRDB

extension FeedState: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "feeds"
    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }
}

extension Store {
    /// Makes the feeds table match the config: new feeds added, names updated, removed feeds
    /// marked inactive (their history is kept).
    public func syncFeeds(_ feeds: [FeedConfig]) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE feeds SET active = 0")
            for f in feeds {
                try db.execute(
                    sql: """
                        INSERT INTO feeds (url, name, active) VALUES (?, ?, 1)
                        ON CONFLICT(url) DO UPDATE SET name = excluded.name, active = 1
                        """, arguments: [f.url, f.name])
            }
        }
    }

    /// All feed states, keyed by configured URL.
    public func feedStates() throws(StoreError) -> [String: FeedState] {
        try read { db in
            let all = try FeedState.fetchAll(db)
            return Dictionary(all.map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// One feed's state.
    public func feedState(url: String) throws(StoreError) -> FeedState? {
        try read { db in try FeedState.fetchOne(db, key: url) }
    }

    /// Saves a feed's state (outside an ingest, e.g. after a failure or a 304).
    public func saveFeedState(_ state: FeedState) throws(StoreError) {
        try write { db in try state.save(db) }
    }
}

extension Store {
    /// Pushes the next due time of `feeds` to `date` (after a cycle that could not be stored).
    public func postpone(feeds: [String], until date: Date) throws(StoreError) {
        try write { db in
            for url in feeds {
                try db.execute(sql: "UPDATE feeds SET next_due_at = ? WHERE url = ?", arguments: [date.timeIntervalSince1970, url])
            }
        }
    }
}

extension Store {
    /// Moves the next due time of `feeds` to at least `date` (a host-wide Retry-After).
    public func deferFeeds(_ feeds: [String], until date: Date) throws(StoreError) {
        try write { db in
            for url in feeds {
                try db.execute(
                    sql: "UPDATE feeds SET next_due_at = MAX(COALESCE(next_due_at, 0), ?) WHERE url = ?",
                    arguments: [date.timeIntervalSince1970, url])
            }
        }
    }
}
