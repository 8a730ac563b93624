import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// A swift-log handler writing one line per message to standard error with a single `write(2)`.
/// Under journald it drops timestamps and prefixes syslog priorities (`<3>`) instead.
public struct StderrLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let journald: Bool

    public init(label: String, journald: Bool) {
        self.label = label
        self.journald = journald
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let level = event.level
        var text = "\(event.message)"
        let merged = metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 })
        if !merged.isEmpty { text += " " + merged.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
        text = AlertLine.escapeText(text)
        let line: String
        if journald {
            line = "<\(Self.priority(level))>\(text)\n"
        } else {
            let f = ISO8601DateFormatter()
            line = "\(f.string(from: Date())) \(level.rawValue.uppercased()) \(text)\n"
        }
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    static func priority(_ l: Logger.Level) -> Int {
        switch l {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }
}
