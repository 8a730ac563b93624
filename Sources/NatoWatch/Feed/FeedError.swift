/// Why a document could not be read as a feed.
public struct FeedError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad class of failure.
    public enum Kind: String, Sendable {
        case notAFeed = "not a feed"
        case malformed = "malformed"
        case entityExpansion = "entity expansion limit"
        case tooDeep = "nesting too deep"
        case tooLarge = "too large"
    }
    public var kind: Kind
    public var message: String
    /// Feed URLs an HTML page advertises (`<link rel="alternate" type="application/rss+xml">`).
    public var discoveredFeeds: [String]

    public init(kind: Kind, message: String, discoveredFeeds: [String] = []) {
        self.kind = kind
        self.message = message
        self.discoveredFeeds = discoveredFeeds
    }

    public var description: String {
        var s = "\(kind.rawValue): \(message)"
        if !discoveredFeeds.isEmpty { s += " (the page advertises: \(discoveredFeeds.joined(separator: ", ")))" }
        return s
    }
}
