import Foundation
import NatoWatchTestSupport
import Testing

/// The real binary as a daemon: timers, signals, systemd notifications, the instance lock.
@Suite(.serialized) struct DaemonProcessTests {
    static func rss(_ items: [(guid: String, title: String, body: String)]) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let now = f.string(from: Date())
        let body = items.map {
            "<item><guid>\($0.guid)</guid><link>http://news.example/\($0.guid)</link><pubDate>\(now)</pubDate><title>\($0.title)</title><description>\($0.body)</description></item>"
        }.joined()
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>W</title><link>http://example.org/</link>\(body)</channel></rss>"
    }

    static let quiet = [(guid: "x1", title: "Ministers meet in Brussels", body: "Foreign ministers met.")]
    static let pledge = (guid: "x2", title: "Finland to raise defence spending to 3% of GDP by 2029", body: "Finland will raise its defence spending to 3% of gross domestic product by 2029, the government said.")

    static func writeConfig(_ dir: URL, feeds: [(String, String)], interval: String = "2s", extra: String = "") throws -> URL {
        let rules = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Config/topics.yaml").path
        var yaml = "interval: \(interval)\nstate_dir: \(dir.path)/state\nalert_log: \(dir.path)/alerts.log\ntopics: \(rules)\n\(extra)feeds:\n"
        for (name, url) in feeds { yaml += "  - {name: \(name), url: \"\(url)\"}\n" }
        let file = dir.appendingPathComponent("natowatch.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static func alerts(_ dir: URL) -> String {
        (try? String(contentsOf: dir.appendingPathComponent("alerts.log"), encoding: .utf8)) ?? ""
    }

    @Test func daemonNotifiesAlertsReloadsAndStops() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/w.xml", .ok(Self.rss(Self.quiet)))
        let config = try Self.writeConfig(dir.url, feeds: [("W", server.url("/w.xml"))])
        let notify = try NotifySocket(path: dir.url.appendingPathComponent("notify.sock").path)
        defer { notify.close() }
        let daemon = try NatowatchProcess(["run", "--config", config.path], in: dir.url, environment: ["NOTIFY_SOCKET": notify.path])

        #expect(eventually(timeout: 10) { notify.messages.contains { $0.contains("READY=1") } })
        #expect(eventually(timeout: 10) { notify.messages.contains { $0.contains("STATUS=last cycle") } })

        // A changed feed alerts within an interval (2 s), allowing for a loaded machine.
        server.route("/w.xml", .ok(Self.rss([Self.pledge] + Self.quiet)))
        #expect(eventually(timeout: 8) { Self.alerts(dir.url).contains("2029") })

        // Another instance on the same state directory is refused, naming the holder.
        let second = try NatowatchProcess.run(["fetch", "--config", config.path], in: dir.url)
        #expect(second.status == 4)
        #expect(second.output.contains("pid \(daemon.pid)"))

        // SIGHUP with an added feed fetches it.
        server.route("/new.xml", .ok(Self.rss([(guid: "n1", title: "Estonia to lift defence budget to 5.4% of GDP in 2026", body: "Estonia will raise defence spending to 5.4 per cent of GDP in 2026, the government decided.")])))
        _ = try Self.writeConfig(dir.url, feeds: [("W", server.url("/w.xml")), ("New", server.url("/new.xml"))])
        daemon.signal(SIGHUP)
        #expect(eventually(timeout: 8) { !server.requests(to: "/new.xml").isEmpty })
        #expect(eventually(timeout: 8) { Self.alerts(dir.url).contains("Estonia") })
        #expect(notify.messages.contains { $0.contains("RELOADING=1") })

        // SIGHUP with a broken config keeps the daemon on the old one.
        try "interval: fifteen\nfeeds: []\n".write(to: config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(eventually(timeout: 5) { daemon.output.contains("reload failed") })
        let before = server.requests(to: "/new.xml").count
        #expect(eventually(timeout: 8) { server.requests(to: "/new.xml").count > before })
        #expect(daemon.process.isRunning)

        // SIGTERM stops it cleanly within 10 s.
        let t0 = Date()
        daemon.signal(SIGTERM)
        #expect(daemon.wait(timeout: 10))
        #expect(daemon.process.terminationStatus == 0)
        #expect(Date().timeIntervalSince(t0) < 10)
        #expect(notify.messages.contains { $0.contains("STOPPING=1") })
        // Every alert exactly once.
        let lines = Self.alerts(dir.url).split(separator: "\n")
        #expect(lines.filter { $0.contains("\"actor\":\"Finland\"") }.count == 1)
    }

    @Test func checkConfigRefusesBadConfigsWithFileLineAndExit2() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let bad = dir.url.appendingPathComponent("bad.yaml")
        try "interval: 15m\nfeeds:\n  - url: https://a.example/feed\n    nmae: typo\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try NatowatchProcess.run(["check-config", "--config", bad.path], in: dir.url)
        #expect(r.status == 2)
        #expect(r.output.contains("bad.yaml:4: unknown feed entry key 'nmae'"))
        let good = try Self.writeConfig(dir.url, feeds: [("W", "http://127.0.0.1:1/w.xml")])
        let ok = try NatowatchProcess.run(["check-config", "--config", good.path], in: dir.url)
        #expect(ok.status == 0)
    }

    @Test func fetchExitsNonZeroWhenEveryFeedFails() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let port = try LoopbackHTTPServer.unusedPort()
        let config = try Self.writeConfig(dir.url, feeds: [("Down", "http://127.0.0.1:\(port)/feed.xml")])
        let r = try NatowatchProcess.run(["fetch", "--config", config.path], in: dir.url)
        #expect(r.status == 1)
        #expect(r.output.contains("refused"))
    }
}
