#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sliding window over a `ByteSource`, shared by the readers: they look at `bytes[start...]`,
/// ask for more with `fill()`, and `consume` what they have cut out. Memory is bounded by the
/// largest record being assembled (itself capped by `maxRecordBytes`) plus one chunk.
///
/// A source error (truncated gzip) does not surface from `fill()`: the window keeps the bytes
/// produced before it, reports the end, and keeps the error in `pendingError` so the reader can
/// first hand out everything complete, then report the error (or `resync` and go on).
final class ByteWindow {
    static let chunk = 256 * 1024

    let source: ByteSource
    private(set) var bytes: [UInt8]
    /// Index in `bytes` of the first unconsumed byte.
    private(set) var start = 0
    /// Stream offset (uncompressed) of `bytes[0]`.
    private(set) var base: Int64 = 0
    private(set) var atEnd = false
    var pendingError: Error?

    init(source: ByteSource, prefix: [UInt8] = []) {
        self.source = source
        self.bytes = prefix
        bytes.reserveCapacity(ByteWindow.chunk * 2)
    }

    /// Unconsumed bytes in the window.
    var available: Int { bytes.count - start }
    var end: Int { bytes.count }
    /// Stream offset of the first unconsumed byte.
    var offset: Int64 { base + Int64(start) }
    func streamOffset(ofIndex index: Int) -> Int64 { base + Int64(index) }

    /// Reads one more chunk. Returns false at the end of the stream or on a source error (kept in
    /// `pendingError`). May move the window: indexes taken before are shifted by `fill`'s return
    /// of `shift` — readers therefore keep offsets relative to `start`.
    @discardableResult
    func fill() -> Bool {
        if atEnd { return false }
        if start > 0 && (start >= ByteWindow.chunk || start * 2 >= bytes.count) {
            bytes.removeSubrange(0..<start)
            base += Int64(start)
            start = 0
        }
        do {
            let n = try source.read(into: &bytes, maxCount: ByteWindow.chunk)
            if n == 0 { atEnd = true }
            return n > 0
        } catch {
            pendingError = error
            atEnd = true
            return false
        }
    }

    /// Makes at least `count` unconsumed bytes available; false if the stream ends first.
    func ensure(_ count: Int) -> Bool {
        while available < count {
            if !fill() { return false }
        }
        return true
    }

    func consume(_ count: Int) {
        start = min(start + count, bytes.count)
    }

    /// Consumes `count` bytes without keeping them in memory (an oversized record). Returns the
    /// number actually skipped (less at the end of the stream).
    func skip(_ count: Int64) -> Int64 {
        var left = count
        while left > 0 {
            if available == 0 && !fill() { break }
            let n = Int(min(Int64(available), left))
            start += n
            left -= Int64(n)
            if start == bytes.count { base += Int64(start); bytes.removeAll(keepingCapacity: true); start = 0 }
        }
        return count - left
    }

    /// Drops every buffered byte (after a resync the old bytes belong to a damaged member).
    func discardBuffered() {
        base += Int64(bytes.count)
        bytes.removeAll(keepingCapacity: true)
        start = 0
    }

    /// After the source resynchronised: forget the error and read on.
    func resume() {
        pendingError = nil
        atEnd = false
    }

    /// Index (absolute in `bytes`) of the first occurrence of `needle` in `bytes[from..<end]`.
    func find(_ needle: [UInt8], from: Int, to limit: Int? = nil) -> Int? {
        let end = min(limit ?? bytes.count, bytes.count)
        guard needle.count > 0, end - from >= needle.count else { return nil }
        return bytes.withUnsafeBufferPointer { hay -> Int? in
            ByteSearch.find(needle, in: UnsafeBufferPointer(rebasing: hay[from..<end])).map { $0 + from }
        }
    }

    /// The earliest occurrence of any of `needles` (each search bounded by the best hit so far),
    /// with the index of the needle found.
    func findFirst(_ needles: [[UInt8]], from: Int, to limit: Int? = nil) -> (index: Int, needle: Int)? {
        var best: (index: Int, needle: Int)? = nil
        for (k, needle) in needles.enumerated() {
            let bound = best.map { $0.index + needle.count - 1 } ?? limit
            if let hit = find(needle, from: from, to: bound), best == nil || hit < best!.index { best = (hit, k) }
        }
        return best
    }

    /// Index of the first `byte` in `bytes[from..<end]`.
    func find(byte: UInt8, from: Int) -> Int? {
        let count = bytes.count - from
        guard count > 0 else { return nil }
        return bytes.withUnsafeBufferPointer { hay -> Int? in
            guard let hit = memchr(hay.baseAddress! + from, Int32(byte), count) else { return nil }
            return hay.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    subscript(index: Int) -> UInt8 { bytes[index] }

    func slice(_ range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }
}
