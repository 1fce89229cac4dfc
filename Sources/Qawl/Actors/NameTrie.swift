/// The actor matcher's trie (`ActorMatcher`) as one flat table: an edge is (parent node, word
/// bytes) → child node, and the edges of every node live in one open-addressing table, so a step of
/// a match is one hash of the word's bytes and one probe; each node keeps the names that end there.
///
///     insert [وزير, الخارجيه, الروسي] → role 7:  0 —وزير→ 1 —الخارجيه→ 2 —الروسي→ 3 (targets [role 7])
///     insert [وزير, الدفاع] → role 9:              1 —الدفاع→ 4 (targets [role 9])
///
/// It replaced a `[WordKey: Int32]` dictionary per node while building and a `WordTable` per inner
/// node once built: hashing every word of the registry's ~19,000 names as a `String` and building
/// ~10,000 small tables was about a quarter of a run's start-up. A class, built once by `Builder`:
/// `match` captures it in a closure, and a struct of six arrays was copied (retained) per step.
final class NameTrie: Sendable {
    fileprivate struct Edge: Sendable, Equatable {
        var parent: Int32
        /// The word: `keyBytes[start ..< start + count]`.
        var start: Int32
        var count: Int32
        /// `WordTable.hash` of the word.
        var hash: UInt32
        var child: Int32
    }

    /// Adds names one by one; `build()` makes the trie.
    struct Builder {
        fileprivate var keyBytes: [UInt8] = []
        fileprivate var edges: [Edge] = []
        fileprivate var slots = [Int32](repeating: 0, count: 64)
        fileprivate var inner: [Bool] = [false]
        /// Per node: the first name that ends there; the others, in insertion order and without
        /// repeats, in `moreTargets`. Nearly every node ends one name or none; an array per node
        /// cost an allocation per node that ends a name (17,500 for the registry).
        private var firstTarget: [ActorMatcher.Target?] = [nil]
        private var moreTargets: [Int: [ActorMatcher.Target]] = [:]

        /// Adds a name (its normalised words) ending in `target`; nothing for no words.
        mutating func insert(_ words: [String], _ target: ActorMatcher.Target) {
            guard !words.isEmpty else { return }
            var n = NameTrie.root
            for w in words { n = w.withWordBytes { childOrNew(of: n, bytes: $0) } }
            guard let first = firstTarget[n] else { firstTarget[n] = target; return }
            if first != target { moreTargets[n, default: []].appendOnce(target) }
        }

        /// The trie, the nodes' targets laid end to end.
        func build() -> NameTrie {
            var start: [Int32] = [0]
            start.reserveCapacity(firstTarget.count + 1)
            var list: [ActorMatcher.Target] = []
            for (n, first) in firstTarget.enumerated() {
                if let first {
                    list.append(first)
                    if let more = moreTargets[n] { list += more }
                }
                start.append(Int32(list.count))
            }
            return NameTrie(keyBytes: keyBytes, edges: edges, slots: slots, inner: inner, targetStart: start, targetList: list)
        }

        private mutating func childOrNew(of parent: Int, bytes key: UnsafeBufferPointer<UInt8>) -> Int {
            let h = WordTable<Int32>.hash(key)
            if inner[parent], let c = NameTrie.find(parent, key, h, slots, edges, keyBytes) { return c }
            let child = inner.count
            firstTarget.append(nil)
            inner.append(false)
            inner[parent] = true
            edges.append(Edge(parent: Int32(parent), start: Int32(keyBytes.count), count: Int32(key.count),
                              hash: h, child: Int32(child)))
            keyBytes.append(contentsOf: key)
            if edges.count * 4 > slots.count {
                slots = [Int32](repeating: 0, count: slots.count * 2)
                for k in edges.indices { place(k) }
            } else {
                place(edges.count - 1)
            }
            return child
        }

        private mutating func place(_ k: Int) {
            let mask = slots.count - 1
            var s = NameTrie.slot(Int(edges[k].parent), edges[k].hash, mask)
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = Int32(k + 1)
        }
    }

    /// Every edge's word bytes, one after the other.
    private let keyBytes: [UInt8]
    private let edges: [Edge]
    /// Open addressing, at most a quarter full (most lookups miss): edge index + 1, or 0 for empty.
    private let slots: [Int32]
    /// Per node: whether any edge leaves it (most nodes end a name and have none: no hashing there).
    private let inner: [Bool]
    /// Per node n, the names that end there: `targetList[targetStart[n] ..< targetStart[n + 1]]`,
    /// in insertion order.
    private let targetStart: [Int32]
    private let targetList: [ActorMatcher.Target]

    private init(keyBytes: [UInt8], edges: [Edge], slots: [Int32], inner: [Bool], targetStart: [Int32],
                 targetList: [ActorMatcher.Target]) {
        self.keyBytes = keyBytes
        self.edges = edges
        self.slots = slots
        self.inner = inner
        self.targetStart = targetStart
        self.targetList = targetList
    }

    /// The root node.
    static let root = 0

    // MARK: - Snapshot

