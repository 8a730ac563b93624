/// English number words used in pledges ("three percent", "half a trillion").
enum NumberWords {
    static let values: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
        "half": 0.5, "a quarter": 0.25, "a half": 0.5, "a dozen": 12, "dozen": 12,
    ]

    /// Word → value for single-token lookups (lowercased UTF-8).
    static let byBytes: ByteWordMap<Double> = {
        var d = ByteWordMap<Double>()
        for (k, v) in values where !k.contains(" ") { d[Array(k.utf8)] = v }
        return d
    }()

    /// Counting words for durations ("within five years").
    static let durations: ByteWordMap<Int> = {
        var d = ByteWordMap<Int>()
        for (k, v) in values where !k.contains(" ") && v >= 1 && v == v.rounded() { d[Array(k.utf8)] = Int(v) }
        d[Array("a".utf8)] = 1
        d[Array("a decade".utf8)] = 10
        return d
    }()
}
