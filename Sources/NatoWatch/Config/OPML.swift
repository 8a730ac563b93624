import Foundation

/// Reading and writing OPML subscription lists, the format feed readers import and export.
public enum OPML {
    /// One subscription.
    public struct Outline: Sendable, Equatable {
        public var title: String
        public var xmlURL: String
    }

    /// The feed outlines (`<outline xmlUrl="…">`) of an OPML document, in order, nested ones included.
    public static func parse(_ text: String) -> [Outline] {
        var out: [Outline] = []
        var rest = Substring(text)
        while let start = rest.range(of: "<outline", options: .caseInsensitive) {
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
            let attrs = attributes(String(rest[start.upperBound..<end]))
            if let url = attrs["xmlurl"], !url.isEmpty {
                let title = attrs["title"].flatMap { $0.isEmpty ? nil : $0 } ?? attrs["text"] ?? url
                out.append(Outline(title: title, xmlURL: url))
            }
            rest = rest[rest.index(after: end)...]
        }
        return out
    }

    static func attributes(_ s: String) -> [String: String] {
        var result: [String: String] = [:]
        let scalars = Array(s.unicodeScalars)
        var i = 0
        func skipSpace() { while i < scalars.count, CharacterSet.whitespacesAndNewlines.contains(scalars[i]) { i += 1 } }
        while i < scalars.count {
            skipSpace()
            var name = ""
            while i < scalars.count, scalars[i] != "=", !CharacterSet.whitespacesAndNewlines.contains(scalars[i]), scalars[i] != "/" {
                name.unicodeScalars.append(scalars[i])
                i += 1
            }
            skipSpace()
            guard i < scalars.count, scalars[i] == "=" else {
                i += 1
                continue
            }
            i += 1
            skipSpace()
            guard i < scalars.count else { break }
            let quote = scalars[i]
            var value = ""
            if quote == "\"" || quote == "'" {
                i += 1
                while i < scalars.count, scalars[i] != quote {
                    value.unicodeScalars.append(scalars[i])
                    i += 1
                }
                i += 1
            } else {
                while i < scalars.count, !CharacterSet.whitespacesAndNewlines.contains(scalars[i]) {
                    value.unicodeScalars.append(scalars[i])
                    i += 1
                }
            }
            if !name.isEmpty { result[name.lowercased()] = decodeEntities(value) }
        }
        return result
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = s
        for (e, r) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&#39;", "'")] {
            out = out.replacingOccurrences(of: e, with: r)
        }
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// An OPML 2.0 document listing `feeds`.
    public static func export(_ feeds: [FeedConfig], title: String = "natowatch feeds") -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head><title>\(escape(title))</title></head>\n  <body>\n"
        for f in feeds {
            s += "    <outline type=\"rss\" text=\"\(escape(f.name))\" title=\"\(escape(f.name))\" xmlUrl=\"\(escape(f.url))\"/>\n"
        }
        return s + "  </body>\n</opml>\n"
    }

    /// `feeds:` entries for a natowatch config, skipping URLs in `existing`.
    public static func yamlEntries(_ outlines: [Outline], existing: Set<String> = []) -> String {
        var seen = existing
        var s = ""
        for o in outlines where seen.insert(o.xmlURL).inserted {
            s += "  - name: \(yamlQuote(o.title))\n    url: \(yamlQuote(o.xmlURL))\n"
        }
        return s
    }

    static func yamlQuote(_ s: String) -> String {
        let cleaned = s.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(String.init).joined()
        return "\"" + cleaned.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
