import XCTest
@testable import Qawl

final class ParseDateTests: XCTestCase {
    let builder = ParseFixtures.builder

    private func dated(head: String = "", article: String = "", url: String = "https://example.com/news/talks",
                       containerDate: String? = "2020-01-01T00:00:00Z") throws -> Document {
        let page = ParseFixtures.newsPage(head: head, extraArticle: article)
        return try builder.parse(ParseFixtures.html(page, url: url, containerDate: containerDate))
    }

    func testArticlePublishedTimeMetaWins() throws {
        let doc = try dated(head: #"<meta property="article:published_time" content="2017-04-12T10:00:00+03:00">"#,
                            article: #"<time datetime="2016-01-01">1 January 2016</time>"#)
        XCTAssertEqual(doc.published, "2017-04-12T10:00:00+03:00")
        XCTAssertEqual(doc.dateSource, .document)
    }

    func testPlainDateMetaWithoutOffsetGivesTheDay() throws {
        let doc = try dated(head: #"<meta name="pubdate" content="2017-04-12 10:00:00">"#)
        XCTAssertEqual(doc.published, "2017-04-12")
    }

    func testJSONLDDatePublished() throws {
        let ld = #"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2018-05-17T13:02:49Z","headline":"x"}</script>"#
        let doc = try dated(head: ld)
        XCTAssertEqual(doc.published, "2018-05-17T13:02:49+00:00")
        XCTAssertEqual(doc.dateSource, .document)
    }

    func testTimeElementDatetime() throws {
        let doc = try dated(article: #"<p class="byline">By Jane Doe, <time datetime="2017-06-01T08:30:00+04:00">June 1</time></p>"#)
        XCTAssertEqual(doc.published, "2017-06-01T08:30:00+04:00")
        XCTAssertEqual(doc.dateSource, .document)
    }

    func testVisibleArabicDateWithCue() throws {
        let page = ParseCharsetTests.arabicPage(meta: "").replacingOccurrences(
            of: #"<div class="article-body">"#, with: #"<div class="article-body"><span>نشر في ٠١/٠٦/٢٠١٧ - 10:30</span>"#)
        let doc = try builder.parse(ParseFixtures.html(page, url: "https://example.com/a", containerDate: "2020-01-01T00:00:00Z"))
        XCTAssertEqual(doc.published, "2017-06-01")
        XCTAssertEqual(doc.dateSource, .document)
    }

    func testVisibleEnglishDateWithCue() throws {
        let doc = try dated(article: "<div class=\"info\">Published 12 April 2017</div>")
        XCTAssertEqual(doc.published, "2017-04-12")
        XCTAssertEqual(doc.dateSource, .document)
    }

    func testDatelineWithoutCueBeforeTheText() throws {
        let page = ParseCharsetTests.arabicPage(meta: "").replacingOccurrences(
            of: #"<div class="article-body">"#, with: #"<div class="article-body"><div>الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)</div>"#)
        let doc = try builder.parse(ParseFixtures.html(page, url: "https://example.com/a", containerDate: "2020-01-01T00:00:00Z"))
        XCTAssertEqual(doc.published, "2013-08-28")
        XCTAssertEqual(doc.dateSource, .document)
    }

    func testDateInURLWhenThePageHasNone() throws {
        let doc = try dated(url: "https://example.com/2017/04/12/talks-end.html")
        XCTAssertEqual(doc.published, "2017-04-12")
        XCTAssertEqual(doc.dateSource, .url)
    }

    func testContainerDateIsTheLastResort() throws {
        let doc = try dated(containerDate: "2019-02-03T04:05:06Z")
        XCTAssertEqual(doc.published, "2019-02-03T04:05:06+00:00")
        XCTAssertEqual(doc.dateSource, .container)
        XCTAssertNil(try dated(containerDate: nil).published)
    }

    func testNormalizerFormats() throws {
        let n = DateNormalizer(months: try ParseData(dataDirectory: ParseFixtures.dataDirectory).months)
        XCTAssertEqual(n.normalize("Thu, 17 May 2018 13:02:49 +0400"), "2018-05-17T13:02:49+04:00")
        XCTAssertEqual(n.normalize("17 May 2018 13:02:49 GMT"), "2018-05-17T13:02:49+00:00")
        XCTAssertEqual(n.normalize("2017-04-12"), "2017-04-12")
        XCTAssertEqual(n.normalize("2017-04-12T10:00:00.000Z"), "2017-04-12T10:00:00+00:00")
        XCTAssertEqual(n.normalize("20170412"), "2017-04-12")
        XCTAssertEqual(n.normalize("1492000000"), "2017-04-12T12:26:40+00:00")
        XCTAssertEqual(n.normalize("April 12, 2017"), "2017-04-12")
        XCTAssertEqual(n.normalize("12 أبريل 2017"), "2017-04-12")
        XCTAssertEqual(n.normalize("12 نيسان 2017"), "2017-04-12")
        XCTAssertEqual(n.normalize("04/25/2017"), "2017-04-25")
        XCTAssertEqual(n.normalize("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00"), "2013-08-28")
        XCTAssertNil(n.normalize("not a date"))
        XCTAssertNil(n.normalize("2017-13-45"))
    }
}
