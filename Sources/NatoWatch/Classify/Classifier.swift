import Foundation

/// Tags articles with NATO topics and extracts pledges and mission changes.
///
/// Rules are compiled once in `init` from `Config/topics.yaml` and the gazetteers it names.
/// (Placeholder: the classifier issue implements it.)
public final class Classifier: Sendable {
    /// Loads and compiles the rules file (and the gazetteers it references).
    public init(rulesFile: URL) throws {
        _ = try Data(contentsOf: rulesFile)
    }

    /// Classifies one article.
    public func classify(_ article: Article) -> Classification {
        Classification(id: article.id)
    }
}
