import CLibDeflate
import CZlib

/// Streaming gzip inflate over a file, member after member, in constant memory (a 4 MiB
/// compressed buffer, a 256 KiB output buffer and, once used, a 4 MiB one for whole members,
/// whatever the file size). Each member's CRC-32
/// and length are checked against its trailer: here, with libdeflate's CRC-32 (carry-less
/// multiplication), zlib's own check being turned off for gzip members (`inflateValidate`) —
/// zlib's table CRC took 4 instructions a byte, 3 % of a WARC run; the errors stay zlib's
/// («incorrect data check», «incorrect length check», at the same offsets). This is the only file
/// that touches zlib's C pointers.
///
/// A gzip member that lies whole in the compressed buffer (a WARC record: one member each) and
/// inflates to at most 4 MiB is inflated by libdeflate in one call, which checks its trailer too:
/// about half of zlib's instructions (a WARC run spent 0.5 G in zlib's inflate). Anything else
/// — a bigger member, one cut by the buffer's end even after its bytes are moved to the front,
/// damaged data — goes to zlib's streaming inflate from the member's start, as before, so errors
/// and their offsets are zlib's.
///
///     file: | 1f 8b .. member 0 .. | 00 00 (padding) | 1f 8b .. member 1 .. |
///     read: | bytes of member 0    |                 | bytes of member 1    |  → 0 (end)
///
/// A damaged member throws `DecompressError` naming the file and the compressed offset; the
/// bytes produced before stay delivered. `resync()` then skips to the next member header, which
/// for a WARC file with one member per record means the next record.
public final class GzipSource: ResyncableSource {
    /// Compressed bytes read at once.
    public static let bufferSize = 4 * 1024 * 1024
    /// A whole member is tried only with at least this much of the file in the buffer from its
    /// start (`inflateWhole`): libdeflate learns that a member is cut only at the buffer's end, by
    /// which time it has inflated everything before it. With 1 MiB buffers and no look-ahead, the
    /// shared WARC (10.8 MB) inflated 1.2 MB of its members twice, 9 % more inflate.
    static let wholeLookahead = 1024 * 1024
    /// zlib's output per call.
    static let streamOutputSize = 256 * 1024
    /// The largest member output inflated whole (`wholeMembers`).
    static let wholeOutputSize = 4 * 1024 * 1024

    public let file: String
    private let input: FileSource
    private let stream: UnsafeMutablePointer<z_stream>
    private let inBuf: UnsafeMutablePointer<UInt8>
    private let outBuf: UnsafeMutablePointer<UInt8>
    /// Whole members by libdeflate: off only for tests of the streaming path.
    private let wholeMembers: Bool
    private let decompressor: OpaquePointer?
    /// A whole member's output (allocated on first use) and the part not yet delivered.
    private var wholeBuf: UnsafeMutablePointer<UInt8>?
    private var wholeNext = 0
    private var wholeEnd = 0
    /// Valid bytes in `inBuf`, and the index of the next unconsumed one.
    private var inCount = 0
    private var inPos = 0
    /// File offset of `inBuf[0]`.
    private var inBase: Int64 = 0
    private var inputEOF = false

    private enum State { case inMember, betweenMembers, finished, failed(DecompressError) }
    private var state: State = .inMember {
        didSet { if case .failed = state { failedAt = compressedBytesRead } }
    }
    /// Compressed offset where the last error was noticed.
    private var failedAt: Int64 = 0
    /// How far before the point of failure `resync` looks for the next member: a truncated member
    /// followed by a good one is noticed within a few deflate blocks of the boundary, and a huge
    /// single-member file cut at the end is not rescanned from its start.
    public static let resyncLookBehind: Int64 = 4 * 1024 * 1024

