import Foundation
import NatoWatch
import NatoWatchTestSupport
import Testing

@Suite struct CurlFetcherFailureTests {
    @Test func redirectLoopIsRedirectFailure() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/a", .redirect(to: "/b"))
        server.route("/b", .redirect(to: "/a"))
        let failure = try #require(try fetchOne(server.url("/a")).failure)
        #expect(failure.kind == .redirect)
        #expect(server.requests.count == 6)  // the first request and 5 redirects
    }

    @Test func redirectToFileIsRefusedEvenWhenFileURLsAreAllowed() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/feed.xml", .redirect(to: "file:///etc/passwd", status: 301))
        let failure = try #require(try fetchOne(server.url("/feed.xml"), allowFileURL: true).failure)
        #expect(failure.kind == .forbiddenScheme)
        #expect(failure.message.contains("file:///etc/passwd"))
    }

    @Test func fileURLWithoutPermissionIsRefusedWithItsReason() throws {
        let failure = try #require(try fetchOne("file:///etc/hostname").failure)
        #expect(failure.kind == .forbiddenScheme)
        #expect(failure.message == "file:///etc/hostname: file: URLs are not allowed for this feed")
    }

    @Test func tooManyRequestsCarriesRetryAfterSeconds() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/feed.xml", .status(429, "slow down", headers: [("Retry-After", "120")]))
        let failure = try #require(try fetchOne(server.url("/feed.xml")).failure)
        #expect(failure.kind == .rateLimited)
        #expect(failure.httpStatus == 429)
        #expect(failure.retryAfter == 120)
    }

    @Test func retryAfterAsHTTPDateIsParsed() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let later = formatter.string(from: Date().addingTimeInterval(3600))
        for status in [429, 503] {
            server.route("/\(status)", .status(status, "maintenance", headers: [("Retry-After", later)]))
            let failure = try #require(try fetchOne(server.url("/\(status)")).failure)
            #expect(failure.kind == .rateLimited)
            #expect(failure.httpStatus == status)
            let wait = try #require(failure.retryAfter)
            #expect(wait > 3500 && wait <= 3600)
        }
    }

    @Test func serviceUnavailableWithoutRetryAfterIsHTTPFailure() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/feed.xml", .status(503, "down"))
        let failure = try #require(try fetchOne(server.url("/feed.xml")).failure)
        #expect(failure.kind == .http)
        #expect(failure.httpStatus == 503)
    }

    @Test func largeErrorPageIsStillHTTPFailure() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/sized", .status(404, String(repeating: "x", count: 300_000)))
        server.route(
            "/endless", LoopbackResponse(status: 500, body: .endless(chunk: Data(repeating: 120, count: 16384))))
        let settings = testSettings { $0.maxBytes = 100_000 }
        let sized = try #require(try fetchOne(server.url("/sized"), settings: settings).failure)
        #expect(sized.kind == .http)
        #expect(sized.httpStatus == 404)
        let endless = try #require(try fetchOne(server.url("/endless"), settings: settings).failure)
        #expect(endless.kind == .http)
        #expect(endless.httpStatus == 500)
    }

    @Test func goneIsGone() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/feed.xml", .status(410))
        let failure = try #require(try fetchOne(server.url("/feed.xml")).failure)
        #expect(failure.kind == .gone)
        #expect(failure.httpStatus == 410)
    }

    @Test func cloudflareChallengeIsBotWall() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let page = "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking</body></html>"
        server.route(
            "/feed.xml",
            .status(
                403, page,
                headers: [("Content-Type", "text/html"), ("Server", "cloudflare"), ("cf-mitigated", "challenge")]))
        server.route("/plain403", .status(403, "forbidden"))
        let failure = try #require(try fetchOne(server.url("/feed.xml")).failure)
        #expect(failure.kind == .botWall)
        #expect(failure.httpStatus == 403)
        let plain = try #require(try fetchOne(server.url("/plain403")).failure)
        #expect(plain.kind == .http)
    }

    @Test func refusedConnectionIsRefused() throws {
        let port = try LoopbackHTTPServer.unusedPort()
        let failure = try #require(try fetchOne("http://127.0.0.1:\(port)/feed.xml").failure)
        #expect(failure.kind == .refused)
        #expect(
            failure.message.hasPrefix(
                "http://127.0.0.1:\(port)/feed.xml: connection refused or unreachable (curl error 7: "))
    }

    @Test func unresolvableHostIsDNSFailure() throws {
        let failure = try #require(try fetchOne("http://nonexistent.invalid/feed.xml").failure)
        #expect(failure.kind == .dns)
        #expect(failure.message.contains("curl error 6"))
    }

    @Test func tricklingServerIsAbortedAsTooSlow() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/feed.xml", LoopbackResponse(body: .trickle(Data(repeating: 65, count: 100), interval: 0.5)))
        let settings = testSettings {
            $0.lowSpeedLimit = 1000
            $0.lowSpeedTime = 1
            $0.totalTimeout = 30
        }
        let failure = try #require(try fetchOne(server.url("/feed.xml"), settings: settings).failure)
        #expect(failure.kind == .timeout)
        #expect(failure.message.contains("too slow"))
    }

    @Test func hangingServerTimesOut() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/feed.xml", .hang)
        let failure = try #require(
            try fetchOne(server.url("/feed.xml"), settings: testSettings { $0.totalTimeout = 0.5 }).failure)
        #expect(failure.kind == .timeout)
        #expect(failure.message.contains("curl error 28"))
    }

    @Test func bodyOverCapIsTooLarge() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/big", .ok(Data(repeating: 120, count: 200_000)))
        server.route("/endless", LoopbackResponse(body: .endless(chunk: Data(repeating: 120, count: 16384))))
        let settings = testSettings { $0.maxBytes = 100_000 }
        let big = try #require(try fetchOne(server.url("/big"), settings: settings).failure)
        #expect(big.kind == .tooLarge)
        #expect(big.message == "\(server.url("/big")): body larger than the 100000-byte cap, transfer stopped")
        let endless = try #require(try fetchOne(server.url("/endless"), settings: settings).failure)
        #expect(endless.kind == .tooLarge)
    }
}
