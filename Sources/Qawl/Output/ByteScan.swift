/// Finding the next byte that matters in UTF-8 text eight bytes at a time (SWAR: one 64-bit word
/// tested for several byte values with a few integer operations). Writing and re-reading JSON
/// lines spends most of its time walking over the text of contents and sentences, in which the
/// bytes that matter (`"`, `\`, control characters) are rare: testing a word and skipping it
/// costs about a byte-at-a-time step per eight bytes.
///
/// The word tests say exactly whether a word holds such a byte (a borrow can only come from a
/// byte that matches); where one does, the word is then read byte by byte.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `x` is less than `n` (`n` ≤ 128).
    @inline(__always) static func hasByte(below n: UInt8, in x: UInt64) -> Bool {
        (x &- ones &* UInt64(n)) & ~x & highs != 0
    }

    /// Whether some byte of `x` is `b`.
    @inline(__always) static func hasByte(_ b: UInt8, in x: UInt64) -> Bool {
        hasByte(below: 1, in: x ^ (ones &* UInt64(b)))
    }

    /// Whether a byte must be escaped in a JSON string: `"`, `\` or a control character.
    @inline(__always) static func needsJSONEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\")
    }

    /// The index of the first byte at or after `start` that must be escaped in a JSON string, or
    /// `p.count`.
    @inline(__always)
    static func firstJSONEscape(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        first(p, from: start, word: { hasByte(below: 0x20, in: $0) || hasByte(0x22, in: $0) || hasByte(0x5C, in: $0) },
              byte: needsJSONEscape)
    }

    /// The index of the first `"` or `\` at or after `start`, or `p.count`: where a JSON string
    /// may end.
    @inline(__always)
    static func firstQuoteOrBackslash(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        first(p, from: start, word: { hasByte(0x22, in: $0) || hasByte(0x5C, in: $0) },
              byte: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
    }

    @inline(__always)
    private static func first(_ p: UnsafeBufferPointer<UInt8>, from start: Int,
                              word: (UInt64) -> Bool, byte: (UInt8) -> Bool) -> Int {
        let n = p.count
        guard start < n, let base = p.baseAddress else { return n }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i + 8 <= n {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            if word(x) { break }
            i += 8
        }
        while i < n {
            if byte(p[i]) { return i }
            i += 1
        }
        return n
    }
}
