import Foundation

/// What one fetch cycle did, for the operator, `status` and systemd's `STATUS=`.
public struct CycleSummary: Sendable, Equatable, Codable {
    /// One feed that failed, and why.
    public struct Failure: Sendable, Equatable, Codable {
        public var name: String
        public var url: String
        public var kind: String
        public var reason: String
    }

    public var startedAt: Date
    public var duration: TimeInterval = 0
    public var feedsFetched = 0
    public var feedsOK = 0
    public var feedsNotModified = 0
    public var feedsFailed = 0
    public var newItems = 0
    public var matches = 0
    public var alerts = 0
    public var failures: [Failure] = []
    /// Bytes received on the wire.
    public var wireBytes = 0

    public init(startedAt: Date) {
        self.startedAt = startedAt
    }

    enum CodingKeys: String, CodingKey {
        case startedAt = "started_at"
        case duration
        case feedsFetched = "feeds_fetched"
        case feedsOK = "feeds_ok"
        case feedsNotModified = "feeds_not_modified"
        case feedsFailed = "feeds_failed"
        case newItems = "new_items"
        case matches, alerts, failures
        case wireBytes = "wire_bytes"
    }

    /// One line: `12 feeds: 11 ok (9 not modified), 1 failed; 14 new items, 3 matches, 2 alerts`.
    public var line: String {
        "\(feedsFetched) feeds: \(feedsOK) ok (\(feedsNotModified) not modified), \(feedsFailed) failed; "
            + "\(newItems) new items, \(matches) matches, \(alerts) alerts"
    }
}
