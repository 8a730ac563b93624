import Foundation

/// When a feed is next due: its interval (or the server's longer hint) after a success,
/// exponential backoff with jitter after failures, never before a `Retry-After`.
public struct SchedulePolicy: Sendable {
    public var minInterval: TimeInterval
    public var maxInterval: TimeInterval
    public var backoffMax: TimeInterval

    public init(minInterval: TimeInterval, maxInterval: TimeInterval, backoffMax: TimeInterval) {
        self.minInterval = minInterval
        self.maxInterval = maxInterval
        self.backoffMax = backoffMax
    }

    public init(config: NatoWatchConfig) {
        self.init(minInterval: config.minInterval, maxInterval: config.maxInterval, backoffMax: config.backoffMax)
    }

    /// Next check after a success: the later of the interval and the server's hints, the hints
    /// clamped to [minInterval, maxInterval]; up to 10% earlier as jitter.
    public func nextAfterSuccess(now: Date, interval: TimeInterval, headers: [String: String], ttlMinutes: Int?, jitter: Double) -> Date {
        var hint: TimeInterval = 0
        if let ttl = ttlMinutes, ttl > 0 { hint = max(hint, TimeInterval(ttl) * 60) }
        if let cc = headers["cache-control"], let maxAge = Self.maxAge(cc) { hint = max(hint, maxAge) }
        if let e = headers["expires"], let d = HTTPDate.parse(e) { hint = max(hint, d.timeIntervalSince(now)) }
        if hint > 0 { hint = min(max(hint, minInterval), maxInterval) }
        let base = max(interval, hint)
        return now.addingTimeInterval(base * (1 - 0.1 * min(max(jitter, 0), 1)))
    }

    /// Next check after `failures` consecutive failures: interval × 2^(failures−1), capped, with
    /// up to 25% random jitter, and never before `retryAfter` seconds.
    public func nextAfterFailure(now: Date, interval: TimeInterval, failures: Int, retryAfter: TimeInterval?, jitter: Double) -> Date {
        let exp = min(max(failures - 1, 0), 30)
        var delay = min(interval * pow(2, Double(exp)), backoffMax)
        delay *= 1 + 0.25 * min(max(jitter, 0), 1)
        delay = min(delay, backoffMax)
        if let r = retryAfter { delay = max(delay, r) }
        return now.addingTimeInterval(delay)
    }

    static func maxAge(_ cacheControl: String) -> TimeInterval? {
        for part in cacheControl.lowercased().split(separator: ",") {
            let kv = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0] == "max-age" || kv[0] == "s-maxage", let v = Double(kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))) {
                return v
            }
        }
        return nil
    }
}

/// HTTP dates (RFC 7231 IMF-fixdate, RFC 850, asctime).
public enum HTTPDate {
    public static func parse(_ s: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            f.dateFormat = format
            if let d = f.date(from: s.trimmingCharacters(in: .whitespaces)) { return d }
        }
        return nil
    }
}
