import Foundation
import Testing
@testable import NatoWatch

@Suite("Entities, CDATA and text") struct FeedEntityTests {
    @Test func htmlEntitiesInXMLAreDecodedAndBozo() throws {
        let doc = try FeedFixture.parse(xml: "<rss version=\"2.0\"><channel><title>caf&eacute; &copy; &#233;&#x263A;</title></channel></rss>")
        #expect(doc.title == "café © é☺")
        #expect(doc.bozo == true)  // HTML entities are not declared in XML
    }

    @Test func declaredInternalEntity() throws {
        let doc = try FeedFixture.parse(xml: """
            <!DOCTYPE rss [<!ENTITY org "NATO">]>
            <rss version="2.0"><channel><title>&org; summit</title></channel></rss>
            """)
        #expect(doc.title == "NATO summit")
        #expect(doc.bozo == false)
    }

    @Test func cdataAndDoubleEscapedHTML() throws {
        let doc = try FeedFixture.parse(xml: """
            <rss version="2.0"><channel><title>t</title><item>
            <title><![CDATA[Fish & <b>chips</b>]]></title>
            <description>&lt;p&gt;Tom &amp;amp; Jerry&lt;/p&gt;</description>
            </item></channel></rss>
            """)
        let e = try #require(doc.entries.first)
        #expect(e.title == "Fish & chips")  // looks like HTML: tags stripped
        #expect(e.summaryText == "Tom & Jerry")
    }

    @Test func plainTitleKeepsAngleBrackets() throws {
        let doc = try FeedFixture.parse(xml: "<rss version=\"2.0\"><channel><title>Use &lt;b&gt; tags</title><item><title>AT&amp;T</title></item></channel></rss>")
        #expect(doc.title == "Use <b> tags")
        #expect(doc.entries.first?.title == "AT&T")
    }

    @Test func atomTextConstructs() throws {
        let doc = try FeedFixture.parse(xml: """
            <feed xmlns="http://www.w3.org/2005/Atom"><title type="text">a &lt;b&gt; c</title>
            <entry><title type="html">&lt;em&gt;x&lt;/em&gt; &amp;amp; y</title>
            <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One</p><p>Two &amp; three</p></div></summary></entry></feed>
            """)
        #expect(doc.title == "a <b> c")
        #expect(doc.entries.first?.title == "x & y")
        #expect(doc.entries.first?.summaryText == "One Two & three")
    }

    @Test func htmlPlainTextForClassifier() {
        let html = """
            <div><h1>Title</h1><p>First &amp; <b>bold</b>&nbsp;text.</p><script>var x = "<p>no</p>";</script>
            <style>p { color: red }</style><ul><li>one</li><li>two</li></ul>x &lt; y &hellip; &notit; &#x1F600;</div>
            """
        #expect(HTMLText.plainText(html) == "Title\n\nFirst & bold text.\n\none\n\ntwo\n\nx < y … ¬it; 😀")
    }

    @Test func collapseMatchesPythonWhitespaceRules() {
        // A scalar-by-scalar reference for the word-at-a-time implementation.
        func reference(_ s: String) -> String {
            s.unicodeScalars.split(whereSeparator: { FeedText.isPySpace($0.value) })
                .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
        }
        let pieces = ["a", "word", "longerwordthan8", " ", "  ", "\t", "\n\n", "\u{A0}", "\u{3000}", "\u{200B}", "é", "中文",
                      "\u{85}", "x,y.z!", "\u{2028}", "\u{1C}", "12345678", "&amp;"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var s = ""
            for _ in 0..<Int.random(in: 0...30, using: &rng) { s += pieces.randomElement(using: &rng) ?? "" }
            #expect(FeedText.collapse(s) == reference(s), "input: \(s.debugDescription)")
        }
    }

    @Test func unescapeFollowsPython() {
        #expect(HTMLText.unescape("&amp;&lt;&#128;&#0;&copy &unknown; &#x110000;") == "&<€\u{FFFD}© &unknown; \u{FFFD}")
    }
}
