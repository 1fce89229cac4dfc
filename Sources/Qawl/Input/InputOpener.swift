/// An opened input: the reader that cuts its records, what it is, and the byte source underneath
/// for the byte counters (`compressedBytesRead`, `bytesProduced`).
public struct OpenedInput {
    public var reader: any RecordReader
    public let format: InputFormat
    /// True when the file is gzip (single or multi-member, `.gz`, `.tgz`).
    public let gzipped: Bool
    public let source: ByteSource
    /// The file under `source`, which hashes what it reads (`FileSource.contentHash`).
    public let file: FileSource

    /// Bytes read from the file so far.
    public var compressedBytes: Int64 { source.compressedBytesRead }
    /// Decompressed bytes produced so far (equal to `compressedBytes` for a plain file).
    public var uncompressedBytes: Int64 { source.bytesProduced }
}

/// Opens an input file: gzip by its magic bytes, then the format by the first decompressed bytes
/// (`InputFormat.sniff`), then the matching reader. The name is only a hint (text vs HTML).
///
///     var opened = try InputOpener.open(path: "crawl.warc.gz", options: ReaderOptions())
///     // opened.format == .warc, opened.gzipped == true
///     while let item = try opened.reader.next() { ... }
public enum InputOpener {
    public static func open(path: String, options: ReaderOptions = ReaderOptions()) throws -> OpenedInput {
        let file = try FileSource(path: path)
        let magic = try file.peekStart(2)
        let gzipped = GzipCodec.isGzip(magic)
        let source: ByteSource = gzipped ? try GzipSource(file: file, name: path) : file
        let window = ByteWindow(source: source)
        // Enough decompressed bytes to sniff (a damaged stream stays pending in the window).
        _ = window.ensure(InputFormat.sniffLength)
        let prefix = Array(window.slice(window.start..<min(window.end, window.start + InputFormat.sniffLength)))
        var hint = path
        for suffix in [".gz", ".gzip"] where hint.lowercased().hasSuffix(suffix) { hint = String(hint.dropLast(suffix.count)) }
        let format = InputFormat.sniff(prefix, nameHint: hint)
        let reader: any RecordReader
        switch format {
        case .warc: reader = WARCRecordReader(window: window, input: path, options: options)
        case .tar: reader = TarMemberReader(window: window, input: path, options: options)
        case .jsonl: reader = JSONLinesReader(window: window, input: path, options: options)
        case .sgml: reader = SGMLDocReader(window: window, input: path, options: options)
        case .feed: reader = FeedReader(window: window, input: path, options: options)
        case .html: reader = SingleDocumentReader(window: window, input: path, options: options, kind: .html)
        case .text: reader = SingleDocumentReader(window: window, input: path, options: options)
        }
        return OpenedInput(reader: reader, format: format, gzipped: gzipped, source: source, file: file)
    }
}
