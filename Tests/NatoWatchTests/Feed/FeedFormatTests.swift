import Foundation
import Testing
@testable import NatoWatch

@Suite("Feed formats") struct FeedFormatTests {
    @Test func rss20() throws {
        let doc = try FeedFixture.parse("rss20.xml")
        #expect(doc.format == "rss20")
        #expect(doc.bozo == false)
        #expect(doc.title == "NATO News & Views")
        #expect(doc.link == "https://www.nato.int/")
        #expect(doc.ttlMinutes == 30)
        #expect(doc.entries.count == 2)
        let e = doc.entries[0]
        #expect(e.id == "news-1")
        #expect(e.title == "Allies pledge more support")
        #expect(e.link == "https://feedbase.invalid/cps/en/natohq/news_1.htm")
        #expect(FeedrefJSON.timestamp(e.published) == "2021-03-02T23:39:15Z")
        #expect(FeedrefJSON.timestamp(e.updated) == "2021-03-03T09:00:00Z")  // dc:date is an updated date
        #expect(e.summaryText == "First paragraph. Second élément.")
        #expect(e.contentText == "Full body one.\n\nFull body two.")
        #expect(e.authors == [FeedPerson(name: "NATO Press", email: "press@nato.int")])
        #expect(e.categories == ["Defence", "Ukraine"])
        #expect(e.enclosures == [FeedEnclosure(href: "https://www.nato.int/a.mp3", type: "audio/mpeg", length: 12345)])
    }

    @Test func relativeGuidIsResolvedAndActsAsLink() throws {
        let e = try FeedFixture.parse("rss20.xml").entries[1]
        #expect(e.id == "https://feedbase.invalid/dir/relative-guid")
        #expect(e.link == "https://feedbase.invalid/dir/relative-guid")
    }

    @Test func atom10() throws {
        let doc = try FeedFixture.parse("atom10.xml")
        #expect(doc.format == "atom10")
        #expect(doc.title == "Defence & Security")
        #expect(doc.link == "https://example.org/blog/")
        let e = try #require(doc.entries.first)
        #expect(e.id == "https://example.org/blog/posts/summit-2021")
        #expect(e.title == "Summit communiqué")
        #expect(e.link == "https://example.org/blog/posts/summit.html")
        #expect(FeedrefJSON.timestamp(e.published) == "2021-03-02T18:09:15Z")
        #expect(FeedrefJSON.timestamp(e.updated) == "2021-03-03T00:00:00Z")
        #expect(e.summaryText == "Plain <summary> text")
        #expect(e.contentText == "Heading\n\nBody text")
        #expect(e.authors == [FeedPerson(name: "Jane Doe", email: "jane@example.org", href: "https://example.org/jane")])
        #expect(e.categories == ["summit", "Only a label"])
        #expect(e.enclosures == [FeedEnclosure(href: "https://example.org/blog/posts/summit.pdf", type: "application/pdf", length: 42)])
    }

    @Test func rss10() throws {
        let doc = try FeedFixture.parse("rss10.rdf")
        #expect(doc.format == "rss10")
        let e = try #require(doc.entries.first)
        #expect(e.id == "https://example.net/item1")
        #expect(e.published == nil)
        #expect(FeedrefJSON.timestamp(e.updated) == "2004-02-05T12:00:00Z")
        #expect(e.authors.first?.name == "Alice")
        #expect(e.categories == ["politics"])
    }

    @Test func atom03WithBase64Title() throws {
        let doc = try FeedFixture.parse("atom03.xml")
        #expect(doc.format == "atom03")
        #expect(doc.title == "Base64 title")
        #expect(FeedrefJSON.timestamp(doc.entries.first?.published) == "2003-12-13T18:30:02Z")
    }

    @Test func jsonFeed11() throws {
        let doc = try FeedFixture.parse("feed.json")
        #expect(doc.format == "json11")
        let e = try #require(doc.entries.first)
        #expect(e.id == "42")
        #expect(e.link == "https://feedbase.invalid/posts/42")
        #expect(e.summaryText == "Hello World")
        #expect(e.contentText == "Hello\n\nWorld")
        #expect(e.authors == [FeedPerson(name: "Bob", email: "bob@example.com")])
        #expect(e.enclosures.first?.length == 99)
    }

    @Test func jsonFeedVersions() throws {
        for (version, format) in [("https://jsonfeed.org/version/1", "json1"), ("http://jsonfeed.org/version/1.1/", "json11")] {
            let doc = try FeedParser.parse(Data(#"{"version":"\#(version)","items":[]}"#.utf8), baseURL: FeedFixture.base)
            #expect(doc.format == format)
        }
        #expect(throws: FeedError.self) {
            try FeedParser.parse(Data(#"{"version":"https://example.com/1","items":[]}"#.utf8), baseURL: FeedFixture.base)
        }
        let truncated = try FeedFixture.feedref(Data(#"{"version":"https://jsonfeed.org/version/1","items":[{"id":"1""#.utf8))
        #expect(truncated["format"] is NSNull)
        #expect(truncated["bozo"] as? Bool == true)
    }

    @Test func rssVersionsAndNetscape() throws {
        for (v, f) in [("0.91", "rss091u"), ("0.92", "rss092"), ("0.93", "rss093"), ("0.94", "rss094"), ("2.0", "rss20"), ("", "rss")] {
            let doc = try FeedFixture.parse(xml: "<rss version=\"\(v)\"><channel><title>t</title></channel></rss>")
            #expect(doc.format == f)
        }
        let netscape = try FeedFixture.parse(xml: """
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>t</title></channel></rss>
            """)
        #expect(netscape.format == "rss091n")
    }

    @Test func feedrefJSONHasEveryKey() throws {
        let json = try FeedFixture.feedref(try FeedFixture.data("rss20.xml"))
        #expect(Set(json.keys) == ["format", "bozo", "title", "link", "entries"])
        let entry = try #require((json["entries"] as? [[String: Any]])?.first)
        #expect(Set(entry.keys) == ["id", "title", "link", "published", "updated", "summary_text", "authors", "categories", "enclosures"])
        let second = try #require((json["entries"] as? [[String: Any]])?.last)
        #expect(second["published"] is NSNull)
    }
}
