import Foundation

/// Moves alerts from the outbox to the alert log exactly once: append and sync, then mark
/// delivered. Ids already at the log's tail (a crash between append and mark) are only marked.
public struct AlertDelivery {
    public let store: Store
    public let log: AlertLog
    public let format: AlertFormat

    public init(store: Store, log: AlertLog, format: AlertFormat) {
        self.store = store
        self.log = log
        self.format = format
    }

    /// Delivers every pending alert; returns how many lines were appended.
    @discardableResult
    public func deliverPending(now: Date) throws -> Int {
        let pending = try store.undeliveredAlerts()
        guard !pending.isEmpty else { return 0 }
        let already = log.idsPresentAtTail(Set(pending.map(\.alert.id)))
        if !already.isEmpty { try store.markDelivered(ids: Array(already), at: now) }
        let toWrite = pending.filter { !already.contains($0.alert.id) }
        var written = 0
        // Append in small batches so a failure part-way marks what did reach the disk.
        for batch in stride(from: 0, to: toWrite.count, by: 32).map({ Array(toWrite[$0..<min($0 + 32, toWrite.count)]) }) {
            try log.append(batch.map { AlertLine.render($0.alert, format: format) })
            try store.markDelivered(ids: batch.map(\.alert.id), at: now)
            written += batch.count
        }
        return written
    }
}
