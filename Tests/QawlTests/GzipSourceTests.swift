import Foundation
import XCTest
@testable import Qawl

final class GzipSourceTests: XCTestCase {
    private func readAll(_ source: ByteSource) -> (bytes: [UInt8], error: Error?) {
        var out: [UInt8] = []
        do {
            while try source.read(into: &out, maxCount: 1000) > 0 {}
            return (out, nil)
        } catch {
            return (out, error)
        }
    }

    func testMultiMemberFileReadsEveryMemberInOrder() throws {
        let dir = Fixture.directory()
        let first = Array("first member\n".utf8), second = Array(String(repeating: "second ", count: 5000).utf8)
        // Zero padding between members, as some writers leave it.
        let path = Fixture.write(GzipCodec.gzip(first) + [0, 0, 0] + GzipCodec.gzip(second), "multi.gz", in: dir)
        let source = try GzipSource(path: path)
        let (bytes, error) = readAll(source)
        XCTAssertNil(error)
        XCTAssertEqual(bytes, first + second)
        XCTAssertEqual(source.memberIndex, 1)
        XCTAssertEqual(source.bytesProduced, Int64(first.count + second.count))
        XCTAssertEqual(source.compressedBytesRead, Int64(try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int))
    }

    /// A member that inflates to more than the whole-member buffer is streamed by zlib; the small
    /// members around it are inflated whole; the bytes come out the same either way.
    func testMemberBiggerThanTheWholeBufferIsStreamed() throws {
        let dir = Fixture.directory()
        let small = Array("small member\n".utf8)
        let big = [UInt8]((0..<(GzipSource.wholeOutputSize + 12345)).map { UInt8(truncatingIfNeeded: $0 % 251 &+ $0 / 4099) })
        let path = Fixture.write(GzipCodec.gzip(small) + GzipCodec.gzip(big) + GzipCodec.gzip(small), "big.gz", in: dir)
        for whole in [true, false] {
            let source = try GzipSource(file: FileSource(path: path), name: path, wholeMembers: whole)
            let (bytes, error) = readAll(source)
            XCTAssertNil(error)
            XCTAssertTrue(bytes == small + big + small, "whole \(whole)")
            XCTAssertEqual(source.memberIndex, 2)
            XCTAssertEqual(source.bytesProduced, Int64(2 * small.count + big.count))
        }
    }

    func testSameBytesAsSystemGzip() throws {
        let dir = Fixture.directory()
        let text = (0..<20_000).map { "line \($0) قال الوزير\n" }.joined()
        let plain = Fixture.write(text, "plain.txt", in: dir)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-k", plain]
        try p.run()
        p.waitUntilExit()
        let (bytes, error) = readAll(try GzipSource(path: plain + ".gz"))
        XCTAssertNil(error)
        XCTAssertEqual(bytes, Array(text.utf8))
    }

    func testTruncatedMemberNamesFileAndOffsetAndKeepsEarlierData() throws {
        let dir = Fixture.directory()
        let good = Array("intact member\n".utf8)
        let goodMember = GzipCodec.gzip(good)
        let bad = GzipCodec.gzip(Array(String(repeating: "lost text ", count: 2000).utf8))
        let cut = Array(bad.prefix(bad.count / 2))
        let path = Fixture.write(goodMember + cut, "cut.gz", in: dir)
        let (bytes, error) = readAll(try GzipSource(path: path))
        XCTAssertEqual(Array(bytes.prefix(good.count)), good)
        guard case .truncatedMember(let file, let offset, let memberStart)? = error as? DecompressError else {
            return XCTFail("expected truncatedMember, got \(String(describing: error))")
        }
        XCTAssertEqual(file, path)
        XCTAssertEqual(memberStart, Int64(goodMember.count))
        XCTAssertEqual(offset, Int64(goodMember.count + cut.count))
        XCTAssertTrue("\(error!)".contains("cut.gz"))
    }

