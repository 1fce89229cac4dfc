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
    }

    /// Verdicts already computed, shared by every document and worker of the run: pages of one site
    /// repeat the same class names, and judging a signature (tokenising, prefix and substring
    /// scans over four pattern lists) cost more than the rest of the main-text scoring.
    private let cache = VerdictCache()

    /// `verdict(for:)` through the run-wide cache; the verdict is a pure function of the signature,
    /// so caching never changes the result.
    func cachedVerdict(for signature: String) -> Verdict {
        if let v = cache.get(signature) { return v }
        let v = verdict(for: signature)
        cache.put(signature, v)
        return v
    }

    /// Judges one signature (`class id role itemprop` as written).
    func verdict(for signature: String) -> Verdict {
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

/// A bounded, locked map from signature to verdict (cleared when full, so memory stays bounded on
/// runs over millions of pages with generated class names).
final class VerdictCache: @unchecked Sendable {
    private let lock = NSLock()
    private var map: [String: BoilerplatePatterns.Verdict] = [:]
    private let capacity = 50_000

    func get(_ key: String) -> BoilerplatePatterns.Verdict? {
        lock.lock(); defer { lock.unlock() }
        return map[key]
    }

    func put(_ key: String, _ value: BoilerplatePatterns.Verdict) {
        lock.lock(); defer { lock.unlock() }
        if map.count >= capacity { map.removeAll(keepingCapacity: true) }
        map[key] = value
    }
}
