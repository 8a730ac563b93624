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
        let line = Self.trimmed(bytes)
        if line.starts(with: Self.httpPrefix) {
            let text = String(decoding: line, as: UTF8.self)
            let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            statuses.append(parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
            reason = parts.count > 2 ? String(parts[2]) : ""
            headers = [:]
            body = Data()
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = Self.trimmed(UnsafeRawBufferPointer(rebasing: line[..<colon]))
        guard !name.isEmpty else { return }
        let value = Self.trimmed(UnsafeRawBufferPointer(rebasing: line[(colon + 1)...]))
        let lowerName = String(decoding: name.lazy.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
        headers[lowerName] = String(decoding: value, as: UTF8.self)
    }

    private static let httpPrefix = Array("HTTP/".utf8)

    /// The bytes without leading and trailing spaces, tabs, CR and LF.
    private static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer.SubSequence {
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 13 || byte == 10 }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    /// The error buffer's text.
    var errorText: String {
        String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
