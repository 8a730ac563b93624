import CoreFoundation
import Foundation

/// Multi-byte legacy charsets (GB18030, GBK, Big5, EUC-KR, Shift_JIS, EUC-JP), decoded with
/// CoreFoundation's converters (no network, no files).
enum MultiByteCharsets {
    /// Strict decode; nil when the codec is unsupported or the bytes are invalid.
    static func decode(_ bytes: [UInt8], _ codec: String) -> String? {
        let cf: CFStringEncodings
        switch codec {
        case "gb2312", "gb18030", "gbk": cf = .GB_18030_2000
        case "big5": cf = .big5
        case "euc-kr", "cp949": cf = codec == "cp949" ? .dosKorean : .EUC_KR
        case "shift_jis": return String(data: Data(bytes), encoding: .shiftJIS)
        case "euc-jp": return String(data: Data(bytes), encoding: .japaneseEUC)
        case "iso-2022-jp": return String(data: Data(bytes), encoding: .iso2022JP)
        default: return nil
        }
        let ns = CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(cf.rawValue))
        return String(data: Data(bytes), encoding: String.Encoding(rawValue: ns))
    }
}
