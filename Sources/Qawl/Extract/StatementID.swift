/// Stable statement ids: lowercase hex of the 64-bit FNV-1a hash of
/// `"<doc_id>|<part>|<content_start>|<content_end>"`, so the same statement of the same document gets
/// the same id on every run («000_7c6445b88433139e|text|52|120» → 16 hex digits).
public enum StatementID {
    public static func make(docID: String, part: String, start: Int, end: Int) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in "\(docID)|\(part)|\(start)|\(end)".utf8 {
            h ^= UInt64(b)
            h = h &* 0x100000001b3
        }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
