import Foundation

/// Input helpers for the classify command: HTML detection and a human-readable summary.
public enum ArticleInput {
    /// True when `text` looks like HTML (a tag such as `<p>`, `<div>`, `<html>` or `<br>` near the start).
    public static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(4096).lowercased()
        for tag in ["<html", "<!doctype html", "<body", "<p>", "<p ", "<div", "<br", "<article", "<span", "<h1", "<h2", "<a href"] where head.contains(tag) {
            return true
        }
        return false
    }

    /// A short text rendering of a classification.
    public static func describe(_ c: Classification) -> String {
        var lines: [String] = []
        lines.append("topics: " + (c.topics.isEmpty ? "-" : c.topics.map { "\($0.topic) \(String(format: "%.2f", $0.score))" }.joined(separator: ", ")))
        for p in c.pledges {
            let v = p.metric == "pct_gdp" ? "\(p.value)% of GDP" : "\(p.value) \(p.currency ?? "?")"
            lines.append("pledge: \(p.actor) \(v)\(p.targetYear.map { " by \($0)" } ?? "") [\(p.status)]")
            lines.append("  \(p.evidence)")
        }
        for m in c.missions {
            lines.append("mission: \(m.mission) \(m.change)\(m.place.map { " (\($0))" } ?? "") [\(m.status)]")
            lines.append("  \(m.evidence)")
        }
        return lines.joined(separator: "\n")
    }
}
