import ArgumentParser
import Foundation
import NatoWatch

/// `natowatch status`: the last cycle, the next due feed and counts, read from the database.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the last cycle, the next due feed and counts (works while the daemon runs).")
    @OptionGroup var config: ConfigOption
    @Flag(help: "JSON output.") var json = false

    struct Report: Encodable {
        var lastCycle: CycleSummary?
        var nextDue: NextDue?
        var counts: StoreCounts
        var failingFeeds: Int
        var daemonPID: Int?
        enum CodingKeys: String, CodingKey {
            case lastCycle = "last_cycle"
            case nextDue = "next_due"
            case counts
            case failingFeeds = "failing_feeds"
            case daemonPID = "daemon_pid"
        }
    }
    struct NextDue: Encodable {
        var feed: String
        var url: String
        var at: Date
    }

    func run() throws {
        let c = try config.load()
        let store = try StoreAccess.open(c)
        let states = try store.feedStates()
        let configured = Set(c.feeds.map(\.url))
        let active = states.values.filter { configured.contains($0.url) && $0.disabledReason == nil }
        let next = active.filter { $0.nextDueAt != nil }.min { ($0.nextDueAt ?? .distantFuture) < ($1.nextDueAt ?? .distantFuture) }
        let pid = (try? String(contentsOf: c.lockFile, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let report = Report(
            lastCycle: try store.lastCycle(),
            nextDue: next.map { NextDue(feed: $0.name, url: $0.url, at: $0.nextDueAt ?? Date()) },
            counts: try store.counts(),
            failingFeeds: active.filter { $0.consecutiveFailures > 0 }.count,
            daemonPID: pid.flatMap { kill(Int32($0), 0) == 0 ? $0 : nil })
        if json { return try StoreAccess.printJSON(report) }
        if let l = report.lastCycle {
            print("last cycle:   \(StoreAccess.date(l.startedAt)), \(String(format: "%.2f", l.duration)) s — \(l.feedsOK) ok (\(l.feedsNotModified) not modified), \(l.feedsFailed) failed; \(l.newItems) new items, \(l.matches) matches, \(l.alerts) alerts")
        } else {
            print("last cycle:   none yet")
        }
        if let n = report.nextDue { print("next due:     \(n.feed) at \(StoreAccess.date(n.at))") }
        print("daemon:       \(report.daemonPID.map { "running (pid \($0))" } ?? "not running")")
        print("feeds:        \(report.counts.feeds) configured, \(report.failingFeeds) failing")
        print("items:        \(report.counts.items) stored, \(report.counts.matches) matches")
        print("facts:        \(report.counts.facts); alerts \(report.counts.alerts) (\(report.counts.undeliveredAlerts) queued)")
    }
}

/// `natowatch feeds`: one row per feed with its fetch state.
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feeds", abstract: "Show each feed's fetch state: status, bytes, items, failures, next due, last error.")
    @OptionGroup var config: ConfigOption
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        let c = try config.load()
        let store = try StoreAccess.open(c)
        let states = try store.feedStates()
        let rows = c.feeds.map { f in states[f.url] ?? FeedState(url: f.url, name: f.name) }
        if json { return try StoreAccess.printJSON(rows) }
        var t = TextTable("NAME", "LAST FETCH", "STATUS", "BYTES", "MS", "ITEMS", "FAILS", "NEXT DUE", "NOTE")
        for s in rows {
            var note = s.lastError ?? ""
            if let moved = s.movedTo { note = "moved permanently to \(moved)" + (note.isEmpty ? "" : "; " + note) }
            if let d = s.disabledReason { note = d }
            t.add(
                StoreAccess.clip(s.name, 30), StoreAccess.date(s.lastFetchAt), s.lastStatus.map(String.init) ?? (s.lastErrorKind ?? "-"),
                s.bytes.map(String.init) ?? "-", s.duration.map { String(Int($0 * 1000)) } ?? "-", s.itemsInFeed.map(String.init) ?? "-",
                String(s.consecutiveFailures), StoreAccess.date(s.nextDueAt), StoreAccess.clip(note, 90))
        }
        print(t.render())
    }
}

/// `natowatch doctor`: integrity check, sizes and counts.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "doctor", abstract: "Run SQLite's integrity check and report sizes and counts.")
    @OptionGroup var config: ConfigOption

    func run() throws {
        let c = try config.load()
        let store = try StoreAccess.open(c)
        let integrity = try store.integrityCheck()
        let sizes = store.fileSizes()
        let counts = try store.counts()
        print("database:     \(store.path)")
        print("integrity:    \(integrity)")
        print("size:         \(sizes.database) bytes (+ \(sizes.wal) WAL)")
        print("counts:       \(counts.feeds) feeds, \(counts.items) items, \(counts.matches) matches, \(counts.facts) facts, \(counts.alerts) alerts (\(counts.undeliveredAlerts) queued), \(counts.seenKeys) remembered keys")
        print("retention:    items older than \(DurationParser.format(c.retention)) that support no fact are pruned after each cycle")
        if integrity != "ok" { throw ExitCode(3) }
    }
}
