import Foundation

/// A feedparser-style result dictionary (feed, entry, image, source…), as raw wire data:
/// values are unnormalized strings exactly as feedparser would hold them.
final class WireContext {
    /// Plain values by feedparser key (`title`, `link`, `summary`, `id`, `author`, …).
    var values = WireSlots<String>()
    /// feedparser's `property_depth_map` for this context.
    var depths = WireSlots<Int>()
    /// Content types of `<key>_detail` dictionaries (`title_detail`, `summary_detail`).
    var detailTypes = WireSlots<String>()
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

/// The few feedparser dictionary keys natowatch reads, stored in fixed slots (no hashing).
/// Writes to any other key are dropped: nothing ever reads them back.
struct WireSlots<Value> {
    private var slots: [Value?] = [nil, nil, nil, nil, nil, nil, nil, nil]

    @inline(__always)
    private static func index(_ key: String) -> Int? {
        switch key {
        case "title": return 0
        case "link": return 1
        case "summary": return 2
        case "id": return 3
        case "author": return 4
        case "guidislink": return 5
        case "href": return 6
        case "name": return 7
        default: return nil
        }
    }

    subscript(key: String) -> Value? {
        get { Self.index(key).flatMap { slots[$0] } }
        set { if let i = Self.index(key) { slots[i] = newValue } }
    }
}
