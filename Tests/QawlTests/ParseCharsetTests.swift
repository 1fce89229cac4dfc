import XCTest
@testable import Qawl

final class ParseCharsetTests: XCTestCase {
    let builder = ParseFixtures.builder
    static let arabic = [
        "قال وزير الخارجية الروسي سيرغي لافروف، في مؤتمر صحفي عقده في موسكو، إن العلاقات مع الولايات المتحدة تمر بمرحلة صعبة.",
        "وأضاف أن بلاده مستعدة للحوار، لكنها لن تقبل الضغوط، مشيرا إلى أن الجولة المقبلة من المحادثات ستعقد في جنيف الشهر المقبل.",
        "وتابع لافروف أن الجانبين اتفقا على تشكيل لجنة فنية، تضم خبراء من البلدين، لبحث القضايا العالقة ورفع توصياتها إلى الوزيرين.",
        "ولم يعلق الجانب الأمريكي على هذه التصريحات حتى الآن، فيما قال دبلوماسيون إن مسودة اتفاق يجري تداولها بين الوسطاء منذ أسابيع.",
    ]

    static func arabicPage(meta: String) -> String {
        """
        <html dir="rtl"><head>\(meta)<title>لافروف: العلاقات مع واشنطن صعبة</title></head><body>
        <nav class="menu"><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav>
        <div class="article-body">\(arabic.map { "<p>\($0)</p>" }.joined())</div>
        <div class="most-read"><a href="/x">الأكثر قراءة: خبر آخر عن موضوع آخر تماما، ونص طويل</a></div>
        </body></html>
        """
    }

    func testWindows1256PageDeclaredInHTTPHeaderIsDecoded() throws {
        let bytes = ParseFixtures.encode(Self.arabicPage(meta: ""), as: "WINDOWS-1256")
        XCTAssertEqual(Array(bytes.prefix(4)), Array("<htm".utf8))
        let record = RawRecord(input: "ar.warc", index: 0, kind: .html, body: bytes, url: "http://www.alwatan.com.sa/x",
                               contentType: "text/html; charset=windows-1256")
        let doc = try builder.parse(record)
        XCTAssertEqual(doc.text, Self.arabic.joined(separator: "\n"))
        XCTAssertEqual(doc.title, "لافروف: العلاقات مع واشنطن صعبة")
        XCTAssertEqual(doc.lang, "ar")
        XCTAssertEqual(doc.source, "alwatan.com.sa")
    }

    func testISO88596PageDeclaredInMetaIsDecoded() throws {
        let page = Self.arabicPage(meta: #"<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6">"#)
        let bytes = ParseFixtures.encode(page, as: "ISO-8859-6")
        let record = RawRecord(input: "ar.html", index: 0, kind: .html, body: bytes, contentType: "text/html")
        let doc = try builder.parse(record)
        XCTAssertEqual(doc.text, Self.arabic.joined(separator: "\n"))
        XCTAssertEqual(doc.lang, "ar")
    }

    func testByteUndefinedInISO88596DoesNotStopTheParse() throws {
        var bytes = ParseFixtures.encode(Self.arabicPage(meta: ""), as: "ISO-8859-6")
        let at = bytes.firstRange(of: Array("<div class=\"article-body\"><p>".utf8))!.upperBound
        bytes.insert(0xFF, at: at)   // not an ISO-8859-6 character: iconv would fail on it
        let record = RawRecord(input: "ar.html", index: 0, kind: .html, body: bytes, contentType: "text/html; charset=ISO-8859-6")
        XCTAssertEqual(try builder.parse(record).text, "?" + Self.arabic.joined(separator: "\n"))
    }

    func testMetaCharsetAloneSelectsWindows1256() throws {
        let page = Self.arabicPage(meta: #"<meta charset="windows-1256">"#)
        let record = RawRecord(input: "ar.html", index: 0, kind: .html, body: ParseFixtures.encode(page, as: "WINDOWS-1256"))
        XCTAssertEqual(try builder.parse(record).text, Self.arabic.joined(separator: "\n"))
    }

    func testUndeclaredLegacyArabicIsGuessedAsWindows1256() throws {
        let record = RawRecord(input: "ar.html", index: 0, kind: .html,
                               body: ParseFixtures.encode(Self.arabicPage(meta: ""), as: "WINDOWS-1256"))
        XCTAssertEqual(try builder.parse(record).text, Self.arabic.joined(separator: "\n"))
    }

    func testLatin1PageIsDecoded() throws {
        let page = ParseFixtures.newsPage(body: ParseFixtures.paragraphs.map { $0 + " Café société, naïve façade." })
            .replacingOccurrences(of: #"<meta charset="utf-8">"#, with: #"<meta charset="iso-8859-1">"#)
        let record = RawRecord(input: "fr.html", index: 0, kind: .html, body: ParseFixtures.encode(page, as: "ISO-8859-1"))
        let doc = try builder.parse(record)
        XCTAssertTrue(doc.text.hasSuffix("Café société, naïve façade."), doc.text)
    }

    func testUTF8BytesWinOverAWrongLegacyDeclaration() throws {
        let record = RawRecord(input: "ar.html", index: 0, kind: .html, body: Array(Self.arabicPage(meta: "").utf8),
                               contentType: "text/html; charset=windows-1256")
        XCTAssertEqual(try builder.parse(record).text, Self.arabic.joined(separator: "\n"))
    }

    func testUTF8ByteOrderMarkIsDropped() throws {
        let record = RawRecord(input: "en.html", index: 0, kind: .html,
                               body: [0xEF, 0xBB, 0xBF] + Array(ParseFixtures.newsPage().utf8))
        XCTAssertEqual(try builder.parse(record).text, ParseFixtures.paragraphs.joined(separator: "\n"))
    }

    func testCharsetLabelsAndSniffing() {
        XCTAssertEqual(Charset(label: "\"CP1256\""), .windows1256)
        XCTAssertEqual(Charset(label: "arabic"), .iso88596)
        XCTAssertEqual(Charset(label: "Latin1"), .windows1252)
        XCTAssertNil(Charset(label: "klingon"))
        XCTAssertEqual(Charset.fromContentType("text/html; Charset=\"UTF-8\""), .utf8)
        XCTAssertEqual(Charset.fromMeta(Array("<html><head><META HTTP-EQUIV='content-type' CONTENT='text/html; charset=windows-1256'>".utf8)), .windows1256)
        XCTAssertNil(Charset.fromMeta(Array("<html><head><title>charset</title>".utf8)))
    }
}
