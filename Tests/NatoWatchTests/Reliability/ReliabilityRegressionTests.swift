import Foundation
import Testing

@testable import NatoWatch

/// In-process regressions for the reliability suite (issue 8): the fuzzers' crash inputs and the
/// hostile documents `scripts/reliability/hostile.py` serves, parsed and classified directly.
/// The parser must return a document or a clear `FeedError`, never crash, expand, or read files.
@Suite struct ReliabilityRegressionTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let crashes = root.appendingPathComponent("Tests/NatoWatchTests/Fixtures/reliability/fuzz-crashes")

    static func inputs(_ target: String) -> [URL] {
        let dir = crashes.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// Mirrors `Sources/NatoWatchFuzzParser`: a first byte 0xF8…0xFF picks the content type.
    static func parseLikeTheFuzzer(_ bytes: Data) {
        let types = [
            "application/rss+xml", "application/atom+xml", "application/feed+json", "text/html; charset=utf-8",
            "text/xml; charset=iso-8859-1", "application/json", "text/plain", "text/xml; charset=windows-1251",
        ]
        var body = bytes
        var type: String?
        if let first = bytes.first, first >= 0xF8 {
            type = types[Int(first - 0xF8)]
            body = bytes.dropFirst()
        }
        _ = try? FeedParser.parse(Data(body), baseURL: "http://127.0.0.1/feed.xml", contentType: type)
    }

    @Test func parserFuzzCrashInputsNoLongerCrash() throws {
        for url in Self.inputs("NatoWatchFuzzParser") {
            Self.parseLikeTheFuzzer(try Data(contentsOf: url))
        }
    }

    @Test
    func yearRangeWithAHugeEndDoesNotTrap() throws {
        let classifier = try Classifier(rulesFile: Self.root.appendingPathComponent("Config/topics.yaml"))
        let c = classifier.classify(Article(text: "Finland will raise defence spending to 3% of GDP by 2029-99999999999999999999."))
        #expect(c.pledges.allSatisfy { $0.targetYear.map { $0 >= 1990 && $0 <= 2100 } ?? true })
    }

    @Test
    func classifierFuzzCrashInputsNoLongerCrash() throws {
        let inputs = Self.inputs("NatoWatchFuzzClassifier")
        guard !inputs.isEmpty else { return }
        let classifier = try Classifier(rulesFile: Self.root.appendingPathComponent("Config/topics.yaml"))
        for url in inputs {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            _ = classifier.classify(Article(text: text))
        }
    }

    static func rss(_ doctype: String, title: String, body: String) -> Data {
        Data(("<?xml version=\"1.0\"?>\(doctype)<rss version=\"2.0\"><channel><title>T</title><link>http://example.org/</link>"
            + "<item><guid>g1</guid><title>\(title)</title><description>\(body)</description></item></channel></rss>").utf8)
    }

    static func allText(_ doc: FeedDocument) -> String {
        ([doc.title ?? ""] + doc.entries.flatMap { [$0.title ?? "", $0.summaryText ?? "", $0.contentText ?? ""] }).joined(separator: "\n")
    }

    @Test func billionLaughsIsRefusedOrNotExpanded() {
        var ents = "<!ENTITY lol \"lol\">"
        for i in 1...9 { ents += "<!ENTITY lol\(i) \"\(String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10))\">" }
        let data = Self.rss("<!DOCTYPE rss [\(ents)]>", title: "&lol9;", body: "&lol9;&lol9;")
        do {
            let doc = try FeedParser.parse(data, baseURL: "http://127.0.0.1/", contentType: nil)
            #expect(Self.allText(doc).count < 1_000_000)
        } catch {
            #expect(error.kind == .entityExpansion || error.kind == .malformed)
        }
    }

    @Test func externalEntitiesAreNeverRead() throws {
        let marker = "NWREL-XXE-" + UUID().uuidString
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nwrel-xxe-\(UUID().uuidString).txt")
        try marker.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let dtd = "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://\(file.path)\"><!ENTITY % pe SYSTEM \"file://\(file.path)\"> %pe;]>"
        let data = Self.rss(dtd, title: "Title &xxe;", body: "Body &xxe;")
        if let doc = try? FeedParser.parse(data, baseURL: "http://127.0.0.1/", contentType: nil) {
            #expect(!Self.allText(doc).contains(marker))
        }
    }

    @Test func deepNestingFailsCleanly() {
        let depth = 10_000
        let xml = Self.rss("", title: "Deep", body: String(repeating: "<div>", count: depth) + "x" + String(repeating: "</div>", count: depth))
        _ = try? FeedParser.parse(xml, baseURL: "http://127.0.0.1/", contentType: nil)
        let nested = Data(("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>" + String(repeating: "<x>", count: depth)
            + String(repeating: "</x>", count: depth) + "</channel></rss>").utf8)
        // 10,000 levels are within the parser's bound (100,000): parsed, or refused, never a crash.
        do { _ = try FeedParser.parse(nested, baseURL: "http://127.0.0.1/", contentType: nil) } catch {}
        // Past the bound the parser refuses the document with a clear error.
        let tooDeep = Data(("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>" + String(repeating: "<x>", count: 100_100)
            + "</channel></rss>").utf8)
        #expect(throws: FeedError.self) { try FeedParser.parse(tooDeep, baseURL: "http://127.0.0.1/", contentType: nil) }
        let json = Data(("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"D\",\"items\":[{\"id\":\"1\",\"x\":"
            + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}]}").utf8)
        _ = try? FeedParser.parse(json, baseURL: "http://127.0.0.1/", contentType: "application/feed+json")
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        var data = Self.rss("", title: "Slovakia to raise defence spending to 3% of GDP by 2030 XXXX", body: "Body YYYY")
        data = Data(String(decoding: data, as: UTF8.self).utf8)
        let bad: [UInt8] = [0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xFF, 0xFE]
        var bytes = [UInt8](data)
        if let r = bytes.firstRange(of: Array("XXXX".utf8)) { bytes.replaceSubrange(r, with: bad) }
        if let r = bytes.firstRange(of: Array("YYYY".utf8)) { bytes.replaceSubrange(r, with: [0xE2, 0x82]) }
        let doc = try FeedParser.parse(Data(bytes), baseURL: "http://127.0.0.1/", contentType: "application/rss+xml; charset=utf-8")
        #expect(doc.entries.first?.title?.hasPrefix("Slovakia") == true)
    }
}

/// Alert lines stay short whatever a feed puts in a title, so the log's tail check for ids already
/// written (crash between append and marking delivered) always sees whole recent lines.
@Suite struct AlertLineBoundTests {
    @Test func hugeTitleGivesABoundedLineThatIsStillOneJSONObject() throws {
        var a = Alert(ts: Date(timeIntervalSince1970: 1_767_225_600), id: "0123456789abcdef", kind: "pledge.new")
        a.actor = "Poland"
        a.title = "Poland to raise defence spending " + String(repeating: "Warsaw\n\u{1b}[31m ", count: 200_000)
        a.evidence = String(repeating: "Poland will raise its defence spending. ", count: 50_000)
        a.url = "http://news.example/" + String(repeating: "x", count: 100_000)
        for format in [AlertFormat.jsonl, .text] {
            let line = AlertLine.render(a, format: format)
            #expect(line.utf8.count < 16_384)
            #expect(!line.contains("\n"))
            #expect(line.contains("0123456789abcdef"))
        }
        let json = AlertLine.render(a, format: .jsonl)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["id"] as? String == "0123456789abcdef")
        #expect((object?["title"] as? String)?.count == AlertLine.maxTitle)
    }
}
