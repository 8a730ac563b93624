import Foundation
import Testing
@testable import NatoWatch

@Suite struct ClassifierTextHandlingTests {
    private func sentences(_ text: String) throws -> [String] {
        let rules = try #require(ClassifierFixture.shared).rules
        let ctx = ArticleContext(rules: rules, article: Article(text: text))
        return ctx.sentences.indices.map(ctx.sentenceText)
    }

    @Test func normalizesQuotesDashesAndSpaces() {
        let out = String(decoding: TextNormalizer.normalize("NATO\u{2019}s \u{201C}5\u{00A0}%\u{201D} \u{2013} plan\u{2026}\u{00AD}x"), as: UTF8.self)
        #expect(out == "NATO's \"5 %\" - plan...x")
    }

    @Test func decodesLeftoverEntities() {
        let out = String(decoding: TextNormalizer.normalize("Finland&#8217;s &euro;5bn &ndash; 3&nbsp;% &amp; more &bogus; &#x2019;"), as: UTF8.self)
        #expect(out == "Finland's €5bn - 3 % & more &bogus; '")
    }

    @Test func composesDecomposedDiacritics() {
        let decomposed = "Tu\u{0308}rkiye"
        let out = String(decoding: TextNormalizer.normalize(decomposed), as: UTF8.self)
        #expect(out == "Türkiye")
    }

    @Test func splitsOnFullStopsButNotDecimals() throws {
        let s = try sentences("Finland will spend 3.5% of GDP. Sweden agreed.")
        #expect(s == ["Finland will spend 3.5% of GDP.", "Sweden agreed."])
    }

    @Test func keepsTitlesAndNumberAbbreviationsTogether() throws {
        let s = try sentences("Gen. Alexus Grynkewich spoke at No. 10 Downing Street on Monday. Allies listened.")
        #expect(s.count == 2)
        #expect(s.first?.hasPrefix("Gen. Alexus") == true)
    }

    @Test func usAbbreviationEndsSentenceOnlyBeforeAnOpener() throws {
        let inside = try sentences("The U.S. Army will deploy more troops. It said so.")
        #expect(inside.count == 2)
        #expect(inside[0] == "The U.S. Army will deploy more troops.")
        let end = try sentences("Ottawa bought jets from the U.S. The deal closed.")
        #expect(end == ["Ottawa bought jets from the U.S.", "The deal closed."])
    }

    @Test func newlinesEndSentences() throws {
        let s = try sentences("Headline without a stop\nBody sentence one. Body two.")
        #expect(s == ["Headline without a stop", "Body sentence one.", "Body two."])
    }

    @Test func quotedSentenceEndsAfterTheQuote() throws {
        let s = try sentences("\"We will rearm.\" The minister left.")
        #expect(s == ["\"We will rearm.\"", "The minister left."])
    }

    @Test func tokenizerReadsNumberSeparators() {
        let bytes = Array("3.5 800,000 5,4 1.234.567 €150".utf8)
        let t = Tokenizer.tokenize(bytes, from: 0, to: bytes.count)
        let numbers = t.filter { $0.kind == .number }.map(\.number)
        #expect(numbers == [3.5, 800000, 5.4, 1234567, 150])
        #expect(t.last.map { $0.kind == .number } == true)
        #expect(t.contains { $0.kind == .symbol && $0.end - $0.start == 3 })
    }

    @Test func wildcardInsidePhraseExpandsInflections() {
        let forms = PhraseMatcher.inflections("scale")
        #expect(forms.contains("scaled") && forms.contains("scaling") && forms.contains("scales"))
        #expect(PhraseMatcher.inflections("step").contains("stepped"))
    }

    @Test func matcherRespectsWordBoundariesAndCase() {
        var m = PhraseMatcher()
        m.add("defence", label: PhraseLabel(category: 1, entry: -1, kind: 0))
        m.add("pledg*", label: PhraseLabel(category: 2, entry: -1, kind: 0))
        m.add("US", label: PhraseLabel(category: 3, entry: -1, kind: 0), caseSensitive: true)
        m.compile()
        let text = Array("Selfdefence? No: defence pledged by us and the US.".utf8)
        let hits = m.scan(lower: TextNormalizer.lowercasedASCII(text), original: text)
        let words = hits.map { String(decoding: text[Int($0.start)..<Int($0.end)], as: UTF8.self) }
        #expect(words == ["defence", "pledg", "US"])
    }
}
