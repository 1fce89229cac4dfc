/// Reads WARC 1.0/1.1 files (plain, whole-file gzip, or one gzip member per record) and yields
/// the `response` and `resource` records as documents (and `conversion` records, the extracted
/// text of Common Crawl WET files); `request`, `metadata`, `warcinfo`, `revisit` records are not
/// documents and are passed over.
///
///     WARC/1.0                                   RawRecord
///     WARC-Type: response                          id  "d5b6fe8b-a63f-834e-3c34-327c8f215ef6"
///     WARC-Record-ID: <urn:uuid:d5b6fe8b-...>  →   url "http://example.com/a"
///     WARC-Target-URI: http://example.com/a        containerDate "2020-01-01T00:00:00Z"
///     WARC-Date: 2020-01-01T00:00:00Z              contentType "text/html; charset=utf-8"
///     Content-Length: 1234                         body <html>... (HTTP headers stripped,
///                                                  chunked and gzip encodings undone)
///     HTTP/1.1 200 OK
///     Transfer-Encoding: chunked ...
///
/// A wrong `Content-Length` does not derail reading: when the block is not followed by the
/// record trailer and a new `WARC/1.` line, the record ends at the next `WARC/1.` line. The
/// record is still yielded, and the mismatch is reported as an input-level `RecordError`
/// (`record` nil, reason `warc-length-mismatch`, offset of the record): an error carrying the
/// record index would count the record a second time (read = parsed + skipped + failed).
/// A corrupt gzip member is reported and reading resumes at the next member.
public struct WARCRecordReader: RecordReader {
    private let core: ReaderCore
    /// An item to hand out on the next call (the length-mismatch note after its record).
    private var queued: ReadItem?

    public init(source: ByteSource, input: String, options: ReaderOptions = ReaderOptions()) {
        self.init(window: ByteWindow(source: source), input: input, options: options)
    }

    init(window: ByteWindow, input: String, options: ReaderOptions) {
        core = ReaderCore(window: window, input: input, options: options)
    }

    private static let magic = Array("WARC/1.".utf8)
    private static let lineMagic = Array("\nWARC/1.".utf8)
    private static let httpMagic = Array("HTTP/".utf8)
    private static let maxHeaderBytes = 1 << 20

    public mutating func next() throws -> ReadItem? {
        if let item = queued { queued = nil; return item }
        let w = core.window
        while !core.finished {
            // 1. Find the "WARC/1." line.
            guard syncToRecordStart(w) else {
                if w.pendingError != nil {
                    // A damaged member between records: it held (at least part of) a record.
                    if let item = try core.recoverFromSourceError(record: core.takeIndex()) { return item }
                    continue
                }
                return try core.finish()
            }
            let offset = w.offset
            // 2. The WARC header block.
            guard let headerEnd = findHeaderEnd(w) else {
                if w.pendingError != nil { if let item = try core.recoverFromSourceError(record: nil) { return item }; continue }
                if w.available > Self.maxHeaderBytes || w.atEnd {
                    w.consume(Self.magic.count)   // not a real header: look for the next one
                    if w.atEnd && w.available < Self.maxHeaderBytes {
                        let item = core.failure(reason: "truncated-warc", message: "file ends inside a WARC header", offset: offset)
                        w.consume(w.available)
                        return item
                    }
                }
                continue
            }
            let header = Self.parseHeaders(w.slice(w.start..<(w.start + headerEnd.headerLength)))
            w.consume(headerEnd.total)
            let type = (header["warc-type"] ?? "").lowercased()
            let isDocument = type == "response" || type == "resource" || type == "conversion"
            guard let length = header["content-length"].flatMap({ Int64($0.trimmingSpaces) }), length >= 0 else {
                if isDocument {
                    return core.failure(reason: "bad-warc-header", message: "WARC record without a valid Content-Length",
                                        offset: offset, record: core.takeIndex())
                }
                continue
            }
            let index = isDocument ? core.takeIndex() : -1
            if !isDocument || length > Int64(core.options.maxRecordBytes) {
                let skipped = w.skip(length)
                if skipped < length, w.pendingError != nil {
                    if let item = try core.recoverFromSourceError(record: isDocument ? index : nil) { return item }
                    continue
                }
                if isDocument { return core.tooLarge(offset: offset, size: length, record: index) }
                continue
            }
            // 3. The block, checked against what follows it.
            let n = Int(length)
            _ = w.ensure(n + 4 + Self.magic.count)
            if w.available < n, w.pendingError != nil {
                if let item = try core.recoverFromSourceError(record: index) { return item }
                continue
            }
            var blockLength = n
            if w.available < n || !trailerFollows(w, at: n) {
                // Wrong Content-Length (or a cut file): the record ends at the next WARC line.
                guard let end = findNextRecordLine(w, cap: core.options.maxRecordBytes) else {
                    if w.pendingError != nil, let item = try core.recoverFromSourceError(record: index) { return item }
                    let item = core.failure(reason: "truncated-warc",
                                            message: "record declares \(length) bytes, \(w.available) left in the file",
                                            offset: offset, record: index)
                    w.consume(w.available)
                    return item
                }
                blockLength = end
                queued = core.failure(
                    reason: "warc-length-mismatch",
                    message: "record \(index) declares Content-Length \(length) but its block ends after \(end) bytes"
                        + " (at the next WARC/1. line or the end of the file); cut there",
                    offset: offset)
            }
            // The record is read from the window in place: the document's body is its one copy.
            let item = record(type: type, header: header, block: w.slice(w.start..<(w.start + blockLength)),
                              offset: offset, index: index)
            w.consume(blockLength)
            return item
        }
        return nil
    }

