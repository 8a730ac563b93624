import Foundation
import Testing
@testable import NatoWatch

@Suite("Links and ids") struct FeedLinkTests {
    @Test func xmlBaseNestsAndChannelLinkIsNoBase() throws {
        let doc = try FeedFixture.parse(xml: """
            <rss version="2.0"><channel><link>http://channel.example/</link>
            <item><link>a.html</link><guid isPermaLink="false">x/y</guid></item>
            <item xml:base="http://other.example/news/"><link>../b.html?p=1&amp;q=2</link></item>
            </channel></rss>
            """)
        #expect(doc.link == "http://channel.example/")
        #expect(doc.entries[0].link == "https://feedbase.invalid/dir/a.html")
        #expect(doc.entries[0].id == "x/y")  // isPermaLink="false": verbatim
        #expect(doc.entries[1].link == "http://other.example/b.html?p=1&q=2")
    }

    @Test func lastAlternateLinkWinsAndOtherRelsAreIgnored() throws {
        let doc = try FeedFixture.parse(xml: """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry>
            <link rel="alternate" href="http://a.example/1"/><link rel="self" href="http://a.example/self"/>
            <link rel="alternate" type="text/html" href="http://a.example/2"/><link rel="alternate" type="application/pdf" href="http://a.example/pdf"/>
            </entry></feed>
            """)
        #expect(doc.entries.first?.link == "http://a.example/2")
    }

    @Test func atomIdResolvedAgainstXmlBase() throws {
        let doc = try FeedFixture.parse(xml: """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://b.example/dir/"><entry><id>t3_qksbf1</id></entry>
            <entry><id>tag:b.example,2021:1</id></entry></feed>
            """)
        #expect(doc.entries[0].id == "http://b.example/dir/t3_qksbf1")
        #expect(doc.entries[0].link == "http://b.example/dir/t3_qksbf1")
        #expect(doc.entries[1].id == "tag:b.example,2021:1")
    }

    @Test(arguments: [
        ("http://a/b/c/d;p?q", "g", "http://a/b/c/g"),
        ("http://a/b/c/d;p?q", "../../g", "http://a/g"),
        ("http://a/b/c/d;p?q", "//g", "http://g"),
        ("http://a/b/c/d;p?q", "?y", "http://a/b/c/d;p?y"),
        ("http://a/b/c/d;p?q", "#s", "http://a/b/c/d;p?q#s"),
        ("http://a/b/c/d;p?q", "mailto:x@y", "mailto:x@y"),
        ("https://feedbase.invalid/dir/feed.xml", "", "https://feedbase.invalid/dir/feed.xml"),
    ])
    func urljoin(base: String, ref: String, expected: String) {
        #expect(FeedURL.urljoin(base, ref) == expected)
    }
}
