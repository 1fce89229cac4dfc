/// Finds syndicated copies of one actor's statements: the same words carried by several outlets
/// (wire copy, re-posts: ANT has the same story at BBC, CNN, Sky News and France 24). Copies are
/// near-duplicates, not exact ones (an outlet trims a clause, changes a spelling), so contents are
/// compared as sets of word 3-shingles through MinHash signatures, with banding so that only
/// likely pairs are compared. A cluster becomes one timeline entry with all its sources and the
/// earliest date.
public struct SyndicationClusterer {
    /// Minimum estimated Jaccard similarity of shingle sets to call two statements copies.
    public var threshold: Double
    static let hashes = 24
    static let bands = 8  // 3 rows per band: pairs with Jaccard ≥ ~0.5 collide with high probability

    public init(threshold: Double = 0.6) { self.threshold = threshold }

    /// Cluster ids (index of the cluster's first member) for `contents`, in the given order. Only
    /// statements of different documents merge; short contents (under 4 words) never do.
    public func clusters(contents: [String], documents: [String]) -> [Int] {
        clusters(signatures: contents.map(Self.signature), documents: documents)
    }

    /// The same from signatures computed beforehand (the store keeps one per statement, computed on
    /// the worker threads). A cluster is a connected component of the graph whose edges join
    /// statements of different documents that share a band and reach `threshold`; its id is its
    /// smallest index. Most actors have a handful of statements: those are compared pairwise
    /// (band keys first), larger ones go through band buckets.
    public func clusters(signatures: [[UInt64]?], documents: [String]) -> [Int] {
        let n = signatures.count
        if n < 2 { return Array(0..<n) }
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        func union(_ i: Int, _ j: Int) {
            let (a, c) = (find(i), find(j))
            if a != c { parent[max(a, c)] = min(a, c) }
        }
        let bands = Self.bands
        var keys = [UInt64](repeating: 0, count: n * bands)
        for i in 0..<n { if let sig = signatures[i] { Self.bandKeys(sig, into: &keys, at: i * bands) } }
        func linked(_ i: Int, _ j: Int, _ sj: [UInt64], _ si: [UInt64]) -> Bool {
            documents[j] != documents[i] && find(j) != find(i) && Self.similarity(sj, si) >= threshold
        }
        if n <= 64 {
            for i in 1..<n {
                guard let si = signatures[i] else { continue }
                for j in 0..<i {
                    guard let sj = signatures[j] else { continue }
                    var shared = false
                    for b in 0..<bands where keys[i * bands + b] == keys[j * bands + b] { shared = true; break }
                    if shared && linked(i, j, sj, si) { union(i, j) }
                }
            }
        } else {
            // Band by band, the statements sorted by their key in that band: a run of equal keys is
            // a bucket, in which each statement is compared with those before it. The pairs are
            // those a hash table of buckets would give, and the components do not depend on the
            // order the pairs are joined in; sorting spares a table of arrays per large actor.
            var order: [Int] = []
            order.reserveCapacity(n)
            for b in 0..<bands {
                order.removeAll(keepingCapacity: true)
                for i in 0..<n where signatures[i] != nil { order.append(i) }
                order.sort { (keys[$0 * bands + b], $0) < (keys[$1 * bands + b], $1) }
                var start = 0
                while start < order.count {
                    let key = keys[order[start] * bands + b]
                    var end = start + 1
                    while end < order.count && keys[order[end] * bands + b] == key { end += 1 }
                    for x in (start + 1)..<max(end, start + 1) {
                        let i = order[x], si = signatures[i]!
                        for y in start..<x where linked(i, order[y], signatures[order[y]]!, si) { union(i, order[y]) }
                    }
                    start = end
                }
            }
        }
        return (0..<n).map(find)
    }

    /// One key per band: FNV-1a over the band's rows of the signature.
    static func bandKeys(_ sig: [UInt64], into keys: inout [UInt64], at offset: Int) {
        let rows = hashes / bands
        for b in 0..<bands {
            var key: UInt64 = 1469598103934665603
            for r in 0..<rows { key = (key ^ sig[b * rows + r]) &* 1099511628211 }
            keys[offset + b] = key
        }
    }

