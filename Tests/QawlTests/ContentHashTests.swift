import Foundation
import XCTest
@testable import Qawl

/// The store recognises an input it processed by size, time and `ContentHash`. The reader hashes
/// what it reads, in whatever chunks it reads; the runner hashes a touched file in a pass of its
/// own. Both must give the same value, or a touched dump would be processed again every night.
final class ContentHashTests: XCTestCase {
    func hash(_ bytes: [UInt8], cuts: [Int]) -> String {
        var h = ContentHash()
        var start = 0
        for end in cuts + [bytes.count] where end >= start {
            bytes[start..<end].withUnsafeBytes { h.add($0) }
            start = end
        }
        return h.hex
    }

    func testTheHashDoesNotDependOnHowTheBytesAreCut() {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let whole = hash(bytes, cuts: [])
        for _ in 0..<50 {
            let cuts = (0..<Int.random(in: 1...40)).map { _ in Int.random(in: 0...bytes.count) }.sorted()
            XCTAssertEqual(hash(bytes, cuts: cuts), whole, "cut at \(cuts)")
        }
        XCTAssertEqual(hash(Array(bytes.prefix(7)), cuts: [1, 2, 3]), hash(Array(bytes.prefix(7)), cuts: []))
    }

    func testTheHashSeesEveryByteAndTheLength() {
        let base = Array("2017-04-12 lavrov: relations are difficult".utf8)
        var seen = Set([hash(base, cuts: [])])
        for i in base.indices {
            var changed = base
            changed[i] ^= 1
            XCTAssertTrue(seen.insert(hash(changed, cuts: [])).inserted, "byte \(i) changes the hash")
        }
        XCTAssertTrue(seen.insert(hash(base + [0], cuts: [])).inserted, "a trailing zero byte changes it")
        XCTAssertTrue(seen.insert(hash([], cuts: [])).inserted)
        XCTAssertEqual(hash([], cuts: []).count, 16)
    }

    /// What the reader hashes while reading (through gzip, in its own chunk sizes) is what the
    /// runner's own pass over the file gives; a file not read to its end has no hash yet.
    func testTheReaderHashesTheFileItReadsAsTheRunnerDoes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-hash-\(UUID().uuidString).bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = (0..<(FileSource.chunkSize * 2 + 12_345)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        FileManager.default.createFile(atPath: path, contents: Data(bytes))

        let file = try FileSource(path: path)
        var buffer: [UInt8] = []
        _ = try file.read(into: &buffer, maxCount: 1000)
        XCTAssertNil(file.contentHash, "read in part")
        try file.seek(to: 10)          // back over bytes already hashed, as a gzip rescan does
        while try file.read(into: &buffer, maxCount: 100_000) > 0 {}
        XCTAssertEqual(file.contentHash, try FileFingerprint.hash(path))

        let skipping = try FileSource(path: path)
        _ = try skipping.read(into: &buffer, maxCount: 1000)
        try skipping.seek(to: 5000)    // forward past bytes never read
        while try skipping.read(into: &buffer, maxCount: 100_000) > 0 {}
        XCTAssertNil(skipping.contentHash, "a file read with a gap has no hash")
    }
}
