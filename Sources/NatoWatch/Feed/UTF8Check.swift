/// Allocation-free strict UTF-8 validation (as Python's `bytes.decode('utf-8')` accepts:
/// no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Check {
    static func isValid<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        if let r = bytes.withContiguousStorageIfAvailable({ isValid(buffer: $0) }) { return r }
        return Array(bytes).withUnsafeBufferPointer { isValid(buffer: $0) }
    }

    static func isValid(buffer b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard let base = b.baseAddress else { return true }
        var i = 0
        while i < n {
            // ASCII fast path, 8 bytes at a time.
            while i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < n else { return true }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            if c >= 0xC2 && c <= 0xDF {
                guard i + 1 < n, b[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
            } else if c >= 0xE0 && c <= 0xEF {
                guard i + 2 < n, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 else { return false }
                if c == 0xE0 && b[i + 1] < 0xA0 { return false }  // overlong
                if c == 0xED && b[i + 1] > 0x9F { return false }  // surrogates
                i += 3
            } else if c >= 0xF0 && c <= 0xF4 {
                guard i + 3 < n, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80, b[i + 3] & 0xC0 == 0x80 else { return false }
                if c == 0xF0 && b[i + 1] < 0x90 { return false }
                if c == 0xF4 && b[i + 1] > 0x8F { return false }
                i += 4
            } else {
                return false
            }
        }
        return true
    }
}
