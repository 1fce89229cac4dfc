import Foundation

/// The whole pipeline in one place:
///
///     read ─▶ decompress ─▶ parse ─▶ extract ─▶ aggregate ─▶ write
///     └── reader thread ──┘  └─ N workers ─┘  └── consumer (in order) ──┘
///
/// * read + decompress: one thread walks the inputs in order; each input is opened by content
///   (gzip, WARC, tar, JSON lines, SGML, feeds, single files) and cut into `RawRecord`s while it is
///   inflated, so a dump is never held in memory.
/// * parse + extract: `jobs` workers turn records into `Document`s and `Statement`s, and prepare
///   each statement for the store (its JSON line and syndication signature: `PreparedStatement`),
///   so that the in-order consumer has only the store insert left to do.
/// * aggregate + write: the caller's `PipelineSink` receives every event in input order, whatever
///   `jobs` is, so outputs are deterministic.
///
/// Between the stages a bounded queue and a reorder window (`maxInFlight`) keep memory flat: when the
/// consumer or the workers are slow, the reader waits.
public final class Pipeline {
    /// Stage names, in order, as they appear in `manifest.json` timings, progress and `errors.jsonl`.
    /// Decompression runs inside the reader (inflate and record cutting share one pass), so its
    /// time is part of "read"; "decompress" names the stage in errors.
    public static let stages = ["read", "decompress", "parse", "extract", "aggregate", "write"]

