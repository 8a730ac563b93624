import Foundation

/// Reads JSON Feed 1.0/1.1 documents the way the feedref reference maps them.
enum JSONFeedReader {
    /// True when the first non-blank byte (after a UTF-8 BOM) is `{` or `[`.
    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        var head = bytes.prefix(64)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        guard let f = head.first(where: { !($0 == 32 || $0 == 9 || $0 == 13 || $0 == 10) }) else { return false }
        return f == UInt8(ascii: "{") || f == UInt8(ascii: "[")
    }

    private static func versionFormat(_ v: String) -> String? {
        var s = FeedText.pyStrip(v)
        for p in ["https://jsonfeed.org/version/1", "http://jsonfeed.org/version/1"] where s.hasPrefix(p) {
            s = String(s.dropFirst(p.count))
            if s.hasSuffix("/") { s.removeLast() }
            if s.isEmpty { return "json1" }
            guard s.hasPrefix("."), s.count > 1 else { return nil }
            let digits = s.dropFirst()
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return digits == "0" ? "json1" : "json1" + digits
        }
        return nil
    }

    static func read(_ bytes: [UInt8], base: String) -> FeedDocument {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var bozo = false
        let text: String
        if let s = String(validating: body, as: UTF8.self) { text = s } else { text = String(decoding: body, as: UTF8.self); bozo = true }
        var doc: JSONValue
        if let d = JSONValue.parse(text, strict: true) { doc = d } else {
            bozo = true
            guard let d = JSONValue.parse(text, strict: false) else { return FeedrefJSON.notAFeed }
            doc = d
        }
        guard case .object = doc else { return FeedrefJSON.notAFeed }
        var versionText = ""
        switch doc["version"] {
        case .string(let s)?: versionText = s
        case .int(let i)?: versionText = String(i)
        default: break
        }
        guard let format = versionFormat(versionText) else { return FeedrefJSON.notAFeed }
        var out = FeedDocument(format: format, bozo: bozo)
        out.title = FeedAdapter.normPlain(doc["title"]?.string)
        out.link = doc["home_page_url"]?.string.flatMap { FeedURL.normLink($0, base: base) }
        guard case .array(let items)? = doc["items"] else {
            out.bozo = true
            return out
        }
        for item in items {
            guard case .object = item else { continue }
            var e = FeedEntry()
            switch item["id"] {
            case .string(let s)?: e.id = FeedAdapter.normID(s)
            case .int(let i)?: e.id = String(i)
            case .bigInt(let s)?: e.id = s
            case .double(let d)?:
                if d.isFinite && d == d.rounded() {
                    e.id = abs(d) < 1e18 ? String(Int(d)) : JSONFeedReader.exactInteger(d)
                } else {
                    e.id = pyFloat(d)
                }
            default: break
            }
            e.title = FeedAdapter.normPlain(item["title"]?.string)
            e.link = item["url"]?.string.flatMap { FeedURL.normLink($0, base: base) }
            e.published = item["date_published"]?.string.flatMap { FeedText.pyStrip($0).isEmpty ? nil : FeedDate.parse($0) }
            e.updated = item["date_modified"]?.string.flatMap { FeedText.pyStrip($0).isEmpty ? nil : FeedDate.parse($0) }
            e.summaryText = FeedAdapter.normPlain(item["summary"]?.string)
                ?? FeedAdapter.normPlain(item["content_text"]?.string)
                ?? FeedAdapter.normText(item["content_html"]?.string, type: "text/html", sanitized: false)
            if let html = item["content_html"]?.string, let t = FeedAdapter.bodyText(html, type: "text/html") {
                e.contentText = t
            } else if let t = item["content_text"]?.string.flatMap({ FeedAdapter.bodyText($0, type: "text/plain") }) {
                e.contentText = t
            } else {
                e.contentText = e.summaryText
            }
            var people: [JSONValue] = []
            if case .array(let a)? = item["authors"] { people = a } else if let a = item["author"], case .object = a { people = [a] }
            for p in people {
                guard case .object = p else { continue }
                var url = p["url"]?.string
                var email: String?
                if let u = url, u.lowercased().hasPrefix("mailto:") { email = String(u.dropFirst(7)); url = nil }
                let person = FeedPerson(name: FeedAdapter.normPlain(p["name"]?.string), email: FeedAdapter.normPlain(email),
                                        href: FeedURL.normLink(url, base: base))
                if person.name != nil || person.email != nil || person.href != nil { e.authors.append(person) }
            }
            // Python iterates whatever `tags` is: a list's items, a string's characters, an object's keys.
            switch item["tags"] {
            case .array(let tags)?:
                for t in tags { if let s = FeedAdapter.normPlain(t.string) { e.categories.append(s) } }
            case .string(let str)?:
                for ch in str.unicodeScalars { if let s = FeedAdapter.normPlain(String(ch)) { e.categories.append(s) } }
            case .object(let members)?:
                for (k, _) in members { if let s = FeedAdapter.normPlain(k) { e.categories.append(s) } }
            default: break
            }
            if case .array(let atts)? = item["attachments"] {
                for a in atts {
                    guard case .object = a, let href = a["url"]?.string.flatMap({ FeedURL.normLink($0, base: base) }) else { continue }
                    var length: Int?
                    switch a["size_in_bytes"] {
                    case .int(let i)?: length = i >= 0 ? i : nil
                    case .double(let d)?: length = d >= 0 && d == d.rounded() && d < 1e18 ? Int(d) : nil
                    case .string(let s)?: length = FeedAdapter.normLength(s)
                    default: break
                    }
                    e.enclosures.append(FeedEnclosure(href: href, type: FeedAdapter.normPlain(a["mime_type"]?.string), length: length))
                }
            }
            out.entries.append(e)
        }
        return out
    }

    private static func pyFloat(_ d: Double) -> String { "\(d)" }

    /// The exact decimal digits of an integral double (Python's `str(int(d))`).
    static func exactInteger(_ d: Double) -> String {
        let neg = d < 0
        var mant = UInt64(d.significandBitPattern) | (1 << 52)
        var exp = Int(d.exponent) - 52
        if exp < 0 { mant >>= UInt64(-exp); exp = 0 }
        // Little-endian base-2^32 limbs of mant << exp.
        var limbs: [UInt32] = [UInt32(truncatingIfNeeded: mant), UInt32(truncatingIfNeeded: mant >> 32)]
        for _ in 0..<exp {
            var carry: UInt32 = 0
            for k in limbs.indices {
                let v = UInt64(limbs[k]) << 1 | UInt64(carry)
                limbs[k] = UInt32(truncatingIfNeeded: v)
                carry = UInt32(v >> 32)
            }
            if carry != 0 { limbs.append(carry) }
        }
        var digits: [Character] = []
        while limbs.contains(where: { $0 != 0 }) {
            var rem: UInt64 = 0
            for k in limbs.indices.reversed() {
                let v = rem << 32 | UInt64(limbs[k])
                limbs[k] = UInt32(v / 10)
                rem = v % 10
            }
            digits.append(Character(String(rem)))
        }
        if digits.isEmpty { return "0" }
        return (neg ? "-" : "") + String(digits.reversed())
    }
}
