import Foundation

/// `qawl eval`: detection and attribution precision/recall/F1 against gold attributions, with the
/// same rules as `shared/tools/score.py` (which stays the reference; a test checks both agree).
///
/// A prediction matches a gold line when both name the same document (doc_id, or the same URL) and
/// the gold anchor occurs in the prediction's normalised content. Pairs are taken best first (right
/// speaker before wrong, required before optional); each line and prediction is used once.
/// Predictions matched to optional lines count for nothing; unmatched predictions are false positives.
public struct Scorer {
    public struct Gold {
        public var docID: String
        public var url: String?
        public var slugs: [String]
        public var names: [String]
        public var anchor: String
        public var optional: Bool
        public var date: String?
    }

    public struct Prediction {
        public var docID: String?
        public var url: String?
        public var actorID: String?
        public var actorName: String?
        public var speaker: String?
        public var content: String?
        public var published: String?
    }

    public struct PRF: Equatable { public var precision, recall, f1: Double }

    public struct Result {
        public var gold = 0, predicted = 0, detected = 0, attributed = 0
        public var detection = PRF(precision: 0, recall: 0, f1: 0)
        public var attribution = PRF(precision: 0, recall: 0, f1: 0)
        public var dateAccuracy: Double?
        public var missed: [Gold] = []
        public var wrongSpeaker: [(Gold, Prediction)] = []
        public var spurious: [Prediction] = []
    }

    /// Names that identify each slug (`shared/gold/actors.json`).
    public var actors: [String: [String]]

    public init(actors: [String: [String]]) { self.actors = actors }

    // MARK: normalisation, as score.py's `norm`

    public static func norm(_ text: String?) -> String {
        guard let text else { return "" }
        let nfkc = text.precomposedStringWithCompatibilityMapping
        // score.py's diacritic and letter folding is the matcher's (ArabicNormalizer.fold).
        var mapped = String.UnicodeScalarView()
        for u in nfkc.unicodeScalars {
            if let f = ArabicNormalizer.fold(u.value), let s = Unicode.Scalar(f) { mapped.append(s) }
        }
        let lower = String(mapped).lowercased()
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for u in lower.unicodeScalars {
            let p = u.properties
            let isWord: Bool
            switch p.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber: isWord = true
            default: isWord = u == "_" || p.numericType != nil
            }
            if isWord { current.append(u) } else if !current.isEmpty { words.append(String(current)); current = .init() }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words.joined(separator: " ")
    }

    static func urlKey(_ url: String?) -> String? {
        guard let url, !url.isEmpty else { return nil }
        var u = (url.removingPercentEncoding ?? url).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        for prefix in ["https://www.", "http://www.", "https://", "http://"] where u.hasPrefix(prefix) {
            u.removeFirst(prefix.count)
            break
        }
        while u.hasSuffix("/") { u.removeLast() }
        return u
    }

    func speakerOK(_ p: Prediction, _ g: Gold) -> Bool {
        let slugs = Set(g.slugs.map { Self.norm($0) })
        if slugs.contains(Self.norm(p.actorID)) { return true }
        let said = " " + Self.norm(p.actorName) + " | " + Self.norm(p.speaker) + " "
        var names = g.slugs.flatMap { actors[$0] ?? [] }
        for name in g.names {
            names.append(name)
            let words = name.split(separator: " ")
            if words.count > 1, let first = words.last?.unicodeScalars.first, first.properties.isUppercase {
                names.append(String(words.last!))
            }
        }
        return names.contains { n in
            let k = Self.norm(n)
            return !k.isEmpty && said.contains(" " + k + " ")
        }
    }

