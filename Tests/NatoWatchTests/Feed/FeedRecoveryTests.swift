import Foundation
import Testing
@testable import NatoWatch

@Suite("Ill-formed recovery and not-a-feed") struct FeedRecoveryTests {
    @Test func illFormedFeedIsRecoveredLikeFeedparser() throws {
        let doc = try FeedFixture.parse("illformed.xml")
        #expect(doc.bozo == true)
        #expect(doc.bozoReason != nil)
        #expect(doc.format == "rss20")
        #expect(doc.title == "Broken & feed")
        #expect(doc.link == "http://example.com/?a=1&b=2")
        #expect(doc.entries.count == 2)
        #expect(doc.entries[0].title == "AT&T; news")  // sgmllib reads "&T " as an unknown reference
        #expect(doc.entries[0].link == "http://example.com/item?x=1&y=2")
        #expect(doc.entries[0].summaryText == "Unclosed bold")
        #expect(doc.entries[1].title == "Second item")
    }

    @Test func truncatedFeedKeepsItsEntries() throws {
        let xml = "<rss version=\"2.0\"><channel><title>T</title><item><title>one</title></item><item><title>tw"
        let doc = try FeedFixture.parse(xml: xml)
        #expect(doc.bozo == true)
        // Like feedparser: the second entry exists, its unterminated title is never stored.
        #expect(doc.entries.map(\.title) == ["one", nil])
    }

    @Test func wellFormedFeedIsNotBozo() throws {
        #expect(try FeedFixture.parse("rss20.xml").bozo == false)
        #expect(try FeedFixture.parse(xml: "\n<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>").bozo == true)
        #expect(try FeedFixture.parse(xml: "<rss version=\"2.0\"><channel><title>a ]]> b</title></channel></rss>").bozo == true)
        #expect(try FeedFixture.parse(xml: "<rss version=\"2.0\"><channel><title><![CDATA[a]]> b</title></channel></rss>").bozo == false)
    }

    @Test func controlCharactersMakeTheDocumentBozo() throws {
        let head = "<rss version=\"2.0\"><channel><title>0123456789abcdef"
        var data = Data(head.utf8)
        data.append(0x00)
        data.append(contentsOf: Data("</title></channel></rss>".utf8))
        #expect(try FeedParser.parse(data, baseURL: FeedFixture.base).bozo == true)
        var ok = Data(head.utf8)
        ok.append(contentsOf: Data("\t\r\n</title></channel></rss>".utf8))
        #expect(try FeedParser.parse(ok, baseURL: FeedFixture.base).bozo == false)
        #expect(XMLTokenizer.firstInvalidChar(Array("abcdefghijklmnop\u{FFFF}xyz".utf8)) == 16)
        #expect(XMLTokenizer.firstInvalidChar(Array("abcdefghijklmnopé€xyz".utf8)) == nil)
    }

    @Test func htmlPageIsNotAFeedAndListsAdvertisedFeeds() throws {
        let data = try FeedFixture.data("page.html")
        do {
            _ = try FeedParser.parse(data, baseURL: "https://www.example.com/news/index.html")
            Issue.record("an HTML page must not parse as a feed")
        } catch {
            #expect(error.kind == .notAFeed)
            #expect(error.discoveredFeeds == ["https://www.example.com/feeds/rss.xml", "https://example.com/atom.xml"])
        }
        let lenient = try FeedParser.parseLenient(data, baseURL: FeedFixture.base)
        #expect(lenient.format == nil)
        #expect(lenient.bozo == true)
    }

    @Test func emptyDocumentIsNotAFeed() {
        #expect(throws: FeedError.self) { try FeedParser.parse(Data(), baseURL: FeedFixture.base) }
    }
}
