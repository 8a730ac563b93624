/// Finds the year a target is to be met: "by 2029", "in 2030", "from 2026", "2026-2030" (the end),
/// "by the end of the decade", "within five years", "next year", "this year", "over the next decade"
/// (relative forms count from the article's publication year).
struct TargetYearFinder {
    let view: SentenceView
    let publishedYear: Int?

    /// A year mention: where it is and what it resolves to.
    struct Mention {
        var first: Int; var last: Int; var year: Int; var preposition: Bool
        /// A span counted from publication ("within five years", "over the next decade"), not a named year.
        var duration: Bool = false
    }

    private static let months = ByteWordSet([
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"])
    private static let yearPrepositions = ByteWordSet([
        "by", "in", "until", "till", "before", "through", "from", "starting",
        "start", "as", "of", "for", "to", "within", "after", "beginning"])

    /// All year mentions in the sentence.
    func mentions() -> [Mention] {
        var out: [Mention] = []
        let t = view.tokens
        var i = 0
        while i < t.count {
            if t[i].kind == .number, t[i].isInteger, t[i].number >= 1990, t[i].number <= 2100, t[i].end - t[i].start == 4 {
                var year = Int(t[i].number)
                var last = i
                // "2026-2030", "2025-26", "2025/26": take the end
                if (view.isWord(i + 1, "and") || view.isWord(i + 1, "to")), i + 2 < t.count, t[i + 2].kind == .number, t[i + 2].isInteger,
                   t[i + 2].number >= 1990, t[i + 2].number <= 2100, Int(t[i + 2].number) > year {
                    year = Int(t[i + 2].number) // "between 2024 and 2030": the end
                    last = i + 2
                } else if (view.isWord(i + 1, "-") || view.isWord(i + 1, "/")), i + 2 < t.count, t[i + 2].kind == .number, t[i + 2].isInteger {
                    // A huge number here ("2029-99999999999999999999") must not trap the conversion.
                    let v = t[i + 2].number < 10_000 ? Int(t[i + 2].number) : -1
                    if v >= 1990 && v <= 2100 { year = v; last = i + 2 } else if v < 100, v > year % 100 { year = year - year % 100 + v; last = i + 2 }
                }
                // "percent" after it would be odd; "2029 budget" fine
                // "in June 2024": a month between the preposition and the year
                let prep = i > 0 && (view.isWord(i - 1, in: Self.yearPrepositions)
                    || i > 1 && view.isWord(i - 1, in: Self.months) && view.isWord(i - 2, in: Self.yearPrepositions))
                out.append(Mention(first: i, last: last, year: year, preposition: prep))
                i = last + 1
                continue
            }
            if let py = publishedYear, let (y, len) = relative(at: i, publishedYear: py) {
                let named = view.isWord(i, "next") || view.isWord(i, "this") || view.isWord(i + 1, "coming") && view.isWord(i + 2, "year")
                    || view.isWord(i + 2, "coming") && view.isWord(i + 3, "months") || view.isWord(i + 1, "coming") && view.isWord(i + 2, "months")
                out.append(Mention(first: i, last: i + len - 1, year: y, preposition: true, duration: !named && y != py + 1 && y != py))
                i += len
                continue
            }
            i += 1
        }
        return out
    }

    /// A relative time expression at token `i`: (year, token count).
    private static let relativeStarts = ByteWordSet(["next", "this", "the", "end", "within", "over", "in"])

    private func relative(at i: Int, publishedYear py: Int) -> (Int, Int)? {
        guard view.tokens[i].kind == .word, view.isWord(i, in: Self.relativeStarts) else { return nil }
        func w(_ k: Int, _ s: String) -> Bool { view.isWord(i + k, s) }
        if w(0, "next"), w(1, "year") { return (py + 1, 2) }
        // "this year and next": the end of the stretch, like "2025-2026"
        if w(0, "this"), w(1, "year"), w(2, "and"), w(3, "next") { return (py + 1, w(4, "year") ? 5 : 4) }
        if w(0, "this"), w(1, "year") { return (py, 2) }
        if w(0, "next"), w(1, "fiscal"), w(2, "year") { return (py + 1, 3) }
        if w(0, "this"), w(1, "fiscal"), w(2, "year") { return (py, 3) }
        if w(0, "the"), w(1, "current"), w(2, "fiscal"), w(3, "year") { return (py, 4) }
        if w(0, "next"), w(1, "decade") { return (py + 10, 2) }
        if w(0, "the"), w(1, "end"), w(2, "of"), w(3, "the"), w(4, "decade") { return ((py / 10 + 1) * 10, 5) }
        if w(0, "end"), w(1, "of"), w(2, "the"), w(3, "decade") { return ((py / 10 + 1) * 10, 4) }
        if w(0, "within"), w(1, "a"), w(2, "decade") { return (py + 10, 3) }
        if w(0, "over"), w(1, "the"), w(2, "next"), w(3, "decade") { return (py + 10, 4) }
        if w(0, "in"), w(1, "the"), w(2, "next"), w(3, "decade") { return (py + 10, 4) }
        // "in the coming months", "in the next few weeks": this year
        if w(0, "in"), w(1, "the") || w(1, "coming") {
            var k = 1
            if w(k, "the") { k += 1 }
            if w(k, "coming") || w(k, "next") {
                if w(k + 1, "few") { k += 1 }
                if w(k + 1, "months") || w(k + 1, "weeks") { return (py, k + 2) }
            }
        }
        // "in the coming year": next year
        if w(0, "the"), w(1, "coming"), w(2, "year") { return (py + 1, 3) }
        // "for over a year", "for more than a year": a time already passed, not a deadline
        if w(0, "over"), view.isWord(i - 1, "for") { return nil }
        // within/in/over (the next) N years
        if w(0, "within") || w(0, "in") || w(0, "over") {
            var k = 1
            if w(k, "the") { k += 1 }
            if w(k, "next") || w(k, "coming") { k += 1 }
            let numTok = i + k
            guard numTok < view.tokens.count else { return nil }
            var n: Int?
            if view.tokens[numTok].kind == .number, view.tokens[numTok].isInteger, view.tokens[numTok].number < 50 {
                n = Int(view.tokens[numTok].number)
            } else if let v = NumberWords.durations.lookup(view.word(numTok)), !(w(k, "a") && !w(k + 1, "year")) {
                n = v
            }
            // "in one to two years", "within three to five years": the later end
            if let low = n, w(k + 1, "to") || w(k + 1, "or"), let high = NumberWords.durations.lookup(view.word(numTok + 2))
                ?? (numTok + 2 < view.tokens.count && view.tokens[numTok + 2].kind == .number && view.tokens[numTok + 2].isInteger
                    && view.tokens[numTok + 2].number < 50 ? Int(view.tokens[numTok + 2].number) : nil),
               high > low, w(k + 3, "years") {
                return (py + high, k + 4)
            }
            guard let years = n, w(k + 1, "years") || w(k + 1, "year") else { return nil }
            return (py + years, k + 2)
        }
        return nil
    }

    /// The target year for a quantity spanning tokens `first...last`: the nearest year after it
    /// (within the sentence), else the nearest one before it with a preposition or right before it.
    func targetYear(for first: Int, _ last: Int, mentions: [Mention]) -> Int? {
        // "an additional 6.7 billion euros compared to 2025", "more than in 2024": a baseline, not the deadline
        // ("At the 2025 Hague summit, the alliance agreed to invest 3.5%": the year names an event, not a deadline)
        let usable = mentions.filter { !isComparison($0) && !namesEvent($0) }
        if let after = usable.first(where: { $0.first > last }) { return after.year }
        if let before = usable.last(where: { $0.last < first }) { return before.year }
        return nil
    }

    private static let eventNouns = ByteWordSet(["summit", "meeting", "conference", "election", "elections", "invasion", "war", "ministerial"])

    /// Whether the year names a recent event ("the 2025 Hague summit" in a 2026 article): the event's noun right after
    /// it, past capitalised names only. (An older one, "the 2014 Wales summit", stays: what it dates is history.)
    func namesEvent(_ m: Mention) -> Bool {
        guard !m.duration, m.first == m.last, let py = publishedYear, m.year >= py - 1 else { return false }
        var k = m.last + 1
        while k <= m.last + 3, !view.isWord(k, in: Self.eventNouns) {
            guard view.isCapitalized(k) else { return false }
            k += 1
        }
        return view.isWord(k, in: Self.eventNouns)
    }

    /// Whether the year is the other side of a comparison ("compared to 2025", "than in 2024", "versus 2023").
    func isComparison(_ m: Mention) -> Bool {
        (max(0, m.first - 3)..<m.first).contains { view.isWord($0, "than") || view.isWord($0, "compared") || view.isWord($0, "versus") || view.isWord($0, "vs")
            // "a 13.4% increase from fiscal year 2025": the year increased from
            || view.isWord($0, "from") && view.isWord($0 - 1, in: Self.increaseNouns) }
    }

    private static let increaseNouns = ByteWordSet(["increase", "rise", "jump", "hike", "growth", "up"])
}
