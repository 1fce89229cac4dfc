import Foundation
import XCTest
@testable import Qawl

/// The shared real dumps, read in place: every document must come out as a record or an error.
final class InputRealDumpTests: XCTestCase {
    private func shared(_ relative: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("shared/corpus/" + relative).path
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("\(path) not present") }
        return path
    }

    func testANTDumpYieldsAll31525Documents() throws {
        let path = try shared("ar/ant-multisource-v2.1.trec.xml.gz")
        var opened = try InputOpener.open(path: path, options: ReaderOptions())
        XCTAssertEqual(opened.format, .sgml)
        XCTAssertTrue(opened.gzipped)
        var records = 0, failures = 0, withText = 0, withTitle = 0
        var first: RawRecord?
        while let item = try opened.reader.next() {
            switch item {
            case .record(let r):
                records += 1
                if first == nil { first = r }
                if !(r.fields?.text ?? "").isEmpty { withText += 1 }
                if r.fields?.title != nil { withTitle += 1 }
            case .failure: failures += 1
            }
        }
        XCTAssertEqual(records + failures, 31_525)
        XCTAssertEqual(opened.uncompressedBytes, 111_181_136)
        XCTAssertEqual(opened.compressedBytes, 25_208_029)
        XCTAssertGreaterThan(withText, 31_000)
        XCTAssertGreaterThan(withTitle, 31_000)
        XCTAssertEqual(first?.id?.isEmpty, false)
        XCTAssertEqual(first?.offset, 0)
    }

    func testNewsPagesWARCYields317Responses() throws {
        let path = try shared("en/news-pages.warc.gz")
        let result = try Fixture.read(path)
        XCTAssertNil(result.thrown)
        XCTAssertEqual(result.format, .warc)
        XCTAssertEqual(result.records.count + result.failures.count, 317)
        XCTAssertEqual(result.records.first?.url, "http://readability.test/001")
        XCTAssertEqual(result.records.first?.id, "d5b6fe8b-a63f-834e-3c34-327c8f215ef6")
        XCTAssertEqual(result.records.first?.containerDate, "2020-01-01T00:00:00Z")
        XCTAssertEqual(result.records.first?.contentType, "text/html; charset=utf-8")
        XCTAssertTrue(result.records.first.map { String(decoding: $0.body.prefix(15), as: UTF8.self) } == "<!DOCTYPE html>")
    }
}
