import Testing

@testable import NatoWatch

@Suite struct OPMLTests {
    @Test func readsNestedOutlinesAndRoundTrips() {
        let doc = """
            <?xml version="1.0"?><opml version="1.0"><body>
            <outline text="Defence"><outline text="NATO &amp; co" type="rss" xmlUrl="https://www.nato.int/rss.xml?a=1&amp;b=2"/>
            <outline title='Breaking Defense' xmlUrl='https://breakingdefense.com/feed/' /></outline>
            <outline text="not a feed"/></body></opml>
            """
        let o = OPML.parse(doc)
        #expect(o == [
            .init(title: "NATO & co", xmlURL: "https://www.nato.int/rss.xml?a=1&b=2"),
            .init(title: "Breaking Defense", xmlURL: "https://breakingdefense.com/feed/"),
        ])
        let yaml = OPML.yamlEntries(o, existing: ["https://breakingdefense.com/feed/"])
        #expect(yaml == "  - name: \"NATO & co\"\n    url: \"https://www.nato.int/rss.xml?a=1&b=2\"\n")
        let back = OPML.parse(OPML.export(o.map { FeedConfig(name: $0.title, url: $0.xmlURL) }))
        #expect(back == o)
    }
}
