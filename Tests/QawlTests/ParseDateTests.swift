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
        // an ISO value read from its bytes gives what the pattern gives
        for (raw, iso) in [("2017-04-12T10:00:00+03:00", "2017-04-12T10:00:00+03:00"), ("2017-04-12 10:00:00+0300", "2017-04-12T10:00:00+03:00"),
                           ("2017-04-12T10:00Z", "2017-04-12T10:00:00+00:00"), ("2017-4-2 7:05:09,5 GMT", "2017-04-02T07:05:09+00:00"),
                           ("2017/04/12", "2017-04-12"), ("2017-04-12T10:00:00", "2017-04-12"), ("2017-04-12T25:00:00Z", "2017-04-12"),
                           ("2017-04-12T10:00:00 EST", "2017-04-12"), ("2017-04-12 updated", "2017-04-12"), ("2017-04-123", "2017-04-12"),
                           ("٢٠١٧-٠٤-١٢T10:00:00Z", "2017-04-12T10:00:00+00:00")] {
            XCTAssertEqual(n.normalize(raw), iso, raw)
            XCTAssertEqual(n.find(in: raw), iso, raw)
        }
        XCTAssertNil(n.isoWhole("2017-04-12 updated"), "not only a date: the general path")
        XCTAssertNil(n.isoWhole("2017-02-30x"))
    }

    /// A text is searched for a date only when it has a year's four digits in a row, in any script;
    /// the shortcut never hides a date the patterns find.
    func testDateSearchNeedsFourDigitsInARow() throws {
        let n = DateNormalizer(months: try ParseData(dataDirectory: ParseFixtures.dataDirectory).months)
        XCTAssertEqual(n.find(in: "updated: 12 april 2017, 10:00"), "2017-04-12")
        XCTAssertEqual(n.find(in: "نشر في ٠١/٠٦/٢٠١٧"), "2017-06-01")
        XCTAssertEqual(n.find(in: "نشر في ۰۱/۰۶/۲۰۱۷"), "2017-06-01")
        XCTAssertNil(n.find(in: "12 april 17, 10:00 — 3 comments"))
        XCTAssertNil(n.find(in: "201 7-04-12"))
        XCTAssertTrue(DateNormalizer.hasFourDigits("x 2017"))
        XCTAssertTrue(DateNormalizer.hasFourDigits("२०१७"))       // Devanagari digits are \d too
        XCTAssertFalse(DateNormalizer.hasFourDigits("12/04/17 10:00"))
    }

    /// The cue search on bytes finds what Foundation's `range(of:)` found before it, where it ends.
    func testCueSearchOnBytesMatchesFoundation() {
        let cues = ["published", "published on", "first published", "نشر في", "نُشر في", "بتاريخ", "تاريخ النشر"]
        let texts = ["published 12 april 2017", "first published on 3 may 2018 10:00", "republished: 01/02/2019",
                     "نشر في 01/06/2017", "نُشر في ٠١/٠٦/٢٠١٧", "نشر فيَ 01/06/2017 ثم نشر في 02/06/2017",
                     "نشر فيه 01/06/2017", "نشر في", "بتاريخ: 2017-05-01", "تاريخ النشر  ١٢ أبريل ٢٠١٧",
                     "publishéd 2017 published\u{301} 2018 published 2019", "posted", "", "puBLISHED 1",
                     "نَشر في 2017", "a «published» 2017", "الخميس بتاريخ 5 مايو"]
        for text in texts {
            let bytes = Array(text.utf8)
            for cue in cues {
                let expected = text.range(of: cue).map { text.utf8.distance(from: text.startIndex, to: $0.upperBound) }
                XCTAssertEqual(DateFinder.endOfFirst(Array(cue.utf8), in: bytes), expected, "«\(cue)» in «\(text)»")
            }
        }
    }

    /// JSON-LD `datePublished` read from the bytes agrees with the regular expression it replaced.
    func testJSONLDDatePublishedOnBytesMatchesTheExpression() throws {
        let re = try NSRegularExpression(pattern: #""datePublished"\s*:\s*"([^"]{6,40})""#)
        let scripts = [#"{"datePublished":"2018-05-17T13:02:49Z"}"#, #"{"datePublished" : "2018-05-17"}"#,
                       #"{"datePublished":"x","datePublished":"2019-01-02"}"#, #"{"datePublished":"short"}"#,
                       "{\"datePublished\":\n\t\"2018-05-17\"}", "{\"datePublished\":\u{A0}\"2018-05-17\"}",
                       #"{"datePublished":"١٢ أبريل ٢٠١٧ 😀"}"#, #"{"datePublished":""# + String(repeating: "9", count: 41) + #""}"#,
                       #"{"datePublished":""# + String(repeating: "é", count: 40) + #""}"#, #"{"dateModified":"2018-05-17"}"#,
                       #"{"datePublished":2018}"#, #"{"datePublished":"2018-05-17"#, ""]
        for script in scripts {
            let ns = script as NSString
            let expected = re.firstMatch(in: script, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
            XCTAssertEqual(DateFinder.jsonLDDatePublished(script), expected, script)
        }
    }
}
