/// An immutable hash table from normalised words to values, looked up by the word's UTF-8 bytes.
///
/// Lexicon and registry lookups run several times per token. With `Set<WordKey>` each one hashed the
/// word with SipHash and compared keys through `String.UTF8View`; parts of words («وقال» → «قال»,
/// «للرئيس» → «الرئيس») also had to become `String`s first. Here a lookup takes any byte range —
/// a token's bytes, or a suffix or prefix of them — hashes it with FNV-1a and compares bytes, so
/// stripping a clitic costs nothing.
///
///     let stops = WordSet(["في", "على"])   // normalised forms
///     stops.contains("في")                  // true
///     "وفي".withWordBytes { stops.contains(bytes: UnsafeBufferPointer(rebasing: $0[2...])) }   // true
public struct WordTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var start: Int32
        var count: Int32
        var hash: UInt32
    }

    /// Every key's bytes, one after the other.
    private let keyBytes: [UInt8]
    private let entries: [Entry]
    private let values: [Value]
    /// Open addressing, at most a quarter full: entry index + 1, or 0 for an empty slot.
    private let slots: [Int32]
    private let mask: Int

    /// Builds the table; when a key repeats, its first value is kept.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, Value) {
        var bytes: [UInt8] = []
        var entries: [Entry] = []
        var values: [Value] = []
        var pending: [(String, Value)] = []
        for p in pairs { pending.append(p) }
        var size = 8
        while size < pending.count * 4 { size <<= 1 }   // at most a quarter full: most lookups miss
        var slots = [Int32](repeating: 0, count: size)
        let mask = size - 1
        for (key, value) in pending {
            let h = key.withWordBytes { Self.hash($0) }
            var s = Int(h) & mask
            var exists = false
            while slots[s] != 0 {
                let e = entries[Int(slots[s]) - 1]
                if e.hash == h, key.withWordBytes({ k in
                    k.count == Int(e.count) && bytes.withUnsafeBufferPointer { Self.equal(k, $0, Int(e.start)) }
                }) { exists = true; break }
                s = (s + 1) & mask
            }
            if exists { continue }
            entries.append(Entry(start: Int32(bytes.count), count: Int32(key.utf8.count), hash: h))
            bytes.append(contentsOf: key.utf8)
            values.append(value)
            slots[s] = Int32(entries.count)
        }
        self.keyBytes = bytes
        self.entries = entries
        self.values = values
        self.slots = slots
        self.mask = mask
    }

    public init(_ dictionary: [WordKey: Value]) {
        self.init(dictionary.map { ($0.key.string, $0.value) })
    }

    public var count: Int { entries.count }

    /// The keys, in no particular order.
    public var keys: [String] {
        entries.map { e in String(decoding: keyBytes[Int(e.start)..<Int(e.start + e.count)], as: UTF8.self) }
    }

    /// The hash a lookup uses: computed once, it serves several tables (`value(bytes:hash:)`).
    /// Eight bytes at a time, the last step reading the tail with overlapping loads, then a mix.
    @inline(__always)
    public static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let n = p.count
        let m: UInt64 = 0xFF51_AFD7_ED55_8CCD
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        guard let base = p.baseAddress else { return UInt32(truncatingIfNeeded: h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* m
            h ^= h >> 32
            i += 8
        }
        if i < n { h = (h ^ tail(raw, i, n)) &* m }
        h ^= h >> 29
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 32
        return UInt32(truncatingIfNeeded: h)
    }

    /// Bytes `i..<n` (fewer than eight) as one number, read with at most two loads.
    @inline(__always)
    static func tail(_ raw: UnsafeRawPointer, _ i: Int, _ n: Int) -> UInt64 {
        let r = n - i
        if n >= 8 { return raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) >> UInt64(8 * (8 - r)) }
        if r >= 4 {
            return UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt32.self))
                | UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32
        }
        if r >= 2 {
            return UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt16.self))
                | UInt64(raw.loadUnaligned(fromByteOffset: n - 2, as: UInt16.self)) << 16
        }
        return UInt64(raw.load(fromByteOffset: i, as: UInt8.self))
    }

    /// Whether `count` bytes at `a` and `b` are the same.
    @inline(__always)
    static func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        var i = 0
        while i + 8 <= count {
            if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        return i == count || tail(x, i, count) == tail(y, i, count)
    }

    @inline(__always)
    private static func equal(_ key: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        guard let k = key.baseAddress, let b = bytes.baseAddress else { return key.isEmpty }
        return sameBytes(k, b + start, key.count)
    }

    /// The value stored under exactly these bytes.
    @inline(__always)
    public func value(bytes key: UnsafeBufferPointer<UInt8>) -> Value? {
        guard !entries.isEmpty else { return nil }
        return value(bytes: key, hash: Self.hash(key))
    }

    /// The value stored under these bytes, whose `hash(_:)` is `h`.
    @inline(__always)
    public func value(bytes key: UnsafeBufferPointer<UInt8>, hash h: UInt32) -> Value? {
        guard !entries.isEmpty else { return nil }
        var s = Int(h) & mask
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                keyBytes.withUnsafeBufferPointer { bytes in
                    while true {
                        let k = Int(slots[s])
                        if k == 0 { return nil }
                        let e = entries[k - 1]
                        if e.hash == h, Int(e.count) == key.count, Self.equal(key, bytes, Int(e.start)) { return values[k - 1] }
                        s = (s + 1) & mask
                    }
                }
            }
        }
    }

    @inline(__always)
    public subscript(_ word: String) -> Value? {
        guard !entries.isEmpty else { return nil }
        return word.withWordBytes { value(bytes: $0) }
    }
}

/// A set of normalised words with the lookups of `WordTable`.
public typealias WordSet = WordTable<Bool>

extension WordTable where Value == Bool {
    public init<S: Sequence>(_ words: S) where S.Element == String { self.init(words.map { ($0, true) }) }
    public init(_ words: Set<WordKey>) { self.init(words.map { ($0.string, true) }) }

    @inline(__always) public func contains(bytes: UnsafeBufferPointer<UInt8>) -> Bool { value(bytes: bytes) != nil }
    @inline(__always) public func contains(_ word: String) -> Bool { self[word] != nil }
}

extension String {
    /// Byte equality, for normalised words. `==` on `String` compares canonical equivalence, which for
    /// Arabic text that differs costs a normalisation pass; normalised words have nothing to compose.
    @inline(__always)
    public func sameWord(_ other: String) -> Bool {
        withWordBytes { a in
            other.withWordBytes { b in a.count == b.count && (a.isEmpty || WordSet.sameBytes(a.baseAddress!, b.baseAddress!, a.count)) }
        }
    }

    /// Runs `body` on the string's UTF-8 bytes (normalised words are native strings: no copy beyond
    /// the stack copy of a small string).
    @inline(__always)
    public func withWordBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let r = try utf8.withContiguousStorageIfAvailable(body) { return r }
        var s = self
        return try s.withUTF8(body)
    }
}
