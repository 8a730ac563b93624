import CCurl
import CCurlShim
import Foundation

/// POSTs a JSON body to a webhook with libcurl (blocking; called off the cycle's path).
public struct WebhookPoster: Sendable {
    public let url: String
    public let settings: FetchSettings

    public init(url: String, settings: FetchSettings) {
        self.url = url
        self.settings = settings
    }

    /// Sends `json`; succeeds on any 2xx answer, otherwise throws with the status or curl's reason.
    public func post(_ json: String) throws(FetchFailure) {
        guard let handle = curl_easy_init() else {
            throw FetchFailure(kind: .other, message: "\(url): curl_easy_init failed")
        }
        defer { curl_easy_cleanup(handle) }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        var headers: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "Content-Type: application/json")
        headers = curl_slist_append(headers, "Expect:")
        defer { curl_slist_free_all(headers) }
        let body = Array(json.utf8CString)
        let rc: CURLcode = body.withUnsafeBufferPointer { buf in
            _ = nw_easy_setopt_string(handle, CURLOPT_URL, url)
            _ = nw_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
            _ = nw_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
            _ = nw_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
            _ = nw_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
            _ = nw_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(settings.connectTimeout * 1000))
            _ = nw_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(min(settings.totalTimeout, 30) * 1000))
            _ = nw_easy_setopt_string(handle, CURLOPT_USERAGENT, settings.userAgent)
            _ = nw_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
            _ = nw_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
            if let proxy = settings.proxy { _ = nw_easy_setopt_string(handle, CURLOPT_PROXY, proxy) }
            if let ca = settings.caBundle { _ = nw_easy_setopt_string(handle, CURLOPT_CAINFO, ca) }
            _ = nw_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
            _ = nw_easy_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count - 1)
            _ = nw_easy_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: buf.baseAddress))
            // Discard the response body.
            _ = nw_easy_set_write_callback(handle, { _, size, count, _ in size * count }, nil)
            return curl_easy_perform(handle)
        }
        guard rc == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            let text = detail.isEmpty ? String(cString: curl_easy_strerror(rc)) : detail
            throw FetchFailure(kind: .other, message: "webhook \(url): \(text) (curl error \(rc.rawValue))")
        }
        var status = 0
        _ = nw_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        guard (200..<300).contains(status) else {
            throw FetchFailure(kind: .http, message: "webhook \(url): HTTP \(status)", httpStatus: status)
        }
    }
}
