import XCTest
@testable import Qawl

final class TextNormalizationTests: XCTestCase {
    func testNormalizerFoldsHamzaFormsDiacriticsAndCase() {
        XCTAssertEqual(ArabicNormalizer.normalize("أكّدَ"), "اكد")
        XCTAssertEqual(ArabicNormalizer.normalize("إيران"), "ايران")
        XCTAssertEqual(ArabicNormalizer.normalize("المتّحدة"), "المتحده")
        XCTAssertEqual(ArabicNormalizer.normalize("مُؤتمر"), "موتمر")
        XCTAssertEqual(ArabicNormalizer.normalize("نفى"), "نفي")
        XCTAssertEqual(ArabicNormalizer.normalize("لـCNN"), "لcnn")
    }

    func testTokenizerKeepsOriginalScalarOffsets() {
        let text = "وقالَ لافروف: \"نعم\""
        let tokens = Tokenizer.tokenize(Array(text.unicodeScalars))
        XCTAssertEqual(tokens.map(\.norm), ["وقال", "لافروف", ":", "\"", "نعم", "\""])
        XCTAssertEqual(tokens[0].start, 0)
        XCTAssertEqual(tokens[0].end, 5)   // the fatha is inside the word
        XCTAssertEqual(tokens[1].start, 6)
    }

    func testTokenizerSplitsScriptsAndHashtags() {
        let tokens = Tokenizer.tokenize(Array("لـCNN #الاتحاد_الأوروبي 3.5".unicodeScalars)).filter { $0.kind != .punct }
        XCTAssertEqual(tokens.map(\.norm), ["ل", "cnn", "الاتحاد", "الاوروبي", "3.5"])
    }

    func testCliticStemsOfAToken() throws {
        let clitics = try TestRegistry.lexicon().clitics
        XCTAssertTrue(clitics.stems("ولافروف").contains("لافروف"))
        XCTAssertTrue(clitics.stems("للرئيس").contains("الرئيس"))
        XCTAssertTrue(clitics.stems("والرئيس").contains("الرئيس"))
        XCTAssertEqual(clitics.withoutConjunction("وقال"), "قال")
        XCTAssertNil(clitics.withoutConjunction("قال"))
    }
}
