import CCurl
import CCurlShim
import Foundation

/// One `fetchAll` run: starts transfers as slots free up, sleeps in `curl_multi_poll`, and hands
/// each finished transfer to `onResult`. Lives on the fetcher's queue for the whole run.
struct FetchLoop {
    let fetcher: CurlFetcher
    let requests: [FetchRequest]
    let onResult: @Sendable (FetchRequest, Result<FetchResponse, FetchFailure>) -> Void
    private var scheduler: TransferScheduler
    /// Transfers in flight, keyed by their easy handle.
    private var inFlight: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    init(
        fetcher: CurlFetcher, requests: [FetchRequest],
        onResult: @escaping @Sendable (FetchRequest, Result<FetchResponse, FetchFailure>) -> Void
    ) {
        self.fetcher = fetcher
        self.requests = requests
        self.onResult = onResult
        scheduler = TransferScheduler(
            maxConcurrency: fetcher.settings.maxConcurrency, perHost: fetcher.settings.perHost)
    }

    mutating func run() {
        let multi = fetcher.multiHandle
        for (index, request) in requests.enumerated() {
            if let refusal = Self.refusal(for: request) {
                onResult(request, .failure(refusal))
                continue
            }
            scheduler.enqueue(index, host: TransferScheduler.hostKey(for: request.url))
        }
        while !fetcher.isCancelled {
            startWaiting(multi)
            if inFlight.isEmpty && scheduler.isIdle { break }
            var running: Int32 = 0
            let performCode = curl_multi_perform(multi, &running)
            if performCode != CURLM_OK {
                failAll(
                    multi, reason: "curl_multi_perform failed (\(String(cString: curl_multi_strerror(performCode))))")
                break
            }
            let finished = collectFinished(multi)
            if finished > 0 { continue }
            if running > 0 || !inFlight.isEmpty {
                let pollCode = curl_multi_poll(multi, nil, 0, 1000, nil)
                if pollCode != CURLM_OK {
                    failAll(multi, reason: "curl_multi_poll failed (\(String(cString: curl_multi_strerror(pollCode))))")
                    break
                }
            }
        }
        abortAll(multi)
    }

    /// A request refused before any transfer: a scheme it may not use.
    static func refusal(for request: FetchRequest) -> FetchFailure? {
        let scheme = URLComponentsLite(request.url)?.scheme ?? ""
        switch scheme {
        case "http", "https": return nil
        case "file" where request.allowFileURL: return nil
        case "file":
            return FetchFailure(
                kind: .forbiddenScheme, message: "\(request.url): file: URLs are not allowed for this feed")
        default:
            let shown = scheme.isEmpty ? "no scheme" : "scheme \(scheme):"
            return FetchFailure(
                kind: .forbiddenScheme, message: "\(request.url): \(shown) is not allowed (only http and https)")
        }
    }

    private mutating func startWaiting(_ multi: UnsafeMutableRawPointer) {
        while let (index, host) = scheduler.next() {
            let request = requests[index]
            guard let handle = fetcher.takeHandle() else {
                scheduler.finished(host: host)
                onResult(
                    request, .failure(FetchFailure(kind: .other, message: "\(request.url): curl_easy_init failed")))
                continue
            }
            let transfer = CurlTransfer(
                request: request, index: index, host: host, handle: handle, maxBytes: fetcher.settings.maxBytes)
            do {
                try transfer.configure(settings: fetcher.settings)
            } catch {
                fetcher.recycle(handle)
                scheduler.finished(host: host)
                onResult(request, .failure(error))
                continue
            }
            let code = curl_multi_add_handle(multi, handle)
            guard code == CURLM_OK else {
                fetcher.recycle(handle)
                scheduler.finished(host: host)
                let text = String(cString: curl_multi_strerror(code))
                onResult(
                    request, .failure(FetchFailure(kind: .other, message: "\(request.url): could not start (\(text))")))
                continue
            }
            inFlight[handle] = transfer
        }
    }

    /// Reads `CURLMSG_DONE` messages; returns how many transfers finished.
    private mutating func collectFinished(_ multi: UnsafeMutableRawPointer) -> Int {
        var finished = 0
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            var easy: UnsafeMutableRawPointer?
            var result = CURLE_OK
            guard nw_multi_msg_done(message, &easy, &result) != 0, let easy, let transfer = inFlight[easy] else {
                continue
            }
            let report = transfer.report(result: result)
            curl_multi_remove_handle(multi, easy)
            inFlight[easy] = nil
            scheduler.finished(host: transfer.host)
            fetcher.recycle(easy)
            finished += 1
            onResult(transfer.request, FetchInterpreter.interpret(report))
        }
        return finished
    }

    /// Removes every transfer in flight without reporting it (cancelled runs).
    private mutating func abortAll(_ multi: UnsafeMutableRawPointer) {
        for (handle, _) in inFlight {
            curl_multi_remove_handle(multi, handle)
            fetcher.recycle(handle)
        }
        inFlight = [:]
    }

    /// Reports every transfer in flight and every waiting request as failed (the multi handle broke).
    private mutating func failAll(_ multi: UnsafeMutableRawPointer, reason: String) {
        for (handle, transfer) in inFlight {
            curl_multi_remove_handle(multi, handle)
            fetcher.recycle(handle)
            onResult(
                transfer.request, .failure(FetchFailure(kind: .other, message: "\(transfer.request.url): \(reason)")))
        }
        inFlight = [:]
        while let (index, host) = scheduler.next() {
            scheduler.finished(host: host)
            let request = requests[index]
            onResult(request, .failure(FetchFailure(kind: .other, message: "\(request.url): \(reason)")))
        }
    }
}
