import Foundation
import GRDB

extension Store {
    /// Records a finished cycle for `natowatch status`.
    public func recordCycle(_ s: CycleSummary) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO cycles (started_at, finished_at, duration, feeds_ok, feeds_not_modified, feeds_failed,
                                        new_items, matches, alerts)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    s.startedAt.timeIntervalSince1970, s.startedAt.timeIntervalSince1970 + s.duration, s.duration, s.feedsOK,
                    s.feedsNotModified, s.feedsFailed, s.newItems, s.matches, s.alerts,
                ])
            try db.execute(sql: "DELETE FROM cycles WHERE id <= (SELECT MAX(id) FROM cycles) - 1000")
        }
    }
}
