import Foundation

/// The canonical form of an article URL, for recognising the same story across feeds:
/// scheme and host lower-cased, default port, fragment and tracking parameters dropped.
public enum CanonicalURL {
    static let trackingPrefixes = ["utm_", "mc_", "pk_", "hsa_", "__hs", "_hs", "mtm_"]
    static let trackingNames: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mkt_tok", "ocid",
        "cmpid", "ncid", "ref_src", "spm", "_ga", "_gl", "oly_enc_id", "oly_anon_id", "vero_id", "smid", "sr_share",
    ]

    /// The canonical form, or the trimmed input when it is not a parseable absolute URL.
    public static func canonicalize(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard var c = URLComponents(string: trimmed), let scheme = c.scheme?.lowercased(), c.host != nil else {
            return trimmed
        }
        c.scheme = scheme
        c.host = c.host?.lowercased()
        if (scheme == "http" && c.port == 80) || (scheme == "https" && c.port == 443) { c.port = nil }
        c.fragment = nil
        if let items = c.queryItems {
            let kept = items.filter { item in
                let n = item.name.lowercased()
                return !trackingNames.contains(n) && !trackingPrefixes.contains(where: { n.hasPrefix($0) })
            }
            c.queryItems = kept.isEmpty ? nil : kept
        }
        if c.path.isEmpty { c.path = "/" }
        return c.string ?? trimmed
    }

    /// The host of a URL, lower-cased, without a leading `www.`.
    public static func host(_ raw: String) -> String? {
        guard let h = URLComponents(string: raw.trimmingCharacters(in: .whitespaces))?.host?.lowercased() else { return nil }
        return h.hasPrefix("www.") ? String(h.dropFirst(4)) : h
    }
}
