/// One 512-byte tar header (ustar, GNU, pax, old v7), parsed without trusting it: numbers are
/// checked, names are only names (nothing is ever written to disk).
struct TarHeader {
    var name: String
    var size: Int64
    var type: UInt8
    var checksumOK: Bool

    init?(_ b: ArraySlice<UInt8>) {
        guard b.count >= 512 else { return nil }
        let h = Array(b.prefix(512))
        guard let size = TarHeader.number(h[124..<136]) else { return nil }
        let stored = TarHeader.octal(h[148..<156])
        checksumOK = stored == TarHeader.checksum(h[0..<512])
        self.size = size
        type = h[156]
        var name = TarHeader.string(h[0..<100])
        if h[257..<262].elementsEqual("ustar".utf8) {
            let prefix = TarHeader.string(h[345..<500])
            if !prefix.isEmpty && h[257..<263].elementsEqual("ustar\0".utf8) { name = prefix + "/" + name }
        }
        self.name = name
    }

    static func isZeroBlock(_ b: ArraySlice<UInt8>) -> Bool { b.prefix(512).allSatisfy { $0 == 0 } }

    static func string(_ b: ArraySlice<UInt8>) -> String {
        String(decoding: b.prefix(while: { $0 != 0 }), as: UTF8.self)
    }

    /// Octal field (space/NUL padded).
    static func octal(_ b: ArraySlice<UInt8>) -> Int64? {
        var value: Int64 = 0
        var seen = false
        for c in b {
            if c >= 48 && c <= 55 { value = value * 8 + Int64(c - 48); seen = true }
            else if c == 0 || c == 32 { if seen { break } }
            else { return nil }
        }
        return seen ? value : 0
    }

    /// Octal, or GNU base-256 (high bit set) for sizes of 8 GiB and more.
    static func number(_ b: ArraySlice<UInt8>) -> Int64? {
        guard let first = b.first else { return nil }
        if first & 0x80 != 0 {
            var value: Int64 = Int64(first & 0x7f)
            for c in b.dropFirst() {
                guard value < (Int64.max >> 8) else { return nil }
                value = value << 8 | Int64(c)
            }
            return value
        }
        return octal(b)
    }

    /// Sum of the header bytes with the checksum field counted as spaces.
    static func checksum(_ b: ArraySlice<UInt8>) -> Int64 {
        var sum: Int64 = 0
        for (k, c) in b.prefix(512).enumerated() { sum += (k >= 148 && k < 156) ? 32 : Int64(c) }
        return sum
    }
}

/// Reads a tar archive (ustar, GNU, pax) member by member: one document per regular file.
/// Directories, hard and symbolic links, devices are skipped (never followed, never written);
/// GNU `././@LongLink` and pax `path=` names are honoured; a member that is itself gzip is
/// inflated in memory up to `maxRecordBytes`.
///
///     +--------+-------------+--------+-----------+--------+-----------+
///     | hdr    | news/a.html | hdr    | link → ...| hdr    | ../b.txt  |
///     +--------+-------------+--------+-----------+--------+-----------+
///        → record id "a" (.html)      (skipped)       → record id "b" (.text)
///
/// A truncated archive yields a `truncated-tar` error after the complete members.
public struct TarMemberReader: RecordReader {
    private let core: ReaderCore
    private var pendingName: String? = nil
    private var stop = false

    public init(source: ByteSource, input: String, options: ReaderOptions = ReaderOptions()) {
        self.init(window: ByteWindow(source: source), input: input, options: options)
    }

    init(window: ByteWindow, input: String, options: ReaderOptions) {
        core = ReaderCore(window: window, input: input, options: options)
    }

