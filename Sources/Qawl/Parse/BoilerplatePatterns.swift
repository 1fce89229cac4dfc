import Foundation

/// Class/id patterns that mark page furniture (`[unlikely]`), rescue a container (`[maybe]`) or
/// weigh a candidate (`[negative]`, `[positive]`), read from `data/boilerplate/class-patterns.txt`.
///
///     class="share-bar"            → unlikely (share*), negative      → dropped with its content
///     class="article-body"         → maybe (article), positive        → kept, +25
///     class="most-read-list"       → unlikely (most read)             → dropped
public struct BoilerplatePatterns: Sendable {
    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(path: String)
        case badLine(path: String, line: Int, text: String)
        public var description: String {
            switch self {
            case .unreadable(let path): return "\(path): cannot read boilerplate patterns"
            case .badLine(let path, let line, let text): return "\(path):\(line): bad pattern line «\(text)»"
            }
        }
    }

    struct Matcher: Sendable {
        var exact: Set<String> = []
        var prefixes: [[UInt8]] = []
        var substrings: [[UInt8]] = []
        var sequences: [[String]] = []

        func matches(tokens: [String], lowered: [UInt8]) -> Bool {
            for t in tokens {
                if exact.contains(t) { return true }
                if !prefixes.isEmpty {
                    var u = t
                    let hit = u.withUTF8 { tb in prefixes.contains { p in p.count <= tb.count && tb.starts(with: p) } }
                    if hit { return true }
                }
            }
            for s in substrings where Self.contains(lowered, s) { return true }
            if !sequences.isEmpty, tokens.count > 1 {
                for seq in sequences where seq.count <= tokens.count {
                    for i in 0...(tokens.count - seq.count) where tokens[i] == seq[0] {
                        if Array(tokens[i..<(i + seq.count)]) == seq { return true }
                    }
                }
            }
            return false
        }

        private static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
            guard let first = needle.first, needle.count <= hay.count else { return false }
            var i = 0
            let last = hay.count - needle.count
            while i <= last {
                if hay[i] == first {
                    var k = 1
                    while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    var unlikely = Matcher()
    var maybe = Matcher()
    var negative = Matcher()
    var positive = Matcher()

    /// What one class/id signature means to the scorer.
    struct Verdict: Sendable {
        var unlikely: Bool
        var weight: Int
    }

    public static let fileName = "boilerplate/class-patterns.txt"

    /// Loads `boilerplate/class-patterns.txt` from a data directory.
    public init(dataDirectory: URL) throws {
        let url = dataDirectory.appendingPathComponent(Self.fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw LoadError.unreadable(path: url.path)
        }
        try self.init(text: text, path: url.path)
    }

    /// Parses the pattern file format (see data/boilerplate/README.md).
    public init(text: String, path: String = "<patterns>") throws {
        var section: WritableKeyPath<BoilerplatePatterns, Matcher>?
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces).lowercased()
            if line.isEmpty { continue }
            switch line {
            case "[unlikely]": section = \.unlikely; continue
            case "[maybe]": section = \.maybe; continue
            case "[negative]": section = \.negative; continue
            case "[positive]": section = \.positive; continue
            default: break
            }
            guard let key = section else { throw LoadError.badLine(path: path, line: n + 1, text: line) }
            if line.hasPrefix("*") && line.hasSuffix("*") && line.count > 2 {
                self[keyPath: key].substrings.append(Array(line.dropFirst().dropLast().utf8))
            } else if line.hasSuffix("*") {
                self[keyPath: key].prefixes.append(Array(line.dropLast().utf8))
            } else if line.contains(" ") {
                self[keyPath: key].sequences.append(line.split(separator: " ").map(String.init))
            } else {
                self[keyPath: key].exact.insert(line)
            }
        }
        fast = ByteVerdict([unlikely, maybe, negative, positive])
    }

    /// Verdicts already computed, shared by every document and worker of the run: pages of one site
    /// repeat the same class names, and judging a signature (tokenising, prefix and substring
    /// scans over four pattern lists) cost more than the rest of the main-text scoring.
    private let cache = VerdictCache()

    /// `verdict(for:)` through the run-wide cache, on the signature's UTF-8 bytes; the verdict is a
    /// pure function of the signature, so caching never changes the result.
    func cachedVerdict(for signature: UnsafeBufferPointer<UInt8>) -> Verdict {
        let hash = WordTable<Int>.hash(signature)
        if let v = cache.get(signature, hash: hash) { return v }
        let v = verdict(bytes: signature)
        cache.put(signature, hash: hash, v)
        return v
    }

    /// Judges one signature (`class id role itemprop` as written).
    func verdict(for signature: String) -> Verdict {
        var signature = signature
        return signature.withUTF8 { verdict(bytes: $0) }
    }

    /// `verdict(for:)` on the signature's UTF-8 bytes.
    func verdict(bytes signature: UnsafeBufferPointer<UInt8>) -> Verdict {
        if let fast { return fast.verdict(signature) }
        return stringVerdict(for: String(decoding: signature, as: UTF8.self))
    }

    /// The byte-level judge, built when every pattern is ASCII (then byte equality of a token and
    /// a pattern is exactly `String` equality); nil otherwise, and `stringVerdict` judges.
    private var fast: ByteVerdict?

    /// The reference judge on `String` tokens (`verdict(for:)` falls back to it).
    func stringVerdict(for signature: String) -> Verdict {
        let tokens = Self.tokens(signature)
        let lowered = signature.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var weight = 0
        if negative.matches(tokens: tokens, lowered: lowered) { weight -= 25 }
        if positive.matches(tokens: tokens, lowered: lowered) { weight += 25 }
        let isUnlikely = unlikely.matches(tokens: tokens, lowered: lowered)
            && !maybe.matches(tokens: tokens, lowered: lowered)
        return Verdict(unlikely: isUnlikely, weight: weight)
    }

    /// Lowercase tokens split at non-letters and camelCase humps: `relatedArticles share-bar` →
    /// `related articles share bar`.
    static func tokens(_ s: String) -> [String] {
        var out: [String] = []
        var cur: [UInt8] = []
        var prevLower = false
        func emit() {
            if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)); cur.removeAll(keepingCapacity: true) }
        }
        for b in s.utf8 {
            let isUpper = b >= 0x41 && b <= 0x5A
            let isLower = b >= 0x61 && b <= 0x7A
            let isDigit = b >= 0x30 && b <= 0x39
            if isUpper {
                if prevLower { emit() }
                cur.append(b | 0x20)
                prevLower = false
            } else if isLower || isDigit || b >= 0x80 {
                cur.append(b)
                prevLower = isLower
            } else {
                emit()
                prevLower = false
            }
        }
        emit()
        return out
    }
}

