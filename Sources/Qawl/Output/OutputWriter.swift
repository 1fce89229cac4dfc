import Foundation

/// What a run was, for `manifest.json` and the timing parts of `report.json`.
public struct RunInfo: Sendable {
    public var config: String?
    public var jobs: Int
    public var startedAt: Date
    public var elapsedSeconds: Double
    public var stageSeconds: [String: Double]
    public var registry: String?
    /// Inputs processed by this run (the others were already in the store).
    public var processed: [String] = []
    public var unchanged: [String] = []
    public var bytesProcessed: Int64 = 0
    public var documentsProcessed = 0

    public init(config: String?, jobs: Int, startedAt: Date, elapsedSeconds: Double,
                stageSeconds: [String: Double], registry: String?) {
        self.config = config
        self.jobs = jobs
        self.startedAt = startedAt
        self.elapsedSeconds = elapsedSeconds
        self.stageSeconds = stageSeconds
        self.registry = registry
    }
}

/// Writes the output directory of `spec/OUTPUT.md` from the store. Each file is replaced atomically.
/// Everything except the timing fields (`stages`, `throughput`, `elapsed_seconds`, the manifest's
/// times) is a function of the stored inputs, so it is byte-identical whatever `--jobs` is and
/// however the inputs were split across runs or shards.
public struct OutputWriter {
    public let directory: URL
    public var syndication = SyndicationClusterer()
    /// Shards (`--partial`) write statements, errors and the manifest only.
    public var partial = false

