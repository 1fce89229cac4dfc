import Foundation

/// Filling an empty store (a first run, or `--full`) without the write-ahead log.
///
/// Nightly runs add a few inputs to a large store, and the write-ahead log suits them: a commit
/// appends to the log without a file sync and the log is copied into the store file beside the
/// next input. A first run over a large dump is different: everything it stores goes through the
/// log and is then copied again by the checkpoint, and the write phase reads every page through
/// the log's index while that copy runs. With a rollback journal, pages that are new to the file
/// (all of them, in an empty store) are written once and never journaled. On the full ANT dump
/// this took the run's system time from 8–11 s to about 6 s.
///
/// A bulk load does not sync the file at each commit (as the log did not either), so a killed
/// process still leaves the store as it was after its last committed input. Only a machine that
/// stops in the middle can leave a damaged file: the load is marked in the store (`meta.bulk_load`)
/// until `endBulkLoad` has synced it, and a store that still carries the mark when it is opened
/// again is checked. If the check fails, the file held nothing but that unfinished first load: it
/// is removed and the run starts afresh (`StatementStore.discardedDamagedLoad`).
extension StatementStore {
    static let bulkLoadKey = "bulk_load"

    /// Switches an empty store (or one about to be emptied by `--full`) to bulk loading. Returns
    /// false, and leaves the store as it was, when SQLite cannot leave the write-ahead log (another
    /// connection has the store open).
    @discardableResult
    public func beginBulkLoad() throws -> Bool {
        // Another connection in the process (or another process) keeps the store on the log:
        // SQLite then answers at once with "locked", and the run goes on with the log. Only the
        // switch fails at once: what follows waits for readers as usual (a reader that opened
        // the store since holds it only for a moment).
        db.setBusyTimeout(milliseconds: 0)
        var now = ""
        do {
            try db.prepare("PRAGMA journal_mode=DELETE").forEach { now = $0.string(0) ?? "" }
        } catch {
            now = ""
        }
        db.setBusyTimeout(milliseconds: SQLiteDatabase.busyTimeout)
        guard now == "delete" else { return false }
        try db.exec("PRAGMA synchronous=OFF")
        try db.exec("INSERT OR REPLACE INTO meta VALUES('\(Self.bulkLoadKey)', '1')")
        bulkLoading = true
        return true
    }

    /// Syncs a bulk-loaded store to disk and clears its mark. The next opening goes back to the
    /// write-ahead log.
    public func endBulkLoad() throws {
        guard bulkLoading else { return }
        try db.exec("PRAGMA synchronous=FULL")
        // This commit syncs the file: everything written unsynced before it reaches the disk too.
        try db.exec("DELETE FROM meta WHERE key = '\(Self.bulkLoadKey)'")
        bulkLoading = false
    }

    /// Before the store at `path` is opened: if an unfinished bulk load left it damaged, removes it
    /// (and its journal) and returns true. An intact store keeps its committed inputs; its mark is
    /// cleared once it has been synced.
    static func discardDamagedBulkLoad(at path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path), !bulkLoadIsIntact(at: path) else { return false }
        for suffix in ["", "-journal", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
        return true
    }

    /// False only for a store that carries the mark of an unfinished bulk load and fails SQLite's
    /// `quick_check`; an intact one has its mark cleared.
    private static func bulkLoadIsIntact(at path: String) -> Bool {
        guard let db = try? SQLiteDatabase(path: path) else { return true }
        var marked = false
        do {
            let s = try db.prepare("SELECT value FROM meta WHERE key = '\(bulkLoadKey)'")
            try s.forEach { _ in marked = true }
        } catch {
            return true  // no meta table yet, or unreadable: opening reports it as before
        }
        guard marked else { return true }
        var result = ""
        do {
            let check = try db.prepare("PRAGMA quick_check")
            try check.forEach { result = $0.string(0) ?? "" }
        } catch {
            result = "\(error)"
        }
        guard result == "ok" else { return false }
        try? db.exec("PRAGMA synchronous=FULL; DELETE FROM meta WHERE key = '\(bulkLoadKey)'")
        return true
    }
}
