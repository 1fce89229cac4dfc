/// What every streaming reader shares: the byte window, the input name, options, the running
/// record index, and the end-of-input protocol: hand out everything complete, then the source's
/// error (truncated or corrupt gzip) as a `RecordError`, then go on after the next good gzip
/// member where that makes sense, else `nil`.
final class ReaderCore {
    let window: ByteWindow
    let input: String
    let options: ReaderOptions
    private(set) var nextIndex = 0
    var finished = false

    init(window: ByteWindow, input: String, options: ReaderOptions) {
        self.window = window
        self.input = input
        self.options = options
    }

    /// Takes the next record index (records and per-record errors share the numbering).
    func takeIndex() -> Int {
        defer { nextIndex += 1 }
        return nextIndex
    }

    /// End of the data: a pending source error comes out as a failure (and reading resumes at
    /// the next gzip member when `resync`), otherwise the input is done.
    func finish(resync: Bool = true) throws -> ReadItem? {
        if window.pendingError != nil { return try recoverFromSourceError(record: nil, resync: resync) }
        finished = true
        return nil
    }

    func failure(reason: String, message: String, offset: Int64?, record: Int? = nil, stage: String = "read",
                 skipped: Bool = false) -> ReadItem {
        .failure(RecordError(stage: stage, input: input, record: record, offset: offset, reason: reason,
                             message: message, skipped: skipped))
    }

    func tooLarge(offset: Int64, size: Int64?, record: Int) -> ReadItem {
        let what = size.map { "\($0) bytes" } ?? "more than \(options.maxRecordBytes) bytes"
        return failure(reason: "record-too-large",
                       message: "record of \(what) exceeds the \(options.maxRecordBytes)-byte cap; skipped",
                       offset: offset, record: record)
    }

    /// The source's pending error as a per-record failure (truncated or corrupt gzip).
    func sourceFailure(record: Int?) -> ReadItem? {
        guard let error = window.pendingError else { return nil }
        if let d = error as? DecompressError { return .failure(d.recordError(input: input, record: record)) }
        if let i = error as? InputError {
            return failure(reason: "unreadable-input", message: i.description, offset: window.offset, record: record)
        }
        return failure(reason: "read-error", message: "\(error)", offset: window.offset, record: record)
    }

    /// Reports the source's error for `record`, then, when the source is made of independent gzip
    /// members, skips to the next good one so reading goes on (WARC with one member per record);
    /// otherwise the input ends here.
    func recoverFromSourceError(record: Int?, resync: Bool = true) throws -> ReadItem? {
        guard let item = sourceFailure(record: record) else { return nil }
        window.pendingError = nil
        if resync, let source = window.source as? ResyncableSource, try source.resync() != nil {
            window.discardBuffered()
            window.resume()
        } else {
            window.consume(window.available)
            finished = true
        }
        return item
    }
}
