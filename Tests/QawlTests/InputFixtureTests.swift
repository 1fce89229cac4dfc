import Foundation
import XCTest
@testable import Qawl

/// Builds input files on the spot and reads them back through `InputOpener`, as the pipeline does.
enum Fixture {
    /// The folder of every fixture of this test process, removed when the process exits (runs of
    /// the suite left thousands of folders in the temporary directory).
    static let root: String = {
        let dir = NSTemporaryDirectory() + "qawl-fixtures-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Fixture.root) }
        return dir
    }()

    static func directory() -> String {
        let dir = root + "/input-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @discardableResult
    static func write(_ bytes: [UInt8], _ name: String, in dir: String) -> String {
        let path = dir + "/" + name
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
        return path
    }

    @discardableResult
    static func write(_ text: String, _ name: String, in dir: String) -> String {
        write(Array(text.utf8), name, in: dir)
    }

    struct Result {
        var records: [RawRecord] = []
        var failures: [RecordError] = []
        var thrown: Error?
        var format: InputFormat
    }

    /// Every item of an input; an error thrown by the reader ends the list and is kept.
    static func read(_ path: String, options: ReaderOptions = ReaderOptions()) throws -> Result {
        var opened = try InputOpener.open(path: path, options: options)
        var result = Result(format: opened.format)
        do {
            while let item = try opened.reader.next() {
                switch item {
                case .record(let r): result.records.append(r)
                case .failure(let e): result.failures.append(e)
                }
            }
        } catch {
            result.thrown = error
        }
        return result
    }

    /// A tar header block for a member (ustar).
    static func tarHeader(name: String, size: Int, type: UInt8 = UInt8(ascii: "0"), link: String = "") -> [UInt8] {
        var h = [UInt8](repeating: 0, count: 512)
        func put(_ s: String, at: Int, width: Int) {
            for (k, c) in s.utf8.prefix(width).enumerated() { h[at + k] = c }
        }
        put(name, at: 0, width: 100)
        put("0000644", at: 100, width: 8)
        put("0000000", at: 108, width: 8)
        put("0000000", at: 116, width: 8)
        put(String(format: "%011o", size), at: 124, width: 12)
        put("00000000000", at: 136, width: 12)
        h[156] = type
        put(link, at: 157, width: 100)
        put("ustar", at: 257, width: 6)
        put("00", at: 263, width: 2)
        for k in 148..<156 { h[k] = 32 }
        let sum = h.reduce(0) { $0 + Int($1) }
        put(String(format: "%06o", sum), at: 148, width: 6)
        h[154] = 0
        return h
    }

    static func tarMember(name: String, body: [UInt8], type: UInt8 = UInt8(ascii: "0"), link: String = "") -> [UInt8] {
        var out = tarHeader(name: name, size: body.count, type: type, link: link)
        out += body
        out += [UInt8](repeating: 0, count: (512 - body.count % 512) % 512)
        return out
    }
}

final class InputFixtureTests: XCTestCase {
    func testTarHeaderFixtureHasValidChecksum() {
        let h = Fixture.tarHeader(name: "a.txt", size: 10)
        XCTAssertEqual(TarHeader(h[...])?.checksumOK, true)
        XCTAssertEqual(TarHeader(h[...])?.size, 10)
        XCTAssertEqual(TarHeader(h[...])?.name, "a.txt")
    }
}
