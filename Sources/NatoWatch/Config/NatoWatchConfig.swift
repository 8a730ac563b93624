import Foundation

/// The whole configuration, loaded once at the edge and passed down. All paths are absolute.
public struct NatoWatchConfig: Sendable, Equatable {
    /// The file this was loaded from.
    public var file: URL
    /// Default poll interval in seconds.
    public var interval: TimeInterval = 15 * 60
    /// Where the SQLite database and the lock file live.
    public var stateDir: URL
    /// The append-only alert log.
    public var alertLog: URL
    public var alertFormat: AlertFormat = .jsonl
    /// Whether `file:` feed URLs are allowed (never through redirects).
    public var allowFileURLs: Bool = false
    /// The classifier's rules file.
    public var topicsFile: URL
    public var feeds: [FeedConfig] = []
    /// Transport settings.
    public var fetch = FetchSettings()
    /// Only items published within this age may alert; 0 means no limit.
    public var alertMaxAge: TimeInterval = 7 * 86400
    /// Known pledges and mission states to seed the ledger with.
    public var ledgerSeed: URL?
    /// Items older than this that support no fact are pruned.
    public var retention: TimeInterval = 90 * 86400
    /// A mission change seen again within this window is corroboration.
    public var missionWindow: TimeInterval = 30 * 86400
    /// Near-identical titles within this window are one story.
    public var storyWindow: TimeInterval = 72 * 3600
    /// Consecutive failures before a `feed.failing` alert.
    public var failureThreshold: Int = 5
    /// Cap on the backoff after failures.
    public var backoffMax: TimeInterval = 24 * 3600
    /// Bounds applied to server hints (ttl, max-age, Expires) on the next check.
    public var minInterval: TimeInterval = 60
    public var maxInterval: TimeInterval = 24 * 3600
    /// A Prometheus textfile written after each cycle.
    public var metricsFile: URL?
    /// A program (argv) run with each alert's JSON on standard input.
    public var onAlert: [String]?
    public var onAlertTimeout: TimeInterval = 10
    /// A URL each alert's JSON is POSTed to.
    public var webhook: String?
    /// swift-log level name for the daemon's own log.
    public var logLevel: String = "info"

    public init(file: URL, stateDir: URL, alertLog: URL, topicsFile: URL) {
        self.file = file
        self.stateDir = stateDir
        self.alertLog = alertLog
        self.topicsFile = topicsFile
    }

    /// The SQLite database file.
    public var databaseFile: URL { stateDir.appendingPathComponent("natowatch.sqlite") }
    /// The advisory lock file for the one-instance rule.
    public var lockFile: URL { stateDir.appendingPathComponent("natowatch.lock") }

    /// The effective interval of a feed.
    public func interval(of feed: FeedConfig) -> TimeInterval { feed.interval ?? interval }

    /// The default config path: `$NATOWATCH_CONFIG`, else `/etc/natowatch/natowatch.yaml`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["NATOWATCH_CONFIG"], !p.isEmpty { return p }
        return "/etc/natowatch/natowatch.yaml"
    }
}