    /// Writes the trie for the registry snapshot (`RegistrySnapshot`): reading it back costs a
    /// fifth of inserting the registry's ~19,000 names again. Only what cannot be derived is
    /// written: the words' bytes, each edge's parent and word length (edge k leads to node k + 1,
    /// its word follows the previous edge's), and each node's targets; hashes, slots and `inner`
    /// are computed on reading, as building made them.
    func write(to w: inout RegistrySnapshot.Writer) {
        w.raw(keyBytes)
        w.int(edges.count)
        for e in edges { w.int(Int(e.parent)); w.int(Int(e.count)) }
        w.int(inner.count)
        for n in 0..<inner.count { w.int(targetCount(n)) }
        for t in targetList { w.int(ActorMatcher.number(of: t)) }
    }

    /// What `write` wrote, for a registry of `actors` actors and `roles` roles; every node, word
    /// and target is checked against the sizes read (a trie that does not fit is an error, never
    /// read out of bounds).
    static func read(from r: inout RegistrySnapshot.Reader, actors: Int, roles: Int) throws -> NameTrie {
        typealias Failure = RegistrySnapshot.DecodeFailure
        let keyBytes = try r.raw()
        let edgeCount = try r.count()
        var edges: [Edge] = []
        edges.reserveCapacity(edgeCount)
        var inner = [Bool](repeating: false, count: edgeCount + 1)
        var start = 0
        try keyBytes.withUnsafeBufferPointer { bytes in
            for k in 0..<edgeCount {
                let parent = try r.int(), count = try r.int()
                guard parent <= k, count <= bytes.count - start else { throw Failure.corrupt("trie edge \(k) does not fit") }
                let h = WordTable<Int32>.hash(UnsafeBufferPointer(rebasing: bytes[start..<(start + count)]))
                edges.append(Edge(parent: Int32(parent), start: Int32(start), count: Int32(count), hash: h, child: Int32(k + 1)))
                inner[parent] = true
                start += count
            }
        }
        guard start == keyBytes.count, try r.int() == edgeCount + 1 else { throw Failure.corrupt("trie nodes do not fit its edges") }
        var targetStart: [Int32] = [0]
        targetStart.reserveCapacity(edgeCount + 2)
        var total = 0
        for _ in 0...edgeCount {
            total += try r.count()
            // every target takes a byte: more than are left is damage (and no `Int32` overflow)
            guard total <= r.remaining else { throw Failure.corrupt("trie targets beyond the end") }
            targetStart.append(Int32(total))
        }
        var targetList: [ActorMatcher.Target] = []
        targetList.reserveCapacity(total)
        for _ in 0..<total {
            guard let t = ActorMatcher.target(number: try r.int(), actors: actors, roles: roles) else {
                throw Failure.corrupt("trie target beyond the registry")
            }
            targetList.append(t)
        }
        // the table as `Builder` left it: at most a quarter full, every edge placed in order
        var size = 64
        while edges.count * 4 > size { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        for k in edges.indices {
            var s = slot(Int(edges[k].parent), edges[k].hash, size - 1)
            while slots[s] != 0 { s = (s + 1) & (size - 1) }
            slots[s] = Int32(k + 1)
        }
        return NameTrie(keyBytes: keyBytes, edges: edges, slots: slots, inner: inner, targetStart: targetStart, targetList: targetList)
    }

    /// The same tables (for tests: a trie read from a snapshot is the one built).
    func sameTables(as other: NameTrie) -> Bool {
        keyBytes == other.keyBytes && edges == other.edges && slots == other.slots && inner == other.inner
            && targetStart == other.targetStart && targetList == other.targetList
    }

    var nodeCount: Int { inner.count }

    /// How many names end at node `n`.
    @inline(__always)
    func targetCount(_ n: Int) -> Int { Int(targetStart[n + 1] - targetStart[n]) }

    /// The first name inserted that ends at node `n`; only when `targetCount(n) > 0`.
    @inline(__always)
    func firstTarget(_ n: Int) -> ActorMatcher.Target { targetList[Int(targetStart[n])] }

    /// The node reached from `parent` by the word with these bytes, if any.
    @inline(__always)
    func child(of parent: Int, bytes key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard inner[parent] else { return nil }
        return Self.find(parent, key, WordTable<Int32>.hash(key), slots, edges, keyBytes)
    }

    /// `child(of:bytes:)` for a word given as a `String`.
    @inline(__always)
    func child(of parent: Int, word: String) -> Int? {
        guard inner[parent] else { return nil }
        return word.withWordBytes { Self.find(parent, $0, WordTable<Int32>.hash($0), slots, edges, keyBytes) }
    }

    @inline(__always)
    fileprivate static func slot(_ parent: Int, _ h: UInt32, _ mask: Int) -> Int {
        let x = (UInt64(h) | UInt64(truncatingIfNeeded: parent) << 32) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: x >> 32) & mask
    }

    /// The child along the edge (`parent`, `key`), if any.
    @inline(__always)
    fileprivate static func find(_ parent: Int, _ key: UnsafeBufferPointer<UInt8>, _ h: UInt32,
                                 _ slots: [Int32], _ edges: [Edge], _ keyBytes: [UInt8]) -> Int? {
        let mask = slots.count - 1
        var s = slot(parent, h, mask)
        let p = Int32(truncatingIfNeeded: parent)
        while true {
            let k = Int(slots[s])
            if k == 0 { return nil }
            let e = edges[k - 1]
            if e.hash == h, e.parent == p, Int(e.count) == key.count,
               key.isEmpty || keyBytes.withUnsafeBufferPointer({ WordSet.sameBytes(key.baseAddress!, $0.baseAddress! + Int(e.start), key.count) }) {
                return Int(e.child)
            }
            s = (s + 1) & mask
        }
    }
}
