/// The aggregate figures of the store after a run: what `report.json`, `report.html` and
/// `report.md` show. Everything but `run` (timings) is a function of the stored inputs.
public struct RunReport {
    public struct Count: Sendable { public var key: String; public var label: String; public var count: Int }

    /// One actor's timeline summary (also the `actors.json` entry).
    public struct ActorSummary {
        public var id: String { didSet { linked = Self.isLinked(id) } }
        public var name: String
        public var names: [String]
        public var file: String
        public var statements: Int
        /// Timeline entries after merging syndicated copies.
        public var entries: Int
        public var first: String?
        public var last: String?
        /// A registry actor (not `unlinked:…`); kept, since the reports ask tens of thousands of
        /// times.
        public private(set) var linked: Bool
        /// Kept for report.html (the `detailedActors` linked actors with most statements, empty
        /// for the others): statements per day and the latest entries.
        public var perDay: [String: Int] = [:]
        public var latest: [Entry] = []

        public init(id: String, name: String, names: [String], file: String, statements: Int, entries: Int,
                    first: String?, last: String?) {
            self.id = id
            self.name = name
            self.names = names
            self.file = file
            self.statements = statements
            self.entries = entries
            self.first = first
            self.last = last
            linked = Self.isLinked(id)
        }

        static func isLinked(_ id: String) -> Bool { !id.isUnlinkedActorID }
    }

    /// A timeline entry as report.html lists it.
    public struct Entry {
        public var docID: String
        public var published, source, url, title: String?
        public var content: String

        init(_ row: StatementStore.Row) {
            docID = row.docID
            published = row.published
            source = row.source
            let values = JSONRecord.valueRanges(in: row.json, keys: Self.keys).map { $0.flatMap { JSONRecord.string(row.json[$0]) } }
            url = values[0]
            title = values[1]
            content = values[2] ?? ""
        }

        private static let keys = ["url", "title", "content"].map { Array($0.utf8) }
    }

    /// Statement figures over the unique statements, counted while the timelines are written (one
    /// pass over the store instead of one query per figure). Keys are counted as stored bytes, as
    /// SQL's GROUP BY did, and become strings at the end.
    public struct StatementFigures {
        public var total = 0
        var lang: [ByteKey: Int] = [:]
        var kind: [ByteKey: Int] = [:]
        var resolution: [ByteKey: Int] = [:]
        var cue: [ByteKey: Int] = [:]
        var unresolvedCue: [ByteKey: Int] = [:]
        var source: [ByteKey: Int] = [:]
        var day: [ByteKey: Int] = [:]

        public init() {}

        static let unresolved = Array(Statement.Resolution.unresolved.rawValue.utf8)
        static let unknown = Array("(unknown)".utf8)

        /// Adds another part's counts (the timeline writers count their own actors).
        mutating func add(_ other: StatementFigures) {
            total += other.total
            for (mine, theirs) in [(\Self.lang, other.lang), (\.kind, other.kind), (\.resolution, other.resolution),
                                   (\.cue, other.cue), (\.unresolvedCue, other.unresolvedCue),
                                   (\.source, other.source), (\.day, other.day)] as [(WritableKeyPath<Self, [ByteKey: Int]>, [ByteKey: Int])] {
                self[keyPath: mine].merge(theirs, uniquingKeysWith: +)
            }
        }

        mutating func count(_ row: StatementStore.Row) {
            total += 1
            lang[ByteKey(row.lang), default: 0] += 1
            kind[ByteKey(row.kind), default: 0] += 1
            resolution[ByteKey(row.resolution), default: 0] += 1
            cue[ByteKey(row.cueLemma), default: 0] += 1
            if row.resolution == Self.unresolved { unresolvedCue[ByteKey(row.cueLemma), default: 0] += 1 }
            source[ByteKey(row.sourceBytes ?? Self.unknown), default: 0] += 1
            if let p = row.publishedBytes { day[ByteKey(Self.prefix(p, characters: 10)), default: 0] += 1 }
        }

