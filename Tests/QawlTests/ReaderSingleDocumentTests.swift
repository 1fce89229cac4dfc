import Foundation
import XCTest
@testable import Qawl

final class ReaderSingleDocumentTests: XCTestCase {
    func testWholeFilesAreOneDocumentIdFromName() throws {
        let dir = Fixture.directory()
        let txt = Fixture.write("قال الوزير إن المحادثات كانت صعبة.\n", "seed/000_7c6445b88433139e.txt", in: dir)
        let html = Fixture.write("<!DOCTYPE html><html><body><p>x</p></body></html>", "page.html.gz".replacingOccurrences(of: ".gz", with: ""), in: dir)
        let gz = Fixture.write(GzipCodec.gzip(Array("<html><p>y</p></html>".utf8)), "2017/report.2017.htm.gz", in: dir)
        let t = try Fixture.read(txt)
        XCTAssertEqual(t.format, .text)
        XCTAssertEqual(t.records.map(\.id), ["000_7c6445b88433139e"])
        XCTAssertEqual(t.records.first?.kind, .text)
        XCTAssertEqual(t.records.first?.body, Array("قال الوزير إن المحادثات كانت صعبة.\n".utf8))
        let h = try Fixture.read(html)
        XCTAssertEqual(h.records.map(\.id), ["page"])
        XCTAssertEqual(h.records.first?.kind, .html)
        let g = try Fixture.read(gz)
        XCTAssertEqual(g.records.map(\.id), ["report.2017"])
        XCTAssertEqual(g.records.first?.kind, .html)
    }

    func testOversizedFileIsReportedNotRead() throws {
        let dir = Fixture.directory()
        let path = Fixture.write(String(repeating: "a", count: 5000), "big.txt", in: dir)
        let result = try Fixture.read(path, options: ReaderOptions(maxRecordBytes: 1000))
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.failures.map(\.reason), ["record-too-large"])
    }
}
