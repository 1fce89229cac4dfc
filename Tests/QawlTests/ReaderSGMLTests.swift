import Foundation
import XCTest
@testable import Qawl

final class ReaderSGMLTests: XCTestCase {
    /// Text out of markup: single spaces between words kept, runs of whitespace and inline tags
    /// one space, block tags and line breaks a new line (TREC) or a space (Gigaword paragraphs),
    /// references decoded, nothing at the edges.
    func testMarkupTextSpacing() {
        let markup = Array("  a b  c<b>d</b> e &amp; f<p>g h </p>\n i\tj ".utf8)
        XCTAssertEqual(MarkupText.text(markup[...], layout: .collapsed), "a b c d e & f g h i j")
        XCTAssertEqual(MarkupText.text(markup[...], layout: .lines), "a b c d e & f\ng h\ni j")
        let arabic = Array("قال  لافروف <i>إن</i> المحادثات&quot;صعبة&quot; .".utf8)
        XCTAssertEqual(MarkupText.text(arabic[...], layout: .collapsed), "قال لافروف إن المحادثات\"صعبة\" .")
    }

    func testTRECDocumentsWithBareAmpersandAndStrayTag() throws {
        let dir = Fixture.directory()
        let sgml = """
        <DOC>
        <DOCNO>AL-internationalNews-1209-20180517</DOCNO>
        <URL>https://www.alarabiya.net/ar/a.html</URL>
        <SRC>alarabia</SRC>
        <TITLE>ميركل: اتفاق إيران ليس مثالياً</TITLE>
        <TIME>Thu, 17 May 2018 13:02:49 +0400</TIME>
        <ABSTRACT>
        أعلنت المستشارة الألمانية
        </ABSTRACT>
        <TEXT>
        أعلنت المستشارة الألمانية أنجيلا ميركل أن دول الاتحاد توافق &amp; تدعم.
          وقالت ميركل للصحافيين: "الكل في الاتحاد D&G <b>يشاطر</b> الرأي".

        وصرح الرئيس الفرنسي &#1605;
        </TEXT>
        </DOC>

        <DOC>
        <DOCNO>AL-2</DOCNO>
        <TITLE>second</TITLE>
        <TEXT>
        no closing tags here <stray
        </DOC>
        """
        let path = Fixture.write(GzipCodec.gzip(Array(sgml.utf8)), "ant.trec.xml.gz", in: dir)
        let result = try Fixture.read(path)
        XCTAssertEqual(result.format, .sgml)
        XCTAssertEqual(result.failures, [])
        XCTAssertEqual(result.records.map(\.id), ["AL-internationalNews-1209-20180517", "AL-2"])
        let r = result.records[0]
        XCTAssertEqual(r.kind, .article)
        XCTAssertEqual(r.offset, 0)
        XCTAssertEqual(r.url, "https://www.alarabiya.net/ar/a.html")
        XCTAssertEqual(r.fields?.title, "ميركل: اتفاق إيران ليس مثالياً")
        XCTAssertEqual(r.fields?.date, "Thu, 17 May 2018 13:02:49 +0400")
        XCTAssertEqual(r.fields?.source, "alarabia")
        XCTAssertEqual(r.fields?.abstract, "أعلنت المستشارة الألمانية")
        XCTAssertEqual(r.fields?.text, """
        أعلنت المستشارة الألمانية أنجيلا ميركل أن دول الاتحاد توافق & تدعم.
        وقالت ميركل للصحافيين: "الكل في الاتحاد D&G يشاطر الرأي".
        وصرح الرئيس الفرنسي م
        """)
        XCTAssertEqual(result.records[1].fields?.text, "no closing tags here <stray")
        let second = try XCTUnwrap(sgml.range(of: "<DOC>\n<DOCNO>AL-2"))
        XCTAssertEqual(result.records[1].offset, Int64(sgml.utf8.distance(from: sgml.startIndex, to: second.lowerBound)))
    }

