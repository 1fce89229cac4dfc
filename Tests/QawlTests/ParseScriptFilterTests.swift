import Foundation
import XCTest
@testable import Qawl

/// Dropping script and style bodies before libxml2 reads a page (`ScriptBodyFilter`) is only a
/// saving: what libxml2 makes of the page, and so every document, must stay exactly the same.
final class ParseScriptFilterTests: XCTestCase {
    private static let data = try! ParseData(dataDirectory: ParseFixtures.dataDirectory)
    private let filtered = HTMLDocumentParser(data: ParseScriptFilterTests.data)
    private let unfiltered = HTMLDocumentParser(data: ParseScriptFilterTests.data,
                                                options: .init(dropsScriptBodies: false))

    /// Everything the parse hands on, as one comparable string.
    private func describe(_ page: HTMLDocumentParser.Page?) -> String {
        guard let page else { return "no page" }
        let t = page.tree
        var s = "title=\(t.title ?? "-") lang=\(t.lang ?? "-") depthLimited=\(t.depthLimited)\n"
        for (i, e) in t.elements.enumerated() { s += "E \(e.tag) \(e.parent) \(e.depth) \(t.signature(i) ?? "-")\n" }
        for b in t.blocks { s += "B \(b.owner) \(b.chars) \(b.linkChars) \(b.commas) \(b.text)\n" }
        for m in t.metas { s += "M \(m.key)=\(m.content)\n" }
        for j in t.jsonLD { s += "J \(j)\n" }
        for x in t.times { s += "T \(x.element) \(x.value)\n" }
        s += "MAIN \(page.text)\n"
        return s
    }

    private func assertParsesAlike(_ html: String, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(html.utf8)
        XCTAssertEqual(describe(filtered.page(bytes, contentType: "text/html; charset=utf-8")),
                       describe(unfiltered.page(bytes, contentType: "text/html; charset=utf-8")), message, file: file, line: line)
    }

    private let long = String(repeating: "var a = 1; if (a < 2 && a > 0) { a++; } ", count: 4)

    func testBodiesAreDroppedAndJSONLDKept() throws {
        let page = "<html><head><script src=\"a.js\">\(long)</script><style>\(long)</style>"
            + "<script type=\"application/ld+json\">{\"datePublished\": \"2017-04-12\", \"pad\": \"\(long)\"}</script>"
            + "<script>x</script></head><body><p class=\"lead\" data-x='1' onclick=\"go()\" id=p1 hidden>Lavrov said</p></body></html>"
        let out = try XCTUnwrap(ScriptBodyFilter.filter(Array(page.utf8)))
        XCTAssertEqual(String(decoding: out, as: UTF8.self),
                       "<html><head><script ></script><style></style>"
                       + "<script type=\"application/ld+json\">{\"datePublished\": \"2017-04-12\", \"pad\": \"\(long)\"}</script>"
                       + "<script>x</script></head><body><p class=\"lead\"   id=p1 hidden>Lavrov said</p></body></html>")
        XCTAssertNil(ScriptBodyFilter.filter(Array("<p>no scripts here</p><script>short</script>".utf8)))
        assertParsesAlike(page)
    }