    public init(directory: URL, partial: Bool = false) throws {
        self.directory = directory
        self.partial = partial
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotWrite(path: directory.path, reason: "\(error)")
        }
    }

    /// Temporary files of a run that was killed while writing (`.statements.jsonl.tmp-1234`).
    func removeStaleTemporaries() {
        for dir in [directory, directory.appendingPathComponent("timelines")] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            where name.hasPrefix(".") && name.contains(".tmp-") {
                try? FileManager.default.removeItem(at: dir.appendingPathComponent(name))
            }
        }
    }

    @discardableResult
    public func writeAll(_ store: StatementStore, run: RunInfo) throws -> RunReport? {
        removeStaleTemporaries()
        try writeLines(to: "statements.jsonl", store.forEachStatementJSON)
        try writeLines(to: "errors.jsonl", store.forEachErrorJSON)
        if partial {
            try writeManifest(inputs: store.inputs(), run: run)
            return nil
        }
        let (actors, merged) = try writeTimelines(store)
        try writeActors(actors)
        let report = try RunReport(store: store, actors: actors, syndicatedMerged: merged, run: run)
        try AtomicFile.write(report.json(), to: directory.appendingPathComponent("report.json"))
        try AtomicFile.write(Array(ReportHTML.render(report).utf8), to: directory.appendingPathComponent("report.html"))
        try AtomicFile.write(Array(ReportMarkdown.render(report).utf8), to: directory.appendingPathComponent("report.md"))
        try writeManifest(inputs: report.inputs, run: run)
        return report
    }

    func writeLines(to name: String, _ source: (([UInt8]) throws -> Void) throws -> Void) throws {
        let file = try AtomicFile(directory.appendingPathComponent(name))
        do {
            try source { line in
                try file.write(line)
                try file.write([0x0A])
            }
            try file.commit()
        } catch {
            file.abandon()
            throw error
        }
    }

    /// One file per actor; syndicated copies merged into one entry with all their sources.
    func writeTimelines(_ store: StatementStore) throws -> ([RunReport.ActorSummary], Int) {
        let dir = directory.appendingPathComponent("timelines")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var summaries: [RunReport.ActorSummary] = []
        var written = Set<String>()
        var merged = 0
        try store.forEachActor { id, rows in
            let clusters = syndication.clusters(contents: rows.map(\.content), documents: rows.map(\.docID))
            var members: [Int: [Int]] = [:]
            for (i, c) in clusters.enumerated() { members[c, default: []].append(i) }
            let file = SafeFileName.forActor(id)
            written.insert(file + ".jsonl")
            let out = try AtomicFile(dir.appendingPathComponent(file + ".jsonl"))
            var entries = 0
            var perDay: [String: Int] = [:]
            var w = JSONWriter()
            for (i, row) in rows.enumerated() where clusters[i] == i {
                let copies = members[i]!.map { rows[$0] }
                entries += 1
                merged += copies.count - 1
                if let p = row.published { perDay[String(p.prefix(10)), default: 0] += 1 }
                // The statement as in statements.jsonl, plus where it was carried.
                var line = row.json
                line.removeLast()  // "}"
                w.reset()
                w.array { w in
                    for c in copies {
                        w.object { w in
                            w.field("doc_id", c.docID); w.field("published", c.published)
                            w.field("source", c.source); w.field("url", c.url); w.field("title", c.title)
                        }
                    }
                }
                line += Array(",\"copies\":\(copies.count),\"sources\":".utf8) + w.bytes + [UInt8(ascii: "}"), 0x0A]
                try out.write(line)
            }
            try out.commit()
            var names: [String: Int] = [:]
            for r in rows { names[r.speaker, default: 0] += 1 }
            let dates = rows.compactMap { $0.published.map { String($0.prefix(10)) } }
            var summary = RunReport.ActorSummary(
                id: id, name: rows[0].actorName,
                names: names.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(20).map(\.key),
                file: "timelines/" + file + ".jsonl", statements: rows.count, entries: entries,
                first: dates.min(), last: dates.max())
            // Kept for report.html's per-actor sections (linked actors only, without the JSON
            // blobs): tens of thousands of unlinked speakers would otherwise hold memory to the end.
            if summary.linked {
                summary.perDay = perDay
                summary.latest = rows.suffix(5).reversed().map { var r = $0; r.json = []; return r }
            }
            summaries.append(summary)
        }
        // Timelines of actors that no longer have statements (e.g. after a registry change) go.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        where name.hasSuffix(".jsonl") && !written.contains(name) {
            try? FileManager.default.removeItem(at: dir.appendingPathComponent(name))
        }
        return (summaries, merged)
    }

    func writeActors(_ actors: [RunReport.ActorSummary]) throws {
        var w = JSONWriter(reserving: 1 << 16)
        w.object { w in
            for a in actors {
                w.field(a.id, object: { w in
                    w.field("name", a.name)
                    w.field("names", strings: a.names)
                    w.field("statements", a.statements)
                    w.field("entries", a.entries)
                    w.field("first", a.first)
                    w.field("last", a.last)
                    w.field("file", a.file)
                    w.field("linked", a.linked)
                })
            }
        }
        try AtomicFile.write(w.bytes + [0x0A], to: directory.appendingPathComponent("actors.json"))
    }

    func writeManifest(inputs: [InputSummary], run: RunInfo) throws {
        var w = JSONWriter()
        let iso = ISO8601DateFormatter()
        w.object { w in
            w.field("tool", "qawl")
            w.field("version", QawlVersion.string)
            w.field("schema", QawlVersion.schema)
            w.field("started_at", iso.string(from: run.startedAt))
            w.field("elapsed_seconds", run.elapsedSeconds)
            w.field("config", run.config)
            w.field("registry", run.registry)
            w.field("jobs", run.jobs)
            w.field("partial", partial)
            w.field("stages", strings: Pipeline.stages)
            w.field("processed", strings: run.processed)
            w.field("unchanged", strings: run.unchanged)
            w.field("inputs", array: { w in
                for input in inputs {
                    w.object { w in
                        w.field("path", input.path)
                        w.field("format", input.format)
                        w.field("status", input.status.rawValue)
                        w.field("records", input.records)
                        w.field("bytes_compressed", input.bytesCompressed)
                        w.field("bytes_uncompressed", input.bytesUncompressed)
                        w.field("error", input.error)
                    }
                }
            })
            w.field("timings", object: { w in
                for stage in Pipeline.stages { w.field(stage, run.stageSeconds[stage] ?? 0) }
            })
        }
        try AtomicFile.write(w.bytes + [0x0A], to: directory.appendingPathComponent("manifest.json"))
    }
}
