import Foundation
import NatoWatch
import NatoWatchTestSupport
import Testing

@Suite struct CurlFetcherConcurrencyTests {
    @Test func hangingServerDoesNotHoldBackTheOthers() throws {
        let feeds = try LoopbackHTTPServer()
        let stuck = try LoopbackHTTPServer()
        defer {
            feeds.stop()
            stuck.stop()
        }
        feeds.fallback { request in .ok("<rss>\(request.path)</rss>") }
        stuck.fallback { _ in .hang }
        var requests = [FetchRequest(key: "stuck", url: stuck.url("/feed.xml"))]
        requests += (0..<50).map { FetchRequest(key: "feed\($0)", url: feeds.url("/feed\($0).xml")) }
        let log = try fetch(requests, settings: testSettings { $0.totalTimeout = 5 })
        #expect(log.all.count == 51)
        // Every other feed was delivered before the stuck one timed out.
        #expect(log.keys.last == "stuck")
        #expect(log.result("stuck")?.failure?.kind == .timeout)
        for index in 0..<50 {
            let body = try #require(log.result("feed\(index)")?.response?.body)
            #expect(String(decoding: body, as: UTF8.self) == "<rss>/feed\(index).xml</rss>")
        }
    }

    @Test func perHostCapLimitsConcurrentRequests() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.fallback { _ in LoopbackResponse.ok("<rss/>").delayed(0.15) }
        let requests = (0..<8).map { FetchRequest(key: "\($0)", url: server.url("/feed\($0).xml")) }
        let log = try fetch(requests, settings: testSettings { $0.perHost = 2 })
        #expect(log.all.count == 8)
        #expect(log.all.allSatisfy { $0.result.response?.status == 200 })
        #expect(server.peakConcurrentRequests == 2)
        #expect(server.peakConcurrentConnections <= 2)
    }

    @Test func maxConcurrencyLimitsTransfersAcrossHosts() throws {
        let servers = try (0..<3).map { _ in try LoopbackHTTPServer() }
        defer { for server in servers { server.stop() } }
        let peak = PeakCounter()
        for server in servers {
            server.fallback { _ in
                peak.enter()
                Thread.sleep(forTimeInterval: 0.1)
                peak.leave()
                return .ok("<rss/>")
            }
        }
        let requests = (0..<12).map { FetchRequest(key: "\($0)", url: servers[$0 % 3].url("/f\($0)")) }
        let log = try fetch(
            requests,
            settings: testSettings {
                $0.maxConcurrency = 4
                $0.perHost = 4
            })
        #expect(log.all.count == 12)
        #expect(peak.peak <= 4)
        #expect(peak.peak >= 2)
    }

    @Test func cancelAbortsTransfersInFlight() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.fallback { _ in .hang }
        let fetcher = try CurlFetcher(
            settings: testSettings {
                $0.totalTimeout = 60
                $0.perHost = 4
            })
        let log = ResultLog()
        let done = DispatchSemaphore(value: 0)
        let requests = (0..<6).map { FetchRequest(key: "\($0)", url: server.url("/f\($0)")) }
        Thread.detachNewThread {
            fetcher.fetchAll(requests) { request, result in log.add(request, result) }
            done.signal()
        }
        let deadline = Date().addingTimeInterval(10)
        while server.requests.count < 4, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(server.requests.count == 4)
        fetcher.cancel()
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(log.all.isEmpty)
        #expect(fetcher.isCancelled)
        // A cancelled fetcher stays cancelled: later runs return at once without transfers.
        fetcher.fetchAll(requests) { request, result in log.add(request, result) }
        #expect(log.all.isEmpty)
        #expect(server.requests.count == 4)
    }

    @Test func resultsArriveAsEachTransferFinishes() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/slow", LoopbackResponse.ok("<rss/>").delayed(1))
        server.route("/fast", .ok("<rss/>"))
        let log = try fetch([
            FetchRequest(key: "slow", url: server.url("/slow")),
            FetchRequest(key: "fast", url: server.url("/fast")),
        ])
        #expect(log.keys == ["fast", "slow"])
    }
}

/// Counts how many callers are inside at once.
final class PeakCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var highest = 0
    func enter() {
        lock.withLock {
            current += 1
            highest = max(highest, current)
        }
    }
    func leave() { lock.withLock { current -= 1 } }
    var peak: Int { lock.withLock { highest } }
}
