/// UTF-8 bytes as a dictionary key, hashed in one call over the whole buffer. `[UInt8]`'s own
/// `hash(into:)` feeds the hasher one byte at a time (a call per byte): counting the report's
/// figures, a timeline's days and its speaker's spellings by byte keys spent more on that than
/// on anything else it did per row.
struct ByteKey: Hashable {
    var bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool { a.bytes == b.bytes }
}
