/// A read-only word → value table for the hot lookups of English extraction (cue words, stop
/// words, titles, first names, …). Swift's `Dictionary<String, …>` hashes every query with SipHash
/// and checks canonical equivalence; most queries are misses (ordinary words of the text), and
/// each cost about 350 instructions. Here a key of at most 16 ASCII bytes is packed into two
/// 64-bit words and found by open addressing with a multiplicative hash: a miss is a few dozen
/// instructions.
///
/// Same answers as the `Dictionary` it is built from: an ASCII word equals a `String` key exactly
/// when their bytes are equal (canonical equivalence maps no other string onto a run of lowercase
/// ASCII letters, digits and word punctuation), and every other key or query (longer than 16 bytes,
/// or not ASCII) is looked up in an ordinary `Dictionary`.
public struct PackedWords<Value>: @unchecked Sendable {
    private var keysA: [UInt64]
    private var keysB: [UInt64]
    /// Index into `values` + 1; 0 for an empty slot.
    private var slots: [Int32]
    private var values: [Value]
    private let mask: Int
    /// Keys that do not pack (longer than 16 bytes, or not ASCII).
    private let rest: [String: Value]
    /// Whether `rest` has a key that is not ASCII: only such a key can equal a short ASCII word
    /// that is not in the packed table.
    private let restHasNonASCII: Bool

    public init(_ dictionary: [String: Value]) {
        var packed: [(UInt64, UInt64, Value)] = []
        var rest: [String: Value] = [:]
        for (key, value) in dictionary {
            if let (a, b) = Self.pack(key) { packed.append((a, b, value)) } else { rest[key] = value }
        }
        var size = 16
        while size < packed.count * 2 + 2 { size <<= 1 }
        mask = size - 1
        keysA = [UInt64](repeating: 0, count: size)
        keysB = [UInt64](repeating: 0, count: size)
        slots = [Int32](repeating: 0, count: size)
        values = []
        values.reserveCapacity(packed.count)
        for (a, b, value) in packed {
            var i = Self.hash(a, b) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            keysA[i] = a
            keysB[i] = b
            values.append(value)
            slots[i] = Int32(values.count)
        }
        self.rest = rest
        restHasNonASCII = rest.keys.contains { !$0.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// The bytes of an ASCII word of 1…16 bytes, little-endian in two words (zero-padded: no ASCII
    /// word has a NUL byte, so the length is implied).
    @inline(__always) static func pack(_ s: String) -> (UInt64, UInt64)? {
        // `withUTF8` reads a small string (≤ 15 bytes, most words) from its inline bytes; iterating
        // `utf8` cost more than the whole lookup.
        var s = s
        return s.withUTF8 { bytes -> (UInt64, UInt64)? in
            let n = bytes.count
            guard n > 0, n <= 16 else { return nil }
            var a: UInt64 = 0, b: UInt64 = 0
            for k in 0..<n {
                let byte = bytes[k]
                if byte == 0 || byte >= 0x80 { return nil }
                if k < 8 { a |= UInt64(byte) << UInt64(k << 3) } else { b |= UInt64(byte) << UInt64((k - 8) << 3) }
            }
            return (a, b)
        }
    }

    @inline(__always) static func hash(_ a: UInt64, _ b: UInt64) -> Int {
        let h = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    public subscript(_ s: String) -> Value? {
        guard let (a, b) = Self.pack(s) else { return rest.isEmpty ? nil : rest[s] }
        var i = Self.hash(a, b) & mask
        while true {
            let v = slots[i]
            if v == 0 { break }
            if keysA[i] == a && keysB[i] == b { return values[Int(v) - 1] }
            i = (i + 1) & mask
        }
        return restHasNonASCII ? rest[s] : nil
    }

    public func contains(_ s: String) -> Bool { self[s] != nil }
}

extension PackedWords where Value == Bool {
    /// A set of words.
    public init(_ words: Set<String>) {
        var d: [String: Bool] = [:]
        for w in words { d[w] = true }
        self.init(d)
    }
}
