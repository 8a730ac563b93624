import Foundation
import NatoWatch

/// libFuzzer entry point for the feed parser. Built only with
/// `-sanitize=fuzzer,address -parse-as-library` (see scripts/reliability/fuzz.sh); libFuzzer
/// provides `main`. The first input byte picks the content type the parser is told, so the
/// fuzzer also explores the JSON Feed and HTML-discovery paths.
@_cdecl("LLVMFuzzerTestOneInput")
public func natowatchFuzzParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let contentTypes: [String?] = [
        nil, "application/rss+xml", "application/atom+xml", "application/feed+json", "text/html; charset=utf-8",
        "text/xml; charset=iso-8859-1", "application/json", "text/plain",
    ]
    let contentType = contentTypes[Int(data[0]) % contentTypes.count]
    let body = Data(bytes: data + 1, count: size - 1)
    _ = try? FeedParser.parse(body, baseURL: "http://127.0.0.1/feed.xml", contentType: contentType)
    return 0
}

#if !NATOWATCH_FUZZ
    /// Without libFuzzer (a plain `swift build`): replay the files named on the command line
    /// through the same entry point, so crash inputs kept as fixtures can be re-run anywhere.
    @main
    struct ReplayParser {
        static func main() {
            var count = 0
            for path in CommandLine.arguments.dropFirst() {
                guard let bytes = FileManager.default.contents(atPath: path).map(Array.init) else {
                    FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                    exit(2)
                }
                _ = bytes.withUnsafeBufferPointer { natowatchFuzzParser($0.baseAddress, $0.count) }
                count += 1
            }
            print("replayed \(count) inputs")
        }
    }
#endif
