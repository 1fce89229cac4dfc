import Foundation

/// `qawl run` as a library call. Nightly runs are incremental: the store (`OUT/qawl.sqlite` unless
/// `store` says otherwise) remembers every input already processed by path, size, modification time
/// and content hash; only new or changed inputs go through the pipeline, and the outputs are then
/// regenerated from the store. A rerun over the same inputs processes nothing and leaves the outputs
/// untouched.
public struct Runner {
    public var configuration: RunConfiguration
    public var components: Components
    /// Progress line on stderr (only when stderr is a terminal).
    public var progress: Bool
    /// Forget the store and process everything (`--full`).
    public var full = false
    /// Write a shard's partial output (store, statements, errors, manifest) for `qawl merge`.
    public var partial = false
    /// Store path; default `OUT/qawl.sqlite`.
    public var storePath: String?

    public init(configuration: RunConfiguration, components: Components, progress: Bool = isatty(2) == 1) {
        self.configuration = configuration
        self.components = components
        self.progress = progress
    }

    /// The components' background set-up failed (a lexicon or registry file): nothing was stored.
    public struct SetupFailed: Error, CustomStringConvertible {
        public var error: Error
        public var description: String { "\(error)" }
    }

    public struct Outcome {
        public var exitCode: Int32
        public var aggregator: RunAggregator
        public var processed: [String]
        public var unchanged: [String]
        /// Unchanged inputs processed with another registry, lexicons or qawl version.
        public var staleExtraction: [String] = []
        public var report: RunReport?
        /// False when nothing was new and the outputs were left as they were.
        public var wroteOutputs: Bool
    }

    public func run() throws -> Outcome {
        let started = Date()
        let t0 = monotonicSeconds()
        let outDir = URL(fileURLWithPath: configuration.out)
        var writer = try OutputWriter(directory: outDir, partial: partial)
        let store = try StatementStore(path: storePath ?? outDir.appendingPathComponent("qawl.sqlite").path)
        if store.discardedDamagedLoad {
            FileHandle.standardError.write(Data("qawl: warning: \(store.path) was left damaged by a first run that the machine stopped; it was removed and this run starts afresh\n".utf8))
        }
        // An empty store (or one about to be emptied) is filled without the write-ahead log.
        if full || store.inputCount == 0 { try store.beginBulkLoad() }
        defer { try? store.endBulkLoad() }
        if full { try store.reset(); try store.resetExtraction() }

        // Which inputs are new or changed?
        let inputs = try components.expand(configuration.inputs)
        var toProcess: [String] = [], unchanged: [String] = []
        var states: [String: StatementStore.InputState] = [:]
        for path in inputs {
            guard let stat = FileFingerprint.stat(path) else { toProcess.append(path); continue }
            if let known = try store.state(of: path), known.size == stat.size {
                if known.mtime == stat.mtime { unchanged.append(path); continue }
                let hash = try FileFingerprint.hash(path)
                if hash == known.hash {
                    try store.updateModificationTime(of: path, to: stat.mtime)
                    unchanged.append(path)
                    continue
                }
                states[path] = .init(size: stat.size, mtime: stat.mtime, hash: hash)
            } else {
                // Hashed while it is read (`FileSource.contentHash`), not in a pass of its own.
                states[path] = .init(size: stat.size, mtime: stat.mtime, hash: "")
            }
            toProcess.append(path)
        }

        let aggregator = RunAggregator(store: store, states: states)
        let jobs = configuration.jobs > 0 ? configuration.jobs : ProcessInfo.processInfo.activeProcessorCount
        let pipeline = Pipeline(inputs: toProcess, open: components.open, parser: components.parser,
                                extractor: components.extractor, options: .init(jobs: jobs))
        var meter = ProgressMeter(enabled: progress)
        var aggregateSeconds = 0.0
        // Set-up still running in the background must succeed before anything is stored; so must
        // each part built on first need (a language's extractor), which is built before the event
        // of the document that needed it arrives here.
        var setup: Result<Void, Error>?
        pipeline.run { event in
            if setup == nil || setup!.isSuccess {
                setup = Result { try components.ready() }
                if case .failure = setup { pipeline.stop() }
            }
            guard case .success = setup else { return }
            // The fingerprint may have been computed in the background too (`ready()` waited).
            if aggregator.extractionFingerprint == nil { aggregator.extractionFingerprint = components.extractionFingerprint }
            let a = monotonicSeconds()
            aggregator.consume(event)
            aggregateSeconds += monotonicSeconds() - a
            meter.update(aggregator)
        }
        meter.finish()
        if setup == nil || setup!.isSuccess { setup = Result { try components.ready() } }
        if case .failure(let error) = setup {
            aggregator.abandonOpenInput()
            throw SetupFailed(error: error)
        }
        if let error = aggregator.storeError { throw error }
        if Interruption.requested {
            aggregator.abandonOpenInput()
            throw Interruption.Interrupted(storedInputs: store.inputCount)
        }
        // Inputs left alone that were processed with another registry, lexicons or qawl version:
        // their statements keep the links of then (reported, not redone: `--full` redoes them).
        let stale = try store.inputs(unchanged, processedWithOtherThan: components.extractionFingerprint)

        let exitCode: Int32 = aggregator.anyInputFailed ? 1 : 0
        let outputsExist = FileManager.default.fileExists(atPath: outDir.appendingPathComponent("manifest.json").path)
        if toProcess.isEmpty && outputsExist && !full {
            return Outcome(exitCode: exitCode, aggregator: aggregator, processed: [], unchanged: unchanged,
                           staleExtraction: stale, report: nil, wroteOutputs: false)
        }
        var stages = pipeline.stageSeconds
        stages["aggregate", default: 0] += aggregateSeconds
        var info = RunInfo(config: configuration.path, jobs: jobs, startedAt: started,
                           elapsedSeconds: monotonicSeconds() - t0, stageSeconds: stages,
                           registry: components.registryDescription)
        info.processed = toProcess
        info.unchanged = unchanged
        info.staleExtraction = stale
        info.bytesProcessed = aggregator.bytesUncompressed
        info.documentsProcessed = aggregator.documents.read
        writer.jobs = jobs
        // The pipeline's buffers are gone: give their memory back before the write phase grows.
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
        let w0 = monotonicSeconds()
        if partial { try store.checkpoint() }
        let report = try writer.writeAll(store, run: info)
        store.waitForCheckpoint()
        try store.endBulkLoad()
        info.stageSeconds["write"] = monotonicSeconds() - w0
        info.elapsedSeconds = monotonicSeconds() - t0
        try writer.writeManifest(inputs: store.inputs(), run: info)
        return Outcome(exitCode: exitCode, aggregator: aggregator, processed: toProcess, unchanged: unchanged,
                       staleExtraction: stale, report: report, wroteOutputs: true)
    }

