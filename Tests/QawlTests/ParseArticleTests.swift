import XCTest
@testable import Qawl

final class ParseArticleTests: XCTestCase {
    let builder = ParseFixtures.builder

    private func article(_ fields: ArticleFields, url: String? = nil, containerDate: String? = nil) -> RawRecord {
        RawRecord(input: "dump.jsonl.gz", index: 7, kind: .article, id: "doc-7", url: url,
                  containerDate: containerDate, fields: fields)
    }

    func testRFC2822DateIsNormalised() throws {
        let doc = try builder.parse(article(ArticleFields(title: " Lavrov:  talks hard ", text: "Lavrov said the talks were hard.",
                                                          date: "Thu, 17 May 2018 13:02:49 +0400")))
        XCTAssertEqual(doc.published, "2018-05-17T13:02:49+04:00")
        XCTAssertEqual(doc.dateSource, .document)
        XCTAssertEqual(doc.title, "Lavrov: talks hard")
        XCTAssertEqual(doc.docID, "doc-7")
        XCTAssertEqual(doc.record, 7)
    }

    func testDumpDateFormats() throws {
        for (raw, iso) in [("2017-04-12 10:00:00", "2017-04-12"), ("20170412", "2017-04-12"),
                           ("1492000000", "2017-04-12T12:26:40+00:00"), ("2017-04-12T10:00:00+02:00", "2017-04-12T10:00:00+02:00")] {
            let doc = try builder.parse(article(ArticleFields(text: "Some text.", date: raw)))
            XCTAssertEqual(doc.published, iso, raw)
        }
    }

    func testContainerDateAndURLWhenTheDumpHasNoDate() throws {
        let a = try builder.parse(article(ArticleFields(text: "Some text."), containerDate: "Mon, 02 Jan 2017 08:00:00 GMT"))
        XCTAssertEqual(a.published, "2017-01-02T08:00:00+00:00")
        XCTAssertEqual(a.dateSource, .container)
        let b = try builder.parse(article(ArticleFields(text: "Some text."), url: "https://www.example.com/2016/03/04/x"))
        XCTAssertEqual(b.published, "2016-03-04")
        XCTAssertEqual(b.dateSource, .url)
        XCTAssertEqual(b.source, "example.com")
    }

    func testTextParagraphsAreOnePerLineAndCollapsed() throws {
        let doc = try builder.parse(article(ArticleFields(text: "  First   paragraph.\r\n\n Second\tparagraph. \n")))
        XCTAssertEqual(doc.text, "First paragraph.\nSecond paragraph.")
    }

    func testLanguageFromFieldElseFromScript() throws {
        XCTAssertEqual(try builder.parse(article(ArticleFields(text: "Some text.", lang: "Arabic"))).lang, "ar")
        let arabic = "قال وزير الخارجية الروسي سيرغي لافروف إن العلاقات مع الولايات المتحدة تمر بمرحلة صعبة."
        XCTAssertEqual(try builder.parse(article(ArticleFields(text: arabic))).lang, "ar")
        let english = "The foreign minister said that the talks with the delegation were difficult and that more work was needed."
        XCTAssertEqual(try builder.parse(article(ArticleFields(text: english))).lang, "en")
        let french = "Le ministre a déclaré que les négociations avec la délégation étaient difficiles et qu'il fallait encore du travail pour les pays."
        XCTAssertEqual(try builder.parse(article(ArticleFields(text: french))).lang, "fr")
        XCTAssertEqual(try builder.parse(article(ArticleFields(text: "12345 67890 !!!"))).lang, "und")
    }

    func testSourceFieldWinsOverURLHost() throws {
        let doc = try builder.parse(article(ArticleFields(text: "Some text.", source: "Al-Ahram"), url: "https://www.ahram.org.eg/x"))
        XCTAssertEqual(doc.source, "Al-Ahram")
    }

    func testHTMLFieldGoesThroughMainTextExtraction() throws {
        let doc = try builder.parse(article(ArticleFields(html: ParseFixtures.newsPage())))
        XCTAssertEqual(doc.text, ParseFixtures.paragraphs.joined(separator: "\n"))
        XCTAssertEqual(doc.title, "Ceasefire talks end | Example News")
    }

    func testEmptyTextIsSkippedNotFailed() {
        XCTAssertThrowsError(try builder.parse(article(ArticleFields(title: "Only a title", text: "  \n ")))) { error in
            let e = error as? RecordError
            XCTAssertEqual(e?.reason, "empty-text")
            XCTAssertEqual(e?.stage, "parse")
            XCTAssertEqual(e?.skipped, true)
            XCTAssertEqual(e?.input, "dump.jsonl.gz")
            XCTAssertEqual(e?.record, 7)
        }
    }

    func testPlainTextSplitsOnBlankLinesAndJoinsHardWraps() throws {
        let body = Array("First paragraph that is\nhard wrapped here.\n\nSecond one.\n".utf8)
        let doc = try builder.parse(RawRecord(input: "a.txt", index: 0, kind: .text, body: body))
        XCTAssertEqual(doc.text, "First paragraph that is hard wrapped here.\nSecond one.")
        XCTAssertNil(doc.title)
        XCTAssertEqual(doc.docID, "a.txt:0")
    }

    func testPlainTextWithoutBlankLinesIsOneParagraphPerLine() throws {
        let doc = try builder.parse(RawRecord(input: "a.txt", index: 0, kind: .text, body: Array("One.\nTwo.\n".utf8)))
        XCTAssertEqual(doc.text, "One.\nTwo.")
    }

    func testPlainTextInWindows1256IsDecoded() throws {
        let arabic = "قال وزير الخارجية الروسي إن المحادثات صعبة.\n\nوأضاف أن الجولة المقبلة ستعقد في جنيف."
        let body = ParseFixtures.encode(arabic, as: "WINDOWS-1256")
        let doc = try builder.parse(RawRecord(input: "ar.txt", index: 0, kind: .text, body: body))
        XCTAssertEqual(doc.text, "قال وزير الخارجية الروسي إن المحادثات صعبة.\nوأضاف أن الجولة المقبلة ستعقد في جنيف.")
        XCTAssertEqual(doc.lang, "ar")
    }
}
