import ArgumentParser
import Foundation
import NatoWatch

/// Opening the database for the read-only query commands, and their shared formatting.
enum StoreAccess {
    static func open(_ c: NatoWatchConfig) throws -> Store {
        guard FileManager.default.fileExists(atPath: c.databaseFile.path) else {
            CLIOutput.error("no database at \(c.databaseFile.path) yet: run 'natowatch fetch' first")
            throw ExitCode(3)
        }
        do { return try Store(file: c.databaseFile, readOnly: true) } catch {
            CLIOutput.error("\(error)")
            throw ExitCode(3)
        }
    }

    static func since(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        guard let s = DurationParser.seconds(text) else {
            throw ValidationError("--since: '\(text)' is not a duration (e.g. 24h, 7d)")
        }
        return Date().addingTimeInterval(-s)
    }

    static func printJSON<T: Encodable>(_ value: T) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        print(String(decoding: try e.encode(value), as: UTF8.self))
    }

    static func date(_ d: Date?) -> String {
        guard let d else { return "-" }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }

    static func clip(_ s: String?, _ n: Int) -> String {
        let t = AlertLine.escapeText(s ?? "-")
        return t.count > n ? String(t.prefix(n - 1)) + "…" : t
    }
}
