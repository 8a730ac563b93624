import Foundation

/// Input helpers for the classify command: HTML detection and a human-readable summary.
public enum ArticleInput {
    /// True when `text` looks like HTML (a tag such as `<p>`, `<div>`, `<html>` or `<br>` near the start).
    public static func looksLikeHTML(_ text: String) -> Bool {
        let tags: [[UInt8]] = ["<html", "<!doctype html", "<body", "<p>", "<p ", "<div", "<br", "<article", "<span", "<h1", "<h2", "<a href"].map { Array($0.utf8) }
        var checked = 0
        var utf8 = text.utf8.makeIterator()
        var window: [UInt8] = []
        // scan the first 4 KB for "<" followed by a known tag, case-insensitively
        while checked < 4096, let b = utf8.next() {
            checked += 1
            if b == 0x3C { window = [b]; continue }
            guard !window.isEmpty else { continue }
            window.append((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
            if tags.contains(where: { $0 == window }) { return true }
            if !tags.contains(where: { $0.starts(with: window) }) { window = [] }
        }
        return false
    }

    /// A short text rendering of a classification.
    public static func describe(_ c: Classification) -> String {
        var lines: [String] = []
        lines.append("topics: " + (c.topics.isEmpty ? "-" : c.topics.map { "\($0.topic) \(String(format: "%.2f", $0.score))" }.joined(separator: ", ")))
        for p in c.pledges {
            let v = p.metric == "pct_gdp" ? "\(p.value)% of GDP" : "\(amount(p.value)) \(p.currency ?? "?")"
            lines.append("pledge: \(p.actor) \(v)\(p.targetYear.map { " by \($0)" } ?? "") [\(p.status)]")
            lines.append("  \(p.evidence)")
        }
        for m in c.missions {
            lines.append("mission: \(m.mission) \(m.change)\(m.place.map { " (\($0))" } ?? "") [\(m.status)]")
            lines.append("  \(m.evidence)")
        }
        return lines.joined(separator: "\n")
    }

    /// "500 billion", "1.2 trillion", "13.4 million".
    static func amount(_ v: Double) -> String {
        for (factor, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] where v >= factor {
            let x = v / factor
            return (x == x.rounded() && x < 1e15 ? String(Int(x)) : String(format: "%.2f", x).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)) + " " + word
        }
        return String(format: "%.0f", v)
    }
}
