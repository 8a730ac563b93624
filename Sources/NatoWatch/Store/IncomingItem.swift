import Foundation

/// A new item, classified outside the write transaction, ready to be stored.
public struct IncomingItem: Sendable {
    public var identity: ItemIdentity
    public var entry: FeedEntry
    public var text: String
    public var classification: Classification

    public init(identity: ItemIdentity, entry: FeedEntry, text: String, classification: Classification) {
        self.identity = identity
        self.entry = entry
        self.text = text
        self.classification = classification
    }
}

/// The policy an ingest applies: which items may alert, and the novelty windows.
public struct IngestPolicy: Sendable {
    public var now: Date
    /// This is the feed's first successful fetch: undated items do not alert.
    public var baseline: Bool
    /// Only items published within this age may alert; 0 means no limit.
    public var alertMaxAge: TimeInterval
    public var storyWindow: TimeInterval
    public var missionWindow: TimeInterval

    public init(now: Date, baseline: Bool, alertMaxAge: TimeInterval, storyWindow: TimeInterval, missionWindow: TimeInterval) {
        self.now = now
        self.baseline = baseline
        self.alertMaxAge = alertMaxAge
        self.storyWindow = storyWindow
        self.missionWindow = missionWindow
    }

    /// Whether an item with this publication date may raise alerts.
    public func mayAlert(published: Date?) -> Bool {
        if alertMaxAge <= 0 { return true }
        guard let published else { return !baseline }
        return now.timeIntervalSince(published) <= alertMaxAge
    }
}

/// What an ingest stored.
public struct IngestResult: Sendable, Equatable {
    public var newItems = 0
    public var matches = 0
    public var facts = 0
    public var alerts: [Alert] = []
    public init() {}
}

/// Where a fact was read: the item, its feed and host, and whether the feed is official.
struct FactSource {
    var itemID: Int64
    var feedURL: String
    var feedName: String
    var host: String?
    var official: Bool
    var title: String?
    var url: String?
    var published: Date?
}
