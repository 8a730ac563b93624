import Foundation

/// A parsed feed, whatever its wire format (RSS 0.9x/1.0/2.0, Atom, JSON Feed).
///
/// Text fields hold plain text (markup stripped per the feedref rules); URLs are absolute.
public struct FeedDocument: Sendable, Equatable {
    /// feedparser's `version` code (`rss20`, `atom10`, `json11`, …); nil when not recognised.
    public var format: String?
    /// True when the document was not well-formed or its encoding was wrong (feedparser's `bozo`).
    public var bozo: Bool
    /// Why `bozo` is set, for the operator.
    public var bozoReason: String?
    /// The feed's title.
    public var title: String?
    /// The feed's home page link.
    public var link: String?
    /// RSS `<ttl>` in minutes, a hint for the scheduler.
    public var ttlMinutes: Int?
    /// The items or entries in document order.
    public var entries: [FeedEntry]

    public init(
        format: String? = nil, bozo: Bool = false, bozoReason: String? = nil, title: String? = nil,
        link: String? = nil, ttlMinutes: Int? = nil, entries: [FeedEntry] = []
    ) {
        self.format = format
        self.bozo = bozo
        self.bozoReason = bozoReason
        self.title = title
        self.link = link
        self.ttlMinutes = ttlMinutes
        self.entries = entries
    }
}

/// One item of a feed.
public struct FeedEntry: Sendable, Equatable {
    /// The guid / Atom id / `rdf:about`, as feedparser reports it; never synthesised.
    public var id: String?
    /// Plain-text title.
    public var title: String?
    /// Absolute alternate link.
    public var link: String?
    /// Publication date (UTC).
    public var published: Date?
    /// Last-updated date (UTC).
    public var updated: Date?
    /// The summary as plain text, whitespace collapsed (feedref `summary_text`).
    public var summaryText: String?
    /// The fullest body available (content:encoded, Atom content, else the summary) as plain
    /// text with paragraph breaks kept (`\n\n` between blocks): what the classifier reads.
    public var contentText: String?
    /// Authors in document order.
    public var authors: [FeedPerson]
    /// Category terms in document order.
    public var categories: [String]
    /// Enclosures (podcasts, images).
    public var enclosures: [FeedEnclosure]

    public init(
        id: String? = nil, title: String? = nil, link: String? = nil, published: Date? = nil,
        updated: Date? = nil, summaryText: String? = nil, contentText: String? = nil,
        authors: [FeedPerson] = [], categories: [String] = [], enclosures: [FeedEnclosure] = []
    ) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.summaryText = summaryText
        self.contentText = contentText
        self.authors = authors
        self.categories = categories
        self.enclosures = enclosures
    }
}

/// A person named by a feed (author, creator).
public struct FeedPerson: Sendable, Equatable, Codable {
    public var name: String?
    public var email: String?
    public var href: String?
    public init(name: String? = nil, email: String? = nil, href: String? = nil) {
        self.name = name
        self.email = email
        self.href = href
    }
}

/// A file attached to an entry.
public struct FeedEnclosure: Sendable, Equatable, Codable {
    public var href: String
    public var type: String?
    public var length: Int?
    public init(href: String, type: String? = nil, length: Int? = nil) {
        self.href = href
        self.type = type
        self.length = length
    }
}
