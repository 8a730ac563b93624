import Foundation
import Yams

/// A parsed YAML file with helpers that turn shape errors into `RuleFileError`s naming file and line.
struct YAMLFile {
    let path: String
    let root: Node

    /// Reads and parses `url`; syntax errors carry the line Yams reports.
    init(url: URL) throws {
        path = url.path
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RuleFileError(file: url.path, line: 0, problem: "cannot read file: \(error.localizedDescription)")
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw RuleFileError(file: url.path, line: 1, problem: "file is empty")
            }
            root = node
        } catch let error as YamlError {
            throw RuleFileError(file: url.path, line: Self.line(of: error), problem: "YAML syntax error: \(Self.problem(of: error))")
        }
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 0
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            if let context { return "\(context.text) \(problem)" }
            return problem
        default:
            return "\(error)"
        }
    }

    /// An error at `node`'s line.
    func error(_ node: Node?, _ problem: String) -> RuleFileError {
        RuleFileError(file: path, line: node?.mark?.line ?? 0, problem: problem)
    }

    /// The mapping at `node`, or an error.
    func mapping(_ node: Node, _ what: String) throws -> Node.Mapping {
        guard let m = node.mapping else { throw error(node, "\(what) must be a mapping") }
        return m
    }

    /// The sequence at `node`, or an error.
    func sequence(_ node: Node, _ what: String) throws -> Node.Sequence {
        guard let s = node.sequence else { throw error(node, "\(what) must be a list") }
        return s
    }

    /// The string scalar at `node`, or an error.
    func string(_ node: Node, _ what: String) throws -> String {
        guard let s = node.scalar?.string else { throw error(node, "\(what) must be a string") }
        return s
    }

    /// A list of strings (a single string is accepted as a one-element list).
    func strings(_ node: Node, _ what: String) throws -> [String] {
        if let s = node.scalar?.string { return [s] }
        return try sequence(node, what).map { try string($0, "each entry of \(what)") }
    }

    /// A number at `node`, or an error.
    func double(_ node: Node, _ what: String) throws -> Double {
        guard let s = node.scalar?.string, let d = Double(s) else { throw error(node, "\(what) must be a number") }
        return d
    }

    /// Rejects keys not in `allowed`, so that typos are reported instead of ignored.
    func checkKeys(_ m: Node.Mapping, allowed: Set<String>, in what: String) throws {
        for (k, _) in m {
            let key = k.scalar?.string ?? "?"
            if !allowed.contains(key) {
                throw error(k, "unknown key '\(key)' in \(what) (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
    }
}
