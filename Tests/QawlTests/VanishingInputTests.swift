import Foundation
import XCTest
@testable import Qawl

/// An input that disappears between listing and reading is reported with its name and the run goes
/// on with the others (exit status 1).
final class VanishingInputTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testInputDeletedDuringTheRunIsReportedAndOthersAreProcessed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-vanish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = dir.appendingPathComponent("a-seed.txt").path
        let doomed = dir.appendingPathComponent("b-doomed.txt").path
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("data/samples/000_7c6445b88433139e.txt").path, toPath: seed)
        try "قال لافروف إن العلاقات صعبة.".write(toFile: doomed, atomically: true, encoding: .utf8)
        var c = RunConfiguration()
        c.inputs = [dir.path]
        c.out = dir.appendingPathComponent("out").path
        c.data = root.appendingPathComponent("data").path
        var components = try Components.standard(configuration: c)
        let expand = components.expand
        components.expand = { inputs in
            let listed = try expand(inputs)
            try FileManager.default.removeItem(atPath: doomed)  // gone before the reader gets to it
            return listed
        }
        let outcome = try Runner(configuration: c, components: components, progress: false).run()
        XCTAssertEqual(outcome.exitCode, 1)
        XCTAssertEqual(outcome.aggregator.documents.parsed, 1)
        let errors = try String(contentsOfFile: dir.appendingPathComponent("out/errors.jsonl").path, encoding: .utf8)
        XCTAssertTrue(errors.contains("b-doomed.txt") && errors.contains("unreadable-input"), errors)
        let manifest = try String(contentsOfFile: dir.appendingPathComponent("out/manifest.json").path, encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"status\":\"failed\""))
    }
}
