import Foundation
import GRDB

/// An alert waiting in the outbox, with its position.
public struct QueuedAlert: Sendable {
    public var seq: Int64
    public var alert: Alert
}

extension Store {
    static let alertEncoder: JSONEncoder = {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .secondsSince1970
        return e
    }()

    static func decodeAlert(_ payload: String) -> Alert? {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .secondsSince1970
        return try? d.decode(Alert.self, from: Data(payload.utf8))
    }

    /// Puts an alert in the outbox (same transaction as its fact). False when its id exists.
    static func enqueue(_ alert: Alert, factID: Int64?, db: Database) throws -> Bool {
        let payload = String(decoding: try alertEncoder.encode(alert), as: UTF8.self)
        try db.execute(
            sql: "INSERT OR IGNORE INTO alerts (id, kind, fact_id, created_at, payload) VALUES (?, ?, ?, ?, ?)",
            arguments: [alert.id, alert.kind, factID, alert.ts.timeIntervalSince1970, payload])
        return db.changesCount > 0
    }

    /// Queues an alert that belongs to no fact (feed health).
    @discardableResult
    public func enqueue(_ alert: Alert) throws(StoreError) -> Bool {
        try write { db in try Self.enqueue(alert, factID: nil, db: db) }
    }

    /// Alerts not yet written to the log, oldest first.
    public func undeliveredAlerts() throws(StoreError) -> [QueuedAlert] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT seq, payload FROM alerts WHERE delivered_at IS NULL ORDER BY seq").compactMap { row in
                Self.decodeAlert(row["payload"]).map { QueuedAlert(seq: row["seq"], alert: $0) }
            }
        }
    }

    /// Marks alerts as written to the log.
    public func markDelivered(ids: [String], at date: Date) throws(StoreError) {
        guard !ids.isEmpty else { return }
        try write { db in
            for id in ids {
                try db.execute(sql: "UPDATE alerts SET delivered_at = ? WHERE id = ?", arguments: [date.timeIntervalSince1970, id])
            }
        }
    }

    /// Alerts created since `date`, oldest first.
    public func alerts(since date: Date?) throws(StoreError) -> [Alert] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT payload FROM alerts WHERE created_at >= ? ORDER BY seq",
                arguments: [date?.timeIntervalSince1970 ?? 0]
            ).compactMap(Self.decodeAlert)
        }
    }
}

/// The two hook channels fed from the outbox.
public enum HookChannel: String, Sendable {
    case program = "hook"
    case webhook = "webhook"
}

extension Store {
    /// Alerts already in the log whose `channel` delivery is pending, oldest first.
    public func pendingHooks(_ channel: HookChannel, maxAttempts: Int) throws(StoreError) -> [Alert] {
        try read { db in
            try String.fetchAll(
                db,
                sql: "SELECT payload FROM alerts WHERE delivered_at IS NOT NULL AND \(channel.rawValue)_delivered_at IS NULL AND \(channel.rawValue)_attempts < ? ORDER BY seq",
                arguments: [maxAttempts]
            ).compactMap(Self.decodeAlert)
        }
    }

    /// Records one attempt; `success` marks it delivered.
    public func recordHook(_ channel: HookChannel, id: String, success: Bool, at date: Date) throws(StoreError) {
        try write { db in
            if success {
                try db.execute(sql: "UPDATE alerts SET \(channel.rawValue)_delivered_at = ?, \(channel.rawValue)_attempts = \(channel.rawValue)_attempts + 1 WHERE id = ?", arguments: [date.timeIntervalSince1970, id])
            } else {
                try db.execute(sql: "UPDATE alerts SET \(channel.rawValue)_attempts = \(channel.rawValue)_attempts + 1 WHERE id = ?", arguments: [id])
            }
        }
    }

    /// Marks every pending delivery on `channel` as not wanted (the channel is not configured),
    /// so configuring it later does not replay history.
    public func skipHooks(_ channel: HookChannel) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE alerts SET \(channel.rawValue)_delivered_at = 0 WHERE \(channel.rawValue)_delivered_at IS NULL AND delivered_at IS NOT NULL")
        }
    }
}
