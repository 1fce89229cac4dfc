#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain file as a `ByteSource`: `read(2)` in chunks of at most 256 KiB, so a 20 GB dump costs
/// the same memory as a 20 KB one. `GzipSource` uses it for the compressed side and can `seek`
/// back to rescan for the next gzip member after a corrupt one.
public final class FileSource: ByteSource {
    public static let chunkSize = 256 * 1024

    public let path: String
    private let fd: Int32
    /// Offset of the next byte `read` returns.
    public private(set) var position: Int64 = 0
    public private(set) var compressedBytesRead: Int64 = 0
    public var bytesProduced: Int64 { compressedBytesRead }
    /// File size at open time.
    public let size: Int64
    /// The hash of bytes `0..<hashed`, fed as they are read (see `contentHash`).
    private var hash = ContentHash()
    private var hashed: Int64 = 0
    /// A seek went past bytes never read: the hash cannot cover the whole file.
    private var hashGap = false

    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT { throw InputError.missing(path: path) }
            throw InputError.unreadable(path: path, reason: String(cString: strerror(code)))
        }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw InputError.notAFile(path: path)
        }
        self.fd = fd
        self.size = Int64(st.st_size)
        scratch = .allocate(capacity: FileSource.chunkSize)
    }

    private let scratch: UnsafeMutablePointer<UInt8>

    deinit {
        close(fd)
        scratch.deallocate()
    }

    public func read(into buffer: inout [UInt8], maxCount: Int) throws -> Int {
        let want = min(maxCount, FileSource.chunkSize)
        guard want > 0 else { return 0 }
        let got = try readRaw(into: UnsafeMutableRawPointer(scratch), count: want)
        buffer.append(contentsOf: UnsafeBufferPointer(start: scratch, count: got))
        return got
    }

    /// Reads up to `count` bytes into raw memory; 0 at end of file. Retries on `EINTR`.
    public func readRaw(into pointer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        while true {
            let n = Glibc.read(fd, pointer, count)
            if n >= 0 {
                feedHash(UnsafeRawBufferPointer(start: pointer, count: n))
                position += Int64(n)
                compressedBytesRead += Int64(n)
                return n
            }
            if errno == EINTR { continue }
            throw InputError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Feeds the part of bytes just read at `position` that the hash has not seen yet: reads after
    /// a seek back (a gzip rescan) go over bytes already hashed.
    private func feedHash(_ bytes: UnsafeRawBufferPointer) {
        let end = position + Int64(bytes.count)
        guard !hashGap, end > hashed else { return }
        if position > hashed { hashGap = true; return }
        hash.add(UnsafeRawBufferPointer(rebasing: bytes[Int(hashed - position)...]))
        hashed = end
    }

    /// The file's `ContentHash` (`FileFingerprint.hash`), once every byte of it has been read in
    /// order; nil while some were not (the reader stopped early, or skipped a part).
    public var contentHash: String? {
        !hashGap && hashed == size ? hash.hex : nil
    }

    /// The first `count` bytes of the file, without moving the position or the counters
    /// (`InputOpener` checks the gzip magic this way).
    public func peekStart(_ count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, 0) }
        if n < 0 { throw InputError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        out.removeLast(count - n)
        return out
    }

    /// Moves the read position (used to rescan for a gzip member header). Byte counters keep
    /// counting what was actually read.
    public func seek(to offset: Int64) throws {
        if lseek(fd, off_t(offset), SEEK_SET) < 0 {
            throw InputError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        position = offset
    }
}
