import CCurl
import CCurlShim
import Foundation

/// The real ``Fetcher``: libcurl's multi interface, many transfers in flight on one thread.
///
/// `fetchAll` runs its transfer loop synchronously on a private serial queue (so on the calling
/// thread, one `fetchAll` at a time): the multi handle, every easy handle and all transfer state are
/// confined to that queue, and libcurl's callbacks run there, inside `curl_multi_perform`. The loop
/// sleeps in `curl_multi_poll`; `cancel()` is the one call from another thread, and it only sets a
/// flag and calls `curl_multi_wakeup`, which libcurl documents as thread-safe.
///
/// Limits: at most `maxConcurrency` transfers in flight and at most `perHost` per host (scheme,
/// host and port of the initial URL); the rest wait in turn. Results go to `onResult` as each
/// transfer finishes. Transfers aborted by `cancel()` are not reported. Timeouts run from the moment a
/// transfer leaves the queue, so a long queue never times feeds out. `onResult` runs on the fetch
/// queue: it must not call `fetchAll` on the same fetcher (that would deadlock), and should be quick.
public final class CurlFetcher: Fetcher, @unchecked Sendable {
    /// Settings every transfer uses.
    public let settings: FetchSettings
    private let queue = DispatchQueue(label: "natowatch.fetch")
    /// Confined to `queue`, except `curl_multi_wakeup` from `cancel()`.
    private let multi: UnsafeMutableRawPointer
    /// Reset easy handles kept for the next transfers (confined to `queue`).
    private var idleHandles: [UnsafeMutableRawPointer] = []
    private let cancelState = CancelFlag()

    /// Creates the multi handle; throws when libcurl cannot be initialised.
    public init(settings: FetchSettings) throws(FetchFailure) {
        try CurlGlobal.initialise()
        guard let multi = curl_multi_init() else {
            throw FetchFailure(kind: .other, message: "could not initialise libcurl: curl_multi_init failed")
        }
        guard let probe = curl_easy_init() else {
            curl_multi_cleanup(multi)
            throw FetchFailure(kind: .other, message: "could not initialise libcurl: curl_easy_init failed")
        }
        self.settings = settings
        self.multi = multi
        idleHandles = [probe]
        // Connections kept for reuse: enough for every slot.
        _ = nw_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(16, settings.maxConcurrency * 2))
    }

    deinit {
        for handle in idleHandles { curl_easy_cleanup(handle) }
        curl_multi_cleanup(multi)
    }

    /// The libcurl version this process runs with, e.g. `libcurl/7.88.1 OpenSSL/3.0.19 zlib/1.2.13`.
    public static var libcurlVersion: String { String(cString: nw_curl_version()) }

    public func fetchAll(
        _ requests: [FetchRequest],
        onResult: @escaping @Sendable (FetchRequest, Result<FetchResponse, FetchFailure>) -> Void
    ) {
        queue.sync {
            var loop = FetchLoop(fetcher: self, requests: requests, onResult: onResult)
            loop.run()
        }
    }

    /// Aborts the transfers in flight and makes this and every later `fetchAll` return at once.
    public func cancel() {
        cancelState.set()
        curl_multi_wakeup(multi)
    }

    /// True once `cancel()` was called.
    public var isCancelled: Bool { cancelState.isSet }

    // MARK: Queue-confined helpers for FetchLoop

    var multiHandle: UnsafeMutableRawPointer {
        dispatchPrecondition(condition: .onQueue(queue))
        return multi
    }

    func takeHandle() -> UnsafeMutableRawPointer? {
        dispatchPrecondition(condition: .onQueue(queue))
        return idleHandles.popLast() ?? curl_easy_init()
    }

    func recycle(_ handle: UnsafeMutableRawPointer) {
        dispatchPrecondition(condition: .onQueue(queue))
        curl_easy_reset(handle)
        if idleHandles.count < max(16, settings.maxConcurrency) {
            idleHandles.append(handle)
        } else {
            curl_easy_cleanup(handle)
        }
    }
}