    public mutating func next() throws -> ReadItem? {
        if core.finished { return nil }
        if stop { return try core.finish(resync: false) }
        let w = core.window
        while true {
            guard w.ensure(512) else {
                if w.available == 0 { return try core.finish(resync: false) }
                stop = true
                let offset = w.offset
                w.consume(w.available)
                return try core.recoverFromSourceError(record: nil, resync: false)
                    ?? core.failure(reason: "truncated-tar", message: "archive ends inside a member header", offset: offset)
            }
            let block = w.slice(w.start..<(w.start + 512))
            if TarHeader.isZeroBlock(block) { return try core.finish(resync: false) }
            let offset = w.offset
            guard let header = TarHeader(block), header.checksumOK else {
                stop = true
                return core.failure(reason: "bad-tar-header",
                                    message: "invalid tar header (checksum or size field); the rest of the archive is not read",
                                    offset: offset)
            }
            w.consume(512)
            let padded = (header.size + 511) / 512 * 512
            switch header.type {
            case UInt8(ascii: "L"), UInt8(ascii: "x"):
                // GNU long name / pax extended header for the next member.
                guard header.size <= 1 << 20, w.ensure(Int(header.size)) else {
                    _ = w.skip(padded)
                    continue
                }
                let data = w.slice(w.start..<(w.start + Int(header.size)))
                if header.type == UInt8(ascii: "L") {
                    pendingName = TarHeader.string(data)
                } else if let path = Self.paxPath(data) {
                    pendingName = path
                }
                _ = w.skip(padded)
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                let name = pendingName ?? header.name
                pendingName = nil
                let index = core.takeIndex()
                if header.size > Int64(core.options.maxRecordBytes) {
                    _ = w.skip(padded)
                    return core.tooLarge(offset: offset, size: header.size, record: index)
                }
                let size = Int(header.size)
                guard w.ensure(size) else {
                    stop = true
                    w.consume(w.available)
                    if let failure = try core.recoverFromSourceError(record: index, resync: false) { return failure }
                    return core.failure(reason: "truncated-tar",
                                        message: "archive ends inside member \(name) (\(header.size) bytes declared)",
                                        offset: offset, record: index)
                }
                let data = Array(w.slice(w.start..<(w.start + size)))
                _ = w.skip(padded)
                return member(name: name, data: data, offset: offset, index: index)
            default:
                // Directory, link, device, global pax header, ...: not a document.
                pendingName = nil
                _ = w.skip(padded)
            }
        }
    }

    private func member(name: String, data: [UInt8], offset: Int64, index: Int) -> ReadItem {
        var body = data
        if GzipCodec.isGzip(body) {
            do {
                body = try GzipCodec.inflate(body, limit: core.options.maxRecordBytes, name: "\(core.input)!\(name)")
            } catch let error as DecompressError {
                if case .exceedsLimit = error { return core.tooLarge(offset: offset, size: nil, record: index) }
                return core.failure(reason: error.reason, message: error.description, offset: offset, record: index,
                                    stage: "decompress")
            } catch {
                return core.failure(reason: "corrupt-gzip", message: "\(error)", offset: offset, record: index, stage: "decompress")
            }
        }
        let inner = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
        guard let kind = SingleDocumentReader.kind(of: body, nameHint: inner) else {
            return core.failure(reason: "unsupported-member", message: "member \(name) is not an HTML or text document",
                                offset: offset, record: index, skipped: true)
        }
        return .record(RawRecord(input: core.input, index: index, offset: offset, kind: kind, body: body,
                                 id: DocumentID.fromFileName(inner)))
    }

    /// `path=` in pax records (`"30 path=very/long/name.html\n"`).
    static func paxPath(_ data: ArraySlice<UInt8>) -> String? {
        var i = data.startIndex
        while i < data.endIndex {
            guard let space = data[i...].firstIndex(of: 0x20) else { return nil }
            guard let length = Int(String(decoding: data[i..<space], as: UTF8.self)), length > 0,
                  i + length <= data.endIndex else { return nil }
            let record = data[(space + 1)..<(i + length)]
            if record.starts(with: Array("path=".utf8)) {
                var value = record.dropFirst(5)
                if value.last == 0x0A { value = value.dropLast() }
                return String(decoding: value, as: UTF8.self)
            }
            i += length
        }
        return nil
    }
}
