import Foundation

/// Converts HTML to plain text: comments, `<script>` and `<style>` (with their content),
/// declarations and processing instructions are dropped, CDATA sections unwrapped,
/// block-level tags separate words (or paragraphs), other tags vanish, and every HTML5
/// character reference is decoded (Python's `html.unescape`).
public enum HTMLText {
    /// Plain text of `html` for the classifier: paragraphs separated by `\n\n`, whitespace
    /// collapsed within each paragraph.
    public static func plainText(_ html: String) -> String {
        stripBytes(html, blockSeparator: "\u{1}").withUnsafeBufferPointer { paragraphs($0, separator: 1) }
    }

    /// Splits `b` at `separator` bytes, collapses each part, joins non-empty parts with `\n\n`.
    static func paragraphs(_ b: UnsafeBufferPointer<UInt8>, separator: UInt8) -> String {
        var out = ""
        var start = 0
        let n = b.count
        var i = 0
        while i <= n {
            if i == n || b[i] == separator {
                if i > start, let base = b.baseAddress {
                    let p = FeedText.collapse(bytes: UnsafeBufferPointer(start: base + start, count: i - start))
                    if !p.isEmpty {
                        if !out.isEmpty { out += "\n\n" }
                        out += p
                    }
                }
                start = i + 1
            }
            i += 1
        }
        return out
    }

