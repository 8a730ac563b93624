import Foundation

/// Character-encoding detection and conversion to UTF-8, following feedparser's
/// `convert_to_utf8`: byte-order mark, XML declaration, HTTP charset, then the fallback
/// chain UTF-8 → windows-1252 → ISO-8859-2. Never fails: undecodable input is replaced.
enum FeedEncoding {
    /// The result of decoding a document.
    struct Decoded {
        /// The document as UTF-8.
        var utf8: [UInt8]
        /// The encoding actually used (Python codec spelling).
        var encoding: String
        /// True when the declared/expected encoding was not the one that worked.
        var bozo: Bool
        var reason: String?
    }

    /// Decodes `data`; `contentType` is the HTTP Content-Type (nil for a local file).
    static func decode(_ data: [UInt8], contentType: String?) -> Decoded {
        var body = ArraySlice(data)
        var bom = ""
        func starts(_ p: [UInt8]) -> Bool { body.count >= p.count && body.prefix(p.count).elementsEqual(p) }
        let zero2 = body.count >= 4 && body[body.startIndex + 2] == 0 && body[body.startIndex + 3] == 0
        if starts([0x00, 0x00, 0xFE, 0xFF]) { bom = "utf-32be"; body = body.dropFirst(4) }
        else if starts([0xFF, 0xFE, 0x00, 0x00]) { bom = "utf-32le"; body = body.dropFirst(4) }
        else if starts([0xFE, 0xFF]) && !zero2 { bom = "utf-16be"; body = body.dropFirst(2) }
        else if starts([0xFF, 0xFE]) && !zero2 { bom = "utf-16le"; body = body.dropFirst(2) }
        else if starts([0xEF, 0xBB, 0xBF]) { bom = "utf-8"; body = body.dropFirst(3) }
        else if starts([0x4C, 0x6F, 0xA7, 0x94]) { bom = "cp037" }
        else if starts([0x00, 0x3C, 0x00, 0x3F]) { bom = "utf-16be" }
        else if starts([0x3C, 0x00, 0x3F, 0x00]) { bom = "utf-16le" }
        else if starts([0x00, 0x00, 0x00, 0x3C]) { bom = "utf-32be" }
        else if starts([0x3C, 0x00, 0x00, 0x00]) { bom = "utf-32le" }

        var xmlEncoding = ""
        // feedparser's regex looks at the whole first line (`.` stops at a newline).
        var head: [UInt8]? = Array(body.prefix { $0 != 10 })
        if !bom.isEmpty {
            head = decodeStrict(Array(body.prefix(4096)), bom, partialOK: true).map { Array($0.utf8) }
        }
        if let head, let enc = declaredEncoding(head) {
            xmlEncoding = enc.lowercased()
            let generic: Set<String> = ["u16", "utf-16", "utf16", "utf_16", "u32", "utf-32", "utf32", "utf_32",
                                        "iso-10646-ucs-2", "iso-10646-ucs-4", "csucs4", "csunicode", "ucs-2", "ucs-4"]
            if !bom.isEmpty && generic.contains(xmlEncoding) { xmlEncoding = bom }
        }
        var httpEncoding = ""
        var mime = ""
        if let contentType {
            let chunks = contentType.split(separator: ";", omittingEmptySubsequences: false)
            mime = FeedText.pyStrip(String(chunks.first ?? "")).lowercased()
            for chunk in chunks.dropFirst() {
                let kv = chunk.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if kv.count == 2, FeedText.pyStrip(String(kv[0])).lowercased() == "charset" {
                    httpEncoding = FeedText.pyStrip(String(kv[1])).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
                }
            }
        }
        var rfc3023: String
        if mime.isEmpty || mime == "application/xml" || mime == "application/xml-dtd" || (mime.hasPrefix("application/") && mime.hasSuffix("+xml")) {
            rfc3023 = httpEncoding.isEmpty ? (xmlEncoding.isEmpty ? "utf-8" : xmlEncoding) : httpEncoding
        } else if mime == "text/xml" || (mime.hasPrefix("text/") && mime.hasSuffix("+xml")) || mime.hasPrefix("text/") {
            rfc3023 = httpEncoding.isEmpty ? "us-ascii" : httpEncoding
            // Real servers send text/xml without charset for UTF-8 documents; feedparser would
            // then fall back anyway. Prefer the declaration in that case.
            if httpEncoding.isEmpty && !xmlEncoding.isEmpty { rfc3023 = xmlEncoding }
        } else {
            rfc3023 = httpEncoding.isEmpty ? (xmlEncoding.isEmpty ? "utf-8" : xmlEncoding) : httpEncoding
        }
        if rfc3023 == "gb2312" { rfc3023 = "gb18030" }
        if xmlEncoding == "gb2312" { xmlEncoding = "gb18030" }

        var tried: [String] = []
        let bytes = Array(body)
        for proposed in [rfc3023, xmlEncoding, bom, "utf-8", "windows-1252", "iso-8859-2"] {
            if proposed.isEmpty || tried.contains(proposed) { continue }
            tried.append(proposed)
            if let utf8 = decodeToUTF8(bytes, proposed) {
                let bozo = proposed != rfc3023
                return Decoded(utf8: utf8, encoding: proposed, bozo: bozo,
                               reason: bozo ? "document declared as \(rfc3023), but parsed as \(proposed)" : nil)
            }
        }
        // Nothing worked (not reachable: ISO-8859-2 decodes every byte); replace invalid bytes.
        return Decoded(utf8: Array(String(decoding: bytes, as: UTF8.self).utf8), encoding: "utf-8", bozo: true,
                       reason: "document encoding unknown")
    }

