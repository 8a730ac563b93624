import Foundation

/// One article prepared for rule evaluation: normalized text, sentences and all phrase hits.
/// A class so that the sentence views share it without copying its arrays.
final class ArticleContext {
    let rules: RuleSet
    let text: [UInt8]
    let lower: [UInt8]
    let sentences: [Sentence]
    /// Hits sorted by start offset.
    let hits: [PhraseHit]
    /// For each sentence, the range of `hits` inside it.
    let sentenceHits: [Range<Int>]
    /// For each sentence, the categories of its hits.
    let sentenceCategories: [CategorySet]
    let published: Date?
    let publishedYear: Int?
    /// Sentence indexes with the title's sentences last, so that body sentences give the evidence.
    let bodyFirstOrder: [Int]
    /// The article is about defence spending: a defence word in the title or in at least three sentences.
    /// Then a figure needs no defence word of its own ("Poland plans to spend 4.7% this year").
    let defenceArticle: Bool
    /// Whether any sentence names NATO or the alliance (`nato_context`).
    let namesNato: Bool
    /// Indexes of the title's sentences.
    let titleSentences: Set<Int>
    /// Texts of the title's sentences.
    let titleSentenceEvidence: Set<String>

    init(rules: RuleSet, article: Article) {
        self.rules = rules
        var full = article.text
        var titleBytes = 0
        if let t = article.title, !t.isEmpty {
            full = t + "\n\n" + full
            titleBytes = TextNormalizer.normalize(t).count
        }
        text = TextNormalizer.normalize(full)
        lower = TextNormalizer.lowercasedASCII(text)
        let split = rules.splitter.split(text, lower: lower)
        sentences = split
        let titleIndexes = split.indices.filter { split[$0].start < titleBytes }
        bodyFirstOrder = Array(split.indices.dropFirst(titleIndexes.count)) + titleIndexes
        titleSentences = Set(titleIndexes)
        let normalizedText = text
        titleSentenceEvidence = Set(titleIndexes.map { String(decoding: normalizedText[split[$0].start..<split[$0].end], as: UTF8.self) })
        var h = rules.matcher.scan(lower: lower, original: text)
        h.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        hits = h
        var ranges: [Range<Int>] = []
        var cats: [CategorySet] = []
        ranges.reserveCapacity(sentences.count)
        cats.reserveCapacity(sentences.count)
        var k = 0
        let patternCategories = rules.matcher.categories
        for s in sentences {
            while k < h.count, Int(h[k].start) < s.start { k += 1 }
            let b = k
            var c = CategorySet()
            while k < h.count, Int(h[k].start) < s.end {
                // hits that run past the sentence end are dropped from it
                if Int(h[k].end) <= s.end { c.formUnion(patternCategories[Int(h[k].pattern)]) }
                k += 1
            }
            ranges.append(b..<k)
            cats.append(c)
        }
        sentenceHits = ranges
        sentenceCategories = cats
        let defence = rules.lexicon["defence_objects"] ?? -1
        let withDefence = cats.indices.filter { cats[$0].contains(defence) }
        defenceArticle = withDefence.count >= 3 || withDefence.contains { split[$0].start < titleBytes }
        let nato = rules.lexicon["nato_context"] ?? -1
        namesNato = cats.contains { $0.contains(nato) }
        published = article.published
        publishedYear = article.published.map(DateParsing.year)
    }

    @inline(__always) func labels(_ hit: PhraseHit) -> [PhraseLabel] {
        rules.matcher.patterns[Int(hit.pattern)].labels
    }

    /// Hits in sentence `s` carrying `category`, with the matching label.
    func hits(in s: Int, category: Int32) -> [(hit: PhraseHit, label: PhraseLabel)] {
        var out: [(PhraseHit, PhraseLabel)] = []
        guard sentenceCategories[s].contains(category) else { return out }
        for i in sentenceHits[s] {
            let h = hits[i]
            if Int(h.end) > sentences[s].end { continue }
            for l in labels(h) where l.category == category { out.append((h, l)) }
        }
        return out
    }

    /// True when sentence `s` has a hit of `category`.
    func has(_ s: Int, _ category: Int32) -> Bool {
        sentenceCategories[s].contains(category)
    }

    /// Category id of a lexicon (present: checked at load).
    func lex(_ name: String) -> Int32 { rules.lexicon[name] ?? -1 }

    /// Tokenized views of sentences, built once per article and shared by the extractors. A view holds
    /// this context, so `releaseViews()` must be called when the article is done (it breaks the cycle).
    private var views: [SentenceView?] = []

    /// The tokenized view of sentence `s` (built on first use).
    func view(_ s: Int) -> SentenceView {
        if views.isEmpty { views = Array(repeating: nil, count: sentences.count) }
        if let v = views[s] { return v }
        let v = SentenceView(self, s)
        views[s] = v
        return v
    }

    /// Drops the cached views (and with them their references back to this context).
    func releaseViews() { views = [] }

    /// Text of a byte range.
    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: text[start..<end], as: UTF8.self)
    }

    func sentenceText(_ s: Int) -> String { string(sentences[s].start, sentences[s].end) }

    /// The evidence for a fact: its sentence, or for a run-on "sentence" over 600 bytes a window
    /// of it around `byte` cut at spaces.
    func evidence(_ s: Int, around byte: Int) -> String {
        let sen = sentences[s]
        guard sen.end - sen.start > 600 else { return sentenceText(s) }
        var a = max(sen.start, byte - 300), b = min(sen.end, byte + 300)
        while a > sen.start, text[a - 1] != 0x20 { a -= 1 }
        while b < sen.end, text[b] != 0x20 { b += 1 }
        return (a > sen.start ? "..." : "") + string(a, b) + (b < sen.end ? "..." : "")
    }

    /// Cheap test for a percentage or an amount: `%`, a currency symbol, a digit glued to a letter
    /// ("13.4bn"), or a percent/scale/currency word next to a number or number word.
    func hasQuantitySignal(_ s: Int) -> Bool {
        let sen = sentences[s]
        var digit = false
        var i = sen.start
        while i < sen.end {
            let b = text[i]
            if b == 0x25 || b == 0x24 { return true }                               // % $
            if b == 0xE2, i + 2 < sen.end, text[i + 1] == 0x82, text[i + 2] == 0xAC { return true } // €
            if b == 0xC2, i + 1 < sen.end, text[i + 1] == 0xA3 || text[i + 1] == 0xA5 { return true } // £ ¥
            if b >= 0x30 && b <= 0x39 {
                digit = true
                if i + 1 < sen.end, (text[i + 1] | 0x20) >= 0x61 && (text[i + 1] | 0x20) <= 0x7A { return true }
            }
            i += 1
        }
        guard digit || has(s, rules.numberWordCategory) else { return false }
        return has(s, rules.quantityWordCategory)
    }

    /// Whether the sentence contains an ASCII digit.
    func hasDigit(_ s: Int) -> Bool {
        for i in sentences[s].start..<sentences[s].end where text[i] >= 0x30 && text[i] <= 0x39 { return true }
        return false
    }
}
