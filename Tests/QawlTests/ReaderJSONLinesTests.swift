import Foundation
import XCTest
@testable import Qawl

final class ReaderJSONLinesTests: XCTestCase {
    func testCommonFieldNamesBrokenLineAndFallbackIds() throws {
        let dir = Fixture.directory()
        let lines = [
            #"{"id": "sabq-1", "url": "https://sabq.org/a", "title": "عنوان", "date_extracted": "2015-07-21 02:51:18", "content": "قال الوزير إن المحادثات صعبة", "source": "sabq"}"#,
            #"{"url": "https://cc.test/b", "maintext": "Lavrov said ...", "date_publish": "2017-04-12", "language": "en", "source_domain": "cc.test"}"#,
            #"{"title": "no url", "text": "Plain text body"#,
            "",
            #"{"title": "no id no url", "body": ["para one", "para two"], "html": "<p>x</p>"}"#,
        ]
        let path = Fixture.write(lines.joined(separator: "\n") + "\n", "dump.jsonl", in: dir)
        let result = try Fixture.read(path)
        XCTAssertEqual(result.format, .jsonl)
        XCTAssertEqual(result.records.map(\.id), ["sabq-1", "https://cc.test/b", "dump.jsonl:5"])
        XCTAssertEqual(result.records.map(\.kind), [.article, .article, .article])
        let first = try XCTUnwrap(result.records.first?.fields)
        XCTAssertEqual(first.text, "قال الوزير إن المحادثات صعبة")
        XCTAssertEqual(first.date, "2015-07-21 02:51:18")
        XCTAssertEqual(first.source, "sabq")
        XCTAssertEqual(result.records[0].url, "https://sabq.org/a")
        XCTAssertEqual(result.records[1].fields?.lang, "en")
        XCTAssertEqual(result.records[1].fields?.source, "cc.test")
        XCTAssertEqual(result.records[1].fields?.date, "2017-04-12")
        XCTAssertEqual(result.records[2].fields?.text, "para one\npara two")
        XCTAssertEqual(result.records[2].fields?.html, "<p>x</p>")
        let failure = try XCTUnwrap(result.failures.first)
        XCTAssertEqual(result.failures.count, 1)
        XCTAssertEqual(failure.reason, "bad-json")
        XCTAssertTrue(failure.message.contains("line 3"), failure.message)
        let offset = lines[0].utf8.count + 1 + lines[1].utf8.count + 1
        XCTAssertEqual(failure.offset, Int64(offset))
    }

    func testFieldMappingFromConfiguration() throws {
        let dir = Fixture.directory()
        let line = #"{"article_body": "Tillerson said ties were at a low point.", "crawl": "2017-04-12", "content": "teaser"}"#
        let mapping = FieldMapping(["text": "article_body", "date": "crawl"])
        let result = try Fixture.read(Fixture.write(line + "\n", "mapped.jsonl", in: dir), options: ReaderOptions(fieldMapping: mapping))
        XCTAssertEqual(result.records.first?.fields?.text, "Tillerson said ties were at a low point.")
        XCTAssertEqual(result.records.first?.fields?.date, "2017-04-12")
        XCTAssertEqual(result.records.first?.id, "mapped.jsonl:1")
        XCTAssertEqual(FieldMapping(["txt": "x"]).unknownFields, ["txt"])
    }

    func testInvalidUTF8AndNULAreRepairedAndHugeLinesSkipped() throws {
        let dir = Fixture.directory()
        var bytes = Array(#"{"id": "a", "text": "caf"#.utf8) + [0xE9, 0x00] + Array(#" ok"}"#.utf8) + [0x0A]
        bytes += Array(#"{"id": "huge", "text": ""#.utf8) + [UInt8](repeating: 0x61, count: 3000) + Array("\"}\n".utf8)
        bytes += Array(#"{"id": "after"}"#.utf8)   // no final newline
        let result = try Fixture.read(Fixture.write(bytes, "bad.jsonl", in: dir), options: ReaderOptions(maxRecordBytes: 1000))
        XCTAssertEqual(result.records.map(\.id), ["a", "after"])
        XCTAssertEqual(result.records.first?.fields?.text, "caf\u{FFFD} ok")
        XCTAssertEqual(result.failures.map(\.reason), ["record-too-large"])
        XCTAssertEqual(result.failures.first?.record, 1)
    }
}
