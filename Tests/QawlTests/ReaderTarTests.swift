import Foundation
import XCTest
@testable import Qawl

final class ReaderTarTests: XCTestCase {
    private let html = Array("<!DOCTYPE html><html><body><p>Merkel said the deal was not perfect.</p></body></html>".utf8)
    private let text = Array("Macron said Europe would stay in the agreement.\n".utf8)

    func testRegularMembersBecomeDocumentsAndLinksAreSkipped() throws {
        let dir = Fixture.directory()
        var tar: [UInt8] = Fixture.tarMember(name: "news/", body: [], type: UInt8(ascii: "5"))
        tar += Fixture.tarMember(name: "news/2018/merkel-iran.html", body: html)
        tar += Fixture.tarMember(name: "news/link.html", body: [], type: UInt8(ascii: "2"), link: "/etc/passwd")
        tar += Fixture.tarMember(name: "../x.html", body: html)
        tar += Fixture.tarMember(name: "notes/000_7c6445b88433139e.txt", body: text)
        tar += [UInt8](repeating: 0, count: 1024)
        let path = Fixture.write(GzipCodec.gzip(tar), "articles.tgz", in: dir)
        let result = try Fixture.read(path)
        XCTAssertEqual(result.format, .tar)
        XCTAssertNil(result.thrown)
        XCTAssertEqual(result.failures, [])
        XCTAssertEqual(result.records.map(\.id), ["merkel-iran", "x", "000_7c6445b88433139e"])
        XCTAssertEqual(result.records.map(\.kind), [.html, .html, .text])
        XCTAssertEqual(result.records[1].body, html)
        XCTAssertEqual(result.records[2].body, text)
        XCTAssertEqual(result.records.map(\.index), [0, 1, 2])
        // Nothing was written next to the archive.
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/../x.html"))
    }

    func testLongNamesAndGzippedMembers() throws {
        let dir = Fixture.directory()
        let long = String(repeating: "very-long-folder/", count: 8) + "lavrov-tillerson-moscow.html"
        var tar = Fixture.tarMember(name: "././@LongLink", body: Array((long + "\0").utf8), type: UInt8(ascii: "L"))
        tar += Fixture.tarMember(name: String(long.prefix(99)), body: html)
        let pax = "38 path=pax/dir/putin-helsinki.txt.gz\n"
        tar += Fixture.tarMember(name: "PaxHeader/x", body: Array(pax.utf8), type: UInt8(ascii: "x"))
        tar += Fixture.tarMember(name: "short.gz", body: GzipCodec.gzip(text))
        tar += [UInt8](repeating: 0, count: 1024)
        let result = try Fixture.read(Fixture.write(tar, "names.tar", in: dir))
        XCTAssertEqual(result.records.map(\.id), ["lavrov-tillerson-moscow", "putin-helsinki"])
        XCTAssertEqual(result.records.last?.body, text, "gzip member inflated")
    }

    func testTruncatedArchiveKeepsEarlierMembers() throws {
        let dir = Fixture.directory()
        var tar = Fixture.tarMember(name: "a.txt", body: text)
        tar += Fixture.tarMember(name: "b.html", body: [UInt8](repeating: 0x61, count: 3000))
        let path = Fixture.write(Array(tar.prefix(512 + 512 + 512 + 1000)), "cut.tar", in: dir)
        let result = try Fixture.read(path)
        XCTAssertEqual(result.records.map(\.id), ["a"])
        XCTAssertEqual(result.failures.map(\.reason), ["truncated-tar"])
        XCTAssertEqual(result.failures.first?.offset, 1024)
        XCTAssertEqual(result.failures.first?.record, 1)
        XCTAssertTrue(result.failures.first?.message.contains("b.html") ?? false)
    }

    func testTruncatedGzipArchiveReportsTheDamageOnce() throws {
        let dir = Fixture.directory()
        var tar = Fixture.tarMember(name: "a.txt", body: text)
        tar += Fixture.tarMember(name: "b.txt", body: Array((0..<4000).map { "w\($0) " }.joined().utf8))
        let gz = GzipCodec.gzip(tar)
        let result = try Fixture.read(Fixture.write(Array(gz.prefix(gz.count - 100)), "cut.tgz", in: dir))
        XCTAssertNil(result.thrown)
        XCTAssertEqual(result.records.map(\.id), ["a"])
        XCTAssertEqual(result.failures.map(\.reason), ["truncated-gzip"])
    }

    func testOversizedMemberIsSkipped() throws {
        let dir = Fixture.directory()
        var tar = Fixture.tarMember(name: "big.txt", body: [UInt8](repeating: 0x61, count: 5000))
        tar += Fixture.tarMember(name: "small.txt", body: text)
        tar += [UInt8](repeating: 0, count: 1024)
        let result = try Fixture.read(Fixture.write(tar, "big.tar", in: dir), options: ReaderOptions(maxRecordBytes: 1000))
        XCTAssertEqual(result.failures.map(\.reason), ["record-too-large"])
        XCTAssertEqual(result.records.map(\.id), ["small"])
    }
}
