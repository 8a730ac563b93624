import Foundation

/// An actor that can make (or, for partners, must not be credited with) a pledge.
struct ActorEntry: Sendable {
    enum Kind: Sendable { case member, bloc, partner }
    var name: String
    var kind: Kind
    /// Partner grouping id (`indo_pacific_partners`…); nil for members and blocs.
    var group: String?
    var currency: String?
    /// Currency used before a date (Bulgaria: BGN until 2026-01-01).
    var previousCurrency: (code: String, until: Date)?
    var names: [String] = []
    var caseSensitive: Set<String> = []
    var adjectives: [String] = []
    var possessives: [String] = []
    /// Capitals, seats of government and bloc names that need a following verb ("Berlin said").
    var verbNames: [String] = []

    /// The currency of the actor on `date` (nil date: the current one).
    func currency(on date: Date?) -> String? {
        if let prev = previousCurrency, let date, date < prev.until { return prev.code }
        return currency
    }
}

/// How an actor phrase was written, which decides when it counts.
enum ActorForm: Int32 { case name = 0, adjective = 1, possessive = 2, verbName = 3 }

/// A NATO mission, operation, activity or office.
struct MissionEntry: Sendable {
    var name: String
    var names: [String]
    var place: String?
    var office: Bool
    /// When the mission began: a "launch" reported long after it is a new presence of it (an expansion).
    var started: Date? = nil
}

/// A currency form ("€", "Swedish crowns") as a sequence of lowercased tokens.
struct CurrencyForm: Sendable {
    var tokens: [[UInt8]]
    var codes: [String]
    var before: Bool
    var after: Bool
    /// Written without spaces ("A$", "C$"): its tokens must be glued in the text ("a $10 billion deal" is USD).
    var glued: Bool = false
}

/// A scale word ("billion", "bn") with its factor.
struct ScaleForm: Sendable {
    var factor: Double
    var name: String
}
