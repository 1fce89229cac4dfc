import CSQLite
import Foundation

/// A thin wrapper over SQLite's C API: the only file with SQLite pointers. Just what the statement
/// store needs: open, exec, prepared statements with positional binds, row iteration, transactions.
final class SQLiteDatabase {
    private var db: OpaquePointer?
    let path: String

    enum Error: Swift.Error, CustomStringConvertible {
        case sqlite(path: String, code: Int32, message: String, sql: String?)
        var description: String {
            switch self {
            case .sqlite(let path, let code, let message, let sql):
                return "\(path): SQLite error \(code): \(message)" + (sql.map { " in `\($0.prefix(120))`" } ?? "")
            }
        }
    }

    init(path: String, readOnly: Bool = false) throws {
        self.path = path
        _ = Self.configured
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        if rc != SQLITE_OK {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            throw Error.sqlite(path: path, code: rc, message: message, sql: nil)
        }
        sqlite3_busy_timeout(db, Self.busyTimeout)
    }

    static let busyTimeout: Int32 = 5000

    /// Process-wide settings, applied once before the first connection opens: no allocation
    /// statistics (`qawl_sqlite3_disable_memstatus` in the shim says why). If SQLite was already
    /// initialised by someone else in the process, the call fails harmlessly and nothing changes.
    private static let configured: Void = { _ = qawl_sqlite3_disable_memstatus() }()

    deinit { sqlite3_close(db) }

    /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
    func setBusyTimeout(milliseconds: Int32) { sqlite3_busy_timeout(db, milliseconds) }

    func exec(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(db, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let message = err.map { String(cString: $0) } ?? "error"
            sqlite3_free(err)
            throw Error.sqlite(path: path, code: rc, message: message, sql: sql)
        }
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw Error.sqlite(path: path, code: rc, message: String(cString: sqlite3_errmsg(db)), sql: sql)
        }
        return SQLiteStatement(stmt: stmt, database: self)
    }

    func errorMessage() -> String { String(cString: sqlite3_errmsg(db)) }

    /// Runs `body` in one transaction: all of it lands, or none of it (an interrupted run leaves the
    /// store as it was before the input it was processing).
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try exec("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try exec("COMMIT")
            return result
        } catch {
            try? exec("ROLLBACK")
            throw error
        }
    }

    /// Attaches another database file under `name` (for merging shards).
    func attach(_ file: String, as name: String) throws {
        let s = try prepare("ATTACH DATABASE ? AS \(name)")
        s.bind(1, file)
        try s.run()
    }
}

/// A prepared statement. Binds are 1-based, columns 0-based, as in SQLite.
final class SQLiteStatement {
    private let stmt: OpaquePointer
    private unowned let database: SQLiteDatabase
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    fileprivate init(stmt: OpaquePointer, database: SQLiteDatabase) {
        self.stmt = stmt
        self.database = database
    }

    deinit { sqlite3_finalize(stmt) }

    /// Binds the string's UTF-8 bytes directly (SQLite copies them), without making a C string.
    /// Text ends at a NUL character, as it did when strings were bound as C strings.
    func bind(_ i: Int32, _ v: String?) {
        guard var v else { sqlite3_bind_null(stmt, i); return }
        v.withUTF8 { utf8 -> Void in
            utf8.withMemoryRebound(to: CChar.self) { text -> Void in
                if let base = text.baseAddress, text.count > 0 {
                    let nul = memchr(base, 0, text.count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                    _ = sqlite3_bind_text(stmt, i, base, Int32(nul ?? text.count), Self.transient)
                } else {
                    _ = sqlite3_bind_text(stmt, i, "", 0, Self.transient)  // empty, not NULL
                }
            }
        }
    }

    func bind(_ i: Int32, _ v: Int) { sqlite3_bind_int64(stmt, i, Int64(v)) }
    func bind(_ i: Int32, _ v: Int64) { sqlite3_bind_int64(stmt, i, v) }
    func bind(_ i: Int32, _ v: Double) { sqlite3_bind_double(stmt, i, v) }

    /// An empty array binds an empty blob (not NULL).
    func bind(_ i: Int32, bytes: [UInt8]) {
        if bytes.isEmpty { sqlite3_bind_zeroblob(stmt, i, 0); return }
        bytes.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(stmt, i, raw.baseAddress, Int32(raw.count), Self.transient)
        }
    }

    /// Binds `count` bytes at `text` as text without copying them: the caller keeps them alive and
    /// unchanged until the statement has been stepped (`runKeepingBindings`). `nil` binds NULL.
    func bind(_ i: Int32, borrowingText text: UnsafePointer<UInt8>?, count: Int) {
        guard let text else { sqlite3_bind_null(stmt, i); return }
        text.withMemoryRebound(to: CChar.self, capacity: max(count, 1)) {
            _ = sqlite3_bind_text(stmt, i, $0, Int32(count), Self.borrowed)
        }
    }

    /// Binds the bytes as a blob without copying them (same rule as `bind(_:borrowingText:count:)`);
    /// no bytes bind an empty blob (not NULL).
    func bind(_ i: Int32, borrowingBytes raw: UnsafeRawBufferPointer) {
        if raw.isEmpty { sqlite3_bind_zeroblob(stmt, i, 0); return }
        _ = sqlite3_bind_blob(stmt, i, raw.baseAddress, Int32(raw.count), Self.borrowed)
    }

