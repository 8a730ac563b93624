import Foundation
import NatoWatchTestSupport
import Testing

@testable import NatoWatch

@Suite struct ConfigLoaderTests {
    /// Writes `yaml` (and a topics file) to a temporary folder and loads it.
    func load(_ yaml: String, topics: Bool = true) throws -> Result<NatoWatchConfig, ConfigError> {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        if topics { try "topics: []\n".write(to: dir.url.appendingPathComponent("topics.yaml"), atomically: true, encoding: .utf8) }
        let file = dir.url.appendingPathComponent("natowatch.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        do { return .success(try ConfigLoader.load(path: file.path)) } catch { return .failure(error) }
    }

    func failure(_ yaml: String, topics: Bool = true) throws -> ConfigError {
        guard case .failure(let e) = try load(yaml, topics: topics) else {
            Issue.record("expected a config error")
            return ConfigError(file: "", line: nil, message: "")
        }
        return e
    }

    @Test func loadsTheDocumentedKeysWithDefaults() throws {
        let yaml = """
            interval: 15m
            state_dir: state
            alert_log: /tmp/x/alerts.log
            alert_format: text
            feeds:
              - name: NATO — News
                url: https://www.nato.int/rss.xml
                interval: 30m
                official: true
              - url: http://example.org/feed
            """
        let c = try load(yaml).get()
        #expect(c.interval == 900)
        #expect(c.alertFormat == .text)
        #expect(c.stateDir.path.hasSuffix("/state"))
        #expect(c.alertLog.path == "/tmp/x/alerts.log")
        #expect(c.feeds.count == 2)
        #expect(c.feeds[0].interval == 1800)
        #expect(c.feeds[0].official)
        #expect(c.feeds[1].name == "http://example.org/feed")
        #expect(c.fetch.maxBytes == 10 * 1024 * 1024)
        #expect(c.alertMaxAge == 7 * 86400)
    }

    @Test func unknownFeedKeyNamesItsLineAndSuggests() throws {
        let e = try failure("interval: 15m\nfeeds:\n  - url: https://a.example/feed\n    nmae: typo\n")
        #expect(e.line == 4)
        #expect(e.message.contains("unknown feed entry key 'nmae'"))
        #expect(e.message.contains("did you mean 'name'"))
        #expect(e.description.hasSuffix("natowatch.yaml:4: unknown feed entry key 'nmae' (did you mean 'name'?)"))
    }

    @Test func badDurationNamesItsLine() throws {
        let e = try failure("feeds: []\ninterval: fifteen\n")
        #expect(e.line == 2)
        #expect(e.message.contains("'fifteen' is not a duration"))
    }

    @Test func duplicateFeedURLIsRefused() throws {
        let e = try failure("feeds:\n  - url: https://a.example/feed\n  - url: https://a.example/feed\n")
        #expect(e.line == 3)
        #expect(e.message.contains("duplicate feed URL"))
        #expect(e.message.contains("line 2"))
    }

    @Test func unreadableTopicsFileIsRefused() throws {
        let e = try failure("topics: missing.yaml\nfeeds: []\n", topics: false)
        #expect(e.line == 1)
        #expect(e.message.contains("missing.yaml is not readable"))
    }

    @Test func fileURLsNeedPermission() throws {
        let e = try failure("feeds:\n  - url: file:feed.xml\n")
        #expect(e.message.contains("allow_file_urls"))
        let ok = try load("allow_file_urls: true\nfeeds:\n  - url: file:samples/feed.xml\n").get()
        #expect(ok.feeds[0].fetchURL.hasPrefix("file:///"))
        #expect(ok.feeds[0].fetchURL.hasSuffix("/samples/feed.xml"))
    }

    @Test func yamlSyntaxErrorsCarryALine() throws {
        let e = try failure("interval: 15m\nfeeds:\n  - url: [unclosed\n")
        #expect(e.line != nil)
    }

    @Test func durationsParse() {
        #expect(DurationParser.seconds("90s") == 90)
        #expect(DurationParser.seconds("15m") == 900)
        #expect(DurationParser.seconds("2h") == 7200)
        #expect(DurationParser.seconds("1d") == 86400)
        #expect(DurationParser.seconds("500ms") == 0.5)
        #expect(DurationParser.seconds("0") == 0)
        #expect(DurationParser.seconds("fifteen") == nil)
        #expect(DurationParser.seconds("-5m") == nil)
    }
}
