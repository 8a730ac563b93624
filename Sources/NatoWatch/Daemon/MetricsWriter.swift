import Foundation

/// Writes a Prometheus text file (for node_exporter's textfile collector) atomically:
/// to a temporary file in the same folder, then renamed over the old one.
public final class MetricsWriter: @unchecked Sendable {
    public let path: URL
    private var cycles = 0
    private var outcomes: [String: Int] = [:]
    private var items = 0
    private var matches = 0
    private var alerts = 0
    private var durationSum = 0.0
    private let lock = NSLock()

    public init(path: URL) {
        self.path = path
    }

    /// Adds a cycle's figures and rewrites the file.
    public func record(_ s: CycleSummary) throws {
        let text: String = lock.withLock {
            cycles += 1
            items += s.newItems
            matches += s.matches
            alerts += s.alerts
            durationSum += s.duration
            outcomes["ok", default: 0] += s.feedsOK - s.feedsNotModified
            outcomes["not_modified", default: 0] += s.feedsNotModified
            for f in s.failures { outcomes[f.kind, default: 0] += 1 }
            var t = """
                # HELP natowatch_cycles_total Fetch cycles completed.
                # TYPE natowatch_cycles_total counter
                natowatch_cycles_total \(cycles)
                # HELP natowatch_fetches_total Feed fetches by outcome.
                # TYPE natowatch_fetches_total counter

                """
            for (k, v) in outcomes.sorted(by: { $0.key < $1.key }) { t += "natowatch_fetches_total{outcome=\"\(k)\"} \(v)\n" }
            t += """
                # HELP natowatch_items_total New items stored.
                # TYPE natowatch_items_total counter
                natowatch_items_total \(items)
                # HELP natowatch_matches_total Items that matched a NATO topic.
                # TYPE natowatch_matches_total counter
                natowatch_matches_total \(matches)
                # HELP natowatch_alerts_total Alerts written to the log.
                # TYPE natowatch_alerts_total counter
                natowatch_alerts_total \(alerts)
                # HELP natowatch_cycle_duration_seconds Duration of fetch cycles.
                # TYPE natowatch_cycle_duration_seconds summary
                natowatch_cycle_duration_seconds_sum \(durationSum)
                natowatch_cycle_duration_seconds_count \(cycles)
                # HELP natowatch_last_cycle_timestamp_seconds When the last cycle started.
                # TYPE natowatch_last_cycle_timestamp_seconds gauge
                natowatch_last_cycle_timestamp_seconds \(Int(s.startedAt.timeIntervalSince1970))
                # HELP natowatch_last_cycle_feeds_failed Feeds that failed in the last cycle.
                # TYPE natowatch_last_cycle_feeds_failed gauge
                natowatch_last_cycle_feeds_failed \(s.feedsFailed)

                """
            return t
        }
        let dir = path.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tmp = dir.appendingPathComponent(".\(path.lastPathComponent).\(getpid()).tmp")
        try Data(text.utf8).write(to: tmp)
        if rename(tmp.path, path.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path.path])
        }
    }
}
