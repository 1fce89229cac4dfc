/// Consumes pipeline events in input order and files them into the store, one transaction per
/// input, keeping the counts the run summary needs.
///
/// Counting rule (so nothing is lost silently): every record a reader produced, or failed to
/// produce, is one document `read`; it ends up `parsed`, `skipped` (no usable content) or `failed`.
/// Input-level failures (an unreadable file, a stream that breaks off) are counted per input.
public final class RunAggregator {
    public struct DocumentCounts: Sendable, Equatable {
        public var read = 0, parsed = 0, skipped = 0, failed = 0
        public var byReason: [String: Int] = [:]
        public init() {}

        mutating func add(_ other: DocumentCounts) {
            read += other.read; parsed += other.parsed; skipped += other.skipped; failed += other.failed
            for (k, v) in other.byReason { byReason[k, default: 0] += v }
        }
    }

    /// Totals of this run (not of the store).
    public private(set) var documents = DocumentCounts()
    public private(set) var statements = 0
    public private(set) var inputErrors = 0
    public private(set) var inputs: [InputSummary] = []
    public private(set) var bytesUncompressed: Int64 = 0

    private let store: StatementStore
    private let states: [String: StatementStore.InputState]
    private var writer: StatementStore.InputWriter?
    private var current = DocumentCounts()
    private var currentInputErrors = 0
    /// First failure while writing the store; the run stops reporting success.
    public private(set) var storeError: Error?
    /// Recorded with every input committed (`ExtractionFingerprint`); nil records nothing.
    public var extractionFingerprint: String?

    /// `states`: size, mtime and hash of each input about to be processed.
    public init(store: StatementStore, states: [String: StatementStore.InputState]) {
        self.store = store
        self.states = states
    }

    private func writer(for input: String) throws -> StatementStore.InputWriter {
        if let writer, writer.input == input { return writer }
        let w = try store.beginInput(input)
        writer = w
        current = DocumentCounts()
        currentInputErrors = 0
        return w
    }

    public func consume(_ event: PipelineEvent) {
        guard storeError == nil else { return }
        do {
            switch event {
            case .document(let document, let found):
                let w = try writer(for: document.input)
                current.read += 1
                current.parsed += 1
                w.tally("lang", document.lang)
                if let source = document.source { w.tally("source", source) }
                for s in found { try w.add(s) }
                statements += found.count
            case .failure(let error):
                let w = try writer(for: error.input)
                if error.record != nil {
                    current.read += 1
                    if error.skipped { current.skipped += 1 } else { current.failed += 1 }
                } else {
                    currentInputErrors += 1
                }
                current.byReason[error.reason, default: 0] += 1
                try w.add(error)
            case .inputFinished(let summary):
                let w = try writer(for: summary.path)
                var state = states[summary.path] ?? .init(size: 0, mtime: 0, hash: "")
                // A new input's hash comes from its reader, which read it whole; one it did not
                // (stopped by damage, say) is hashed here.
                if states[summary.path] != nil && state.hash.isEmpty {
                    state.hash = summary.contentHash ?? (try? FileFingerprint.hash(summary.path)) ?? ""
                }
                if let extractionFingerprint { try store.recordExtraction(extractionFingerprint, for: summary.path) }
                try w.commit(summary, state: state, counts: current, inputErrors: currentInputErrors)
                writer = nil
                documents.add(current)
                inputErrors += currentInputErrors
                inputs.append(summary)
                bytesUncompressed += summary.bytesUncompressed
            }
        } catch {
            storeError = error
            writer?.rollback()
            writer = nil
        }
    }

    /// Exit status 1 (spec): some input could not be read at all. Inputs read in part (`partial`)
    /// are listed in the manifest and errors.jsonl but do not fail the run.
    /// Rolls back the input whose end never came (an interrupted run).
    public func abandonOpenInput() {
        writer?.rollback()
        writer = nil
    }

    public var anyInputFailed: Bool { inputs.contains { $0.status == .failed } }
}
