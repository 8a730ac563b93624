/// What a matched phrase means: a category (a lexicon, a rule group or a gazetteer) and an entry in it.
struct PhraseLabel: Sendable, Hashable {
    var category: Int32
    /// Index of the entry within its category (gazetteer record, cue kind…); -1 when irrelevant.
    var entry: Int32
    /// Sub-kind within the entry (e.g. name/adjective/capital for an actor).
    var kind: Int32
}

/// One phrase occurrence in the text: byte range and pattern index.
struct PhraseHit: Sendable {
    var start: Int32
    var end: Int32
    var pattern: Int32
}

/// Multi-pattern matcher (Aho–Corasick, compiled to a DFA over the byte classes used by the
/// patterns). Patterns are ASCII-lowercased normalized phrases matched on whole words: a hit must
/// not continue a word on either side, unless the phrase ends with `*` (prefix match: "pledg*").
/// Patterns marked case-sensitive are re-checked against the original bytes.
struct PhraseMatcher: Sendable {
    struct Pattern: Sendable {
        var key: [UInt8]
        var original: [UInt8]?   // for case-sensitive patterns
        var prefix: Bool
        var labels: [PhraseLabel]
    }

    private(set) var patterns: [Pattern] = []
    /// Per pattern, the categories of its labels.
    private(set) var categories: [CategorySet] = []
    private var index: [PatternKey: Int] = [:]
    private var classOf = [UInt16](repeating: 0, count: 256)
    private var classCount = 1
    /// Transitions, premultiplied: entry = (next state × classes) << 1 | 1 when the next state has outputs.
    private var delta: [UInt32] = []
    /// Per state, the pattern ids ending there (incl. via suffix links): `outIds[outStart[s]..<outStart[s+1]]`.
    private var outStart: [Int32] = []
    private var outIds: [Int32] = []
    /// Per pattern: key length and flags (1 = check the left boundary, 2 = the right one, 4 = case-sensitive).
    private var keyLength: [Int32] = []
    private var flags: [UInt8] = []

    private struct PatternKey: Hashable {
        var key: [UInt8]
        var original: [UInt8]?
        var prefix: Bool
    }

    init() {}

    /// Adds `phrase` with `label`. Returns false when the phrase is empty after normalization.
    @discardableResult
    mutating func add(_ phrase: String, label: PhraseLabel, caseSensitive: Bool = false) -> Bool {
        // "scale* down": a `*` inside the phrase expands to the usual English inflections
        let words = phrase.split(separator: " ", omittingEmptySubsequences: true)
        if let i = words.dropLast().firstIndex(where: { $0.hasSuffix("*") }) {
            var ok = false
            for v in Self.inflections(String(words[i].dropLast())) {
                var w = words.map(String.init)
                w[i] = v
                ok = add(w.joined(separator: " "), label: label, caseSensitive: caseSensitive) || ok
            }
            return ok
        }
        return addOne(phrase, label: label, caseSensitive: caseSensitive)
    }

    /// Inflected forms of a stem: scale → scale, scales, scaled, scaling; step → steps, stepped, stepping.
    static func inflections(_ stem: String) -> [String] {
        var out = [stem, stem + "s", stem + "es", stem + "ed", stem + "ing", stem + "d"]
        if stem.hasSuffix("e") { out.append(String(stem.dropLast()) + "ing") }
        if let last = stem.last, !"aeiouwy".contains(last), stem.count >= 3 {
            out.append(stem + String(last) + "ed")
            out.append(stem + String(last) + "ing")
        }
        if stem.hasSuffix("y") { out.append(String(stem.dropLast()) + "ies"); out.append(String(stem.dropLast()) + "ied") }
        if stem.hasSuffix("w") && stem.hasSuffix("aw") { out.append(String(stem.dropLast(2)) + "ew") }
        return out
    }

    private mutating func addOne(_ phrase: String, label: PhraseLabel, caseSensitive: Bool) -> Bool {
        var p = phrase.trimmingCharacters(in: [" "])
        var prefix = false
        if p.hasSuffix("*") { prefix = true; p.removeLast() }
        let key = TextNormalizer.phraseKey(p)
        guard !key.isEmpty else { return false }
        let original: [UInt8]? = caseSensitive ? TextNormalizer.normalize(p) : nil
        let pk = PatternKey(key: key, original: original, prefix: prefix)
        if let i = index[pk] {
            if !patterns[i].labels.contains(label) { patterns[i].labels.append(label) }
        } else {
            index[pk] = patterns.count
            patterns.append(Pattern(key: key, original: original, prefix: prefix, labels: [label]))
        }
        return true
    }

