import Foundation

/// Parses feed documents of any supported format into a ``FeedDocument``.
///
/// (Placeholder entry point: the feed-parsing issue implements it.)
public enum FeedParser {
    /// Parses `data` as if fetched from `baseURL`, with the HTTP `Content-Type` if known.
    public static func parse(_ data: Data, baseURL: String, contentType: String? = nil) throws(FeedError) -> FeedDocument {
        throw FeedError(kind: .notAFeed, message: "feed parsing is not implemented yet")
    }
}
