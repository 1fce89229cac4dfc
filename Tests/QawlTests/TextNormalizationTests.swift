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

    func testNormalizerCollapsesEveryUnicodeWhiteSpace() {
        // the normaliser's own list of white space is Unicode's White_Space property, scalar for scalar
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(ArabicNormalizer.isWhiteSpace(v), u.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
        XCTAssertEqual(ArabicNormalizer.normalize(" وزارة\u{2028}الخارجية\u{85}\u{3000}الروسية\t"), "وزاره الخارجيه الروسيه")
        XCTAssertEqual(ArabicNormalizer.normalize("\u{A0}\u{200A}"), "")
    }

    func testBlanksAreTrimmedOnBytesAsOnScalars() {
        XCTAssertEqual("\u{3000}\u{A0} وزير الخارجية\u{2009}\t\u{202F}".trimmingBlanks(), "وزير الخارجية")
        XCTAssertEqual("\u{1680}\u{200B}\u{205F}x".trimmingBlanks(), "x")
        // not blanks: zero-width non-joiner, line separator, a letter whose UTF-8 ends in A0 («ؠ» is D8 A0)
        XCTAssertEqual("\u{200C}x\u{2028}".trimmingBlanks(), "\u{200C}x\u{2028}")
        XCTAssertEqual("قال\u{0620}".trimmingBlanks(), "قال\u{0620}")
        XCTAssertEqual(Substring(" \t ").trimmingBlanks(), "")
    }

    func testWrittenFormDropsDiacriticsAndTatweelOnly() {
        XCTAssertEqual(ArabicLexicon.written("أكّدَ"), "أكد")
        XCTAssertEqual(ArabicLexicon.written("قـال"), "قال")
        XCTAssertEqual(ArabicLexicon.written("عليّ"), "علي")
        XCTAssertEqual(ArabicLexicon.written("على"), "على")   // alef maqsura kept: no folding
        XCTAssertEqual(ArabicLexicon.written("Lavrov"), "Lavrov")
    }

    func testLexiconFieldsSplitOnTheSeparatorByteOnly() {
        XCTAssertEqual("قال\tقال\tverb\t\tm".fields(0x09, omittingEmpty: false), ["قال", "قال", "verb", "", "m"])
        XCTAssertEqual("الرياض|جدة||مكة المكرمة".fields(0x7C), ["الرياض", "جدة", "مكة المكرمة"])
        XCTAssertEqual(Substring("وزير الخارجية").fields(0x20), ["وزير", "الخارجية"])
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
        let tokens = Tokenizer.tokenize(Array("لـCNN #الاتحاد_الأوروبي 3.5 a_ _b".unicodeScalars))
        XCTAssertEqual(tokens.map(\.norm), ["ل", "cnn", "#", "الاتحاد", "الاوروبي", "3.5", "a", "_", "_", "b"])
    }

    func testEditDistanceTellsASpellingFromAnotherWord() {
        func d(_ a: String, _ b: String, _ m: Int = 2) -> Int { EditDistance.between(Array(a.unicodeScalars), Array(b.unicodeScalars), atMost: m) }
        XCTAssertEqual(d("هيربيرت", "هربرت"), 2)
        XCTAssertEqual(d("باراك", "بارك"), 1)
        XCTAssertEqual(d("سيرجي", "سيرغي"), 1)
        XCTAssertEqual(d("كيتن", "سيتنغ"), 2)
        // beyond the bound only «more than atMost» is known
        XCTAssertEqual(d("جونيفر", "كامالا"), 3)
        XCTAssertEqual(d("بدر", "زيدان"), 3)
    }

    func testCliticStemsOfAToken() throws {
        let clitics = try TestRegistry.lexicon().clitics
        XCTAssertTrue(clitics.stems("ولافروف").contains("لافروف"))
        XCTAssertTrue(clitics.stems("للرئيس").contains("الرئيس"))
        XCTAssertTrue(clitics.stems("والرئيس").contains("الرئيس"))
        XCTAssertEqual(clitics.withoutConjunction("وقال"), "قال")
        XCTAssertNil(clitics.withoutConjunction("قال"))
    }

    /// Extraction looks words up on bytes (`ScalarText`, `TokenNorms`, `WordCache`, `Clitics.anyStem`,
    /// `WordTable`) for speed; every one of them must see exactly what the `String` forms say, or
    /// statements would change.
    func testByteViewsOfTextAndTokensAgreeWithTheirStrings() throws {
        let text = "وقالَ وزيرُ الخارجيّة الروسي، سيرجي لافروف: «نعم». للرئيس والمستشارة ﻻ بـCNN #الاتحاد_الأوروبي 3.5 ١٢٣\nأكّد ـــ Über 😀 فلل"
        let st = ScalarText(text)
        XCTAssertEqual(st.scalars, Array(text.unicodeScalars))
        XCTAssertEqual(st.utf8, Array(text.utf8))
        for (i, u) in st.scalars.enumerated() {
            XCTAssertEqual(Array(st.utf8[Int(st.offsets[i])..<Int(st.offsets[i + 1])]), Array(String(u).utf8))
        }

        let cache = WordCache(limit: 4)   // small: it starts over while reading
        let plain = Tokenizer.tokenize(st.scalars)
        let (tokens, norms) = Tokenizer.tokenizeWithNorms(st.scalars, cache: cache)
        XCTAssertEqual(tokens, plain)
        XCTAssertEqual(Tokenizer.tokenize(st.scalars, cache: cache), plain)
        let clitics = try TestRegistry.lexicon().clitics
        for (i, t) in tokens.enumerated() {
            norms.withBytes(i) { XCTAssertEqual(Array($0), Array(t.norm.utf8), t.norm) }
            var forms: [String] = []
            _ = t.norm.withWordBytes { w in
                clitics.anyStem(w) { s in
                    let f = String(decoding: s, as: UTF8.self)
                    if !forms.contains(f) { forms.append(f) }
                    return false
                }
            }
            XCTAssertEqual(forms, clitics.stems(t.norm), t.norm)
            let bare = t.norm.withWordBytes { w in clitics.withoutConjunction(bytes: w).map { String(decoding: $0, as: UTF8.self) } }
            XCTAssertEqual(bare, clitics.withoutConjunction(t.norm), t.norm)
        }

        let words = Set(plain.map(\.norm))
        let table = WordSet(words.filter { $0.unicodeScalars.count > 2 })
        for w in words {
            XCTAssertEqual(table.contains(w), w.unicodeScalars.count > 2, w)
            XCTAssertFalse(table.contains(w + "x"), w)
        }
    }

    /// The shortcut that decides word characters for syndication shingles without a Unicode
    /// property lookup agrees with the property everywhere: signatures in old stores stay valid.
    func testSyndicationWordScalarsAgreeWithTheUnicodeProperty() {
        for value in UInt32(0)...0x2FFF {
            guard let u = Unicode.Scalar(value), let v = ArabicNormalizer.fold(value) else { continue }
            let reference = u.properties.isAlphabetic || (0x30...0x39).contains(v) || (0x0660...0x0669).contains(v)
            XCTAssertEqual(SyndicationClusterer.isWordScalar(value: u.value, folded: v), reference, String(format: "U+%04X", value))
        }
    }

    /// Signatures read the content's scalars from its UTF-8 bytes: they equal those of the loop
    /// over `unicodeScalars` (kept here as the reference) for scalars of every UTF-8 length,
    /// diacritics and tatweel, so signatures in old stores stay valid.
    func testSyndicationSignaturesFromBytesEqualTheScalarLoop() {
        // the word hashes the byte scan makes are those of the loop over scalars it replaced
        func reference(_ content: String) -> [UInt64] {
            var words: [UInt64] = []
            var h: UInt64 = 0
            var inWord = false
            for u in content.unicodeScalars {
                guard let v = ArabicNormalizer.fold(u.value) else { continue }
                if u.properties.isAlphabetic || (0x30...0x39).contains(v) || (0x0660...0x0669).contains(v) {
                    if !inWord { h = 14695981039346656037; inWord = true }
                    h = (h ^ UInt64(v)) &* 1099511628211
                } else if inWord {
                    words.append(h); inWord = false
                }
            }
            if inWord { words.append(h) }
            return words
        }
        let pieces = ["قالَ", "الرئيسُ", "إنّ", "ـــ", "Éric", "Müller", "said", "2024", "٢٠٢٤", "北京", "表示",
                      "😀", "𝐀𝐁", "«", "»", "،", " ", "\n", "-", "ß", "ﻻ", "Ω", "क़", "\u{0301}", "x"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let content = (0..<Int.random(in: 0...30, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! + (Bool.random(using: &generator) ? " " : "") }
                .joined()
            XCTAssertEqual(SyndicationClusterer.wordHashes(content), reference(content), content)
        }
    }
}
