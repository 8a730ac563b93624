import Foundation

/// An article handed to the classifier.
public struct Article: Sendable, Equatable {
    /// Caller's identifier, echoed in the result.
    public var id: String?
    /// The headline, if any.
    public var title: String?
    /// Plain text of the body, paragraphs separated by blank lines.
    public var text: String
    /// Publication date; relative years ("within five years") count from it.
    public var published: Date?

    public init(id: String? = nil, title: String? = nil, text: String, published: Date? = nil) {
        self.id = id
        self.title = title
        self.text = text
        self.published = published
    }
}

/// What the classifier found in one article. Its JSON form is a stable contract (see README).
public struct Classification: Sendable, Equatable, Codable {
    public var id: String?
    public var topics: [TopicScore]
    public var pledges: [PledgeFact]
    public var missions: [MissionFact]

    public init(id: String? = nil, topics: [TopicScore] = [], pledges: [PledgeFact] = [], missions: [MissionFact] = []) {
        self.id = id
        self.topics = topics
        self.pledges = pledges
        self.missions = missions
    }

    /// True when anything was found.
    public var isMatch: Bool { !topics.isEmpty || !pledges.isEmpty || !missions.isEmpty }
}

/// A topic with its score in [0, 1] and the ids of the rules that fired.
public struct TopicScore: Sendable, Equatable, Codable {
    public var topic: String
    public var score: Double
    public var rules: [String]
    public init(topic: String, score: Double, rules: [String]) {
        self.topic = topic
        self.score = score
        self.rules = rules
    }
}

/// A defence-spending pledge: who, how much, by when, and the sentence that says so.
public struct PledgeFact: Sendable, Equatable, Codable {
    /// English short name as in the knowledge pack ("Finland", "European Union", "NATO allies").
    public var actor: String
    /// `pct_gdp` or `amount`.
    public var metric: String
    /// Percent of GDP (3.0) or an amount in units (500000000000).
    public var value: Double
    /// ISO 4217 code for amounts; nil for `pct_gdp`.
    public var currency: String?
    /// The scale word used in the text (`billion`, `trillion`), informational.
    public var scale: String?
    /// The year the target is to be reached.
    public var targetYear: Int?
    /// `committed` or `proposed`.
    public var status: String
    /// The sentence the fact was read from.
    public var evidence: String
    /// Ids of the rules that fired.
    public var rules: [String]

    public init(
        actor: String, metric: String, value: Double, currency: String? = nil, scale: String? = nil,
        targetYear: Int? = nil, status: String = "committed", evidence: String, rules: [String]
    ) {
        self.actor = actor
        self.metric = metric
        self.value = value
        self.currency = currency
        self.scale = scale
        self.targetYear = targetYear
        self.status = status
        self.evidence = evidence
        self.rules = rules
    }

    enum CodingKeys: String, CodingKey {
        case actor, metric, value, currency, scale
        case targetYear = "target_year"
        case status, evidence, rules
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(actor, forKey: .actor)
        try c.encode(metric, forKey: .metric)
        try c.encode(value, forKey: .value)
        try c.encode(currency, forKey: .currency)
        try c.encode(scale, forKey: .scale)
        try c.encode(targetYear, forKey: .targetYear)
        try c.encode(status, forKey: .status)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(rules, forKey: .rules)
    }
}

/// A change to a NATO mission, operation, activity or office.
public struct MissionFact: Sendable, Equatable, Codable {
    /// Canonical name from the mission gazetteer ("NATO Mission Iraq", "KFOR").
    public var mission: String
    /// `launch`, `expand`, `reduce`, `end`, `open_office`, `close_office` or `other`.
    public var change: String
    /// Where, if stated ("Iraq", "Jordan").
    public var place: String?
    /// `decided` or `proposed`.
    public var status: String
    /// The sentence the fact was read from.
    public var evidence: String
    /// Ids of the rules that fired.
    public var rules: [String]

    public init(mission: String, change: String, place: String? = nil, status: String, evidence: String, rules: [String]) {
        self.mission = mission
        self.change = change
        self.place = place
        self.status = status
        self.evidence = evidence
        self.rules = rules
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mission, forKey: .mission)
        try c.encode(change, forKey: .change)
        try c.encode(place, forKey: .place)
        try c.encode(status, forKey: .status)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(rules, forKey: .rules)
    }
}
