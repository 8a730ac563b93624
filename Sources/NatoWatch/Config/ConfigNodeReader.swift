import Foundation
import Yams

/// Typed access to YAML nodes that turns every mismatch into a ``ConfigError`` with its line.
struct ConfigNodeReader {
    let file: String

    func error(_ node: Node, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node.mark?.line, message: message)
    }

    func unknownKey(_ key: String, at node: Node, known: [String], context: String = "config") -> ConfigError {
        var message = "unknown \(context) key '\(key)'"
        if let guess = known.min(by: { editDistance($0, key) < editDistance($1, key) }), editDistance(guess, key) <= 2 {
            message += " (did you mean '\(guess)'?)"
        }
        // The mark of a value sits on the key's line for block mappings.
        return ConfigError(file: file, line: node.mark?.line, message: message)
    }

    func mapping(_ node: Node, what: String) throws(ConfigError) -> [(String, Node)] {
        guard case .mapping(let m) = node else { throw error(node, "\(what) must be a mapping of keys to values") }
        var out: [(String, Node)] = []
        var seen = Set<String>()
        for (k, v) in m {
            guard case .scalar(let s) = k else { throw error(k, "keys must be plain words") }
            if !seen.insert(s.string).inserted { throw error(k, "key '\(s.string)' appears twice") }
            out.append((s.string, keyed(v, line: k.mark)))
        }
        return out
    }

    /// Values whose mark is missing (empty scalars) take the key's mark.
    private func keyed(_ v: Node, line: Mark?) -> Node {
        if v.mark == nil, case .scalar(var s) = v { s.mark = line; return .scalar(s) }
        return v
    }

    func string(_ node: Node, key: String) throws(ConfigError) -> String {
        guard case .scalar(let s) = node else { throw error(node, "\(key) must be a single value") }
        return s.string
    }

    func bool(_ node: Node, key: String) throws(ConfigError) -> Bool {
        switch try string(node, key: key).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other: throw error(node, "\(key) must be true or false, not '\(other)'")
        }
    }

    func int(_ node: Node, key: String, min: Int = Int.min, max: Int = Int.max) throws(ConfigError) -> Int {
        let s = try string(node, key: key)
        guard let v = Int(s.replacingOccurrences(of: "_", with: "")) else { throw error(node, "\(key) must be a whole number, not '\(s)'") }
        guard v >= min, v <= max else { throw error(node, "\(key) must be between \(min) and \(max), not \(v)") }
        return v
    }

    func duration(_ node: Node, key: String, positive: Bool) throws(ConfigError) -> TimeInterval {
        let s = try string(node, key: key)
        guard let v = DurationParser.seconds(s) else {
            throw error(node, "\(key): '\(s)' is not a duration (use e.g. 90s, 15m, 2h, 1d)")
        }
        if positive && v <= 0 { throw error(node, "\(key) must be greater than zero") }
        return v
    }

    /// Sizes such as `10MiB`, `512KB`, `1048576`.
    func size(_ node: Node, key: String) throws(ConfigError) -> Int {
        let s = try string(node, key: key).lowercased().replacingOccurrences(of: " ", with: "")
        let units: [(String, Int)] = [("kib", 1024), ("mib", 1 << 20), ("gib", 1 << 30), ("kb", 1000), ("mb", 1_000_000), ("gb", 1_000_000_000), ("k", 1024), ("m", 1 << 20), ("g", 1 << 30), ("b", 1)]
        for (suffix, factor) in units where s.hasSuffix(suffix) {
            if let v = Double(s.dropLast(suffix.count)), v > 0 { return Int(v * Double(factor)) }
            throw error(node, "\(key): '\(s)' is not a size (use e.g. 10MiB)")
        }
        guard let v = Int(s), v > 0 else { throw error(node, "\(key): '\(s)' is not a size (use e.g. 10MiB)") }
        return v
    }

    func stringList(_ node: Node, key: String) throws(ConfigError) -> [String] {
        guard case .sequence(let seq) = node else { throw error(node, "\(key) must be a list (an argv, not a shell line)") }
        var out: [String] = []
        for item in seq { out.append(try string(item, key: key)) }
        guard !out.isEmpty else { throw error(node, "\(key) must not be empty") }
        return out
    }

    private func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}