    /// Skips whitespace and any garbage up to a line starting "WARC/1.". False at end of stream.
    private func syncToRecordStart(_ w: ByteWindow) -> Bool {
        while true {
            while w.available > 0, InputFormat.isSpace(w[w.start]) { w.consume(1) }
            if w.available < Self.magic.count {
                if w.fill() { continue }
                w.consume(w.available)
                return false
            }
            if w.slice(w.start..<(w.start + Self.magic.count)).elementsEqual(Self.magic) { return true }
            if let hit = w.find(Self.lineMagic, from: w.start) {
                w.consume(hit + 1 - w.start)
                return true
            }
            w.consume(max(0, w.available - Self.lineMagic.count))
            if !w.fill() { w.consume(w.available); return false }
        }
    }

    /// Length of the header lines and of the header including the blank line.
    private func findHeaderEnd(_ w: ByteWindow) -> (headerLength: Int, total: Int)? {
        var from = w.start
        while true {
            if let hit = w.findFirst([Array("\r\n\r\n".utf8), Array("\n\n".utf8)], from: from) {
                let length = hit.needle == 0 ? 4 : 2
                return (hit.index - w.start, hit.index + length - w.start)
            }
            if w.available > Self.maxHeaderBytes { return nil }
            from = max(w.start, w.end - 3) - w.start
            if !w.fill() { return nil }
            from += w.start
        }
    }

    /// After a block of `n` bytes: the record trailer (line breaks), then the end of the data or
    /// "WARC/1.". When the stream broke just after (a corrupt next gzip member), a complete
    /// trailer is enough: the block itself arrived whole.
    private func trailerFollows(_ w: ByteWindow, at n: Int) -> Bool {
        var i = w.start + n
        var breaks = 0
        while i < w.end, w[i] == 0x0D || w[i] == 0x0A { i += 1; breaks += 1 }
        if i == w.end { return w.atEnd && (w.pendingError == nil || breaks >= 2) }
        if w.pendingError != nil && breaks >= 2 { return true }
        guard breaks > 0, i + Self.magic.count <= w.end else { return false }
        return w.slice(i..<(i + Self.magic.count)).elementsEqual(Self.magic)
    }

    /// Relative end of the block when the next record line is the only guide: the bytes before
    /// "\nWARC/1." minus the trailer's line breaks; the end of the stream if there is none.
    private func findNextRecordLine(_ w: ByteWindow, cap: Int) -> Int? {
        var from = w.start
        while true {
            if let hit = w.find(Self.lineMagic, from: from) {
                var end = hit
                while end > w.start, w[end - 1] == 0x0D || w[end - 1] == 0x0A { end -= 1 }
                return end - w.start
            }
            if w.available > cap { return nil }
            from = max(w.start, w.end - Self.lineMagic.count) - w.start
            if !w.fill() {
                guard w.pendingError == nil, w.available > 0 else { return nil }
                var end = w.end
                while end > w.start, w[end - 1] == 0x0D || w[end - 1] == 0x0A { end -= 1 }
                return end - w.start
            }
            from += w.start
        }
    }

