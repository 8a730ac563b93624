import Foundation

/// Text helpers reproducing feedparser's (and Python's) string semantics.
enum FeedText {
    /// Python's `str.isspace()` for one scalar.
    @inline(__always)
    static func isPySpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Python's `str.strip()`.
    static func pyStrip(_ s: String) -> String {
        let u = s.unicodeScalars
        guard let first = u.first, let last = u.last else { return s }
        if !isPySpace(first.value) && !isPySpace(last.value) { return s }
        var a = u.startIndex
        var b = u.endIndex
        while a < b, isPySpace(u[a].value) { a = u.index(after: a) }
        while b > a, isPySpace(u[u.index(before: b)].value) { b = u.index(before: b) }
        return String(u[a..<b])
    }

    /// True when the UTF-8 of `s` contains `byte` (fast contiguous scan).
    @inline(__always)
    static func has(_ s: String, _ byte: UInt8) -> Bool {
        if let r = s.utf8.withContiguousStorageIfAvailable({ buf -> Bool in
            for c in buf where c == byte { return true }
            return false
        }) { return r }
        return s.utf8.contains(byte)
    }

    /// Length of the Python-whitespace character starting at `i` (0 when it is not one).
    @inline(__always)
    static func pySpaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) ? 1 : 0 }
        let n = b.count
        if c == 0xC2, i + 1 < n { return b[i + 1] == 0x85 || b[i + 1] == 0xA0 ? 2 : 0 }
        if c == 0xE1, i + 2 < n { return b[i + 1] == 0x9A && b[i + 2] == 0x80 ? 3 : 0 }
        if c == 0xE2, i + 2 < n {
            let c1 = b[i + 1], c2 = b[i + 2]
            if c1 == 0x80 { return (c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF ? 3 : 0 }
            if c1 == 0x81 { return c2 == 0x9F ? 3 : 0 }
            return 0
        }
        if c == 0xE3, i + 2 < n { return b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0 }
        return 0
    }

    /// feedref's `collapse_ws`: whitespace runs → one space, trimmed.
    static func collapse(_ s: String) -> String {
        var s = s
        return s.withUTF8 { collapse(bytes: $0) }
    }

    /// `collapse`, also treating the byte `separator` (a paragraph marker) as whitespace.
    static func collapse(_ s: String, separator: UInt8) -> String {
        var s = s
        return s.withUTF8 { collapse(bytes: $0, separator: separator) }
    }

    static func collapse(bytes b: UnsafeBufferPointer<UInt8>, separator: UInt8 = 0x20) -> String {
        let n = b.count
        if n == 0 { return "" }
        return String(unsafeUninitializedCapacity: n) { out in
            var o = 0
            var pending = false
            var i = 0
            let lows: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            guard let src = b.baseAddress, let dst = out.baseAddress else { return 0 }
            while i < n {
                // Fast path: copy the run of printable ASCII bytes (0x21...0x7F) at the start of
                // the next 8 bytes as one word. (o <= i always, so 8 bytes fit at o.)
                if i + 8 <= n {
                    let w = UnsafeRawPointer(src + i).loadUnaligned(as: UInt64.self)
                    // High bit set, or below 0x21 (whitespace and separators are below it); only
                    // the lowest flagged byte is exact, which is the one we need.
                    let bad = (w & highs) | ((w &- lows &* 0x21) & ~w & highs)
                    let k = bad == 0 ? 8 : bad.trailingZeroBitCount >> 3
                    if k > 0 {
                        if pending { out[o] = 32; o += 1; pending = false }
                        UnsafeMutableRawPointer(dst + o).storeBytes(of: w, as: UInt64.self)
                        o += k
                        i += k
                        continue
                    }
                }
                let c = b[i]
                if c > 0x20 && c < 0x80 {
                    if pending { out[o] = 32; o += 1; pending = false }
                    out[o] = c
                    o += 1
                    i += 1
                    continue
                }
                // Only ASCII controls/space and the lead bytes C2, E1, E2, E3 can start whitespace.
                let l = c == separator ? 1 : ((c <= 0x20 || c == 0xC2 || (c >= 0xE1 && c <= 0xE3)) ? pySpaceLength(b, i) : 0)
                if l > 0 {
                    pending = o > 0
                    i += l
                    continue
                }
                if pending { out[o] = 32; o += 1; pending = false }
                out[o] = c
                o += 1
                i += 1
            }
            return o
        }
    }

    /// Python's `str.replace` applied in order for each pair, on UTF-8 bytes.
    static func replaceAll(_ s: String, _ pairs: [(String, String)]) -> String {
        var bytes = Array(s.utf8)
        var anyChange = false
        for (a, b) in pairs {
            let pat = Array(a.utf8)
            let rep = Array(b.utf8)
            let m = pat.count
            let n = bytes.count
            guard m > 0, n >= m else { continue }
            var out = [UInt8]()
            var changed = false
            bytes.withUnsafeBufferPointer { src in
                pat.withUnsafeBufferPointer { p in
                    let first = p[0]
                    var i = 0
                    var copied = 0
                    while i + m <= n {
                        if src[i] == first {
                            var k = 1
                            while k < m, src[i + k] == p[k] { k += 1 }
                            if k == m {
                                if !changed { out.reserveCapacity(n); changed = true }
                                out.append(contentsOf: UnsafeBufferPointer(rebasing: src[copied..<i]))
                                out.append(contentsOf: rep)
                                i += m
                                copied = i
                                continue
                            }
                        }
                        i += 1
                    }
                    if changed { out.append(contentsOf: UnsafeBufferPointer(rebasing: src[copied..<n])) }
                }
            }
            if changed { bytes = out; anyChange = true }
        }
        // Without a replacement the input is returned as is (decoding its own bytes would give
        // the same string).
        return anyChange ? String(decoding: bytes, as: UTF8.self) : s
    }

    private static let cp1252: [UInt32: UInt32] = [
        128: 0x20AC, 130: 0x201A, 131: 0x0192, 132: 0x201E, 133: 0x2026, 134: 0x2020, 135: 0x2021,
        136: 0x02C6, 137: 0x2030, 138: 0x0160, 139: 0x2039, 140: 0x0152, 142: 0x017D, 145: 0x2018,
        146: 0x2019, 147: 0x201C, 148: 0x201D, 149: 0x2022, 150: 0x2013, 151: 0x2014, 152: 0x02DC,
        153: 0x2122, 154: 0x0161, 155: 0x203A, 156: 0x0153, 158: 0x017E, 159: 0x0178,
    ]

    /// feedparser's two repairs of every popped value: UTF-8 read as Latin-1, then C1 → cp1252.
    static func repair(_ s: String) -> String {
        var allLatin1 = true
        var anyHigh = false
        var anyC1 = false
        var s = s
        s.withUTF8 { b in
            var i = 0
            let n = b.count
            while i < n {
                // Skip ASCII eight bytes at a time.
                if i + 8 <= n, let base = b.baseAddress,
                   UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                anyHigh = true
                if c == 0xC2 {
                    if i + 1 < n, b[i + 1] <= 0x9F { anyC1 = true }
                } else if c != 0xC3, c >= 0xC0 {
                    allLatin1 = false
                }
                i += 1
            }
        }
        guard anyHigh else { return s }
        if allLatin1 {
            let bytes = s.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
            if let decoded = String(validating: bytes, as: UTF8.self) {
                s = decoded
                anyC1 = s.unicodeScalars.contains { $0.value >= 0x80 && $0.value <= 0x9F }
            }
        }
        guard anyC1 else { return s }
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            if let m = cp1252[c.value], let r = Unicode.Scalar(m) { out.append(r) } else { out.append(c) }
        }
        return String(out)
    }

    /// `re.sub("&([A-Za-z0-9_]+);", r"&\1", s)`.
    static func fixQueryRefs(_ s: String) -> String {
        guard FeedText.has(s, 38) else { return s }
        var out = [UInt8]()
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            if b[i] == 38 {
                var j = i + 1
                while j < b.count, isWordASCII(b[j]) { j += 1 }
                if j > i + 1, j < b.count, b[j] == 59 {
                    out.append(contentsOf: b[i..<j])
                    i = j + 1
                    continue
                }
            }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    private static func isWordASCII(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
    }

    /// Python `base64.decodebytes(...).decode('utf8')`, nil on failure.
    static func base64Decode(_ s: String) -> String? {
        let filtered = s.unicodeScalars.filter {
            ($0 >= "A" && $0 <= "Z") || ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "+" || $0 == "/" || $0 == "="
        }
        var t = String(String.UnicodeScalarView(filtered))
        if let eq = t.firstIndex(of: "=") {
            // Python stops at the padding.
            let dataPart = t[..<eq]
            let padNeeded = (4 - dataPart.count % 4) % 4
            t = String(dataPart) + String(repeating: "=", count: padNeeded)
        }
        guard t.count % 4 == 0, let d = Data(base64Encoded: t) else { return nil }
        return String(validating: [UInt8](d), as: UTF8.self)
    }

    /// The HTML elements feedparser's sanitizer accepts (`looks_like_html`).
    static let acceptableElements: Set<String> = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "big",
        "blockquote", "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup",
        "command", "datagrid", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl",
        "dt", "em", "event-source", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1",
        "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "input", "ins", "kbd", "keygen",
        "label", "legend", "li", "m", "map", "menu", "meter", "multicol", "nav", "nextid", "noscript",
        "ol", "optgroup", "option", "output", "p", "pre", "progress", "q", "s", "samp", "section",
        "select", "small", "sound", "source", "spacer", "span", "strike", "strong", "sub", "sup",
        "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul",
        "var", "video",
    ]

    @inline(__always)
    private static func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    /// feedparser's `looks_like_html`.
    static func looksLikeHTML(_ s: String) -> Bool {
        guard s.utf8.contains(where: { $0 == 60 || $0 == 38 }) else { return false }
        let chars = Array(s)
        let n = chars.count
        var hasClose = false
        var hasRef = false
        var i = 0
        // Scan for `</word>` and `&#?word;`.
        while i < n {
            let c = chars[i]
            if c == "<", i + 1 < n, chars[i + 1] == "/" {
                var j = i + 2
                while j < n, isWord(chars[j]) { j += 1 }
                if j > i + 2, j < n, chars[j] == ">" { hasClose = true }
            } else if c == "&" {
                var j = i + 1
                if j < n, chars[j] == "#" { j += 1 }
                let s0 = j
                while j < n, isWord(chars[j]) { j += 1 }
                if j > s0, j < n, chars[j] == ";" { hasRef = true }
            }
            i += 1
        }
        guard hasClose || hasRef else { return false }
        i = 0
        while i < n {
            let c = chars[i]
            if c == "<" {
                var j = i + 1
                if j < n, chars[j] == "/" { j += 1 }
                let s0 = j
                while j < n, isWord(chars[j]) { j += 1 }
                if j > s0 {
                    let name = String(chars[s0..<j]).lowercased()
                    if !acceptableElements.contains(name) { return false }
                }
            } else if c == "&" {
                let s0 = i + 1
                var j = s0
                while j < n, isWord(chars[j]) { j += 1 }
                if j > s0, j < n, chars[j] == ";" {
                    if !HTMLEntities.isHTML4(String(chars[s0..<j])) { return false }
                }
            }
            i += 1
        }
        return true
    }

    private static let emailRegex: NSRegularExpression? = try? NSRegularExpression(
        pattern: #"(([a-zA-Z0-9\_\-\.\+]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([a-zA-Z0-9\-]+\.)+))([a-zA-Z]{2,4}|[0-9]{1,3})(\]?))(\?subject=\S+)?"#
    )

    /// The first e-mail address in `s` as feedparser's author regex finds it.
    static func findEmail(_ s: String) -> Range<String.Index>? {
        guard s.utf8.contains(64), let re = emailRegex else { return nil }
        let ns = NSRange(s.startIndex..<s.endIndex, in: s)
        guard let m = re.firstMatch(in: s, range: ns) else { return nil }
        return Range(m.range, in: s)
    }
}