    /// The `encoding="…"` of an XML declaration on the first line (feedparser's regex).
    static func declaredEncoding(_ head: [UInt8]) -> String? {
        // `^<\?.*encoding=['"](.*?)['"].*\?>` on the first line: the greedy `.*` picks the last
        // `encoding=` whose value's closing quote is followed, somewhere, by `?>`.
        guard head.count >= 2, head[0] == UInt8(ascii: "<"), head[1] == UInt8(ascii: "?") else { return nil }
        let s = Array(head.prefix { $0 != 10 })
        var lastPI = -1
        var k = s.count - 2
        while k >= 0 { if s[k] == 63 && s[k + 1] == 62 { lastPI = k; break }; k -= 1 }
        guard lastPI >= 0 else { return nil }
        let key = Array("encoding=".utf8)
        var i = s.count - key.count - 1
        while i >= 2 {
            if s[i] == key[0], s[i..<(i + key.count)].elementsEqual(key) {
                let q = s[i + key.count]
                if q == 34 || q == 39 {
                    let vs = i + key.count + 1
                    var j = vs
                    while j < s.count, s[j] != 34, s[j] != 39 { j += 1 }
                    if j < lastPI { return String(decoding: s[vs..<j], as: UTF8.self) }
                }
            }
            i -= 1
        }
        return nil
    }

