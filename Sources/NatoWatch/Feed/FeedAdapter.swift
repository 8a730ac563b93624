import Foundation

/// Adapts feedparser-style wire data to the ``FeedDocument`` model, applying the feedref
/// normalization rules (plain text, absolute links, UTC dates).
enum FeedAdapter {
    static let htmlTypes: Set<String> = ["text/html", "application/xhtml+xml", "html", "xhtml"]

    /// feedref `norm_text`: HTML-typed values are stripped and decoded; all are collapsed.
    static func normText(_ value: String?, type: String?, sanitized: Bool = true) -> String? {
        guard let value else { return nil }
        let t = FeedText.pyStrip(type ?? "").lowercased()
        let s = htmlTypes.contains(t) ? HTMLText.feedrefText(value, sanitized: sanitized) : FeedText.collapse(value)
        return s.isEmpty ? nil : s
    }

    static func normPlain(_ value: String?) -> String? {
        guard let value else { return nil }
        let s = FeedText.collapse(value)
        return s.isEmpty ? nil : s
    }

    static func normID(_ value: String?) -> String? {
        guard let value else { return nil }
        let s = FeedText.pyStrip(value)
        return s.isEmpty ? nil : s
    }

    static func normLength(_ value: String?) -> Int? {
        guard let value else { return nil }
        let s = FeedText.pyStrip(value)
        guard !s.isEmpty, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(s)
    }

    private static func summaryType(_ e: WireContext) -> String {
        if let t = e.detailTypes["summary"], !t.isEmpty { return t }
        let summary = e.values["summary"]
        for c in e.content where c.value == summary { return c.type.isEmpty ? "text/html" : c.type }
        return "text/html"
    }

    /// Plain text with paragraph breaks of a value of content type `type`.
    static func bodyText(_ value: String, type: String) -> String? {
        let t = type.lowercased()
        let s: String
        if htmlTypes.contains(t) {
            s = HTMLText.plainText(value)
        } else {
            // Blank lines separate paragraphs in plain text.
            var bytes = [UInt8]()
            bytes.reserveCapacity(value.utf8.count)
            var lineHasText = false
            var blank = 0
            for c in value.utf8 {
                if c == 10 {
                    if !lineHasText { blank += 1 }
                    if blank >= 1 && !lineHasText { bytes.append(1) } else { bytes.append(10) }
                    lineHasText = false
                    continue
                }
                if c != 13 && c != 32 && c != 9 { lineHasText = true; blank = 0 }
                bytes.append(c)
            }
            s = bytes.withUnsafeBufferPointer { HTMLText.paragraphs($0, separator: 1) }
        }
        return s.isEmpty ? nil : s
    }

    static func document(_ wire: WireFeed, base: String) -> FeedDocument {
        let feed = wire.feed
        var doc = FeedDocument(
            format: wire.version.isEmpty ? nil : wire.version,
            bozo: wire.bozo,
            bozoReason: wire.bozo ? wire.bozoReason : nil,
            title: normText(feed.values["title"], type: feed.detailTypes["title"] ?? "text/plain"),
            link: FeedURL.normLink(feed.values["link"], base: base),
            ttlMinutes: wire.ttl.flatMap { Int(FeedText.pyStrip($0)) })
        doc.entries.reserveCapacity(wire.entries.count)
        for e in wire.entries {
            var entry = FeedEntry()
            entry.id = normID(e.values["id"])
            entry.title = normText(e.values["title"], type: e.detailTypes["title"] ?? "text/plain")
            entry.link = FeedURL.normLink(e.values["link"], base: base)
            entry.published = e.publishedParsed ?? nil
            entry.updated = e.updatedParsed ?? nil
            let sType = summaryType(e)
            // HTML summaries are stripped once, with paragraph markers: collapsed for
            // `summaryText`, split into paragraphs for `contentText` when there is no content.
            // The paragraphs are only needed when no content supplies the body, so they are
            // split lazily from the kept stripped bytes.
            var summaryStripped: [UInt8]?
            if let raw = e.values["summary"], htmlTypes.contains(FeedText.pyStrip(sType).lowercased()) {
                let stripped = HTMLText.stripBytes(HTMLText.sanitizerRefs(raw), blockSeparator: "\u{1}", sgml: true)
                let s = stripped.withUnsafeBufferPointer { FeedText.collapse(bytes: $0, separator: 1) }
                entry.summaryText = s.isEmpty ? nil : s
                summaryStripped = stripped
            } else {
                entry.summaryText = normText(e.values["summary"], type: sType)
            }
            for a in e.authors {
                let p = FeedPerson(name: normPlain(a.name), email: normPlain(a.email), href: FeedURL.normLink(a.href, base: base))
                if p.name != nil || p.email != nil || p.href != nil { entry.authors.append(p) }
            }
            for t in e.tags {
                if let c = normPlain(t.term) ?? normPlain(t.label) { entry.categories.append(c) }
            }
            for l in e.links where l.attributes["rel"] == "enclosure" {
                guard let href = FeedURL.normLink(l.attributes["href"], base: base) else { continue }
                entry.enclosures.append(FeedEnclosure(href: href, type: normPlain(l.attributes["type"]), length: normLength(l.attributes["length"])))
            }
            // The fullest body: the longest text/HTML content, else the summary.
            var best: String?
            for c in e.content {
                let t = c.type.isEmpty ? "text/html" : c.type
                guard t.hasPrefix("text/") || htmlTypes.contains(t) || t.hasSuffix("xml") else { continue }
                if let b = bodyText(c.value, type: t.hasSuffix("xml") ? "application/xhtml+xml" : t), b.utf8.count > (best?.utf8.count ?? 0) { best = b }
            }
            if best == nil {
                let p = summaryStripped.map { $0.withUnsafeBufferPointer { HTMLText.paragraphs($0, separator: 1) } }
                if let p, !p.isEmpty { best = p } else if let s = e.values["summary"] { best = bodyText(s, type: sType) }
            }
            entry.contentText = best ?? entry.summaryText
            doc.entries.append(entry)
        }
        return doc
    }
}