    /// Markup around and inside bodies that a naive search for «<script» would get wrong; each
    /// page must give libxml2's own reading with and without the filter.
    func testTrickyMarkupParsesAlike() {
        let text = "<p>Lavrov said the talks, which lasted six hours, were difficult but useful.</p>"
        let cases = [
            // a script start inside a comment, an attribute value, a bogus comment, a PI
            "<!-- <script> --><p>one</p>\(text)<script>\(long)</script>",
            "<div title=\"<script>\">\(text)</div><script>\(long)</script><p>after</p>",
            "<div title='a > b <style>'>\(text)</div><style>\(long)</style><p>after</p>",
            "<!x <script>>\(long)</script>\(text)",
            "</ x <script>>\(long)</script>\(text)",
            "<?php echo '<script>'; ?>\(text)<script>\(long)</script>",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x.dtd\"><html><script>\(long)</script>\(text)</html>",
            // comments closed in ways readers disagree on
            "<!--><script>\(long)</script>-->\(text)",
            "<!--- a --!><script>\(long)</script>\(text)-->",
            // unquoted values with quotes, «/>» inside a value, self-closed scripts
            "<script src=a\"b>\(long)</script>\(text)",
            "<script src=x/>\(long)</script>\(text)",
            "<script src=\"x\"/>\(text)<script>\(long)</script>",
            "<script @click=\"a>b\">\(long)</script>\(text)",
            // end tags: case, spaces, longer names, none at all
            "<SCRIPT>\(long)</SCRIPT >\(text)",
            // markup where libxml2 starts or resumes a body: «</span>» closes the script with it
            "<span><script></span>\(long)</script>\(text)</span>",
            "<span><style>\(long)</style.x></span>\(long)</style>\(text)</span>",
            "<span><script>\(long)</scripts><body>\(long)</script>\(text)</span>",
            "<script>\(long)</scripts><p>inside</p>\(long)</script>\(text)",
            "<style>\(long)</style-x>\(long)</style>\(text)",
            "<script>document.write('<p>x</p><style>');\(long)</script>\(text)<style>p{}</style>",
            "\(text)<script>\(long)",
            "\(text)<script>\(long)</script",
            // JSON-LD, type in other cases
            "<script TYPE='Application/LD+JSON'>{\"datePublished\":\"2017-04-12\",\"x\":\"\(long)\"}</script>\(text)",
            // quotes never closed, NUL in a tag, non-ASCII where a name could start
            "<script title=\"x>\(long)</script>\(text)",
            "<script \u{0}>\(long)</script>\(text)",
            "<script é=1>\(long)</script>\(text)",
            "<p>a < b and <3 and <é</p><script>\(long)</script>\(text)",
            // attributes nobody reads go, the read ones stay as written
            "<div x=\"1\"y=\"2\" CLASS=\"Story Body\" data-json='{\"a\":\"<p>\"}'>\(text)</div>",
            "<p title=\"&lt;script&gt;\" ID=lead onclick=go() STYLE=\"display: none\">hidden</p>\(text)",
            "<meta name=description content=\"a > b\" data-x><time datetime=2017-04-12 data-y=1>x</time>\(text)",
            "<img src=x alt=\"a>b\"><a href=\"/a?b=<c>\" rel=nofollow>link</a><span aria-hidden=true>no</span>\(text)",
            "<div role=main itemprop=articleBody data-a data-b= 'x'>\(text)</div><script src=y data-z>\(long)</script>",
            // read kinds where they are not read: a style that hides nothing (and a second style,
            // which libxml2 drops), type off a script, name and http-equiv off a meta, lang off the root
            "<p style=\"color: red\" STYLE=\"display:none\">shown</p><p style='Display : None' style=color>gone</p>\(text)",
            "<p style=\"display&#58;none\">entity</p><p style>bare</p><p style=visibility:hidden>gone</p><div style=\"width:100%\">\(text)</div>",
            "<input type=hidden name=q lang=en><a name=top type=x http-equiv=y>top</a><html lang=ar><body lang=fr>\(text)",
            "<meta http-equiv=content-type content=\"text/html\"><meta name=date content=2017-04-12 lang=en><meta property=og:title content=T>\(text)",
            // a meta's content goes unless its key is read: key after content, repeated names,
            // name over itemprop, keys in capitals, with an entity, bare, and no key at all
            "<meta content=\"Title\" property=\"OG:Title\"><meta content=x name=viewport><meta name=date name=viewport content=2017-04-12>\(text)",
            "<meta name=viewport name=date content=1999-01-01><meta itemprop=datePublished name=x content=2017-04-12><meta content=2017-04-12 itemprop=datePublished>\(text)",
            "<meta name=\"og&#58;title\" content=T2><meta name content=T3><meta content=T4><meta property=og:title content=A content=B><meta name=pubdate content=2017-04-12>\(text)",
            "<script type=\"application/ld+json\" style=x>{\"datePublished\":\"2017-04-12\",\"x\":\"\(long)\"}</script><script type=text/javascript>\(long)</script>\(text)",
            // runs of blanks between tags and in text (the walker reads one space)
            "   \n\n   <html>   \n   <head>  \t  <title>  A    B  </title>   </head>\n\n   <body>   \(text)</body></html>",
            "<pre>  a    b\n\n\n  c  </pre><p>one    two\t\t\tthree\r\n\r\nfour</p>\(text)",
            "<ul>\n    <li>one</li>\n    <li>two</li>\n</ul>    <table>   <tr>   <td>  x  </td> </tr> </table>\(text)",
            "<p>a&nbsp;   &nbsp;b \u{00A0}\u{00A0}   c</p><b>bold</b>     <i>it</i>\(text)",
            // bodies in a title, a textarea, a noscript
            "<title>T <script>\(long)</script></title>\(text)",
            "<textarea><script>\(long)</script></textarea>\(text)",
            "<noscript><style>\(long)</style><p>no js</p></noscript>\(text)",
        ]
        for (k, c) in cases.enumerated() {
            assertParsesAlike("<html><body>\(c)</body></html>", "case \(k)")
            assertParsesAlike(c, "case \(k) alone")
        }
    }

