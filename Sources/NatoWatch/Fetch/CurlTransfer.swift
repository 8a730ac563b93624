import CCurl
import CCurlShim
import Foundation

/// One transfer in flight: its easy handle and what the callbacks collect.
///
/// Confined to the fetch loop's queue (``CurlFetcher``): libcurl calls the callbacks from inside
/// `curl_multi_perform` on that queue, and reaches this object through an `Unmanaged` userdata
/// pointer. The loop keeps the object alive until the handle is removed and cleaned up.
final class CurlTransfer {
    let request: FetchRequest
    let index: Int
    let host: String
    let handle: UnsafeMutableRawPointer
    let maxBytes: Int
    private(set) var body = Data()
    private(set) var headers: [String: String] = [:]
    private(set) var statuses: [Int] = []
    private(set) var reason = ""
    private(set) var exceededCap = false
    /// `CURLOPT_ERRORBUFFER`; owned here, freed in `deinit` after the handle is gone.
    let errorBuffer: UnsafeMutablePointer<CChar>
    /// Request headers handed to libcurl; freed in `deinit`.
    var requestHeaders: UnsafeMutablePointer<curl_slist>?

    init(request: FetchRequest, index: Int, host: String, handle: UnsafeMutableRawPointer, maxBytes: Int) {
        self.request = request
        self.index = index
        self.host = host
        self.handle = handle
        self.maxBytes = maxBytes
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_slist_free_all(requestHeaders)
        errorBuffer.deallocate()
    }

    /// The status of the response being received (0 before the first status line).
    var currentStatus: Int { statuses.last ?? 0 }

    /// Write callback: appends decoded bytes; false aborts the transfer (the cap was passed).
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let limit = currentStatus >= 400 ? min(maxBytes, FetchInterpreter.errorBodyLimit) : maxBytes
        if body.count + bytes.count > limit {
            if currentStatus >= 400 {
                // Enough of an error page to classify it; stop reading without calling it too large.
                body.append(contentsOf: bytes.prefix(max(0, limit - body.count)))
                return false
            }
            exceededCap = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Header callback: one line per call, the status line of each response included.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 10 || bytes[end - 1] == 13 { end -= 1 }
        let line = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            statuses.append(parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
            reason = parts.count > 2 ? String(parts[2]) : ""
            headers = [:]
            body = Data()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if !name.isEmpty { headers[name] = value }
    }

    /// Whether an error page was cut short on purpose (not a failure of its own).
    var truncatedErrorBody: Bool { !exceededCap && currentStatus >= 400 }

    /// The error buffer's text.
    var errorText: String {
        String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
