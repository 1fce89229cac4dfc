import Foundation
import XCTest
@testable import Qawl

/// Nightly runs: the store remembers processed inputs, reruns are no-ops, new inputs are processed
/// alone, interrupted runs resume, and shards merge into the same outputs as one run.
/// Reading and extraction are simple stand-ins here (one document per file, one statement per
/// "speaker: words" line) so that these tests exercise the store and the outputs only.
final class IncrementalRunTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-inc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    final class FileBytes: ByteSource {
        var compressedBytesRead: Int64 = 0
        var bytesProduced: Int64 = 0
        func read(into buffer: inout [UInt8], maxCount: Int) throws -> Int { 0 }
    }

    struct WholeFile: RecordReader {
        let path: String
        var done = false
        mutating func next() throws -> ReadItem? {
            if done { return nil }
            done = true
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            return .record(RawRecord(input: path, index: 0, kind: .text, body: bytes, id: name))
        }
    }

    struct LinesParser: DocumentParser {
        func parse(_ r: RawRecord) throws(RecordError) -> Document {
            let text = String(decoding: r.body, as: UTF8.self)
            if text.isEmpty { throw RecordError(stage: "parse", input: r.input, record: 0, reason: "empty-text", message: "empty", skipped: true) }
            let date = text.split(separator: "\n").first.map(String.init)
            return Document(docID: r.id!, published: date, lang: "en", text: text, source: "test", input: r.input, record: 0)
        }
    }

    /// "lavrov: words" → a statement by `lavrov`.
    struct ColonExtractor: StatementExtractor {
        func extract(from d: Document) -> [Statement] {
            var out: [Statement] = []
            var offset = 0
            for line in d.text.split(separator: "\n", omittingEmptySubsequences: false) {
                defer { offset += line.unicodeScalars.count + 1 }
                guard let colon = line.firstIndex(of: ":") else { continue }
                let who = String(line[..<colon]), what = String(line[line.index(after: colon)...])
                let start = offset + who.unicodeScalars.count + 1
                out.append(Statement(statementID: String(fnv1a64("\(d.docID)|\(start)"), radix: 16), docID: d.docID,
                                     actorID: who, actorName: who, speaker: who, resolution: .name, cue: ":", cueLemma: ":",
                                     kind: .direct, content: what, sentence: String(line), lang: "en", published: d.published,
                                     source: d.source, input: d.input, record: 0, contentStart: start,
                                     contentEnd: start + what.unicodeScalars.count, confidence: 1))
            }
            return out
        }
    }

    func components() -> Components {
        Components(expand: { $0.sorted() },
                   open: { path in
                       guard FileManager.default.fileExists(atPath: path) else {
                           throw RecordError(stage: "read", input: path, reason: "no-such-file", message: "missing")
                       }
                       return .init(reader: WholeFile(path: path), source: FileBytes(), format: "text")
                   },
                   parser: LinesParser(), extractor: ColonExtractor())
    }

    func write(_ name: String, _ text: String) -> String {
        let p = dir.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }

    func run(_ inputs: [String], out: String, jobs: Int = 2, partial: Bool = false, full: Bool = false) throws -> Runner.Outcome {
        var c = RunConfiguration()
        c.inputs = inputs
        c.out = dir.appendingPathComponent(out).path
        c.jobs = jobs
        var r = Runner(configuration: c, components: components(), progress: false)
        r.partial = partial
        r.full = full
        return try r.run()
    }

    func read(_ out: String, _ file: String) -> String {
        (try? String(contentsOf: dir.appendingPathComponent(out).appendingPathComponent(file), encoding: .utf8)) ?? "<missing>"
    }

    /// The deterministic outputs (report.json without its timing fields).
    func outputs(_ out: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for f in ["statements.jsonl", "errors.jsonl", "actors.json"] { files[f] = read(out, f) }
        let tl = dir.appendingPathComponent(out).appendingPathComponent("timelines")
        for f in try FileManager.default.contentsOfDirectory(atPath: tl.path).sorted() { files["timelines/" + f] = read(out, "timelines/" + f) }
        var report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(read(out, "report.json").utf8)) as? [String: Any])
        for k in ["stages", "throughput", "elapsed_seconds"] { report[k] = nil }
        files["report.json"] = String(decoding: try JSONSerialization.data(withJSONObject: report, options: .sortedKeys), as: UTF8.self)
        return files
    }

    func testRerunOverSameInputsProcessesNothingAndLeavesOutputsIdentical() throws {
        let a = write("a.txt", "2017-04-12\nlavrov: relations are difficult\n")
        let first = try run([a], out: "o")
        XCTAssertEqual(first.processed, [a])
        let before = try outputs("o")
        let manifest = read("o", "manifest.json")
        let second = try run([a], out: "o")
        XCTAssertEqual(second.processed, [])
        XCTAssertEqual(second.unchanged, [a])
        XCTAssertFalse(second.wroteOutputs)
        XCTAssertEqual(try outputs("o"), before)
        XCTAssertEqual(read("o", "manifest.json"), manifest, "outputs are not even rewritten")
    }

    func testAddingOneInputProcessesOnlyIt() throws {
        let a = write("a.txt", "2017-04-12\nlavrov: relations are difficult\n")
        _ = try run([a], out: "o")
        let b = write("b.txt", "2017-04-13\ntillerson: we discussed the future role of assad\n")
        let second = try run([a, b], out: "o")
        XCTAssertEqual(second.processed, [b])
        XCTAssertEqual(second.aggregator.documents.read, 1)
        let statements = read("o", "statements.jsonl").split(separator: "\n")
        XCTAssertEqual(statements.count, 2, "the store still has a's statement")
        XCTAssertTrue(statements[0].contains("relations are difficult"), "ordered by date")
        _ = try run([a, b], out: "fresh")
        XCTAssertEqual(try outputs("o"), try outputs("fresh"), "incremental equals one run over both")
    }

    func testChangedInputIsProcessedAgain() throws {
        let a = write("a.txt", "2017-04-12\nlavrov: first version\n")
        _ = try run([a], out: "o")
        Thread.sleep(forTimeInterval: 0.01)
        _ = write("a.txt", "2017-04-12\nlavrov: second version, longer\n")
        let second = try run([a], out: "o")
        XCTAssertEqual(second.processed, [a])
        XCTAssertTrue(read("o", "statements.jsonl").contains("second version"))
        XCTAssertFalse(read("o", "statements.jsonl").contains("first version"))
    }

    func testInterruptedInputLeavesStoreAsBeforeAndRerunCompletes() throws {
        let a = write("a.txt", "2017-04-12\nlavrov: relations are difficult\n")
        let b = write("b.txt", "2017-04-13\ntillerson: contacts must stay open\n")
        _ = try run([a], out: "o")
        // A run that dies half-way through b: its transaction never commits.
        let store = try StatementStore(path: dir.appendingPathComponent("o/qawl.sqlite").path)
        let w = try store.beginInput(b)
        try w.add(ColonExtractor().extract(from: Document(docID: "b", published: "2017-04-13", text: "x: partial", input: b, record: 0))[0])
        w.rollback()
        XCTAssertNil(try store.state(of: b))
        let resumed = try run([a, b], out: "o")
        XCTAssertEqual(resumed.processed, [b])
        _ = try run([a, b], out: "clean")
        XCTAssertEqual(try outputs("o"), try outputs("clean"))
    }

    func testMergeOfTwoShardsEqualsOneRunOverBoth() throws {
        let a = write("a.txt", "2017-04-12\nlavrov: relations are difficult\nputin: we are ready\n")
        let b = write("b.txt", "2017-04-11\nlavrov: relations are difficult, he said\n")
        let missing = dir.appendingPathComponent("missing.txt").path
        _ = try run([a], out: "part1", partial: true)
        _ = try run([b, missing], out: "part2", partial: true)
        _ = try Runner.merge(parts: [dir.appendingPathComponent("part2").path, dir.appendingPathComponent("part1").path],
                             out: dir.appendingPathComponent("merged").path, registry: nil)
        let one = try run([a, b, missing], out: "one", jobs: 1)
        XCTAssertEqual(one.exitCode, 1, "an unreadable input makes the run exit 1")
        XCTAssertEqual(try outputs("merged"), try outputs("one"))
        XCTAssertTrue(read("one", "errors.jsonl").contains("missing.txt"))
    }

    func testOutputsDoNotDependOnJobs() throws {
        var inputs: [String] = []
        for i in 0..<30 { inputs.append(write("d\(i).txt", "2017-04-\(10 + i % 9)\nspeaker\(i % 4): statement number \(i) with words\n")) }
        _ = try run(inputs, out: "j1", jobs: 1)
        _ = try run(inputs, out: "j4", jobs: 4)
        XCTAssertEqual(try outputs("j1"), try outputs("j4"))
    }

    /// A first run stages its timelines and renames the directory into place; a run killed while
    /// staging leaves a hidden directory that the next run clears; later runs update files in place.
    func testTimelinesAreStagedOnAFirstRunAndLeaveNoTemporaries() throws {
        let a = write("a.txt", "2017-04-12\nlavrov: relations are difficult\n")
        let out = dir.appendingPathComponent("o")
        try FileManager.default.createDirectory(at: out.appendingPathComponent(".timelines.tmp-999999/x"),
                                                withIntermediateDirectories: true)
        _ = try run([a], out: "o")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }, [],
                       "no staging directory or temporary file is left")
        XCTAssertTrue(read("o", "timelines/lavrov.jsonl").contains("relations are difficult"))
        let b = write("b.txt", "2017-04-13\nlavrov: talks will go on\ntillerson: we agree\n")
        _ = try run([a, b], out: "o")
        XCTAssertEqual(read("o", "timelines/lavrov.jsonl").split(separator: "\n").count, 2)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("timelines").path).sorted(),
                       ["lavrov.jsonl", "tillerson.jsonl"])
        _ = try run([a, b], out: "fresh")
        XCTAssertEqual(try outputs("o"), try outputs("fresh"))
    }

    func testSyndicatedCopiesBecomeOneTimelineEntry() throws {
        let a = write("bbc.txt", "2017-04-12\nlavrov: the relations between russia and the united states are going through a difficult stage\n")
        let b = write("cnn.txt", "2017-04-13\nlavrov: the relations between russia and the united states are going through a very difficult stage\n")
        let c = write("sky.txt", "2017-04-13\nlavrov: moscow will urge the syrian authorities to cooperate fully with the inspectors\n")
        _ = try run([a, b, c], out: "o")
        let timeline = read("o", "timelines/lavrov.jsonl").split(separator: "\n")
        XCTAssertEqual(timeline.count, 2)
        XCTAssertTrue(timeline[0].contains("\"copies\":2"))
        XCTAssertTrue(timeline[0].contains("\"published\":\"2017-04-12\""), "earliest date first")
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(read("o", "report.json").utf8)) as? [String: Any])
        XCTAssertEqual((report["syndication"] as? [String: Any])?["merged_copies"] as? Int, 1)
        XCTAssertEqual((report["statements"] as? [String: Any])?["total"] as? Int, 3, "statements.jsonl keeps every copy")
    }

    func testReportEscapesScriptFromCorpus() throws {
        let a = write("x.txt", "2017-04-12\nlavrov: <script>alert('x')</script> is what they wrote\n")
        _ = try run([a], out: "o")
        let html = read("o", "report.html")
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    }

    /// A store written by an older qawl (schema 1: content, url and title copied into columns, no
    /// syndication signatures) is brought up to date when opened: a nightly run over it needs no
    /// --full and writes the same outputs, syndicated copies included.
    func testStoreOfSchema1IsMigratedAndGivesTheSameOutputs() throws {
        let a = write("bbc.txt", "2017-04-12\nlavrov: the relations between russia and the united states are going through a difficult stage\n")
        let b = write("cnn.txt", "2017-04-13\nlavrov: the relations between russia and the united states are going through a very difficult stage\n")
        _ = try run([a, b], out: "o")
        let before = try outputs("o")
        let path = dir.appendingPathComponent("o/qawl.sqlite").path
        do {
            let store = try StatementStore(path: path)
            try store.db.exec("""
                CREATE TABLE statements_v1(
                  statement_id TEXT, input TEXT, doc_id TEXT, published TEXT, part TEXT, content_start INTEGER,
                  actor_id TEXT, actor_name TEXT, speaker TEXT, lang TEXT, kind TEXT, resolution TEXT,
                  cue_lemma TEXT, source TEXT, url TEXT, title TEXT, content TEXT, json BLOB,
                  PRIMARY KEY(input, statement_id));
                INSERT INTO statements_v1 SELECT statement_id, input, doc_id, published, part, content_start,
                  actor_id, actor_name, speaker, lang, kind, resolution, cue_lemma, source,
                  json_extract(CAST(json AS TEXT), '$.url'), json_extract(CAST(json AS TEXT), '$.title'),
                  json_extract(CAST(json AS TEXT), '$.content'), json FROM statements;
                DROP TABLE statements;
                ALTER TABLE statements_v1 RENAME TO statements;
                UPDATE meta SET value = '1' WHERE key = 'schema';
                """)
        }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("o/manifest.json"))  // outputs are rewritten
        let second = try run([a, b], out: "o")
        XCTAssertEqual(second.processed, [], "nothing is processed again")
        XCTAssertTrue(second.wroteOutputs)
        XCTAssertEqual(try outputs("o"), before)
        XCTAssertTrue(read("o", "timelines/lavrov.jsonl").contains("\"copies\":2"))
        let store = try StatementStore(path: path, readOnly: true)
        var schema = ""
        try store.db.prepare("SELECT value FROM meta WHERE key = 'schema'").forEach { schema = $0.string(0) ?? "" }
        XCTAssertEqual(schema, StatementStore.schemaVersion)
    }
}
