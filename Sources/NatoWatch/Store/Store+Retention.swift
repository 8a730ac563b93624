import Foundation
import GRDB

/// What a retention pass removed.
public struct RetentionResult: Sendable, Equatable, Codable {
    public var itemsPruned = 0
    public var cyclesPruned = 0
}

extension Store {
    /// Prunes items first seen before `cutoff` that support no fact. Each pruned item leaves a
    /// compact seen-key behind, so it never comes back as new.
    @discardableResult
    public func prune(before cutoff: Date) throws(StoreError) -> RetentionResult {
        try write { db in
            var r = RetentionResult()
            let t = cutoff.timeIntervalSince1970
            let victims = """
                SELECT id FROM items WHERE first_seen < ?
                AND id NOT IN (SELECT item_id FROM fact_sources)
                """
            try db.execute(
                sql: "INSERT OR IGNORE INTO seen_keys (feed_url, item_key, recorded_at) SELECT feed_url, item_key, ? FROM items WHERE id IN (\(victims))",
                arguments: [Date().timeIntervalSince1970, t])
            try db.execute(sql: "DELETE FROM matches WHERE item_id IN (\(victims))", arguments: [t])
            try db.execute(sql: "DELETE FROM items WHERE id IN (\(victims))", arguments: [t])
            r.itemsPruned = db.changesCount
            try db.execute(sql: "DELETE FROM cycles WHERE started_at < ?", arguments: [t])
            r.cyclesPruned = db.changesCount
            return r
        }
    }

    /// Sizes of the database files in bytes (main file and WAL).
    public func fileSizes() -> (database: Int, wal: Int) {
        func size(_ p: String) -> Int { ((try? FileManager.default.attributesOfItem(atPath: p))?[.size] as? NSNumber)?.intValue ?? 0 }
        return (size(path), size(path + "-wal"))
    }
}
