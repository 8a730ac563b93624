import Foundation

/// Renders a ``FeedDocument`` as the normalized "feedref" JSON document used to compare
/// parsers with Python feedparser (schema: `shared/corpus/feeds/README.md`).
public enum FeedrefJSON {
    /// The result feedref gives for a document that is not a feed.
    public static let notAFeed = FeedDocument(format: nil, bozo: true)

    /// `YYYY-MM-DDTHH:MM:SSZ` (UTC), or nil.
    public static func timestamp(_ date: Date?) -> String? {
        guard let date else { return nil }
        var secs = Int(date.timeIntervalSince1970.rounded(.down))
        let sod = ((secs % 86400) + 86400) % 86400
        secs -= sod
        let days = secs / 86400
        // civil_from_days
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        var y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        if m <= 2 { y += 1 }
        func p2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var ys = String(y)
        while ys.count < 4 { ys = "0" + ys }
        return "\(ys)-\(p2(m))-\(p2(d))T\(p2(sod / 3600)):\(p2(sod % 3600 / 60)):\(p2(sod % 60))Z"
    }

    /// The feedref JSON text of `doc` (one line, UTF-8, keys in schema order).
    public static func render(_ doc: FeedDocument) -> String {
        var o = "{\"format\":"
        str(doc.format, &o)
        o += ",\"bozo\":" + (doc.bozo ? "true" : "false")
        o += ",\"title\":"
        str(doc.title, &o)
        o += ",\"link\":"
        str(doc.link, &o)
        o += ",\"entries\":["
        for (i, e) in doc.entries.enumerated() {
            if i > 0 { o += "," }
            o += "{\"id\":"; str(e.id, &o)
            o += ",\"title\":"; str(e.title, &o)
            o += ",\"link\":"; str(e.link, &o)
            o += ",\"published\":"; str(timestamp(e.published), &o)
            o += ",\"updated\":"; str(timestamp(e.updated), &o)
            o += ",\"summary_text\":"; str(e.summaryText, &o)
            o += ",\"authors\":["
            for (k, a) in e.authors.enumerated() {
                if k > 0 { o += "," }
                o += "{\"name\":"; str(a.name, &o)
                o += ",\"email\":"; str(a.email, &o)
                o += ",\"href\":"; str(a.href, &o)
                o += "}"
            }
            o += "],\"categories\":["
            for (k, c) in e.categories.enumerated() {
                if k > 0 { o += "," }
                str(c, &o)
            }
            o += "],\"enclosures\":["
            for (k, x) in e.enclosures.enumerated() {
                if k > 0 { o += "," }
                o += "{\"href\":"; str(x.href, &o)
                o += ",\"type\":"; str(x.type, &o)
                o += ",\"length\":" + (x.length.map { String($0) } ?? "null")
                o += "}"
            }
            o += "]}"
        }
        o += "]}"
        return o
    }

    private static func str(_ s: String?, _ o: inout String) {
        guard let s, !s.isEmpty else { o += "null"; return }
        o += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": o += "\\\""
            case "\\": o += "\\\\"
            case "\n": o += "\\n"
            case "\r": o += "\\r"
            case "\t": o += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    o += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    o.unicodeScalars.append(u)
                }
            }
        }
        o += "\""
    }
}
