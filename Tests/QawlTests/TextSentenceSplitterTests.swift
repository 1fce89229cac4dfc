import XCTest
@testable import Qawl

final class TextSentenceSplitterTests: XCTestCase {
    func sentences(_ text: String, abbreviations: Set<String> = ["mr", "د"]) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        return SentenceSplitter(abbreviations: abbreviations).split(tokens).map { r in
            String(String.UnicodeScalarView(scalars[tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end]))
        }
    }

    func testArabicCommaDoesNotEndASentence() {
        XCTAssertEqual(sentences("قال، في مؤتمر صحفي، إن الوضع صعب؛ وأضاف أنه سيعود. ثم غادر؟ نعم!").count, 4)
    }

    func testFullStopInsideAQuotationDoesNotEndTheSentence() {
        XCTAssertEqual(sentences("وقالت ميركل: \"نحن هنا. وسنبقى\". ثم غادرت."),
                       ["وقالت ميركل: \"نحن هنا. وسنبقى\".", "ثم غادرت."])
        XCTAssertEqual(sentences("قال: «نعم. لا». ثم غادر.").count, 2)
    }

    func testParagraphBreakEndsASentenceAndAnOpenQuote() {
        XCTAssertEqual(sentences("وقال: \"نحن هنا\nثم غادر.").count, 2)
    }

    func testAbbreviationsAndInitialsDoNotEndASentence() {
        XCTAssertEqual(sentences("وقال د. محمد إن U.S. officials agree. Mr. Smith left.").count, 2)
    }

    func testGluedWordsStayInOneSentence() {
        XCTAssertEqual(sentences("العلاقات بين روسياوالولاياتالمتحدة صعبة.").count, 1)
    }
}
