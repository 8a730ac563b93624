import Foundation

/// What the database remembers about one feed between fetches.
public struct FeedState: Sendable, Equatable, Codable {
    public var url: String
    public var name: String
    public var active: Bool = true
    /// Where a chain of permanent redirects led; used for the next fetches.
    public var movedTo: String?
    public var etag: String?
    public var lastModified: String?
    public var lastFetchAt: Date?
    public var lastSuccessAt: Date?
    public var lastStatus: Int?
    public var lastError: String?
    public var lastErrorKind: String?
    public var consecutiveFailures: Int = 0
    public var nextDueAt: Date?
    public var bytes: Int?
    public var duration: Double?
    public var itemsInFeed: Int?
    /// The first successful fetch (the baseline) is done.
    public var baselineDone: Bool = false
    /// A `feed.failing` alert was raised and no `feed.recovered` since.
    public var failingAlerted: Bool = false
    /// Set when the feed was disabled (410 Gone).
    public var disabledReason: String?

    public init(url: String, name: String) {
        self.url = url
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case url, name, active
        case movedTo = "moved_to"
        case etag
        case lastModified = "last_modified"
        case lastFetchAt = "last_fetch_at"
        case lastSuccessAt = "last_success_at"
        case lastStatus = "last_status"
        case lastError = "last_error"
        case lastErrorKind = "last_error_kind"
        case consecutiveFailures = "consecutive_failures"
        case nextDueAt = "next_due_at"
        case bytes, duration
        case itemsInFeed = "items_in_feed"
        case baselineDone = "baseline_done"
        case failingAlerted = "failing_alerted"
        case disabledReason = "disabled_reason"
    }
}
