import Foundation

/// Recognises an anti-bot challenge page (Cloudflare, Akamai, DDoS-Guard, …) served instead of a feed.
///
/// Only 403, 429 and 503 answers are considered: those are the statuses challenge pages use.
enum BotWallDetector {
    /// Body phrases that challenge pages show; matched case-insensitively in the first 64 KiB.
    static let bodyMarkers = [
        "just a moment", "attention required", "captcha", "cf-chl", "challenge-platform",
        "checking your browser", "ddos-guard", "please enable cookies",
        "_incapsula_resource", "px-captcha",
    ]
    /// `Server` header values of CDNs whose HTML error answers are challenges.
    static let challengeServers = ["cloudflare", "akamaighost", "ddos-guard", "sucuri"]

    /// The name of the wall, or nil when the answer does not look like one.
    ///
    /// Strong signs: a `cf-mitigated` header, or an HTML page with a challenge phrase. A weak sign, an
    /// HTML error page from a CDN's server, counts only when no `Retry-After` makes it a plain rate limit.
    static func detect(status: Int, headers: [String: String], body: Data) -> String? {
        guard status == 403 || status == 429 || status == 503 else { return nil }
        if headers["cf-mitigated"] != nil { return "Cloudflare" }
        let server = headers["server"]?.lowercased() ?? ""
        let isHTML = (headers["content-type"]?.lowercased().contains("html") ?? false) || looksLikeHTML(body)
        guard isHTML else { return nil }
        let cdn = challengeServers.first { server.contains($0) }.map { $0 == "akamaighost" ? "Akamai" : $0.capitalized }
        let text = String(decoding: body.prefix(65536), as: UTF8.self).lowercased()
        if bodyMarkers.contains(where: { text.contains($0) }) {
            return cdn ?? (server.isEmpty ? "a bot challenge" : "a bot challenge (server: \(server))")
        }
        if let cdn, headers["retry-after"] == nil { return cdn }
        return nil
    }

    private static func looksLikeHTML(_ body: Data) -> Bool {
        let head = String(decoding: body.prefix(512), as: UTF8.self).lowercased()
        return head.contains("<!doctype html") || head.contains("<html")
    }
}