    /// 0-based index of the member being read.
    public private(set) var memberIndex = 0
    public private(set) var memberStart: Int64 = 0
    /// Uncompressed stream offset where the current member's output starts.
    public private(set) var memberOutputStart: Int64 = 0
    public private(set) var bytesProduced: Int64 = 0
    /// Compressed bytes consumed so far (position in the file).
    public var compressedBytesRead: Int64 { inBase + Int64(inPos) }

    /// Whether the current member's first bytes are still to be looked at (`checksHere`).
    private var memberFresh = true
    /// True for a gzip member: its trailer is checked here, not by zlib.
    private var checksHere = false
    /// CRC-32 and length (mod 2³²) of the current member's output so far.
    private var memberCRC: UInt32 = 0
    private var memberLength: UInt32 = 0
    /// The last (up to 8) bytes of the previous input chunk: a trailer may straddle two chunks.
    private var previousTail: [UInt8] = []

    public convenience init(path: String) throws {
        try self.init(file: FileSource(path: path), name: path)
    }

    public init(file: FileSource, name: String, wholeMembers: Bool = true) throws {
        self.file = name
        self.input = file
        self.wholeMembers = wholeMembers
        decompressor = wholeMembers ? libdeflate_alloc_decompressor() : nil
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        inBuf = .allocate(capacity: GzipSource.bufferSize)
        outBuf = .allocate(capacity: GzipSource.streamOutputSize)
        // 15 + 32: maximum window, gzip or zlib header detected automatically.
        let rc = inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        if rc != Z_OK {
            stream.deallocate(); inBuf.deallocate(); outBuf.deallocate()
            if let decompressor { libdeflate_free_decompressor(decompressor) }
            throw DecompressError.corrupt(file: name, offset: 0, memberStart: 0, message: "inflateInit2 failed (\(rc))")
        }
        inBase = file.position
        memberStart = file.position
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        inBuf.deallocate()
        outBuf.deallocate()
        wholeBuf?.deallocate()
        if let decompressor { libdeflate_free_decompressor(decompressor) }
    }

    /// Refills `inBuf` when empty. Returns false at end of file.
    private func refillIfEmpty() throws -> Bool {
        if inPos < inCount { return true }
        if inputEOF { return false }
        rememberTail(before: inCount)
        inBase += Int64(inCount)
        inCount = 0
        inPos = 0
        let n = try input.readRaw(into: UnsafeMutableRawPointer(inBuf), count: GzipSource.bufferSize)
        if n == 0 { inputEOF = true; return false }
        inCount = n
        return true
    }

