import ArgumentParser
import Foundation
import Qawl

/// Options shared by the commands that read inputs.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "Run configuration (YAML); see pipelines/nightly.yaml.")
    var config: String?

    @Option(name: .long, help: "Worker threads for parse and extract (default: one per core).")
    var jobs: Int?

    @Option(name: .long, help: "Actor registry folder (default: the configuration's, else data/actors).")
    var actors: String?

    @Option(name: .long, help: "Data folder with lexicons and the registry (default: found next to the binary, or $QAWL_DATA).")
    var data: String?

    @Option(name: .long, help: ArgumentHelp(
        "Folder of compiled actor registry snapshots, or `off` (default: $XDG_CACHE_HOME/qawl, else ~/.cache/qawl).",
        discussion: "A snapshot is used only while the registry files and the qawl binary are unchanged; it saves parsing the registry's YAML at start-up.",
        valueName: "dir|off"))
    var registryCache: String?

    @Argument(help: "Input files, directories (walked recursively) or globs. They replace the configuration's inputs.")
    var inputs: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func configuration() throws -> RunConfiguration {
        var c: RunConfiguration
        do { c = try config.map(RunConfiguration.load) ?? RunConfiguration() } catch {
            throw ValidationError("\(error)")
        }
        if !inputs.isEmpty { c.inputs = inputs }
        if let jobs { c.jobs = jobs }
        if let actors { c.actors = actors }
        if let data { c.data = data }
        if let registryCache { c.registryCache = registryCache }
        if c.inputs.isEmpty { throw ValidationError("no inputs: give files, directories or globs, or --config with `inputs`") }
        return c
    }
}

/// What a run built to extract with (the registry, its tries and linking indexes, the lexicons) is
/// left for the process's exit to free: freeing it object by object took about 0.3 G instructions
/// (callgrind, a run over a one-line file), a tenth of a second that a nightly run over a small
/// dump, or a one-core run over a WARC, spends for nothing. Compilers do the same (clang's
/// `-disable-free`). The store is not among it: it is closed when the run ends.
nonisolated(unsafe) private var keptUntilExit: [Components] = []

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the whole pipeline: read, decompress, parse, extract, aggregate, write.",
        discussion: """
        Writes statements.jsonl, timelines/, actors.json, report.json, report.html, manifest.json and
        errors.jsonl into --out. Exit status 0 when every input was read, 1 when some input could
        not be read (or only in part; everything else is still written), 2 for bad usage.
        """)

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Output directory (default: the configuration's `out`, else ./out).")
    var out: String?

    @Flag(name: .long, help: "Read, decompress and parse only (no statements): for benchmarks and debugging.")
    var noExtract = false

    @Flag(name: .long, help: "Forget what the store remembers and process every input again.")
    var full = false

    @Option(name: .long, help: "Store of processed inputs and statements (default: OUT/qawl.sqlite).")
    var store: String?

    @Flag(name: .long, help: "Write a shard's partial output (store, statements, errors, manifest) for `qawl merge`.")
    var partial = false

    func run() throws {
        var c = try input.configuration()
        if let out { c.out = out }
        let components: Components
        do { components = try Components.standard(configuration: c, extract: !noExtract, background: true) } catch {
            throw ValidationError("\(error)")
        }
        keptUntilExit.append(components)
        let outcome: Runner.Outcome
        var runner = Runner(configuration: c, components: components)
        runner.full = full
        runner.partial = partial
        runner.storePath = store
        Interruption.install()
        do { outcome = try runner.run() } catch let error as Runner.SetupFailed {
            throw ValidationError("\(error)")
        } catch let error as Interruption.Interrupted {
            FileHandle.standardError.write(Data("qawl: \(error)\n".utf8))
            throw ExitCode(130)
        } catch {
            FileHandle.standardError.write(Data("qawl: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if !outcome.staleExtraction.isEmpty {
            let n = outcome.staleExtraction.count
            FileHandle.standardError.write(Data("qawl: warning: \(n) unchanged input\(n == 1 ? " was" : "s were") processed with another registry, lexicons or qawl version (first: \(outcome.staleExtraction[0])); their statements keep the links of then: run with --full to process them again\n".utf8))
        }
        let d = outcome.aggregator.documents
        var summary = "qawl: processed \(outcome.processed.count) inputs (\(outcome.unchanged.count) unchanged): \(d.read) documents (\(d.parsed) parsed, \(d.skipped) skipped, \(d.failed) failed), \(outcome.aggregator.statements) statements"
        summary += outcome.wroteOutputs ? " → \(c.out)\n" : "; nothing new, outputs in \(c.out) left as they were\n"
        FileHandle.standardError.write(Data(summary.utf8))
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}

struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Print the parsed documents as JSON lines (doc_id, url, title, published, lang, text).",
        discussion: "For inspection and debugging: read, decompress and parse only. Failures go to stderr.")

    @OptionGroup var input: InputOptions

    func run() throws {
        let c = try input.configuration()
        var components: Components
        do { components = try Components.standard(configuration: c, extract: false) } catch {
            throw ValidationError("\(error)")
        }
        components.extractor = nil
        let inputs: [String]
        do { inputs = try components.expand(c.inputs) } catch {
            FileHandle.standardError.write(Data("qawl: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let jobs = c.jobs > 0 ? c.jobs : ProcessInfo.processInfo.activeProcessorCount
        let pipeline = Pipeline(inputs: inputs, open: components.open, parser: components.parser,
                                extractor: nil, options: .init(jobs: jobs))
        let stdout = FileHandle.standardOutput
        var buffer: [UInt8] = []
        var w = JSONWriter()
        var failed = false
        pipeline.run { event in
            switch event {
            case .document(let d, _):
                w.reset()
                w.document(d)
                buffer.append(contentsOf: w.bytes)
                buffer.append(0x0A)
                if buffer.count > 1 << 20 { stdout.write(Data(buffer)); buffer.removeAll(keepingCapacity: true) }
            case .failure(let e):
                FileHandle.standardError.write(Data("qawl: \(e)\n".utf8))
            case .inputFinished(let s):
                if s.status != .ok { failed = true }
            }
        }
        stdout.write(Data(buffer))
        if failed { throw ExitCode(1) }
    }
}
