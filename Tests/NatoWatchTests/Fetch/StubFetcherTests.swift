import NatoWatch
import NatoWatchTestSupport
import Testing

@Suite struct StubFetcherTests {
    @Test func answersFromItsTableAndRecordsRequests() {
        let fetcher = StubFetcher()
        fetcher.stub("https://example.org/feed", body: "<rss/>", headers: ["etag": "\"1\""])
        let log = ResultLog()
        fetcher.fetchAll([
            FetchRequest(key: "a", url: "https://example.org/feed"),
            FetchRequest(key: "b", url: "https://example.org/other"),
        ]) { request, result in log.add(request, result) }
        #expect(log.result("a")?.response?.etag == "\"1\"")
        #expect(log.result("b")?.failure?.kind == .other)
        #expect(fetcher.requests.map(\.key) == ["a", "b"])
    }
}
