import ArgumentParser
import Foundation
import NatoWatch

/// `natowatch matches`: stored items that matched a NATO topic.
struct MatchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "matches", abstract: "List stored matches.")
    @OptionGroup var config: ConfigOption
    @Option(help: "Only matches first seen within this age (e.g. 7d).") var since: String?
    @Option(help: "Only this topic (spending_pledge, mission_change, …).") var topic: String?
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        let store = try StoreAccess.open(try config.load())
        let rows = try store.matches(since: try StoreAccess.since(since), topic: topic)
        if json { return try StoreAccess.printJSON(rows) }
        var t = TextTable("FIRST SEEN", "FEED", "TOPICS", "TITLE")
        for r in rows { t.add(StoreAccess.date(r.firstSeen), StoreAccess.clip(r.feed, 24), r.topics.joined(separator: ","), StoreAccess.clip(r.title, 80)) }
        print(t.render())
    }
}

/// `natowatch pledges`: the pledge ledger.
struct PledgesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pledges", abstract: "List the pledge ledger: each actor's pledges, history and sources.")
    @OptionGroup var config: ConfigOption
    @Option(help: "Only this actor (e.g. Finland).") var actor: String?
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        let store = try StoreAccess.open(try config.load())
        let rows = try store.facts(kind: "pledge", actor: actor)
        if json { return try StoreAccess.printJSON(rows) }
        var t = TextTable("ACTOR", "PLEDGE", "BY", "STATUS", "SOURCES", "HISTORY", "LAST SEEN")
        for r in rows {
            let value = AlertLine.describeValue(metric: r.metric, value: r.value, currency: r.currency)
            let history = r.history.count > 1 ? r.history.map { AlertLine.describeValue(metric: r.metric, value: $0.value, currency: r.currency) }.joined(separator: " → ") : "-"
            let sources = r.origin == "seed" && r.sources == 0 ? "seed" : "\(r.sources)\(r.official ? " (official)" : "")"
            t.add(r.actor ?? "-", value, r.targetYear.map(String.init) ?? "-", r.status ?? "-", sources, history, StoreAccess.date(r.lastSeen))
        }
        print(t.render())
    }
}

/// `natowatch missions`: mission changes in the ledger.
struct MissionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "missions", abstract: "List NATO mission changes in the ledger.")
    @OptionGroup var config: ConfigOption
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        let store = try StoreAccess.open(try config.load())
        let rows = try store.facts(kind: "mission")
        if json { return try StoreAccess.printJSON(rows) }
        var t = TextTable("MISSION", "CHANGE", "PLACE", "STATUS", "SOURCES", "LAST SEEN", "EVIDENCE")
        for r in rows {
            let sources = r.origin == "seed" && r.sources == 0 ? "seed" : "\(r.sources)\(r.official ? " (official)" : "")"
            t.add(r.mission ?? "-", r.change ?? "-", r.place ?? "-", r.status ?? "-", sources, StoreAccess.date(r.lastSeen), StoreAccess.clip(r.evidence, 70))
        }
        print(t.render())
    }
}

/// `natowatch alerts`: alerts raised, from the database.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alerts", abstract: "List alerts raised (default: the last 24 hours).")
    @OptionGroup var config: ConfigOption
    @Option(help: "Alerts raised within this age (default 24h).") var since: String = "24h"
    @Flag(help: "JSON lines, as in the alert log.") var json = false

    func run() throws {
        let c = try config.load()
        let store = try StoreAccess.open(c)
        let alerts = try store.alerts(since: try StoreAccess.since(since))
        for a in alerts { print(AlertLine.render(a, format: json ? .jsonl : .text)) }
    }
}
