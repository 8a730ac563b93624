import Foundation

/// What one finished transfer left behind, in plain Swift values, for ``FetchInterpreter``.
struct TransferReport: Sendable {
    /// The URL asked for.
    var url: String
    /// libcurl's result code (`CURLE_OK` is 0) and its standard text.
    var curlCode: Int = 0
    var curlText: String = ""
    /// The contents of `CURLOPT_ERRORBUFFER` (often more precise than `curlText`).
    var errorBuffer: String = ""
    /// Final HTTP status (0 when no response, or for `file:`).
    var status: Int = 0
    /// Reason phrase of the final status line, when the server sent one.
    var reason: String = ""
    /// Headers of the final response, names lower-cased.
    var headers: [String: String] = [:]
    var body = Data()
    /// Status codes of every response seen, in order (1xx, proxy CONNECT and redirects included).
    var statuses: [Int] = []
    var redirectCount: Int = 0
    var effectiveURL: String = ""
    /// `CURLINFO_REDIRECT_URL`: where a redirect pointed that was not followed.
    var redirectURL: String? = nil
    var wireBytes: Int = 0
    var duration: TimeInterval = 0
    var isFileURL: Bool = false
    /// The write callback refused the body because it passed the cap.
    var exceededCap: Bool = false
    /// The cap in force, for the message.
    var maxBytes: Int = 0
}
