import Foundation

/// Tags articles with NATO topics and extracts defence-spending pledges and mission changes.
///
/// Rules come from `Config/topics.yaml` and the gazetteers it names (paths relative to it); they
/// are compiled once in `init` into a single multi-pattern matcher. `classify` is thread-safe.
public final class Classifier: Sendable {
    let rules: RuleSet

    /// Loads and compiles the rules file and its gazetteers.
    /// - Throws: `RuleFileError` naming the file, the line and the problem.
    public init(rulesFile: URL) throws {
        rules = try RuleSet(url: rulesFile)
    }

    /// Classifies one article.
    public func classify(_ article: Article) -> Classification {
        let ctx = ArticleContext(rules: rules, article: article)
        defer { ctx.releaseViews() }
        let pledges = PledgeExtractor(ctx: ctx).extract()
        let missions = MissionExtractor(ctx: ctx).extract()
        let topics = TopicScorer(ctx: ctx).score(pledges: pledges.count, missions: missions.count)
        return Classification(id: article.id, topics: topics, pledges: pledges, missions: missions)
    }

    /// The plain multi-pattern scan of `text` with every phrase of the rules, and nothing else:
    /// the speed ceiling the benchmark compares `classify` with. Returns the number of raw matches.
    public func scanOnly(_ text: String) -> Int {
        let bytes = TextNormalizer.lowercasedASCII(Array(text.utf8))
        return rules.matcher.countRawMatches(lower: bytes)
    }
}
