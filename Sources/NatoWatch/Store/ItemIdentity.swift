import Foundation

/// How natowatch recognises an item it has seen: the key it is stored under, and the
/// normalised title and content hash used to spot the same story elsewhere.
public struct ItemIdentity: Sendable, Equatable {
    public var key: String
    public var canonicalURL: String?
    public var normalizedTitle: String?
    public var contentHash: String

    /// Keys for every entry of a document. When the feed's guids are unreliable (several entries
    /// share one), keys fall back to the link, then to a hash of link and title.
    public static func keys(for entries: [FeedEntry]) -> [ItemIdentity] {
        var idCounts: [String: Int] = [:]
        for e in entries { if let id = e.id, !id.isEmpty { idCounts[id, default: 0] += 1 } }
        var linkCounts: [String: Int] = [:]
        for e in entries { if let l = e.link, !l.isEmpty { linkCounts[l, default: 0] += 1 } }
        let guidsUnreliable = idCounts.values.contains(where: { $0 > 1 })
        let linksUnreliable = linkCounts.values.contains(where: { $0 > 1 })
        return entries.map { identity(of: $0, trustGuid: !guidsUnreliable, trustLink: !linksUnreliable) }
    }

    static func identity(of e: FeedEntry, trustGuid: Bool, trustLink: Bool = true) -> ItemIdentity {
        let key: String
        if trustGuid, let id = e.id, !id.isEmpty {
            key = "id:" + id
        } else if let link = e.link, !link.isEmpty, trustLink {
            key = "link:" + CanonicalURL.canonicalize(link)
        } else {
            let date = (e.published ?? e.updated).map { String(Int($0.timeIntervalSince1970)) } ?? ""
            key = "hash:" + StableHash.hex(e.link ?? "", e.title ?? "", date)
        }
        let body = e.contentText ?? e.summaryText ?? ""
        return ItemIdentity(
            key: key,
            canonicalURL: e.link.map(CanonicalURL.canonicalize),
            normalizedTitle: normalizeTitle(e.title),
            contentHash: StableHash.hex(normalizeTitle(e.title) ?? "", body))
    }

    /// Lower-cased letters and digits separated by single spaces; nil when too short to compare.
    public static func normalizeTitle(_ title: String?) -> String? {
        guard let title else { return nil }
        var out = ""
        var pendingSpace = false
        for ch in title.lowercased() {
            if ch.isLetter || ch.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            } else {
                pendingSpace = true
            }
        }
        return out.count >= 12 ? out : nil
    }
}
