import Foundation
import Logging
import NatoWatchTestSupport
import Testing

@testable import NatoWatch

@Suite struct AlertHooksTests {
    func delivered(_ store: Store, _ dir: TemporaryDirectory, _ id: String) throws {
        var a = Alert(ts: Date(), id: id, kind: "pledge.new")
        a.actor = "Finland"
        a.metric = "pct_gdp"
        a.value = 3
        try store.enqueue(a)
        try AlertDelivery(store: store, log: AlertLog(path: dir.url.appendingPathComponent("alerts.log").path), format: .jsonl).deliverPending(now: Date())
    }

    func config(_ dir: TemporaryDirectory) -> NatoWatchConfig {
        var c = NatoWatchConfig(file: dir.url.appendingPathComponent("c.yaml"), stateDir: dir.url, alertLog: dir.url.appendingPathComponent("alerts.log"), topicsFile: dir.url)
        c.fetch.proxy = ""
        c.fetch.connectTimeout = 2
        c.fetch.totalTimeout = 5
        return c
    }

    @Test func onAlertProgramReceivesTheAlertJSON() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(file: dir.url.appendingPathComponent("db.sqlite"))
        try delivered(store, dir, "hook-1")
        let out = dir.url.appendingPathComponent("received.json").path
        var c = config(dir)
        c.onAlert = ["/bin/sh", "-c", "cat > '\(out)'"]
        let hooks = AlertHooks(store: store, config: c, logger: Logger(label: "test"))
        #expect(hooks.deliverPending().program == 1)
        let received = try String(contentsOfFile: out, encoding: .utf8)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(received.utf8)) as? [String: Any])
        #expect(obj["id"] as? String == "hook-1")
        #expect(obj["actor"] as? String == "Finland")
        // Delivered once: a second pass sends nothing.
        #expect(hooks.deliverPending().program == 0)
    }

    @Test func failingProgramIsRetriedOnTheNextPass() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(file: dir.url.appendingPathComponent("db.sqlite"))
        try delivered(store, dir, "hook-2")
        var c = config(dir)
        c.onAlert = ["/bin/false"]
        #expect(AlertHooks(store: store, config: c, logger: Logger(label: "test")).deliverPending().program == 0)
        c.onAlert = ["/bin/true"]
        #expect(AlertHooks(store: store, config: c, logger: Logger(label: "test")).deliverPending().program == 1)
    }

    @Test func webhookThatFailsTwiceReceivesTheAlertOnTheThirdTry() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(file: dir.url.appendingPathComponent("db.sqlite"))
        try delivered(store, dir, "hook-3")
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let counter = Counter()
        server.route("/hook") { _ in counter.next() <= 2 ? .status(503, "busy") : .status(204) }
        var c = config(dir)
        c.webhook = server.url("/hook")
        let hooks = AlertHooks(store: store, config: c, logger: Logger(label: "test"), retryDelay: { _ in 0.01 })
        #expect(hooks.deliverPending().webhook == 1)
        let posts = server.requests(to: "/hook")
        #expect(posts.count == 3)
        #expect(posts.last.map(\.method) == "POST")
        let lastBody = String(decoding: posts.last?.body ?? Data(), as: UTF8.self)
        #expect(lastBody.contains("\"id\":\"hook-3\""))
        #expect(hooks.deliverPending().webhook == 0)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func next() -> Int { lock.withLock { n += 1; return n } }
}
