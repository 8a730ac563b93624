import Foundation
import NatoWatch
import NatoWatchTestSupport

/// Settings for tests: short timeouts, no proxy from the environment.
func testSettings(_ change: (inout FetchSettings) -> Void = { _ in }) -> FetchSettings {
    var settings = FetchSettings()
    settings.connectTimeout = 2
    settings.totalTimeout = 5
    settings.lowSpeedTime = 5
    settings.proxy = ""
    change(&settings)
    return settings
}

/// Collects results in arrival order from any thread.
final class ResultLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(request: FetchRequest, result: Result<FetchResponse, FetchFailure>)] = []

    func add(_ request: FetchRequest, _ result: Result<FetchResponse, FetchFailure>) {
        lock.withLock { entries.append((request, result)) }
    }

    var all: [(request: FetchRequest, result: Result<FetchResponse, FetchFailure>)] { lock.withLock { entries } }

    var keys: [String] { all.map(\.request.key) }

    func result(_ key: String) -> Result<FetchResponse, FetchFailure>? {
        all.first { $0.request.key == key }?.result
    }
}

/// Fetches the requests with a new `CurlFetcher` and returns the results in arrival order.
func fetch(_ requests: [FetchRequest], settings: FetchSettings = testSettings()) throws -> ResultLog {
    let fetcher = try CurlFetcher(settings: settings)
    let log = ResultLog()
    fetcher.fetchAll(requests) { request, result in log.add(request, result) }
    return log
}

/// Fetches one URL and returns its result.
func fetchOne(
    _ url: String, etag: String? = nil, lastModified: String? = nil, allowFileURL: Bool = false,
    settings: FetchSettings = testSettings()
) throws -> Result<FetchResponse, FetchFailure> {
    let request = FetchRequest(key: "one", url: url, etag: etag, lastModified: lastModified, allowFileURL: allowFileURL)
    let log = try fetch([request], settings: settings)
    guard let result = log.result("one") else { throw TestError("no result for \(url)") }
    return result
}

struct TestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Result where Success == FetchResponse, Failure == FetchFailure {
    var response: FetchResponse? { try? get() }
    var failure: FetchFailure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
