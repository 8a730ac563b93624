/// Reads percentages and money amounts from tokens: "3%", "3.5 per cent", "three percent",
/// "2.5 to 3%", "5-6%", "€150bn", "$1.2 trillion", "NOK 600 billion", "half a trillion",
/// "800 billion", "200 billion zloty ($55 billion)".
struct QuantityParser {
    let view: SentenceView
    let gazetteer: Gazetteer

    private static let percentWords = ByteWordSet(["percent", "pct", "pc", "prozent"])

    func parse() -> [Quantity] {
        var out: [Quantity] = []
        let t = view.tokens
        var i = 0
        while i < t.count {
            if let q = parse(at: i) {
                out.append(q)
                i = q.last + 1
            } else {
                i += 1
            }
        }
        // "between 5% and 6%": one range, lower bound first
        var merged: [Quantity] = []
        for q in out {
            if let prev = merged.last, prev.kind == q.kind, prev.high == nil, q.first == prev.last + 2,
               view.isWord(prev.last + 1, "and") || view.isWord(prev.last + 1, "to"),
               view.isWord(prev.first - 1, "between") || (view.isWord(prev.last + 1, "and") && view.isWord(prev.first - 2, "between")) {
                merged[merged.count - 1].high = q.value
                merged[merged.count - 1].last = q.last
                continue
            }
            merged.append(q)
        }
        out = merged
        // parentheses
        var depth = 0
        var k = 0
        var qi = 0
        while k < t.count && qi < out.count {
            if k == out[qi].first { out[qi].inParentheses = depth > 0; qi += 1; continue }
            let w = view.word(k)
            if w.elementsEqual([0x28]) { depth += 1 } else if w.elementsEqual([0x29]) { depth = max(0, depth - 1) }
            k += 1
        }
        return out
    }

    /// A quantity starting at token `i`, if any.
    private func parse(at i: Int) -> Quantity? {
        let t = view.tokens
        var j = i
        var currencies: [String] = []
        if let (codes, len) = currency(at: j, before: true) {
            currencies = codes
            j += len
        }
        guard let (num, numEnd) = number(at: j) else { return nil }
        var value = num
        var last = numEnd
        var high: Double?
        // range: "2.5 to 3%", "5-6%", "between 3 and 4 percent", "€5-6 billion"
        if let (v2, e2) = rangeEnd(after: last) {
            high = v2
            last = e2
        }
        var q = Quantity(kind: .plain, value: value, high: high, currencies: currencies, first: i, last: last)
        var k = last + 1
        // scale
        if k < t.count, view.isWord(k, "-"), let _ = scale(at: k + 1) { k += 1 }
        if let (sc, len) = scale(at: k) {
            value *= sc.factor
            q.high = high.map { $0 * sc.factor }
            q.scale = sc.name
            q.value = value
            q.kind = .money
            k += len
            q.last = k - 1
            // "€ 500 Mrd." keeps its dot
        }
        if currencies.isEmpty, view.isWord(k, "-"), q.scale != nil, currency(at: k + 1, before: false) != nil { k += 1 } // "100-billion-euro"
        if currencies.isEmpty, let (codes, len) = currency(at: k, before: false) {
            q.currencies = codes
            q.kind = .money
            k += len
            q.last = k - 1
        }
        if !q.currencies.isEmpty { q.kind = .money }
        if q.kind == .plain || (q.kind == .money && q.scale == nil && q.currencies.isEmpty) {
            // "the two-percent target", "a 3-per-cent goal"
            if view.isWord(k, "-"), view.isWord(k + 1, "per"), view.isWord(k + 2, "-"), view.isWord(k + 3, "cent") {
                q.kind = .percent
                q.last = k + 3
                return q
            }
            if view.isWord(k, "-"), percentMarker(at: k + 1) != nil { k += 1 }
            if let (pts, len) = percentMarker(at: k) {
                q.kind = .percent
                q.isPoints = pts
                q.last = k + len - 1
            }
        }
        if q.kind == .plain {
            // a bare year or count: report plain numbers only when they are not years
            let tok = t[numEnd]
            if tok.kind == .number, tok.isInteger, tok.number >= 1900, tok.number <= 2100 { return nil }
        }
        return q
    }

    /// A number at token `i`: digits or number words ("three", "two and a half", "half a").
    private func number(at i: Int) -> (Double, Int)? {
        let t = view.tokens
        guard i < t.count else { return nil }
        if t[i].kind == .number { return (t[i].number, i) }
        guard t[i].kind == .word else { return nil }
        // "a trillion", "an extra"? only before a scale
        if view.isWord(i, "a") || view.isWord(i, "an") {
            if scale(at: i + 1) != nil { return (1, i) }
            return nil
        }
        guard var v = NumberWords.byBytes.lookup(view.word(i)) else { return nil }
        var end = i
        if view.isWord(i, "half") {
            // "half a trillion"
            if view.isWord(i + 1, "a") || view.isWord(i + 1, "an") { end = i + 1 }
            guard scale(at: end + 1) != nil else { return nil }
            return (0.5, end)
        }
        // "twenty-five", "twenty five"
        var k = i + 1
        if view.isWord(k, "-") { k += 1 }
        if v >= 20, v < 100, let u = NumberWords.byBytes.lookup(view.word(k)), u < 10, u >= 1 { v += u; end = k }
        // "two and a half"
        if view.isWord(end + 1, "and"), view.isWord(end + 2, "a"), view.isWord(end + 3, "half") { v += 0.5; end += 3 }
        if view.isWord(end + 1, "-"), view.isWord(end + 2, "and"), view.isWord(end + 3, "-"), view.isWord(end + 4, "a"),
           view.isWord(end + 5, "-"), view.isWord(end + 6, "half") { v += 0.5; end += 6 }
        return (v, end)
    }

