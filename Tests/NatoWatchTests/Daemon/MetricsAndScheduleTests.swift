import Foundation
import NatoWatchTestSupport
import Testing

@testable import NatoWatch

@Suite struct MetricsAndScheduleTests {
    @Test func metricsFileAccumulatesCyclesAndOutcomes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.url.appendingPathComponent("textfile/natowatch.prom")
        let m = MetricsWriter(path: file)
        var s = CycleSummary(startedAt: Date(timeIntervalSince1970: 1_750_000_000))
        s.feedsFetched = 3
        s.feedsOK = 2
        s.feedsNotModified = 1
        s.feedsFailed = 1
        s.failures = [.init(name: "x", url: "http://x", kind: "timeout", reason: "slow")]
        s.newItems = 4
        s.alerts = 1
        s.duration = 0.5
        try m.record(s)
        try m.record(s)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("natowatch_cycles_total 2\n"))
        #expect(text.contains("natowatch_fetches_total{outcome=\"not_modified\"} 2\n"))
        #expect(text.contains("natowatch_fetches_total{outcome=\"ok\"} 2\n"))
        #expect(text.contains("natowatch_fetches_total{outcome=\"timeout\"} 2\n"))
        #expect(text.contains("natowatch_items_total 8\n"))
        #expect(text.contains("natowatch_cycle_duration_seconds_sum 1.0\n"))
        // Written atomically: no temporary file is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(left == ["natowatch.prom"])
    }

    @Test func nextCheckHonoursServerHintsWithinBoundsAndBacksOff() {
        let p = SchedulePolicy(minInterval: 60, maxInterval: 3600, backoffMax: 86400)
        let t = Date(timeIntervalSince1970: 1_000_000)
        // The interval wins over a shorter hint; a longer hint wins, clamped to max_interval.
        #expect(p.nextAfterSuccess(now: t, interval: 900, headers: ["cache-control": "max-age=60"], ttlMinutes: nil, jitter: 0) == t.addingTimeInterval(900))
        #expect(p.nextAfterSuccess(now: t, interval: 900, headers: [:], ttlMinutes: 30, jitter: 0) == t.addingTimeInterval(1800))
        #expect(p.nextAfterSuccess(now: t, interval: 900, headers: ["cache-control": "public, max-age=86400"], ttlMinutes: nil, jitter: 0) == t.addingTimeInterval(3600))
        #expect(p.nextAfterSuccess(now: t, interval: 900, headers: [:], ttlMinutes: nil, jitter: 1) == t.addingTimeInterval(810))
        // Exponential backoff, capped, never before Retry-After.
        #expect(p.nextAfterFailure(now: t, interval: 900, failures: 1, retryAfter: nil, jitter: 0) == t.addingTimeInterval(900))
        #expect(p.nextAfterFailure(now: t, interval: 900, failures: 3, retryAfter: nil, jitter: 0) == t.addingTimeInterval(3600))
        #expect(p.nextAfterFailure(now: t, interval: 900, failures: 30, retryAfter: nil, jitter: 1) == t.addingTimeInterval(86400))
        #expect(p.nextAfterFailure(now: t, interval: 900, failures: 1, retryAfter: 7200, jitter: 0) == t.addingTimeInterval(7200))
    }

    @Test func journaldLinesCarryPriorities() {
        #expect(StderrLogHandler.priority(.error) == 3)
        #expect(StderrLogHandler.priority(.warning) == 4)
        #expect(StderrLogHandler.priority(.info) == 6)
        #expect(StderrLogHandler.priority(.debug) == 7)
    }

    @Test func canonicalURLDropsTrackingAndDefaults() {
        #expect(CanonicalURL.canonicalize("HTTPS://News.Example.org:443/a?id=1&utm_source=rss&fbclid=x#top") == "https://news.example.org/a?id=1")
        #expect(CanonicalURL.canonicalize("http://news.example/fin?id=1&utm_medium=feed") == CanonicalURL.canonicalize("http://news.example/fin?id=1"))
        #expect(CanonicalURL.canonicalize("http://example.org") == "http://example.org/")
        #expect(CanonicalURL.canonicalize("http://example.org:8080/x?gclid=1") == "http://example.org:8080/x")
    }
}
