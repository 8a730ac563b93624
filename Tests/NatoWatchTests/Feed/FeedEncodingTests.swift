import Foundation
import Testing
@testable import NatoWatch

@Suite("Feed encodings") struct FeedEncodingTests {
    @Test func declaredLatin1() throws {
        let doc = try FeedFixture.parse("latin1.xml")
        #expect(doc.bozo == false)
        #expect(doc.title == "Café crème")
        #expect(doc.entries.first?.title == "Naïve")
    }

    @Test func undeclaredWindows1252FallsBackAndIsBozo() throws {
        let doc = try FeedFixture.parse("cp1252-undeclared.xml")
        #expect(doc.bozo == true)
        #expect(doc.title == "“Smart” quotes")
        #expect(doc.entries.first?.title == "Dash – here")
    }

    @Test func utf16WithBOM() throws {
        let doc = try FeedFixture.parse("utf16-bom.xml")
        #expect(doc.bozo == false)
        #expect(doc.title == "UTF-16 über")
        #expect(doc.entries.first?.title == "中文")
    }

    @Test func gb2312MeansGB18030() throws {
        let doc = try FeedFixture.parse("gb2312.xml")
        #expect(doc.bozo == false)
        #expect(doc.title == "中文新闻")
    }

    @Test func httpCharsetWinsOverDeclaration() throws {
        let latin1 = Data([0x3C, 0x72, 0x73, 0x73, 0x3E]) + Data("<channel><title>Caf".utf8) + Data([0xE9]) + Data("</title></channel></rss>".utf8)
        let doc = try FeedParser.parse(latin1, baseURL: FeedFixture.base, contentType: "application/rss+xml; charset=ISO-8859-1")
        #expect(doc.title == "Café")
        #expect(doc.bozo == false)
    }

    @Test func invalidUTF8NeverCrashes() throws {
        var bytes = Data("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>A".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE, 0xC3, 0x28, 0x80])
        bytes.append(contentsOf: Data("B</title></channel></rss>".utf8))
        let doc = try FeedParser.parse(bytes, baseURL: FeedFixture.base)
        #expect(doc.bozo == true)
        #expect(doc.title?.hasPrefix("A") == true)
        #expect(doc.title?.hasSuffix("B") == true)
    }

    @Test func mojibakeAndC1Repairs() {
        #expect(FeedText.repair("CafÃ©") == "Café")
        #expect(FeedText.repair("\u{93}smart\u{94}") == "“smart”")
        #expect(FeedText.repair("plain") == "plain")
    }

    @Test func utf32AndEBCDICSniffing() {
        let s = "<?xml version=\"1.0\" encoding=\"utf-32\"?><rss/>"
        var be = Data()
        for u in s.unicodeScalars { withUnsafeBytes(of: u.value.bigEndian) { be.append(contentsOf: $0) } }
        let d = FeedEncoding.decode([UInt8](be), contentType: nil)
        #expect(d.encoding == "utf-32be")
        #expect(String(decoding: d.utf8, as: UTF8.self) == s)
    }
}