    /// Builds the automaton; call once after all `add`s.
    mutating func compile() {
        // byte classes: each byte used in a pattern gets its own class; all others share class 0
        var used = [Bool](repeating: false, count: 256)
        for p in patterns { for b in p.key { used[Int(b)] = true } }
        classCount = 1
        for b in 0..<256 where used[b] { classOf[b] = UInt16(classCount); classCount += 1 }
        // trie
        var trie: [[Int32]] = [[Int32](repeating: -1, count: classCount)]
        var out: [[Int32]] = [[]]
        for (pi, p) in patterns.enumerated() {
            var s = 0
            for b in p.key {
                let c = Int(classOf[Int(b)])
                if trie[s][c] < 0 {
                    trie[s][c] = Int32(trie.count)
                    trie.append([Int32](repeating: -1, count: classCount))
                    out.append([])
                }
                s = Int(trie[s][c])
            }
            out[s].append(Int32(pi))
        }
        // BFS for failure links, filling the DFA
        let states = trie.count
        var fail = [Int32](repeating: 0, count: states)
        var dfa = [Int32](repeating: 0, count: states * classCount)
        var queue: [Int] = []
        queue.reserveCapacity(states)
        for c in 0..<classCount {
            let t = trie[0][c]
            if t >= 0 { dfa[c] = t; fail[Int(t)] = 0; queue.append(Int(t)) } else { dfa[c] = 0 }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]; head += 1
            out[s].append(contentsOf: out[Int(fail[s])])
            for c in 0..<classCount {
                let t = trie[s][c]
                if t >= 0 {
                    fail[Int(t)] = dfa[Int(fail[s]) * classCount + c]
                    dfa[s * classCount + c] = t
                    queue.append(Int(t))
                } else {
                    dfa[s * classCount + c] = dfa[Int(fail[s]) * classCount + c]
                }
            }
        }
        delta = dfa.map { t in
            let next = Int(t)
            let hasOutput: UInt32 = out[next].isEmpty ? 0 : 1
            return UInt32(next * classCount) << 1 | hasOutput
        }
        outStart = [0]
        outIds = []
        for o in out {
            outIds.append(contentsOf: o)
            outStart.append(Int32(outIds.count))
        }
        keyLength = patterns.map { Int32($0.key.count) }
        categories = patterns.map { p in
            var c = CategorySet()
            for l in p.labels { c.insert(l.category) }
            return c
        }
        flags = patterns.map { p in
            var f: UInt8 = 0
            if let first = p.key.first, SentenceSplitter.isAlnum(first) { f |= 1 }
            if !p.prefix, let last = p.key.last, SentenceSplitter.isAlnum(last) { f |= 2 }
            if p.original != nil { f |= 4 }
            return f
        }
    }

    /// All whole-word hits of all patterns in `lower` (ASCII-lowercased normalized text);
    /// `original` is the same text before lowercasing, for case-sensitive patterns.
    func scan(lower: [UInt8], original: [UInt8]) -> [PhraseHit] {
        var hits: [PhraseHit] = []
        let cc = classCount
        lower.withUnsafeBufferPointer { buf in
            delta.withUnsafeBufferPointer { d in
                classOf.withUnsafeBufferPointer { cls in
                    outStart.withUnsafeBufferPointer { os in
                        outIds.withUnsafeBufferPointer { ids in
                            keyLength.withUnsafeBufferPointer { kl in
                                flags.withUnsafeBufferPointer { fl in
                                    var s = 0
                                    let n = buf.count
                                    var i = 0
                                    while i < n {
                                        let v = d[s &+ Int(cls[Int(buf[i])])]
                                        s = Int(v >> 1)
                                        if v & 1 == 0 { i &+= 1; continue }
                                        let state = s / cc
                                        var k = Int(os[state])
                                        let e = Int(os[state &+ 1])
                                        while k < e {
                                            let pi = Int(ids[k])
                                            let end = i &+ 1
                                            let start = end &- Int(kl[pi])
                                            let f = fl[pi]
                                            k &+= 1
                                            if f & 1 != 0, start > 0, SentenceSplitter.isAlnum(buf[start &- 1]) { continue }
                                            if f & 2 != 0, end < n, SentenceSplitter.isAlnum(buf[end]) { continue }
                                            if f & 4 != 0, !caseMatches(pi, start: start, original: original) { continue }
                                            hits.append(PhraseHit(start: Int32(start), end: Int32(end), pattern: Int32(pi)))
                                        }
                                        i &+= 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return hits
    }

    private func caseMatches(_ pi: Int, start: Int, original: [UInt8]) -> Bool {
        guard let orig = patterns[pi].original else { return true }
        var k = 0
        while k < orig.count { if original[start + k] != orig[k] { return false }; k += 1 }
        return true
    }

    /// Only the state walk, no hit checks: the speed ceiling for a multi-pattern scan.
    func countRawMatches(lower: [UInt8]) -> Int {
        var count = 0
        let cc = classCount
        lower.withUnsafeBufferPointer { buf in
            delta.withUnsafeBufferPointer { d in
                classOf.withUnsafeBufferPointer { cls in
                    outStart.withUnsafeBufferPointer { os in
                        var s = 0
                        for b in buf {
                            let v = d[s &+ Int(cls[Int(b)])]
                            s = Int(v >> 1)
                            if v & 1 != 0 {
                                let state = s / cc
                                count &+= Int(os[state &+ 1] &- os[state])
                            }
                        }
                    }
                }
            }
        }
        return count
    }
}
