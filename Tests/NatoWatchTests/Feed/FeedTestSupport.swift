import Foundation
@testable import NatoWatch

/// Helpers shared by the feed-parser tests.
enum FeedFixture {
    static let base = "https://feedbase.invalid/dir/feed.xml"

    /// Bytes of `Fixtures/feed/<name>`.
    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: "Fixtures/feed/\(name)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }

    static func parse(_ name: String) throws -> FeedDocument {
        try FeedParser.parse(try data(name), baseURL: base)
    }

    static func parse(xml: String, contentType: String? = nil) throws -> FeedDocument {
        try FeedParser.parse(Data(xml.utf8), baseURL: base, contentType: contentType)
    }

    /// The feedref JSON of `xml`, decoded for inspection.
    static func feedref(_ data: Data) throws -> [String: Any] {
        let doc = try FeedParser.parseLenient(data, baseURL: base)
        let json = FeedrefJSON.render(doc)
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
    }

    static func date(_ s: String) -> String? {
        FeedrefJSON.timestamp(FeedDate.parse(s))
    }
}
