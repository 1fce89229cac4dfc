import XCTest
@testable import Qawl

/// Collapsing whitespace takes a shortcut when the text is already collapsed (the usual case for
/// dump readers); the shortcut must never change what the user gets.
final class TextWhitespaceTests: XCTestCase {
    func testCollapsedTextOfEveryShapeMatchesTheFullRewrite() {
        // Pieces that matter to the rules: words in two scripts, ASCII and Unicode spaces, line breaks.
        let pieces = ["قال", "Lavrov", "a", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u{00A0}", "\u{2009}",
                      "\u{3000}", "\u{2028}", "\u{0085}", "é", "—"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            for keepLines in [true, false] {
                let full = Whitespace.rewritten(text, keepLines: keepLines)
                XCTAssertEqual(Whitespace.paragraphs(text, keepLines: keepLines), full, "«\(text.debugDescription)»")
                var copy = text
                let normalized = copy.withUTF8 { Whitespace.isNormalized($0, keepLines: keepLines) }
                XCTAssertEqual(normalized, full == text && !text.isEmpty, "«\(text.debugDescription)»")
            }
        }
    }

    func testParagraphsKeepOneLinePerParagraph() {
        XCTAssertEqual(Whitespace.paragraphs("  قال لافروف \n\n\t إن  المحادثات \u{00A0}مفيدة  "),
                       "قال لافروف\nإن المحادثات مفيدة")
        XCTAssertEqual(Whitespace.paragraphs("one\ntwo", keepLines: false), "one two")
        XCTAssertEqual(Whitespace.paragraphs("one\ntwo"), "one\ntwo")
    }
}