        /// The first `n` characters of UTF-8 text (SQL's `substr(x, 1, n)`).
        static func prefix(_ utf8: [UInt8], characters n: Int) -> [UInt8] {
            let end = prefixEnd(utf8, characters: n)
            return end == utf8.count ? utf8 : Array(utf8[..<end])
        }

        /// Where the first `n` characters of UTF-8 text end.
        static func prefixEnd(_ utf8: [UInt8], characters n: Int) -> Int {
            var seen = 0
            for (i, b) in utf8.enumerated() where b & 0xC0 != 0x80 {
                if seen == n { return i }
                seen += 1
            }
            return utf8.count
        }

        /// Byte-keyed counts as strings, in the bytes' order (as the rows of a GROUP BY came).
        static func strings(_ counts: [ByteKey: Int]) -> [String: Int] {
            var out: [String: Int] = [:]
            for key in counts.keys.sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) {
                out[String(decoding: key.bytes, as: UTF8.self)] = counts[key]!
            }
            return out
        }

        public var byLang: [String: Int] { Self.strings(lang) }
        public var byKind: [String: Int] { Self.strings(kind) }
        public var byResolution: [String: Int] { Self.strings(resolution) }
        public var cues: [String: Int] { Self.strings(cue) }
        public var unresolvedCues: [String: Int] { Self.strings(unresolvedCue) }
        public var sources: [String: Int] { Self.strings(source) }
        /// Statements per date; undated ones are left out.
        public var perDay: [String: Int] {
            var out = Self.strings(day)
            out["(none)"] = nil
            return out
        }
    }

    public var inputs: [InputSummary]
    public var documents: RunAggregator.DocumentCounts
    public var inputErrors: Int
    public var statementsTotal: Int
    public var byLang: [String: Int]
    public var byKind: [String: Int]
    public var byResolution: [String: Int]
    public var actors: [ActorSummary]
    public var topCues: [Count]
    /// Cues whose speaker the rules could not find: where the lexicons and speaker rules fall short.
    public var unresolvedCues: [Count]
    public var sources: [Count]
    public var perDay: [(date: String, statements: Int)]
    public var syndicatedMerged: Int
    public var run: RunInfo

    public var bytesCompressed: Int64 { inputs.reduce(0) { $0 + $1.bytesCompressed } }
    public var bytesUncompressed: Int64 { inputs.reduce(0) { $0 + $1.bytesUncompressed } }
    public var linkedStatements: Int { actors.filter(\.linked).reduce(0) { $0 + $1.statements } }

    static func ranked(_ d: [String: Int], _ n: Int) -> [Count] {
        d.map { Count(key: $0.key, label: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
            .prefix(n).map { $0 }
    }

    /// How many of the top linked actors report.html shows with their statements per day and latest
    /// entries; the timeline writers keep those for these actors only (`ActorSummary.perDay`).
    public static let detailedActors = 10

    /// The `n` actors (linked or not) with most statements, then smallest id. Keeps the best `n`
    /// indices in order while passing over the summaries once: sorting all of them (tens of
    /// thousands, ties broken by comparing ids) three times was a tenth of the full dump's last,
    /// single-threaded, 0.3 s.
    public func top(linked: Bool, _ n: Int) -> [ActorSummary] { Self.top(of: actors, linked: linked, n) }

    static func top(of actors: [ActorSummary], linked: Bool, _ n: Int) -> [ActorSummary] {
        guard n > 0 else { return [] }
        func before(_ a: Int, _ b: Int) -> Bool {
            actors[a].statements != actors[b].statements
                ? actors[a].statements > actors[b].statements : actors[a].id < actors[b].id
        }
        var best: [Int] = []
        best.reserveCapacity(n + 1)
        for i in actors.indices where actors[i].linked == linked {
            if best.count == n, !before(i, best[n - 1]) { continue }
            var at = best.count
            while at > 0, before(i, best[at - 1]) { at -= 1 }
            best.insert(i, at: at)
            if best.count > n { best.removeLast() }
        }
        return best.map { actors[$0] }
    }

    init(store: StatementStore, actors: [ActorSummary], figures: StatementFigures, syndicatedMerged: Int,
         run: RunInfo) throws {
        inputs = try store.inputs()
        (documents, inputErrors) = try store.documentCounts()
        statementsTotal = figures.total
        byLang = figures.byLang
        byKind = figures.byKind
        byResolution = figures.byResolution
        topCues = Self.ranked(figures.cues, 30)
        unresolvedCues = Self.ranked(figures.unresolvedCues, 30)
        sources = Self.ranked(figures.sources, 50)
        let days = figures.perDay
        perDay = days.keys.sorted().map { ($0, days[$0]!) }
        self.actors = actors
        self.syndicatedMerged = syndicatedMerged
        self.run = run
    }

    public func json() -> [UInt8] {
        var w = JSONWriter(reserving: 1 << 16)
        func counts(_ w: inout JSONWriter, _ d: [String: Int]) {
            for k in d.keys.sorted() { w.field(k, d[k]!) }
        }
        func list(_ w: inout JSONWriter, _ items: [Count], key: String) {
            for c in items { w.object { w in w.field(key, c.key); w.field("statements", c.count) } }
        }
        func actorList(_ w: inout JSONWriter, _ items: [ActorSummary]) {
            for a in items {
                w.object { w in
                    w.field("actor_id", a.id); w.field("name", a.name); w.field("statements", a.statements)
                    w.field("entries", a.entries); w.field("first", a.first); w.field("last", a.last)
                }
            }
        }
        let seconds = max(run.elapsedSeconds, 1e-9)
        let linkedCount = actors.filter(\.linked).count
        w.object { w in
            w.field("version", QawlVersion.string)
            w.field("inputs", inputs.count)
            w.field("bytes_compressed", bytesCompressed)
            w.field("bytes_uncompressed", bytesUncompressed)
            w.field("documents", object: { w in
                w.field("read", documents.read)
                w.field("parsed", documents.parsed)
                w.field("skipped", documents.skipped)
                w.field("failed", documents.failed)
                w.field("by_reason", object: { w in counts(&w, documents.byReason) })
            })
            w.field("input_errors", inputErrors)
            w.field("statements", object: { w in
                w.field("total", statementsTotal)
                w.field("by_lang", object: { w in counts(&w, byLang) })
                w.field("by_kind", object: { w in counts(&w, byKind) })
                w.field("by_resolution", object: { w in counts(&w, byResolution) })
            })
            w.field("actors", object: { w in
                w.field("linked", linkedCount)
                w.field("unlinked", actors.count - linkedCount)
                w.field("linked_statements", linkedStatements)
                w.field("linked_share", statementsTotal == 0 ? 0 : Double(linkedStatements) / Double(statementsTotal))
                w.field("top", array: { w in actorList(&w, top(linked: true, 50)) })
                w.field("top_unlinked", array: { w in actorList(&w, top(linked: false, 50)) })
            })
            w.field("syndication", object: { w in
                w.field("timeline_entries", actors.reduce(0) { $0 + $1.entries })
                w.field("merged_copies", syndicatedMerged)
            })
            w.field("cues", array: { w in list(&w, topCues, key: "cue_lemma") })
            w.field("unresolved_cues", array: { w in list(&w, unresolvedCues, key: "cue_lemma") })
            w.field("sources", array: { w in list(&w, sources, key: "source") })
            w.field("per_day", array: { w in
                for d in perDay { w.object { w in w.field("date", d.date); w.field("statements", d.statements) } }
            })
            w.field("stages", object: { w in
                for stage in Pipeline.stages { w.field(stage, run.stageSeconds[stage] ?? 0) }
            })
            w.field("elapsed_seconds", run.elapsedSeconds)
            w.field("throughput", object: { w in
                w.field("mb_per_s", Double(run.bytesProcessed) / 1e6 / seconds)
                w.field("docs_per_s", Double(run.documentsProcessed) / seconds, digits: 1)
            })
        }
        return w.bytes + [0x0A]
    }
}
