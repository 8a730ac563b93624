import Foundation
import NatoWatchTestSupport
import Testing

@testable import NatoWatch

/// The whole cycle, end to end: libcurl against a real loopback server, the real parser and
/// classifier, a real SQLite file and a real alert log.
@Suite struct FetchCycleTests {
    static let rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Wire</title><link>http://example.org/</link>
        <item><guid>w1</guid><link>http://news.example/fin</link><title>Finland to raise defence spending to 3% of GDP by 2029</title>
        <pubDate>PUBDATE</pubDate>
        <description>HELSINKI - Finland will raise its defence spending to 3% of gross domestic product by 2029, the government announced on Thursday.</description></item>
        <item><guid>w2</guid><link>http://news.example/film</link><title>Film festival opens</title>
        <pubDate>PUBDATE</pubDate><description>The festival opened to sold-out screenings.</description></item>
        </channel></rss>
        """
    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>tag:desk</id><updated>UPDATED</updated>
        <entry><id>tag:desk,1</id><title>NATO launches Baltic Sentry</title><link href="http://desk.example/sentry"/>
        <published>UPDATED</published><updated>UPDATED</updated>
        <content type="html">&lt;p&gt;NATO has launched Baltic Sentry, a new military activity to protect undersea cables in the Baltic Sea, Secretary General Mark Rutte announced on Tuesday.&lt;/p&gt;</content></entry>
        </feed>
        """

