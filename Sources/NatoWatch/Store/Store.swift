import Foundation
import GRDB

/// The SQLite database in the state directory: feeds and their fetch state, items, matches,
/// the fact ledger and the alert outbox. WAL mode, versioned migrations; safe to read from
/// other processes (`natowatch status`) while the daemon writes.
public final class Store: Sendable {
    let pool: DatabasePool
    /// The database file.
    public let path: String

    /// Opens (creating if needed) the database at `file` and applies pending migrations.
    public init(file: URL, readOnly: Bool = false) throws(StoreError) {
        path = file.path
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.maximumReaderCount = 2
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            if !readOnly {
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            pool = try DatabasePool(path: file.path, configuration: config)
            if !readOnly { try Self.migrator.migrate(pool) }
        } catch {
            throw StoreError(path: file.path, message: Self.describe(error, path: file.path))
        }
    }

    /// Runs `body` in one write transaction.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(body) } catch { throw StoreError(path: path, message: Self.describe(error, path: path)) }
    }

    /// Runs `body` against a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw StoreError(path: path, message: Self.describe(error, path: path)) }
    }

    static func describe(_ error: any Error, path: String? = nil) -> String {
        if let e = error as? DatabaseError {
            var s = e.message ?? "\(e.resultCode)"
            if e.resultCode == .SQLITE_FULL {
                s = "the disk is full (\(s))"
            } else if e.resultCode == .SQLITE_IOERR || e.resultCode == .SQLITE_CANTOPEN, let path, deviceFull(near: path) {
                // Growing the WAL index (-shm) on a full file system fails as an I/O error, not SQLITE_FULL.
                s = "the disk is full (\(s))"
            }
            if e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
                s = "the database is locked by another process (\(s))"
            }
            return s
        }
        if let e = error as? StoreError { return e.message }
        return "\(error)"
    }

    /// Whether the file system holding `path` has (almost) no space left for this user.
    static func deviceFull(near path: String) -> Bool {
        var st = statvfs()
        let dir = (path as NSString).deletingLastPathComponent
        guard statvfs(dir.isEmpty ? "." : dir, &st) == 0 else { return false }
        return UInt64(st.f_bavail) * UInt64(st.f_frsize) < 256 * 1024
    }

    /// SQLite's `PRAGMA integrity_check` result (`ok` when healthy).
    public func integrityCheck() throws(StoreError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }
}
