/// A topic: its rules, negative rules and reporting threshold.
struct TopicDefinition: Sendable {
    var name: String
    var threshold: Double
    var rules: [TopicRule] = []
    var negative: [TopicRule] = []
}

/// One weighted topic rule.
struct TopicRule: Sendable {
    enum Kind: Sendable {
        /// Phrases anywhere in the article (at least `minDistinct` different ones).
        case any(RuleGroup)
        /// All groups co-occur in one sentence.
        case sentence([RuleGroup])
        /// The extractor found a `pledge` or `mission` fact.
        case fact(String)
    }
    var id: String
    var weight: Double
    var kind: Kind
    var minDistinct: Int
    var unless: RuleGroup?
}

/// A set of alternatives compiled to one matcher category, plus structural tests.
struct RuleGroup: Sendable {
    enum Special: Sendable, Hashable { case number, percent, money, year }
    var category: Int32
    var specials: Set<Special> = []
}
