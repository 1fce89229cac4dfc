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
        try store.reading { try write(store, run: run) }
    }

    private func write(_ store: StatementStore, run: RunInfo) throws -> RunReport? {
        var run = run
        let started = monotonicSeconds()
        removeStaleTemporaries()
        try writeLines(to: "statements.jsonl", store.forEachStatementJSON)
        try writeLines(to: "errors.jsonl", store.forEachErrorJSON)
        if partial {
            try writeManifest(inputs: store.inputs(), run: run)
            return nil
        }
        let timelines = try writeTimelines(store)
        try writeActors(timelines.actors)
        // The reports are written last; their `write` and `elapsed_seconds` count everything
        // written before them (the reports themselves take a few milliseconds).
        let spent = monotonicSeconds() - started
        run.stageSeconds["write", default: 0] += spent
        run.elapsedSeconds += spent
        let report = try RunReport(store: store, actors: timelines.actors, figures: timelines.figures,
                                   syndicatedMerged: timelines.merged, run: run)
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

    /// What the timeline pass yields besides the files: the actors, the syndicated copies merged
    /// and the report's statement figures (counted in the same pass over the statements).
    struct Timelines {
        var actors: [RunReport.ActorSummary] = []
        var merged = 0
        var figures = RunReport.StatementFigures()
    }

    /// The fields of a statement line that a timeline entry lists for each of its copies.
    static let sourceKeys = ["doc_id", "published", "source", "url", "title"]
    static let sourceKeyBytes = sourceKeys.map { Array($0.utf8) }

    /// One file per actor; syndicated copies merged into one entry with all their sources.
    /// Each file is assembled in memory (an actor's statements are in memory anyway) and written
    /// with one call.
    func writeTimelines(_ store: StatementStore) throws -> Timelines {
        let dir = directory.appendingPathComponent("timelines")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let dirPath = dir.path + "/"
        var out = Timelines()
        var written = Set<String>()
        let existing = Set((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
        var file: [UInt8] = []
        var w = JSONWriter(reserving: 4096)
        let null = Array("null".utf8)
        try store.forEachActor { id, rows in
            let clusters = syndication.clusters(signatures: rows.map(\.signature), documents: rows.map(\.docID))
            var members = [[Int]](repeating: [], count: rows.count)
            for (i, c) in clusters.enumerated() { members[c].append(i) }
            let fileName = SafeFileName.forActor(id) + ".jsonl"
            written.insert(fileName)
            file.removeAll(keepingCapacity: true)
            var entries = 0
            var perDay: [String: Int] = [:]
            // Raw values of the source fields, copied into the entries as they are in the lines.
            let sourceValues = rows.map { JSONRecord.valueRanges(in: $0.json, keys: Self.sourceKeyBytes) }
            for (i, row) in rows.enumerated() {
                out.figures.count(row)
                guard clusters[i] == i else { continue }
                let copies = members[i]
                entries += 1
                out.merged += copies.count - 1
                if let p = row.published { perDay[String(p.prefix(10)), default: 0] += 1 }
                // The statement as in statements.jsonl, plus where it was carried.
                file.append(contentsOf: row.json.dropLast())  // "}"
                file.append(contentsOf: ",\"copies\":\(copies.count),\"sources\":".utf8)
                w.reset()
                w.array { w in
                    for c in copies {
                        w.object { w in
                            for (k, key) in Self.sourceKeys.enumerated() {
                                if let range = sourceValues[c][k] {
                                    w.field(key, rawValue: rows[c].json[range])
                                } else {
                                    w.field(key, rawValue: null)
                                }
                            }
                        }
                    }
                }
                file.append(contentsOf: w.bytes)
                file.append(UInt8(ascii: "}"))
                file.append(0x0A)
            }
            // Most timelines are the same as last night's: leaving those files alone spares the
            // file system tens of thousands of replaced files.
            if !existing.contains(fileName) || !Self.file(dirPath + fileName, holds: file) {
                try AtomicFile.write(file, toPath: dirPath + fileName)
            }
            var names: [String: Int] = [:]
            for r in rows { names[r.speaker, default: 0] += 1 }
            let dates = rows.compactMap { $0.published.map { String($0.prefix(10)) } }
            var summary = RunReport.ActorSummary(
                id: id, name: rows[0].actorName,
                names: names.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(20).map(\.key),
                file: "timelines/" + fileName, statements: rows.count, entries: entries,
                first: dates.min(), last: dates.max())
            // Kept for report.html's per-actor sections (linked actors only, without the JSON
            // lines): tens of thousands of unlinked speakers would otherwise hold memory to the end.
            if summary.linked {
                summary.perDay = perDay
                summary.latest = rows.suffix(5).reversed().map(RunReport.Entry.init)
            }
            out.actors.append(summary)
        }
        // Timelines of actors that no longer have statements (e.g. after a registry change) go.
        for name in existing where name.hasSuffix(".jsonl") && !written.contains(name) {
            try? FileManager.default.removeItem(at: dir.appendingPathComponent(name))
        }
        return out
    }

    /// Whether the file at `path` holds exactly `bytes` (read without touching its access time).
    static func file(_ path: String, holds bytes: [UInt8]) -> Bool {
        var fd = open(path, O_RDONLY | O_CLOEXEC | Self.noAccessTime)
        if fd < 0 && errno == EPERM { fd = open(path, O_RDONLY | O_CLOEXEC) }  // not the file's owner
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard !bytes.isEmpty, fstat(fd, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        var old = [UInt8](repeating: 0, count: bytes.count + 1)  // one more: the file may have grown
        let n = old.withUnsafeMutableBytes { raw -> Int in
            var total = 0
            while total < raw.count {
                let r = read(fd, raw.baseAddress! + total, raw.count - total)
                if r < 0 && errno == EINTR { continue }
                if r <= 0 { break }
                total += r
            }
            return total
        }
        return n == bytes.count && old.withUnsafeBytes { a in bytes.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, n) == 0 } }
    }

    /// O_NOATIME (Linux): comparing last night's files must not turn into inode updates.
    #if os(Linux)
    static let noAccessTime: Int32 = 0o1000000
    #else
    static let noAccessTime: Int32 = 0
    #endif

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