    struct Fixture {
        let dir: TemporaryDirectory
        let server: LoopbackHTTPServer
        let config: NatoWatchConfig
        func runtime() throws -> Runtime { try Runtime(config: config) }
        var alertLines: [String] {
            ((try? String(contentsOf: config.alertLog, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
    }

    static func rulesFile() -> URL {
        // Tests run from the package root (swift test), where Config/ holds the rules.
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Config/topics.yaml")
    }

    func fixture(_ feeds: (LoopbackHTTPServer) -> [FeedConfig]) throws -> Fixture {
        let dir = try TemporaryDirectory()
        let server = try LoopbackHTTPServer()
        let now = Date()
        let rfc822 = DateFormatter()
        rfc822.locale = Locale(identifier: "en_US_POSIX")
        rfc822.timeZone = TimeZone(identifier: "GMT")
        rfc822.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        server.route("/wire.xml", LoopbackHTTPServer.conditional(.ok(Self.rss.replacingOccurrences(of: "PUBDATE", with: rfc822.string(from: now))), etag: "\"w-1\""))
        server.route("/desk.atom", .ok(Self.atom.replacingOccurrences(of: "UPDATED", with: ISO8601DateFormatter().string(from: now)), contentType: "application/atom+xml"))
        server.route("/old-wire", .status(301, "", headers: [("Location", "/wire.xml")]))
        server.route("/missing.xml", .status(404, "not here"))
        var config = NatoWatchConfig(
            file: dir.url.appendingPathComponent("natowatch.yaml"), stateDir: dir.url.appendingPathComponent("state"),
            alertLog: dir.url.appendingPathComponent("log/alerts.log"), topicsFile: Self.rulesFile())
        config.feeds = feeds(server)
        config.fetch.connectTimeout = 2
        config.fetch.totalTimeout = 5
        config.fetch.proxy = ""
        return Fixture(dir: dir, server: server, config: config)
    }

    @Test func cycleFetchesParsesClassifiesStoresAndAlertsOnce() throws {
        let refused = try LoopbackHTTPServer.unusedPort()
        let f = try fixture { s in
            [
                FeedConfig(name: "Wire (moved)", url: s.url("/old-wire")),
                FeedConfig(name: "Desk", url: s.url("/desk.atom")),
                FeedConfig(name: "Missing", url: s.url("/missing.xml")),
                FeedConfig(name: "Refused", url: "http://127.0.0.1:\(refused)/feed.xml"),
            ]
        }
        defer {
            f.server.stop()
            f.dir.remove()
        }
        let first = try f.runtime().cycle.run()
        #expect(first.feedsFetched == 4)
        #expect(first.feedsOK == 2)
        #expect(first.feedsFailed == 2)
        #expect(first.newItems == 3)
        #expect(first.failures.map(\.kind).sorted() == ["http", "refused"])
        #expect(first.failures.first(where: { $0.kind == "http" })?.reason.contains("404") == true)
        let lines = f.alertLines
        #expect(lines.contains { $0.contains("\"kind\":\"pledge.new\"") && $0.contains("\"actor\":\"Finland\"") && $0.contains("\"target_year\":2029") })
        #expect(lines.contains { $0.contains("\"kind\":\"mission.change\"") && $0.contains("Baltic Sentry") })
        #expect(!lines.contains { $0.contains("Film festival") })
        // The permanent redirect is remembered for the next fetch.
        let moved = try Store(file: f.config.databaseFile).feedState(url: f.server.url("/old-wire"))
        #expect(moved?.movedTo == f.server.url("/wire.xml"))

        // A second cycle on unchanged feeds adds nothing; the wire answers 304.
        let second = try f.runtime().cycle.run()
        #expect(second.newItems == 0)
        #expect(second.alerts == 0)
        #expect(second.feedsNotModified == 1)
        #expect(f.alertLines.count == lines.count)
        #expect(f.server.requests(to: "/wire.xml").last?.header("If-None-Match") == "\"w-1\"")
        #expect(f.server.requests(to: "/old-wire").count == 1)

        // The database survives a reopen with everything in it.
        let store = try Store(file: f.config.databaseFile)
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.counts().items == 3)
        #expect(try store.undeliveredAlerts().isEmpty)
        #expect(try store.feedState(url: f.server.url("/missing.xml"))?.consecutiveFailures == 2)
    }

    @Test func feedFailingRepeatedlyAlertsOnceAndRecoveryAlertsOnce() throws {
        let f = try fixture { s in [FeedConfig(name: "Flaky", url: s.url("/flaky.xml"))] }
        defer {
            f.server.stop()
            f.dir.remove()
        }
        f.server.route("/flaky.xml", .status(500, "oops"))
        var config = f.config
        config.failureThreshold = 3
        let runtime = try Runtime(config: config)
        for _ in 0..<5 { _ = try runtime.cycle.run() }
        #expect(f.alertLines.filter { $0.contains("\"kind\":\"feed.failing\"") }.count == 1)
        f.server.route("/flaky.xml", .ok(Self.rss.replacingOccurrences(of: "PUBDATE", with: "Mon, 01 Jan 2024 00:00:00 GMT")))
        _ = try runtime.cycle.run()
        _ = try runtime.cycle.run()
        #expect(f.alertLines.filter { $0.contains("\"kind\":\"feed.recovered\"") }.count == 1)
        // Old items on the first successful fetch enter the ledger without alerting.
        #expect(!f.alertLines.contains { $0.contains("pledge.new") })
        #expect(try runtime.store.facts(kind: "pledge").count == 1)
    }

    @Test func retryAfterHoldsBackTheHostOnlyWhenSeveralFeedsGetIt() throws {
        let f = try fixture { s in
            [
                FeedConfig(name: "Limited A", url: s.url("/a.xml")),
                FeedConfig(name: "Limited B", url: s.url("/b.xml")),
                FeedConfig(name: "Fine", url: s.url("/wire.xml")),
            ]
        }
        defer {
            f.server.stop()
            f.dir.remove()
        }
        f.server.route("/a.xml", .status(429, "slow down", headers: [("Retry-After", "600")]))
        var config = f.config
        config.interval = 60
        let runtime = try Runtime(config: config)
        // One rate-limited feed: only that feed waits.
        f.server.route("/b.xml", .ok(Self.rss.replacingOccurrences(of: "PUBDATE", with: "Mon, 01 Jan 2024 00:00:00 GMT")))
        _ = try runtime.cycle.run()
        let t = Date()
        #expect((try runtime.store.feedState(url: f.server.url("/a.xml"))?.nextDueAt ?? t) >= t.addingTimeInterval(590))
        #expect((try runtime.store.feedState(url: f.server.url("/wire.xml"))?.nextDueAt ?? t) < t.addingTimeInterval(600))
        // A rate-limited feed is not fetched again before its Retry-After.
        _ = try runtime.cycle.run()
        #expect(f.server.requests(to: "/a.xml").count == 1)
        // Two feeds of the host rate-limited in one cycle: the whole host waits.
        let other = try Runtime(config: { var c = config; c.stateDir = f.dir.url.appendingPathComponent("state2"); return c }())
        f.server.route("/b.xml", .status(503, "busy", headers: [("Retry-After", "900")]))
        _ = try other.cycle.run()
        let fine = try other.store.feedState(url: f.server.url("/wire.xml"))?.nextDueAt ?? t
        #expect(fine >= t.addingTimeInterval(890))
    }
}
