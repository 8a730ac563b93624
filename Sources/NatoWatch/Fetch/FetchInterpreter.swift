import CCurl
import Foundation

/// Turns a finished transfer into a response or a failure of a definite kind (the response
/// interpreter of the fetch stage; it never touches a curl handle).
enum FetchInterpreter {
    /// Error answers keep at most this much body, enough to recognise a challenge page.
    static let errorBodyLimit = 64 * 1024

    static func interpret(_ report: TransferReport, now: Date = Date()) -> Result<FetchResponse, FetchFailure> {
        if report.curlCode != 0 {
            // An error page cut short on purpose (or over the size cap) is still an HTTP answer.
            let cutShort = [curl(CURLE_WRITE_ERROR), curl(CURLE_FILESIZE_EXCEEDED)].contains(report.curlCode)
            if cutShort, report.status >= 400, !report.exceededCap {
                return .failure(httpFailure(report, now: now))
            }
            return .failure(curlFailure(report))
        }
        if report.isFileURL {
            return .success(response(report, status: 200))
        }
        let status = report.status
        if (200..<300).contains(status) || status == 304 {
            return .success(response(report, status: status))
        }
        return .failure(httpFailure(report, now: now))
    }

    private static func response(_ report: TransferReport, status: Int) -> FetchResponse {
        FetchResponse(
            status: status, body: status == 304 ? Data() : report.body, headers: report.headers,
            effectiveURL: report.effectiveURL.isEmpty ? report.url : report.effectiveURL,
            permanentRedirect: permanentRedirect(report), wireBytes: report.wireBytes, duration: report.duration)
    }

    /// The final URL when at least one redirect was followed and every one was 301 or 308.
    static func permanentRedirect(_ report: TransferReport) -> String? {
        guard report.redirectCount > 0 else { return nil }
        let hops = report.statuses.filter { (300..<400).contains($0) && $0 != 304 }
        guard hops.count == report.redirectCount, hops.allSatisfy({ $0 == 301 || $0 == 308 }) else { return nil }
        return report.effectiveURL == report.url ? nil : report.effectiveURL
    }

    // MARK: HTTP answers

    private static func httpFailure(_ report: TransferReport, now: Date) -> FetchFailure {
        let status = report.status
        let statusText = report.reason.isEmpty ? "HTTP \(status)" : "HTTP \(status) \(report.reason)"
        let url = report.url
        if let wall = BotWallDetector.detect(status: status, headers: report.headers, body: report.body) {
            return FetchFailure(
                kind: .botWall,
                message: "\(url): blocked by \(wall) (\(statusText), a challenge page instead of the feed)",
                httpStatus: status)
        }
        let retryAfter = report.headers["retry-after"].flatMap { RetryAfter.seconds(from: $0, now: now) }
        let rateLimited = status == 429 || (status == 503 && retryAfter != nil)
        switch status {
        case 410:
            return FetchFailure(kind: .gone, message: "\(url): the feed is gone (\(statusText))", httpStatus: status)
        case _ where rateLimited:
            let wait = retryAfter.map { ", retry after \(Int($0.rounded(.up))) s" } ?? ""
            return FetchFailure(
                kind: .rateLimited, message: "\(url): rate limited (\(statusText)\(wait))", httpStatus: status,
                retryAfter: retryAfter)
        case 300..<400:
            return FetchFailure(
                kind: .redirect, message: "\(url): redirect without a usable Location (\(statusText))",
                httpStatus: status)
        default:
            return FetchFailure(kind: .http, message: "\(url): server answered \(statusText)", httpStatus: status)
        }
    }

    // MARK: Transport failures

    private static func curlFailure(_ report: TransferReport) -> FetchFailure {
        let code = report.curlCode
        let detail = report.errorBuffer.isEmpty ? report.curlText : report.errorBuffer
        let suffix = "(curl error \(code): \(detail))"
        let url = report.url
        let status = report.status == 0 ? nil : report.status
        func failure(_ kind: FetchFailure.Kind, _ what: String) -> FetchFailure {
            FetchFailure(kind: kind, message: "\(url): \(what) \(suffix)", httpStatus: status)
        }
        if report.exceededCap || code == curl(CURLE_FILESIZE_EXCEEDED) {
            return FetchFailure(
                kind: .tooLarge, message: "\(url): body larger than the \(report.maxBytes)-byte cap, transfer stopped",
                httpStatus: status)
        }
        switch code {
        case curl(CURLE_COULDNT_RESOLVE_HOST), curl(CURLE_COULDNT_RESOLVE_PROXY):
            return failure(.dns, "could not resolve the host name")
        case curl(CURLE_COULDNT_CONNECT):
            return failure(.refused, "connection refused or unreachable")
        case curl(CURLE_OPERATION_TIMEDOUT):
            let lowered = detail.lowercased()
            if lowered.hasPrefix("resolving timed out") {
                // The name server never answered: a DNS problem, not a slow web server.
                return failure(.dns, "could not resolve the host name in time")
            }
            return failure(.timeout, lowered.contains("too slow") ? "transfer too slow, aborted" : "timed out")
        case curl(CURLE_TOO_MANY_REDIRECTS):
            return failure(.redirect, "too many redirects (a loop?)")
        case curl(CURLE_UNSUPPORTED_PROTOCOL):
            if report.redirectCount > 0 || report.statuses.contains(where: { (300..<400).contains($0) }) {
                let location = report.redirectURL ?? report.headers["location"]
                let target = location.map { " to \($0)" } ?? ""
                return failure(.forbiddenScheme, "redirect\(target) refused: only http and https may be followed")
            }
            return failure(.forbiddenScheme, "URL scheme not allowed")
        case curl(CURLE_READ_ERROR), curl(CURLE_FILE_COULDNT_READ_FILE), curl(CURLE_RECV_ERROR), curl(CURLE_SEND_ERROR):
            return failure(.io, "read or write failed")
        default:
            if tlsCodes.contains(code) {
                return failure(.tls, "TLS failure")
            }
            return failure(.other, "transfer failed")
        }
    }

    private static func curl(_ value: CURLcode) -> Int { Int(value.rawValue) }

    private static let tlsCodes: Set<Int> = Set(
        [
            CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_USE_SSL_FAILED,
            CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
            CURLE_SSL_CLIENTCERT,
        ].map { Int($0.rawValue) })
}
