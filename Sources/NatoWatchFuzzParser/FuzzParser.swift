import Foundation
import NatoWatch
import NatoWatchFuzzDriver

/// libFuzzer entry point for the feed parser. Built only with
/// `-sanitize=fuzzer,address -parse-as-library -DNATOWATCH_FUZZ` (see scripts/reliability/fuzz.sh).
/// An input whose first byte is 0xF8…0xFF uses that byte to pick the content type the parser is
/// told (so the fuzzer also explores the JSON Feed, HTML and charset paths) and drops it; any other
/// input is a whole body with no content type, so seed feeds are parsed exactly as served.
@_cdecl("LLVMFuzzerTestOneInput")
public func natowatchFuzzParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let contentTypes: [String?] = [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "text/html; charset=utf-8",
        "text/xml; charset=iso-8859-1", "application/json", "text/plain", "text/xml; charset=windows-1251",
    ]
    var contentType: String? = nil
    var body = Data(bytes: data, count: size)
    if data[0] >= 0xF8 {
        contentType = contentTypes[Int(data[0] - 0xF8)]
        body = Data(bytes: data + 1, count: size - 1)
    }
    _ = try? FeedParser.parse(body, baseURL: "http://127.0.0.1/feed.xml", contentType: contentType)
    return 0
}

#if NATOWATCH_FUZZ
    /// SwiftPM links an executable's entry point as `<Target>_main` (and `main` to it), so libFuzzer's
    /// own `main` is not used: hand the arguments to its driver instead.
    @_cdecl("NatoWatchFuzzParser_main")
    public func natowatchFuzzParserMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv) { natowatchFuzzParser($0, $1) }
    }
#else
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
