import Foundation

/// What a ``LoopbackHTTPServer`` route answers: a status, headers and a body that may be sent
/// all at once, trickled, sent without end, or never sent at all.
public struct LoopbackResponse: Sendable {
    /// How the body goes out.
    public enum Body: Sendable {
        /// The bytes, with a `Content-Length`.
        case bytes(Data)
        /// The bytes with a `Content-Length`, but one byte every `interval` seconds.
        case trickle(Data, interval: TimeInterval)
        /// `chunk` repeated until the client hangs up or the server stops; no length, connection closed after.
        case endless(chunk: Data)
        /// `prefix` once, then `chunk` repeated like ``endless(chunk:)`` (with ``Gzip/endlessZeros()``:
        /// a gzip stream that never ends).
        case stream(prefix: Data, chunk: Data)
        /// Nothing at all, not even a status line: the connection stays open until the client gives up
        /// or the server stops.
        case hang
    }

    public var status: Int
    /// Header fields in order. `Content-Length` and `Connection` are added by the server.
    public var headers: [(name: String, value: String)]
    public var body: Body
    /// Seconds to wait before answering (interrupted by `stop()`).
    public var delay: TimeInterval

    public init(
        status: Int = 200, headers: [(name: String, value: String)] = [], body: Body = .bytes(Data()),
        delay: TimeInterval = 0
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    /// 200 with a text body, `Content-Type` as given (an RSS feed by default).
    public static func ok(_ text: String, contentType: String = "application/rss+xml; charset=utf-8")
        -> LoopbackResponse
    {
        LoopbackResponse(status: 200, headers: [("Content-Type", contentType)], body: .bytes(Data(text.utf8)))
    }

    /// 200 with the given bytes and headers.
    public static func ok(_ data: Data, headers: [(name: String, value: String)] = []) -> LoopbackResponse {
        LoopbackResponse(status: 200, headers: headers, body: .bytes(data))
    }

    /// 200 with the contents of a file (a fixture feed, say).
    public static func ok(
        contentsOf file: URL, contentType: String = "application/rss+xml; charset=utf-8"
    ) throws -> LoopbackResponse {
        LoopbackResponse(
            status: 200, headers: [("Content-Type", contentType)], body: .bytes(try Data(contentsOf: file)))
    }

    /// Any status with a short text body (`text/plain` unless `headers` says otherwise).
    public static func status(_ status: Int, _ text: String = "", headers: [(name: String, value: String)] = [])
        -> LoopbackResponse
    {
        var all = headers
        if !all.contains(where: { $0.name.lowercased() == "content-type" }) {
            all.append(("Content-Type", "text/plain; charset=utf-8"))
        }
        return LoopbackResponse(status: status, headers: all, body: .bytes(Data(text.utf8)))
    }

    /// A redirect (302 unless told) to `location`, which may be relative.
    public static func redirect(to location: String, status: Int = 302) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Location", location)], body: .bytes(Data()))
    }

    /// The connection is accepted, the request read, and no answer ever comes.
    public static let hang = LoopbackResponse(body: .hang)

    /// The body gzip-encoded, with `Content-Encoding: gzip` (sent whatever the request accepts).
    public static func gzip(_ data: Data, contentType: String = "application/rss+xml; charset=utf-8")
        -> LoopbackResponse
    {
        LoopbackResponse(
            status: 200, headers: [("Content-Type", contentType), ("Content-Encoding", "gzip")],
            body: .bytes(Gzip.compress(data)))
    }

    /// The same answer after `seconds`.
    public func delayed(_ seconds: TimeInterval) -> LoopbackResponse {
        var copy = self
        copy.delay = seconds
        return copy
    }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
