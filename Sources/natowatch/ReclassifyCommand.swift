import ArgumentParser
import Foundation
import NatoWatch

/// `natowatch reclassify`: re-runs the current rules over stored items.
struct ReclassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reclassify",
        abstract: "Re-run the current rules over stored items and show which facts appear or disappear.",
        discussion: "With --dry-run nothing changes: edit Config/topics.yaml, look, then apply. Applying needs the state directory's lock (stop the daemon first).")
    @OptionGroup var config: ConfigOption
    @Option(help: "Items first seen within this age (default 30d).") var since: String = "30d"
    @Flag(help: "Only report; change nothing.") var dryRun = false
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        let c = try config.load()
        let cutoff = try StoreAccess.since(since) ?? Date.distantPast
        var lock: InstanceLock?
        if !dryRun {
            do { lock = try InstanceLock(path: c.lockFile.path) } catch {
                CLIOutput.error("\(error); stop it first, or use --dry-run")
                throw ExitCode(4)
            }
        }
        defer { withExtendedLifetime(lock) {} }
        guard FileManager.default.fileExists(atPath: c.databaseFile.path) else {
            CLIOutput.error("no database at \(c.databaseFile.path) yet: run 'natowatch fetch' first")
            throw ExitCode(3)
        }
        let store = try Store(file: c.databaseFile)
        let classifier: Classifier
        do { classifier = try Classifier(rulesFile: c.topicsFile) } catch {
            CLIOutput.error("\(error)")
            throw ExitCode(2)
        }
        let policy = IngestPolicy(now: Date(), baseline: false, alertMaxAge: c.alertMaxAge, storyWindow: c.storyWindow, missionWindow: c.missionWindow)
        let report = try store.reclassify(since: cutoff, dryRun: dryRun, feeds: c.feeds, policy: policy, classify: classifier.classify)
        var delivered = 0
        if !dryRun {
            delivered = try AlertDelivery(store: store, log: AlertLog(path: c.alertLog.path), format: c.alertFormat).deliverPending(now: Date())
        }
        if json { return try StoreAccess.printJSON(report) }
        print("\(report.itemsExamined) items since \(StoreAccess.date(cutoff == .distantPast ? nil : cutoff)): matches \(report.matchesBefore) → \(report.matchesAfter)")
        for f in report.appear { print("+ \(f.fact)  — \(StoreAccess.clip(f.title, 70))") }
        for f in report.disappear { print("- \(f.fact)  — \(StoreAccess.clip(f.title, 70))") }
        if report.appear.isEmpty && report.disappear.isEmpty { print("no fact changes") }
        if dryRun {
            print("dry run: nothing was changed")
        } else {
            print("applied; \(delivered) alerts appended to \(c.alertLog.path)")
        }
    }
}