/// A bounded, locked map from signature bytes to verdict (cleared when full, so memory stays
/// bounded on runs over millions of pages with generated class names). Keyed by the bytes the
/// parser collected, hashed once (`WordTable.hash`): a `[String: Verdict]` made a `String` per
/// element and hashed it with SipHash, which cost as much as judging the signature.
final class VerdictCache: @unchecked Sendable {
    private struct Entry {
        var start: Int32
        var count: Int32
        var hash: UInt32
        var verdict: BoilerplatePatterns.Verdict
    }

    private let lock = NSLock()
    /// Every key's bytes, one after the other.
    private var keyBytes: [UInt8] = []
    private var entries: [Entry] = []
    /// Open addressing, at most half full: entry index + 1, or 0 for an empty slot.
    private var slots = [Int32](repeating: 0, count: 1024)
    private let capacity: Int
    private let byteCapacity: Int

    init(capacity: Int = 50_000, byteCapacity: Int = 4 << 20) {
        self.capacity = capacity
        self.byteCapacity = byteCapacity
    }

    func get(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> BoilerplatePatterns.Verdict? {
        lock.lock(); defer { lock.unlock() }
        return find(key, hash: hash).map { entries[$0].verdict }
    }

    func put(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32, _ value: BoilerplatePatterns.Verdict) {
        lock.lock(); defer { lock.unlock() }
        if find(key, hash: hash) != nil { return }
        if entries.count >= capacity || keyBytes.count + key.count > byteCapacity {
            keyBytes.removeAll(keepingCapacity: true)
            entries.removeAll(keepingCapacity: true)
            for i in slots.indices { slots[i] = 0 }
        }
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append(Entry(start: Int32(keyBytes.count), count: Int32(key.count), hash: hash, verdict: value))
        keyBytes.append(contentsOf: key)
        insertSlot(hash, Int32(entries.count))
    }

    /// The entry stored under exactly these bytes.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
        let mask = slots.count - 1
        var s = Int(hash) & mask
        while slots[s] != 0 {
            let k = Int(slots[s]) - 1
            let e = entries[k]
            if e.hash == hash, Int(e.count) == key.count, key.isEmpty || keyBytes.withUnsafeBufferPointer({
                WordSet.sameBytes(key.baseAddress!, $0.baseAddress! + Int(e.start), key.count)
            }) { return k }
            s = (s + 1) & mask
        }
        return nil
    }

    private func insertSlot(_ hash: UInt32, _ value: Int32) {
        let mask = slots.count - 1
        var s = Int(hash) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = value
    }

    private func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for (k, e) in entries.enumerated() { insertSlot(e.hash, Int32(k + 1)) }
    }
}

