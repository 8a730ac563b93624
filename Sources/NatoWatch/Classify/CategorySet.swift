/// A set of up to 256 category ids, as bits.
struct CategorySet: Sendable, Equatable {
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
    static let capacity = 256

    @inline(__always) mutating func insert(_ c: Int32) {
        let bit = UInt64(1) << UInt64(c & 63)
        switch c >> 6 { case 0: w0 |= bit; case 1: w1 |= bit; case 2: w2 |= bit; default: w3 |= bit }
    }

    @inline(__always) func contains(_ c: Int32) -> Bool {
        let bit = UInt64(1) << UInt64(c & 63)
        switch c >> 6 { case 0: return w0 & bit != 0; case 1: return w1 & bit != 0; case 2: return w2 & bit != 0; default: return w3 & bit != 0 }
    }

    @inline(__always) mutating func formUnion(_ o: CategorySet) {
        w0 |= o.w0; w1 |= o.w1; w2 |= o.w2; w3 |= o.w3
    }
}