    public struct Options: Sendable {
        public var jobs: Int
        /// Records issued but not yet consumed; bounds memory.
        public var maxInFlight: Int
        public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, maxInFlight: Int? = nil) {
            self.jobs = max(1, jobs)
            self.maxInFlight = maxInFlight ?? max(16, self.jobs * 16)
        }
    }

    /// An opened input: its record reader and the byte source under it (for byte counters).
    public struct OpenedStream {
        public var reader: any RecordReader
        public var source: ByteSource
        public var format: String
        /// The input file's `ContentHash` once the reader has read all of it, else nil.
        public var contentHash: () -> String?
        public init(reader: any RecordReader, source: ByteSource, format: String,
                    contentHash: @escaping () -> String? = { nil }) {
            self.reader = reader
            self.source = source
            self.format = format
            self.contentHash = contentHash
        }
    }

    public typealias Opener = (String) throws -> OpenedStream

    private let inputs: [String]
    private let open: Opener
    private let parser: any DocumentParser
    private let extractor: (any StatementExtractor)?
    private let options: Options
    let clock = StageClock()

    public init(inputs: [String], open: @escaping Opener, parser: any DocumentParser,
                extractor: (any StatementExtractor)?, options: Options = Options()) {
        self.inputs = inputs
        self.open = open
        self.parser = parser
        self.extractor = extractor
        self.options = options
    }

    /// Seconds spent per stage. Parse, extract and the part of aggregate done on the workers are the
    /// workers' CPU seconds (thread CPU time, summed over threads: `WorkerClock`), so a busy machine
    /// or a reader sharing the core does not inflate them; read, aggregate and write are wall seconds.
    public var stageSeconds: [String: Double] { clock.snapshot }

    private let stopLock = NSLock()
    private var stopped = false
    /// Asks the reader to stop taking records, as an interruption does: the input being read gets
    /// no `inputFinished`. The consumer keeps receiving what is already under way.
    public func stop() { stopLock.lock(); stopped = true; stopLock.unlock() }
    private var stopRequested: Bool {
        if Interruption.requested { return true }
        stopLock.lock(); defer { stopLock.unlock() }
        return stopped
    }

    /// How long a worker holding deferred documents waits on the queue before it looks again
    /// whether their extractor is ready.
    static let deferredPoll = 0.002

    private enum Work {
        case record(RawRecord)
        case event(PipelineEvent)
    }

    /// Runs everything; calls `sink` on the calling thread, in input order.
    public func run(_ sink: (PipelineEvent) -> Void) {
        let queue = BoundedQueue<(Int, Work)>(capacity: options.jobs * 4)
        let results = ReorderBuffer<PipelineEvent>(window: options.maxInFlight)
        let group = DispatchGroup()

        // Reader: one thread, inputs in order.
        runOnOwnThread(group, name: "qawl-reader") { [self] in
            var seq = 0
            func emit(_ work: Work) {
                results.reserve()
                queue.push((seq, work))
                seq += 1
            }
            for path in inputs where !stopRequested {
                readInput(path, emit: emit)
            }
            queue.close()
            results.finish(total: seq)
        }

        // Workers: parse and extract.
        for w in 0..<options.jobs {
            runOnOwnThread(group, name: "qawl-worker-\(w)") { [self] in
                var steps = WorkerClock()
                // Parsed documents whose extractor another thread is still building (the set-up
                // in the background, or the first document of a language on another worker):
                // rather than wait, the worker parses what the queue holds. Each one keeps its
                // place in the reorder window until it is extracted, so the window bounds them.
                var deferred: [(seq: Int, document: Document)] = []
                func extract(_ seq: Int, _ document: Document) {
                    // The extractor of the document's language is built on its first document:
                    // start-up, counted in no stage.
                    let t0 = monotonicSeconds()
                    extractor?.prepare(for: document)
                    let t1 = monotonicSeconds()
                    let statements = extractor?.extract(from: document) ?? []
                    let t2 = monotonicSeconds()
                    results.put(seq, .document(document, statements.map(PreparedStatement.init)))
                    let t3 = monotonicSeconds()
                    steps.setup += t1 - t0
                    steps.extract += t2 - t1
                    steps.prepare += t3 - t2
                }
                func extractDeferred() {
                    for item in deferred { extract(item.seq, item.document) }
                    deferred.removeAll()
                }
                while true {
                    var next: (Int, Work)?
                    if let first = deferred.first?.document {
                        // Holding deferred documents, a worker waits on the queue in short steps
                        // and only while their extractor is being built: the records it waits for
                        // may be held back by the reorder window until the consumer has the
                        // deferred ones. Giving up at the first empty queue (the reader inflating
                        // the next record) left the workers of a web dump idle for a third of the
                        // registry's 45 ms build.
                        waiting: while !(extractor?.isPrepared(for: first) ?? true) {
                            switch queue.pop(waitingAtMost: Self.deferredPoll) {
                            case .element(let item): next = item; break waiting
                            case .timedOut: continue
                            case .drained: break waiting
                            }
                        }
                    }
                    if next == nil {
                        extractDeferred()
                        next = queue.pop()
                    }
                    guard let (seq, work) = next else { break }
                    switch work {
                    case .event(let event):
                        results.put(seq, event)
                    case .record(let record):
                        let t0 = monotonicSeconds()
                        let parsed = Result { try parser.parse(record) }
                        steps.parse += monotonicSeconds() - t0
                        let document: Document
                        do { document = try parsed.get() } catch {
                            results.put(seq, .failure((error as? RecordError) ?? RecordError(
                                stage: "parse", input: record.input, record: record.index,
                                offset: record.offset, reason: "parse-error", message: "\(error)")))
                            continue
                        }
                        if let extractor, !extractor.isPrepared(for: document) {
                            deferred.append((seq, document))
                            continue
                        }
                        extractDeferred()
                        extract(seq, document)
                    }
                }
                let cpu = steps.cpuSeconds()
                clock.add("parse", cpu.parse)
                clock.add("extract", cpu.extract)
                // Preparing statements for the store is aggregate work done on the workers.
                clock.add("aggregate", cpu.prepare)
            }
        }

        // Consumer: this thread, in order.
        while let event = results.take() {
            sink(event)
        }
        group.wait()
    }

    /// Reads one input. The "read" timing counts the reader's own work (I/O, inflating, cutting
    /// records), not the time it waits for the workers when the queue is full.
    private func readInput(_ path: String, emit: (Work) -> Void) {
        var busy = 0.0
        var info = InputSummary(path: path)
        defer { clock.add("read", busy) }
        let stream: OpenedStream
        do {
            let t0 = monotonicSeconds()
            defer { busy += monotonicSeconds() - t0 }
            stream = try open(path)
        } catch {
            info.status = .failed
            info.error = "\(error)"
            emit(.event(.failure(RecordError(stage: "read", input: path, reason: "unreadable-input",
                                             message: "\(error)"))))
            emit(.event(.inputFinished(info)))
            return
        }
        info.format = stream.format
        var reader = stream.reader
        while true {
            // Interrupted or stopped: no `inputFinished`, so the input is not committed to the store.
            if stopRequested { return }
            do {
                let t0 = monotonicSeconds()
                let next = try reader.next()
                busy += monotonicSeconds() - t0
                guard let item = next else { break }
                switch item {
                case .record(let record):
                    info.records += 1
                    emit(.record(record))
                case .failure(let failure):
                    info.records += failure.record == nil ? 0 : 1
                    // A stream that breaks off (truncated or corrupt gzip, cut archive) was read
                    // only in part; documents skipped for their content leave the input `ok`.
                    if failure.stage == "decompress" || failure.reason.hasPrefix("truncated") {
                        info.status = .partial
                        info.error = info.error ?? failure.description
                    }
                    emit(.event(.failure(failure)))
                }
            } catch {
                let failure = (error as? RecordError) ?? RecordError(
                    stage: "decompress", input: path, offset: stream.source.compressedBytesRead,
                    reason: Self.reason(of: error), message: "\(error)")
                info.status = .partial
                info.error = failure.description
                emit(.event(.failure(failure)))
                break
            }
        }
        info.bytesCompressed = stream.source.compressedBytesRead
        info.bytesUncompressed = stream.source.bytesProduced
        info.contentHash = stream.contentHash()
        emit(.event(.inputFinished(info)))
    }

    /// A short reason key from an error's case name (`truncatedMember(...)` → `truncated-member`).
    static func reason(of error: Error) -> String {
        let name = String(describing: error).prefix { $0 != "(" && $0 != ":" && $0 != " " }
        var out = ""
        for ch in name.unicodeScalars {
            if CharacterSet.uppercaseLetters.contains(ch) {
                if !out.isEmpty { out += "-" }
                out += String(ch).lowercased()
            } else {
                out.unicodeScalars.append(ch)
            }
        }
        return out.isEmpty ? "read-error" : out
    }
}

