import Foundation

/// Day-precision date helpers (UTC) shared by the loader, the extractors and the CLI.
public enum DateParsing {
    /// Parses `YYYY-MM-DD` (or a longer ISO 8601 timestamp, of which the day is used) as UTC midnight.
    public static func day(_ s: String) -> Date? {
        let parts = s.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        var c = DateComponents()
        c.year = y; c.month = m; c.day = d
        return calendar.date(from: c)
    }

    /// The UTC year of `date`.
    public static func year(_ date: Date) -> Int {
        calendar.component(.year, from: date)
    }

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? c.timeZone
        return c
    }()
}
