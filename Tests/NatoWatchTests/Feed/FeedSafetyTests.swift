import Foundation
import NatoWatchTestSupport
import Testing
@testable import NatoWatch

@Suite("Hostile XML") struct FeedSafetyTests {
    @Test func externalEntityNamingALocalFileIsNeverLoaded() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let secret = "TOP-SECRET-\(UUID().uuidString)"
        let file = dir.url.appendingPathComponent("secret.txt")
        try secret.write(to: file, atomically: true, encoding: .utf8)
        for decl in ["<!ENTITY xxe SYSTEM \"file://\(file.path)\">", "<!ENTITY % p SYSTEM \"file://\(file.path)\"> %p;"] {
            let xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [\(decl)]>
                <rss version="2.0"><channel><title>t &xxe;</title><item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>
                """
            let doc = try FeedParser.parseLenient(Data(xml.utf8), baseURL: FeedFixture.base)
            let json = FeedrefJSON.render(doc)
            #expect(!json.contains(secret))
            let body = doc.entries.first?.contentText ?? ""
            #expect(!body.contains(secret))
            #expect(doc.entries.count == 1)
        }
    }

    @Test func billionLaughsFailsFast() {
        var decl = "<!ENTITY lol0 \"lollollollollollollollollollol\">"
        for i in 1...9 { decl += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [\(decl)]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>"
        #expect {
            try FeedParser.parse(Data(xml.utf8), baseURL: FeedFixture.base)
        } throws: { error in
            (error as? FeedError)?.kind == .entityExpansion
        }
    }

    @Test func largeFeedUsingAnInternalEntityOftenStillParses() throws {
        // 300,000 uses of a 2-byte entity: 600 KB of expansion, within twice the document's size.
        let body = String(repeating: "<item><title>a&sp;b</title></item>", count: 300_000)
        let xml = "<!DOCTYPE rss [<!ENTITY sp \"&#160;\">]><rss version=\"2.0\"><channel>" + body + "</channel></rss>"
        let doc = try FeedParser.parse(Data(xml.utf8), baseURL: FeedFixture.base)
        #expect(doc.entries.count == 300_000)
        #expect(doc.entries.first?.title == "a b")
    }

    @Test func quadraticBlowupIsBounded() {
        let big = String(repeating: "x", count: 100_000)
        let xml = "<!DOCTYPE rss [<!ENTITY a \"\(big)\">]><rss><channel><title>" + String(repeating: "&a;", count: 100) + "</title></channel></rss>"
        #expect {
            try FeedParser.parse(Data(xml.utf8), baseURL: FeedFixture.base)
        } throws: { error in
            (error as? FeedError)?.kind == .entityExpansion
        }
    }

    @Test func tenThousandDeepNestingIsHandledWithoutRecursion() throws {
        let depth = 10_000
        let xml = "<rss version=\"2.0\"><channel><item><title>deep</title>" + String(repeating: "<x>", count: depth)
            + String(repeating: "</x>", count: depth) + "</item></channel></rss>"
        let doc = try FeedParser.parse(Data(xml.utf8), baseURL: FeedFixture.base)
        #expect(doc.bozo == false)
        #expect(doc.entries.first?.title == "deep")
        // 10,000 unclosed elements: ill-formed, so feedparser's lenient reading applies (it never
        // closes them and keeps going); the items are kept.
        let unclosed = "<rss version=\"2.0\"><channel>" + String(repeating: "<item><title>t</title><br>", count: depth)
        let loose = try FeedParser.parse(Data(unclosed.utf8), baseURL: FeedFixture.base)
        #expect(loose.bozo == true)
        #expect(loose.entries.count == depth)
    }

    @Test func absurdNestingFailsFast() {
        let depth = FeedBuilder.maxDepth + 10
        for xml in [String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth), String(repeating: "<x>", count: depth)] {
            #expect {
                try FeedParser.parse(Data(xml.utf8), baseURL: FeedFixture.base)
            } throws: { error in
                (error as? FeedError)?.kind == .tooDeep
            }
        }
    }

    @Test func fiftyThousandItems() throws {
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>big</title>"
        xml.reserveCapacity(5_000_000)
        for i in 0..<50_000 {
            xml += "<item><title>Item \(i)</title><link>https://example.com/\(i)</link><guid>id-\(i)</guid>"
            xml += "<pubDate>Tue, 02 Mar 2021 23:39:15 GMT</pubDate><description>&lt;p&gt;Body \(i)&lt;/p&gt;</description></item>"
        }
        xml += "</channel></rss>"
        let doc = try FeedParser.parse(Data(xml.utf8), baseURL: FeedFixture.base)
        #expect(doc.entries.count == 50_000)
        #expect(doc.entries.last?.title == "Item 49999")
        #expect(doc.entries.last?.id == "https://feedbase.invalid/dir/id-49999")
        #expect(doc.entries.last?.summaryText == "Body 49999")
    }
}
