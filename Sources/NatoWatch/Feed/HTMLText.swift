import Foundation

/// Converts HTML to plain text for the classifier: block elements become paragraph breaks,
/// script and style are dropped, entities decoded, whitespace collapsed within paragraphs.
///
/// (A first version; the feed-parsing issue makes it complete.)
public enum HTMLText {
    /// Plain text of `html`, paragraphs separated by `\n\n`.
    public static func plainText(_ html: String) -> String {
        var s = html
        for tag in ["script", "style"] {
            s = s.replacingOccurrences(of: "<\(tag)\\b[^>]*>[\\s\\S]*?</\(tag)\\s*>", with: " ", options: [.regularExpression, .caseInsensitive])
        }
        s = s.replacingOccurrences(of: "<(/?)(p|div|br|li|h[1-6]|tr|blockquote|section|article)\\b[^>]*>", with: "\n\n", options: [.regularExpression, .caseInsensitive])
        s = s.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        for (e, r) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&")] {
            s = s.replacingOccurrences(of: e, with: r)
        }
        let paragraphs = s.components(separatedBy: "\n\n").map {
            $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }.filter { !$0.isEmpty }
        return paragraphs.joined(separator: "\n\n")
    }
}
