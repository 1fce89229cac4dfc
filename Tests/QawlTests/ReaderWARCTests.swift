import Foundation
import XCTest
@testable import Qawl

final class ReaderWARCTests: XCTestCase {
    /// One WARC record with CRLF line ends and the right Content-Length.
    private func warcRecord(type: String, id: String, uri: String, block: [UInt8], date: String = "2017-04-12T10:00:00Z",
                            contentType: String = "application/http; msgtype=response", length: Int? = nil) -> [UInt8] {
        let head = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\nWARC-Date: \(date)\r\n"
            + "WARC-Target-URI: \(uri)\r\nContent-Type: \(contentType)\r\nContent-Length: \(length ?? block.count)\r\n\r\n"
        return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
    }

    private func http(_ body: [UInt8], headers: String = "Content-Type: text/html; charset=utf-8\r\n", status: String = "200 OK") -> [UInt8] {
        Array("HTTP/1.1 \(status)\r\n\(headers)\r\n".utf8) + body
    }

    private let page1 = Array("<html><body><p>Lavrov said the talks were difficult.</p></body></html>".utf8)
    private let page2 = Array("<html><body><p>Tillerson added that ties were at a low point.</p></body></html>".utf8)

    func testResponsesBecomeRecordsAndRequestsDoNot() throws {
        let dir = Fixture.directory()
        var chunked: [UInt8] = Array("1a\r\n".utf8)
        chunked += page2.prefix(26)
        chunked += Array("\r\n\(String(page2.count - 26, radix: 16))\r\n".utf8)
        chunked += page2.dropFirst(26)
        chunked += Array("\r\n0\r\n\r\n".utf8)
        var warc: [UInt8] = warcRecord(type: "warcinfo", id: "0000", uri: "", block: Array("software: test\r\n".utf8),
                                       contentType: "application/warc-fields")
        warc += warcRecord(type: "request", id: "1111", uri: "http://news.test/a",
                           block: Array("GET /a HTTP/1.1\r\nHost: news.test\r\n\r\n".utf8), contentType: "application/http; msgtype=request")
        warc += warcRecord(type: "response", id: "2222", uri: "http://news.test/a", block: http(page1))
        warc += warcRecord(type: "response", id: "3333", uri: "http://news.test/b",
                           block: http(chunked, headers: "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"))
        let path = Fixture.write(warc, "crawl.warc", in: dir)
        let result = try Fixture.read(path)
        XCTAssertEqual(result.format, .warc)
        XCTAssertNil(result.thrown)
        XCTAssertEqual(result.failures, [])
        XCTAssertEqual(result.records.map(\.id), ["2222", "3333"])
        XCTAssertEqual(result.records.map(\.index), [0, 1])
        XCTAssertEqual(result.records[0].body, page1)
        XCTAssertEqual(result.records[0].url, "http://news.test/a")
        XCTAssertEqual(result.records[0].containerDate, "2017-04-12T10:00:00Z")
        XCTAssertEqual(result.records[0].kind, .html)
        XCTAssertEqual(result.records[1].body, page2, "chunked transfer-encoding decoded")
        XCTAssertEqual(result.records[1].kind, .text)
        XCTAssertEqual(result.records[1].contentType, "text/plain")
        // The offset points at the record's "WARC/1.1" line.
        let offset = Int(result.records[0].offset!)
        XCTAssertEqual(String(decoding: warc[offset..<(offset + 8)], as: UTF8.self), "WARC/1.1")
    }

