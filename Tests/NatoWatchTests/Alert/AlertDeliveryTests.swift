import Foundation
import NatoWatchTestSupport
import Testing

@testable import NatoWatch

/// Exactly-once delivery from the outbox to a real log file.
@Suite struct AlertDeliveryTests {
    func alert(_ id: String, title: String = "t") -> Alert {
        var a = Alert(ts: Date(timeIntervalSince1970: 1_750_000_000), id: id, kind: "feed.failing")
        a.feed = "Wire"
        a.reason = title
        return a
    }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func crashBetweenAppendAndMarkDoesNotDuplicate() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(file: dir.url.appendingPathComponent("db.sqlite"))
        let logPath = dir.url.appendingPathComponent("alerts.log").path
        try store.enqueue(alert("one"))
        try store.enqueue(alert("two"))
        // Simulate the crash: the line reached the log, the mark did not reach the database.
        try AlertLog(path: logPath).append([AlertLine.render(alert("one"), format: .jsonl)])
        let written = try AlertDelivery(store: store, log: AlertLog(path: logPath), format: .jsonl).deliverPending(now: Date())
        #expect(written == 1)
        let all = try lines(logPath)
        #expect(all.count == 2)
        #expect(all.filter { $0.contains("\"id\":\"one\"") }.count == 1)
        #expect(try store.undeliveredAlerts().isEmpty)
        // A restart delivers nothing twice.
        #expect(try AlertDelivery(store: store, log: AlertLog(path: logPath), format: .jsonl).deliverPending(now: Date()) == 0)
        #expect(try lines(logPath).count == 2)
    }

    @Test func rotationWithCreateAndCopytruncateLosesNoLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(file: dir.url.appendingPathComponent("db.sqlite"))
        let logPath = dir.url.appendingPathComponent("alerts.log").path
        let log = AlertLog(path: logPath)
        let delivery = AlertDelivery(store: store, log: log, format: .jsonl)
        try store.enqueue(alert("a"))
        try delivery.deliverPending(now: Date())
        // logrotate `create`: the file is renamed and a new one created.
        try FileManager.default.moveItem(atPath: logPath, toPath: logPath + ".1")
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        try store.enqueue(alert("b"))
        try delivery.deliverPending(now: Date())
        #expect(try lines(logPath + ".1").count == 1)
        #expect(try lines(logPath).map { $0.contains("\"id\":\"b\"") } == [true])
        // logrotate `copytruncate`: copied away, then truncated in place.
        try FileManager.default.copyItem(atPath: logPath, toPath: logPath + ".2")
        try FileHandle(forWritingAtPath: logPath)?.truncate(atOffset: 0)
        try store.enqueue(alert("c"))
        try delivery.deliverPending(now: Date())
        let after = try lines(logPath)
        #expect(after.count == 1)
        #expect(after.first?.hasPrefix("{\"ts\"") == true)
        #expect(after.first?.contains("\"id\":\"c\"") == true)
    }

    @Test func tornLastLineIsTerminatedBeforeAppending() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let logPath = dir.url.appendingPathComponent("alerts.log").path
        try "{\"ts\":\"2025".write(toFile: logPath, atomically: false, encoding: .utf8)
        try AlertLog(path: logPath).append(["{\"id\":\"x\"}"])
        #expect(try lines(logPath) == ["{\"ts\":\"2025", "{\"id\":\"x\"}"])
    }

    @Test func unwritableLogKeepsAlertsQueued() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(file: dir.url.appendingPathComponent("db.sqlite"))
        let logDir = dir.url.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logDir, withIntermediateDirectories: true)
        // A directory where the log file should be makes the open fail, even for root.
        let logPath = logDir.appendingPathComponent("alerts.log").path
        try FileManager.default.createDirectory(atPath: logPath, withIntermediateDirectories: true)
        try store.enqueue(alert("q"))
        #expect(throws: AlertLogError.self) { try AlertDelivery(store: store, log: AlertLog(path: logPath), format: .jsonl).deliverPending(now: Date()) }
        #expect(try store.undeliveredAlerts().count == 1)
        try FileManager.default.removeItem(atPath: logPath)
        #expect(try AlertDelivery(store: store, log: AlertLog(path: logPath), format: .jsonl).deliverPending(now: Date()) == 1)
        #expect(try store.undeliveredAlerts().isEmpty)
    }
}
