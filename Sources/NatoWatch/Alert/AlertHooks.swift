import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Delivers alerts from the outbox to the optional hooks: `on_alert` (a program, argv, never a
/// shell, with the alert's JSON line on standard input and a timeout) and `webhook` (a JSON POST
/// with retries). At least once: an alert is marked delivered only after success.
public final class AlertHooks: @unchecked Sendable {
    let store: Store
    let config: NatoWatchConfig
    let logger: Logger
    /// Pause before retry n (n = 1, 2, …) of a failed webhook POST within one pass.
    let retryDelay: @Sendable (Int) -> TimeInterval
    /// Attempts within one pass, and in all before giving up.
    public var attemptsPerPass = 3
    public var maxAttempts = 12

    public init(store: Store, config: NatoWatchConfig, logger: Logger, retryDelay: @escaping @Sendable (Int) -> TimeInterval = { pow(2, Double($0 - 1)) }) {
        self.store = store
        self.config = config
        self.logger = logger
        self.retryDelay = retryDelay
    }

    /// Runs every pending delivery. Returns (program runs, webhook posts) that succeeded.
    @discardableResult
    public func deliverPending() -> (program: Int, webhook: Int) {
        var done = (program: 0, webhook: 0)
        if let argv = config.onAlert {
            for alert in (try? store.pendingHooks(.program, maxAttempts: maxAttempts)) ?? [] {
                let ok = runProgram(argv, input: AlertLine.render(alert, format: .jsonl) + "\n", alertID: alert.id)
                try? store.recordHook(.program, id: alert.id, success: ok, at: Date())
                if ok { done.program += 1 } else { break }
            }
        } else {
            try? store.skipHooks(.program)
        }
        if let url = config.webhook {
            let poster = WebhookPoster(url: url, settings: config.fetch)
            for alert in (try? store.pendingHooks(.webhook, maxAttempts: maxAttempts)) ?? [] {
                let body = AlertLine.render(alert, format: .jsonl)
                var ok = false
                for attempt in 1...max(1, attemptsPerPass) {
                    do {
                        try poster.post(body)
                        ok = true
                    } catch {
                        logger.warning("alert \(alert.id): \(error) (attempt \(attempt))")
                        try? store.recordHook(.webhook, id: alert.id, success: false, at: Date())
                        if attempt < attemptsPerPass { Thread.sleep(forTimeInterval: retryDelay(attempt)) }
                    }
                    if ok { break }
                }
                if ok {
                    try? store.recordHook(.webhook, id: alert.id, success: true, at: Date())
                    done.webhook += 1
                } else {
                    break  // the receiver is down: keep the rest queued for the next pass
                }
            }
        } else {
            try? store.skipHooks(.webhook)
        }
        return done
    }

    /// Runs `argv` with `input` on stdin; true when it exits 0 within the timeout.
    func runProgram(_ argv: [String], input: String, alertID: String) -> Bool {
        // A program that exits without reading its input must not kill natowatch with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: argv[0])
        p.arguments = Array(argv.dropFirst())
        var env = ProcessInfo.processInfo.environment
        env["NATOWATCH_ALERT_ID"] = alertID
        p.environment = env
        let stdin = Pipe()
        p.standardInput = stdin
        p.standardOutput = FileHandle.nullDevice
        do {
            try p.run()
        } catch {
            logger.error("on_alert \(argv[0]): cannot start: \(error)")
            return false
        }
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(config.onAlertTimeout)
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning {
            p.terminate()
            logger.error("on_alert \(argv[0]): timed out after \(config.onAlertTimeout) s for alert \(alertID)")
            p.waitUntilExit()
            return false
        }
        if p.terminationStatus != 0 {
            logger.error("on_alert \(argv[0]): exit status \(p.terminationStatus) for alert \(alertID)")
            return false
        }
        return true
    }
}