    static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var same = 0
        for i in 0..<a.count where a[i] == b[i] { same += 1 }
        return Double(same) / Double(a.count)
    }

    /// MinHash signature of the content's word 3-shingles over letters and digits only, folded as
    /// for matching; nil for contents too short to compare.
    /// Whether a scalar (its value, decoded from a string's UTF-8) belongs to a word for shingling: a
    /// letter or a digit (Western or Arabic-Indic). ASCII and the basic Arabic letters are decided
    /// without a Unicode property lookup; the scalar itself is made only for that lookup.
    @inline(__always)
    static func isWordScalar(value c: UInt32, folded v: UInt32) -> Bool {
        if c < 0x80 { return (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10 }
        if c &- 0x0620 <= 0x064A - 0x0620 { return true }
        return Unicode.Scalar(c)?.properties.isAlphabetic == true || (0x30...0x39).contains(v) || (0x0660...0x0669).contains(v)
    }

    static func signature(_ content: String) -> [UInt64]? {
        minhash(wordHashes(content))
    }

    /// The content's words (`isWordScalar`, folded as matching folds them) as FNV-1a hashes, in order.
    static func wordHashes(_ content: String) -> [UInt64] {
        var content = content
        var words: [UInt64] = []
        words.reserveCapacity(content.utf8.count / 4)
        var h: UInt64 = 0
        var inWord = false
        // The scalars are decoded from the UTF-8 bytes in place (a string's UTF-8 is valid): the
        // loop over `unicodeScalars` made the signature 23 % dearer (callgrind, ANT 1×).
        content.withUTF8 { utf8 in
            var i = 0
            let n = utf8.count
            while i < n {
                let b0 = UInt32(utf8[i])
                let c: UInt32
                if b0 < 0x80 {
                    c = b0; i += 1
                } else if b0 < 0xE0 {
                    c = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); i += 2
                } else if b0 < 0xF0 {
                    c = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); i += 3
                } else {
                    c = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                        | UInt32(utf8[i + 3] & 0x3F)
                    i += 4
                }
                // Matching folds (ArabicNormalizer): diacritics and tatweel dropped, letter variants unified.
                guard let v = ArabicNormalizer.fold(c) else { continue }
                if Self.isWordScalar(value: c, folded: v) {
                    if !inWord { h = 14695981039346656037; inWord = true }
                    h = (h ^ UInt64(v)) &* 1099511628211
                } else if inWord {
                    words.append(h); inWord = false
                }
            }
        }
        if inWord { words.append(h) }
        return words
    }

    /// The MinHash signature of the word trigrams (nil under four words).
    static func minhash(_ words: [UInt64]) -> [UInt64]? {
        guard words.count >= 4 else { return nil }
        // Most of a statement's preparation for the store is this loop (24 hashes per shingle):
        // it runs over raw buffers, without a bounds check per hash.
        var sig = [UInt64](repeating: .max, count: hashes)
        sig.withUnsafeMutableBufferPointer { sig in
            words.withUnsafeBufferPointer { words in
                for i in 0..<(words.count - 2) {
                    let shingle = (words[i] &* 31 &+ words[i + 1]) &* 31 &+ words[i + 2]
                    for k in 0..<hashes {
                        var x = shingle &+ UInt64(truncatingIfNeeded: k) &* 0x9E37_79B9_7F4A_7C15
                        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
                        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
                        x ^= x >> 31
                        sig[k] = min(sig[k], x)
                    }
                }
            }
        }
        return sig
    }
}

extension SyndicationClusterer {
    /// A signature as the store keeps it: its hashes as little-endian bytes (empty: too short).
    public static func encode(_ signature: [UInt64]?) -> [UInt8] {
        guard let signature else { return [] }
        return [UInt8](unsafeUninitializedCapacity: signature.count * 8) { out, count in
            let raw = UnsafeMutableRawBufferPointer(out)
            for (i, h) in signature.enumerated() { raw.storeBytes(of: h.littleEndian, toByteOffset: i * 8, as: UInt64.self) }
            count = signature.count * 8
        }
    }

    /// The inverse of `encode`; nil for an empty (or malformed) blob.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> [UInt64]? {
        guard bytes.count == hashes * 8 else { return nil }
        return (0..<hashes).map { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
    }
}