    /// "X to Y", "X-Y", "X and Y" after `between`: the upper bound and its last token.
    private func rangeEnd(after i: Int) -> (Double, Int)? {
        let t = view.tokens
        guard i + 2 < t.count || (i + 2 == t.count - 1) else { return nil }
        let sep = i + 1
        let isDash = view.isWord(sep, "-")
        let isTo = view.isWord(sep, "to")
        let isAnd = view.isWord(sep, "and") && betweenBefore(i)
        guard isDash || isTo || isAnd else { return nil }
        // "from 125 billion in 2024 to 173 billion": a year does not open a range
        if t[i].kind == .number, t[i].isInteger, t[i].number >= 1900, t[i].number <= 2100, t[i].end - t[i].start == 4, !isDash { return nil }
        // percent on the first number ("2% to 3%") is allowed
        guard let (v, e) = number(at: sep + 1), t[sep + 1].kind == .number || NumberWords.byBytes.lookup(view.word(sep + 1)) != nil else { return nil }
        // "to 2029" is a year, not a range
        if t[sep + 1].kind == .number, t[sep + 1].isInteger, v >= 1900 { return nil }
        return (v, e)
    }

    private func betweenBefore(_ i: Int) -> Bool {
        var k = i
        while k >= 0, k >= i - 4 {
            if view.isWord(k, "between") { return true }
            k -= 1
        }
        return false
    }

    /// "%", "per cent", "percent", "pct", "percentage point(s)", "pp": (isPoints, token count).
    private func percentMarker(at k: Int) -> (Bool, Int)? {
        let t = view.tokens
        guard k < t.count else { return nil }
        if view.isWord(k, "%") {
            if view.isWord(k + 1, "points") || view.isWord(k + 1, "point") { return (true, 2) }
            return (false, 1)
        }
        if view.isWord(k, "per"), view.isWord(k + 1, "cent") {
            if view.isWord(k + 2, "points") || view.isWord(k + 2, "point") { return (true, 3) }
            return (false, 2)
        }
        if view.isWord(k, "percentage"), view.isWord(k + 1, "points") || view.isWord(k + 1, "point") { return (true, 2) }
        if view.isWord(k, "pp") { return (true, 1) }
        if view.isWord(k, in: Self.percentWords) {
            if view.isWord(k + 1, "points") || view.isWord(k + 1, "point") { return (true, 2) }
            return (false, 1)
        }
        return nil
    }

    /// A scale word at `k` ("billion", "bn"; "m"/"b" only when glued to the number).
    private func scale(at k: Int) -> (ScaleForm, Int)? {
        let t = view.tokens
        guard k < t.count, t[k].kind == .word else { return nil }
        let w = view.word(k)
        guard let s = gazetteer.scales.lookup(w) else { return nil }
        if w.count == 1 && t[k].spaceBefore { return nil }
        // "Mrd." / "bn."
        if view.isWord(k + 1, "."), w.count <= 3, k + 2 < t.count, t[k + 2].kind != .word || !t[k + 2].spaceBefore {
            return (s, 1)
        }
        return (s, 1)
    }

    /// A currency form at token `k` allowed before/after the number: (codes, token count).
    private func currency(at k: Int, before: Bool) -> ([String], Int)? {
        let t = view.tokens
        guard k < t.count, let candidates = gazetteer.currencyByFirstToken.lookup(view.word(k)) else { return nil }
        for ci in candidates {
            let form = gazetteer.currencies[ci]
            guard before ? form.before : form.after else { continue }
            let n = form.tokens.count
            guard k + n <= t.count else { continue }
            var ok = true
            for (o, ft) in form.tokens.enumerated() where !view.word(k + o).elementsEqual(ft) { ok = false; break }
            if !ok { continue }
            if form.glued, (1..<n).contains(where: { t[k + $0].spaceBefore }) { continue }
            // multi-token symbol forms must be glued: "C$" but not "C $" (unless the form has the space)
            // codes written before must be followed by a number
            if before, k + n < t.count, t[k + n].kind != .number, NumberWords.byBytes.lookup(view.word(k + n)) == nil { continue }
            // all-caps codes must be written in capitals ("ALL", "TRY" are English words)
            if form.tokens.count == 1, form.codes.count == 1, let c = form.codes.first, view.word(k).count == 3,
               c.lowercased() == String(decoding: view.word(k), as: UTF8.self), view.original(k) != c { continue }
            return (form.codes, n)
        }
        return nil
    }
}