/// A worker's seconds per stage. Each step is timed with the monotonic clock (read in user space),
/// and the thread's CPU time, read at the start and at the end, is shared out among the steps in
/// proportion: a worker that waited for a core (the reader's or another process's) is not charged
/// for the wait, and no step pays for a thread-CPU-clock system call (about 1 µs here: five per
/// document were 1.4 % of a run's CPU on the ANT dump).
struct WorkerClock {
    private let cpuStart = threadCPUSeconds()
    /// Wall seconds of each kind of step; `setup` is building an extractor on first need
    /// (start-up, reported in no stage).
    var parse = 0.0, setup = 0.0, extract = 0.0, prepare = 0.0

    func cpuSeconds() -> (parse: Double, extract: Double, prepare: Double) {
        let busy = parse + setup + extract + prepare
        let cpu = threadCPUSeconds() - cpuStart
        // The thread also ran between steps (queue hand-over), so CPU over busy wall time can pass
        // 1 a little; a step is never charged more than it lasted.
        let share = busy > 0 ? min(1, cpu / busy) : 1
        return (parse * share, extract * share, prepare * share)
    }
}

/// What the pipeline hands the sink, in input order.
public enum PipelineEvent: Sendable {
    case document(Document, [PreparedStatement])
    case failure(RecordError)
    case inputFinished(InputSummary)
}

/// One input's outcome, for `manifest.json`.
public struct InputSummary: Sendable {
    public enum Status: String, Sendable { case ok, partial, failed }
    public var path: String
    public var format: String = "unknown"
    public var status: Status = .ok
    public var error: String?
    public var records = 0
    public var bytesCompressed: Int64 = 0
    public var bytesUncompressed: Int64 = 0
    /// The file's `ContentHash` when the reader read all of it (the store keeps it to recognise
    /// the file later), else nil.
    public var contentHash: String?
    public init(path: String) { self.path = path }
}
