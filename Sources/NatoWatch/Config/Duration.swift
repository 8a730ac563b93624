import Foundation

/// Parses durations such as `90s`, `15m`, `2h`, `1d`, `1w`, `500ms`, or plain seconds.
public enum DurationParser {
    /// Seconds for `text`, or nil when it is not a duration.
    public static func seconds(_ text: String) -> TimeInterval? {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !s.isEmpty else { return nil }
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400), ("w", 604800)]
        for (suffix, factor) in units where s.hasSuffix(suffix) {
            let number = String(s.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            // "ms" must not be read as "m" + "s"; try longest suffix first (ordered above).
            if let v = Double(number), v >= 0, v.isFinite { return v * factor }
            if suffix == "ms" { continue }
            return nil
        }
        if let v = Double(s), v >= 0, v.isFinite { return v }
        return nil
    }

    /// A compact human form: `15m`, `2h`, `90s`.
    public static func format(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded())
        if s == 0 { return "0s" }
        if s % 86400 == 0 { return "\(s / 86400)d" }
        if s % 3600 == 0 { return "\(s / 3600)h" }
        if s % 60 == 0 { return "\(s / 60)m" }
        return "\(s)s"
    }
}
