import Dispatch
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// `natowatch run`: the long-running service.
///
/// Threading: all mutable state is confined to `control`, a serial queue that also receives the
/// signals and the timers; fetch cycles run on `work`, so a slow cycle never blocks signal
/// handling. Between polls there is one one-shot timer armed for the next due feed and nothing else.
public final class Daemon: @unchecked Sendable {
    let control = DispatchQueue(label: "natowatch.control")
    let work = DispatchQueue(label: "natowatch.work")
    /// Hooks (program, webhook) run here so a slow receiver never delays a cycle.
    let hooks = DispatchQueue(label: "natowatch.hooks")
    let configPath: String
    let logger: Logger
    let notifier: SystemdNotifier
    let now: @Sendable () -> Date

    private var runtime: Runtime
    private var lock: InstanceLock
    private var signalSources: [any DispatchSourceSignal] = []
    private var timer: (any DispatchSourceTimer)?
    private var watchdog: (any DispatchSourceTimer)?
    private var cycleRunning = false
    private var stopping = false
    private var metrics: MetricsWriter?

    /// Takes the state directory's lock and builds the pipeline; throws on a bad config or storage.
    public init(configPath: String, config: NatoWatchConfig, logger: Logger, notifier: SystemdNotifier = SystemdNotifier(), now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.configPath = configPath
        self.logger = logger
        self.notifier = notifier
        self.now = now
        lock = try InstanceLock(path: config.lockFile.path)
        runtime = try Runtime(config: config, logger: logger)
        metrics = config.metricsFile.map(MetricsWriter.init(path:))
    }

    /// Installs the signal handlers, delivers alerts left from a previous run, arms the timer
    /// and tells systemd it is ready. Returns at once; the caller then runs `dispatchMain()`.
    public func start() {
        installSignals()
        control.async {
            do {
                try self.runtime.cycle.delivery.deliverPending(now: self.now())
            } catch {
                self.logger.error("delivering queued alerts failed: \(error)")
            }
            self.startWatchdog()
            self.logger.info("natowatch \(NatoWatchVersion.string) watching \(self.runtime.config.feeds.count) feeds; alerts to \(self.runtime.config.alertLog.path)")
            self.notifier.notify("READY=1\nSTATUS=started, \(self.runtime.config.feeds.count) feeds")
            self.schedule()
        }
    }

    // MARK: Signals

    private func installSignals() {
        for sig in [SIGTERM, SIGINT, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: control)
            source.setEventHandler { [weak self] in self?.handle(signal: sig) }
            source.resume()
            signalSources.append(source)
        }
    }

    private func handle(signal sig: Int32) {
        dispatchPrecondition(condition: .onQueue(control))
        switch sig {
        case SIGHUP: reload()
        default: stop(reason: sig == SIGINT ? "SIGINT" : "SIGTERM")
        }
    }

    private func stop(reason: String) {
        guard !stopping else { return }
        stopping = true
        logger.notice("\(reason): stopping")
        notifier.notify("STOPPING=1")
        timer?.cancel()
        watchdog?.cancel()
        runtime.fetcher.cancel()
        // The cycle in progress (if any) finishes its transaction; then exit. A deadline guards
        // against a cycle that will not end.
        work.async {
            self.control.async { self.exit(0) }
        }
        control.asyncAfter(deadline: .now() + 8) {
            self.logger.warning("cycle did not stop in time; exiting anyway")
            self.exit(0)
        }
    }

    private func exit(_ code: Int32) {
        logger.info("stopped")
        Glibc.exit(code)
    }

    private func reload() {
        guard !stopping else { return }
        notifier.notify("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())")
        logger.notice("SIGHUP: reloading \(configPath)")
        do {
            let config = try ConfigLoader.load(path: configPath)
            // Build on the work queue so a cycle in progress finishes on the old pipeline first.
            work.async {
                do {
                    let fresh = try Runtime(config: config, logger: self.logger)
                    self.control.async {
                        let old = self.runtime
                        old.alertLog.reopen()
                        self.runtime = fresh
                        self.metrics = config.metricsFile.map(MetricsWriter.init(path:))
                        self.logger.notice("reloaded: \(config.feeds.count) feeds")
                        self.notifier.notify("READY=1\nSTATUS=reloaded, \(config.feeds.count) feeds")
                        self.schedule()
                    }
                } catch {
                    self.control.async { self.reloadFailed("\(error)") }
                }
            }
        } catch {
            reloadFailed("\(error)")
        }
    }

    private func reloadFailed(_ message: String) {
        logger.error("reload failed, keeping the running config: \(message)")
        runtime.alertLog.reopen()
        notifier.notify("READY=1\nSTATUS=reload failed, kept the running config: \(message)")
        schedule()
    }

    // MARK: Scheduling

    /// Arms the one-shot timer for the earliest due feed, or starts a cycle when one is due.
    private func schedule() {
        dispatchPrecondition(condition: .onQueue(control))
        guard !stopping, !cycleRunning else { return }
        timer?.cancel()
        timer = nil
        let config = runtime.config
        let states = (try? runtime.store.feedStates()) ?? [:]
        let t = now()
        var due: [FeedConfig] = []
        var next: Date?
        for feed in config.feeds {
            let state = states[feed.url]
            if state?.disabledReason != nil { continue }
            guard let when = state?.nextDueAt else {
                due.append(feed)
                continue
            }
            // Feeds falling due very soon join this cycle: fewer, fuller cycles.
            let window = min(30, config.interval(of: feed) * 0.05)
            if when <= t.addingTimeInterval(window) { due.append(feed) } else { next = min(next ?? when, when) }
        }
        if !due.isEmpty {
            runCycle(due)
            return
        }
        guard let next else { return }
        let delay = max(next.timeIntervalSince(t), 0.05)
        let source = DispatchSource.makeTimerSource(queue: control)
        source.schedule(deadline: .now() + delay, leeway: .milliseconds(Int(min(delay * 50, 5000))))
        source.setEventHandler { [weak self] in self?.schedule() }
        source.resume()
        timer = source
    }

    private func runCycle(_ feeds: [FeedConfig]) {
        dispatchPrecondition(condition: .onQueue(control))
        cycleRunning = true
        let runtime = self.runtime
        let metrics = self.metrics
        work.async {
            var status: String
            do {
                let summary = try runtime.cycle.run(feeds: feeds)
                status = "last cycle \(ISO8601DateFormatter().string(from: summary.startedAt)): " + summary.line
                self.logger.info("\(summary.line) in \(String(format: "%.2f", summary.duration)) s")
                do { try metrics?.record(summary) } catch { self.logger.warning("metrics file: \(error)") }
            } catch {
                status = "last cycle failed: \(error)"
                self.logger.error("cycle failed: \(error)")
                // Storage trouble (disk full, locked): retry after a pause rather than spin.
                try? runtime.store.postpone(feeds: feeds.map(\.url), until: self.now().addingTimeInterval(min(runtime.config.interval, 60)))
            }
            self.hooks.async { runtime.hooks.deliverPending() }
            let finalStatus = status
            self.control.async {
                self.cycleRunning = false
                self.notifier.notify("STATUS=" + finalStatus)
                self.schedule()
            }
        }
    }

    private func startWatchdog() {
        guard let interval = SystemdNotifier.watchdogInterval() else { return }
        let source = DispatchSource.makeTimerSource(queue: control)
        source.schedule(deadline: .now() + interval / 2, repeating: interval / 2)
        source.setEventHandler { [weak self] in self?.notifier.notify("WATCHDOG=1") }
        source.resume()
        watchdog = source
    }

    static func monotonicMicroseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1000
    }
}
