import Foundation

/// One alert: a new or changed fact, or a feed's health changing. Stored in the outbox,
/// then written as one line of the alert log.
public struct Alert: Sendable, Equatable, Codable {
    /// The earlier value of a changed pledge.
    public struct Previous: Sendable, Equatable, Codable {
        public var value: Double?
        public var targetYear: Int?
        enum CodingKeys: String, CodingKey {
            case value
            case targetYear = "target_year"
        }
        public init(value: Double?, targetYear: Int?) {
            self.value = value
            self.targetYear = targetYear
        }
    }

    public var ts: Date
    /// Stable id: the same fact change always gets the same id.
    public var id: String
    /// `pledge.new`, `pledge.changed`, `mission.change`, `feed.failing`, `feed.recovered`.
    public var kind: String
    public var actor: String?
    public var metric: String?
    public var value: Double?
    public var currency: String?
    public var targetYear: Int?
    public var previous: Previous?
    public var mission: String?
    public var change: String?
    public var place: String?
    public var status: String?
    public var title: String?
    public var url: String?
    public var feed: String?
    public var published: Date?
    public var evidence: String?
    /// Independent sources (hosts) known when the alert was raised.
    public var sources: Int?
    /// True when an official feed reported the fact.
    public var official: Bool?
    /// For feed alerts: the reason.
    public var reason: String?

    public init(ts: Date, id: String, kind: String) {
        self.ts = ts
        self.id = id
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey {
        case ts, id, kind, actor, metric, value, currency
        case targetYear = "target_year"
        case previous, mission, change, place, status, title, url, feed, published, evidence, sources, official, reason
    }
}