/// `BoilerplatePatterns.verdict(for:)` on UTF-8 bytes: the signature is tokenised once into a flat
/// buffer (no `String` per token), and the four matchers are tried together, each pattern setting
/// the bits of the matchers that list it (bit 0 unlikely, 1 maybe, 2 negative, 3 positive).
/// Same answers as the `String` matchers: a matcher matches when any token equals an exact pattern
/// or starts with a prefix, the lowered signature contains a substring, or the tokens contain a
/// sequence. Prefixes and substrings are indexed by their first byte, so a long utility-class
/// signature is scanned once rather than once per pattern.
struct ByteVerdict: Sendable {
    /// Exact patterns of at most 16 bytes, zero-padded into two words (tokens never hold a 0 byte).
    private struct Key: Hashable { var a: UInt64; var b: UInt64 }
    /// Open-addressing table of the exact patterns (all-zero key: empty slot; no token is empty).
    private var exactKeys: [Key] = []
    private var exactBits: [UInt8] = []
    private var exactMask = 0
    /// Patterns by first byte: `table[b]` is the range of `entries` whose pattern starts with b;
    /// an entry is (offset in `bytes`, length, bit).
    private struct Indexed: Sendable {
        var bytes: [UInt8] = []
        var entries: [(Int, Int, UInt8)] = []
        var table = [Range<Int>](repeating: 0..<0, count: 256)
        var empty: UInt8 = 0   // bits of empty patterns (an empty prefix matches every token)
        /// The first two bytes of every pattern of two bytes or more (a bit per pair), and the
        /// bytes that are a whole pattern: a place where neither matches starts no pattern, which
        /// is most places of a signature, tested without walking `table`'s range.
        var pairs = [UInt64](repeating: 0, count: 1024)
        var singles = [Bool](repeating: false, count: 256)

        init(_ patterns: [([UInt8], UInt8)]) {
            for (p, bit) in patterns where p.isEmpty { empty |= bit }
            let sorted = patterns.filter { !$0.0.isEmpty }.sorted { $0.0[0] < $1.0[0] }
            for (p, bit) in sorted {
                entries.append((bytes.count, p.count, bit))
                bytes.append(contentsOf: p)
                if p.count == 1 { singles[Int(p[0])] = true } else {
                    let pair = Int(p[0]) << 8 | Int(p[1])
                    pairs[pair >> 6] |= 1 << UInt64(pair & 63)
                }
            }
            var k = 0
            while k < sorted.count {
                let b = sorted[k].0[0]
                var e = k
                while e < sorted.count && sorted[e].0[0] == b { e += 1 }
                table[Int(b)] = k..<e
                k = e
            }
        }

        /// Bits of the patterns found at `hay[i...]` (prefix use: i = 0 and the token as hay).
        @inline(__always)
        func hits(_ hay: UnsafeBufferPointer<UInt8>, at i: Int, skip: UInt8) -> UInt8 {
            let first = Int(hay[i])
            if !singles[first] {
                guard i + 1 < hay.count else { return 0 }
                let pair = first << 8 | Int(hay[i + 1])
                if (pairs[pair >> 6] >> UInt64(pair & 63)) & 1 == 0 { return 0 }
            }
            let r = table[first]
            if r.isEmpty { return 0 }
            var hit: UInt8 = 0
            for k in r {
                let (off, len, bit) = entries[k]
                if skip & bit != 0 || i + len > hay.count { continue }
                var j = 1
                while j < len && hay[i + j] == bytes[off + j] { j += 1 }
                if j == len { hit |= bit }
            }
            return hit
        }
    }
    private var prefixes = Indexed([])
    private var substrings = Indexed([])
    private var sequences: [([[UInt8]], UInt8)] = []

    init?(_ matchers: [BoilerplatePatterns.Matcher]) {
        var pre: [([UInt8], UInt8)] = [], sub: [([UInt8], UInt8)] = []
        var exact: [Key: UInt8] = [:]
        for (m, matcher) in matchers.enumerated() {
            let bit = UInt8(1) << UInt8(m)
            for e in matcher.exact {
                let bytes = Array(e.utf8)
                guard bytes.count <= 16, bytes.allSatisfy({ $0 != 0 && $0 < 0x80 }) else { return nil }
                exact[Self.key(bytes[...]), default: 0] |= bit
            }
            for p in matcher.prefixes {
                guard p.allSatisfy({ $0 < 0x80 }) else { return nil }
                pre.append((p, bit))
            }
            for p in matcher.substrings {
                guard p.allSatisfy({ $0 < 0x80 }) else { return nil }
                sub.append((p, bit))
            }
            for q in matcher.sequences {
                let tokens = q.map { Array($0.utf8) }
                guard tokens.allSatisfy({ $0.allSatisfy { $0 < 0x80 } }) else { return nil }
                sequences.append((tokens, bit))
            }
        }
        prefixes = Indexed(pre)
        substrings = Indexed(sub)
        var size = 16
        while size < exact.count * 4 { size *= 2 }
        exactMask = size - 1
        exactKeys = [Key](repeating: Key(a: 0, b: 0), count: size)
        exactBits = [UInt8](repeating: 0, count: size)
        for (k, bits) in exact {
            var i = Self.slot(k, exactMask)
            while exactKeys[i] != Key(a: 0, b: 0) { i = (i + 1) & exactMask }
            exactKeys[i] = k
            exactBits[i] = bits
        }
    }

