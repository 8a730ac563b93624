/// A small map from lowercase words (UTF-8 bytes) to values, looked up without allocating:
/// entries are bucketed by length and compared byte by byte. Meant for word lists of tens of entries.
struct ByteWordMap<Value: Sendable>: Sendable {
    private var buckets: [[(key: [UInt8], value: Value)]] = []

    init() {}

    init(_ pairs: [([UInt8], Value)]) {
        for (k, v) in pairs { self[k] = v }
    }

    subscript(key: [UInt8]) -> Value? {
        get { lookup(key[...]) }
        set {
            let n = key.count
            if buckets.count <= n { buckets.append(contentsOf: Array(repeating: [], count: n + 1 - buckets.count)) }
            if let i = buckets[n].firstIndex(where: { $0.key == key }) {
                if let newValue { buckets[n][i].value = newValue } else { buckets[n].remove(at: i) }
            } else if let newValue {
                buckets[n].append((key, newValue))
            }
        }
    }

    /// The value for the bytes in `word`, if present.
    func lookup(_ word: ArraySlice<UInt8>) -> Value? {
        let n = word.count
        guard n < buckets.count else { return nil }
        for entry in buckets[n] where entry.key.elementsEqual(word) { return entry.value }
        return nil
    }

    var keys: [[UInt8]] { buckets.flatMap { $0.map(\.key) } }
}

/// A set of lowercase words, looked up without allocating.
struct ByteWordSet: Sendable {
    private var map = ByteWordMap<Bool>()

    init(_ words: [String]) {
        for w in words { map[Array(w.utf8)] = true }
    }

    func contains(_ word: ArraySlice<UInt8>) -> Bool { map.lookup(word) != nil }
}
