/// Finds the feeds an HTML page advertises with `<link rel="alternate" type="…">`.
enum FeedDiscovery {
    static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"]

    /// Absolute hrefs of the page's alternate feed links, in document order, without duplicates.
    static func alternateFeeds(_ utf8: [UInt8], base: String) -> [String] {
        var t = XMLTokenizer(bytes: utf8)
        var found: [String] = []
        var pageBase = base
        var budget = 200_000
        while budget > 0, let tok = try? t.next() {
            budget -= 1
            guard case .start(let name, let attrs, _) = tok else { continue }
            let lname = name.lowercased()
            var d: [String: String] = [:]
            for a in attrs { d[a.name.lowercased()] = a.value }
            if lname == "base", let h = d["href"] { pageBase = FeedURL.urljoin(base, FeedText.pyStrip(h)) }
            guard lname == "link" else { continue }
            let rels = (d["rel"] ?? "").lowercased().split(separator: " ").map(String.init)
            let type = FeedText.pyStrip((d["type"] ?? "").lowercased())
            guard rels.contains("alternate"), feedTypes.contains(type), let href = d["href"],
                  let abs = FeedURL.normLink(href, base: pageBase) else { continue }
            if !found.contains(abs) { found.append(abs) }
        }
        return found
    }
}
