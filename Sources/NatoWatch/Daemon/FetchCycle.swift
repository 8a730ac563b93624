import Foundation
import Logging
import Synchronization

/// One fetch cycle: fetch the given feeds, parse what changed, classify new items, store them
/// with their facts and queued alerts, then deliver the alerts. A plain synchronous function of
/// (config, fetcher, store, classifier, clock); the scheduler and the CLI both call it.
public final class FetchCycle: @unchecked Sendable {
    public let config: NatoWatchConfig
    public let store: Store
    public let fetcher: any Fetcher
    public let classifier: ClassifierLoader
    public let delivery: AlertDelivery
    public let now: @Sendable () -> Date
    public let random: @Sendable () -> Double
    let logger: Logger
    let policy: SchedulePolicy
    private let pruneState = Mutex<Date?>(nil)

    public init(
        config: NatoWatchConfig, store: Store, fetcher: any Fetcher, classifier: ClassifierLoader, alertLog: AlertLog,
        logger: Logger = Logger(label: "natowatch"),
        now: @escaping @Sendable () -> Date = { Date() },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.config = config
        self.store = store
        self.fetcher = fetcher
        self.classifier = classifier
        self.delivery = AlertDelivery(store: store, log: alertLog, format: config.alertFormat)
        self.logger = logger
        self.now = now
        self.random = random
        self.policy = SchedulePolicy(config: config)
    }

    /// Runs one cycle over `feeds` (all configured feeds when nil).
    public func run(feeds: [FeedConfig]? = nil) throws -> CycleSummary {
        let started = now()
        var summary = CycleSummary(startedAt: started)
        let feeds = feeds ?? config.feeds
        let states = try store.feedStates()
        var requests: [FetchRequest] = []
        var byKey: [String: FeedConfig] = [:]
        for feed in feeds {
            let state = states[feed.url]
            if let reason = state?.disabledReason {
                logger.info("skipping \(feed.name): \(reason)")
                continue
            }
            if state?.lastErrorKind == FetchFailure.Kind.rateLimited.rawValue, let until = state?.nextDueAt, until > started {
                logger.info("skipping \(feed.name): the server asked us to wait (Retry-After) until \(until)")
                continue
            }
            byKey[feed.url] = feed
            requests.append(
                FetchRequest(
                    key: feed.url, url: state?.movedTo ?? feed.fetchURL, etag: state?.etag, lastModified: state?.lastModified,
                    allowFileURL: config.allowFileURLs))
        }
        summary.feedsFetched = requests.count
        let queue = DispatchQueue(label: "natowatch.ingest")
        let box = SummaryBox(summary)
        let feedsByKey = byKey
        // Backpressure: at most a few fetched bodies wait for parsing, so memory stays bounded
        // however many feeds a cycle has; fetching simply pauses while the parser catches up.
        let pending = DispatchSemaphore(value: 4)
        fetcher.fetchAll(requests) { request, result in
            pending.wait()
            queue.async {
                defer { pending.signal() }
                guard let feed = feedsByKey[request.key] else { return }
                do {
                    try self.process(feed: feed, state: states[feed.url], result: result, summary: box)
                } catch {
                    box.fail(error)
                    box.update { $0.failures.append(.init(name: feed.name, url: feed.url, kind: "storage", reason: "\(error)")) }
                }
            }
        }
        queue.sync {}
        summary = box.value
        try deferRateLimitedHosts(box.rateLimited, feeds: feeds)
        if let storageError = box.error { throw storageError }
        summary.alerts = try delivery.deliverPending(now: now())
        pruneIfDue()
        summary.duration = now().timeIntervalSince(started)
        try? store.recordCycle(summary)
        return summary
    }