    func testGigawordDocumentsWithParagraphsAndDateFromId() throws {
        let dir = Fixture.directory()
        let sgml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <GWENG>
        <DOC id="AFP_ENG_20100101.0001" type="story" >
        <HEADLINE>
        Talks & tensions: Lavrov
        meets Clinton
        </HEADLINE>
        <DATELINE>MOSCOW, Jan 1, 2010 (AFP)</DATELINE>
        <TEXT>
        <P>
        Russian Foreign Minister Sergei Lavrov said on Friday
        that talks had been "difficult".
        </P>
        <P>
        "We will continue," he added &amp; left.
        </P>
        </TEXT>
        </DOC>
        <DOC id="APW_ENG_20100102.0002" type="story">
        <HEADLINE>Unclosed</HEADLINE>
        <TEXT><P>First.<P>Second.</TEXT>
        <DOC id="NYT_ENG_20100103.0003" type="advis"><TEXT>third</TEXT></DOC>
        </GWENG>
        """
        let result = try Fixture.read(Fixture.write(sgml, "afp_eng_201001.xml", in: dir))
        XCTAssertEqual(result.format, .sgml)
        XCTAssertEqual(result.records.map(\.id), ["AFP_ENG_20100101.0001", "APW_ENG_20100102.0002", "NYT_ENG_20100103.0003"])
        let r = result.records[0]
        XCTAssertEqual(r.fields?.title, "Talks & tensions: Lavrov meets Clinton")
        XCTAssertEqual(r.fields?.date, "2010-01-01")
        XCTAssertEqual(r.fields?.source, "AFP")
        XCTAssertEqual(r.fields?.text, """
        Russian Foreign Minister Sergei Lavrov said on Friday that talks had been "difficult".
        "We will continue," he added & left.
        """)
        XCTAssertEqual(result.records[1].fields?.text, "First.\nSecond.")
        XCTAssertEqual(result.records[2].fields?.text, "third")
        XCTAssertEqual(result.records[2].fields?.date, "2010-01-03")
    }

    func testLowercaseDocWithoutTextElementUsesItsContent() throws {
        let dir = Fixture.directory()
        let sgml = """
        <doc id="12" url="https://ar.wikipedia.org/wiki?curid=12" title="لافروف">
        <DATE>2017-04-12</DATE>
        سيرغي لافروف وزير خارجية روسيا.
        قال إن العلاقات صعبة.
        </doc>
        """
        let result = try Fixture.read(Fixture.write(sgml, "wiki_00", in: dir))
        XCTAssertEqual(result.format, .sgml)
        let r = try XCTUnwrap(result.records.first)
        XCTAssertEqual(r.id, "12")
        XCTAssertEqual(r.url, "https://ar.wikipedia.org/wiki?curid=12")
        XCTAssertEqual(r.fields?.title, "لافروف")
        XCTAssertEqual(r.fields?.date, "2017-04-12")
        XCTAssertEqual(r.fields?.text, "سيرغي لافروف وزير خارجية روسيا.\nقال إن العلاقات صعبة.")
    }

    func testOversizedDocIsReportedAndNextDocRead() throws {
        let dir = Fixture.directory()
        let big = "<DOC id=\"X_ENG_20100101.1\"><TEXT>" + String(repeating: "word ", count: 2000) + "</TEXT></DOC>\n"
        let small = "<DOC id=\"X_ENG_20100101.2\"><TEXT>small</TEXT></DOC>\n"
        let result = try Fixture.read(Fixture.write(big + small, "big.sgml", in: dir), options: ReaderOptions(maxRecordBytes: 1000))
        XCTAssertEqual(result.failures.map(\.reason), ["record-too-large"])
        XCTAssertEqual(result.failures.first?.offset, 0)
        XCTAssertEqual(result.records.map(\.id), ["X_ENG_20100101.2"])
        XCTAssertEqual(result.records.first?.index, 1)
    }

    func testTruncatedGzipInsideADocReportsItAfterEarlierDocs() throws {
        let dir = Fixture.directory()
        let docs = (0..<50).map { "<DOC><DOCNO>d\($0)</DOCNO><TEXT>\(String(repeating: "text \($0) ", count: 200))</TEXT></DOC>\n" }.joined()
        let gz = GzipCodec.gzip(Array(docs.utf8))
        let path = Fixture.write(Array(gz.prefix(gz.count - 40)), "cut.sgml.gz", in: dir)
        let result = try Fixture.read(path)
        XCTAssertGreaterThan(result.records.count, 40)
        XCTAssertEqual(result.records.map(\.id), (0..<result.records.count).map { "d\($0)" })
        XCTAssertNil(result.thrown)
        XCTAssertEqual(result.failures.count, 1, "the damage is reported once")
        let failure = try XCTUnwrap(result.failures.last)
        XCTAssertEqual(failure.reason, "truncated-gzip")
        XCTAssertEqual(failure.stage, "decompress")
        XCTAssertEqual(failure.input, path)
        XCTAssertEqual(failure.record, result.records.count)
    }
}
