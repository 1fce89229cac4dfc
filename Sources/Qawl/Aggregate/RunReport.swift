/// The aggregate figures of a run: what `report.json`, `report.html` and `report.md` show.
public struct RunReport {
    public struct Count: Sendable { public var key: String; public var label: String; public var count: Int }

    public var inputs: Int
    public var bytesCompressed: Int64
    public var bytesUncompressed: Int64
    public var documents: RunAggregator.DocumentCounts
    public var inputErrors: Int
    public var statementsTotal: Int
    public var byLang: [String: Int]
    public var byKind: [String: Int]
    public var byResolution: [String: Int]
    public var linkedActors: Int
    public var unlinkedActors: Int
    public var linkedStatements: Int
    public var topActors: [Count]
    public var topUnlinked: [Count]
    public var topCues: [Count]
    public var sources: [Count]
    public var perDay: [(date: String, statements: Int)]
    public var index: ActorIndex
    public var run: RunInfo

    public init(aggregator agg: RunAggregator, statements: [Statement], index: ActorIndex, run: RunInfo) {
        inputs = agg.inputs.count
        bytesCompressed = agg.bytesCompressed
        bytesUncompressed = agg.bytesUncompressed
        documents = agg.documents
        inputErrors = agg.inputErrors
        statementsTotal = statements.count
        var lang: [String: Int] = [:], kind: [String: Int] = [:], resolution: [String: Int] = [:]
        var cues: [String: Int] = [:], sourceCounts: [String: Int] = [:], days: [String: Int] = [:]
        var linked = 0
        for s in statements {
            lang[s.lang, default: 0] += 1
            kind[s.kind.rawValue, default: 0] += 1
            resolution[s.resolution.rawValue, default: 0] += 1
            cues[s.cueLemma, default: 0] += 1
            sourceCounts[s.source ?? "(unknown)", default: 0] += 1
            if let p = s.published { days[String(p.prefix(10)), default: 0] += 1 }
            if !s.actorID.hasPrefix("unlinked:") { linked += 1 }
        }
        byLang = lang
        byKind = kind
        byResolution = resolution
        linkedStatements = linked
        linkedActors = index.actors.filter { !$0.id.hasPrefix("unlinked:") }.count
        unlinkedActors = index.actors.count - linkedActors
        func top(_ entries: [ActorIndex.Entry], _ n: Int) -> [Count] {
            entries.map { Count(key: $0.id, label: $0.name, count: $0.statements.count) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
                .prefix(n).map { $0 }
        }
        topActors = top(index.actors.filter { !$0.id.hasPrefix("unlinked:") }, 50)
        topUnlinked = top(index.actors.filter { $0.id.hasPrefix("unlinked:") }, 50)
        func ranked(_ d: [String: Int], _ n: Int) -> [Count] {
            d.map { Count(key: $0.key, label: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
                .prefix(n).map { $0 }
        }
        topCues = ranked(cues, 30)
        sources = ranked(sourceCounts, 50)
        perDay = days.keys.sorted().map { ($0, days[$0]!) }
        self.index = index
        self.run = run
    }

    public func json() -> [UInt8] {
        var w = JSONWriter(reserving: 1 << 16)
        func counts(_ w: inout JSONWriter, _ d: [String: Int]) {
            for k in d.keys.sorted() { w.field(k, d[k]!) }
        }
        func list(_ w: inout JSONWriter, _ items: [Count], key: String) {
            for c in items {
                w.object { w in
                    w.field(key, c.key)
                    if c.label != c.key { w.field("name", c.label) }
                    w.field("statements", c.count)
                }
            }
        }
        let seconds = max(run.elapsedSeconds, 1e-9)
        w.object { w in
            w.field("version", QawlVersion.string)
            w.field("inputs", inputs)
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
                w.field("linked", linkedActors)
                w.field("unlinked", unlinkedActors)
                w.field("linked_statements", linkedStatements)
                w.field("linked_share", statementsTotal == 0 ? 0 : Double(linkedStatements) / Double(statementsTotal))
                w.field("top", array: { w in list(&w, topActors, key: "actor_id") })
                w.field("top_unlinked", array: { w in list(&w, topUnlinked, key: "actor_id") })
            })
            w.field("cues", array: { w in list(&w, topCues, key: "cue_lemma") })
            w.field("sources", array: { w in list(&w, sources, key: "source") })
            w.field("per_day", array: { w in
                for d in perDay { w.object { w in w.field("date", d.date); w.field("statements", d.statements) } }
            })
            w.field("stages", object: { w in
                for stage in Pipeline.stages { w.field(stage, run.stageSeconds[stage] ?? 0) }
            })
            w.field("elapsed_seconds", run.elapsedSeconds)
            w.field("throughput", object: { w in
                w.field("mb_per_s", Double(bytesUncompressed) / 1e6 / seconds)
                w.field("compressed_mb_per_s", Double(bytesCompressed) / 1e6 / seconds)
                w.field("docs_per_s", Double(documents.read) / seconds, digits: 1)
            })
        }
        return w.bytes + [0x0A]
    }
}
