import Foundation
import XCTest
@testable import Qawl

/// A nightly run killed half-way (SIGKILL: no chance to clean up) leaves the store consistent, and
/// the next run finishes the job with the same outputs as a run that was never interrupted.
final class KillAndResumeTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func qawl(_ args: [String]) throws -> Process {
        let bin = root.appendingPathComponent(".build/debug/qawl")
        guard FileManager.default.isExecutableFile(atPath: bin.path) else { throw XCTSkip("no debug qawl binary at \(bin.path)") }
        let p = Process()
        p.executableURL = bin
        p.arguments = args
        p.environment = ["QAWL_DATA": root.appendingPathComponent("data").path]
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return p
    }

    func outputs(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for f in ["statements.jsonl", "errors.jsonl", "actors.json"] {
            files[f] = try Data(contentsOf: dir.appendingPathComponent(f))
        }
        let tl = dir.appendingPathComponent("timelines")
        for f in try FileManager.default.contentsOfDirectory(atPath: tl.path).sorted() {
            files["timelines/" + f] = try Data(contentsOf: tl.appendingPathComponent(f))
        }
        var report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("report.json"))) as? [String: Any])
        for k in ["stages", "throughput", "elapsed_seconds"] { report[k] = nil }
        files["report.json"] = try JSONSerialization.data(withJSONObject: report, options: .sortedKeys)
        return files
    }

    func testKilledRunResumesToTheSameOutputsAsAnUninterruptedRun() throws {
        try interruptAndResume(signal: SIGKILL)
    }

    /// SIGTERM (and SIGINT) stop cleanly: exit 130, the input being read is not stored, no
    /// temporary files are left, and a rerun completes the job.
    func testTerminatedRunStopsCleanlyAndResumes() throws {
        try interruptAndResume(signal: SIGTERM)
    }

    func interruptAndResume(signal sig: Int32) throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let inputs = ["ant-sample.jsonl.gz", "ant-sample.trec.xml.gz", "news-pages-sample.warc.gz", "000_7c6445b88433139e.txt"]
            .map { root.appendingPathComponent("data/samples/" + $0).path }
        let killed = tmp.appendingPathComponent("killed"), clean = tmp.appendingPathComponent("clean")

        // Kill as soon as the first input is in the store, while the others are still being processed.
        let run = try qawl(["run", "--jobs", "2", "--out", killed.path] + inputs)
        let store = killed.appendingPathComponent("qawl.sqlite").path
        let deadline = Date().addingTimeInterval(120)
        var committed = 0
        while run.isRunning && Date() < deadline {
            if FileManager.default.fileExists(atPath: store), let s = try? StatementStore(path: store, readOnly: true) {
                committed = s.inputCount
                if committed >= 1 { break }
            }
            usleep(20_000)
        }
        if !run.isRunning {
            run.waitUntilExit()
            XCTAssertEqual(run.terminationStatus, 0, "the run failed while its store was being read")
        }
        guard run.isRunning, committed < inputs.count else { throw XCTSkip("the run finished before it could be killed") }
        kill(run.processIdentifier, sig)
        run.waitUntilExit()
        if sig == SIGKILL {
            XCTAssertEqual(run.terminationReason, .uncaughtSignal)
        } else {
            XCTAssertEqual(run.terminationReason, .exit)
            XCTAssertEqual(run.terminationStatus, 130)
            let leftovers = (try FileManager.default.contentsOfDirectory(atPath: killed.path)).filter { $0.contains(".tmp-") }
            XCTAssertEqual(leftovers, [])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: killed.appendingPathComponent("manifest.json").path),
                       "killed before writing outputs")
        XCTAssertLessThan(try StatementStore(path: store, readOnly: true).inputCount, inputs.count)

        let resume = try qawl(["run", "--jobs", "2", "--out", killed.path] + inputs)
        resume.waitUntilExit()
        XCTAssertEqual(resume.terminationStatus, 0)
        let once = try qawl(["run", "--jobs", "1", "--out", clean.path] + inputs)
        once.waitUntilExit()
        XCTAssertEqual(once.terminationStatus, 0)
        XCTAssertEqual(try outputs(killed), try outputs(clean))
    }
}
