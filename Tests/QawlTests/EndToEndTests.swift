import Foundation
import XCTest
@testable import Qawl

/// The real pipeline (readers, libxml2, extraction, registry) over the bundled samples: every
/// format, every document accounted for, and outputs that do not depend on `--jobs`.
final class EndToEndTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var samples: [String] {
        ["ant-sample.jsonl.gz", "ant-sample.trec.xml.gz", "news-pages-sample.warc.gz", "000_7c6445b88433139e.txt"]
            .map { root.appendingPathComponent("data/samples/\($0)").path }
    }

    func configuration(out: URL, jobs: Int) -> RunConfiguration {
        var c = RunConfiguration()
        c.inputs = samples
        c.out = out.path
        c.jobs = jobs
        c.data = root.appendingPathComponent("data").path
        return c
    }

    func documentsJSON(jobs: Int) throws -> [UInt8] {
        let c = configuration(out: FileManager.default.temporaryDirectory, jobs: jobs)
        let comp = try Components.standard(configuration: c, extract: false)
        let pipeline = Pipeline(inputs: try comp.expand(c.inputs), open: comp.open, parser: comp.parser,
                                extractor: nil, options: .init(jobs: jobs))
        var out: [UInt8] = []
        var w = JSONWriter()
        pipeline.run { event in
            if case .document(let d, _) = event { w.reset(); w.document(d); out += w.bytes + [0x0A] }
        }
        return out
    }

    func testDocsOutputIsByteIdenticalWhateverTheJobs() throws {
        let one = try documentsJSON(jobs: 1)
        XCTAssertEqual(one, try documentsJSON(jobs: 4))
        let lines = String(decoding: one, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, 100 + 300 + 30 + 1, "every sample document comes out once")
        XCTAssertTrue(lines.contains { $0.contains("\"doc_id\":\"000_7c6445b88433139e\"") })
    }

    func testRunOverSamplesAccountsForEveryDocumentAndFindsTheSeedSpeakers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = configuration(out: dir.appendingPathComponent("j2"), jobs: 2)
        let outcome = try Runner(configuration: c, components: try .standard(configuration: c), progress: false).run()
        XCTAssertEqual(outcome.exitCode, 0)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("j2/report.json"))) as? [String: Any])
        let docs = try XCTUnwrap(report["documents"] as? [String: Any])
        let read = docs["read"] as! Int, parsed = docs["parsed"] as! Int, skipped = docs["skipped"] as! Int, failed = docs["failed"] as! Int
        XCTAssertEqual(read, parsed + skipped + failed)
        XCTAssertGreaterThanOrEqual(read, 431)
        let statements = try String(contentsOf: dir.appendingPathComponent("j2/statements.jsonl"), encoding: .utf8)
        XCTAssertGreaterThan(statements.split(separator: "\n").count, 500)
        for actor in ["sergey-lavrov", "rex-tillerson"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("j2/timelines/\(actor).jsonl").path), actor)
        }
        let c1 = configuration(out: dir.appendingPathComponent("j1"), jobs: 1)
        _ = try Runner(configuration: c1, components: try .standard(configuration: c1), progress: false).run()
        for file in ["statements.jsonl", "errors.jsonl", "actors.json", "timelines/sergey-lavrov.jsonl"] {
            XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("j1/" + file)),
                           try Data(contentsOf: dir.appendingPathComponent("j2/" + file)), file)
        }
    }
}
