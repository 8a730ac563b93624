/// A tokenized sentence with hits mapped to token positions.
struct SentenceView {
    let ctx: ArticleContext
    let index: Int
    let tokens: [Token]
    /// Spans of the sentence's hits grouped by category (text order within a category), built once:
    /// the spans of category `c` are `flatSpans[spanStart[c]..<spanStart[c + 1]]`.
    private let flatSpans: [Span]
    private let spanStart: [Int32]

    init(_ ctx: ArticleContext, _ index: Int) {
        self.ctx = ctx
        self.index = index
        let s = ctx.sentences[index]
        let toks = Tokenizer.tokenize(ctx.text, from: s.start, to: s.end)
        tokens = toks
        func tokenIndex(_ byte: Int) -> Int {
            var lo = 0, hi = toks.count
            while lo < hi { let mid = (lo + hi) / 2; if toks[mid].start < byte { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        let categories = Int(ctx.rules.categoryCount)
        var unsorted: [Span] = []
        unsorted.reserveCapacity(ctx.sentenceHits[index].count * 2)
        var counts = [Int32](repeating: 0, count: categories + 1)
        for i in ctx.sentenceHits[index] {
            let h = ctx.hits[i]
            guard Int(h.end) <= s.end else { continue }
            let first = tokenIndex(Int(h.start))
            let last = tokenIndex(Int(h.end)) - 1
            guard first < toks.count, last >= first else { continue }
            for l in ctx.labels(h) where Int(l.category) < categories {
                unsorted.append(Span(first: first, last: last, hit: h, label: l))
                counts[Int(l.category) + 1] += 1
            }
        }
        // counting sort by category keeps text order within each category
        for c in 0..<categories { counts[c + 1] += counts[c] }
        var next = counts
        var sorted = unsorted
        for sp in unsorted {
            let c = Int(sp.label.category)
            sorted[Int(next[c])] = sp
            next[c] += 1
        }
        flatSpans = sorted
        spanStart = counts
    }

    /// A hit located by tokens: `first` and `last` token indexes (inclusive).
    struct Span { var first: Int; var last: Int; var hit: PhraseHit; var label: PhraseLabel }

    /// First token starting at or after `byte`.
    func token(atOrAfter byte: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].start < byte { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// Spans of `category` in this sentence, in text order.
    func spans(_ category: Int32) -> ArraySlice<Span> {
        guard category >= 0, Int(category) + 1 < spanStart.count else { return [] }
        return flatSpans[Int(spanStart[Int(category)])..<Int(spanStart[Int(category) + 1])]
    }

    /// Whether token `i` is a word starting with a capital letter (A–Z, or any non-ASCII letter: "Ämari", "Šiauliai").
    func isCapitalized(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return false }
        let c = ctx.text[tokens[i].start]
        return c >= 0x41 && c <= 0x5A || c >= 0xC0
    }

    /// Lowercased bytes of token `i`.
    func word(_ i: Int) -> ArraySlice<UInt8> {
        guard i >= 0, i < tokens.count else { return [] }
        return ctx.lower[tokens[i].start..<tokens[i].end]
    }

    func isWord(_ i: Int, _ w: String) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let t = tokens[i]
        let utf8 = w.utf8
        guard utf8.count == t.end - t.start else { return false }
        let lower = ctx.lower
        var k = t.start
        for b in utf8 {
            if lower[k] != b { return false }
            k += 1
        }
        return true
    }

    func isWord(_ i: Int, in set: ByteWordSet) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        return set.contains(word(i))
    }

    /// Original-case text of token `i`.
    func original(_ i: Int) -> String {
        ctx.string(tokens[i].start, tokens[i].end)
    }
}