    public func score(gold: [Gold], predictions allPredictions: [Prediction]) -> Result {
        let docs = Set(gold.map(\.docID))
        let goldURLs = gold.map { Self.urlKey($0.url) }
        let urlSet = Set(goldURLs.compactMap { $0 })
        let preds = allPredictions.filter { p in
            (p.docID.map(docs.contains) ?? false) || (Self.urlKey(p.url).map(urlSet.contains) ?? false)
        }
        let anchors = gold.map { Self.norm($0.anchor) }
        var pairs: [(rank: Int, gi: Int, pi: Int, ok: Bool)] = []
        for (pi, p) in preds.enumerated() {
            let content = Self.norm(p.content)
            let pURL = Self.urlKey(p.url)
            for (gi, g) in gold.enumerated() {
                let same = (p.docID != nil && p.docID == g.docID) || (goldURLs[gi] != nil && pURL == goldURLs[gi])
                guard same, !anchors[gi].isEmpty, content.contains(anchors[gi]) else { continue }
                let ok = speakerOK(p, g)
                pairs.append(((ok ? 0 : 2) + (g.optional ? 1 : 0), gi, pi, ok))
            }
        }
        pairs.sort { ($0.rank, $0.gi, $0.pi) < ($1.rank, $1.gi, $1.pi) }
        var usedG = Set<Int>(), usedP = Set<Int>()
        var matched: [(gi: Int, pi: Int, ok: Bool)] = []
        for pair in pairs where !usedG.contains(pair.gi) && !usedP.contains(pair.pi) {
            usedG.insert(pair.gi); usedP.insert(pair.pi)
            if !gold[pair.gi].optional { matched.append((pair.gi, pair.pi, pair.ok)) }
        }
        var r = Result()
        r.gold = gold.filter { !$0.optional }.count
        let ignored = usedG.filter { gold[$0].optional }.count
        r.predicted = preds.count - ignored
        r.detected = matched.count
        r.attributed = matched.filter(\.ok).count
        func prf(_ tp: Int) -> PRF {
            let p = r.predicted > 0 ? Double(tp) / Double(r.predicted) : 0
            let rc = r.gold > 0 ? Double(tp) / Double(r.gold) : 0
            return PRF(precision: p, recall: rc, f1: p + rc > 0 ? 2 * p * rc / (p + rc) : 0)
        }
        r.detection = prf(r.detected)
        r.attribution = prf(r.attributed)
        let dated = matched.filter { gold[$0.gi].date != nil }
        if !dated.isEmpty {
            let ok = dated.filter { (preds[$0.pi].published ?? "").hasPrefix(gold[$0.gi].date!) }.count
            r.dateAccuracy = Double(ok) / Double(dated.count)
        }
        r.missed = gold.indices.filter { !usedG.contains($0) && !gold[$0].optional }.map { gold[$0] }
        r.wrongSpeaker = matched.filter { !$0.ok }.map { (gold[$0.gi], preds[$0.pi]) }
        r.spurious = preds.indices.filter { !usedP.contains($0) }.map { preds[$0] }
        return r
    }

    // MARK: loading

    public static func loadGold(_ path: String) throws -> [Gold] {
        try jsonLines(path).map { o in
            let speaker = o["speaker"]
            let slugs = (speaker as? [String]) ?? [(speaker as? String) ?? ""]
            return Gold(docID: o["doc_id"] as? String ?? "", url: o["url"] as? String, slugs: slugs,
                        names: o["names"] as? [String] ?? [], anchor: o["anchor"] as? String ?? "",
                        optional: o["optional"] as? Bool ?? false, date: o["date"] as? String)
        }
    }

    public static func loadPredictions(_ path: String) throws -> [Prediction] {
        try jsonLines(path).map { o in
            Prediction(docID: o["doc_id"] as? String, url: o["url"] as? String, actorID: o["actor_id"] as? String,
                       actorName: o["actor_name"] as? String, speaker: o["speaker"] as? String,
                       content: o["content"] as? String, published: o["published"] as? String)
        }
    }

    public static func loadActors(_ path: String) throws -> [String: [String]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return (try JSONSerialization.jsonObject(with: data) as? [String: [String]]) ?? [:]
    }

    static func jsonLines(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").compactMap { line in
            guard !line.allSatisfy(\.isWhitespace) else { return nil }
            return try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
    }
}
