import Foundation
import Yams

/// Pledges and mission states already known when natowatch is deployed (`ledger_seed:`), so an
/// article restating one is corroboration, not news.
public struct LedgerSeed: Sendable, Decodable {
    public struct Pledge: Sendable, Decodable {
        public var actor: String
        public var metric: String
        public var value: Double
        public var currency: String?
        public var targetYear: Int?
        enum CodingKeys: String, CodingKey {
            case actor, metric, value, currency
            case targetYear = "target_year"
        }
    }
    public struct Mission: Sendable, Decodable {
        public var mission: String
        public var change: String
        public var place: String?
        public var status: String?
    }
    public var pledges: [Pledge]
    public var missions: [Mission]

    /// Reads a seed file; errors name the file (and the line, for YAML syntax errors).
    public static func load(_ url: URL) throws(ConfigError) -> LedgerSeed {
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            return try YAMLDecoder().decode(LedgerSeed.self, from: text)
        } catch let YamlError.scanner(_, problem, mark, _), let YamlError.parser(_, problem, mark, _) {
            throw ConfigError(file: url.path, line: mark.line, message: "YAML syntax error: \(problem)")
        } catch {
            throw ConfigError(file: url.path, line: nil, message: "not a valid ledger seed: \(error)")
        }
    }
}