    private func process(feed: FeedConfig, state old: FeedState?, result: Result<FetchResponse, FetchFailure>, summary: SummaryBox) throws {
        let t = now()
        var state = old ?? FeedState(url: feed.url, name: feed.name)
        state.name = feed.name
        state.lastFetchAt = t
        let interval = config.interval(of: feed)
        switch result {
        case .failure(let f):
            if f.kind == .rateLimited, let host = CanonicalURL.host(feed.fetchURL) {
                summary.rateLimited(host: host, retryAfter: f.retryAfter ?? config.interval(of: feed))
            }
            try recordFailure(feed: feed, state: &state, kind: f.kind.rawValue, message: f.message, status: f.httpStatus, retryAfter: f.retryAfter, gone: f.kind == .gone, summary: summary)
        case .success(let r):
            state.lastStatus = r.status
            state.bytes = r.wireBytes
            state.duration = r.duration
            if let moved = r.permanentRedirect, moved != feed.url {
                if state.movedTo != moved { logger.notice("\(feed.name): moved permanently to \(moved); update the config") }
                state.movedTo = moved
            }
            summary.update { $0.wireBytes += r.wireBytes }
            if r.notModified {
                markSuccess(&state, feed: feed, t: t, headers: r.headers, ttl: nil, interval: interval)
                try store.saveFeedState(state)
                summary.update {
                    $0.feedsOK += 1
                    $0.feedsNotModified += 1
                }
                return
            }
            let doc: FeedDocument
            do {
                doc = try FeedParser.parse(r.body, baseURL: r.effectiveURL, contentType: r.contentType)
            } catch {
                try recordFailure(feed: feed, state: &state, kind: error.kind == .notAFeed ? "not_a_feed" : "parse", message: "\(r.effectiveURL): \(error)", status: r.status, retryAfter: nil, gone: false, summary: summary)
                return
            }
            state.etag = r.etag
            state.lastModified = r.lastModified
            state.itemsInFeed = doc.entries.count
            markSuccess(&state, feed: feed, t: t, headers: r.headers, ttl: doc.ttlMinutes, interval: interval)
            let baseline = !state.baselineDone
            state.baselineDone = true
            let items = try newItems(of: doc, feed: feed)
            let ingestPolicy = IngestPolicy(
                now: t, baseline: baseline, alertMaxAge: config.alertMaxAge, storyWindow: config.storyWindow,
                missionWindow: config.missionWindow)
            let stored = try store.ingest(feed: feed, state: state, items: items, policy: ingestPolicy)
            if doc.bozo { logger.debug("\(feed.name): ill-formed feed recovered (\(doc.bozoReason ?? "bozo"))") }
            summary.update {
                $0.feedsOK += 1
                $0.newItems += stored.newItems
                $0.matches += stored.matches
            }
        }
    }

    private func markSuccess(_ state: inout FeedState, feed: FeedConfig, t: Date, headers: [String: String], ttl: Int?, interval: TimeInterval) {
        if state.failingAlerted {
            var a = Alert(ts: t, id: StableHash.hex("feed.recovered", feed.url, String(t.timeIntervalSince1970)), kind: "feed.recovered")
            a.feed = feed.name
            a.url = feed.url
            a.reason = "fetching works again after \(state.consecutiveFailures) failures"
            _ = try? store.enqueue(a)
            state.failingAlerted = false
        }
        state.consecutiveFailures = 0
        state.lastError = nil
        state.lastErrorKind = nil
        state.lastSuccessAt = t
        state.nextDueAt = policy.nextAfterSuccess(now: t, interval: interval, headers: headers, ttlMinutes: ttl, jitter: random())
    }

