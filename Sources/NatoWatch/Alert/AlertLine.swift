import Foundation

/// Renders an alert as exactly one line. Every control character, line separator and terminal
/// escape in article text is escaped, so no article can break a line or forge another.
public enum AlertLine {
    /// The line for `alert` in `format`, without the trailing newline.
    public static func render(_ alert: Alert, format: AlertFormat) -> String {
        let a = bounded(alert)
        switch format {
        case .jsonl: return json(a)
        case .text: return text(a)
        }
    }

    /// Longest title, evidence, reason, feed name and URL an alert line carries (in characters).
    /// A feed can put megabytes in one title; an unbounded line would defeat the log's tail check
    /// for already-written ids (``AlertLog/idsPresentAtTail(_:window:)``) and swamp any reader.
    public static let maxTitle = 500
    public static let maxEvidence = 1000
    public static let maxURL = 2048

    static func bounded(_ alert: Alert) -> Alert {
        var a = alert
        a.title = a.title.map { clip($0, maxTitle) }
        a.evidence = a.evidence.map { clip($0, maxEvidence) }
        a.reason = a.reason.map { clip($0, maxEvidence) }
        a.feed = a.feed.map { clip($0, maxTitle) }
        a.url = a.url.map { clip($0, maxURL) }
        a.actor = a.actor.map { clip($0, maxTitle) }
        return a
    }

    static func clip(_ s: String, _ limit: Int) -> String {
        guard s.count > limit else { return s }
        return String(s.prefix(limit - 1)) + "…"
    }

    // MARK: JSON

    static func json(_ a: Alert) -> String {
        var o = JSONObjectWriter()
        o.add("ts", .string(iso(a.ts)))
        o.add("id", .string(a.id))
        o.add("kind", .string(a.kind))
        if a.kind.hasPrefix("pledge.") {
            o.add("actor", a.actor.map { .string($0) } ?? .null)
            o.add("metric", a.metric.map { .string($0) } ?? .null)
            o.add("value", a.value.map { .number($0) } ?? .null)
            o.add("currency", a.currency.map { .string($0) } ?? .null)
            o.add("target_year", a.targetYear.map { .number(Double($0)) } ?? .null)
            if a.kind == "pledge.changed" || a.previous != nil {
                if let p = a.previous {
                    var po = JSONObjectWriter()
                    po.add("value", p.value.map { .number($0) } ?? .null)
                    po.add("target_year", p.targetYear.map { .number(Double($0)) } ?? .null)
                    o.add("previous", .raw(po.finish()))
                } else {
                    o.add("previous", .null)
                }
            }
            o.add("status", a.status.map { .string($0) } ?? .null)
        } else if a.kind.hasPrefix("mission.") {
            o.add("mission", a.mission.map { .string($0) } ?? .null)
            o.add("change", a.change.map { .string($0) } ?? .null)
            o.add("place", a.place.map { .string($0) } ?? .null)
            o.add("status", a.status.map { .string($0) } ?? .null)
        } else {
            o.add("reason", a.reason.map { .string($0) } ?? .null)
        }
        o.add("title", a.title.map { .string($0) } ?? .null)
        o.add("url", a.url.map { .string($0) } ?? .null)
        o.add("feed", a.feed.map { .string($0) } ?? .null)
        o.add("published", a.published.map { .string(iso($0)) } ?? .null)
        if a.kind.hasPrefix("pledge.") || a.kind.hasPrefix("mission.") {
            o.add("evidence", a.evidence.map { .string($0) } ?? .null)
            o.add("sources", a.sources.map { .number(Double($0)) } ?? .null)
            o.add("official", a.official.map { .bool($0) } ?? .null)
        }
        return o.finish()
    }

    // MARK: Text

    static func text(_ a: Alert) -> String {
        var parts: [String] = [iso(a.ts)]
        switch a.kind {
        case "pledge.new", "pledge.changed":
            parts.append(a.kind == "pledge.new" ? "PLEDGE NEW" : "PLEDGE CHANGED")
            var what = a.actor ?? "?"
            what += " " + describeValue(metric: a.metric, value: a.value, currency: a.currency)
            if let y = a.targetYear { what += " by \(y)" }
            if let p = a.previous {
                what += " (was " + describeValue(metric: a.metric, value: p.value, currency: a.currency)
                if let y = p.targetYear { what += " by \(y)" }
                what += ")"
            }
            parts.append(what)
        case "mission.change":
            parts.append("MISSION \((a.change ?? "other").uppercased())")
            var what = a.mission ?? "?"
            if let place = a.place, !(a.mission ?? "").contains(place) { what += " (\(place))" }
            if let s = a.status { what += " [\(s)]" }
            parts.append(what)
        default:
            parts.append(a.kind.uppercased().replacingOccurrences(of: ".", with: " "))
            if let f = a.feed { parts.append(f) }
            if let r = a.reason { parts.append(r) }
        }
        var line = parts.map(escapeText).joined(separator: " ")
        if let t = a.title { line += " — \"" + escapeText(t) + "\"" }
        if let u = a.url { line += " " + escapeText(u) }
        if let e = a.evidence, a.title == nil { line += " — " + escapeText(e) }
        line += " [" + escapeText(a.id) + "]"
        return line
    }

    /// A pledge value in words: `3% of GDP`, `EUR 500 billion`.
    public static func describeValue(metric: String?, value: Double?, currency: String?) -> String {
        guard let value else { return "?" }
        if metric == "pct_gdp" { return "\(trim(value))% of GDP" }
        let scaled: String
        if value >= 1e12 {
            scaled = "\(trim(value / 1e12)) trillion"
        } else if value >= 1e9 {
            scaled = "\(trim(value / 1e9)) billion"
        } else if value >= 1e6 {
            scaled = "\(trim(value / 1e6)) million"
        } else {
            scaled = trim(value)
        }
        return [currency, scaled].compactMap { $0 }.joined(separator: " ")
    }

    static func trim(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
        return String(format: "%.2f", v).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
    }

    /// Escapes control characters (C0, DEL, C1), line and paragraph separators visibly.
    public static func escapeText(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x7F: out += String(format: "\\x%02x", u.value)
            case 0x80..<0xA0, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func iso(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }
}
