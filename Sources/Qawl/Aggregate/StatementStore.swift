import Foundation

/// The run's memory across nights: every input already processed (path, size, modification time,
/// content hash) with its document counts and errors, and every statement it yielded. Outputs are
/// regenerated from here, so a nightly run processes only new inputs and memory stays bounded
/// (statements stream out of SQLite in output order instead of being sorted in memory).
///
/// Each input is written in one transaction: a run killed half-way leaves the store as it was
/// before that input, and the next run simply processes it again.
public final class StatementStore {
    /// 2: statements keep their syndication signature and no longer copy `content`, `url` and
    /// `title` out of their JSON line (stores of schema 1 are migrated when opened).
    public static let schemaVersion = "2"
    let db: SQLiteDatabase
    public let path: String

    public struct InputState: Equatable {
        public var size: Int64
        public var mtime: Double
        public var hash: String
    }

    /// Opening found the store damaged by a first run that the machine stopped, and removed it
    /// (`beginBulkLoad`): the run starts afresh.
    public private(set) var discardedDamagedLoad = false
    /// Between `beginBulkLoad` and `endBulkLoad`.
    var bulkLoading = false

    /// `readOnly`: look at a store another process is writing (progress, tests) without taking
    /// its write lock.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        if !readOnly { discardedDamagedLoad = Self.discardDamagedBulkLoad(at: path) }
        db = try SQLiteDatabase(path: path, readOnly: readOnly)
        if readOnly { return }
        try db.exec("""
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=NORMAL;
            PRAGMA wal_autocheckpoint=0;
            PRAGMA cache_size=-32768;
            PRAGMA temp_store=FILE;
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE IF NOT EXISTS inputs(
              path TEXT PRIMARY KEY, size INTEGER, mtime REAL, hash TEXT, format TEXT, status TEXT,
              error TEXT, records INTEGER, bytes_compressed INTEGER, bytes_uncompressed INTEGER,
              docs_read INTEGER, docs_parsed INTEGER, docs_skipped INTEGER, docs_failed INTEGER,
              input_errors INTEGER);
            CREATE TABLE IF NOT EXISTS tallies(input TEXT, dim TEXT, key TEXT, count INTEGER,
              PRIMARY KEY(input, dim, key));
            CREATE TABLE IF NOT EXISTS errors(input TEXT, seq INTEGER, json BLOB, PRIMARY KEY(input, seq));
            CREATE TABLE IF NOT EXISTS statements\(Self.statementColumns);
            """)
        let s = try db.prepare("SELECT value FROM meta WHERE key='schema'")
        var version: String?
        try s.forEach { version = $0.string(0) }
        if version == "1" {
            try migrateFromSchema1()
        } else if let version, version != Self.schemaVersion {
            throw SQLiteDatabase.Error.sqlite(path: path, code: 0, message: "store schema \(version), this qawl writes \(Self.schemaVersion): run with --full", sql: nil)
        }
        try db.exec("INSERT OR IGNORE INTO meta VALUES('schema', '\(Self.schemaVersion)')")
    }

    /// Columns of `statements`: the keys the outputs are sorted and grouped by, the fields the
    /// reports count, the signature syndication compares, and the `statements.jsonl` line (which
    /// holds everything else: content, sentence, url, title, …).
    static let statementColumns = """
        (statement_id TEXT, input TEXT, doc_id TEXT, published TEXT, part TEXT, content_start INTEGER,
         actor_id TEXT, actor_name TEXT, speaker TEXT, lang TEXT, kind TEXT, resolution TEXT,
         cue_lemma TEXT, source TEXT, signature BLOB, json BLOB,
         PRIMARY KEY(input, statement_id))
        """

    /// Schema 1 kept `url`, `title` and `content` columns (copies of the JSON line's) and no
    /// signature. The table is rebuilt without them in one transaction; signatures of the old rows
    /// stay NULL and are computed from the JSON line when the outputs are written.
    private func migrateFromSchema1() throws {
        try db.transaction {
            try db.exec("""
                CREATE TABLE statements_v2\(Self.statementColumns);
                INSERT INTO statements_v2 SELECT statement_id, input, doc_id, published, part, content_start,
                  actor_id, actor_name, speaker, lang, kind, resolution, cue_lemma, source, NULL, json FROM statements;
                DROP TABLE statements;
                ALTER TABLE statements_v2 RENAME TO statements;
                UPDATE meta SET value = '\(Self.schemaVersion)' WHERE key = 'schema';
                """)
        }
    }

    /// Forgets everything (`--full`).
    public func reset() throws {
        try db.exec("DELETE FROM inputs; DELETE FROM tallies; DELETE FROM errors; DELETE FROM statements;")
    }

    public func state(of input: String) throws -> InputState? {
        let s = try db.prepare("SELECT size, mtime, hash FROM inputs WHERE path = ? AND status != 'failed'")
        s.bind(1, input)
        var out: InputState?
        try s.forEach { out = InputState(size: Int64($0.int(0)), mtime: $0.double(1), hash: $0.string(2) ?? "") }
        return out
    }

    public func updateModificationTime(of input: String, to mtime: Double) throws {
        let s = try db.prepare("UPDATE inputs SET mtime = ? WHERE path = ?")
        s.bind(1, mtime); s.bind(2, input)
        try s.run()
    }

    public var inputCount: Int {
        (try? scalar("SELECT count(*) FROM inputs")) ?? 0
    }

    func scalar(_ sql: String) throws -> Int {
        let s = try db.prepare(sql)
        var n = 0
        try s.forEach { n = $0.int(0) }
        return n
    }

    // MARK: writing one input

    /// Collects one input's rows inside a transaction; `commit` makes them visible at once.
    public final class InputWriter {
        let store: StatementStore
        let input: String
        private let insertStatement: SQLiteStatement
        private let insertError: SQLiteStatement
        private var errorSeq = 0
        var tallies: [String: [String: Int]] = [:]
        private var json = JSONWriter(reserving: 4096)

        init(store: StatementStore, input: String) throws {
            self.store = store
            self.input = input
            // The log starts again from its beginning only when a write begins after everything in
            // it was checkpointed: past `logLimit`, wait for the checkpoint before this input, so a
            // run over many inputs keeps the log (and its index in shared memory) to about that
            // size plus one input instead of all the run's inputs.
            if store.loggedBytes > store.logLimit {
                store.waitForCheckpoint()
                store.loggedBytes = 0
            }
            try store.db.exec("BEGIN IMMEDIATE")
            for table in ["statements", "errors", "tallies", "inputs"] {
                let s = try store.db.prepare("DELETE FROM \(table) WHERE \(table == "inputs" ? "path" : "input") = ?")
                s.bind(1, input)
                try s.run()
            }
            insertStatement = try store.db.prepare("""
                INSERT OR REPLACE INTO statements VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                """)
            insertError = try store.db.prepare("INSERT INTO errors VALUES(?,?,?)")
            insertStatement.bind(2, input)
        }

        public func add(_ s: Statement) throws { try add(PreparedStatement(s)) }

        /// One statement, already encoded (on a worker thread): binding and inserting is all that
        /// is left for the consumer.
        public func add(_ p: PreparedStatement) throws {
            store.loggedBytes += p.json.count + p.signature.count + p.text.count
            let st = insertStatement
            st.bind(6, p.statement.contentStart)
            // The row's buffers are bound without copying: they stay alive and unchanged until the
            // insert has run. The input (2) was bound once for all rows.
            try p.text.withUnsafeBufferPointer { text in
                var start = 0
                for (k, column) in PreparedStatement.textColumns.enumerated() {
                    let end = Int(p.textEnds[k])
                    if end < 0 {
                        st.bind(column, borrowingText: nil, count: 0)
                    } else {
                        st.bind(column, borrowingText: text.baseAddress.map { $0 + start } ?? Self.empty,
                                count: end - start)
                        start = end
                    }
                }
                try p.signature.withUnsafeBytes { signature in
                    try p.json.withUnsafeBytes { json in
                        st.bind(15, borrowingBytes: signature)
                        st.bind(16, borrowingBytes: json)
                        try st.runKeepingBindings()
                    }
                }
            }
        }

        /// A non-NULL pointer for empty text when the row's text buffer has no storage.
        private static let empty: UnsafePointer<UInt8> = {
            let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
            p.initialize(to: 0)
            return UnsafePointer(p)
        }()

        public func add(_ e: RecordError) throws {
            json.reset()
            json.error(e)
            insertError.bind(1, input); insertError.bind(2, errorSeq); insertError.bind(3, bytes: json.bytes)
            errorSeq += 1
            try insertError.run()
        }

        public func tally(_ dim: String, _ key: String, by n: Int = 1) {
            tallies[dim, default: [:]][key, default: 0] += n
        }

        public func commit(_ summary: InputSummary, state: InputState, counts: RunAggregator.DocumentCounts,
                           inputErrors: Int) throws {
            let s = try store.db.prepare("INSERT OR REPLACE INTO inputs VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
            s.bind(1, input); s.bind(2, state.size); s.bind(3, state.mtime); s.bind(4, state.hash)
            s.bind(5, summary.format); s.bind(6, summary.status.rawValue); s.bind(7, summary.error)
            s.bind(8, summary.records); s.bind(9, summary.bytesCompressed); s.bind(10, summary.bytesUncompressed)
            s.bind(11, counts.read); s.bind(12, counts.parsed); s.bind(13, counts.skipped); s.bind(14, counts.failed)
            s.bind(15, inputErrors)
            try s.run()
            var reasons = tallies
            reasons["reason"] = counts.byReason
            let t = try store.db.prepare("INSERT INTO tallies VALUES(?,?,?,?)")
            for (dim, keys) in reasons {
                for (key, n) in keys {
                    t.bind(1, input); t.bind(2, dim); t.bind(3, key); t.bind(4, n)
                    try t.run()
                }
            }
            try store.db.exec("COMMIT")
            if !store.bulkLoading { store.checkpointer.request() }
        }

        public func rollback() { try? store.db.exec("ROLLBACK") }
    }

    public func beginInput(_ input: String) throws -> InputWriter {
        try InputWriter(store: self, input: input)
    }

    // MARK: reading, for the outputs

    /// Runs `body` in one read transaction: one snapshot of the store for all the outputs, and one
    /// lock instead of a lock, an unlock and a file check around every row fetched.
    /// The pages cached for inserting are freed first and reading keeps a smaller cache: rows are
    /// fetched by row id in output order, which the operating system's page cache serves as well.
    public func reading<T>(_ body: () throws -> T) throws -> T {
        try db.exec("PRAGMA shrink_memory; PRAGMA cache_size=-8192")
        try db.exec("BEGIN")
        defer { try? db.exec("COMMIT") }
        return try body()
    }

    /// Row ids of the statements that are not written out: when the same document arrives in two
    /// inputs, its statements are stored twice and the copy from the first input path wins. Found
    /// from the primary-key index (no JSON is read); usually there are none.
    func duplicateRowIDs() throws -> Set<Int64> {
        // A statement id is unique within an input (the primary key): copies need two inputs.
        if try scalar("SELECT count(*) FROM inputs") < 2 { return [] }
        let s = try db.prepare("""
            SELECT s.rowid FROM statements s JOIN
              (SELECT statement_id, min(input) AS keep FROM statements GROUP BY statement_id HAVING count(*) > 1) d
              ON s.statement_id = d.statement_id
            WHERE s.input != d.keep
            """)
        var ids = Set<Int64>()
        try s.forEach { ids.insert(Int64($0.int(0))) }
        return ids
    }

    /// Row ids of the unique statements in the given order. Sorting row ids with their keys, then
    /// fetching each row, keeps SQLite's sorter small (the JSON lines are most of a row).
    func orderedRowIDs(_ order: String) throws -> [Int64] {
        try orderedRowIDs(order, runsOf: nil).ids
    }

    /// The same, and with a text `column` where each run of rows with the same value of it begins
    /// (an index into `ids`).
    func orderedRowIDs(_ order: String, runsOf column: String?) throws -> (ids: [Int64], starts: [Int]) {
        let skip = try duplicateRowIDs()
        let s = try db.prepare("SELECT rowid\(column.map { ", " + $0 } ?? "") FROM statements ORDER BY \(order)")
        var ids: [Int64] = [], starts: [Int] = []
        var previous: [UInt8]?
        try s.forEach { r in
            let id = Int64(r.int(0))
            if skip.contains(id) { return }
            if column != nil {
                let value = r.cStringBytes(1) ?? []
                if value != previous { starts.append(ids.count); previous = value }
            }
            ids.append(id)
        }
        return (ids, starts)
    }

    /// `statements.jsonl` order: (published, doc_id, content_start), headline statements first.
    static let outputOrder = "published, doc_id, part DESC, content_start, statement_id"

    /// Each line's bytes are valid only during `body` (read in place, not copied out).
    public func forEachStatementJSON(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let ids = try orderedRowIDs(Self.outputOrder)
        let s = try db.prepare("SELECT json FROM statements WHERE rowid = ?")
        for id in ids {
            s.bind(1, id)
            try s.first { try $0.withBytes(0, body) }
        }
    }

    /// A statement as the timelines and the report figures need it: the keys they group and count
    /// by, the syndication signature and the JSON line (the other fields are read from it where
    /// they are needed: the sources of a timeline entry, the latest entries of report.html).
    public struct Row {
        public var docID: String
        /// As stored (UTF-8): most rows' names are only counted, a few become strings.
        public var actorName, speaker: [UInt8]
        /// The fields the report counts, as stored (UTF-8).
        public var lang, kind, resolution, cueLemma: [UInt8]
        public var sourceBytes, publishedBytes: [UInt8]?
        /// nil when the content is too short to compare.
        public var signature: [UInt64]?
        public var json: [UInt8]

        public var published: String? { publishedBytes.map { String(decoding: $0, as: UTF8.self) } }
        public var source: String? { sourceBytes.map { String(decoding: $0, as: UTF8.self) } }
    }

    static let actorOrder = "actor_id, " + outputOrder

    /// The row ids of timeline order (`actorOrder`: actors in id order, each actor's rows in
    /// timeline order) cut into at most `parts` runs of whole actors, of about the same weight
    /// (rows, and a few rows' worth for each actor's file), so that several writers can each take
    /// one run with a connection of their own and the results follow one another in actor order.
    public func actorPartitions(_ parts: Int) throws -> [[Int64]] {
        let (ids, starts) = try orderedRowIDs(Self.actorOrder, runsOf: "actor_id")
        let perActor = 8
        let total = ids.count + starts.count * perActor
        var out: [[Int64]] = []
        var from = 0, weight = 0, k = 0
        for (a, start) in starts.enumerated() {
            let end = a + 1 < starts.count ? starts[a + 1] : ids.count
            weight += end - start + perActor
            if out.count < parts - 1, weight * parts >= total * (k + 1) {
                out.append(Array(ids[from..<end])); from = end; k += 1
            }
        }
        if from < ids.count || out.isEmpty { out.append(Array(ids[from...])) }
        return out
    }

    /// The statements of the given row ids (in `actorOrder`, as `actorPartitions` gives them)
    /// grouped by actor.
    public func forEachActor(rowIDs ids: [Int64], _ body: (String, [Row]) throws -> Void) throws {
        let s = try db.prepare("""
            SELECT actor_id, doc_id, actor_name, speaker, lang, kind, resolution, cue_lemma,
                   published, source, signature, json
            FROM statements WHERE rowid = ?
            """)
        var current: String?
        var rows: [Row] = []
        var lastDocID: [UInt8]?
        func take(_ r: SQLiteStatement) throws {
            let actorID = r.string(0) ?? ""
            if actorID != current {
                if let current, !rows.isEmpty { try body(current, rows) }
                current = actorID
                rows.removeAll(keepingCapacity: true)
            }
            let json = r.bytes(11)
            let signature: [UInt64]?
            if r.isNull(10) {
                // Stored by schema 1, which kept no signature.
                let content = JSONRecord.valueRanges(in: json, keys: [Array("content".utf8)])[0]
                signature = content.flatMap { JSONRecord.string(json[$0]) }.flatMap(SyndicationClusterer.signature)
            } else {
                signature = r.withBytes(10) { SyndicationClusterer.decode($0) }
            }
            // The small columns share the previous row's arrays where they repeat (within an actor).
            // That row's fields are read in place: a copy of it (`rows.last`) retained and released
            // all its arrays for every row (0.19 G instructions on the full ANT dump).
            let docIDBytes = r.cStringBytes(1, reusing: lastDocID)
            let p = rows.count - 1
            let docID: String
            if p >= 0, let docIDBytes, let lastDocID, docIDBytes == lastDocID {
                docID = rows[p].docID
            } else {
                docID = docIDBytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
            lastDocID = docIDBytes
            rows.append(Row(docID: docID, actorName: r.cStringBytes(2, reusing: p >= 0 ? rows[p].actorName : nil) ?? [],
                            speaker: r.cStringBytes(3, reusing: p >= 0 ? rows[p].speaker : nil) ?? [],
                            lang: r.utf8(4, reusing: p >= 0 ? rows[p].lang : nil) ?? [],
                            kind: r.utf8(5, reusing: p >= 0 ? rows[p].kind : nil) ?? [],
                            resolution: r.utf8(6, reusing: p >= 0 ? rows[p].resolution : nil) ?? [],
                            cueLemma: r.utf8(7, reusing: p >= 0 ? rows[p].cueLemma : nil) ?? [],
                            sourceBytes: r.utf8(9, reusing: p >= 0 ? rows[p].sourceBytes : nil),
                            publishedBytes: r.utf8(8, reusing: p >= 0 ? rows[p].publishedBytes : nil),
                            signature: signature, json: json))
        }
        for id in ids {
            s.bind(1, id)
            try s.first(take)
        }
        if let current, !rows.isEmpty { try body(current, rows) }
    }

    /// As `forEachStatementJSON`.
    public func forEachErrorJSON(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let s = try db.prepare("SELECT json FROM errors ORDER BY input, seq")
        try s.forEach { try $0.withBytes(0, body) }
    }

    public func inputs() throws -> [InputSummary] {
        let s = try db.prepare("SELECT path, format, status, error, records, bytes_compressed, bytes_uncompressed FROM inputs ORDER BY path")
        var out: [InputSummary] = []
        try s.forEach { r in
            var i = InputSummary(path: r.string(0) ?? "")
            i.format = r.string(1) ?? "unknown"
            i.status = InputSummary.Status(rawValue: r.string(2) ?? "ok") ?? .ok
            i.error = r.string(3)
            i.records = r.int(4)
            i.bytesCompressed = Int64(r.int(5))
            i.bytesUncompressed = Int64(r.int(6))
            out.append(i)
        }
        return out
    }

    public func documentCounts() throws -> (RunAggregator.DocumentCounts, inputErrors: Int) {
        var c = RunAggregator.DocumentCounts()
        var inputErrors = 0
        let s = try db.prepare("SELECT sum(docs_read), sum(docs_parsed), sum(docs_skipped), sum(docs_failed), sum(input_errors) FROM inputs")
        try s.forEach { r in
            c.read = r.int(0); c.parsed = r.int(1); c.skipped = r.int(2); c.failed = r.int(3); inputErrors = r.int(4)
        }
        c.byReason = try tally("reason")
        return (c, inputErrors)
    }

    public func tally(_ dim: String) throws -> [String: Int] {
        let s = try db.prepare("SELECT key, sum(count) FROM tallies WHERE dim = ? GROUP BY key")
        s.bind(1, dim)
        var out: [String: Int] = [:]
        try s.forEach { out[$0.string(0) ?? ""] = $0.int(1) }
        return out
    }

    /// Copies every input of another store (a shard) into this one; inputs present in both are
    /// replaced by the shard's version.
    public func merge(from other: String) throws {
        _ = try StatementStore(path: other)  // brings a shard of an older schema up to this one
        try db.attach(other, as: "shard")
        defer { try? db.exec("DETACH DATABASE shard") }
        try db.transaction {
            try db.exec("""
                DELETE FROM statements WHERE input IN (SELECT path FROM shard.inputs);
                DELETE FROM errors WHERE input IN (SELECT path FROM shard.inputs);
                DELETE FROM tallies WHERE input IN (SELECT path FROM shard.inputs);
                DELETE FROM inputs WHERE path IN (SELECT path FROM shard.inputs);
                INSERT INTO inputs SELECT * FROM shard.inputs;
                INSERT INTO tallies SELECT * FROM shard.tallies;
                INSERT INTO errors SELECT * FROM shard.errors;
                INSERT INTO statements SELECT * FROM shard.statements;
                """)
        }
    }

    /// Copies the pages of committed inputs from the write-ahead log into the store file on a thread
    /// of its own, beside the next input and the write phase, instead of in the commit: the copy
    /// and its two file syncs (the size of everything the input added) would otherwise hold up the
    /// in-order consumer. A checkpoint never touches uncommitted rows, so an interrupted run still
    /// leaves the store as before the input it was processing.
    private(set) lazy var checkpointer = BackgroundCheckpoint(path: path)
    /// Bytes of rows committed since the last wait for the checkpoint (about what the log holds).
    var loggedBytes = 0
    /// See `InputWriter.init`.
    var logLimit = 256 << 20

    /// Waits until the pages committed so far are in the store file (the end of a run).
    public func waitForCheckpoint() { checkpointer.wait() }

    /// Makes the store file self-contained (folds the write-ahead log in), e.g. before shipping a shard.
    public func checkpoint() throws {
        waitForCheckpoint()
        try db.exec("PRAGMA wal_checkpoint(TRUNCATE)")
    }
}

/// Runs `PRAGMA wal_checkpoint(PASSIVE)` on its own connection and thread when asked; requests
/// made while one is waiting to run are folded into it. Failures are left to SQLite, which
/// checkpoints when the last connection closes.
final class BackgroundCheckpoint: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private let idle = DispatchGroup()
    private var running = false, again = false
    /// Opened by the checkpoint thread at the first request; used by one thread at a time.
    private var db: SQLiteDatabase?

    init(path: String) { self.path = path }

    /// Starts a checkpoint on a thread of its own (`runOnOwnThread`: the consumer waits for it at
    /// the end, which must not wait for a pool thread); a request made while one runs makes it run
    /// once more when done.
    func request() {
        lock.lock()
        defer { lock.unlock() }
        if running { again = true; return }
        running = true
        runOnOwnThread(idle, name: "qawl-checkpoint") { [self] in
            while true {
                if db == nil { db = try? SQLiteDatabase(path: path) }
                try? db?.exec("PRAGMA wal_checkpoint(PASSIVE)")
                lock.lock()
                if again { again = false; lock.unlock(); continue }
                running = false
                lock.unlock()
                return
            }
        }
    }

    /// Returns when every request made so far has run.
    func wait() { idle.wait() }
}
