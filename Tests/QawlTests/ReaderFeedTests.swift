import Foundation
import XCTest
@testable import Qawl

final class ReaderFeedTests: XCTestCase {
    func testRSSItemsWithEncodedContent() throws {
        let dir = Fixture.directory()
        let rss = """
        <?xml version="1.0"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>News & Views</title><link>https://news.test/</link>
        <item>
          <title>Lavrov: talks "difficult"</title>
          <link>https://news.test/lavrov</link>
          <guid isPermaLink="false">news-1</guid>
          <pubDate>Wed, 12 Apr 2017 10:00:00 GMT</pubDate>
          <description>Short teaser</description>
          <content:encoded><![CDATA[<p>Lavrov said the talks were difficult.</p>]]></content:encoded>
        </item>
        <item>
          <title>Second</title>
          <link>https://news.test/second</link>
          <description>&lt;p&gt;Tillerson added &amp;amp; left.&lt;/p&gt;</description>
        </item>
        </channel></rss>
        """
        let result = try Fixture.read(Fixture.write(rss, "feed.xml", in: dir))
        XCTAssertEqual(result.format, .feed)
        XCTAssertEqual(result.records.map(\.id), ["news-1", "https://news.test/second"])
        let r = result.records[0]
        XCTAssertEqual(r.url, "https://news.test/lavrov")
        XCTAssertEqual(r.containerDate, "Wed, 12 Apr 2017 10:00:00 GMT")
        XCTAssertEqual(r.fields?.title, "Lavrov: talks \"difficult\"")
        XCTAssertEqual(r.fields?.html, "<p>Lavrov said the talks were difficult.</p>")
        XCTAssertEqual(result.records[1].fields?.html, "<p>Tillerson added &amp; left.</p>")
    }

    func testAtomEntries() throws {
        let dir = Fixture.directory()
        let atom = """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Agency</title>
        <entry>
          <id>tag:agency.test,2017:1</id>
          <title type="text">Putin meets Trump</title>
          <link rel="alternate" href="https://agency.test/1"/>
          <published>2018-07-16T12:00:00Z</published>
          <updated>2018-07-17T08:00:00Z</updated>
          <content type="html">&lt;p&gt;Putin said the meeting was useful.&lt;/p&gt;</content>
        </entry>
        <entry>
          <link href="https://agency.test/2"/>
          <summary type="text">Plain summary &amp; more</summary>
        </entry>
        </feed>
        """
        let result = try Fixture.read(Fixture.write(atom, "agency.atom", in: dir))
        XCTAssertEqual(result.format, .feed)
        XCTAssertEqual(result.records.map(\.id), ["tag:agency.test,2017:1", "https://agency.test/2"])
        XCTAssertEqual(result.records[0].url, "https://agency.test/1")
        XCTAssertEqual(result.records[0].containerDate, "2018-07-16T12:00:00Z")
        XCTAssertEqual(result.records[0].fields?.html, "<p>Putin said the meeting was useful.</p>")
        XCTAssertEqual(result.records[1].fields?.text, "Plain summary & more")
        XCTAssertNil(result.records[1].fields?.html)
    }
}
