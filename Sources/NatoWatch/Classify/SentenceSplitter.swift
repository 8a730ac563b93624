/// A sentence: a byte range of the normalized text, with the paragraph it belongs to.
struct Sentence: Sendable {
    var start: Int
    var end: Int
    var paragraph: Int
}

/// Splits normalized text into sentences. Newlines end paragraphs; `.`, `!`, `?` end a sentence
/// when followed by space and a capital, digit or quote, except after known abbreviations
/// ("Gen.", "No. 10") and single initials. Decimal points ("3.5%") never split because no space follows.
struct SentenceSplitter: Sendable {
    /// Lowercased abbreviations (without the final dot) after which a dot does not end a sentence.
    let abbreviations: Set<[UInt8]>
    /// Abbreviations that may also end a sentence ("U.S."): split when a sentence starter follows.
    let terminalAbbreviations: Set<[UInt8]>
    /// Words that typically open a sentence ("The", "It"), lowercased.
    let sentenceStarters: Set<[UInt8]>

    init(abbreviations: [String], terminalAbbreviations: [String], sentenceStarters: [String]) {
        self.abbreviations = Set(abbreviations.map { TextNormalizer.phraseKey($0.hasSuffix(".") ? String($0.dropLast()) : $0) })
        self.terminalAbbreviations = Set(terminalAbbreviations.map { TextNormalizer.phraseKey($0.hasSuffix(".") ? String($0.dropLast()) : $0) })
        self.sentenceStarters = Set(sentenceStarters.map { TextNormalizer.phraseKey($0) })
    }

    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b >= 0x80
    }

    /// Splits `text` (normalized) using `lower` (its ASCII-lowercased copy) for abbreviation checks.
    func split(_ text: [UInt8], lower: [UInt8]) -> [Sentence] {
        var result: [Sentence] = []
        var paragraph = 0
        var start = 0
        let n = text.count
        var i = 0
        func emit(_ end: Int) {
            var s = start, e = end
            while s < e, text[s] == 0x20 || text[s] == 0x0A { s += 1 }
            while e > s, text[e - 1] == 0x20 || text[e - 1] == 0x0A { e -= 1 }
            if e > s { result.append(Sentence(start: s, end: e, paragraph: paragraph)) }
        }
        while i < n {
            let b = text[i]
            if b == 0x0A {
                emit(i)
                paragraph += 1
                start = i + 1
                i += 1
                continue
            }
            if b == 0x2E || b == 0x21 || b == 0x3F { // . ! ?
                var j = i + 1
                while j < n, text[j] == 0x2E || text[j] == 0x21 || text[j] == 0x3F { j += 1 }
                // closing quotes/brackets stay with this sentence
                while j < n, text[j] == 0x22 || text[j] == 0x27 || text[j] == 0x29 || text[j] == 0x5D { j += 1 }
                guard j < n, Self.isSpace(text[j]) else { i = j; continue }
                var k = j
                while k < n, Self.isSpace(text[k]) { k += 1 }
                guard k < n else { i = k; continue }
                let next = text[k]
                let opensSentence = (next >= 0x41 && next <= 0x5A) || (next >= 0x30 && next <= 0x39)
                    || next == 0x22 || next == 0x27 || next == 0x28 || next >= 0x80
                if !opensSentence { i = k; continue }
                if b == 0x2E, j == i + 1, isAbbreviation(endingAt: i, text: text, lower: lower, nextWordAt: k) {
                    i = k
                    continue
                }
                emit(j)
                start = k
                i = k
                continue
            }
            i += 1
        }
        emit(n)
        return result
    }

    /// Whether the dot at `dot` closes an abbreviation rather than a sentence.
    private func isAbbreviation(endingAt dot: Int, text: [UInt8], lower: [UInt8], nextWordAt k: Int) -> Bool {
        // the token before the dot: letters and inner dots ("u.s", "gen", "no")
        var s = dot
        while s > 0, (Self.isAlnum(lower[s - 1]) && lower[s - 1] < 0x80) || lower[s - 1] == 0x2E { s -= 1 }
        guard s < dot else { return false }
        let word = Array(lower[s..<dot])
        if word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return false } // "in 2029. The"
        let single = word.count == 1 && text[s] >= 0x41 && text[s] <= 0x5A
        if terminalAbbreviations.contains(word) {
            return !sentenceStarters.contains(nextWord(lower, at: k))
        }
        if abbreviations.contains(word) { return true }
        if single { return true } // initials: "Mark A. Smith"
        return false
    }

    private func nextWord(_ lower: [UInt8], at k: Int) -> [UInt8] {
        var e = k
        while e < lower.count, Self.isAlnum(lower[e]) { e += 1 }
        return Array(lower[k..<e])
    }
}
