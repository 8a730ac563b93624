import Foundation
import Logging

/// The composition root: builds the pipeline's parts from a config, for `fetch`, `run` and tests.
public final class Runtime: @unchecked Sendable {
    public let config: NatoWatchConfig
    public let store: Store
    /// The rules, compiled on first use unless `eagerRules` (see ``ClassifierLoader``).
    public let classifier: ClassifierLoader
    public let alertLog: AlertLog
    public let fetcher: any Fetcher
    public let cycle: FetchCycle
    public let hooks: AlertHooks

    /// Builds everything; `fetcher` defaults to libcurl.
    public init(config: NatoWatchConfig, fetcher: (any Fetcher)? = nil, logger: Logger = Logger(label: "natowatch"), eagerRules: Bool = true) throws {
        self.config = config
        store = try Store(file: config.databaseFile)
        classifier = ClassifierLoader(rulesFile: config.topicsFile)
        if eagerRules { _ = try classifier.load() }
        alertLog = AlertLog(path: config.alertLog.path)
        self.fetcher = try fetcher ?? CurlFetcher(settings: config.fetch)
        try store.syncFeeds(config.feeds)
        if let seedFile = config.ledgerSeed {
            let added = try store.importSeed(try LedgerSeed.load(seedFile), now: Date())
            if added > 0 { logger.info("ledger seed \(seedFile.path): \(added) known facts added") }
        }
        hooks = AlertHooks(store: store, config: config, logger: logger)
        cycle = FetchCycle(
            config: config, store: store, fetcher: self.fetcher, classifier: classifier, alertLog: alertLog, logger: logger)
    }
}
