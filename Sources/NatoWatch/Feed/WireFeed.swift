import Foundation

/// A feedparser-style result dictionary (feed, entry, image, source…), as raw wire data:
/// values are unnormalized strings exactly as feedparser would hold them.
final class WireContext {
    /// Plain values by feedparser key (`title`, `link`, `summary`, `id`, `author`, …).
    var values: [String: String] = [:]
    /// feedparser's `property_depth_map` for this context.
    var depths: [String: Int] = [:]
    /// Content types of `<key>_detail` dictionaries (`title_detail`, `summary_detail`).
    var detailTypes: [String: String] = [:]
    var links: [WireLink] = []
    var authors: [WirePerson] = []
    /// `author_detail` / `publisher_detail` (may be the same object as one of `authors`).
    var authorDetail: WirePerson?
    var publisherDetail: WirePerson?
    var tags: [WireTag] = []
    var content: [(type: String, value: String)] = []
    /// `published_parsed` / `updated_parsed`: present (possibly nil) once saved.
    var publishedParsed: Date??
    var updatedParsed: Date??
    var image: WireContext?
    var textinput: WireContext?
    /// Non-text properties set from attributes (unknown elements with attributes, media…).
    var hasSummary: Bool { values["summary"] != nil }

    func setDefault(_ key: String, _ value: String) {
        if values[key] == nil { values[key] = value }
    }
}

/// A link dictionary (`rel`, `type`, `href`, `length`, …).
final class WireLink {
    var attributes: [String: String]
    init(_ attributes: [String: String]) { self.attributes = attributes }
}

/// An author/contributor dictionary.
final class WirePerson {
    var name: String?
    var email: String?
    var href: String?
    var isEmpty: Bool { name == nil && email == nil && href == nil }
}

/// A tag (category) dictionary.
struct WireTag: Equatable {
    var term: String?
    var scheme: String?
    var label: String?
}

/// Everything the XML pass extracted, before normalization into the model.
struct WireFeed {
    var version: String
    var bozo: Bool
    var bozoReason: String?
    var feed: WireContext
    var entries: [WireContext]
    /// The HTML page's advertised feeds, when the document is an HTML page.
    var discovered: [String] = []
    var ttl: String?
}