    @inline(__always)
    private static func slot(_ k: Key, _ mask: Int) -> Int {
        let h = (k.a &* 0x9E37_79B9_7F4A_7C15) ^ (k.b &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: h >> 32) & mask
    }

    /// Bits of the matchers listing `k` as an exact pattern.
    @inline(__always)
    private func exactHits(_ k: Key) -> UInt8 {
        var i = Self.slot(k, exactMask)
        while true {
            let e = exactKeys[i]
            if e == k { return exactBits[i] }
            if e.a == 0 && e.b == 0 { return 0 }
            i = (i + 1) & exactMask
        }
    }

    private static func key(_ t: ArraySlice<UInt8>) -> Key {
        var a: UInt64 = 0, b: UInt64 = 0
        var shift: UInt64 = 0
        for (k, c) in t.enumerated() {
            if k < 8 { a |= UInt64(c) << shift } else { b |= UInt64(c) << (shift - 64) }
            shift += 8
        }
        return Key(a: a, b: b)
    }

    func verdict(_ sig: UnsafeBufferPointer<UInt8>) -> BoilerplatePatterns.Verdict {
        // Tokens as in `BoilerplatePatterns.tokens`, laid end to end in `tb`, token k at
        // `starts[k] ..< starts[k + 1]`; `lb` is the signature with ASCII lowercased. Scratch
        // space on the stack (a signature is short; a long one goes to the heap).
        let n = sig.count
        var hit: UInt8 = 0
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * n + 2) { scratch in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: n + 2) { starts in
            let tb = UnsafeMutableBufferPointer(rebasing: scratch[0..<n])
            let lb = UnsafeMutableBufferPointer(rebasing: scratch[n..<(2 * n)])
            starts[0] = 0
            var tokenCount = 0
            var count = 0
            var tokenStart = 0
            var prevLower = false
            func close() {
                if count > tokenStart {
                    let t = UnsafeBufferPointer(rebasing: tb[tokenStart..<count])
                    if t.count <= 16 { hit |= exactHits(Self.key(t)) }
                    hit |= prefixes.empty | prefixes.hits(t, at: 0, skip: hit)
                    tokenCount += 1
                    starts[tokenCount] = count
                    tokenStart = count
                }
            }
            for i in 0..<n {
                let b = sig[i]
                let isUpper = b >= 0x41 && b <= 0x5A
                lb[i] = isUpper ? b | 0x20 : b
                if isUpper {
                    if prevLower { close() }
                    tb[count] = b | 0x20; count += 1
                    prevLower = false
                } else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80 {
                    tb[count] = b; count += 1
                    prevLower = b >= 0x61 && b <= 0x7A
                } else {
                    close()
                    prevLower = false
                }
            }
            close()
            let hay = UnsafeBufferPointer(lb)
            var i = 0
            while i < n && hit & 0x0F != 0x0F {
                hit |= substrings.hits(hay, at: i, skip: hit)
                i += 1
            }
            if tokenCount > 1 {
                for (seq, bit) in sequences where hit & bit == 0 && seq.count <= tokenCount {
                    for i in 0...(tokenCount - seq.count) {
                        var all = true
                        for j in 0..<seq.count {
                            // length and first byte first (tokens and words are never empty): most
                            // tokens differ there, before the bytes are compared
                            let a = starts[i + j], e = starts[i + j + 1], w = seq[j]
                            if e - a != w.count || tb[a] != w[0] || !tb[a..<e].elementsEqual(w) {
                                all = false
                                break
                            }
                        }
                        if all { hit |= bit; break }
                    }
                }
            }
        }
        }
        var weight = 0
        if hit & 4 != 0 { weight -= 25 }
        if hit & 8 != 0 { weight += 25 }
        return BoilerplatePatterns.Verdict(unlikely: hit & 1 != 0 && hit & 2 == 0, weight: weight)
    }

    private static func key(_ t: UnsafeBufferPointer<UInt8>) -> Key {
        var a: UInt64 = 0, b: UInt64 = 0
        for k in 0..<t.count {
            if k < 8 { a |= UInt64(t[k]) << UInt64(k * 8) } else { b |= UInt64(t[k]) << UInt64((k - 8) * 8) }
        }
        return Key(a: a, b: b)
    }
}
