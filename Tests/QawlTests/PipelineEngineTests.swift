import Foundation
import XCTest
@testable import Qawl

/// The engine with in-memory stand-ins for reader and parser: what users rely on is that every
/// record comes out once, in input order, whatever `jobs` is, and that failures are counted.
final class PipelineEngineTests: XCTestCase {
    final class MemorySource: ByteSource {
        var compressedBytesRead: Int64 = 0
        var bytesProduced: Int64 = 0
        func read(into buffer: inout [UInt8], maxCount: Int) throws -> Int { 0 }
    }

    struct CountingReader: RecordReader {
        let input: String
        let count: Int
        let failEvery: Int
        var i = 0
        mutating func next() throws -> ReadItem? {
            guard i < count else { return nil }
            defer { i += 1 }
            if failEvery > 0 && i % failEvery == failEvery - 1 {
                return .failure(RecordError(stage: "read", input: input, record: i, reason: "bad-json", message: "line \(i + 1)"))
            }
            return .record(RawRecord(input: input, index: i, kind: .text, body: Array("text \(i)".utf8), id: "\(input)#\(i)"))
        }
    }

    struct EchoParser: DocumentParser {
        func parse(_ record: RawRecord) throws(RecordError) -> Document {
            // Uneven work so that workers finish out of order.
            if record.index % 7 == 0 { usleep(200) }
            if record.index % 11 == 10 {
                throw RecordError(stage: "parse", input: record.input, record: record.index, reason: "empty-text", message: "no text", skipped: true)
            }
            return Document(docID: record.id!, text: String(decoding: record.body, as: UTF8.self), input: record.input, record: record.index)
        }
    }

    func events(jobs: Int) -> [String] {
        let pipeline = Pipeline(
            inputs: ["a", "missing", "b"],
            open: { path in
                if path == "missing" { throw RecordError(stage: "read", input: path, reason: "no-such-file", message: "not found") }
                return .init(reader: CountingReader(input: path, count: 200, failEvery: 13), source: MemorySource(), format: "test")
            },
            parser: EchoParser(), extractor: nil, options: .init(jobs: jobs, maxInFlight: 8))
        var out: [String] = []
        pipeline.run { event in
            switch event {
            case .document(let d, _): out.append("doc \(d.docID)")
            case .failure(let e): out.append("err \(e.input) \(e.record ?? -1) \(e.reason)")
            case .inputFinished(let s): out.append("end \(s.path) \(s.status) \(s.records)")
            }
        }
        return out
    }

    func testEventsComeInInputOrderWhateverTheJobs() {
        let one = events(jobs: 1)
        XCTAssertEqual(one, events(jobs: 4))
        XCTAssertEqual(one.filter { $0.hasPrefix("doc a#") }.count, 200 - 15 - 17)
        XCTAssertEqual(one.first, "doc a#0")
        XCTAssertTrue(one.contains("end missing failed 0"))
        XCTAssertTrue(one.contains("err missing -1 unreadable-input"))
    }

