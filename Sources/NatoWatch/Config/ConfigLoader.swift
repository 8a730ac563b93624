import Foundation
import Yams

/// Reads and validates a natowatch YAML config, reporting each problem with file and line.
public enum ConfigLoader {
    /// Loads the config at `path`. Throws the first ``ConfigError`` found.
    public static func load(path: String) throws(ConfigError) -> NatoWatchConfig {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let text: String
        do {
            let data = try Data(contentsOf: url)
            guard let s = String(data: data, encoding: .utf8) else {
                throw ConfigError(file: path, line: firstInvalidUTF8Line(data), message: "not valid UTF-8")
            }
            text = s
        } catch let e as ConfigError {
            throw e
        } catch {
            throw ConfigError(file: path, line: nil, message: "cannot read the config file: \(Self.reason(error))")
        }
        return try parse(yaml: text, file: url, displayPath: path)
    }

    /// Parses config text as if read from `file` (relative paths resolve against its folder).
    public static func parse(yaml: String, file: URL, displayPath: String? = nil) throws(ConfigError) -> NatoWatchConfig {
        let shown = displayPath ?? file.path
        var reader = ConfigNodeReader(file: shown)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw ConfigError(file: shown, line: 1, message: "the config is empty")
            }
            root = node
        } catch let e as ConfigError {
            throw e
        } catch let YamlError.scanner(_, problem, mark, _), let YamlError.parser(_, problem, mark, _),
            let YamlError.composer(_, problem, mark, _)
        {
            throw ConfigError(file: shown, line: mark.line, message: "YAML syntax error: \(problem)")
        } catch {
            throw ConfigError(file: shown, line: nil, message: "YAML error: \(error)")
        }
        let folder = file.deletingLastPathComponent()
        func resolve(_ p: String) -> URL {
            let expanded = (p as NSString).expandingTildeInPath
            if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
            return folder.appendingPathComponent(expanded).standardizedFileURL
        }
        var config = NatoWatchConfig(
            file: file,
            stateDir: URL(fileURLWithPath: "/var/lib/natowatch"),
            alertLog: URL(fileURLWithPath: "/var/log/natowatch/alerts.log"),
            topicsFile: resolve("topics.yaml"))
        let top = try reader.mapping(root, what: "the config")
        var feedsNode: Node?
        for (key, value) in top {
            switch key {
            case "interval": config.interval = try reader.duration(value, key: key, positive: true)
            case "state_dir": config.stateDir = resolve(try reader.string(value, key: key))
            case "alert_log": config.alertLog = resolve(try reader.string(value, key: key))
            case "alert_format":
                let s = try reader.string(value, key: key)
                guard let f = AlertFormat(rawValue: s) else {
                    throw reader.error(value, "alert_format must be jsonl or text, not '\(s)'")
                }
                config.alertFormat = f
            case "allow_file_urls": config.allowFileURLs = try reader.bool(value, key: key)
            case "topics": config.topicsFile = resolve(try reader.string(value, key: key))
            case "feeds": feedsNode = value
            case "user_agent": config.fetch.userAgent = try reader.string(value, key: key)
            case "connect_timeout": config.fetch.connectTimeout = try reader.duration(value, key: key, positive: true)
            case "timeout": config.fetch.totalTimeout = try reader.duration(value, key: key, positive: true)
            case "low_speed_limit": config.fetch.lowSpeedLimit = try reader.int(value, key: key, min: 0)
            case "low_speed_time": config.fetch.lowSpeedTime = try reader.duration(value, key: key, positive: false)
            case "max_bytes": config.fetch.maxBytes = try reader.size(value, key: key)
            case "max_redirects": config.fetch.maxRedirects = try reader.int(value, key: key, min: 0, max: 20)
            case "max_concurrency": config.fetch.maxConcurrency = try reader.int(value, key: key, min: 1, max: 1024)
            case "per_host": config.fetch.perHost = try reader.int(value, key: key, min: 1, max: 256)
            case "proxy": config.fetch.proxy = try reader.string(value, key: key)
            case "ca_bundle": config.fetch.caBundle = resolve(try reader.string(value, key: key)).path
            case "alert_max_age": config.alertMaxAge = try reader.duration(value, key: key, positive: false)
            case "ledger_seed": config.ledgerSeed = resolve(try reader.string(value, key: key))
            case "retention": config.retention = try reader.duration(value, key: key, positive: true)
            case "mission_window": config.missionWindow = try reader.duration(value, key: key, positive: false)
            case "story_window": config.storyWindow = try reader.duration(value, key: key, positive: false)
            case "failure_threshold": config.failureThreshold = try reader.int(value, key: key, min: 1)
            case "backoff_max": config.backoffMax = try reader.duration(value, key: key, positive: true)
            case "min_interval": config.minInterval = try reader.duration(value, key: key, positive: false)
            case "max_interval": config.maxInterval = try reader.duration(value, key: key, positive: true)
            case "metrics_file": config.metricsFile = resolve(try reader.string(value, key: key))
            case "on_alert": config.onAlert = try reader.stringList(value, key: key)
            case "on_alert_timeout": config.onAlertTimeout = try reader.duration(value, key: key, positive: true)
            case "webhook": config.webhook = try reader.string(value, key: key)
            case "log_level":
                let s = try reader.string(value, key: key).lowercased()
                let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
                guard levels.contains(s) else {
                    throw reader.error(value, "log_level must be one of \(levels.joined(separator: ", ")), not '\(s)'")
                }
                config.logLevel = s
            default:
                throw reader.unknownKey(key, at: value, known: Self.topLevelKeys)
            }
        }
        if config.minInterval > config.maxInterval {
            let line = (top.first(where: { $0.0 == "min_interval" }) ?? top.first(where: { $0.0 == "max_interval" }))?.1.mark?.line
            throw ConfigError(file: shown, line: line, message: "min_interval is greater than max_interval")
        }
        if let feedsNode { config.feeds = try readFeeds(feedsNode, reader: &reader, folder: folder) }
        if !top.contains(where: { $0.0 == "topics" }) { config.topicsFile = defaultTopics(folder: folder) }
        try checkTopics(config, reader: reader, top: top)
        return config
    }

    static let topLevelKeys = [
        "interval", "state_dir", "alert_log", "alert_format", "allow_file_urls", "topics", "feeds", "user_agent",
        "connect_timeout", "timeout", "low_speed_limit", "low_speed_time", "max_bytes", "max_redirects",
        "max_concurrency", "per_host", "proxy", "ca_bundle", "alert_max_age", "ledger_seed", "retention",
        "mission_window", "story_window", "failure_threshold", "backoff_max", "min_interval", "max_interval",
        "metrics_file", "on_alert", "on_alert_timeout", "webhook", "log_level",
    ]
    static let feedKeys = ["name", "url", "interval", "official"]

    /// Without a `topics:` key: `topics.yaml` beside the config, else the rules the install or the
    /// checkout provides (see ``RulesLocator``), else `share/natowatch/topics.yaml` beside the binary.
    static func defaultTopics(folder: URL) -> URL {
        let beside = folder.appendingPathComponent("topics.yaml")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        if let found = RulesLocator.locate(explicit: nil) { return found }
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let shared = exe.deletingLastPathComponent().appendingPathComponent("../share/natowatch/topics.yaml").standardizedFileURL
            if FileManager.default.fileExists(atPath: shared.path) { return shared }
        }
        return beside
    }

    /// `file:` URLs with a relative path resolve against the config's folder; others are unchanged.
    static func fileURL(_ url: String, relativeTo folder: URL) -> String {
        guard url.lowercased().hasPrefix("file:") else { return url }
        var path = String(url.dropFirst(5))
        if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
        let abs = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
        return abs.standardizedFileURL.absoluteString
    }

    private static func readFeeds(_ node: Node, reader: inout ConfigNodeReader, folder: URL) throws(ConfigError) -> [FeedConfig] {
        if case .scalar(let s) = node, s.string.isEmpty || s.string == "~" || s.string == "null" { return [] }
        guard case .sequence(let seq) = node else { throw reader.error(node, "feeds must be a list") }
        var feeds: [FeedConfig] = []
        var seen: [String: Int] = [:]
        for item in seq {
            let line = item.mark?.line
            let fields = try reader.mapping(item, what: "a feed entry")
            var name: String?
            var url: String?
            var urlNode: Node?
            var interval: Double?
            var official = false
            for (key, value) in fields {
                switch key {
                case "name": name = try reader.string(value, key: key)
                case "url": url = try reader.string(value, key: key); urlNode = value
                case "interval": interval = try reader.duration(value, key: key, positive: true)
                case "official": official = try reader.bool(value, key: key)
                default: throw reader.unknownKey(key, at: value, known: feedKeys, context: "feed entry")
                }
            }
            guard let url, let urlNode else { throw reader.error(item, "feed entry has no url") }
            try validateFeedURL(url, node: urlNode, reader: reader)
            let key = url.trimmingCharacters(in: .whitespaces)
            if let first = seen[key] {
                throw reader.error(urlNode, "duplicate feed URL \(key) (first listed on line \(first))")
            }
            seen[key] = urlNode.mark?.line ?? 0
            feeds.append(
                FeedConfig(
                    name: name ?? key, url: key, fetchURL: fileURL(key, relativeTo: folder), interval: interval,
                    official: official, line: line))
        }
        return feeds
    }

    private static func validateFeedURL(_ url: String, node: Node, reader: ConfigNodeReader) throws(ConfigError) {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file:") else {
            throw reader.error(node, "feed URL must be http, https or file: \(url)")
        }
        if lower.hasPrefix("file:") { return }
        guard let comps = URLComponents(string: url), let host = comps.host, !host.isEmpty else {
            throw reader.error(node, "not a valid URL: \(url)")
        }
    }

    private static func checkTopics(_ config: NatoWatchConfig, reader: ConfigNodeReader, top: [(String, Node)]) throws(ConfigError) {
        let node = top.first(where: { $0.0 == "topics" })?.1
        if !FileManager.default.isReadableFile(atPath: config.topicsFile.path) {
            let line = node?.mark?.line
            throw ConfigError(file: reader.file, line: line, message: "topics file \(config.topicsFile.path) is not readable")
        }
        if let seed = config.ledgerSeed, !FileManager.default.isReadableFile(atPath: seed.path) {
            let line = top.first(where: { $0.0 == "ledger_seed" })?.1.mark?.line
            throw ConfigError(file: reader.file, line: line, message: "ledger seed \(seed.path) is not readable")
        }
        if config.allowFileURLs == false, let bad = config.feeds.first(where: { $0.url.lowercased().hasPrefix("file:") }) {
            throw ConfigError(file: reader.file, line: bad.line, message: "feed \(bad.url) is a file: URL but allow_file_urls is false")
        }
    }

    /// The 1-based line holding the first byte sequence that is not UTF-8.
    static func firstInvalidUTF8Line(_ data: Data) -> Int? {
        for (i, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where String(data: Data(line), encoding: .utf8) == nil {
            return i + 1
        }
        return nil
    }

    static func reason(_ error: any Error) -> String {
        if let e = error as? CocoaError, let u = e.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(u.code)))
        }
        return (error as NSError).localizedDescription
    }
}
