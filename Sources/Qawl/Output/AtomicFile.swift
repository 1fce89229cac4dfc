import Foundation

/// Writes a file so that readers only ever see the old or the new whole file: the bytes go to a
/// temporary file in the same directory, which is then renamed over the target. An interrupted run
/// leaves the previous outputs intact. Plain POSIX calls: a run writes one file per actor, tens of
/// thousands on a large corpus, and Foundation's file handles cost more than the writes themselves.
public final class AtomicFile {
    public let path: String
    private let temporary: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 20

    public convenience init(_ url: URL) throws { try self.init(path: url.path) }

    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        temporary = dir + "." + name + ".tmp-\(getpid())"
        fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        if fd < 0 {
            throw OutputError.cannotWrite(path: path, reason: "cannot create \(temporary): \(String(cString: strerror(errno)))")
        }
    }

    public var url: URL { URL(fileURLWithPath: path) }

    public func write(_ bytes: [UInt8]) throws {
        if buffer.isEmpty && bytes.count >= Self.flushSize { return try writeOut(bytes) }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    public func write(_ string: String) throws { try write(Array(string.utf8)) }

    /// Bytes read in place (a stored line): copied into the buffer, not into an array first.
    public func write(_ raw: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count))
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// One line break.
    public func writeNewline() throws {
        buffer.append(0x0A)
        if buffer.count >= Self.flushSize { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try writeOut(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ bytes: [UInt8]) throws {
        try Self.writeAll(bytes, to: fd, path: path)
    }

    /// `write(2)` until every byte is out (retrying interrupted and short writes).
    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
                }
                offset += n
            }
        }
    }

    public func commit() throws {
        do { try flush() } catch { abandon(); throw error }
        let closed = close(fd)
        fd = -1
        if closed != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError.cannotWrite(path: path, reason: reason)
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError.cannotWrite(path: path, reason: reason)
        }
    }

    /// Drops the temporary file.
    public func abandon() {
        if fd >= 0 { close(fd); fd = -1 }
        unlink(temporary)
    }

    deinit { if fd >= 0 { close(fd); unlink(temporary) } }

    public static func write(_ bytes: [UInt8], to url: URL) throws { try write(bytes, toPath: url.path) }

    public static func write(_ bytes: [UInt8], toPath path: String) throws {
        let f = try AtomicFile(path: path)
        try f.write(bytes)
        try f.commit()
    }

    /// Writes a new file in place, without a temporary: for files inside a staging directory that
    /// is itself renamed into place when complete (a first run's `timelines/`), where a rename per
    /// file would only double the cost of creating tens of thousands of files.
    public static func writeInStagedDirectory(_ bytes: [UInt8], toPath path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        if fd < 0 { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        do { try writeAll(bytes, to: fd, path: path) } catch { close(fd); throw error }
        if close(fd) != 0 { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }
}

public enum OutputError: Error, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}
