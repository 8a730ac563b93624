import Foundation

/// A human-readable rendering of a ``FeedDocument`` (`natowatch parse` without `--json`).
public enum FeedSummary {
    /// Multi-line text: the feed header, then one block per entry.
    public static func readable(_ doc: FeedDocument) -> String {
        var lines: [String] = []
        lines.append("format:  \(doc.format ?? "unknown")\(doc.bozo ? "  (ill-formed: \(doc.bozoReason ?? "yes"))" : "")")
        lines.append("title:   \(doc.title ?? "-")")
        lines.append("link:    \(doc.link ?? "-")")
        if let ttl = doc.ttlMinutes { lines.append("ttl:     \(ttl) min") }
        lines.append("entries: \(doc.entries.count)")
        for (i, e) in doc.entries.enumerated() {
            lines.append("")
            lines.append("[\(i + 1)] \(e.title ?? "(untitled)")")
            if let l = e.link { lines.append("    link:      \(l)") }
            if let id = e.id, id != e.link { lines.append("    id:        \(id)") }
            if let p = FeedrefJSON.timestamp(e.published) { lines.append("    published: \(p)") }
            if let u = FeedrefJSON.timestamp(e.updated) { lines.append("    updated:   \(u)") }
            let who = e.authors.compactMap { $0.name ?? $0.email }
            if !who.isEmpty { lines.append("    authors:   \(who.joined(separator: ", "))") }
            if !e.categories.isEmpty { lines.append("    tags:      \(e.categories.joined(separator: ", "))") }
            for x in e.enclosures { lines.append("    enclosure: \(x.href)\(x.type.map { " (\($0))" } ?? "")") }
            if let s = e.summaryText {
                let short = s.count > 200 ? String(s.prefix(200)) + "…" : s
                lines.append("    summary:   \(short)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
