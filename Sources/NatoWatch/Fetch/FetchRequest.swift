import Foundation

/// One feed to fetch, with what the last fetch left behind for a conditional GET.
public struct FetchRequest: Sendable, Equatable {
    /// The caller's key for this feed (echoed in the result).
    public var key: String
    /// The URL to fetch (http, https, or file when `allowFileURL`).
    public var url: String
    /// `ETag` from the last 200 response, sent as `If-None-Match`.
    public var etag: String?
    /// `Last-Modified` from the last 200 response, sent as `If-Modified-Since`.
    public var lastModified: String?
    /// Whether a `file:` URL may be read (only the initial URL; redirects never reach `file:`).
    public var allowFileURL: Bool

    public init(key: String, url: String, etag: String? = nil, lastModified: String? = nil, allowFileURL: Bool = false) {
        self.key = key
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.allowFileURL = allowFileURL
    }
}

/// A completed transfer: 2xx with a body, or 304 Not Modified with none.
public struct FetchResponse: Sendable, Equatable {
    /// The final HTTP status (200…299 or 304); 200 for `file:` URLs.
    public var status: Int
    /// The decoded body (empty for 304).
    public var body: Data
    /// Response headers of the final response, names lower-cased; a repeated header keeps the last value.
    public var headers: [String: String]
    /// The URL the body came from after redirects.
    public var effectiveURL: String
    /// Set when every redirect in the chain was permanent (301/308): the feed's new URL.
    public var permanentRedirect: String?
    /// Bytes received on the wire (before decoding).
    public var wireBytes: Int
    /// Wall-clock duration of the transfer.
    public var duration: TimeInterval

    public init(
        status: Int, body: Data, headers: [String: String], effectiveURL: String,
        permanentRedirect: String? = nil, wireBytes: Int, duration: TimeInterval
    ) {
        self.status = status
        self.body = body
        self.headers = headers
        self.effectiveURL = effectiveURL
        self.permanentRedirect = permanentRedirect
        self.wireBytes = wireBytes
        self.duration = duration
    }

    /// True for 304 Not Modified.
    public var notModified: Bool { status == 304 }
    public var etag: String? { headers["etag"] }
    public var lastModified: String? { headers["last-modified"] }
    public var contentType: String? { headers["content-type"] }
}

/// Why a fetch failed, sorted into kinds an operator can act on.
public struct FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: String, Sendable, Codable {
        case dns, refused, tls, timeout, tooLarge = "too_large", redirect, forbiddenScheme = "forbidden_scheme"
        case http, gone, rateLimited = "rate_limited", botWall = "bot_wall", io, other
    }
    public var kind: Kind
    /// A readable reason, with the URL and the curl/HTTP detail.
    public var message: String
    /// The HTTP status, when the server answered.
    public var httpStatus: Int?
    /// Seconds the server asked us to wait (`Retry-After` on 429/503).
    public var retryAfter: TimeInterval?

    public init(kind: Kind, message: String, httpStatus: Int? = nil, retryAfter: TimeInterval? = nil) {
        self.kind = kind
        self.message = message
        self.httpStatus = httpStatus
        self.retryAfter = retryAfter
    }

    public var description: String { message }
}

/// Transport settings for fetching, from the config.
public struct FetchSettings: Sendable, Equatable {
    public var userAgent: String = NatoWatchVersion.userAgent
    public var connectTimeout: TimeInterval = 10
    public var totalTimeout: TimeInterval = 60
    /// Abort when fewer than `lowSpeedLimit` bytes/s arrive for `lowSpeedTime` seconds.
    public var lowSpeedLimit: Int = 100
    public var lowSpeedTime: TimeInterval = 30
    /// Cap on the decoded body.
    public var maxBytes: Int = 10 * 1024 * 1024
    public var maxRedirects: Int = 5
    public var maxConcurrency: Int = 16
    public var perHost: Int = 2
    /// Proxy URL; nil means the standard environment variables apply.
    public var proxy: String? = nil
    /// CA bundle path; nil means the system default.
    public var caBundle: String? = nil

    public init() {}
}

/// Fetches many feeds at once; results arrive as each transfer finishes.
///
/// A seam with a real implementation (``CurlFetcher``) and fakes in tests.
public protocol Fetcher: Sendable {
    /// Fetches every request, calling `onResult` (from any thread, one call at a time) as each finishes;
    /// returns when all are done or `cancel()` was called.
    func fetchAll(_ requests: [FetchRequest], onResult: @escaping @Sendable (FetchRequest, Result<FetchResponse, FetchFailure>) -> Void)
    /// Aborts transfers in flight (from any thread); `fetchAll` then returns promptly.
    func cancel()
}
