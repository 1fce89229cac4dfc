import Foundation

/// What a run was, for `manifest.json` and the timing parts of `report.json`.
public struct RunInfo: Sendable {
    public var config: String?
    public var jobs: Int
    public var startedAt: Date
    public var elapsedSeconds: Double
    public var stageSeconds: [String: Double]
    public var registry: String?
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

/// Writes the output directory of `spec/OUTPUT.md`. Each file is replaced atomically. Everything
/// except the timing fields (`stages`, `throughput`, `elapsed_seconds`, manifest times) is a pure
/// function of the inputs, so it is byte-identical whatever `--jobs` is.
public struct OutputWriter {
    public let directory: URL

    public init(directory: URL) throws {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("timelines"),
                                                    withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotWrite(path: directory.path, reason: "\(error)")
        }
    }

    /// Opens `errors.jsonl` for streaming; the caller commits it at the end.
    public func openErrors() throws -> AtomicFile {
        try AtomicFile(directory.appendingPathComponent("errors.jsonl"))
    }

    @discardableResult
    public func writeAll(_ agg: RunAggregator, run: RunInfo) throws -> RunReport {
        let statements = agg.statements.sorted(by: statementOrder)
        let index = ActorIndex(statements)
        try writeStatements(statements)
        try writeTimelines(index)
        try writeActors(index)
        let report = RunReport(aggregator: agg, statements: statements, index: index, run: run)
        try AtomicFile.write(report.json(), to: directory.appendingPathComponent("report.json"))
        try AtomicFile.write(Array(ReportHTML.render(report).utf8), to: directory.appendingPathComponent("report.html"))
        try writeManifest(agg, run: run)
        return report
    }

    func writeStatements(_ statements: [Statement]) throws {
        let file = try AtomicFile(directory.appendingPathComponent("statements.jsonl"))
        var w = JSONWriter()
        for s in statements {
            w.reset()
            w.statement(s)
            try file.write(w.bytes)
            try file.write([0x0A])
        }
        try file.commit()
    }

    func writeTimelines(_ index: ActorIndex) throws {
        let dir = directory.appendingPathComponent("timelines")
        // Remove timelines of actors that no longer have statements (e.g. registry changes).
        let keep = Set(index.actors.map { $0.file + ".jsonl" })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        where name.hasSuffix(".jsonl") && !keep.contains(name) {
            try? FileManager.default.removeItem(at: dir.appendingPathComponent(name))
        }
        var w = JSONWriter()
        for actor in index.actors {
            let file = try AtomicFile(dir.appendingPathComponent(actor.file + ".jsonl"))
            for s in actor.statements {
                w.reset()
                w.statement(s)
                try file.write(w.bytes)
                try file.write([0x0A])
            }
            try file.commit()
        }
    }

    func writeActors(_ index: ActorIndex) throws {
        var w = JSONWriter()
        w.object { w in
            for actor in index.actors {
                w.field(actor.id, object: { w in
                    w.field("name", actor.name)
                    w.field("names", strings: actor.names)
                    w.field("statements", actor.statements.count)
                    w.field("first", actor.first)
                    w.field("last", actor.last)
                    w.field("file", "timelines/" + actor.file + ".jsonl")
                    w.field("linked", !actor.id.hasPrefix("unlinked:"))
                })
            }
        }
        try AtomicFile.write(w.bytes + [0x0A], to: directory.appendingPathComponent("actors.json"))
    }

    func writeManifest(_ agg: RunAggregator, run: RunInfo) throws {
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
            w.field("stages", strings: Pipeline.stages)
            w.field("inputs", array: { w in
                for input in agg.inputs {
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
            w.field("counts", object: { w in
                w.field("documents_read", agg.documents.read)
                w.field("documents_parsed", agg.documents.parsed)
                w.field("documents_skipped", agg.documents.skipped)
                w.field("documents_failed", agg.documents.failed)
                w.field("input_errors", agg.inputErrors)
                w.field("statements", agg.statements.count)
            })
            w.field("timings", object: { w in
                for stage in Pipeline.stages { w.field(stage, run.stageSeconds[stage] ?? 0) }
            })
        }
        try AtomicFile.write(w.bytes + [0x0A], to: directory.appendingPathComponent("manifest.json"))
    }
}

/// Statements grouped by actor, each group in timeline order.
public struct ActorIndex {
    public struct Entry {
        public var id: String
        public var name: String
        public var names: [String]
        public var file: String
        public var statements: [Statement]
        public var first: String?
        public var last: String?
    }

    public var actors: [Entry]

    /// `statements` must already be in `statementOrder`.
    public init(_ statements: [Statement]) {
        var groups: [String: [Statement]] = [:]
        for s in statements { groups[s.actorID, default: []].append(s) }
        actors = groups.keys.sorted().map { id in
            let list = groups[id]!
            var nameCounts: [String: Int] = [:]
            for s in list { nameCounts[s.speaker, default: 0] += 1 }
            let names = nameCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(20).map(\.key)
            let dates = list.compactMap { $0.published.map { String($0.prefix(10)) } }
            return Entry(id: id, name: list[0].actorName, names: names, file: SafeFileName.forActor(id),
                         statements: list, first: dates.min(), last: dates.max())
        }
    }
}