    public func read(into buffer: inout [UInt8], maxCount: Int) throws -> Int {
        guard maxCount > 0 else { return 0 }
        if wholeNext < wholeEnd, let wholeBuf {
            let n = min(maxCount, wholeEnd - wholeNext)
            buffer.append(contentsOf: UnsafeBufferPointer(start: wholeBuf + wholeNext, count: n))
            wholeNext += n
            bytesProduced += Int64(n)
            return n
        }
        while true {
            switch state {
            case .finished: return 0
            case .failed(let error): throw error
            case .betweenMembers:
                // Skip zero padding, then expect `1f 8b` or the end of the file.
                while true {
                    guard try refillIfEmpty() else { state = .finished; return 0 }
                    if inBuf[inPos] == 0 { inPos += 1 } else { break }
                }
                let here = compressedBytesRead
                let magic = try inBuf[inPos] == 0x1f && peekSecondByteIsGzipMagic()
                if !magic {
                    state = .failed(.trailingGarbage(file: file, offset: here))
                    continue
                }
                inflateReset(stream)
                memberIndex += 1
                memberStart = here
                memberOutputStart = bytesProduced
                memberFresh = true
                state = .inMember
            case .inMember:
                guard try refillIfEmpty() else {
                    state = .failed(.truncatedMember(file: file, offset: compressedBytesRead, memberStart: memberStart))
                    continue
                }
                if memberFresh {
                    memberFresh = false
                    checksHere = try inBuf[inPos] == 0x1f && peekSecondByteIsGzipMagic()
                    if checksHere, wholeMembers, try inflateWhole() {
                        state = .betweenMembers
                        return try read(into: &buffer, maxCount: maxCount)
                    }
                    inflateValidate(stream, checksHere ? 0 : 1)
                    memberCRC = 0
                    memberLength = 0
                }
                let room = min(maxCount, GzipSource.streamOutputSize)
                stream.pointee.next_in = inBuf + inPos
                stream.pointee.avail_in = UInt32(inCount - inPos)
                stream.pointee.next_out = outBuf
                stream.pointee.avail_out = UInt32(room)
                let rc = inflate(stream, Z_NO_FLUSH)
                inPos = inCount - Int(stream.pointee.avail_in)
                let got = room - Int(stream.pointee.avail_out)
                if got > 0 {
                    buffer.append(contentsOf: UnsafeBufferPointer(start: outBuf, count: got))
                    bytesProduced += Int64(got)
                    if checksHere {
                        memberCRC = UInt32(truncatingIfNeeded: libdeflate_crc32(memberCRC, outBuf, got))
                        memberLength &+= UInt32(truncatingIfNeeded: got)
                    }
                }
                switch rc {
                case Z_OK, Z_BUF_ERROR:
                    break
                case Z_STREAM_END:
                    state = checksHere ? trailerVerdict() : .betweenMembers
                default:
                    let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
                    state = .failed(.corrupt(file: file, offset: compressedBytesRead, memberStart: memberStart, message: message))
                }
                if got > 0 { return got }
            }
        }
    }

    /// The gzip member at `inPos` inflated by libdeflate into `wholeBuf`, trailer checked, its
    /// compressed bytes consumed; false (nothing consumed) when it is not whole in the buffer, is
    /// bigger than `wholeOutputSize` or is damaged. A member cut by the buffer's end is tried
    /// again once its bytes are moved to the front and the buffer filled behind them.
    private func inflateWhole() throws -> Bool {
        guard let decompressor else { return false }
        if wholeBuf == nil { wholeBuf = .allocate(capacity: GzipSource.wholeOutputSize) }
        var moved = false
        if inCount - inPos < GzipSource.wholeLookahead, !inputEOF, inPos > 0 {
            try moveToFrontAndFill()
            moved = true
        }
        while true {
            var consumed = 0
            var produced = 0
            let rc = libdeflate_gzip_decompress_ex(decompressor, inBuf + inPos, inCount - inPos,
                                                   wholeBuf, GzipSource.wholeOutputSize, &consumed, &produced)
            if rc == LIBDEFLATE_SUCCESS {
                inPos += consumed
                wholeNext = 0
                wholeEnd = produced
                return true
            }
            // Bad data may only mean the member goes on past the buffer.
            guard rc == LIBDEFLATE_BAD_DATA, !moved, !inputEOF, inPos > 0 else { return false }
            try moveToFrontAndFill()
            moved = true
        }
    }

    /// Keeps the last 8 bytes before `inBuf[end]` in `previousTail` (with the tail kept before when
    /// fewer), before those bytes leave the buffer: a trailer may straddle the buffer's refills.
    private func rememberTail(before end: Int) {
        let k = min(8, end)
        guard k > 0 else { return }
        previousTail = Array((previousTail + UnsafeBufferPointer(start: inBuf + end - k, count: k)).suffix(8))
    }

    /// Moves the unread bytes to the front of `inBuf` and reads behind them until the buffer is
    /// full or the file ends; offsets stay as they were (`inBase` moves with the bytes).
    private func moveToFrontAndFill() throws {
        let keep = inCount - inPos
        rememberTail(before: inPos)
        UnsafeMutableRawPointer(inBuf).copyMemory(from: inBuf + inPos, byteCount: keep)
        inBase += Int64(inPos)
        inPos = 0
        inCount = keep
        while inCount < GzipSource.bufferSize && !inputEOF {
            let n = try input.readRaw(into: UnsafeMutableRawPointer(inBuf + inCount), count: GzipSource.bufferSize - inCount)
            if n == 0 { inputEOF = true } else { inCount += n }
        }
    }