    private func recordFailure(
        feed: FeedConfig, state: inout FeedState, kind: String, message: String, status: Int?, retryAfter: TimeInterval?,
        gone: Bool, summary: SummaryBox
    ) throws {
        let t = state.lastFetchAt ?? now()
        state.consecutiveFailures += 1
        state.lastError = message
        state.lastErrorKind = kind
        state.lastStatus = status
        if gone { state.disabledReason = "disabled: the server says the feed is gone (410); remove it from the config" }
        state.nextDueAt = policy.nextAfterFailure(
            now: t, interval: config.interval(of: feed), failures: state.consecutiveFailures, retryAfter: retryAfter, jitter: random())
        if state.consecutiveFailures >= config.failureThreshold && !state.failingAlerted {
            var a = Alert(ts: t, id: StableHash.hex("feed.failing", feed.url, String(t.timeIntervalSince1970)), kind: "feed.failing")
            a.feed = feed.name
            a.url = feed.url
            a.reason = "\(state.consecutiveFailures) consecutive failures: \(message)"
            try store.enqueue(a)
            state.failingAlerted = true
        }
        try store.saveFeedState(state)
        logger.warning("\(feed.name): \(message)")
        summary.update {
            $0.feedsFailed += 1
            $0.failures.append(.init(name: feed.name, url: feed.url, kind: kind, reason: message))
        }
    }

    /// Retention runs at most once an hour, not after every (possibly tiny) cycle.
    private func pruneIfDue() {
        let t = now()
        let last = pruneState.withLock { $0 }
        guard last.map({ t.timeIntervalSince($0) >= 3600 }) ?? true else { return }
        pruneState.withLock { $0 = t }
        do {
            let r = try store.prune(before: t.addingTimeInterval(-config.retention))
            if r.itemsPruned > 0 { logger.info("retention: pruned \(r.itemsPruned) old items") }
        } catch {
            logger.warning("retention: \(error)")
        }
    }

    /// A `Retry-After` holds back the whole host only when several of its feeds received one in
    /// this cycle, so one rate-limited path does not silence a site.
    func deferRateLimitedHosts(_ hosts: [String: [TimeInterval]], feeds: [FeedConfig]) throws {
        for (host, waits) in hosts where waits.count >= 2 {
            let until = now().addingTimeInterval(waits.max() ?? 0)
            let onHost = config.feeds.filter { CanonicalURL.host($0.fetchURL) == host }.map(\.url)
            try store.deferFeeds(onHost, until: until)
            logger.warning("\(host): \(waits.count) feeds rate-limited; holding the host back until \(until)")
        }
    }

    /// How much of an item's text the classifier reads.
    static let maxArticleCharacters = 200_000

    /// The entries not seen before, classified.
    func newItems(of doc: FeedDocument, feed: FeedConfig) throws -> [IncomingItem] {
        let identities = ItemIdentity.keys(for: doc.entries)
        let known = try store.knownKeys(feedURL: feed.url, keys: identities.map(\.key))
        var out: [IncomingItem] = []
        var seen = Set<String>()
        let classifier = try self.classifier.load()
        for (entry, identity) in zip(doc.entries, identities) where !known.contains(identity.key) {
            guard seen.insert(identity.key).inserted else { continue }
            let text = entry.contentText ?? entry.summaryText ?? ""
            // Real articles are far shorter; the bound keeps one hostile item from holding up a cycle.
            let article = Article(
                id: entry.id ?? entry.link, title: entry.title.map { String($0.prefix(2_000)) },
                text: text.count > Self.maxArticleCharacters ? String(text.prefix(Self.maxArticleCharacters)) : text,
                published: entry.published)
            out.append(IncomingItem(identity: identity, entry: entry, text: text, classification: classifier.classify(article)))
        }
        return out
    }
}

/// A summary shared between the fetch callback and the ingest queue.
final class SummaryBox: @unchecked Sendable {
    private let lock = NSLock()
    private var summary: CycleSummary
    private var firstError: (any Error)?
    init(_ s: CycleSummary) { summary = s }
    var error: (any Error)? { lock.withLock { firstError } }
    func fail(_ e: any Error) { lock.withLock { if firstError == nil { firstError = e } } }
    private var limited: [String: [TimeInterval]] = [:]
    var rateLimited: [String: [TimeInterval]] { lock.withLock { limited } }
    func rateLimited(host: String, retryAfter: TimeInterval) { lock.withLock { limited[host, default: []].append(retryAfter) } }
    var value: CycleSummary { lock.withLock { summary } }
    func update(_ f: (inout CycleSummary) -> Void) { lock.withLock { f(&summary) } }
}
