/// A `ByteSource` made of independent pieces (gzip members) that can skip a damaged piece and
/// carry on at the next good one. A WARC file with one gzip member per record is the case that
/// matters: after a corrupt member, `resync()` finds the next `1f 8b 08` header and the next
/// record reads normally.
///
///     | member 0 (record 0) | member 1 (corrupt) | member 2 (record 2) |
///     read → ok             read → throws         resync() → offset of member 2, read → ok
public protocol ResyncableSource: ByteSource {
    /// After `read` threw, skips to the next plausible member header past the start of the damaged
    /// member and returns its compressed byte offset; `nil` when none is left (end of stream).
    /// Bytes produced before the error stay delivered; `bytesProduced` keeps counting.
    func resync() throws -> Int64?
    /// Compressed byte offset where the member being read started.
    var memberStart: Int64 { get }
}