    /// After a gzip member's end: its trailer (CRC-32, then length, little-endian: the 8 bytes just
    /// consumed) against what was produced. A mismatch fails as zlib's own check did: the CRC
    /// first, noticed after its 4 bytes; then the length, after the trailer.
    private func trailerVerdict() -> State {
        let fromBuffer = min(8, inPos)
        let t = Array(previousTail.suffix(8 - fromBuffer)) + Array(UnsafeBufferPointer(start: inBuf + inPos - fromBuffer, count: fromBuffer))
        guard t.count == 8 else { return .betweenMembers }   // unreachable: zlib read the trailer
        func word(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(t[at + $1]) << (8 * UInt32($1)) } }
        if word(0) != memberCRC {
            return .failed(.corrupt(file: file, offset: compressedBytesRead - 4, memberStart: memberStart, message: "incorrect data check"))
        }
        if word(4) != memberLength {
            return .failed(.corrupt(file: file, offset: compressedBytesRead, memberStart: memberStart, message: "incorrect length check"))
        }
        return .betweenMembers
    }

    /// True when the byte after `inBuf[inPos]` (possibly in the next chunk) is 0x8b.
    private func peekSecondByteIsGzipMagic() throws -> Bool {
        if inPos + 1 < inCount { return inBuf[inPos + 1] == 0x8b }
        // Move the lone byte to the front and read more behind it.
        inBuf[0] = inBuf[inPos]
        inBase += Int64(inPos)
        inPos = 0
        inCount = 1
        if inputEOF { return false }
        let n = try input.readRaw(into: UnsafeMutableRawPointer(inBuf + 1), count: GzipSource.bufferSize - 1)
        if n == 0 { inputEOF = true; return false }
        inCount += n
        return inBuf[1] == 0x8b
    }

    public func resync() throws -> Int64? {
        if case .finished = state { return nil }
        // Rescan from just past the damaged member's start: a truncated member followed by a good
        // one is only noticed inside the good one.
        let from = max(memberStart + 1, failedAt - GzipSource.resyncLookBehind)
        wholeNext = 0
        wholeEnd = 0
        try input.seek(to: from)
        inBase = from
        inCount = 0
        inPos = 0
        inputEOF = false
        var carry = 0
        while true {
            // Keep the last 9 bytes of the previous chunk so a header across chunks is seen.
            if carry > 0 {
                for k in 0..<carry { inBuf[k] = inBuf[inCount - carry + k] }
                inBase += Int64(inCount - carry)
            } else {
                inBase += Int64(inCount)
            }
            inCount = carry
            let n = try input.readRaw(into: UnsafeMutableRawPointer(inBuf + carry), count: GzipSource.bufferSize - carry)
            if n == 0 { inputEOF = true; inPos = inCount; state = .finished; return nil }
            inCount += n
            var i = 0
            while i + 9 < inCount {
                // 1f 8b 08, no reserved flag bits, a known XFL and OS byte: a plausible header
                // (random bytes pass this about once in 6 GB).
                if inBuf[i] == 0x1f && inBuf[i + 1] == 0x8b && inBuf[i + 2] == 0x08 && inBuf[i + 3] & 0xe0 == 0
                    && (inBuf[i + 8] == 0 || inBuf[i + 8] == 2 || inBuf[i + 8] == 4) && (inBuf[i + 9] <= 13 || inBuf[i + 9] == 255) {
                    inPos = i
                    inflateReset(stream)
                    memberFresh = true
                    memberIndex += 1
                    memberStart = inBase + Int64(i)
                    memberOutputStart = bytesProduced
                    state = .inMember
                    return memberStart
                }
                i += 1
            }
            carry = min(9, inCount)
        }
    }
}

