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

    @Test func endlessCompressionBombStopsAtCapWithBoundedMemory() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let (prefix, chunk) = Gzip.endlessZeros()
        server.route(
            "/bomb.xml",
            LoopbackResponse(headers: [("Content-Encoding", "gzip")], body: .stream(prefix: prefix, chunk: chunk)))
        // Were the cap not enforced on decoded bytes, this would run into the total timeout instead.
        let settings = testSettings {
            $0.maxBytes = 4 * 1024 * 1024
            $0.totalTimeout = 20
        }
        let failure = try #require(try fetchOne(server.url("/bomb.xml"), settings: settings).failure)
        #expect(failure.kind == .tooLarge)
    }

    @Test func endlessZerosStreamDecodes() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let (prefix, chunk) = Gzip.endlessZeros()
        // Prefix plus three chunks then a final empty block: 1 + 3 × 4096 × 258 zeros.
        let finalBlock = Data([0x03, 0x00])  // BFINAL=1, fixed Huffman, end of block
        var trailer = Data()
        let size = UInt32(1 + 3 * 4096 * 258)
        let zeros = Data(repeating: 0, count: Int(size))
        let crc = Gzip.compress(zeros).suffix(8).prefix(4)
        trailer.append(crc)
        trailer.append(contentsOf: [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: size >> UInt32($0)) })
        let body = prefix + chunk + chunk + chunk + finalBlock + trailer
        server.route("/z", LoopbackResponse(headers: [("Content-Encoding", "gzip")], body: .bytes(body)))
        let response = try fetchOne(server.url("/z"), settings: testSettings { $0.maxBytes = 4 * 1024 * 1024 }).get()
        #expect(response.body == zeros)
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
