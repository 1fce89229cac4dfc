import Foundation

/// `qawl run` as a library call: builds the pipeline from a configuration, consumes its events into a
/// `RunAggregator`, streams `errors.jsonl`, and writes the output directory.
public struct Runner {
    public var configuration: RunConfiguration
    public var components: Components
    /// Progress line on stderr (only when stderr is a terminal).
    public var progress: Bool

    public init(configuration: RunConfiguration, components: Components, progress: Bool = isatty(2) == 1) {
        self.configuration = configuration
        self.components = components
        self.progress = progress
    }

    public struct Outcome {
        public var exitCode: Int32
        public var report: RunReport?
        public var aggregator: RunAggregator
    }

    public func run() throws -> Outcome {
        let started = Date()
        let t0 = monotonicSeconds()
        let inputs = try components.expand(configuration.inputs)
        let writer = try OutputWriter(directory: URL(fileURLWithPath: configuration.out))
        let errors = try writer.openErrors()
        var writeFailure: Error?
        let aggregator = RunAggregator { e in
            var w = JSONWriter()
            w.error(e)
            do { try errors.write(w.bytes + [0x0A]) } catch { writeFailure = error }
        }
        let jobs = configuration.jobs > 0 ? configuration.jobs : ProcessInfo.processInfo.activeProcessorCount
        let pipeline = Pipeline(inputs: inputs, open: components.open, parser: components.parser,
                                extractor: components.extractor, options: .init(jobs: jobs))
        var meter = ProgressMeter(enabled: progress)
        var aggregateSeconds = 0.0
        pipeline.run { event in
            let a = monotonicSeconds()
            aggregator.consume(event)
            aggregateSeconds += monotonicSeconds() - a
            meter.update(aggregator)
        }
        meter.finish()
        if let writeFailure { throw writeFailure }
        try errors.commit()
        let w0 = monotonicSeconds()
        var stages = pipeline.stageSeconds
        stages["aggregate"] = aggregateSeconds
        var info = RunInfo(config: configuration.path, jobs: jobs, startedAt: started,
                           elapsedSeconds: monotonicSeconds() - t0, stageSeconds: stages,
                           registry: components.registryDescription)
        let report = try writer.writeAll(aggregator, run: info)
        info.stageSeconds["write"] = monotonicSeconds() - w0
        info.elapsedSeconds = monotonicSeconds() - t0
        try writer.writeManifest(aggregator, run: info)
        return Outcome(exitCode: aggregator.anyInputFailed ? 1 : 0, report: report, aggregator: aggregator)
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
        let mb = Double(agg.bytesUncompressed) / 1e6
        let line = "\r\(agg.documents.read) docs, \(agg.statements.count) statements, \(agg.documents.failed + agg.inputErrors) errors, \(JSONWriter.format(mb / max(now - start, 1e-9), digits: 1)) MB/s   "
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