    /// `qawl merge`: folds the stores of several partial outputs into `out`'s store and writes the
    /// outputs, which then equal those of one run over all the shards' inputs.
    public static func merge(parts: [String], out: String, registry: String?) throws -> RunReport? {
        let started = Date()
        let t0 = monotonicSeconds()
        let outDir = URL(fileURLWithPath: out)
        var writer = try OutputWriter(directory: outDir)
        writer.jobs = ProcessInfo.processInfo.activeProcessorCount
        let store = try StatementStore(path: outDir.appendingPathComponent("qawl.sqlite").path)
        for part in parts.sorted() {
            let file = URL(fileURLWithPath: part).appendingPathComponent("qawl.sqlite").path
            guard FileManager.default.fileExists(atPath: file) else {
                throw OutputError.cannotWrite(path: part, reason: "not a qawl output directory (no qawl.sqlite)")
            }
            try store.merge(from: file)
        }
        var info = RunInfo(config: nil, jobs: 1, startedAt: started, elapsedSeconds: 0, stageSeconds: [:], registry: registry)
        info.processed = try store.inputs().map(\.path)
        let report = try writer.writeAll(store, run: info)
        info.elapsedSeconds = monotonicSeconds() - t0
        try writer.writeManifest(inputs: store.inputs(), run: info)
        return report
    }
}

/// Size, modification time and content hash of an input file: how the store recognises what it has
/// already processed.
public enum FileFingerprint {
    public static func stat(_ path: String) -> (size: Int64, mtime: Double)? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.int64Value,
              let date = attributes[.modificationDate] as? Date else { return nil }
        return (size, date.timeIntervalSince1970)
    }

    /// The `ContentHash` of the whole file, read in 1 MiB chunks (constant memory): the same value
    /// the reader computes while it reads the file (`FileSource.contentHash`).
    public static func hash(_ path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw OutputError.cannotWrite(path: path, reason: "cannot read for hashing")
        }
        defer { try? handle.close() }
        var h = ContentHash()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { h.add($0) }
        }
        return h.hex
    }
}

/// One line on stderr, rewritten in place, at most twice a second.
struct ProgressMeter {
    let enabled: Bool
    private var last = 0.0
    private let start = monotonicSeconds()
    init(enabled: Bool) { self.enabled = enabled }

    mutating func update(_ agg: RunAggregator) {
        guard enabled else { return }
        let now = monotonicSeconds()
        guard now - last > 0.5 else { return }
        last = now
        let docs = Double(agg.documents.read) / max(now - start, 1e-9)
        let line = "\r\(agg.documents.read) docs (\(JSONWriter.format(docs, digits: 0))/s), \(agg.statements) statements, \(agg.documents.failed + agg.inputErrors) errors   "
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (not in the Glibc module): returns freed heap pages to the system.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

private extension Result {
    var isSuccess: Bool { if case .success = self { return true } else { return false } }
}