    /// feedref's normalization of an HTML value: markup stripped (block tags → one space),
    /// references decoded, whitespace collapsed.
    static func feedrefText(_ html: String, sanitized: Bool = false) -> String {
        stripBytes(sanitized ? sanitizerRefs(html) : html, blockSeparator: " ", sgml: sanitized)
            .withUnsafeBufferPointer { FeedText.collapse(bytes: $0) }
    }

    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "ul",
    ]

    /// `blockTags` as lowercase UTF-8, indexed by name length.
    private static let blockTagsByLength: [[[UInt8]]] = {
        var t = [[[UInt8]]](repeating: [], count: 11)
        for name in blockTags { t[name.utf8.count].append(Array(name.utf8)) }
        return t
    }()

    /// Whether the tag name `b[from..<to]` is (case-insensitively) one of `blockTags`, except
    /// `main` and `summary` under `sgml`; compares bytes without building a String.
    private static func isBlockTag(_ b: [UInt8], _ from: Int, _ to: Int, sgml: Bool) -> Bool {
        let len = to - from
        guard len > 0, len < blockTagsByLength.count else { return false }
        for cand in blockTagsByLength[len] {
            var k = 0
            while k < len, lower(b[from + k]) == cand[k] { k += 1 }
            if k == len {
                // "main" and "summary" are the only 4- and 7-byte block tags starting "m" and "su".
                if sgml && ((len == 4 && cand[0] == 109) || (len == 7 && cand[0] == 115 && cand[1] == 117)) { return false }
                return true
            }
        }
        return false
    }

    @inline(__always)
    private static func isSpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F) }

    @inline(__always)
    private static func lower(_ c: UInt8) -> UInt8 { (c >= 65 && c <= 90) ? c | 0x20 : c }

    private static func matches(_ b: [UInt8], _ i: Int, _ lit: String) -> Bool {
        var k = i
        for c in lit.utf8 {
            guard k < b.count, lower(b[k]) == c else { return false }
            k += 1
        }
        return true
    }

    private static func find(_ b: [UInt8], _ from: Int, _ lit: String) -> Int? {
        let l = Array(lit.utf8)
        var i = from
        while i + l.count <= b.count {
            if b[i] == l[0] {
                var ok = true
                for k in 1..<l.count where b[i + k] != l[k] { ok = false; break }
                if ok { return i }
            }
            i += 1
        }
        return nil
    }

    /// sgmllib's end of a tag (feedparser's `_EndBracketRegEx`): the next `<` (not consumed)
    /// or `>` (consumed), skipping quoted strings that are followed by `>`, `/`, space or `name=`.
    private static func sgmlTagEnd(_ b: [UInt8], _ start: Int) -> Int? {
        let n = b.count
        var i = start
        var quoteAware = true
        while i < n {
            let c = b[i]
            if c == 60 { return i }
            if c == 62 { return i + 1 }
            if quoteAware, c == 34 || c == 39 {
                var e = i + 1
                while e < n, b[e] != c { e += 1 }
                if e < n {
                    let k = e + 1
                    var ok = k < n && (b[k] == 62 || b[k] == 47 || isSpace(b[k]))
                    if !ok {
                        var w = k
                        while w < n, (b[w] >= 48 && b[w] <= 57) || (lower(b[w]) >= 97 && lower(b[w]) <= 122) || b[w] == 95 { w += 1 }
                        ok = w > k && w < n && b[w] == 61
                    }
                    if ok { i = k; continue }
                }
                quoteAware = false
                i = start
                continue
            }
            i += 1
        }
        return nil
    }

    /// Matches `ATTR* \s* /? >` from `i`; returns the index after `>`.
    private static func tagRest(_ b: [UInt8], _ start: Int) -> Int? {
        let n = b.count
        var i = start
        while true {
            var j = i
            while j < n, isSpace(b[j]) { j += 1 }
            // sgmllib (feedparser's sanitizer) accepts attributes glued to a quoted value.
            guard j > i || (i > start && (b[i - 1] == 34 || b[i - 1] == 39)) else { break }
            let ns = j
            while j < n, !isSpace(b[j]), b[j] != 34, b[j] != 39, b[j] != 62, b[j] != 47, b[j] != 61 { j += 1 }
            guard j > ns else { break }
            i = j
            // optional = value
            var k = j
            while k < n, isSpace(b[k]) { k += 1 }
            if k < n, b[k] == 61 {
                k += 1
                while k < n, isSpace(b[k]) { k += 1 }
                if k < n, b[k] == 34 || b[k] == 39 {
                    let q = b[k]
                    var e = k + 1
                    while e < n, b[e] != q { e += 1 }
                    if e < n { i = e + 1 }
                } else {
                    var e = k
                    while e < n, !isSpace(b[e]), b[e] != 34, b[e] != 39, b[e] != 62 { e += 1 }
                    if e > k { i = e }
                }
            }
        }
        while i < n, isSpace(b[i]) { i += 1 }
        if i < n, b[i] == 47 { i += 1 }
        if i < n, b[i] == 62 { return i + 1 }
        return nil
    }

    /// Removes markup (keeping text) and decodes references; block tags become `blockSeparator`.
    /// With `sgml`, tags are recognized the way feedparser's sgmllib-based sanitizer does
    /// (any `<name` up to the next `<` or `>`), and elements it drops leave no space.
    static func strip(_ html: String, blockSeparator: String, sgml: Bool = false) -> String {
        guard FeedText.has(html, 60) || FeedText.has(html, 38) else { return html }
        return String(decoding: stripBytes(html, blockSeparator: blockSeparator, sgml: sgml), as: UTF8.self)
    }

    /// ``strip(_:blockSeparator:sgml:)`` as UTF-8 bytes (no intermediate strings).
    static func stripBytes(_ html: String, blockSeparator: String, sgml: Bool = false) -> [UInt8] {
        let b = Array(html.utf8)
        guard b.contains(where: { $0 == 60 || $0 == 38 }) else { return b }
        let n = b.count
        var out = [UInt8]()
        out.reserveCapacity(n)
        var i = 0
        var textStart = 0
        func flush(_ upTo: Int) { if upTo > textStart { out.append(contentsOf: b[textStart..<upTo]) } }
        while i < n {
            guard b[i] == 60 else { i += 1; continue }
            let next: UInt8 = i + 1 < n ? lower(b[i + 1]) : 0
            // comment
            if next == 33, matches(b, i, "<!--") {
                flush(i)
                i = (find(b, i + 4, "-->").map { $0 + 3 }) ?? n
                textStart = i
                continue
            }
            if next == 33, matches(b, i, "<![cdata[") {
                flush(i)
                let s = i + 9
                let e = find(b, s, "]]>")
                out.append(contentsOf: b[s..<(e ?? n)])
                i = e.map { $0 + 3 } ?? n
                textStart = i
                continue
            }
            if next == 115, matches(b, i, "<script") || matches(b, i, "<style") {
                let nameLen = matches(b, i, "<script") ? 7 : 6
                let after = i + nameLen
                let boundary = after >= n || !(b[after] == 95 || (b[after] >= 48 && b[after] <= 57) || (lower(b[after]) >= 97 && lower(b[after]) <= 122) || b[after] >= 0x80)
                if boundary, let e = tagRest(b, after) {
                    flush(i)
                    let closeName = nameLen == 7 ? "</script" : "</style"
                    var j = e
                    var end = n
                    while j < n {
                        if b[j] == 60, matches(b, j, closeName) {
                            var k = j + closeName.utf8.count
                            while k < n, isSpace(b[k]) { k += 1 }
                            if k < n, b[k] == 62 { end = k + 1; break }
                        }
                        j += 1
                    }
                    i = end
                    textStart = i
                    continue
                }
            }
            // sgmllib's "<>" / "</>" shorthands (the last open tag) are tags the sanitizer drops.
            if sgml, next == 62 || (next == 47 && i + 2 < n && b[i + 2] == 62) {
                flush(i)
                i += next == 62 ? 2 : 3
                textStart = i
                continue
            }
            // start or end tag
            var j = i + 1
            if j < n, b[j] == 47 { j += 1 }
            if j < n, (lower(b[j]) >= 97 && lower(b[j]) <= 122) {
                let ns = j
                j += 1
                while j < n, (lower(b[j]) >= 97 && lower(b[j]) <= 122) || (b[j] >= 48 && b[j] <= 57) || b[j] == 58 || b[j] == 95 || b[j] == 46 || b[j] == 45 { j += 1 }
                if let e = tagRest(b, j) ?? (sgml ? sgmlTagEnd(b, j) : nil) {
                    flush(i)
                    if isBlockTag(b, ns, j, sgml: sgml) {
                        out.append(contentsOf: blockSeparator.utf8)
                    }
                    i = e
                    textStart = i
                    continue
                }
            }
            if i + 1 < n, b[i + 1] == 33 {  // <!...>
                if let e = find(b, i + 2, ">") {
                    flush(i)
                    i = e + 1
                    textStart = i
                    continue
                }
            }
            if i + 1 < n, b[i + 1] == 63 {  // <?...?> or <?...>
                flush(i)
                let e = find(b, i + 2, ">")
                i = e.map { $0 + 1 } ?? n
                textStart = i
                continue
            }
            i += 1
        }
        flush(n)
        return unescapeBytes(out)
    }

    /// What feedparser's HTML sanitizer does to references before feedref decodes them:
    /// `&name` (ended by any non-name character, `;` consumed) stays a reference when it is an
    /// HTML 4 name or `apos`, and otherwise becomes the literal text `&name` (its `;` dropped).
    static func sanitizerRefs(_ s: String) -> String {
        guard FeedText.has(s, 38) else { return s }
        let b = Array(s.utf8)
        let n = b.count
        var out = [UInt8]()
        out.reserveCapacity(n + 16)
        var i = 0
        while i < n {
            let c = b[i]
            guard c == 38, i + 1 < n, (b[i + 1] | 0x20) >= 97, (b[i + 1] | 0x20) <= 122 else {
                var e = i + 1
                while e < n, b[e] != 38 { e += 1 }
                out.append(contentsOf: b[i..<e])
                i = e
                continue
            }
            var j = i + 2
            while j < n, (b[j] >= 48 && b[j] <= 57) || ((b[j] | 0x20) >= 97 && (b[j] | 0x20) <= 122) || b[j] == 45 || b[j] == 46 { j += 1 }
            guard j < n else { out.append(c); i += 1; continue }
            let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
            if HTMLEntities.named[name] != nil || name == "apos" {
                out.append(contentsOf: "&\(name);".utf8)
            } else {
                out.append(contentsOf: "&amp;\(name)".utf8)
            }
            i = b[j] == 59 ? j + 1 : j
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let invalidCharrefs: [UInt32: UInt32] = [
        0x00: 0xFFFD, 0x0D: 0x0D, 0x80: 0x20AC, 0x81: 0x81, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E,
        0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039,
        0x8C: 0x0152, 0x8D: 0x8D, 0x8E: 0x017D, 0x8F: 0x8F, 0x90: 0x90, 0x91: 0x2018, 0x92: 0x2019,
        0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC, 0x99: 0x2122,
        0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9D: 0x9D, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    private static func isInvalidCodepoint(_ v: UInt32) -> Bool {
        if (0x1...0x8).contains(v) || (0xE...0x1F).contains(v) || (0x7F...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v) || v == 0xB {
            return true
        }
        return (v & 0xFFFF) == 0xFFFE || (v & 0xFFFF) == 0xFFFF
    }

    /// Python's `html.unescape`.
    static func unescape(_ s: String) -> String {
        guard FeedText.has(s, 38) else { return s }
        return String(decoding: unescapeBytes(Array(s.utf8)), as: UTF8.self)
    }

    /// ``unescape(_:)`` on UTF-8 bytes.
    static func unescapeBytes(_ b: [UInt8]) -> [UInt8] {
        guard b.contains(38) else { return b }
        let n = b.count
        var out = [UInt8]()
        out.reserveCapacity(n)
        var i = 0
        func put(_ v: UInt32) { if let sc = Unicode.Scalar(v) { UTF8.encode(sc) { out.append($0) } } }
        while i < n {
            let c = b[i]
            guard c == 38 else {
                // Copy the run up to the next '&' in one go.
                var e = i + 1
                while e < n, b[e] != 38 { e += 1 }
                out.append(contentsOf: b[i..<e])
                i = e
                continue
            }
            var j = i + 1
            if j < n, b[j] == 35 {
                j += 1
                var hex = false
                if j < n, b[j] == 120 || b[j] == 88 { hex = true; j += 1 }
                let ds = j
                var value: UInt64 = 0
                while j < n {
                    let d = b[j]
                    if d >= 48 && d <= 57 { value = min(value &* (hex ? 16 : 10) &+ UInt64(d - 48), 0x7FFF_FFFF) }
                    else if hex, lower(d) >= 97 && lower(d) <= 102 { value = min(value &* 16 &+ UInt64(lower(d) - 87), 0x7FFF_FFFF) }
                    else { break }
                    j += 1
                }
                if j == ds { out.append(38); i += 1; continue }
                if j < n, b[j] == 59 { j += 1 }
                let v = UInt32(value)
                if let m = invalidCharrefs[v] { put(m) }
                else if (0xD800...0xDFFF).contains(v) || v > 0x10FFFF { put(0xFFFD) }
                else if isInvalidCodepoint(v) { /* dropped */ }
                else { put(v) }
                i = j
                continue
            }
            // named: [^\t\n\f <&#;]{1,32};?
            let ns = j
            while j < n, j - ns < 32 {
                let d = b[j]
                if d == 9 || d == 10 || d == 12 || d == 32 || d == 60 || d == 38 || d == 35 || d == 59 { break }
                j += 1
            }
            if j == ns { out.append(38); i += 1; continue }
            var end = j
            if j < n, b[j] == 59 { end = j + 1 }
            let name = String(decoding: b[ns..<end], as: UTF8.self)
            if let v = HTMLEntities.html5[name] {
                out.append(contentsOf: v.utf8)
                i = end
                continue
            }
            // longest legacy prefix
            var matched = false
            var k = min(end - ns - 1, HTMLEntities.html5MaxLength)
            while k > 0 {
                let p = String(decoding: b[ns..<(ns + k)], as: UTF8.self)
                if let v = HTMLEntities.html5[p] {
                    out.append(contentsOf: v.utf8)
                    out.append(contentsOf: b[(ns + k)..<end])
                    matched = true
                    break
                }
                k -= 1
            }
            if !matched {
                out.append(38)
                out.append(contentsOf: b[ns..<end])
            }
            i = end
        }
        return out
    }
}
