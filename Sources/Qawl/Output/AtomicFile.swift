import Foundation

/// Writes a file so that readers only ever see the old or the new whole file: the bytes go to a
/// temporary file in the same directory, which is then renamed over the target. An interrupted run
/// leaves the previous outputs intact.
public final class AtomicFile {
    public let url: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    public init(_ url: URL) throws {
        self.url = url
        temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        FileManager.default.createFile(atPath: temporary.path, contents: nil)
        guard let h = FileHandle(forWritingAtPath: temporary.path) else {
            throw OutputError.cannotWrite(path: url.path, reason: "cannot create \(temporary.path)")
        }
        handle = h
        buffer.reserveCapacity(1 << 20)
    }

    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func write(_ string: String) throws { try write(Array(string.utf8)) }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch {
            throw OutputError.cannotWrite(path: url.path, reason: "\(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and renames into place. (No fsync per file: a run writes one file per actor, tens of
    /// thousands on a large corpus; rename alone keeps readers from ever seeing a half-written file,
    /// and the store, which is synced, can always regenerate the outputs.)
    public func commit() throws {
        try flush()
        try? handle.close()
        if rename(temporary.path, url.path) != 0 {
            throw OutputError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Drops the temporary file.
    public func abandon() {
        try? handle.close()
        unlink(temporary.path)
    }

    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let f = try AtomicFile(url)
        try f.write(bytes)
        try f.commit()
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
