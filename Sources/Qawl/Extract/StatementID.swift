/// Stable statement ids: lowercase hex of the 64-bit FNV-1a hash of
/// `"<doc_id>|<part>|<content_start>|<content_end>"`, so the same statement of the same document gets
/// the same id on every run («000_7c6445b88433139e|text|52|120» → 16 hex digits).
///
/// The hash runs over the bytes of that string without building it, and the digits are written
/// straight into the result: the id is made for every statement.
public enum StatementID {
    public static func make(docID: String, part: String, start: Int, end: Int) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        @inline(__always) func eat(_ b: UInt8) {
            h ^= UInt64(b)
            h = h &* 0x100000001b3
        }
        func decimal(_ n: Int) {
            if n < 0 { eat(0x2D) }
            var m = n.magnitude
            var p: UInt = 1   // the power of ten of the leading digit
            while m / p >= 10 { p *= 10 }
            while p > 0 { eat(UInt8(0x30 + m / p)); m %= p; p /= 10 }
        }
        docID.withWordBytes { for b in $0 { eat(b) } }
        eat(0x7C)
        part.withWordBytes { for b in $0 { eat(b) } }
        eat(0x7C)
        decimal(start)
        eat(0x7C)
        decimal(end)
        return String(unsafeUninitializedCapacity: 16) { buf in
            for i in 0..<16 {
                let d = UInt8((h >> UInt64(60 - 4 * i)) & 0xF)
                buf[i] = d < 10 ? 0x30 + d : 0x57 + d   // 0-9, a-f
            }
            return 16
        }
    }
}