    func testCorruptCRCIsReportedAsCorruptWithOffset() throws {
        let dir = Fixture.directory()
        var member = GzipCodec.gzip(Array("checksummed payload".utf8))
        member[member.count - 8] ^= 0xFF   // first CRC-32 byte of the trailer
        let path = Fixture.write(member, "crc.gz", in: dir)
        let (bytes, error) = readAll(try GzipSource(path: path))
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "checksummed payload")
        guard case .corrupt(let file, _, let memberStart, let message)? = error as? DecompressError else {
            return XCTFail("expected corrupt, got \(String(describing: error))")
        }
        XCTAssertEqual(file, path)
        XCTAssertEqual(memberStart, 0)
        XCTAssertTrue(message.contains("check"), message)
        XCTAssertEqual((error as? DecompressError)?.reason, "corrupt-gzip")
    }

    /// The trailer is checked by qawl, not zlib: a wrong CRC-32 or length fails as zlib's check
    /// did, with its message and offset (the CRC's end; the trailer's end).
    func testWrongTrailerFailsWithZlibsMessageAndOffset() throws {
        let dir = Fixture.directory()
        let good = GzipCodec.gzip(Array("first\n".utf8))
        for (byte, message, offsetFromEnd) in [(8, "incorrect data check", 4), (1, "incorrect length check", 0)] {
            var member = GzipCodec.gzip(Array("checksummed payload".utf8))
            member[member.count - byte] ^= 0x01
            let path = Fixture.write(good + member, "trailer.gz", in: dir)
            let (bytes, error) = readAll(try GzipSource(path: path))
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "first\nchecksummed payload")
            guard case .corrupt(_, let offset, let memberStart, let got)? = error as? DecompressError else {
                XCTFail("expected corrupt, got \(String(describing: error))"); continue
            }
            XCTAssertEqual(got, message)
            XCTAssertEqual(memberStart, Int64(good.count))
            XCTAssertEqual(offset, Int64(good.count + member.count - offsetFromEnd))
        }
    }

    /// A member whose 8-byte trailer is split between two reads of the compressed file (at every
    /// split point) is checked against the right bytes: intact, it reads cleanly; garbled, it fails.
    func testTrailerAcrossTwoInputChunksIsChecked() throws {
        let dir = Fixture.directory()
        let a = GzipCodec.gzip(Array("member a\n".utf8))
        let payload = Array(String(repeating: "member b ", count: 50).utf8)
        let b = GzipCodec.gzip(payload)
        // Whole members (libdeflate) move a member cut by the buffer's end to the front; the
        // streaming path alone is where the trailer is read across two chunks.
        for whole in [false, true] {
            for split in 0...8 {
                for garble in [false, true] {
                    var member = b
                    if garble { member[member.count - 8] ^= 0x40 }
                    let padding = GzipSource.bufferSize + split - a.count - member.count
                    let path = Fixture.write(a + [UInt8](repeating: 0, count: padding) + member, "split.gz", in: dir)
                    let (bytes, error) = readAll(try GzipSource(file: FileSource(path: path), name: path, wholeMembers: whole))
                    XCTAssertEqual(bytes, Array("member a\n".utf8) + payload, "split \(split) whole \(whole)")
                    if garble {
                        XCTAssertEqual((error as? DecompressError)?.reason, "corrupt-gzip", "split \(split) whole \(whole)")
                    } else {
                        XCTAssertNil(error, "split \(split) whole \(whole)")
                    }
                }
            }
        }
    }

    func testResyncSkipsCorruptMemberAndReadsNext() throws {
        let dir = Fixture.directory()
        let a = GzipCodec.gzip(Array("record A\n".utf8))
        var b = GzipCodec.gzip(Array(String(repeating: "record B ", count: 300).utf8))
        for k in 12..<min(40, b.count - 8) { b[k] ^= 0x5A }   // garble the deflate data
        let c = GzipCodec.gzip(Array("record C\n".utf8))
        let path = Fixture.write(a + b + c, "resync.gz", in: dir)
        let source = try GzipSource(path: path)
        var out: [UInt8] = []
        var failures = 0
        while true {
            do {
                if try source.read(into: &out, maxCount: 1 << 16) == 0 { break }
            } catch {
                failures += 1
                guard try source.resync() != nil else { break }
            }
        }
        XCTAssertGreaterThanOrEqual(failures, 1)
        let text = String(decoding: out, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("record A\n"))
        XCTAssertTrue(text.hasSuffix("record C\n"))
    }

    func testTrailingGarbageIsAnErrorAfterTheData() throws {
        let dir = Fixture.directory()
        let path = Fixture.write(GzipCodec.gzip(Array("data".utf8)) + Array("junk".utf8), "junk.gz", in: dir)
        let (bytes, error) = readAll(try GzipSource(path: path))
        XCTAssertEqual(bytes, Array("data".utf8))
        XCTAssertEqual((error as? DecompressError)?.reason, "gzip-trailing-garbage")
    }

    func testInMemoryInflateStopsAtTheCap() {
        let bomb = GzipCodec.gzip([UInt8](repeating: 0, count: 1_000_000))
        XCTAssertThrowsError(try GzipCodec.inflate(bomb, limit: 10_000)) { error in
            XCTAssertEqual((error as? DecompressError)?.reason, "record-too-large")
        }
        XCTAssertEqual(try GzipCodec.inflate(bomb, limit: 1_000_000).count, 1_000_000)
    }
}