/// Whole-buffer gzip/zlib/deflate for payloads that are small by construction: an HTTP body with
/// `Content-Encoding: gzip`, a `.gz` member inside a tar, test fixtures.
public enum GzipCodec {
    /// True when `bytes` start with the gzip magic `1f 8b`.
    public static func isGzip<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var it = bytes.makeIterator()
        return it.next() == 0x1f && it.next() == 0x8b
    }

    /// Inflates gzip (all members), zlib or raw deflate data. Throws `exceedsLimit` past `limit`
    /// output bytes (the decompression-bomb guard) and `corrupt`/`truncatedMember` on bad data.
    public static func inflate(_ data: [UInt8], limit: Int, name: String = "<payload>") throws -> [UInt8] {
        do {
            return try inflate(data, windowBits: 15 + 32, limit: limit, name: name)
        } catch let error as DecompressError {
            // `Content-Encoding: deflate` is often raw deflate without the zlib header.
            if case .corrupt(_, _, _, let message) = error, message.contains("header"),
               let raw = try? inflate(data, windowBits: -15, limit: limit, name: name) {
                return raw
            }
            throw error
        }
    }

    private static func inflate(_ data: [UInt8], windowBits: Int32, limit: Int, name: String) throws -> [UInt8] {
        var s = z_stream()
        guard inflateInit2_(&s, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DecompressError.corrupt(file: name, offset: 0, memberStart: 0, message: "inflateInit2 failed")
        }
        defer { inflateEnd(&s) }
        var out: [UInt8] = []
        let chunk = 64 * 1024
        var scratch = [UInt8](repeating: 0, count: chunk)
        var memberStart: Int64 = 0
        if data.isEmpty { throw DecompressError.truncatedMember(file: name, offset: 0, memberStart: 0) }
        return try data.withUnsafeBufferPointer { input -> [UInt8] in
            var pos = 0
            while true {
                let before = pos
                s.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + pos)
                s.avail_in = UInt32(input.count - pos)
                let rc: Int32 = scratch.withUnsafeMutableBufferPointer { o in
                    s.next_out = o.baseAddress
                    s.avail_out = UInt32(chunk)
                    return CZlib.inflate(&s, Z_NO_FLUSH)
                }
                let got = chunk - Int(s.avail_out)
                pos = input.count - Int(s.avail_in)
                if out.count + got > limit { throw DecompressError.exceedsLimit(file: name, limit: limit) }
                out.append(contentsOf: scratch[0..<got])
                switch rc {
                case Z_STREAM_END:
                    // Further gzip members (skip zero padding); anything else ends the payload.
                    while pos < input.count && input[pos] == 0 { pos += 1 }
                    guard windowBits > 0, pos + 1 < input.count, input[pos] == 0x1f, input[pos + 1] == 0x8b else { return out }
                    memberStart = Int64(pos)
                    inflateReset(&s)
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    if pos >= input.count || (pos == before && got == 0) {
                        throw DecompressError.truncatedMember(file: name, offset: Int64(pos), memberStart: memberStart)
                    }
                default:
                    let message = s.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
                    throw DecompressError.corrupt(file: name, offset: Int64(pos), memberStart: memberStart, message: message)
                }
            }
        }
    }

    /// Compresses `data` into one gzip member (level 6, like `gzip`).
    public static func gzip(_ data: [UInt8], level: Int32 = 6) -> [UInt8] {
        var s = z_stream()
        guard deflateInit2_(&s, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&s) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&s, UInt(data.count))) + 32)
        let produced: Int = data.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { o in
                s.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                s.avail_in = UInt32(input.count)
                s.next_out = o.baseAddress
                s.avail_out = UInt32(o.count)
                _ = deflate(&s, Z_FINISH)
                return o.count - Int(s.avail_out)
            }
        }
        out.removeLast(out.count - produced)
        return out
    }
}
