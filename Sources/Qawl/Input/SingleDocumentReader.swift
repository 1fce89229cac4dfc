/// A whole file as one document: an `.html`/`.htm` page or a `.txt` article, capped at
/// `maxRecordBytes`. The id is the file name without directories and extensions:
///
///     shared/seed/000_7c6445b88433139e.txt  →  record 0, id "000_7c6445b88433139e", .text
public struct SingleDocumentReader: RecordReader {
    private let core: ReaderCore
    private let kindHint: RawRecord.Kind?

    public init(source: ByteSource, input: String, options: ReaderOptions = ReaderOptions(), kind: RawRecord.Kind? = nil) {
        self.init(window: ByteWindow(source: source), input: input, options: options, kind: kind)
    }

    init(window: ByteWindow, input: String, options: ReaderOptions, kind: RawRecord.Kind? = nil) {
        core = ReaderCore(window: window, input: input, options: options)
        kindHint = kind
    }

    public mutating func next() throws -> ReadItem? {
        if core.finished { return nil }
        let w = core.window
        let cap = core.options.maxRecordBytes
        while w.available <= cap && w.fill() {}
        if w.pendingError != nil {
            // A damaged compressed file: the document is incomplete, report why.
            return try core.recoverFromSourceError(record: 0, resync: false)
        }
        core.finished = true
        _ = core.takeIndex()
        if w.available > cap {
            return core.tooLarge(offset: 0, size: nil, record: 0)
        }
        let body = Array(w.slice(w.start..<w.end))
        w.consume(body.count)
        guard let kind = kindHint ?? Self.kind(of: body, nameHint: core.input) else {
            return core.failure(reason: "not-text", message: "binary content, not an HTML or text document",
                                offset: 0, record: 0, skipped: true)
        }
        return .record(RawRecord(input: core.input, index: 0, offset: 0, kind: kind, body: body,
                                 id: DocumentID.fromFileName(core.input)))
    }

    /// `.html` or `.text` by content (name as tie-breaker); nil for binary data (NUL bytes in the
    /// first KiB) or a container format that is not one document.
    static func kind(of body: [UInt8], nameHint: String) -> RawRecord.Kind? {
        let head = Array(body.prefix(InputFormat.sniffLength))
        if head.prefix(1024).contains(0) && !looksLikeUTF16(head) { return nil }
        switch InputFormat.sniff(head, nameHint: nameHint) {
        case .html: return .html
        case .text: return .text
        case .warc, .tar, .jsonl, .sgml, .feed: return nil
        }
    }

    private static func looksLikeUTF16(_ b: [UInt8]) -> Bool {
        b.count >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))
    }
}