    /// Real pages broken at random (a seeded generator, the same every run): stray quotes, «<»,
    /// comment and script openers and closers, NULs, non-ASCII bytes dropped into tags and text.
    func testMutatedPagesParseAlike() throws {
        let path = ParseFixtures.dataDirectory.appendingPathComponent("samples/news-pages-sample.warc.gz").path
        let pages = try Fixture.read(path).records.map(\.body).filter { $0.count > 2_000 }.prefix(4)
        XCTAssertFalse(pages.isEmpty)
        let pieces: [[UInt8]] = ["\"", "'", "<", ">", "/>", "=", "<!--", "-->", "--!>", "<!-->", "<script>", "</script>",
                                 "<style>", "</style", "<!x", "</ ", "<?x", "<title>", "</title>", "\u{0}", "é", " ",
                                 "<script type=ld+json>", "<p class=\"a", " data-x=\"", "&lt;",
                                 "   \n\t  ", "\r\n\r\n", "<pre>", "</pre>"].map { Array($0.utf8) }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % UInt64(bound))
        }
        var changed = 0
        for page in pages {
            for _ in 0..<40 {
                var m = page
                var edits: [String] = []
                for _ in 0..<(1 + next(4)) {
                    let at = next(m.count)
                    let piece = pieces[next(pieces.count)]
                    m.insert(contentsOf: piece, at: at)
                    edits.append("\(String(decoding: piece, as: UTF8.self)) at \(at)")
                }
                let a = describe(filtered.page(m, contentType: "text/html; charset=utf-8"))
                let b = describe(unfiltered.page(m, contentType: "text/html; charset=utf-8"))
                if a != b {
                    let la = a.split(separator: "\n"), lb = b.split(separator: "\n")
                    let k = (0..<min(la.count, lb.count)).first { la[$0] != lb[$0] } ?? min(la.count, lb.count)
                    XCTFail("edits \(edits): filtered «\(k < la.count ? la[k] : "-")» unfiltered «\(k < lb.count ? lb[k] : "-")»")
                    return
                }
                if ScriptBodyFilter.filter(m) != nil { changed += 1 }
            }
        }
        XCTAssertGreaterThan(changed, pages.count * 20, "most mutated pages still have something to drop")
    }

    /// Real pages (the bundled WARC sample): the same trees, and most of the script and style
    /// bytes are gone before libxml2 reads them.
    func testSamplePagesParseAlike() throws {
        let path = ParseFixtures.dataDirectory.appendingPathComponent("samples/news-pages-sample.warc.gz").path
        let result = try Fixture.read(path)
        XCTAssertGreaterThan(result.records.count, 5)
        var before = 0, after = 0
        for r in result.records {
            XCTAssertEqual(describe(filtered.page(r.body, contentType: r.contentType)),
                           describe(unfiltered.page(r.body, contentType: r.contentType)), r.url ?? "?")
            before += r.body.count
            after += ScriptBodyFilter.filter(r.body)?.count ?? r.body.count
        }
        XCTAssertLessThan(Double(after), Double(before) * 0.9, "the sample pages have script and style bodies to drop")
    }
}
