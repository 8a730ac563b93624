import Foundation
import Yams

/// Loads a development set: a directory of `.txt` files, each with a YAML front matter
/// (`id`, `title`, `published`, `topics`, `pledges`, `missions`) between `---` lines, then the body.
public enum DevSet {
    public static func load(directory: URL) throws -> [LabelledArticle] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        return try files.map { try loadFile(directory.appendingPathComponent($0)) }
    }

    static func loadFile(_ url: URL) throws -> LabelledArticle {
        let raw = try String(contentsOf: url, encoding: .utf8)
        let path = url.path
        guard raw.hasPrefix("---\n") else { throw RuleFileError(file: path, line: 1, problem: "missing front matter (--- … ---)") }
        let rest = raw.dropFirst(4)
        guard let endRange = rest.range(of: "\n---\n") else { throw RuleFileError(file: path, line: 1, problem: "front matter is not closed by ---") }
        let header = String(rest[rest.startIndex..<endRange.lowerBound])
        let body = String(rest[endRange.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        let node: Node
        do {
            guard let n = try Yams.compose(yaml: header) else { throw RuleFileError(file: path, line: 2, problem: "empty front matter") }
            node = n
        } catch let e as YamlError {
            throw RuleFileError(file: path, line: 0, problem: "front matter: \(e)")
        }
        func err(_ n: Node?, _ p: String) -> RuleFileError { RuleFileError(file: path, line: (n?.mark?.line ?? 0) + 1, problem: p) }
        guard let m = node.mapping else { throw err(node, "front matter must be a mapping") }
        let id = m["id"]?.string ?? url.deletingPathExtension().lastPathComponent
        let title = m["title"]?.string
        let published = m["published"]?.string.flatMap(DateParsing.day)
        let topics = Set(m["topics"]?.sequence?.compactMap { $0.string } ?? [])
        var pledges: [LabelledArticle.Pledge] = []
        for p in m["pledges"]?.sequence ?? [] {
            guard let pm = p.mapping, let actor = pm["actor"]?.string, let metric = pm["metric"]?.string,
                  let vs = pm["value"]?.string, let value = Double(vs) else {
                throw err(p, "a pledge needs actor, metric and a numeric value")
            }
            pledges.append(.init(actor: actor, metric: metric, value: value, currency: pm["currency"]?.string,
                                 targetYear: pm["target_year"]?.string.flatMap { Int($0) }))
        }
        var missions: [LabelledArticle.Mission] = []
        for x in m["missions"]?.sequence ?? [] {
            guard let xm = x.mapping, let mission = xm["mission"]?.string, let change = xm["change"]?.string else {
                throw err(x, "a mission needs mission and change")
            }
            missions.append(.init(mission: mission, change: change, status: xm["status"]?.string))
        }
        return LabelledArticle(file: url.lastPathComponent, article: Article(id: id, title: title, text: body, published: published),
                               topics: topics, pledges: pledges, missions: missions)
    }
}
