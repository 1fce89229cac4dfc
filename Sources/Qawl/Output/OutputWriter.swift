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
    /// Unchanged inputs whose statements came from another registry, lexicons or qawl version.
    public var staleExtraction: [String] = []
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
    /// Threads for writing: with more than one, statements.jsonl is written beside the timelines
    /// (from a second connection to the store) and timelines are built and written by `jobs`
    /// workers. The files are the same whatever `jobs` is.
    public var jobs = 1

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
        if partial || jobs <= 1 {
            try writeLines(to: "statements.jsonl", store.forEachStatementJSON)
            try writeLines(to: "errors.jsonl", store.forEachErrorJSON)
        }
        if partial {
            try writeManifest(inputs: store.inputs(), run: run)
            return nil
        }
        // statements.jsonl and errors.jsonl from their own connection, beside the timelines.
        let lines = ConcurrentResults<Void>(count: 1)
        lines.set(0, .success(()))
        let linesDone = DispatchGroup()
        if jobs > 1 {
            runOnOwnThread(linesDone, name: "qawl-lines") { [self] in
                lines.set(0, Result {
                    let reader = try StatementStore(path: store.path, readOnly: true)
                    try reader.reading {
                        try writeLines(to: "statements.jsonl", reader.forEachStatementJSON)
                        try writeLines(to: "errors.jsonl", reader.forEachErrorJSON)
                    }
                })
            }
        }
        let built = Result { try writeTimelines(store) }
        linesDone.wait()
        _ = try lines.values()
        let timelines = try built.get()
        try writeActors(timelines.actorMembers)
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

    func writeLines(to name: String, _ source: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let file = try AtomicFile(directory.appendingPathComponent(name))
        do {
            try source { line in
                try file.write(line)
                try file.writeNewline()
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
        /// actors.json's members, per writer's run of actors (`TimelineRun.actorMembers`).
        var actorMembers: [[UInt8]] = []
        var merged = 0
        var figures = RunReport.StatementFigures()
    }

    /// One file per actor; syndicated copies merged into one entry with all their sources.
    /// Each file is assembled in memory (an actor's statements are in memory anyway) and written
    /// with one call. With `jobs` > 1, `jobs` writers take runs of whole actors
    /// (`StatementStore.actorPartitions`) as they come free; the summaries are put back in actor
    /// order.
    func writeTimelines(_ store: StatementStore) throws -> Timelines {
        let dir = directory.appendingPathComponent("timelines")
        // A first run (no timelines yet) writes them into a staging directory that becomes
        // `timelines/` in one rename; later runs replace changed files one by one.
        let fm = FileManager.default
        let existing = Set((try? fm.contentsOfDirectory(atPath: dir.path)) ?? [])
        let staged = existing.isEmpty
        let target = staged ? directory.appendingPathComponent(".timelines.tmp-\(getpid())") : dir
        if staged { try? fm.removeItem(at: target) }
        try fm.createDirectory(at: target, withIntermediateDirectories: true)
        let builder = TimelineBuilder(directory: target.path + "/", syndication: syndication, existing: existing,
                                      staged: staged)
        var out = Timelines()
        var written = Set<String>()   // for removing last run's files that are gone: none on a first run
        let runs: [TimelineRun]
        if jobs <= 1 {
            runs = [try Self.writeRun(store, rowIDs: store.orderedRowIDs(StatementStore.actorOrder), builder)]
        } else {
            // Each writer reads runs of whole actors from a connection of its own, so that reading
            // the rows (most of the pass) is shared too. The actors are cut into `chunksPerWriter`
            // runs per writer, taken in turn by whichever writer is free: with one run each, the
            // full ANT dump's two writers finished 0.2 s apart (a file per actor costs more than
            // the rows' weight says), and one wrote alone meanwhile.
            let parts = try store.actorPartitions(jobs * Self.chunksPerWriter)
            let results = ConcurrentResults<TimelineRun>(count: parts.count)
            let tickets = WorkTickets(count: parts.count)
            let group = DispatchGroup()
            for _ in 0..<min(jobs, parts.count) {
                runOnOwnThread(group, name: "qawl-timelines") {
                    let reader = Result { try StatementStore(path: store.path, readOnly: true) }
                    let read = Result {
                        try reader.get().reading {
                            while let p = tickets.take() {
                                results.set(p, Result { try Self.writeRun(reader.get(), rowIDs: parts[p], builder) })
                            }
                        }
                    }
                    // A writer whose connection failed fails the runs left, so none is missing.
                    if case .failure(let error) = read {
                        while let p = tickets.take() { results.set(p, .failure(error)) }
                    }
                }
            }
            group.wait()
            runs = try results.values()
        }
        for run in runs {
            out.figures.add(run.figures)
            out.actorMembers.append(run.actorMembers)
            for built in run.built {
                if !existing.isEmpty { written.insert(built.fileName) }
                out.merged += built.merged
                out.actors.append(built.summary)
            }
        }
        if staged {
            try? fm.removeItem(at: dir)   // empty, if there at all
            if rename(target.path, dir.path) != 0 {
                throw OutputError.cannotWrite(path: dir.path, reason: String(cString: strerror(errno)))
            }
        }
        // Timelines of actors that no longer have statements (e.g. after a registry change) go.
        for name in existing where name.hasSuffix(".jsonl") && !written.contains(name) {
            try? fm.removeItem(at: dir.appendingPathComponent(name))
        }
        return out
    }

    /// Runs of actors per timeline writer, handed out as the writers come free.
    static let chunksPerWriter = 16

    /// What one writer yields for its run of actors: their report figures and timeline summaries.
    struct TimelineRun {
        var figures = RunReport.StatementFigures()
        var built: [TimelineBuilder.Built] = []
        /// These actors' members of actors.json, encoded by the writer: encoded after all the
        /// timelines, on one thread, they were a third of the full dump's last 0.4 s.
        var actorMembers: [UInt8] = []
    }

    /// Builds and writes the timelines of the actors of `rowIDs` (whole actors, in actor order).
    static func writeRun(_ store: StatementStore, rowIDs: [Int64], _ builder: TimelineBuilder) throws -> TimelineRun {
        var run = TimelineRun()
        var scratch = TimelineBuilder.Scratch()
        var candidates = DetailCandidates()
        try store.forEachActor(rowIDs: rowIDs) { id, rows in
            for i in rows.indices { run.figures.count(rows[i]) }  // in place: see `TimelineBuilder.build`
            let details = RunReport.ActorSummary.isLinked(id) && candidates.admits(rows.count, id)
            run.built.append(try builder.build(id: id, rows: rows, details: details, scratch: &scratch))
            if details, let dropped = candidates.add(rows.count, id, at: run.built.count - 1) {
                run.built[dropped].summary.perDay = [:]
                run.built[dropped].summary.latest = []
            }
        }
        run.actorMembers = actorMembers(run.built.lazy.map(\.summary))
        return run
    }

    /// The linked actors of one writer that may be among report.html's `RunReport.detailedActors`
    /// (most statements, then smallest id: `RunReport.top`), the only ones whose statements per day
    /// and latest entries are kept. An actor is admitted while fewer than that many candidates rank
    /// before it, and the last candidate drops out when one too many are kept; an actor of the
    /// overall top has fewer than that many actors before it anywhere, so it is admitted by its
    /// writer and never dropped, whatever the order of actors and however they are split.
    struct DetailCandidates {
        private var kept: [(statements: Int, id: String, index: Int)] = []

        private static func before(_ a: (statements: Int, id: String), _ b: (statements: Int, id: String)) -> Bool {
            a.statements != b.statements ? a.statements > b.statements : a.id < b.id
        }

        func admits(_ statements: Int, _ id: String) -> Bool {
            kept.lazy.filter { Self.before(($0.statements, $0.id), (statements, id)) }.count < RunReport.detailedActors
        }

        /// Adds an admitted actor (its index in the writer's results); returns the index of the
        /// candidate that dropped out, if one did.
        mutating func add(_ statements: Int, _ id: String, at index: Int) -> Int? {
            kept.append((statements, id, index))
            guard kept.count > RunReport.detailedActors else { return nil }
            let last = kept.indices.max { Self.before((kept[$0].statements, kept[$0].id), (kept[$1].statements, kept[$1].id)) }!
            return kept.remove(at: last).index
        }
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

    /// actors.json: one object whose members are the writers' runs of actors, in actor order.
    func writeActors(_ members: [[UInt8]]) throws {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(members.reduce(3) { $0 + $1.count + 1 })
        for part in members where !part.isEmpty {
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            bytes += part
        }
        bytes += [UInt8(ascii: "}"), 0x0A]
        try AtomicFile.write(bytes, to: directory.appendingPathComponent("actors.json"))
    }

    /// The members of actors.json for `actors`, comma-separated, without the braces around them.
    static func actorMembers<S: Sequence>(_ actors: S) -> [UInt8] where S.Element == RunReport.ActorSummary {
        var w = JSONWriter(reserving: 1 << 16)
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
        return w.bytes
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
            w.field("stale_extraction", strings: run.staleExtraction)
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
