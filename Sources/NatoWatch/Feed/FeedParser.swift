import Foundation

/// Parses feed documents of any supported format (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, CDF,
/// JSON Feed 1.0/1.1) into a ``FeedDocument``, agreeing with Python feedparser 6.0.14.
///
/// The XML path is a hand-written, byte-level tolerant tokenizer: it never loads external
/// entities or DTDs, bounds internal entity expansion and nesting depth, and recovers
/// ill-formed documents the way feedparser's lenient parser does (setting `bozo`).
public enum FeedParser {
    /// Parses `data` as if fetched from `baseURL`, with the HTTP `Content-Type` if known.
    ///
    /// Throws ``FeedError/Kind/notAFeed`` (with any advertised feed links) when the document is
    /// not a feed, ``FeedError/Kind/entityExpansion`` and ``FeedError/Kind/tooDeep`` for hostile
    /// XML.
    public static func parse(_ data: Data, baseURL: String, contentType: String? = nil) throws(FeedError) -> FeedDocument {
        let (doc, discovered) = try parseDocument([UInt8](data), baseURL: baseURL, contentType: contentType)
        if doc.format == nil && doc.entries.isEmpty {
            let msg = discovered.isEmpty ? "the document is not RSS, Atom or JSON Feed" : "the document is an HTML page, not a feed"
            throw FeedError(kind: .notAFeed, message: msg, discoveredFeeds: discovered)
        }
        return doc
    }

    /// Like ``parse(_:baseURL:contentType:)`` but returns a document with a nil `format` instead
    /// of throwing `notAFeed` (what `natowatch parse --json` prints for non-feeds).
    public static func parseLenient(_ data: Data, baseURL: String, contentType: String? = nil) throws(FeedError) -> FeedDocument {
        try parseDocument([UInt8](data), baseURL: baseURL, contentType: contentType).0
    }

    static func parseDocument(_ bytes: [UInt8], baseURL: String, contentType: String?) throws(FeedError) -> (FeedDocument, [String]) {
        if JSONFeedReader.looksLikeJSON(bytes) {
            return (JSONFeedReader.read(bytes, base: baseURL), [])
        }
        if bytes.isEmpty { return (FeedDocument(format: nil, bozo: false), []) }
        let wire = try parseXML(bytes, baseURL: baseURL, contentType: contentType)
        return (FeedAdapter.document(wire, base: baseURL), wire.discovered)
    }

    /// The XML pass: encoding, tokenizing and feedparser's element handlers.
    static func parseXML(_ bytes: [UInt8], baseURL: String, contentType: String?) throws(FeedError) -> WireFeed {
        let decoded = FeedEncoding.decode(bytes, contentType: contentType)
        var tokenizer = XMLTokenizer(bytes: decoded.utf8)
        let base = FeedURL.makeSafeAbsolute(base: baseURL, rel: nil) ?? baseURL
        var builder = FeedBuilder(baseURI: base)
        let wellFormed = try builder.run(&tokenizer)
        let problem = tokenizer.problem ?? builder.bozoReason
        let doctype = tokenizer.doctype
        if !wellFormed {
            // Like feedparser: start again from scratch with the lenient (SGML-style) parser.
            var loose = XMLTokenizer(bytes: decoded.utf8, loose: true)
            builder = FeedBuilder(baseURI: base, loose: true)
            try builder.run(&loose)
        }
        var version = builder.version
        if let dt = doctype, dt.lowercased().contains("netscape") { version = "rss091n" }
        let (feed, entries) = builder.result()
        let illFormed = !wellFormed
        var wire = WireFeed(
            version: version,
            bozo: decoded.bozo || illFormed,
            bozoReason: decoded.reason ?? problem,
            feed: feed, entries: entries)
        wire.ttl = builder.ttl
        if version.isEmpty && entries.isEmpty {
            wire.discovered = FeedDiscovery.alternateFeeds(decoded.utf8, base: baseURL)
        }
        return wire
    }
}