    /// Header lines as lower-cased name → value (first occurrence wins).
    static func parseHeaders(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        var result: [String: String] = [:]
        for line in bytes.split(separator: 0x0A) {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).trimmingSpaces.lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces
            if result[name] == nil { result[name] = value }
        }
        return result
    }

    private func record(type: String, header: [String: String], block: ArraySlice<UInt8>, offset: Int64, index: Int) -> ReadItem {
        var id = header["warc-record-id"] ?? ""
        if id.hasPrefix("<") { id.removeFirst() }
        if id.hasSuffix(">") { id.removeLast() }
        if id.lowercased().hasPrefix("urn:uuid:") { id.removeFirst(9) }
        let body: [UInt8]
        var contentType = header["content-type"]
        if type == "response" && block.starts(with: Self.httpMagic) {
            let http: HTTPMessage
            do {
                http = try HTTPMessage(block, maxBytes: core.options.maxRecordBytes)
            } catch let error as HTTPMessage.Failure {
                switch error {
                case .tooLarge: return core.tooLarge(offset: offset, size: nil, record: index)
                case .badEncoding(let message):
                    return core.failure(reason: "bad-content-encoding", message: message, offset: offset, record: index)
                }
            } catch {
                return core.failure(reason: "bad-http", message: "\(error)", offset: offset, record: index)
            }
            guard (200..<300).contains(http.status) else {
                return core.failure(reason: "http-status", message: "HTTP status \(http.status), not a page",
                                    offset: offset, record: index, skipped: true)
            }
            body = http.body
            contentType = http.contentType
        } else {
            body = Array(block)
        }
        let lowered = (contentType ?? "").lowercased()
        let kind: RawRecord.Kind
        if lowered.isEmpty || lowered.contains("html") || lowered.contains("xml") {
            kind = .html
        } else if lowered.hasPrefix("text/plain") {
            kind = .text
        } else {
            return core.failure(reason: "not-a-document", message: "content type \(contentType ?? "") is not HTML or text",
                                offset: offset, record: index, skipped: true)
        }
        return .record(RawRecord(input: core.input, index: index, offset: offset, kind: kind, body: body,
                                 id: id.isEmpty ? nil : id, url: header["warc-target-uri"],
                                 containerDate: header["warc-date"], contentType: contentType))
    }
}

/// An HTTP response inside a WARC block: status, headers, and the body with
/// `Transfer-Encoding: chunked` and `Content-Encoding: gzip/deflate` undone.
struct HTTPMessage {
    enum Failure: Error { case tooLarge, badEncoding(String) }

    var status: Int
    var headers: [String: String]
    var body: [UInt8]
    var contentType: String? { headers["content-type"] }

    init(_ block: [UInt8], maxBytes: Int) throws {
        try self.init(block[...], maxBytes: maxBytes)
    }

    /// From a block read in place (`WARCRecordReader`): only the body is copied out.
    init(_ block: ArraySlice<UInt8>, maxBytes: Int) throws {
        let first = block.startIndex, past = block.endIndex
        let crlf = ByteSearch.find(Array("\r\n\r\n".utf8), in: block)
        let lf = ByteSearch.find(Array("\n\n".utf8), in: block[..<min(past, (crlf ?? past) + 2)])
        let headEnd: Int, bodyStart: Int
        if let crlf, lf == nil || crlf < lf! { headEnd = crlf; bodyStart = crlf + 4 }
        else if let lf { headEnd = lf; bodyStart = lf + 2 }
        else { headEnd = past; bodyStart = past }
        let head = block[first..<headEnd]
        let statusLine = head.prefix(while: { $0 != 0x0A && $0 != 0x0D })
        let parts = String(decoding: statusLine, as: UTF8.self).split(separator: " ")
        status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        headers = WARCRecordReader.parseHeaders(head.dropFirst(statusLine.count))
        // One memcpy: `Array(block[bodyStart...])` copied through the generic collection path.
        body = block.withUnsafeBufferPointer { all in
            let from = bodyStart - first, n = all.count - from
            return [UInt8](unsafeUninitializedCapacity: n) { out, count in
                if n > 0 { out.baseAddress!.update(from: all.baseAddress! + from, count: n) }
                count = n
            }
        }
        if (headers["transfer-encoding"] ?? "").lowercased().contains("chunked"), let decoded = HTTPMessage.dechunk(body) {
            body = decoded
        }
        let encoding = (headers["content-encoding"] ?? "").lowercased().trimmingSpaces
        if ["gzip", "x-gzip", "deflate"].contains(encoding), !body.isEmpty {
            // Some crawlers store the decoded body but keep the header: inflate only real data.
            if encoding != "deflate" && !GzipCodec.isGzip(body) { return }
            do {
                body = try GzipCodec.inflate(body, limit: maxBytes)
            } catch let error as DecompressError {
                if case .exceedsLimit = error { throw Failure.tooLarge }
                throw Failure.badEncoding("Content-Encoding \(encoding): \(error.description)")
            }
        }
    }

    /// Decodes chunked transfer-encoding; nil when the body is not chunked after all (the first
    /// size line is not hex), so the raw body is used.
    static func dechunk(_ b: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            guard let eol = b[i...].firstIndex(of: 0x0A) else { return out.isEmpty ? nil : out }
            var line = b[i..<eol]
            if let semi = line.firstIndex(of: UInt8(ascii: ";")) { line = line[..<semi] }
            let hex = String(decoding: line, as: UTF8.self).trimmingSpaces
            guard let size = Int(hex, radix: 16), size >= 0 else { return out.isEmpty && i == 0 ? nil : out }
            i = eol + 1
            if size == 0 { return out }
            let end = min(i + size, b.count)
            out.append(contentsOf: b[i..<end])
            i = end
            // The CRLF after the chunk data.
            if i < b.count, b[i] == 0x0D { i += 1 }
            if i < b.count, b[i] == 0x0A { i += 1 }
        }
        return out
    }
}
