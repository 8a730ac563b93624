/// A parsed JSON value (a small, strict parser that can optionally accept raw control
/// characters in strings, like Python's `json.loads(strict=False)`).
enum JSONValue {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    /// An integer too large for `Int`, kept as its digits.
    case bigInt(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        var found: JSONValue?
        for (k, v) in members where k == key { found = v }  // last duplicate wins, like Python
        return found
    }

    var string: String? { if case .string(let s) = self { return s }; return nil }

    /// Parses `text`; nil when it is not valid JSON.
    static func parse(_ text: String, strict: Bool) -> JSONValue? {
        var p = JSONParser(bytes: Array(text.utf8), strict: strict)
        return p.parseDocument()
    }
}

private struct JSONParser {
    let bytes: [UInt8]
    let strict: Bool
    var i = 0
    var depth = 0

    init(bytes: [UInt8], strict: Bool) {
        self.bytes = bytes
        self.strict = strict
    }

    mutating func ws() {
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 }
    }

    mutating func parseDocument() -> JSONValue? {
        ws()
        guard let v = value() else { return nil }
        ws()
        return i == bytes.count ? v : nil
    }

    mutating func literal(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard i + u.count <= bytes.count, Array(bytes[i..<(i + u.count)]) == u else { return false }
        i += u.count
        return true
    }

    mutating func value() -> JSONValue? {
        guard i < bytes.count, depth < 512 else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            depth += 1
            defer { depth -= 1 }
            i += 1
            var members: [(String, JSONValue)] = []
            ws()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            while true {
                ws()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), let k = string() else { return nil }
                ws()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                ws()
                guard let v = value() else { return nil }
                members.append((k, v))
                ws()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                return nil
            }
        case UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            i += 1
            var items: [JSONValue] = []
            ws()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                ws()
                guard let v = value() else { return nil }
                items.append(v)
                ws()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                return nil
            }
        case UInt8(ascii: "\""):
            return string().map { .string($0) }
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        case UInt8(ascii: "N"): return literal("NaN") ? .double(.nan) : nil
        case UInt8(ascii: "I"): return literal("Infinity") ? .double(.infinity) : nil
        default: return number()
        }
    }

    mutating func number() -> JSONValue? {
        let s = i
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") {
            i += 1
            if literal("Infinity") { return .double(-.infinity) }
        }
        guard i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 else { return nil }
        if bytes[i] == 48 { i += 1 } else { while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 } }
        var isInt = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isInt = false
            i += 1
            let d = i
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
            if i == d { return nil }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isInt = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let d = i
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
            if i == d { return nil }
        }
        let text = String(decoding: bytes[s..<i], as: UTF8.self)
        if isInt { return Int(text).map { .int($0) } ?? .bigInt(text) }
        return Double(text).map { .double($0) }
    }

    mutating func string() -> String? {
        i += 1
        var out = [UInt8]()
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if c == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.count else { return nil }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(34)
                case UInt8(ascii: "\\"): out.append(92)
                case UInt8(ascii: "/"): out.append(47)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"):
                    guard var v = hex4() else { return nil }
                    if (0xD800...0xDBFF).contains(v), i + 1 < bytes.count, bytes[i] == 92, bytes[i + 1] == UInt8(ascii: "u") {
                        let save = i
                        i += 2
                        if let lo = hex4(), (0xDC00...0xDFFF).contains(lo) {
                            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                        } else {
                            i = save
                        }
                    }
                    let sc = Unicode.Scalar(v) ?? "\u{FFFD}"
                    UTF8.encode(sc) { out.append($0) }
                default: return nil
                }
                continue
            }
            if c < 0x20 && strict { return nil }
            out.append(c)
            i += 1
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = bytes[i + k]
            let d: UInt32
            if c >= 48 && c <= 57 { d = UInt32(c - 48) } else if (c | 0x20) >= 97 && (c | 0x20) <= 102 { d = UInt32((c | 0x20) - 87) } else { return nil }
            v = v << 4 | d
        }
        i += 4
        return v
    }
}
