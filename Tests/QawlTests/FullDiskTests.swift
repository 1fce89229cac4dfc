import Foundation
import XCTest
@testable import Qawl

/// A full disk under the output directory: the run fails with an error that names the file, and the
/// previous outputs stay exactly as they were. Needs root to mount a small tmpfs; skipped otherwise.
final class FullDiskTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func sh(_ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    func testFullDiskFailsClearlyAndKeepsPreviousOutputs() throws {
        let mount = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        defer { _ = sh(["umount", mount.path]); try? FileManager.default.removeItem(at: mount) }
        guard getuid() == 0, sh(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", mount.path]) == 0 else {
            throw XCTSkip("mounting a small tmpfs needs root")
        }
        var c = RunConfiguration()
        c.out = mount.appendingPathComponent("out").path
        c.data = root.appendingPathComponent("data").path
        c.inputs = [root.appendingPathComponent("data/samples/000_7c6445b88433139e.txt").path]
        _ = try Runner(configuration: c, components: .standard(configuration: c), progress: false).run()
        let statements = mount.appendingPathComponent("out/statements.jsonl")
        let before = try Data(contentsOf: statements)
        XCTAssertFalse(before.isEmpty)

        c.inputs.append(root.appendingPathComponent("data/samples/ant-sample.trec.xml.gz").path)
        XCTAssertThrowsError(try Runner(configuration: c, components: .standard(configuration: c), progress: false).run()) { error in
            XCTAssertTrue("\(error)".contains(mount.path), "the error names the file: \(error)")
            XCTAssertTrue("\(error)".lowercased().contains("full") || "\(error)".contains("space"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: statements), before, "previous outputs intact")
    }
}
