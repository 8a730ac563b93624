import CCurl

/// `curl_global_init`, once per process, before the first handle.
enum CurlGlobal {
    private static let result: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    static func initialise() throws(FetchFailure) {
        let code = result
        guard code == CURLE_OK else {
            throw FetchFailure(
                kind: .other,
                message: "could not initialise libcurl: curl_global_init failed (curl error \(code.rawValue))")
        }
    }
}
