import Foundation

/// Unicode clean-up before matching: curly quotes become straight, dashes become `-`,
/// non-breaking and thin spaces become spaces, soft hyphens and zero-width characters vanish,
/// `…` becomes `...`, CR LF becomes LF. Works on UTF-8 bytes; all later offsets refer to its output.
enum TextNormalizer {
    /// The normalized UTF-8 bytes of `text`.
    static func normalize(_ text: String) -> [UInt8] {
        var input = Array(text.utf8)
        // fast path: plain ASCII without CR, TAB or entities needs no change
        if !input.contains(where: { $0 >= 0x80 || $0 == 0x0D || $0 == 0x09 || $0 == 0x26 }) { return input }
        if input.contains(0x26) { input = decodeEntities(input) }
        if hasCombiningMarks(input) {
            input = Array(text.precomposedStringWithCanonicalMapping.utf8)
        }
        var out = [UInt8]()
        out.reserveCapacity(input.count)
        var i = 0
        let n = input.count
        while i < n {
            let b = input[i]
            if b < 0x80 {
                if b == 0x0D { // CR or CRLF -> LF
                    out.append(0x0A)
                    if i + 1 < n, input[i + 1] == 0x0A { i += 1 }
                } else if b == 0x09 {
                    out.append(0x20)
                } else {
                    out.append(b)
                }
                i += 1
                continue
            }
            if b == 0xC2, i + 1 < n {
                switch input[i + 1] {
                case 0xA0: out.append(0x20); i += 2; continue             // NBSP
                case 0xAD: i += 2; continue                                // soft hyphen
                case 0xAB, 0xBB: out.append(0x22); i += 2; continue       // « »
                default: break
                }
            }
            if b == 0xE2, i + 2 < n {
                let b1 = input[i + 1], b2 = input[i + 2]
                if b1 == 0x80 {
                    switch b2 {
                    case 0x80...0x8A, 0xAF: out.append(0x20); i += 3; continue          // en/em/thin/narrow spaces
                    case 0x8B...0x8D: i += 3; continue                                   // zero-width
                    case 0x90...0x95: out.append(0x2D); i += 3; continue                 // hyphens and dashes
                    case 0x98, 0x99, 0x9A, 0x9B, 0xB2: out.append(0x27); i += 3; continue // single quotes, prime
                    case 0x9C, 0x9D, 0x9E, 0x9F, 0xB3: out.append(0x22); i += 3; continue // double quotes
                    case 0xA6: out.append(contentsOf: [0x2E, 0x2E, 0x2E]); i += 3; continue // ellipsis
                    case 0xA8, 0xA9: out.append(0x0A); i += 3; continue                  // line/para separators
                    default: break
                    }
                } else if b1 == 0x88, b2 == 0x92 {
                    out.append(0x2D); i += 3; continue                                   // minus sign
                }
            }
            if b == 0xEF, i + 2 < n, input[i + 1] == 0xBB, input[i + 2] == 0xBF { i += 3; continue } // BOM
            if b == 0xEF, i + 2 < n, input[i + 1] == 0xBC, input[i + 2] == 0x85 { out.append(0x25); i += 3; continue } // ％
            out.append(b)
            i += 1
        }
        return out
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "-", "mdash": "-",
        "lsquo": "'", "rsquo": "'", "ldquo": "\"", "rdquo": "\"", "hellip": "...", "euro": "€", "pound": "£",
        "yen": "¥", "percnt": "%", "shy": "", "thinsp": " ", "ensp": " ", "emsp": " ", "laquo": "\"", "raquo": "\"",
    ]

    /// Decodes HTML entities left in feed text (`&#8217;`, `&#x2019;`, `&ndash;`, `&euro;`…).
    static func decodeEntities(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x26, let semi = bytes[(i + 1)..<min(bytes.count, i + 12)].firstIndex(of: 0x3B) else {
                out.append(bytes[i]); i += 1; continue
            }
            let name = String(decoding: bytes[(i + 1)..<semi], as: UTF8.self)
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                replacement = namedEntities[name]
            }
            if let r = replacement {
                out.append(contentsOf: r.utf8)
                i = semi + 1
            } else {
                out.append(bytes[i]); i += 1
            }
        }
        return out
    }

    /// True when the text holds combining diacritics (U+0300–U+036F), which NFC must compose.
    private static func hasCombiningMarks(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i + 1 < bytes.count {
            let b = bytes[i]
            if (b == 0xCC) || (b == 0xCD && bytes[i + 1] <= 0xAF) { return true }
            i += 1
        }
        return false
    }

    /// ASCII-lowercased copy (same length, so offsets are shared).
    static func lowercasedASCII(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }
    }

    /// Normalizes and ASCII-lowercases a phrase from a rules file for the matcher.
    static func phraseKey(_ phrase: String) -> [UInt8] {
        let lowered = phrase.lowercased()
        return lowercasedASCII(normalize(lowered))
    }
}