    /// Normalizes an encoding label to the Python codec it names; nil when unknown.
    static func canonical(_ label: String) -> String? {
        var l = label.lowercased().trimmingCharacters(in: .whitespaces)
        l = l.replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        switch l {
        case "utf-8", "utf8", "u8", "utf", "utf8-ucs2", "utf8-ucs4", "cp65001": return "utf-8"
        case "utf-16", "utf16", "u16": return "utf-16"
        case "utf-16le", "utf-16-le", "unicodelittleunmarked": return "utf-16le"
        case "utf-16be", "utf-16-be", "unicodebigunmarked": return "utf-16be"
        case "utf-32", "utf32", "u32": return "utf-32"
        case "utf-32le", "utf-32-le": return "utf-32le"
        case "utf-32be", "utf-32-be": return "utf-32be"
        case "us-ascii", "ascii", "646", "ansi-x3.4-1968", "ansi-x3.4-1986", "cp367", "csascii", "ibm367", "iso646-us", "iso-646.irv-1991", "us":
            return "ascii"
        case "iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "iso-ir-100", "cp819", "8859", "iso-8859-1:1987", "ibm819", "iso8859":
            return "latin-1"
        case "windows-1252", "cp1252", "x-cp1252": return "cp1252"
        case "windows-1250", "cp1250": return "cp1250"
        case "windows-1251", "cp1251", "x-cp1251": return "cp1251"
        case "windows-1253", "cp1253": return "cp1253"
        case "windows-1254", "cp1254": return "cp1254"
        case "windows-1255", "cp1255": return "cp1255"
        case "windows-1256", "cp1256": return "cp1256"
        case "windows-1257", "cp1257": return "cp1257"
        case "windows-1258", "cp1258": return "cp1258"
        case "koi8-r", "koi8r": return "koi8-r"
        case "koi8-u", "koi8u": return "koi8-u"
        case "cp037", "ibm037", "ibm039", "csibm037", "ebcdic-cp-us", "ebcdic-cp-ca", "ebcdic-cp-wt", "ebcdic-cp-nl", "ebcdic-cp-ca-wt": return "cp037"
        case "mac-roman", "macroman", "macintosh", "x-mac-roman": return "mac-roman"
        case "cp866", "ibm866", "866": return "cp866"
        case "cp437", "ibm437", "437": return "cp437"
        case "cp850", "ibm850", "850": return "cp850"
        case "tis-620", "tis620", "tis-620-0", "tis-620-2529-0", "tis-620-2529-1", "iso-ir-166": return "tis-620"
        case "gb2312", "gb18030", "gb-18030", "gb18030-2000", "gbk", "cp936", "ms936", "936", "euc-cn", "euccn", "chinese", "csgb2312", "gb2312-1980", "gb2312-80", "iso-ir-58":
            return l == "gbk" || l == "cp936" || l == "ms936" || l == "936" ? "gbk" : (l == "gb18030" || l == "gb-18030" || l == "gb18030-2000" ? "gb18030" : "gb2312")
        case "big5", "big5-tw", "csbig5", "cp950", "ms950": return "big5"
        case "euc-kr", "euckr", "korean", "ksc5601", "ks-c-5601", "ks-c-5601-1987", "ksx1001", "ks-x-1001", "cp949", "uhc", "ms949":
            return l == "cp949" || l == "uhc" || l == "ms949" ? "cp949" : "euc-kr"
        case "shift-jis", "shiftjis", "sjis", "s-jis", "csshiftjis", "cp932", "ms932", "mskanji", "ms-kanji", "windows-31j": return "shift_jis"
        case "euc-jp", "eucjp", "ujis", "u-jis": return "euc-jp"
        case "iso-2022-jp", "iso2022-jp", "csiso2022jp": return "iso-2022-jp"
        default:
            if l.hasPrefix("iso-8859-") || l.hasPrefix("iso8859-") || l.hasPrefix("latin") {
                let digits = l.split(separator: "-").last.map(String.init) ?? ""
                if let n = Int(digits) {
                    if l.hasPrefix("latin") {
                        let latinMap = [2: 2, 3: 3, 4: 4, 5: 9, 6: 10, 7: 13, 8: 14, 9: 15, 10: 16]
                        if let m = latinMap[n] { return "iso8859-\(m)" }
                        return nil
                    }
                    if n == 1 { return "latin-1" }
                    if (2...16).contains(n), n != 12 { return "iso8859-\(n)" }
                }
            }
            if l == "cyrillic" { return "iso8859-5" }
            if l == "greek" { return "iso8859-7" }
            if l == "hebrew" { return "iso8859-8" }
            if l == "arabic" { return "iso8859-6" }
            return nil
        }
    }