    func testGzipPerRecordWithOneCorruptMemberStillReadsTheNextRecord() throws {
        let dir = Fixture.directory()
        let r1 = warcRecord(type: "response", id: "aaaa", uri: "http://news.test/1", block: http(page1))
        let r2 = warcRecord(type: "response", id: "bbbb", uri: "http://news.test/2",
                            block: http(Array(String(repeating: "<p>filler text</p>", count: 400).utf8)))
        let gzBody = GzipCodec.gzip(page2)
        let r3 = warcRecord(type: "response", id: "cccc", uri: "http://news.test/3",
                            block: http(gzBody, headers: "Content-Type: text/html\r\nContent-Encoding: gzip\r\n"))
        var m2 = GzipCodec.gzip(r2)
        for k in 30..<60 { m2[k] ^= 0xA5 }
        let m1 = GzipCodec.gzip(r1)
        let path = Fixture.write(m1 + m2 + GzipCodec.gzip(r3), "crawl.warc.gz", in: dir)
        let result = try Fixture.read(path)
        XCTAssertNil(result.thrown)
        XCTAssertEqual(result.records.map(\.id), ["aaaa", "cccc"])
        XCTAssertEqual(result.records.last?.body, page2, "Content-Encoding: gzip payload inflated")
        XCTAssertEqual(result.failures.count, 1)
        let failure = try XCTUnwrap(result.failures.first)
        XCTAssertEqual(failure.stage, "decompress")
        XCTAssertEqual(failure.reason, "corrupt-gzip")
        XCTAssertEqual(failure.input, path)
        XCTAssertEqual(failure.record, 1)
        XCTAssertGreaterThanOrEqual(failure.offset ?? -1, Int64(m1.count))
    }

    func testCutMemberFollowedByGoodMembersResumesAtTheNextRecord() throws {
        let dir = Fixture.directory()
        let filler = Array((0..<3000).map { "<p>sentence \($0) of the story</p>" }.joined().utf8)
        let m1 = GzipCodec.gzip(warcRecord(type: "response", id: "one", uri: "http://x.test/1", block: http(page1)))
        let m2 = GzipCodec.gzip(warcRecord(type: "response", id: "two", uri: "http://x.test/2", block: http(filler)))
        let m3 = GzipCodec.gzip(warcRecord(type: "response", id: "three", uri: "http://x.test/3", block: http(page2)))
        let m4 = GzipCodec.gzip(warcRecord(type: "response", id: "four", uri: "http://x.test/4", block: http(page1)))
        // Member two lost its second half (an interrupted append), members three and four follow.
        let path = Fixture.write(m1 + Array(m2.prefix(m2.count / 2)) + m3 + m4, "cut.warc.gz", in: dir)
        let result = try Fixture.read(path)
        XCTAssertNil(result.thrown)
        XCTAssertEqual(result.records.map(\.id), ["one", "three", "four"])
        XCTAssertEqual(result.failures.map(\.stage), ["decompress"])
        XCTAssertEqual(result.failures.first?.record, 1)
    }

    func testWholeFileGzipCutShortKeepsEarlierRecords() throws {
        let dir = Fixture.directory()
        var warc: [UInt8] = []
        for k in 0..<30 { warc += warcRecord(type: "response", id: "r\(k)", uri: "http://x.test/\(k)", block: http(page1 + Array("\(k)".utf8))) }
        let gz = GzipCodec.gzip(warc)
        let result = try Fixture.read(Fixture.write(Array(gz.prefix(gz.count * 2 / 3)), "whole.warc.gz", in: dir))
        XCTAssertNil(result.thrown)
        XCTAssertTrue((5..<30).contains(result.records.count), "\(result.records.count) records")
        XCTAssertEqual(result.records.map(\.id), (0..<result.records.count).map { "r\($0)" })
        XCTAssertEqual(result.failures.map(\.reason), ["truncated-gzip"])
    }

