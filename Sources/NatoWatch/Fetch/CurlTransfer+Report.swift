import CCurl
import CCurlShim
import Foundation

extension CurlTransfer {
    /// Reads what libcurl knows about a finished transfer into plain values.
    func report(result: CURLcode) -> TransferReport {
        var report = TransferReport(url: request.url)
        report.curlCode = Int(result.rawValue)
        if result != CURLE_OK {
            report.curlText = String(cString: curl_easy_strerror(result))
            report.errorBuffer = errorText
        }
        var status = 0
        _ = nw_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        report.status = status
        report.reason = reason
        report.headers = headers
        report.body = body
        report.statuses = statuses
        var redirects = 0
        _ = nw_easy_getinfo_long(handle, CURLINFO_REDIRECT_COUNT, &redirects)
        report.redirectCount = redirects
        report.effectiveURL = Self.string(handle, CURLINFO_EFFECTIVE_URL) ?? request.url
        report.redirectURL = Self.string(handle, CURLINFO_REDIRECT_URL)
        var downloaded: curl_off_t = 0
        _ = nw_easy_getinfo_offt(handle, CURLINFO_SIZE_DOWNLOAD_T, &downloaded)
        var headerBytes = 0
        _ = nw_easy_getinfo_long(handle, CURLINFO_HEADER_SIZE, &headerBytes)
        report.wireBytes = Int(downloaded) + headerBytes
        var micros: curl_off_t = 0
        _ = nw_easy_getinfo_offt(handle, CURLINFO_TOTAL_TIME_T, &micros)
        report.duration = TimeInterval(micros) / 1_000_000
        report.isFileURL = URLComponentsLite(request.url)?.scheme == "file"
        report.exceededCap = exceededCap
        report.maxBytes = maxBytes
        return report
    }

    private static func string(_ handle: UnsafeMutableRawPointer, _ info: CURLINFO) -> String? {
        var pointer: UnsafePointer<CChar>?
        guard nw_easy_getinfo_string(handle, info, &pointer) == CURLE_OK, let pointer else { return nil }
        return String(cString: pointer)
    }
}
