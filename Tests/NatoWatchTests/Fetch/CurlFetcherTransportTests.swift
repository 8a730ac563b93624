import Foundation
import NatoWatch
import NatoWatchTestSupport
import Testing

@Suite struct CurlFetcherTransportTests {
    @Test func httpsToAPlainHTTPServerIsTLSFailure() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let url = "https://127.0.0.1:\(server.port)/feed.xml"
        let failure = try #require(try fetchOne(url).failure)
        #expect(failure.kind == .tls)
        #expect(failure.message.hasPrefix("\(url): TLS failure (curl error 35: "))
    }

    @Test func proxyFromSettingsCarriesTheRequest() throws {
        let proxy = try LoopbackHTTPServer()
        defer { proxy.stop() }
        proxy.fallback { _ in .ok("<rss>via proxy</rss>") }
        let response = try fetchOne(
            "http://feeds.example.invalid/feed.xml", settings: testSettings { $0.proxy = proxy.baseURL }
        ).get()
        #expect(String(decoding: response.body, as: UTF8.self) == "<rss>via proxy</rss>")
        #expect(proxy.requests.first?.target == "http://feeds.example.invalid/feed.xml")
    }

    @Test func connectionsAreReusedAcrossFeedsAndRuns() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.fallback { _ in .ok("<rss/>") }
        let fetcher = try CurlFetcher(settings: testSettings { $0.perHost = 1 })
        let log = ResultLog()
        let requests = (0..<5).map { FetchRequest(key: "\($0)", url: server.url("/f\($0)")) }
        fetcher.fetchAll(requests) { request, result in log.add(request, result) }
        fetcher.fetchAll(requests) { request, result in log.add(request, result) }
        #expect(log.all.count == 10)
        #expect(log.all.allSatisfy { $0.result.response?.status == 200 })
        #expect(server.acceptedConnections == 1)
    }

    @Test func unsupportedSchemeIsRefusedBeforeAnyTransfer() throws {
        let failure = try #require(try fetchOne("gopher://127.0.0.1/feed").failure)
        #expect(failure.kind == .forbiddenScheme)
        #expect(failure.message == "gopher://127.0.0.1/feed: scheme gopher: is not allowed (only http and https)")
    }
}
