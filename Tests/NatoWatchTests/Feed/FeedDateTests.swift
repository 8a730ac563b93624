import Foundation
import Testing
@testable import NatoWatch

@Suite("Feed dates") struct FeedDateTests {
    @Test(arguments: [
        ("Tue, 02 Mar 2021 23:39:15 GMT", "2021-03-02T23:39:15Z"),
        ("Tue, 2 Mar 21 23:39 EST", "2021-03-03T04:39:00Z"),
        ("02 Mar 2021 23:39:15 +0100", "2021-03-02T22:39:15Z"),
        ("02 Mar 2021 23:39:15 XYZ", "2021-03-02T23:39:15Z"),
        ("02 Mar 2021 23:39:15", "2021-03-02T23:39:15Z"),
        ("Mar 02 2021 23:39:15 GMT+01:00", "2021-03-02T22:39:15Z"),
        ("2021-03-02T23:39:15.123+05:30", "2021-03-02T18:09:15Z"),
        ("2021-03-02T23:39:15", "2021-03-02T23:39:15Z"),
        ("2021-03-02 23:39:15", "2021-03-02T23:39:15Z"),
        ("2021-03", "2021-03-01T00:00:00Z"),
        ("20210302T233915Z", "2021-03-02T00:00:00Z"),
        ("2021-13-45", "2022-01-01T00:00:00Z"),
        ("2004-02-28T18:14:55-08:00", "2004-02-29T02:14:55Z"),
        ("Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z"),
        ("-03-04", "2003-04-01T00:00:00Z"),
        ("Sun Jan  4 16:29:06 PST 2004", "2004-01-05T00:29:06Z"),
        ("2021-061", "2021-06-01T00:00:00Z"),
        ("Tue Mar  2 23:39:15 2021", "2021-03-02T23:39:15Z"),
        ("Fri, 2006/09/15 08:19:53 EDT", "2006-09-15T12:19:53Z"),
    ])
    func parses(input: String, expected: String) {
        #expect(FeedFixture.date(input) == expected)
    }

    @Test(arguments: ["Tue, 02 Mar 2021 23:39:15", "Tuesday, 02-Mar-21 23:39:15 GMT", "Mar 2, 2021", "", "garbage", "Tue, 02 Mar 2021 23:39:15 +01"])
    func rejects(input: String) {
        #expect(FeedDate.parse(input) == nil)
    }

    @Test func lastDateElementWinsEvenIfUnparseable() throws {
        let doc = try FeedFixture.parse(xml: """
            <rss version="2.0"><channel><item><pubDate>Tue, 02 Mar 2021 23:39:15 GMT</pubDate><pubDate>soon</pubDate></item></channel></rss>
            """)
        #expect(doc.entries.first?.published == nil)
    }
}
