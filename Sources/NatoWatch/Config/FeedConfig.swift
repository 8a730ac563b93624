/// One feed from the `feeds:` list.
public struct FeedConfig: Sendable, Equatable {
    /// Display name (defaults to the URL).
    public var name: String
    /// The URL as configured; identifies the feed in the database.
    public var url: String
    /// The URL actually fetched: `url` with a relative `file:` path resolved against the config's folder.
    public var fetchURL: String
    /// Per-feed poll interval, overriding the global one.
    public var interval: Double?
    /// A government or NATO feed: facts from it count as officially confirmed.
    public var official: Bool
    /// Line of the entry in the config file, for messages.
    public var line: Int?

    public init(name: String, url: String, fetchURL: String? = nil, interval: Double? = nil, official: Bool = false, line: Int? = nil) {
        self.name = name
        self.url = url
        self.fetchURL = fetchURL ?? url
        self.interval = interval
        self.official = official
        self.line = line
    }
}
