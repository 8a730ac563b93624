import Foundation
import Testing

@testable import NatoWatch

@Suite struct FetchInterpreterTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21 ...

    @Test func retryAfterAcceptsSecondsAndAllThreeDateForms() throws {
        #expect(RetryAfter.seconds(from: "120", now: now) == 120)
        #expect(RetryAfter.seconds(from: " 0 ", now: now) == 0)
        let later = now.addingTimeInterval(90)
        let forms = [
            "EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM d HH:mm:ss yyyy",
        ]
        for form in forms {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = form
            #expect(RetryAfter.seconds(from: formatter.string(from: later), now: now) == 90, "\(form)")
        }
        #expect(RetryAfter.seconds(from: "Thu, 01 Jan 1970 00:00:00 GMT", now: now) == 0)
        #expect(RetryAfter.seconds(from: "soon", now: now) == nil)
        #expect(RetryAfter.seconds(from: "-5", now: now) == nil)
    }

    @Test func permanentRedirectNeedsEveryHopPermanent() {
        var report = TransferReport(url: "http://a/feed")
        report.effectiveURL = "https://b/feed"
        report.redirectCount = 2
        report.statuses = [301, 308, 200]
        #expect(FetchInterpreter.permanentRedirect(report) == "https://b/feed")
        report.statuses = [301, 307, 200]
        #expect(FetchInterpreter.permanentRedirect(report) == nil)
        // A proxy's CONNECT answer and 1xx lines are not hops.
        report.statuses = [200, 301, 100, 308, 200]
        #expect(FetchInterpreter.permanentRedirect(report) == "https://b/feed")
        report.redirectCount = 0
        report.statuses = [200]
        #expect(FetchInterpreter.permanentRedirect(report) == nil)
    }

    @Test func sortsHTTPStatusesIntoKinds() {
        func kind(_ status: Int, _ headers: [String: String] = [:], body: String = "") -> FetchFailure.Kind? {
            var report = TransferReport(url: "http://a/feed")
            report.status = status
            report.headers = headers
            report.body = Data(body.utf8)
            if case .failure(let failure) = FetchInterpreter.interpret(report, now: now) { return failure.kind }
            return nil
        }
        #expect(kind(200) == nil)
        #expect(kind(304) == nil)
        #expect(kind(404) == .http)
        #expect(kind(410) == .gone)
        #expect(kind(429) == .rateLimited)
        #expect(kind(503) == .http)
        #expect(kind(503, ["retry-after": "30"]) == .rateLimited)
        #expect(
            kind(403, ["server": "cloudflare", "content-type": "text/html"], body: "<html>error</html>") == .botWall)
        #expect(kind(503, [:], body: "<!DOCTYPE html><title>Attention Required! | Cloudflare</title>") == .botWall)
        #expect(kind(429, ["content-type": "text/html"], body: "<html>Please solve the CAPTCHA</html>") == .botWall)
        #expect(kind(403, ["content-type": "text/plain"], body: "captcha") == .http)
        #expect(kind(500, ["server": "cloudflare", "content-type": "text/html"], body: "<html/>") == .http)
        #expect(kind(300) == .redirect)
        // A CDN's plain rate limit (Retry-After, no challenge) stays a rate limit.
        #expect(
            kind(429, ["server": "cloudflare", "content-type": "text/html", "retry-after": "60"], body: "<html/>")
                == .rateLimited)
    }

    @Test func resolverTimeoutIsDNSFailureAndOtherTimeoutsAreTimeouts() {
        func failure(_ detail: String) -> FetchFailure? {
            var report = TransferReport(url: "http://a/feed")
            report.curlCode = 28
            report.errorBuffer = detail
            if case .failure(let failure) = FetchInterpreter.interpret(report) { return failure }
            return nil
        }
        #expect(failure("Resolving timed out after 2000 milliseconds")?.kind == .dns)
        #expect(failure("Connection timed out after 2001 milliseconds")?.kind == .timeout)
        let slow = failure("Operation too slow. Less than 1000 bytes/sec transferred the last 1 seconds")
        #expect(slow?.kind == .timeout)
        #expect(
            slow?.message.hasPrefix("http://a/feed: transfer too slow, aborted (curl error 28: Operation too slow.")
                == true)
    }

    @Test func transportFailureMessageNamesURLCodeAndCurlDetail() {
        var report = TransferReport(url: "https://example.org/feed")
        report.curlCode = 60
        report.curlText = "SSL peer certificate or SSH remote key was not OK"
        report.errorBuffer = "SSL certificate problem: self-signed certificate"
        guard case .failure(let failure) = FetchInterpreter.interpret(report) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.kind == .tls)
        #expect(
            failure.message
                == "https://example.org/feed: TLS failure (curl error 60: SSL certificate problem: self-signed certificate)"
        )
    }
}
