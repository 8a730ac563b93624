import Foundation
import NatoWatch
import NatoWatchTestSupport
import Testing

@Suite struct CurlFetcherTests {
    @Test func fetchesBodyAndHeadersOf200() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/feed.xml", .ok("<rss>hello</rss>"))
        let response = try fetchOne(server.url("/feed.xml")).get()
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "<rss>hello</rss>")
        #expect(response.contentType == "application/rss+xml; charset=utf-8")
        #expect(response.effectiveURL == server.url("/feed.xml"))
        #expect(response.permanentRedirect == nil)
        #expect(response.wireBytes > response.body.count)
    }

    @Test func sendsUserAgentAndAcceptEncoding() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/feed.xml", .ok("<rss/>"))
        _ = try fetchOne(server.url("/feed.xml"), settings: testSettings { $0.userAgent = "natowatch-test/1.0" })
        let request = try #require(server.requests(to: "/feed.xml").first)
        #expect(request.header("user-agent") == "natowatch-test/1.0")
        #expect(request.header("accept-encoding")?.contains("gzip") == true)
    }

    @Test func conditionalSecondFetchGets304() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let modified = "Wed, 21 Oct 2026 07:28:00 GMT"
        server.route("/feed.xml", LoopbackHTTPServer.conditional(.ok("<rss/>"), etag: "\"v1\"", lastModified: modified))
        let first = try fetchOne(server.url("/feed.xml")).get()
        #expect(first.status == 200)
        #expect(first.etag == "\"v1\"")
        #expect(first.lastModified == modified)
        let second = try fetchOne(server.url("/feed.xml"), etag: first.etag, lastModified: first.lastModified).get()
        #expect(second.notModified)
        #expect(second.body.isEmpty)
        let sent = try #require(server.requests(to: "/feed.xml").last)
        #expect(sent.header("if-none-match") == "\"v1\"")
        #expect(sent.header("if-modified-since") == modified)
        let byDate = try fetchOne(server.url("/feed.xml"), lastModified: modified).get()
        #expect(byDate.status == 304)
    }

    @Test func permanentRedirectChainIsRecorded() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/a", .redirect(to: "/b", status: 301))
        server.route("/b", .redirect(to: server.url("/c"), status: 308))
        server.route("/c", .ok("<rss/>"))
        let response = try fetchOne(server.url("/a")).get()
        #expect(response.status == 200)
        #expect(response.effectiveURL == server.url("/c"))
        #expect(response.permanentRedirect == server.url("/c"))
    }

    @Test func temporaryRedirectIsNotRecorded() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/a", .redirect(to: "/b", status: 301))
        server.route("/b", .redirect(to: "/c", status: 302))
        server.route("/c", .ok("<rss/>"))
        let response = try fetchOne(server.url("/a")).get()
        #expect(response.effectiveURL == server.url("/c"))
        #expect(response.permanentRedirect == nil)
    }

    @Test func headersComeFromTheFinalResponseOnly() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/a", LoopbackResponse(status: 301, headers: [("Location", "/b"), ("X-Hop", "first")]))
        server.route(
            "/b", LoopbackResponse(status: 200, headers: [("X-Final", "yes")], body: .bytes(Data("<rss/>".utf8))))
        let response = try fetchOne(server.url("/a")).get()
        #expect(response.headers["x-final"] == "yes")
        #expect(response.headers["x-hop"] == nil)
        #expect(response.headers["location"] == nil)
    }

    @Test func redirectLimitComesFromSettings() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/a", .redirect(to: "/b"))
        server.route("/b", .redirect(to: "/c"))
        server.route("/c", .ok("<rss/>"))
        let failure = try #require(
            try fetchOne(server.url("/a"), settings: testSettings { $0.maxRedirects = 1 }).failure)
        #expect(failure.kind == .redirect)
        #expect(try fetchOne(server.url("/a"), settings: testSettings { $0.maxRedirects = 2 }).response?.status == 200)
    }

    @Test func serverErrorIsHTTPFailureWithStatus() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/feed.xml", .status(500, "boom"))
        let failure = try #require(try fetchOne(server.url("/feed.xml")).failure)
        #expect(failure.kind == .http)
        #expect(failure.httpStatus == 500)
        #expect(failure.message == "\(server.url("/feed.xml")): server answered HTTP 500 Internal Server Error")
    }

    @Test func fileURLReadOnlyWhenAllowed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("feed.xml")
        try Data("<rss>local</rss>".utf8).write(to: file)
        let url = "file://\(file.path)"
        let refused = try #require(try fetchOne(url).failure)
        #expect(refused.kind == .forbiddenScheme)
        let response = try fetchOne(url, allowFileURL: true).get()
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "<rss>local</rss>")
    }
}
