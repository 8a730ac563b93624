import Foundation
import NatoWatch
import NatoWatchTestSupport
import Testing

@Suite struct CurlFetcherEncodingTests {
    @Test func gzipEncodedFeedIsDecoded() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let feed =
            "<rss><channel><title>NATO</title>" + String(repeating: "<item>pledge</item>", count: 500)
            + String(repeating: " ", count: 20000) + "</channel></rss>"
        server.route("/feed.xml", .gzip(Data(feed.utf8)))
        let response = try fetchOne(server.url("/feed.xml")).get()
        #expect(String(decoding: response.body, as: UTF8.self) == feed)
        #expect(response.headers["content-encoding"] == "gzip")
        #expect(response.wireBytes < response.body.count)
    }

    @Test func compressionBombStopsAtCap() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let bomb = Gzip.zeros(count: 50 * 1024 * 1024)
        #expect(bomb.count < 400_000)
        server.route("/bomb.xml", LoopbackResponse(headers: [("Content-Encoding", "gzip")], body: .bytes(bomb)))
        let settings = testSettings { $0.maxBytes = 1024 * 1024 }
        let failure = try #require(try fetchOne(server.url("/bomb.xml"), settings: settings).failure)
        #expect(failure.kind == .tooLarge)
    }

    @Test func gzipEncoderRoundTripsThroughLibcurl() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route(
            "/zeros",
            LoopbackResponse(headers: [("Content-Encoding", "gzip")], body: .bytes(Gzip.zeros(count: 100_000))))
        let response = try fetchOne(server.url("/zeros")).get()
        #expect(response.body == Data(repeating: 0, count: 100_000))
    }
}
