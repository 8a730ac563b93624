/// A number found in a sentence, with its unit: a percentage, a money amount or a bare number.
struct Quantity: Sendable {
    enum Kind: Sendable { case percent, money, plain }
    var kind: Kind
    /// Percent value, or the amount in units (scale applied). For a range, the lower bound.
    var value: Double
    /// Upper bound of a range ("2.5 to 3%"), else nil.
    var high: Double?
    /// Candidate ISO codes (ambiguous forms give several); empty when no currency was written.
    var currencies: [String] = []
    var scale: String?
    /// Token range, inclusive.
    var first: Int
    var last: Int
    /// "percentage points": a difference, not a share.
    var isPoints = false
    /// Inside parentheses: a conversion such as "($55 billion)".
    var inParentheses = false
}
