#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte and substring search: `memchr` for the first byte, then a compare. Fast enough to scan a
/// 100 MB SGML dump for `<DOC` at memory speed; shared by the readers, the HTML filter in front of
/// libxml2 and the date finder.
enum ByteSearch {
    static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = needle.count
        guard n > 0, hay.count >= n, let base = hay.baseAddress else { return nil }
        let first = needle[0]
        var i = 0
        let last = hay.count - n
        while i <= last {
            guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
            let j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var k = 1
            while k < n && base[j + k] == needle[k] { k += 1 }
            if k == n { return j }
            i = j + 1
        }
        return nil
    }

    static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { find(needle, in: $0).map { $0 + bytes.startIndex } }
    }

    static func find(byte: UInt8, in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBufferPointer { find(byte: byte, in: $0, from: from) }
    }

    /// The first `byte` at or after `from`, or nil.
    static func find(byte: UInt8, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < hay.count, let base = hay.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), hay.count - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
