import CCurl
import CCurlShim
import Foundation

extension CurlTransfer {
    /// The protocols a transfer may start with, and the only ones a redirect may lead to.
    static let webProtocols = "http,https"
    static let webAndFileProtocols = "http,https,file"
    /// Feed types first; anything else still accepted.
    static let acceptHeader =
        "Accept: application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"

    /// Sets every option of the request on the (fresh or reset) handle: the request builder.
    func configure(settings: FetchSettings) throws(FetchFailure) {
        let url = request.url
        func check(_ code: CURLcode, _ what: String) throws(FetchFailure) {
            guard code != CURLE_OK else { return }
            let text = String(cString: curl_easy_strerror(code))
            throw FetchFailure(
                kind: .other, message: "\(url): could not set \(what) (curl error \(code.rawValue): \(text))")
        }
        let userdata = Unmanaged.passUnretained(self).toOpaque()
        try check(nw_easy_setopt_string(handle, CURLOPT_URL, url), "the URL")
        try check(nw_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "the error buffer")
        try check(nw_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "NOSIGNAL")
        let protocols = request.allowFileURL ? Self.webAndFileProtocols : Self.webProtocols
        try check(nw_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, protocols), "protocols")
        try check(nw_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, Self.webProtocols), "redirect protocols")
        try check(nw_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1), "FOLLOWLOCATION")
        try check(nw_easy_setopt_long(handle, CURLOPT_MAXREDIRS, max(0, settings.maxRedirects)), "MAXREDIRS")
        try check(nw_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""), "accepted encodings")
        try check(nw_easy_setopt_offt(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(settings.maxBytes)), "MAXFILESIZE")
        try check(
            nw_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(settings.connectTimeout)),
            "connect timeout")
        try check(nw_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(settings.totalTimeout)), "timeout")
        try check(
            nw_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, max(0, settings.lowSpeedLimit)), "low-speed limit")
        let lowSpeedSeconds = Int(settings.lowSpeedTime.rounded(.up))
        try check(nw_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, lowSpeedSeconds)), "low-speed time")
        try check(nw_easy_setopt_string(handle, CURLOPT_USERAGENT, settings.userAgent), "User-Agent")
        try check(nw_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1), "SSL_VERIFYPEER")
        try check(nw_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2), "SSL_VERIFYHOST")
        if let proxy = settings.proxy {
            try check(nw_easy_setopt_string(handle, CURLOPT_PROXY, proxy), "the proxy")
        }
        if let caBundle = settings.caBundle {
            try check(nw_easy_setopt_string(handle, CURLOPT_CAINFO, caBundle), "the CA bundle")
        }
        var list: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, Self.acceptHeader)
        if let etag = request.etag, !etag.isEmpty {
            list = curl_slist_append(list, "If-None-Match: \(singleLine(etag))")
        }
        if let lastModified = request.lastModified, !lastModified.isEmpty {
            list = curl_slist_append(list, "If-Modified-Since: \(singleLine(lastModified))")
        }
        requestHeaders = list
        try check(nw_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list), "request headers")
        try check(
            nw_easy_set_write_callback(
                handle,
                { pointer, size, count, userdata in
                    guard let pointer, let userdata else { return 0 }
                    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
                    let length = size * count
                    return transfer.receiveBody(UnsafeRawBufferPointer(start: pointer, count: length)) ? length : 0
                }, userdata), "the write callback")
        try check(
            nw_easy_set_header_callback(
                handle,
                { pointer, size, count, userdata in
                    guard let pointer, let userdata else { return 0 }
                    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
                    let length = size * count
                    transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: pointer, count: length))
                    return length
                }, userdata), "the header callback")
    }

    private func milliseconds(_ seconds: TimeInterval) -> Int {
        seconds <= 0 ? 0 : max(1, Int((seconds * 1000).rounded()))
    }

    /// A header value cannot carry a line break into the request.
    private func singleLine(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
    }
}