    func testWrongContentLengthDoesNotSwallowTheNextRecord() throws {
        let dir = Fixture.directory()
        let short = warcRecord(type: "response", id: "1", uri: "http://x.test/1", block: http(page1), length: 40)
        let long = warcRecord(type: "response", id: "2", uri: "http://x.test/2", block: http(page1), length: 5000)
        let good = warcRecord(type: "response", id: "3", uri: "http://x.test/3", block: http(page2))
        let path = Fixture.write(short + long + good, "lengths.warc", in: dir)
        let result = try Fixture.read(path)
        XCTAssertEqual(result.records.map(\.id), ["1", "2", "3"])
        XCTAssertEqual(result.records[1].body, page1)
        XCTAssertEqual(result.records[2].body, page2)
        // Both lying records are reported, without a record index (they were yielded: no double count).
        XCTAssertEqual(result.failures.map(\.reason), ["warc-length-mismatch", "warc-length-mismatch"])
        XCTAssertEqual(result.failures.map(\.record), [nil, nil])
        XCTAssertEqual(result.failures.map(\.offset), [0, Int64(short.count)])
    }

    func testOverlongLastRecordIsCutAtTheEndOfTheFileAndReported() throws {
        let dir = Fixture.directory()
        let good = warcRecord(type: "response", id: "1", uri: "http://x.test/1", block: http(page1))
        let long = warcRecord(type: "response", id: "2", uri: "http://x.test/2", block: http(page2), length: 9000)
        let result = try Fixture.read(Fixture.write(good + long, "cut.warc", in: dir))
        XCTAssertEqual(result.records.map(\.id), ["1", "2"])
        XCTAssertEqual(result.records[1].body, page2)
        XCTAssertEqual(result.failures.map(\.reason), ["warc-length-mismatch"])
        XCTAssertEqual(result.failures.first?.offset, Int64(good.count))
    }

    func testRightContentLengthsReportNothing() throws {
        let dir = Fixture.directory()
        let warc = warcRecord(type: "response", id: "1", uri: "http://x.test/1", block: http(page1))
            + warcRecord(type: "response", id: "2", uri: "http://x.test/2", block: http(page2))
        let result = try Fixture.read(Fixture.write(warc, "fine.warc", in: dir))
        XCTAssertEqual(result.records.map(\.id), ["1", "2"])
        XCTAssertEqual(result.failures.map(\.reason), [])
    }

    func testNonOKStatusAndImagesAreReportedAsSkipped() throws {
        let dir = Fixture.directory()
        var warc = warcRecord(type: "response", id: "1", uri: "http://x.test/old", block: http([], headers: "Location: /new\r\n", status: "301 Moved"))
        warc += warcRecord(type: "response", id: "2", uri: "http://x.test/logo.png", block: http([0x89, 0x50, 0x4e, 0x47], headers: "Content-Type: image/png\r\n"))
        warc += warcRecord(type: "resource", id: "3", uri: "file:///a.txt", block: Array("plain words".utf8), contentType: "text/plain")
        warc += warcRecord(type: "conversion", id: "4", uri: "http://x.test/wet", block: Array("extracted text".utf8), contentType: "text/plain")
        let result = try Fixture.read(Fixture.write(warc, "mixed.warc", in: dir))
        XCTAssertEqual(result.failures.map(\.reason), ["http-status", "not-a-document"])
        XCTAssertTrue(result.failures.allSatisfy(\.skipped))
        XCTAssertEqual(result.records.map(\.id), ["3", "4"])
        XCTAssertEqual(result.records.map(\.kind), [.text, .text])
        XCTAssertEqual(result.records.last?.body, Array("extracted text".utf8))
    }

    func testOversizedRecordIsSkippedAndReadingContinues() throws {
        let dir = Fixture.directory()
        let big = warcRecord(type: "response", id: "big", uri: "http://x.test/big", block: http([UInt8](repeating: 0x61, count: 5000)))
        let small = warcRecord(type: "response", id: "small", uri: "http://x.test/s", block: http(page1))
        let result = try Fixture.read(Fixture.write(big + small, "big.warc", in: dir), options: ReaderOptions(maxRecordBytes: 1000))
        XCTAssertEqual(result.failures.map(\.reason), ["record-too-large"])
        XCTAssertEqual(result.failures.first?.record, 0)
        XCTAssertEqual(result.records.map(\.id), ["small"])
    }
}
