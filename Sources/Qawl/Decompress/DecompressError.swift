/// A damaged compressed stream. Offsets are byte offsets in the COMPRESSED file, so
/// `dd if=FILE bs=1 skip=OFFSET` shows the bad spot; `memberStart` says which gzip member.
public enum DecompressError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file ends inside a member (download cut short): `offset` is where the data ran out.
    case truncatedMember(file: String, offset: Int64, memberStart: Int64)
    /// zlib rejected the data: bad deflate data, `incorrect data check` (CRC) or
    /// `incorrect length check` (ISIZE). `offset` is where zlib noticed.
    case corrupt(file: String, offset: Int64, memberStart: Int64, message: String)
    /// Bytes after the last member that are neither zero padding nor a new gzip member.
    case trailingGarbage(file: String, offset: Int64)
    /// An in-memory payload (`Content-Encoding: gzip`, a `.gz` tar member) inflates to more than
    /// the cap: the decompression-bomb guard.
    case exceedsLimit(file: String, limit: Int)

    public var file: String {
        switch self {
        case .truncatedMember(let file, _, _), .corrupt(let file, _, _, _),
             .trailingGarbage(let file, _), .exceedsLimit(let file, _):
            return file
        }
    }

    /// Compressed byte offset of the problem.
    public var offset: Int64? {
        switch self {
        case .truncatedMember(_, let offset, _), .corrupt(_, let offset, _, _),
             .trailingGarbage(_, let offset):
            return offset
        case .exceedsLimit: return nil
        }
    }

    /// Short key for `report.json` `by_reason`.
    public var reason: String {
        switch self {
        case .truncatedMember: return "truncated-gzip"
        case .corrupt: return "corrupt-gzip"
        case .trailingGarbage: return "gzip-trailing-garbage"
        case .exceedsLimit: return "record-too-large"
        }
    }

    public var description: String {
        switch self {
        case .truncatedMember(let file, let offset, let start):
            return "\(file): gzip member starting at compressed byte \(start) is truncated at compressed byte \(offset)"
        case .corrupt(let file, let offset, let start, let message):
            return "\(file): gzip member starting at compressed byte \(start) is corrupt at compressed byte \(offset): \(message)"
        case .trailingGarbage(let file, let offset):
            return "\(file): trailing garbage after the last gzip member at compressed byte \(offset)"
        case .exceedsLimit(let file, let limit):
            return "\(file): inflated payload exceeds \(limit) bytes"
        }
    }

    /// As a `RecordError` (stage `decompress`; the offset is a compressed offset, the message says so).
    public func recordError(input: String, record: Int? = nil) -> RecordError {
        RecordError(stage: "decompress", input: input, record: record, offset: offset,
                    reason: reason, message: description)
    }
}
