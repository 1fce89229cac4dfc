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
        let n = contents.count
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        let signatures = contents.map(Self.signature)
        var buckets: [Int: [Int: [Int]]] = [:]  // band → key → members
        for i in 0..<n {
            guard let sig = signatures[i] else { continue }
            let rows = Self.hashes / Self.bands
            for b in 0..<Self.bands {
                var key: UInt64 = 1469598103934665603
                for r in 0..<rows { key = (key ^ sig[b * rows + r]) &* 1099511628211 }
                let k = Int(truncatingIfNeeded: key)
                for j in buckets[b]?[k] ?? [] where documents[j] != documents[i] && find(j) != find(i) {
                    if Self.similarity(signatures[j]!, sig) >= threshold {
                        let (a, c) = (find(i), find(j))
                        parent[max(a, c)] = min(a, c)
                    }
                }
                buckets[b, default: [:]][k, default: []].append(i)
            }
        }
        return (0..<n).map(find)
    }

    static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var same = 0
        for i in 0..<a.count where a[i] == b[i] { same += 1 }
        return Double(same) / Double(a.count)
    }

    /// MinHash signature of the content's word 3-shingles over letters and digits only, folded as
    /// for matching; nil for contents too short to compare.
    static func signature(_ content: String) -> [UInt64]? {
        var words: [UInt64] = []
        var h: UInt64 = 0
        var inWord = false
        for u in content.unicodeScalars {
            // Matching folds (ArabicNormalizer): diacritics and tatweel dropped, letter variants unified.
            guard let v = ArabicNormalizer.fold(u.value) else { continue }
            let isWord = u.properties.isAlphabetic || (0x30...0x39).contains(v) || (0x0660...0x0669).contains(v)
            if isWord {
                if !inWord { h = 14695981039346656037; inWord = true }
                h = (h ^ UInt64(v)) &* 1099511628211
            } else if inWord {
                words.append(h); inWord = false
            }
        }
        if inWord { words.append(h) }
        guard words.count >= 4 else { return nil }
        var sig = [UInt64](repeating: .max, count: hashes)
        for i in 0..<(words.count - 2) {
            let shingle = (words[i] &* 31 &+ words[i + 1]) &* 31 &+ words[i + 2]
            for k in 0..<hashes {
                var x = shingle &+ UInt64(k) &* 0x9E37_79B9_7F4A_7C15
                x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
                x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
                x ^= x >> 31
                if x < sig[k] { sig[k] = x }
            }
        }
        return sig
    }
}
