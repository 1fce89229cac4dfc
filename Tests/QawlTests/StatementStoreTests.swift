import Foundation
import XCTest
@testable import Qawl

/// The statement store on its own: what a row keeps of a statement, and when committed inputs reach
/// the store file.
final class StatementStoreTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func statement(_ id: String, speaker: String = "lavrov", cueLemma: String = "قال", published: String? = "2017-04-12",
                   source: String? = "bbc") -> Statement {
        Statement(statementID: id, docID: "d-\(id)", actorID: "sergey-lavrov", actorName: "Sergey Lavrov",
                  speaker: speaker, resolution: .name, cue: "قال", cueLemma: cueLemma, kind: .direct,
                  content: "العلاقات بين روسيا والولايات المتحدة تمر بمرحلة صعبة", sentence: "s", lang: "ar",
                  published: published, source: source, input: "in.txt", record: 0, contentStart: 7,
                  contentEnd: 40, confidence: 1)
    }

    func commit(_ w: StatementStore.InputWriter, _ input: String) throws {
        try w.commit(InputSummary(path: input), state: .init(size: 1, mtime: 1, hash: "h"),
                     counts: RunAggregator.DocumentCounts(), inputErrors: 0)
    }

    /// Rows are bound from the worker's buffers without copying: each column must still hold its
    /// own value, missing values stay NULL, empty ones stay empty text, and text ends at a NUL as
    /// it always did.
    func testRowsKeepEachColumnNullsEmptiesAndNulCut() throws {
        let store = try StatementStore(path: dir.appendingPathComponent("s.sqlite").path)
        let w = try store.beginInput("in.txt")
        try w.add(statement("a1"))
        try w.add(statement("a2", speaker: "لافروف\u{0}tail", cueLemma: "", published: nil, source: nil))
        try commit(w, "in.txt")
        var rows: [[String]] = []
        try store.db.prepare("""
            SELECT statement_id, input, doc_id, typeof(published), coalesce(published, '-'), part, content_start,
                   actor_id, actor_name, speaker, lang, kind, resolution, typeof(cue_lemma), cue_lemma,
                   coalesce(source, '-'), length(json) > 0
            FROM statements ORDER BY statement_id
            """).forEach { r in rows.append((0..<17).map { r.string($0) ?? "NULL" }) }
        XCTAssertEqual(rows, [
            ["a1", "in.txt", "d-a1", "text", "2017-04-12", "text", "7", "sergey-lavrov", "Sergey Lavrov", "lavrov",
             "ar", "direct", "name", "text", "قال", "bbc", "1"],
            ["a2", "in.txt", "d-a2", "null", "-", "text", "7", "sergey-lavrov", "Sergey Lavrov", "لافروف",
             "ar", "direct", "name", "text", "", "-", "1"],
        ])
    }

    /// Commits no longer copy the write-ahead log into the store file themselves; a background
    /// checkpoint does. Once it is done, the store file alone (as a user would copy it) holds every
    /// committed input, and an input still being written is in neither.
    func testCommittedInputsReachTheStoreFileAndUncommittedOnesDoNot() throws {
        let path = dir.appendingPathComponent("s.sqlite").path
        let store = try StatementStore(path: path)
        let a = try store.beginInput("a.txt")
        for i in 0..<200 { try a.add(statement("a\(i)")) }
        try commit(a, "a.txt")
        let b = try store.beginInput("b.txt")
        for i in 0..<200 { try b.add(statement("b\(i)")) }
        store.waitForCheckpoint()  // the one a's commit asked for, run while b is being written
        let copy = dir.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let alone = try StatementStore(path: copy)
        XCTAssertNotNil(try alone.state(of: "a.txt"))
        XCTAssertNil(try alone.state(of: "b.txt"))
        XCTAssertEqual(try alone.scalar("SELECT count(*) FROM statements"), 200)
        b.rollback()
        XCTAssertNil(try store.state(of: "b.txt"))
        XCTAssertEqual(try store.scalar("SELECT count(*) FROM statements"), 200)
    }

    /// Over many inputs, the write-ahead log does not grow with all of them: past its limit the next
    /// input waits for the checkpoint, and the log starts again from its beginning.
    func testLogStaysBoundedOverManyInputs() throws {
        func logSize(limit: Int) throws -> Int {
            let path = dir.appendingPathComponent("s-\(limit).sqlite").path
            let store = try StatementStore(path: path)
            store.logLimit = limit
            for n in 0..<8 {
                let w = try store.beginInput("in\(n).txt")
                for i in 0..<300 { try w.add(statement("s\(n)-\(i)")) }
                try commit(w, "in\(n).txt")
            }
            store.waitForCheckpoint()
            let size = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
            XCTAssertEqual(try store.scalar("SELECT count(*) FROM statements"), 2400)
            return size
        }
        let unbounded = try logSize(limit: .max)
        let bounded = try logSize(limit: 0)
        XCTAssertLessThan(bounded * 2, unbounded, "bounded: \(bounded) bytes, unbounded: \(unbounded)")
    }

    func walSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
    }

    func journalMode(_ store: StatementStore) throws -> String {
        var mode = ""
        try store.db.prepare("PRAGMA journal_mode").forEach { mode = $0.string(0) ?? "" }
        return mode
    }

    /// A first run fills its store without the write-ahead log (each page written once), and the
    /// end of the load syncs the file and clears its mark; the next opening is back on the log.
    func testBulkLoadWritesNoLogAndEndsMarkedDone() throws {
        let path = dir.appendingPathComponent("s.sqlite").path
        do {
            let store = try StatementStore(path: path)
            XCTAssertTrue(try store.beginBulkLoad())
            for n in 0..<3 {
                let w = try store.beginInput("in\(n).txt")
                for i in 0..<300 { try w.add(statement("s\(n)-\(i)")) }
                try commit(w, "in\(n).txt")
            }
            XCTAssertEqual(walSize(path), 0)
            XCTAssertEqual(try store.scalar("SELECT count(*) FROM meta WHERE key = 'bulk_load'"), 1)
            try store.endBulkLoad()
            XCTAssertEqual(try store.scalar("SELECT count(*) FROM meta WHERE key = 'bulk_load'"), 0)
        }
        let again = try StatementStore(path: path)
        XCTAssertFalse(again.discardedDamagedLoad)
        XCTAssertEqual(try journalMode(again), "wal")
        XCTAssertEqual(try again.scalar("SELECT count(*) FROM statements"), 900)
        XCTAssertNotNil(try again.state(of: "in2.txt"))
    }

    /// A process killed during a bulk load (the files as it left them) keeps every committed input
    /// and none of the one it was writing; the store is checked, kept and its mark cleared.
    func testKilledBulkLoadKeepsCommittedInputs() throws {
        let path = dir.appendingPathComponent("s.sqlite").path
        let store = try StatementStore(path: path)
        XCTAssertTrue(try store.beginBulkLoad())
        let a = try store.beginInput("a.txt")
        for i in 0..<300 { try a.add(statement("a\(i)")) }
        try commit(a, "a.txt")
        let b = try store.beginInput("b.txt")
        for i in 0..<300 { try b.add(statement("b\(i)")) }
        let copy = dir.appendingPathComponent("killed.sqlite").path
        for suffix in ["", "-journal"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: copy + suffix)
        }
        b.rollback()
        let resumed = try StatementStore(path: copy)
        XCTAssertFalse(resumed.discardedDamagedLoad)
        XCTAssertNotNil(try resumed.state(of: "a.txt"))
        XCTAssertNil(try resumed.state(of: "b.txt"))
        XCTAssertEqual(try resumed.scalar("SELECT count(*) FROM statements"), 300)
        XCTAssertEqual(try resumed.scalar("SELECT count(*) FROM meta WHERE key = 'bulk_load'"), 0)
    }

    /// A bulk load cut short by the machine can leave a damaged file (its writes were not synced):
    /// the next opening finds the mark, checks the file, and starts from an empty store instead of
    /// failing on every run after.
    func testDamagedBulkLoadIsDiscardedAndTheStoreStartsAfresh() throws {
        let path = dir.appendingPathComponent("s.sqlite").path
        do {
            let store = try StatementStore(path: path)
            XCTAssertTrue(try store.beginBulkLoad())
            let a = try store.beginInput("a.txt")
            for i in 0..<2000 { try a.add(statement("a\(i)")) }
            try commit(a, "a.txt")
        }
        // Pages that never reached the disk: the second half of the file turns to garbage.
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(size - size / 2)))
        try handle.close()
        let reopened = try StatementStore(path: path)
        XCTAssertTrue(reopened.discardedDamagedLoad)
        XCTAssertNil(try reopened.state(of: "a.txt"))
        XCTAssertEqual(try reopened.scalar("SELECT count(*) FROM statements"), 0)
        // A store without the mark is never checked or removed, whatever it holds.
        let plain = dir.appendingPathComponent("plain.sqlite").path
        do {
            let store = try StatementStore(path: plain)
            let w = try store.beginInput("a.txt")
            try w.add(statement("a1"))
            try commit(w, "a.txt")
        }
        XCTAssertFalse(try StatementStore(path: plain).discardedDamagedLoad)
        XCTAssertNotNil(try StatementStore(path: plain).state(of: "a.txt"))
    }

    /// Timeline writers each take a run of whole actors: together the runs are every unique row in
    /// timeline order, no actor is cut in two, and the runs are of about the same size.
    func testActorPartitionsKeepActorsWholeAndOrder() throws {
        let store = try StatementStore(path: dir.appendingPathComponent("s.sqlite").path)
        let w = try store.beginInput("in.txt")
        let sizes = [("a-big", 40), ("b-one", 1), ("c-mid", 12), ("d-mid", 15), ("unlinked:x", 2), ("unlinked:y", 30)]
        for (actor, n) in sizes {
            for i in 0..<n {
                var st = statement("\(actor)-\(i)")
                st.actorID = actor
                try w.add(st)
            }
        }
        try commit(w, "in.txt")
        let all = try store.orderedRowIDs(StatementStore.actorOrder)
        var actorOf: [Int64: String] = [:]
        try store.db.prepare("SELECT rowid, actor_id FROM statements").forEach { actorOf[Int64($0.int(0))] = $0.string(1) }
        for parts in 1...4 {
            let runs = try store.actorPartitions(parts)
            XCTAssertEqual(runs.flatMap { $0 }, all, "\(parts) parts")
            XCTAssertLessThanOrEqual(runs.count, parts)
            for (a, b) in zip(runs, runs.dropFirst()) {
                XCTAssertNotEqual(actorOf[a.last!], actorOf[b.first!], "an actor cut between two runs")
            }
            if parts == 2 {
                XCTAssertEqual(runs.count, 2)
                XCTAssertTrue(runs.allSatisfy { $0.count >= 30 }, "\(runs.map(\.count))")
            }
        }
    }
}
