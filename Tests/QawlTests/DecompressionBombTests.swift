import Foundation
import XCTest

/// A gzip bomb (a few hundred KB inflating to 512 MiB inside one document) is capped per document and
/// reported, the next document is still read, and the process's peak memory stays far below the
/// bomb's size (measured from outside with GNU time).
final class DecompressionBombTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testBombIsCappedReportedAndMemoryStaysBounded() throws {
        let bin = root.appendingPathComponent(".build/debug/qawl").path
        guard FileManager.default.isExecutableFile(atPath: bin), FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
            throw XCTSkip("needs the debug qawl binary and GNU time")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-bomb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bomb = dir.appendingPathComponent("bomb.trec.gz").path
        let make = """
        import zlib, gzip, sys
        c = zlib.compressobj(9, zlib.DEFLATED, 31)
        out = open(sys.argv[1], 'wb')
        out.write(c.compress(b'<DOC>\\n<DOCNO>bomb</DOCNO>\\n<TEXT>\\n'))
        chunk = b' ' * (1 << 20)
        for _ in range(512): out.write(c.compress(chunk))
        out.write(c.compress(b'\\n</TEXT>\\n</DOC>\\n') + c.flush())
        out.write(gzip.compress('<DOC>\\n<DOCNO>after</DOCNO>\\n<TEXT>\\nقال لافروف إن العلاقات صعبة.\\n</TEXT>\\n</DOC>\\n'.encode()))
        """
        let py = Process()
        py.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        py.arguments = ["python3", "-c", make, bomb]
        try py.run(); py.waitUntilExit()
        XCTAssertEqual(py.terminationStatus, 0)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: bomb)[.size] as? NSNumber).intValue
        XCTAssertLessThan(size, 2 << 20, "a small file on disk")

        let timeOut = dir.appendingPathComponent("time.txt").path
        let run = Process()
        run.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        run.arguments = ["-f", "%M", "-o", timeOut, bin, "run", "--out", dir.appendingPathComponent("out").path, bomb]
        run.environment = ["QAWL_DATA": root.appendingPathComponent("data").path]
        run.standardError = FileHandle.nullDevice
        try run.run(); run.waitUntilExit()
        XCTAssertEqual(run.terminationStatus, 0)
        let peakKB = Int(try String(contentsOfFile: timeOut, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? .max
        XCTAssertLessThan(peakKB, 200 * 1024, "peak RSS \(peakKB) KB for a 512 MiB bomb")
        let errors = try String(contentsOfFile: dir.appendingPathComponent("out/errors.jsonl").path, encoding: .utf8)
        XCTAssertTrue(errors.contains("record-too-large"), errors)
        let docs = try String(contentsOfFile: dir.appendingPathComponent("out/statements.jsonl").path, encoding: .utf8)
        XCTAssertTrue(docs.contains("\"doc_id\":\"after\""), "the document after the bomb is read")
    }
}
