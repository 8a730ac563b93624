/// A stable 64-bit FNV-1a hash, rendered as 16 hex digits: identical across runs and machines
/// (unlike `Hasher`), used for content hashes, fallback item keys and alert ids.
public enum StableHash {
    public static func hex(_ parts: String...) -> String { hex(parts) }

    public static func hex(_ parts: [String]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, part) in parts.enumerated() {
            if i > 0 { h = (h ^ 0x1f) &* 0x100_0000_01b3 }
            for b in part.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
