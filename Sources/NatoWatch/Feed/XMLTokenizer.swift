import Foundation

/// One lexical unit of an XML document, as produced by ``XMLTokenizer``.
enum XMLToken {
    /// A start tag; `selfClosing` for `<name/>`. Attribute values are entity-decoded.
    case start(name: String, attributes: [(name: String, value: String)], selfClosing: Bool)
    /// An end tag `</name>`.
    case end(name: String)
    /// Character data with references decoded.
    case text(String)
    /// The content of a CDATA section, verbatim.
    case cdata(String)
}

/// A byte-level, tolerant XML tokenizer over UTF-8 input.
///
/// It never loads anything external: a DOCTYPE is scanned only for internal `<!ENTITY>`
/// declarations with literal values, whose total expansion is bounded. Anything that is not
/// well-formed (stray `&`, unknown entities, `<` in odd places, unterminated constructs) is
/// recovered the way a lenient SGML parser would and recorded in ``wellFormed``.
struct XMLTokenizer {
    /// Minimum limit on the characters produced by expanding internal entities in one document
    /// (the limit is the larger of this and twice the document's size).
    static let maxEntityExpansion = 1_000_000
    /// This document's expansion limit.
    private let expansionLimit: Int

    private let bytes: [UInt8]
    private var pos: Int
    /// False once anything not well-formed was seen.
    private(set) var wellFormed = true
    /// The first well-formedness problem, for `bozoReason`.
    private(set) var problem: String?
    /// Internal entities declared in the DOCTYPE (name → replacement text).
    private(set) var entities: [String: String] = [:]
    /// The DOCTYPE text if any (used for the `rss091n` Netscape detection).
    private(set) var doctype: String?
    private var expanded = 0

    /// Lenient mode: reproduces feedparser's SGML-based fallback parser (sgmllib reference
    /// grammar, raw attribute values, `<tag/>` only for attribute-less tags).
    let loose: Bool

    init(bytes: [UInt8], loose: Bool = false) {
        self.bytes = bytes
        self.pos = 0
        self.loose = loose
        self.expansionLimit = max(XMLTokenizer.maxEntityExpansion, 2 * bytes.count)
        if let bad = XMLTokenizer.firstInvalidChar(bytes) { flag("character not allowed in XML at byte \(bad)") }
    }

