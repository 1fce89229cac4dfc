/// A stream of bytes: a file, or a decompressor over a file. Reads fill a caller-owned buffer so
/// memory stays bounded by the buffer, not by the input.
public protocol ByteSource: AnyObject {
    /// Reads up to `maxCount` bytes, appending them to `buffer`. Returns the number of bytes
    /// appended; 0 means end of stream.
    func read(into buffer: inout [UInt8], maxCount: Int) throws -> Int
    /// Bytes consumed from the underlying file so far (compressed bytes for a decompressor).
    var compressedBytesRead: Int64 { get }
    /// Bytes produced so far (equals `compressedBytesRead` for an uncompressed file).
    var bytesProduced: Int64 { get }
}
