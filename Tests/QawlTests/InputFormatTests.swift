import Foundation
import XCTest
@testable import Qawl

final class InputFormatTests: XCTestCase {
    private func sniff(_ s: String, name: String? = nil) -> InputFormat { InputFormat.sniff(Array(s.utf8), nameHint: name) }

    func testFormatsAreRecognisedByContentNotName() {
        XCTAssertEqual(sniff("WARC/1.1\r\nWARC-Type: warcinfo\r\n", name: "x.txt"), .warc)
        XCTAssertEqual(sniff("\n {\"url\": \"a\"}\n", name: "x.html"), .jsonl)
        XCTAssertEqual(sniff("<DOC>\n<DOCNO>1</DOCNO>"), .sgml)
        XCTAssertEqual(sniff("<?xml version=\"1.0\"?>\n<!-- LDC -->\n<DOC id=\"AFP_ENG_1\" type=\"story\">"), .sgml)
        XCTAssertEqual(sniff("<?xml version=\"1.0\"?><GWENG>\n<DOC id=\"x\">"), .sgml)
        XCTAssertEqual(sniff("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"), .feed)
        XCTAssertEqual(sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), .feed)
        XCTAssertEqual(sniff("<rdf:RDF xmlns:rdf=\"...\">"), .feed)
        XCTAssertEqual(sniff("\u{FEFF}<!DOCTYPE html><html>"), .html)
        XCTAssertEqual(sniff("<html lang=\"ar\" dir=\"rtl\">"), .html)
        XCTAssertEqual(sniff("<!-- saved page --><div class=\"article\">"), .html)
        XCTAssertEqual(sniff("قال الوزير", name: "a.txt"), .text)
        XCTAssertEqual(sniff("Just words", name: "a.html"), .html, "the name decides only between text and HTML")
        XCTAssertEqual(InputFormat.sniff(Fixture.tarHeader(name: "a.html", size: 3) + [0x61, 0x62, 0x63]), .tar)
    }

    func testDocumentIDsFromFileNames() {
        XCTAssertEqual(DocumentID.fromFileName("shared/seed/000_7c6445b88433139e.txt"), "000_7c6445b88433139e")
        XCTAssertEqual(DocumentID.fromFileName("a/b/page.html.gz"), "page")
        XCTAssertEqual(DocumentID.fromFileName("report.2017.html"), "report.2017")
        XCTAssertEqual(DocumentID.fromFileName(".hidden"), ".hidden")
    }

    func testOpenerReportsGzipAndFormatAndByteCounters() throws {
        let dir = Fixture.directory()
        let text = Array(String(repeating: "{\"id\": \"x\"}\n", count: 100).utf8)
        let gz = GzipCodec.gzip(text)
        var opened = try InputOpener.open(path: Fixture.write(gz, "d.data", in: dir))
        XCTAssertTrue(opened.gzipped)
        XCTAssertEqual(opened.format, .jsonl)
        while try opened.reader.next() != nil {}
        XCTAssertEqual(opened.compressedBytes, Int64(gz.count))
        XCTAssertEqual(opened.uncompressedBytes, Int64(text.count))
    }

    func testOpeningAMissingFileNamesIt() {
        XCTAssertThrowsError(try InputOpener.open(path: "/nonexistent/dump.warc.gz")) { error in
            XCTAssertEqual(error as? InputError, .missing(path: "/nonexistent/dump.warc.gz"))
            XCTAssertTrue("\(error)".contains("/nonexistent/dump.warc.gz"))
        }
    }
}