    /// Offset of the first control character (or U+FFFE/U+FFFF) XML 1.0 forbids, if any.
    static func firstInvalidChar(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buf -> Int? in
            var i = 0
            let n = buf.count
            guard let base = buf.baseAddress else { return nil }
            while i < n {
                // 8 bytes at a time: skip chunks with no byte < 0x20 and no 0xEF.
                while i + 8 <= n {
                    let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let lows: UInt64 = 0x0101_0101_0101_0101
                    let highs: UInt64 = 0x8080_8080_8080_8080
                    let below20 = (w &- lows &* 0x20) & ~w & highs
                    let x = w ^ (lows &* 0xEF)
                    let isEF = (x &- lows) & ~x & highs
                    if below20 | isEF != 0 { break }
                    i += 8
                }
                guard i < n else { break }
                let c = buf[i]
                if c < 0x20 {
                    if c != 9 && c != 10 && c != 13 { return i }
                } else if c == 0xEF, i + 2 < n, buf[i + 1] == 0xBF, buf[i + 2] == 0xBE || buf[i + 2] == 0xBF {
                    return i
                }
                i += 1
            }
            return nil
        }
    }

    mutating func flag(_ why: @autoclosure () -> String) {
        if wellFormed {
            wellFormed = false
            problem = why()
        }
    }

    /// The next token, nil at end of input.
    mutating func next() throws(FeedError) -> XMLToken? {
        let n = bytes.count
        while pos < n {
            if bytes[pos] == UInt8(ascii: "<") {
                if let tok = try markup() { return tok }
                continue
            }
            return .text(try textRun())
        }
        return nil
    }

    // MARK: - Text

    private mutating func textRun() throws(FeedError) -> String {
        let n = bytes.count
        var out = [UInt8]()
        var start = pos
        let runStart = pos
        while pos < n {
            // Skip ordinary bytes in one tight loop; only "<", "&" and ">" need a look.
            var p = pos
            bytes.withUnsafeBufferPointer { buf in
                while p < n {
                    let c = buf[p]
                    if c == UInt8(ascii: "<") || c == UInt8(ascii: "&") || c == UInt8(ascii: ">") { break }
                    p += 1
                }
            }
            pos = p
            if pos >= n { break }
            let b = bytes[pos]
            if b == UInt8(ascii: "<") { break }
            if b == UInt8(ascii: "&") {
                out.append(contentsOf: bytes[start..<pos])
                try reference(into: &out, inAttribute: false)
                start = pos
                continue
            }
            // "]]>" may not appear in character data.
            if b == UInt8(ascii: ">"), pos >= runStart + 2, bytes[pos - 1] == UInt8(ascii: "]"), bytes[pos - 2] == UInt8(ascii: "]") {
                flag("]]> in character data")
            }
            pos += 1
        }
        if out.isEmpty { return String(decoding: bytes[start..<pos], as: UTF8.self) }
        out.append(contentsOf: bytes[start..<pos])
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes the reference at `pos` (which is at `&`) into `out` and advances.
    private mutating func reference(into out: inout [UInt8], inAttribute: Bool) throws(FeedError) {
        if loose {
            if inAttribute { out.append(UInt8(ascii: "&")); pos += 1 } else { try looseReference(into: &out) }
            return
        }
        let n = bytes.count
        var i = pos + 1
        if i < n, bytes[i] == UInt8(ascii: "#") {
            i += 1
            var hex = false
            if i < n, bytes[i] == UInt8(ascii: "x") || bytes[i] == UInt8(ascii: "X") { hex = true; i += 1 }
            var value: UInt32 = 0
            let digitsStart = i
            while i < n, i - digitsStart < 10 {
                let c = bytes[i]
                if c >= 48 && c <= 57 { value = value &* (hex ? 16 : 10) &+ UInt32(c - 48) }
                else if hex, (c | 0x20) >= 97 && (c | 0x20) <= 102 { value = value &* 16 &+ UInt32((c | 0x20) - 87) }
                else { break }
                i += 1
            }
            if i > digitsStart, i < n, bytes[i] == UInt8(ascii: ";") {
                pos = i + 1
                if let scalar = Unicode.Scalar(value), value != 0, XMLTokenizer.isXMLChar(value) {
                    append(scalar, to: &out)
                } else {
                    flag("invalid character reference")
                    append(Unicode.Scalar(0xFFFD as UInt32) ?? " ", to: &out)
                }
                return
            }
            flag("malformed character reference")
            out.append(UInt8(ascii: "&"))
            pos += 1
            return
        }
        // Named reference.
        let nameStart = i
        while i < n, i - nameStart < 64, XMLTokenizer.isNameByte(bytes[i]) { i += 1 }
        if i > nameStart, i < n, bytes[i] == UInt8(ascii: ";") {
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            pos = i + 1
            switch name {
            case "lt": out.append(UInt8(ascii: "<")); return
            case "gt": out.append(UInt8(ascii: ">")); return
            case "amp": out.append(UInt8(ascii: "&")); return
            case "quot": out.append(UInt8(ascii: "\"")); return
            case "apos": out.append(UInt8(ascii: "'")); return
            default: break
            }
            if let value = entities[name] {
                expanded += value.utf8.count
                if expanded > expansionLimit {
                    throw FeedError(kind: .entityExpansion, message: "internal entities expand beyond \(expansionLimit) characters")
                }
                out.append(contentsOf: value.utf8)
                return
            }
            flag("undefined entity &\(name);")
            if let decoded = HTMLEntities.named[name] {
                out.append(contentsOf: decoded.utf8)
            } else {
                out.append(contentsOf: bytes[(nameStart - 1)...(i)])
            }
            return
        }
        flag("unescaped &")
        out.append(UInt8(ascii: "&"))
        pos += 1
    }

    /// sgmllib's references: `&name` / `&#num` ended by any non-name character (a `;` is
    /// consumed); unknown names are kept as `&name;`, HTML 4 names decoded.
    /// sgmllib's references, as feedparser's lenient parser keeps them: `&#n;` decoded except
    /// the markup-significant ones, `&name` ended by any non-name character (a `;` is consumed),
    /// the five XML entities and unknown names kept escaped (`&name;`), HTML 4 names decoded.
    private mutating func looseReference(into out: inout [UInt8]) throws(FeedError) {
        let n = bytes.count
        var i = pos + 1
        if i < n, bytes[i] == UInt8(ascii: "#") {
            i += 1
            var hex = false
            if i < n, bytes[i] == UInt8(ascii: "x") || bytes[i] == UInt8(ascii: "X") { hex = true; i += 1 }
            let ds = i
            var value: UInt32 = 0
            while i < n {
                let c = bytes[i]
                if c >= 48 && c <= 57 { value = min(value &* (hex ? 16 : 10) &+ UInt32(c - 48), 0x7FFF_FFFF) }
                else if hex, (c | 0x20) >= 97 && (c | 0x20) <= 102 { value = min(value &* 16 &+ UInt32((c | 0x20) - 87), 0x7FFF_FFFF) }
                else { break }
                i += 1
            }
            if i > ds, i < n, bytes[i] == UInt8(ascii: ";") {
                let raw = String(decoding: bytes[(pos + 2)..<i], as: UTF8.self)
                pos = i + 1
                // feedparser's pre-pass turns exactly `&#39;` and `&#34;` into the characters.
                if raw == "39" { out.append(UInt8(ascii: "'")); return }
                if raw == "34" { out.append(UInt8(ascii: "\"")); return }
                let ref = raw.lowercased()
                if XMLTokenizer.keptCharRefs.contains(ref) {
                    out.append(contentsOf: "&#\(ref);".utf8)
                } else {
                    append(Unicode.Scalar(value) ?? "\u{FFFD}", to: &out)
                }
                return
            }
            out.append(UInt8(ascii: "&"))
            pos += 1
            return
        }
        let ns = i
        if i < n, (bytes[i] | 0x20) >= 97, (bytes[i] | 0x20) <= 122 {
            i += 1
            while i < n, XMLTokenizer.isAlnum(bytes[i]) || bytes[i] == 45 || bytes[i] == 46 { i += 1 }
            if i < n, !XMLTokenizer.isAlnum(bytes[i]) {
                let name = String(decoding: bytes[ns..<i], as: UTF8.self)
                if bytes[i] == UInt8(ascii: ";") { i += 1 }
                pos = i
                switch name {
                case "lt", "gt", "amp", "quot", "apos":
                    out.append(UInt8(ascii: "&")); out.append(contentsOf: name.utf8); out.append(UInt8(ascii: ";"))
                default:
                    if let v = entities[name] {
                        expanded += v.utf8.count
                        if expanded > expansionLimit {
                            throw FeedError(kind: .entityExpansion, message: "internal entities expand beyond \(expansionLimit) characters")
                        }
                        out.append(contentsOf: v.utf8)
                    } else if let v = HTMLEntities.named[name] {
                        out.append(contentsOf: v.utf8)
                    } else {
                        out.append(UInt8(ascii: "&"))
                        out.append(contentsOf: name.utf8)
                        out.append(UInt8(ascii: ";"))
                    }
                }
                return
            }
        }
        out.append(UInt8(ascii: "&"))
        pos += 1
    }

    static let keptCharRefs: Set<String> = ["34", "38", "39", "60", "62", "x22", "x26", "x27", "x3c", "x3e"]

    @inline(__always)
    static func isHexDigit(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 102) }

    @inline(__always)
    static func isAlnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) }

    static func isXMLChar(_ v: UInt32) -> Bool {
        if v < 0x20 { return v == 0x9 || v == 0xA || v == 0xD }
        if v >= 0xD800 && v <= 0xDFFF { return false }
        return v != 0xFFFE && v != 0xFFFF && v <= 0x10FFFF
    }

    @inline(__always)
    static func isNameByte(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95 || c == 45 || c == 46 || c == 58 || c >= 0x80
    }

    private func append(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(s) { out.append($0) }
    }

    // MARK: - Markup

    private func hasPrefix(_ p: StaticString, at i: Int) -> Bool {
        let len = p.utf8CodeUnitCount
        guard i + len <= bytes.count else { return false }
        let base = p.utf8Start
        for k in 0..<len where bytes[i + k] != base[k] { return false }
        return true
    }

    private func find(_ p: StaticString, from i: Int) -> Int? {
        let len = p.utf8CodeUnitCount
        let first = p.utf8Start[0]
        var j = i
        let n = bytes.count
        while j + len <= n {
            if bytes[j] == first, hasPrefix(p, at: j) { return j }
            j += 1
        }
        return nil
    }

    /// Handles markup at `pos` (a `<`). Returns nil when nothing was produced (comment, PI).
    private mutating func markup() throws(FeedError) -> XMLToken? {
        let n = bytes.count
        let i = pos + 1
        guard i < n else { flag("stray <"); pos = n; return .text("<") }
        let c = bytes[i]
        if c == UInt8(ascii: "!") {
            if hasPrefix("<!--", at: pos) {
                if let e = find("-->", from: pos + 4) { pos = e + 3 } else { flag("unterminated comment"); pos = n }
                return nil
            }
            if hasPrefix("<![CDATA[", at: pos) {
                let s = pos + 9
                if let e = find("]]>", from: s) {
                    pos = e + 3
                    let content = String(decoding: bytes[s..<e], as: UTF8.self)
                    return loose ? .text(FeedBuilder.xmlEscape(content)) : .cdata(content)
                }
                flag("unterminated CDATA section")
                pos = n
                if loose { return nil }  // sgmllib drops the rest of the document
                return .cdata(String(decoding: bytes[s..<n], as: UTF8.self))
            }
            if hasPrefix("<!DOCTYPE", at: pos) || hasPrefix("<!doctype", at: pos) {
                try doctypeDecl()
                return nil
            }
            flag("unknown declaration")
            if let e = find(">", from: pos) { pos = e + 1 } else { pos = n }
            return nil
        }
        if c == UInt8(ascii: "?") {
            // An XML declaration anywhere but at the very start is an error (expat).
            if pos != 0, pos + 5 <= n, (bytes[pos + 2] | 0x20) == 120, (bytes[pos + 3] | 0x20) == 109, (bytes[pos + 4] | 0x20) == 108,
               pos + 5 == n || XMLTokenizer.isSpace(bytes[pos + 5]) || bytes[pos + 5] == UInt8(ascii: "?") {
                flag("XML declaration not at the start of the document")
            }
            if let e = find("?>", from: pos + 2) { pos = e + 2 } else { flag("unterminated processing instruction"); pos = n }
            return nil
        }
        if c == UInt8(ascii: "/") {
            var j = i + 1
            let s = j
            while j < n, XMLTokenizer.isNameByte(bytes[j]) { j += 1 }
            if j == s { flag("stray </"); pos = i; return .text("<") }
            let name = String(decoding: bytes[s..<j], as: UTF8.self)
            while j < n, bytes[j] != UInt8(ascii: ">") {
                if !XMLTokenizer.isSpace(bytes[j]) { flag("junk in end tag") }
                if bytes[j] == UInt8(ascii: "<") { break }
                j += 1
            }
            if j < n, bytes[j] == UInt8(ascii: ">") { pos = j + 1 } else {
                flag("unterminated end tag")
                // sgmllib: a tag cut off by the end of the document is text.
                if loose && j >= n { let t = String(decoding: bytes[self.pos..<n], as: UTF8.self); pos = n; return .text(t) }
                pos = j
            }
            return .end(name: name)
        }
        if !(XMLTokenizer.isNameStartByte(c)) {
            flag("stray <")
            pos = i
            return .text("<")
        }
        return try startTag()
    }

    @inline(__always)
    static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }

    @inline(__always)
    static func isNameStartByte(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c == 58 || c >= 0x80
    }

    private mutating func startTag() throws(FeedError) -> XMLToken {
        let n = bytes.count
        let tagStart = pos
        var j = pos + 1
        let s = j
        while j < n, XMLTokenizer.isNameByte(bytes[j]) { j += 1 }
        let name = String(decoding: bytes[s..<j], as: UTF8.self)
        var attrs: [(name: String, value: String)] = []
        var selfClosing = false
        while true {
            while j < n, XMLTokenizer.isSpace(bytes[j]) { j += 1 }
            guard j < n else { flag("unterminated start tag"); break }
            let c = bytes[j]
            if c == UInt8(ascii: ">") { j += 1; break }
            if c == UInt8(ascii: "/") {
                if j + 1 < n, bytes[j + 1] == UInt8(ascii: ">") { selfClosing = true; j += 2; break }
                flag("stray / in tag"); j += 1; continue
            }
            if c == UInt8(ascii: "<") { flag("unterminated start tag"); break }
            // Attribute name.
            let an = j
            while j < n, !XMLTokenizer.isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">"),
                  bytes[j] != UInt8(ascii: "/"), bytes[j] != UInt8(ascii: "<") { j += 1 }
            if j == an { flag("junk in start tag"); j += 1; continue }
            let attrName = String(decoding: bytes[an..<j], as: UTF8.self)
            while j < n, XMLTokenizer.isSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "=") else {
                flag("attribute without value")
                attrs.append((attrName, attrName))
                continue
            }
            j += 1
            while j < n, XMLTokenizer.isSpace(bytes[j]) { j += 1 }
            guard j < n else { flag("unterminated start tag"); break }
            let q = bytes[j]
            var value = [UInt8]()
            if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                j += 1
                var vs = j
                while j < n, bytes[j] != q {
                    if bytes[j] == UInt8(ascii: "&") {
                        value.append(contentsOf: bytes[vs..<j])
                        pos = j
                        try reference(into: &value, inAttribute: true)
                        j = pos
                        vs = j
                        continue
                    }
                    if bytes[j] == UInt8(ascii: "<") { flag("< in attribute value") }
                    j += 1
                }
                value.append(contentsOf: bytes[vs..<j])
                if j < n { j += 1 } else { flag("unterminated attribute value") }
            } else {
                flag("unquoted attribute value")
                var vs = j
                while j < n, !XMLTokenizer.isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") {
                    if bytes[j] == UInt8(ascii: "&") {
                        value.append(contentsOf: bytes[vs..<j])
                        pos = j
                        try reference(into: &value, inAttribute: true)
                        j = pos
                        vs = j
                        continue
                    }
                    j += 1
                }
                value.append(contentsOf: bytes[vs..<j])
            }
            // Attribute-value normalization: whitespace characters become spaces.
            for k in value.indices where value[k] == 9 || value[k] == 10 || value[k] == 13 { value[k] = 32 }
            attrs.append((attrName, String(decoding: value, as: UTF8.self)))
        }
        // sgmllib (with feedparser's xhtml handling) closes any tag whose text ends in "/>",
        // even when the slash belongs to an unquoted attribute value.
        if loose && !selfClosing && j >= 2 && j <= n && bytes[j - 1] == UInt8(ascii: ">") && bytes[j - 2] == UInt8(ascii: "/") {
            selfClosing = true
        }
        if loose && j >= n && (n == 0 || bytes[n - 1] != UInt8(ascii: ">")) {
            // sgmllib: a start tag cut off by the end of the document is text.
            pos = n
            return .text(String(decoding: bytes[tagStart..<n], as: UTF8.self))
        }
        pos = j
        return .start(name: name, attributes: attrs, selfClosing: selfClosing)
    }

    /// Scans `<!DOCTYPE …>` including an internal subset, collecting literal internal entities.
    /// External identifiers and parameter entities are ignored: nothing is ever loaded.
    private mutating func doctypeDecl() throws(FeedError) {
        let n = bytes.count
        let start = pos
        var j = pos + 9
        var subsetStart: Int?
        var subsetEnd: Int?
        var quote: UInt8 = 0
        while j < n {
            let c = bytes[j]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: "[") && subsetStart == nil {
                subsetStart = j + 1
                // Scan the internal subset, honouring quotes and comments.
                var k = j + 1
                var q: UInt8 = 0
                while k < n {
                    let d = bytes[k]
                    if q != 0 { if d == q { q = 0 } }
                    else if d == UInt8(ascii: "\"") || d == UInt8(ascii: "'") { q = d }
                    else if d == UInt8(ascii: "<"), hasPrefix("<!--", at: k) {
                        if let e = find("-->", from: k + 4) { k = e + 2 } else { k = n; break }
                    } else if d == UInt8(ascii: "]") { break }
                    k += 1
                }
                subsetEnd = k
                j = k
            } else if c == UInt8(ascii: ">") {
                break
            }
            j += 1
        }
        if j >= n { flag("unterminated DOCTYPE"); j = n }
        doctype = String(decoding: bytes[start..<min(j, n)], as: UTF8.self)
        pos = min(j + 1, n)
        if let s = subsetStart, let e = subsetEnd {
            try parseEntityDeclarations(s, e)
        }
    }

    private mutating func parseEntityDeclarations(_ s: Int, _ e: Int) throws(FeedError) {
        var raw: [String: String] = [:]
        var order: [String] = []
        var k = s
        while k < e {
            guard let d = findBounded("<!ENTITY", from: k, to: e) else { break }
            var j = d + 8
            while j < e, XMLTokenizer.isSpace(bytes[j]) { j += 1 }
            var parameter = false
            if j < e, bytes[j] == UInt8(ascii: "%") { parameter = true; j += 1; while j < e, XMLTokenizer.isSpace(bytes[j]) { j += 1 } }
            let ns = j
            while j < e, XMLTokenizer.isNameByte(bytes[j]) { j += 1 }
            let name = String(decoding: bytes[ns..<j], as: UTF8.self)
            while j < e, XMLTokenizer.isSpace(bytes[j]) { j += 1 }
            if j < e, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                let q = bytes[j]
                let vs = j + 1
                var ve = vs
                while ve < e, bytes[ve] != q { ve += 1 }
                if !parameter, !name.isEmpty, raw[name] == nil {
                    raw[name] = String(decoding: bytes[vs..<ve], as: UTF8.self)
                    order.append(name)
                }
                j = ve + 1
            }
            // External (SYSTEM/PUBLIC) entities are never loaded: skip to the end of the declaration.
            while j < e, bytes[j] != UInt8(ascii: ">") { j += 1 }
            k = j + 1
        }
        // Expand references between entities, with a global budget (billion laughs).
        var budget = 0
        var resolved: [String: String] = [:]
        func expand(_ name: String, _ depth: Int) throws(FeedError) -> String {
            if let r = resolved[name] { budget += r.utf8.count; if budget > expansionLimit { throw FeedError(kind: .entityExpansion, message: "internal entity expansion exceeds \(expansionLimit) characters") }; return r }
            guard let v = raw[name], depth < 16 else { return "" }
            if !v.contains("&") { resolved[name] = v; return v }
            var out = ""
            var rest = Substring(v)
            while let amp = rest.firstIndex(of: "&") {
                out += rest[..<amp]
                let after = rest[rest.index(after: amp)...]
                if let semi = after.firstIndex(of: ";") {
                    let ref = String(after[..<semi])
                    if ref.hasPrefix("#") {
                        out += "&" + ref + ";"
                    } else if raw[ref] != nil {
                        out += try expand(ref, depth + 1)
                    } else {
                        out += "&" + ref + ";"
                    }
                    rest = after[after.index(after: semi)...]
                } else {
                    out += "&"
                    rest = after
                }
                budget += out.utf8.count
                if budget > expansionLimit {
                    throw FeedError(kind: .entityExpansion, message: "internal entity expansion exceeds \(expansionLimit) characters")
                }
            }
            out += rest
            resolved[name] = out
            return out
        }
        for name in order {
            let v = try expand(name, 0)
            entities[name] = XMLTokenizer.decodeCharRefs(v)
        }
    }

    private static func decodeCharRefs(_ s: String) -> String {
        guard s.contains("&#") else { return s }
        var t = XMLTokenizer(bytes: Array(s.utf8))
        var out = ""
        while let tok = try? t.next() {
            switch tok {
            case .text(let x), .cdata(let x): out += x
            default: break
            }
        }
        return out
    }

    private func findBounded(_ p: StaticString, from i: Int, to e: Int) -> Int? {
        guard let r = find(p, from: i), r < e else { return nil }
        return r
    }
}
