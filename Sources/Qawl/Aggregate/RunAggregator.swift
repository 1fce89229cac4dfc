/// Consumes pipeline events in input order and keeps everything the outputs need: the statements,
/// document and error counts, per-input summaries and per-day/cue/source/actor tallies.
///
/// Counting rule (so nothing is lost silently): every record a reader produced, or failed to
/// produce, is one document `read`; it ends up `parsed`, `skipped` (no usable content) or `failed`.
/// Input-level failures (an unreadable file, a stream that breaks off) are counted per input.
public final class RunAggregator {
    public struct DocumentCounts: Sendable {
        public var read = 0, parsed = 0, skipped = 0, failed = 0
        public var byReason: [String: Int] = [:]
    }

    public private(set) var documents = DocumentCounts()
    public private(set) var statements: [Statement] = []
    public private(set) var inputs: [InputSummary] = []
    public private(set) var inputErrors = 0
    public private(set) var documentsByLang: [String: Int] = [:]
    public private(set) var documentsBySource: [String: Int] = [:]
    /// Called for each failure as it arrives (errors.jsonl is streamed, not held).
    private let onError: (RecordError) -> Void

    public init(onError: @escaping (RecordError) -> Void = { _ in }) {
        self.onError = onError
    }

    public func consume(_ event: PipelineEvent) {
        switch event {
        case .document(let document, let found):
            documents.read += 1
            documents.parsed += 1
            documentsByLang[document.lang, default: 0] += 1
            if let source = document.source { documentsBySource[source, default: 0] += 1 }
            statements.append(contentsOf: found)
        case .failure(let error):
            if error.record != nil {
                documents.read += 1
                if error.skipped { documents.skipped += 1 } else { documents.failed += 1 }
                documents.byReason[error.reason, default: 0] += 1
            } else {
                inputErrors += 1
                documents.byReason[error.reason, default: 0] += 1
            }
            onError(error)
        case .inputFinished(let summary):
            inputs.append(summary)
        }
    }

    /// Adds statements that came from elsewhere (a merged shard, the store).
    public func add(statements more: [Statement]) { statements.append(contentsOf: more) }

    public var bytesCompressed: Int64 { inputs.reduce(0) { $0 + $1.bytesCompressed } }
    public var bytesUncompressed: Int64 { inputs.reduce(0) { $0 + $1.bytesUncompressed } }
    public var anyInputFailed: Bool { inputs.contains { $0.status != .ok } }
}

/// The canonical statement order of `statements.jsonl`: published date, document, position.
public func statementOrder(_ a: Statement, _ b: Statement) -> Bool {
    let pa = a.published ?? "", pb = b.published ?? ""
    if pa != pb { return pa < pb }
    if a.docID != b.docID { return a.docID < b.docID }
    if a.contentStart != b.contentStart { return a.contentStart < b.contentStart }
    return a.statementID < b.statementID
}
