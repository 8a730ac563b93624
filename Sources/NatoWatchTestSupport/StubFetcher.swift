import Foundation
import NatoWatch

/// A ``Fetcher`` for tests that answers from a table instead of the network.
///
/// ```swift
/// let fetcher = StubFetcher()
/// fetcher.stub("https://example.org/feed", body: "<rss>…</rss>")
/// fetcher.stub("https://example.org/gone", failure: FetchFailure(kind: .gone, message: "gone", httpStatus: 410))
/// // … run the cycle with `fetcher` …
/// #expect(fetcher.requests.map(\.url) == ["https://example.org/feed", "https://example.org/gone"])
/// ```
///
/// Requests are answered in order, on the calling thread; a URL without a stub fails with kind `.other`.
/// Thread-safe.
public final class StubFetcher: Fetcher, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String: Result<FetchResponse, FetchFailure>] = [:]
    private var received: [FetchRequest] = []

    public init() {}

    /// Answers `url` with `result`.
    public func stub(_ url: String, _ result: Result<FetchResponse, FetchFailure>) {
        lock.withLock { answers[url] = result }
    }

    /// Answers `url` with 200 and `body` (and `headers`, names lower-cased).
    public func stub(_ url: String, body: String, headers: [String: String] = [:]) {
        let data = Data(body.utf8)
        stub(
            url,
            .success(
                FetchResponse(
                    status: 200, body: data, headers: headers, effectiveURL: url, wireBytes: data.count, duration: 0)))
    }

    /// Answers `url` with a failure.
    public func stub(_ url: String, failure: FetchFailure) {
        stub(url, .failure(failure))
    }

    /// Every request received so far, in order.
    public var requests: [FetchRequest] { lock.withLock { received } }

    public func fetchAll(
        _ requests: [FetchRequest],
        onResult: @escaping @Sendable (FetchRequest, Result<FetchResponse, FetchFailure>) -> Void
    ) {
        for request in requests {
            let answer: Result<FetchResponse, FetchFailure> = lock.withLock {
                received.append(request)
                return answers[request.url]
                    ?? .failure(FetchFailure(kind: .other, message: "\(request.url): no stub for this URL"))
            }
            onResult(request, answer)
        }
    }

    /// Does nothing: stubbed answers are immediate.
    public func cancel() {}
}
