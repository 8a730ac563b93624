import Foundation

/// A small gzip encoder for test responses: deflate with the fixed Huffman code and run-length
/// matches only (distance 1). Enough to serve real `Content-Encoding: gzip` bodies and to build a
/// compression bomb (``zeros(count:)``: 50 MB of zeros in about 300 KB) without zlib.
public enum Gzip {
    /// `data` as a gzip member.
    public static func compress(_ data: Data) -> Data {
        var writer = BitWriter()
        writer.write(1, count: 1)  // BFINAL
        writer.write(1, count: 2)  // BTYPE 01: fixed Huffman
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                writer.literal(byte)
                index += 1
                var run = 0
                while index + run < count, bytes[index + run] == byte, run < 258 { run += 1 }
                if run >= 3 {
                    writer.match(length: run)
                    index += run
                }
            }
        }
        writer.endOfBlock()
        writer.padToByte()
        return member(deflated: writer.bytes, crc: CRC32.checksum(data), size: data.count)
    }

    /// `count` zero bytes as a gzip member, built in O(count / 258): a compression bomb for tests.
    public static func zeros(count: Int) -> Data {
        var writer = BitWriter()
        writer.write(1, count: 1)
        writer.write(1, count: 2)
        if count > 0 {
            writer.literal(0)
            var remaining = count - 1
            while remaining >= 3 {
                let length = min(remaining, 258)
                // Never leave 1 or 2 bytes that a match cannot carry… they go out as literals below.
                writer.match(length: length)
                remaining -= length
            }
            for _ in 0..<remaining { writer.literal(0) }
        }
        writer.endOfBlock()
        writer.padToByte()
        return member(deflated: writer.bytes, crc: CRC32.ofZeros(count: count), size: count)
    }

    /// A gzip stream of zeros that never ends: send `prefix` once, then `chunk` (about 1 MiB of zeros
    /// in 500 bytes) again and again. Each part ends on a byte boundary with an empty stored block
    /// (a zlib "sync flush"), so the parts can be repeated as they are. For ``LoopbackResponse/Body/endless(prefix:chunk:)``.
    public static func endlessZeros() -> (prefix: Data, chunk: Data) {
        var first = BitWriter()
        first.write(0, count: 1)  // not final
        first.write(1, count: 2)
        first.literal(0)
        first.endOfBlock()
        first.syncFlush()
        var repeated = BitWriter()
        repeated.write(0, count: 1)
        repeated.write(1, count: 2)
        for _ in 0..<4096 { repeated.match(length: 258) }
        repeated.endOfBlock()
        repeated.syncFlush()
        return (Data([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]) + first.bytes, Data(repeated.bytes))
    }

    private static func member(deflated: [UInt8], crc: UInt32, size: Int) -> Data {
        var out = Data([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])
        out.append(contentsOf: deflated)
        for value in [crc, UInt32(truncatingIfNeeded: size)] {
            out.append(contentsOf: [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: value >> UInt32($0)) })
        }
        return out
    }
}

/// Packs deflate codes into bytes, least significant bit first.
private struct BitWriter {
    var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var filled = 0

    mutating func write(_ value: UInt32, count: Int) {
        buffer |= UInt64(value) << UInt64(filled)
        filled += count
        while filled >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            filled -= 8
        }
    }

    /// A Huffman code goes out most significant bit first.
    mutating func code(_ value: UInt32, length: Int) {
        var reversed: UInt32 = 0
        for bit in 0..<length where value & (1 << UInt32(length - 1 - bit)) != 0 {
            reversed |= 1 << UInt32(bit)
        }
        write(reversed, count: length)
    }

    mutating func symbol(_ symbol: Int) {
        switch symbol {
        case 0...143: code(UInt32(0x30 + symbol), length: 8)
        case 144...255: code(UInt32(0x190 + symbol - 144), length: 9)
        case 256...279: code(UInt32(symbol - 256), length: 7)
        default: code(UInt32(0xC0 + symbol - 280), length: 8)
        }
    }

    mutating func literal(_ byte: UInt8) { symbol(Int(byte)) }

    private static let lengthBases = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    private static let lengthExtra = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]

    /// A copy of the previous byte, `length` (3…258) times.
    mutating func match(length: Int) {
        var slot = Self.lengthBases.count - 1
        while Self.lengthBases[slot] > length { slot -= 1 }
        symbol(257 + slot)
        let extra = Self.lengthExtra[slot]
        if extra > 0 { write(UInt32(length - Self.lengthBases[slot]), count: extra) }
        code(0, length: 5)  // distance code 0: distance 1
    }

    mutating func endOfBlock() {
        symbol(256)
    }

    mutating func padToByte() {
        if filled > 0 { write(0, count: 8 - filled) }
    }

    /// An empty, non-final stored block: ends the output on a byte boundary.
    mutating func syncFlush() {
        write(0, count: 3)
        padToByte()
        bytes += [0, 0, 0xFF, 0xFF]
    }
}

/// CRC-32 (IEEE 802.3, reflected), as gzip's trailer needs it.
enum CRC32 {
    private static let polynomial: UInt32 = 0xEDB8_8320
    private static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ polynomial : crc >> 1 }
        return crc
    }

    static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { table in
            data.withUnsafeBytes { raw in
                for byte in raw { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
            }
        }
        return ~crc
    }

    /// The CRC of `count` zero bytes without reading them: the register times x^(8·count) mod P.
    static func ofZeros(count: Int) -> UInt32 {
        ~multiply(powerOfX(UInt64(count) * 8), 0xFFFF_FFFF)
    }

    /// a·b modulo the polynomial, both in reflected bit order.
    private static func multiply(_ a: UInt32, _ b: UInt32) -> UInt32 {
        var mask: UInt32 = 1 << 31
        var product: UInt32 = 0
        var b = b
        while mask != 0 {
            if a & mask != 0 { product ^= b }
            mask >>= 1
            b = b & 1 != 0 ? (b >> 1) ^ polynomial : b >> 1
        }
        return product
    }

    /// x^n modulo the polynomial (reflected), by squaring.
    private static func powerOfX(_ n: UInt64) -> UInt32 {
        var result: UInt32 = 1 << 31  // x^0
        var square: UInt32 = 1 << 30  // x^1
        var n = n
        while n > 0 {
            if n & 1 != 0 { result = multiply(square, result) }
            square = multiply(square, square)
            n >>= 1
        }
        return result
    }
}
