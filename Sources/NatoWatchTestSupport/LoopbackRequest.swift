import Foundation

/// A request the ``LoopbackHTTPServer`` received, as recorded for assertions.
public struct LoopbackRequest: Sendable, Equatable {
    /// `GET`, `HEAD`, …
    public var method: String
    /// The request target as sent, query included (`/feed.xml?x=1`).
    public var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var version: String
    /// Header fields, names lower-cased; a repeated header keeps the last value.
    public var headers: [String: String]
    /// Which accepted connection carried it (1, 2, … in accept order), to observe keep-alive reuse.
    public var connection: Int
    /// The request body (for POSTs), as received.
    public var body: Data

    public init(method: String, target: String, version: String, headers: [String: String], connection: Int, body: Data = Data()) {
        self.body = body
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.connection = connection
    }

    /// The target without its query string.
    public var path: String {
        String(target.prefix { $0 != "?" })
    }

    /// A header value by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
