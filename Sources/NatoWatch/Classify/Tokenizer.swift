/// A token of a sentence: a word, a number or one punctuation mark, with absolute byte offsets.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, symbol }
    var kind: Kind
    var start: Int
    var end: Int
    /// True when whitespace separates this token from the previous one.
    var spaceBefore: Bool
    /// Parsed value of a number token.
    var number: Double = 0
    /// Digits only, no separators (years, "No. 10").
    var isInteger: Bool = false
}

/// Splits a byte range of normalized text into tokens. `€`, `£`, `¥` are symbols; other non-ASCII
/// bytes are letters. Numbers keep inner `.`/`,` when a digit follows ("3.5", "800,000", "5,4").
enum Tokenizer {
    static func tokenize(_ text: [UInt8], from start: Int, to end: Int) -> [Token] {
        var tokens: [Token] = []
        var i = start
        var space = true
        while i < end {
            let b = text[i]
            if b == 0x20 || b == 0x0A { space = true; i += 1; continue }
            if b >= 0x30 && b <= 0x39 {
                var j = i
                while j < end {
                    let c = text[j]
                    if c >= 0x30 && c <= 0x39 { j += 1; continue }
                    if (c == 0x2E || c == 0x2C), j + 1 < end, text[j + 1] >= 0x30 && text[j + 1] <= 0x39 { j += 1; continue }
                    break
                }
                let (v, integer) = parseNumber(text, i, j)
                tokens.append(Token(kind: .number, start: i, end: j, spaceBefore: space, number: v, isInteger: integer))
                i = j; space = false
                continue
            }
            if let len = symbolLength(text, i, end) {
                tokens.append(Token(kind: .symbol, start: i, end: i + len, spaceBefore: space))
                i += len; space = false
                continue
            }
            if isLetter(b) {
                var j = i + 1
                while j < end, isLetter(text[j]), symbolLength(text, j, end) == nil { j += 1 }
                tokens.append(Token(kind: .word, start: i, end: j, spaceBefore: space))
                i = j; space = false
                continue
            }
            tokens.append(Token(kind: .symbol, start: i, end: i + 1, spaceBefore: space))
            i += 1; space = false
        }
        return tokens
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b >= 0x80
    }

    /// Length of a currency symbol starting at `i` (`€` 3 bytes, `£`/`¥` 2), else nil.
    @inline(__always) static func symbolLength(_ t: [UInt8], _ i: Int, _ end: Int) -> Int? {
        if t[i] == 0xE2, i + 2 < end, t[i + 1] == 0x82, t[i + 2] == 0xAC { return 3 }
        if t[i] == 0xC2, i + 1 < end, t[i + 1] == 0xA3 || t[i + 1] == 0xA5 { return 2 }
        return nil
    }

    /// Parses digits with separators: `1,200` and `1.234.567` are thousands; `3.5` and `5,4` decimals.
    static func parseNumber(_ t: [UInt8], _ s: Int, _ e: Int) -> (Double, Bool) {
        var groups: [[UInt8]] = [[]]
        var seps: [UInt8] = []
        for k in s..<e {
            let c = t[k]
            if c == 0x2E || c == 0x2C { seps.append(c); groups.append([]) } else { groups[groups.count - 1].append(c) }
        }
        func digits(_ g: [UInt8]) -> Double { g.reduce(0.0) { $0 * 10 + Double($1 - 0x30) } }
        if seps.isEmpty { return (digits(groups[0]), true) }
        let thousandsLike = groups.dropFirst().allSatisfy { $0.count == 3 }
        if seps.count == 1 {
            if thousandsLike && seps[0] == 0x2C {  // 800,000
                return (digits(groups[0] + groups[1]), false)
            }
            // 3.5 / 5,4 / 1.500 (European thousands is rare before "%"; read as decimal)
            let frac = groups[1]
            return (digits(groups[0]) + digits(frac) / pow10(frac.count), false)
        }
        if seps.allSatisfy({ $0 == seps[0] }) && thousandsLike {
            return (digits(groups.flatMap { $0 }), false)
        }
        // mixed: 1,234.5 or 1.234,5: last separator is the decimal one
        let intPart = groups.dropLast().flatMap { $0 }
        let frac = groups[groups.count - 1]
        return (digits(intPart) + digits(frac) / pow10(frac.count), false)
    }

    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }
        return r
    }

    /// Lowercased token strings of a phrase (for currency forms).
    static func tokenStrings(_ phrase: String) -> [[UInt8]] {
        let bytes = TextNormalizer.normalize(phrase)
        let lower = TextNormalizer.lowercasedASCII(bytes)
        return tokenize(bytes, from: 0, to: bytes.count).map { Array(lower[$0.start..<$0.end]) }
    }
}
