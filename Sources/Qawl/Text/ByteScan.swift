/// Finding the next byte that matters in UTF-8 text eight bytes at a time (SWAR: one 64-bit word
/// tested for several byte values with a few integer operations). Writing and re-reading JSON
/// lines spends most of its time walking over the text of contents and sentences, in which the
/// bytes that matter (`"`, `\`, control characters) are rare: testing a word and skipping it
/// costs about a byte-at-a-time step per eight bytes.
///
/// For a word `x`, `(x - 0x0101…01 * n) & ~x & 0x8080…80` is non-zero exactly when some byte of
/// `x` is below `n` (n ≤ 128; a borrow can only start at a byte that is), and a byte equal to `c`
/// is a zero byte of `x ^ 0x0101…01 * c`. Where a word holds such a byte, it is read byte by byte.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The byte offset, within a little-endian word, of the lowest byte whose high bit is set in
    /// `hit`. A borrow can flag bytes above the first one that matches, never below it, so the
    /// lowest flag is the first match: found from the word, instead of testing its bytes again.
    @inline(__always) static func firstFlagged(_ hit: UInt64) -> Int { hit.trailingZeroBitCount >> 3 }

    /// Whether a byte must be escaped in a JSON string: `"`, `\` or a control character.
    @inline(__always) static func needsJSONEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\")
    }

    /// The index of the first byte at or after `start` that must be escaped in a JSON string, or
    /// `p.count`.
    static func firstJSONEscape(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = p.count
        guard start < n, let base = p.baseAddress else { return n }
        let raw = UnsafeRawPointer(base)
        let quotes = ones &* 0x22, backslashes = ones &* 0x5C, controls = ones &* 0x20
        var i = start
        while i + 8 <= n {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let q = x ^ quotes, b = x ^ backslashes
            // a byte below 0x20, a zero byte of q (a quote) or of b (a backslash)
            let hit = (((x &- controls) & ~x) | ((q &- ones) & ~q) | ((b &- ones) & ~b)) & highs
            if hit != 0 { return i + firstFlagged(hit) }
            i += 8
        }
        while i < n {
            if needsJSONEscape(p[i]) { return i }
            i += 1
        }
        return n
    }

    /// The index of the first `"` or `\` at or after `start`, or `p.count`: where a JSON string
    /// may end.
    static func firstQuoteOrBackslash(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = p.count
        guard start < n, let base = p.baseAddress else { return n }
        let raw = UnsafeRawPointer(base)
        let quotes = ones &* 0x22, backslashes = ones &* 0x5C
        var i = start
        while i + 8 <= n {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let q = x ^ quotes, b = x ^ backslashes
            let hit = (((q &- ones) & ~q) | ((b &- ones) & ~b)) & highs
            if hit != 0 { return i + firstFlagged(hit) }
            i += 8
        }
        while i < n {
            if p[i] == UInt8(ascii: "\"") || p[i] == UInt8(ascii: "\\") { return i }
            i += 1
        }
        return n
    }
}