    /// Strict decode of `bytes` as `label` into a String; nil on an invalid sequence or unknown codec.
    static func decodeStrict(_ bytes: [UInt8], _ label: String, partialOK: Bool = false) -> String? {
        guard let codec = canonical(label) else { return nil }
        switch codec {
        case "utf-8":
            if let s = String(validating: bytes, as: UTF8.self) { return s }
            if partialOK { return String(decoding: bytes, as: UTF8.self) }
            return nil
        case "ascii":
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            return nil
        case "latin-1":
            var v = String.UnicodeScalarView()
            for b in bytes { v.append(Unicode.Scalar(b)) }
            return String(v)
        case "utf-16", "utf-16le", "utf-16be":
            var b = ArraySlice(bytes)
            var little = codec != "utf-16be"
            if codec == "utf-16", b.count >= 2 {
                if b[b.startIndex] == 0xFF && b[b.startIndex + 1] == 0xFE { b = b.dropFirst(2) }
                else if b[b.startIndex] == 0xFE && b[b.startIndex + 1] == 0xFF { b = b.dropFirst(2); little = false }
            }
            if b.count % 2 != 0 && !partialOK { return nil }
            var units = [UInt16]()
            units.reserveCapacity(b.count / 2)
            var i = b.startIndex
            while i + 1 < b.endIndex {
                units.append(little ? UInt16(b[i]) | UInt16(b[i + 1]) << 8 : UInt16(b[i]) << 8 | UInt16(b[i + 1]))
                i += 2
            }
            var out = String.UnicodeScalarView()
            var it = units.makeIterator()
            var dec = UTF16()
            loop: while true {
                switch dec.decode(&it) {
                case .scalarValue(let s): out.append(s)
                case .emptyInput: break loop
                case .error:
                    if partialOK { out.append("\u{FFFD}") } else { return nil }
                }
            }
            return String(out)
        case "utf-32", "utf-32le", "utf-32be":
            var b = ArraySlice(bytes)
            var little = codec != "utf-32be"
            if codec == "utf-32", b.count >= 4 {
                if b.prefix(4).elementsEqual([0xFF, 0xFE, 0, 0]) { b = b.dropFirst(4) }
                else if b.prefix(4).elementsEqual([0, 0, 0xFE, 0xFF]) { b = b.dropFirst(4); little = false }
            }
            if b.count % 4 != 0 && !partialOK { return nil }
            var out = String.UnicodeScalarView()
            var i = b.startIndex
            while i + 3 < b.endIndex {
                let v: UInt32 = little
                    ? UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
                    : UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
                if let s = Unicode.Scalar(v) { out.append(s) } else if partialOK { out.append("\u{FFFD}") } else { return nil }
                i += 4
            }
            return String(out)
        default:
            if let table = SingleByteCharsets.table(codec) {
                var out = [UInt8]()
                out.reserveCapacity(bytes.count + bytes.count / 4)
                for b in bytes {
                    var u = table[Int(b)]
                    if u == 0xFFFF {
                        if !partialOK { return nil }
                        u = 0xFFFD
                    }
                    if u < 0x80 { out.append(UInt8(u)) }
                    else if u < 0x800 { out.append(UInt8(0xC0 | (u >> 6))); out.append(UInt8(0x80 | (u & 0x3F))) }
                    else {
                        out.append(UInt8(0xE0 | (u >> 12)))
                        out.append(UInt8(0x80 | ((u >> 6) & 0x3F)))
                        out.append(UInt8(0x80 | (u & 0x3F)))
                    }
                }
                return String(decoding: out, as: UTF8.self)
            }
            return MultiByteCharsets.decode(bytes, codec)
        }
    }

    /// Decodes to UTF-8 bytes, with a fast path for valid UTF-8.
    static func decodeToUTF8(_ bytes: [UInt8], _ label: String) -> [UInt8]? {
        if canonical(label) == "utf-8" {
            return UTF8Check.isValid(bytes) ? bytes : nil
        }
        return decodeStrict(bytes, label).map { Array($0.utf8) }
    }
}
