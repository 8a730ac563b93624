import Foundation

/// Writes one JSON object with keys in insertion order, escaping every control character
/// (C0, DEL, C1) and U+2028/U+2029 so the result is always a single safe line.
struct JSONObjectWriter {
    enum Value {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
        case raw(String)
    }

    private var body = ""

    mutating func add(_ key: String, _ value: Value) {
        if !body.isEmpty { body += "," }
        body += Self.quote(key) + ":" + Self.encode(value)
    }

    func finish() -> String { "{" + body + "}" }

    static func encode(_ v: Value) -> String {
        switch v {
        case .string(let s): return quote(s)
        case .number(let d):
            if d.isNaN || d.isInfinite { return "null" }
            if d == d.rounded() && abs(d) < 9e15 { return String(Int64(d)) }
            return "\(d)"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .raw(let r): return r
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029: out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