    func testEveryRecordReadIsParsedSkippedOrFailed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try StatementStore(path: dir.appendingPathComponent("s.sqlite").path)
        let agg = RunAggregator(store: store, states: [:])
        let pipeline = Pipeline(
            inputs: ["a"],
            open: { path in .init(reader: CountingReader(input: path, count: 100, failEvery: 10), source: MemorySource(), format: "test") },
            parser: EchoParser(), extractor: nil, options: .init(jobs: 3))
        pipeline.run(agg.consume)
        XCTAssertEqual(agg.documents.read, 100)
        XCTAssertEqual(agg.documents.failed, 10)
        XCTAssertEqual(agg.documents.read, agg.documents.parsed + agg.documents.skipped + agg.documents.failed)
        XCTAssertEqual(agg.documents.byReason["bad-json"], 10)
        XCTAssertGreaterThan(agg.documents.skipped, 0)
        let (stored, _) = try store.documentCounts()
        XCTAssertEqual(stored, agg.documents, "the store keeps the same counts")
    }

    /// The hand-over between stages wakes only the threads that can go on. A lost wake-up would hang a
    /// run, so this runs the queue and the reorder window the way the pipeline does — one reader,
    /// several workers, one consumer, tiny capacities so everyone waits often — and requires every
    /// item to arrive, once and in order, within a generous time (a lost wake-up hangs for good).
    /// What the consumer thread received; read only after that thread has finished.
    final class Received: @unchecked Sendable { var values: [Int] = [] }

    /// A worker that holds documents back waits on the queue in steps: it must learn whether an
    /// element came, the wait ran out, or nothing more will come; and an element pushed while it
    /// waits reaches it.
    func testTimedPopTellsElementTimeoutAndEnd() {
        let queue = BoundedQueue<Int>(capacity: 2)
        guard case .timedOut = queue.pop(waitingAtMost: 0.01) else { return XCTFail("an empty queue times out") }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { queue.push(7) }
        guard case .element(7) = queue.pop(waitingAtMost: 10) else { return XCTFail("the pushed element arrives") }
        queue.push(8)
        queue.close()
        guard case .element(8) = queue.pop(waitingAtMost: 0.01) else { return XCTFail("what was pushed before close is drained") }
        guard case .drained = queue.pop(waitingAtMost: 10) else { return XCTFail("closed and empty: drained at once") }
    }

    func testStageHandOverDeliversEveryItemOnceAndInOrder() {
        // few items: each needs several wake-ups, and on a loaded machine each may wait a time slice
        let total = 1_500
        for (workers, capacity, window) in [(1, 1, 1), (3, 1, 2), (4, 2, 16), (8, 3, 5)] {
            let queue = BoundedQueue<Int>(capacity: capacity)
            let results = ReorderBuffer<Int>(window: window)
            let group = DispatchGroup()
            runOnOwnThread(group, name: "test-reader") {
                for seq in 0..<total { results.reserve(); queue.push(seq) }
                queue.close()
                results.finish(total: total)
            }
            for _ in 0..<workers {
                runOnOwnThread(group, name: "test-worker") {
                    while let seq = queue.pop() { results.put(seq, seq * 2) }
                }
            }
            let consumed = DispatchGroup()
            let received = Received()
            runOnOwnThread(consumed, name: "test-consumer") {
                while let value = results.take() { received.values.append(value) }
            }
            let finished = consumed.wait(timeout: .now() + 180) == .success && group.wait(timeout: .now() + 10) == .success
            XCTAssertTrue(finished, "hand-over stalled with \(workers) workers, capacity \(capacity), window \(window)")
            guard finished else { return }
            XCTAssertEqual(received.values, (0..<total).map { $0 * 2 }, "\(workers) workers, capacity \(capacity), window \(window)")
        }
    }

    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var parsed = 0
        private var extracted: [String: Int] = [:]
        var parsedCount: Int { lock.lock(); defer { lock.unlock() }; return parsed }
        var extractedCounts: [String: Int] { lock.lock(); defer { lock.unlock() }; return extracted }
        func parse() { lock.lock(); parsed += 1; lock.unlock() }
        func extract(_ id: String) { lock.lock(); extracted[id, default: 0] += 1; lock.unlock() }
    }

    struct TallyParser: DocumentParser {
        let tally: Tally
        func parse(_ record: RawRecord) throws(RecordError) -> Document {
            tally.parse()
            return Document(docID: record.id!, text: "t", input: record.input, record: record.index)
        }
    }

    struct TallyExtractor: StatementExtractor {
        let tally: Tally
        func extract(from document: Document) -> [Statement] { tally.extract(document.docID); return [] }
    }

    /// What a run over `count` counted records with an extractor built for `build` seconds in the
    /// background yields: the records handed on (in the order received), how often each document
    /// was extracted, and how many were parsed while the build ran. Nil when the run hung.
    func runDuringBuild(count: Int, build: Double, jobs: Int, window: Int)
        -> (received: [Int], extracted: [String: Int], parsedDuringBuild: Int)? {
        let tally = Tally()
        let parsedWhileBuilding = Tally()
        let extractor = BackgroundExtractor {
            Thread.sleep(forTimeInterval: build)
            for _ in 0..<tally.parsedCount { parsedWhileBuilding.parse() }
            return TallyExtractor(tally: tally)
        }
        let pipeline = Pipeline(
            inputs: ["a"],
            open: { path in .init(reader: CountingReader(input: path, count: count, failEvery: 0), source: MemorySource(), format: "test") },
            parser: TallyParser(tally: tally), extractor: extractor, options: .init(jobs: jobs, maxInFlight: window))
        let received = Received()
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            pipeline.run { event in
                if case .document(let d, _) = event { received.values.append(d.record) }
            }
            finished.signal()
        }
        guard finished.wait(timeout: .now() + 60) == .success else { return nil }
        return (received.values, tally.extractedCounts, parsedWhileBuilding.parsedCount)
    }

    /// Start-up overlaps work: while the extractors are still being built in the background, the
    /// workers parse what the reader gives them instead of waiting after their first document;
    /// and with a reorder window smaller than what they could hold back, nothing hangs and every
    /// document is extracted once and handed on in order.
    func testWorkersParseOnWhileTheExtractorIsBuilt() {
        let jobs = 3
        guard let run = runDuringBuild(count: 300, build: 0.2, jobs: jobs, window: 8) else { return XCTFail("the pipeline hung") }
        XCTAssertEqual(run.received, Array(0..<300), "every document, in order")
        XCTAssertEqual(run.extracted.count, 300)
        XCTAssertEqual(Set(run.extracted.values), [1], "each extracted once")
        XCTAssertGreaterThan(run.parsedDuringBuild, jobs, "workers went on parsing during the build")
    }

    /// A long build (the registry's takes 45 ms, longer than a web dump's first dozens of pages take
    /// to parse) keeps the workers parsing as far as the reorder window lets the reader go, not
    /// a fixed few documents each: two workers and a window of 40 parse most of those 40.
    func testWorkersParseAsFarAsTheWindowDuringTheBuild() {
        guard let run = runDuringBuild(count: 200, build: 0.3, jobs: 2, window: 40) else { return XCTFail("the pipeline hung") }
        XCTAssertEqual(run.received, Array(0..<200), "every document, in order")
        XCTAssertEqual(Set(run.extracted.values), [1], "each extracted once")
        XCTAssertGreaterThanOrEqual(run.parsedDuringBuild, 30, "parsed during the build, of a window of 40")
    }
}
