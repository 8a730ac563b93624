import Foundation

/// JSON-lines batch classification: `{"id","title","text","published"}` in, one `Classification` out per line.
public enum BatchClassification {
    struct InputLine: Decodable {
        var id: String?
        var title: String?
        var text: String?
        var published: String?
    }

    /// Classifies every non-empty line of `input`, calling `emit` with one JSON line per input line.
    /// A line that is not valid JSON yields `{"id":null,"error":"…"}` so that output stays aligned.
    public static func run(classifier: Classifier, input: Data, defaultDate: Date?, emit: (String) -> Void) throws {
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        for line in input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            guard let obj = try? decoder.decode(InputLine.self, from: Data(line)) else {
                emit("{\"id\":null,\"error\":\"invalid JSON line\"}")
                continue
            }
            var text = obj.text ?? ""
            if ArticleInput.looksLikeHTML(text) { text = HTMLText.plainText(text) }
            let date = obj.published.flatMap(DateParsing.day) ?? defaultDate
            let result = classifier.classify(Article(id: obj.id, title: obj.title, text: text, published: date))
            emit(String(decoding: try encoder.encode(result), as: UTF8.self))
        }
    }
}
