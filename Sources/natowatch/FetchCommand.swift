import ArgumentParser
import Dispatch
import Foundation
import NatoWatch

/// `natowatch fetch`: one cycle over every configured feed, then exit.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch every configured feed once, store and alert, print a summary, and exit.",
        discussion: "Exit status: 0 when the cycle ran (even if some feeds failed), 1 when every feed failed, 2 for a bad config, 3 for a storage failure, 4 when another instance holds the state directory.")

    @OptionGroup var config: ConfigOption
    @Flag(help: "Print the summary as JSON.") var json = false
    @Flag(name: .shortAndLong, help: "Also log warnings and progress to standard error (at the config's log_level).") var verbose = false

    func run() throws {
        let c = try config.load()
        // The summary already names every failed feed; the log adds detail only when asked.
        LoggingSetup.bootstrap(level: verbose ? c.logLevel : "error")
        let lock: InstanceLock
        do { lock = try InstanceLock(path: c.lockFile.path) } catch {
            CLIOutput.error("\(error)")
            throw ExitCode(4)
        }
        defer { withExtendedLifetime(lock) {} }
        let runtime: Runtime
        do { runtime = try Runtime(config: c, eagerRules: false) } catch let e as ConfigError {
            CLIOutput.error("\(e)")
            throw ExitCode(2)
        } catch {
            CLIOutput.error("\(error)")
            throw ExitCode(3)
        }
        let summary: CycleSummary
        // The rules compile while the feeds download; a broken rules file still ends the command
        // with status 2 and its file:line, and no item is stored without being classified.
        let rules = RulesPreload(runtime.classifier)
        do { summary = try runtime.cycle.run() } catch let e as ConfigError {
            CLIOutput.error("\(e)")
            throw ExitCode(2)
        } catch {
            CLIOutput.error("cycle failed: \(error)")
            throw ExitCode(3)
        }
        if let e = rules.wait() {
            CLIOutput.error("\(e)")
            throw ExitCode(2)
        }
        runtime.hooks.deliverPending()
        if json {
            let e = JSONEncoder()
            e.outputFormatting = [.sortedKeys]
            e.dateEncodingStrategy = .iso8601
            print(String(decoding: try e.encode(summary), as: UTF8.self))
        } else {
            print(summary.line + String(format: " (%.2f s)", summary.duration))
            for f in summary.failures { print("  failed: \(f.name) <\(f.url)>: \(f.reason)") }
            if summary.alerts > 0 { print("alerts appended to \(c.alertLog.path)") }
        }
        if summary.feedsFetched > 0 && summary.feedsFailed == summary.feedsFetched { throw ExitCode(1) }
    }
}

/// Compiles the rules on a background queue while the cycle fetches.
final class RulesPreload: @unchecked Sendable {
    private let group = DispatchGroup()
    private var error: ConfigError?

    init(_ loader: ClassifierLoader) {
        DispatchQueue.global().async(group: group) {
            do { _ = try loader.load() } catch let e as ConfigError { self.error = e } catch {}
        }
    }

    /// Waits for the compile; the rules' error, if any.
    func wait() -> ConfigError? {
        group.wait()
        return error
    }
}
