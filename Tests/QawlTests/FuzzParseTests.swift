import Foundation
import XCTest
@testable import Qawl

/// Inputs the fuzzers (Fuzz/, scripts/fuzz.sh) crashed on, fed through the same path again.
final class FuzzParseTests: XCTestCase {
    /// libxml2 turns this into text blocks without a single element; the main-text extractor
    /// indexed the empty element list (fuzz target `html`, crash-03e9f795).
    func testPageWithTextButNoElementsIsSkippedAsEmpty() {
        let record = RawRecord(input: "fuzz.html", index: 0, kind: .html,
                               body: Array("<\u{0}<?xml version=\"1.0\"?><!!DOCTYPE ".utf8))
        XCTAssertThrowsError(try ParseFixtures.builder.parse(record)) { error in
            XCTAssertEqual((error as? RecordError)?.reason, "empty-text")
        }
    }

    func testBlocksWithoutElementsGiveNoMainText() throws {
        let record = RawRecord(input: "fuzz.html", index: 0, kind: .html,
                               body: Array("<\u{0}<?xml version=\"1.0\"?><!!DOCTYPE ".utf8))
        let page = try XCTUnwrap(ParseFixtures.builder.html.page(record.body, contentType: nil))
        XCTAssertTrue(page.tree.elements.isEmpty)
        XCTAssertEqual(page.main.paragraphs, [])
    }
}