    private static let borrowed = unsafeBitCast(0, to: sqlite3_destructor_type.self)  // SQLITE_STATIC

    /// Executes a statement that returns no rows and resets it, keeping its bindings: values bound
    /// once (the input of every row of an insert) stay, the others are bound again before the next
    /// run. Borrowed values are no longer read once this returns.
    func runKeepingBindings() throws {
        let rc = sqlite3_step(stmt)
        sqlite3_reset(stmt)
        if rc != SQLITE_DONE && rc != SQLITE_ROW {
            throw SQLiteDatabase.Error.sqlite(path: database.path, code: rc, message: database.errorMessage(), sql: nil)
        }
    }

    /// Executes a statement that returns no rows, then resets it for reuse.
    func run() throws {
        let rc = sqlite3_step(stmt)
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
        if rc != SQLITE_DONE && rc != SQLITE_ROW {
            throw SQLiteDatabase.Error.sqlite(path: database.path, code: rc, message: database.errorMessage(), sql: nil)
        }
    }

    /// Steps through the rows; `row` reads columns. Resets afterwards.
    func forEach(_ row: (SQLiteStatement) throws -> Void) throws {
        defer { sqlite3_reset(stmt); sqlite3_clear_bindings(stmt) }
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else {
                throw SQLiteDatabase.Error.sqlite(path: database.path, code: rc, message: database.errorMessage(), sql: nil)
            }
            try row(self)
        }
    }

    /// The first row only (a lookup by key, which has at most one): `row` reads it, and the
    /// statement is reset without stepping to its end, which costs about as much again.
    func first(_ row: (SQLiteStatement) throws -> Void) throws {
        defer { sqlite3_reset(stmt) }
        let rc = sqlite3_step(stmt)
        if rc == SQLITE_DONE { return }
        guard rc == SQLITE_ROW else {
            throw SQLiteDatabase.Error.sqlite(path: database.path, code: rc, message: database.errorMessage(), sql: nil)
        }
        try row(self)
    }

    func string(_ col: Int32) -> String? {
        guard sqlite3_column_type(stmt, col) != SQLITE_NULL, let p = sqlite3_column_text(stmt, col) else { return nil }
        return String(cString: p)
    }

    /// A text column's UTF-8 bytes; nil for NULL.
    func utf8(_ col: Int32) -> [UInt8]? {
        guard sqlite3_column_type(stmt, col) != SQLITE_NULL, let p = sqlite3_column_text(stmt, col) else { return nil }
        return Array(UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(stmt, col))))
    }

    /// A text column's UTF-8 bytes up to its first NUL, as `string` reads it; nil for NULL.
    func cStringBytes(_ col: Int32) -> [UInt8]? {
        guard sqlite3_column_type(stmt, col) != SQLITE_NULL, let p = sqlite3_column_text(stmt, col) else { return nil }
        return Array(UnsafeBufferPointer(start: p, count: strlen(p)))
    }

    /// `utf8(col)`, or `previous` itself when the column holds the same bytes: rows read in actor
    /// order repeat most of their small columns (the actor's name, the language, the kind), and
    /// sharing the previous row's array spares an allocation per column and row.
    func utf8(_ col: Int32, reusing previous: [UInt8]?) -> [UInt8]? {
        guard sqlite3_column_type(stmt, col) != SQLITE_NULL, let p = sqlite3_column_text(stmt, col) else { return nil }
        return Self.bytes(p, count: Int(sqlite3_column_bytes(stmt, col)), reusing: previous)
    }

    /// `cStringBytes(col)`, sharing `previous` in the same way.
    func cStringBytes(_ col: Int32, reusing previous: [UInt8]?) -> [UInt8]? {
        guard sqlite3_column_type(stmt, col) != SQLITE_NULL, let p = sqlite3_column_text(stmt, col) else { return nil }
        return Self.bytes(p, count: strlen(p), reusing: previous)
    }

    private static func bytes(_ p: UnsafePointer<UInt8>, count n: Int, reusing previous: [UInt8]?) -> [UInt8] {
        if let previous, previous.count == n,
           previous.withUnsafeBufferPointer({ n == 0 || memcmp($0.baseAddress!, p, n) == 0 }) {
            return previous
        }
        return Array(UnsafeBufferPointer(start: p, count: n))
    }

    func int(_ col: Int32) -> Int { Int(sqlite3_column_int64(stmt, col)) }
    func double(_ col: Int32) -> Double { sqlite3_column_double(stmt, col) }

    func isNull(_ col: Int32) -> Bool { sqlite3_column_type(stmt, col) == SQLITE_NULL }

    /// The column's bytes without copying them; valid only inside `body`.
    func withBytes<T>(_ col: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let n = Int(sqlite3_column_bytes(stmt, col))
        return try body(UnsafeRawBufferPointer(start: n > 0 ? sqlite3_column_blob(stmt, col) : nil, count: n))
    }

    func bytes(_ col: Int32) -> [UInt8] {
        let n = Int(sqlite3_column_bytes(stmt, col))
        guard n > 0, let p = sqlite3_column_blob(stmt, col) else { return [] }
        return Array(UnsafeRawBufferPointer(start: p, count: n))
    }
}
