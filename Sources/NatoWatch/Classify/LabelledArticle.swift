import Foundation

/// A labelled article of the development set: the article plus the topics and facts expected.
public struct LabelledArticle: Sendable {
    /// A pledge as labelled: it matches a `PledgeFact` when actor, metric, value (±1%), currency and year agree.
    public struct Pledge: Sendable, Equatable {
        public var actor: String
        public var metric: String
        public var value: Double
        public var currency: String?
        public var targetYear: Int?
    }
    /// A mission change as labelled: it matches a `MissionFact` when mission and change agree.
    public struct Mission: Sendable, Equatable {
        public var mission: String
        public var change: String
        public var status: String?
    }
    public var file: String
    public var article: Article
    public var topics: Set<String>
    public var pledges: [Pledge]
    public var missions: [Mission]
}
