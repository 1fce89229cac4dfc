import Foundation
import XCTest
@testable import Qawl

final class ParseHTMLTests: XCTestCase {
    let builder = ParseFixtures.builder

    func testBoilerplateNeverBecomesText() throws {
        let doc = try builder.parse(ParseFixtures.html(ParseFixtures.newsPage()))
        for marker in ["SCRIPT-TEXT", "STYLE-TEXT", "COOKIE-TEXT", "HEADER-TEXT", "NAV-TEXT", "SHARE-TEXT",
                       "MOSTREAD-TEXT", "COMMENT-TEXT", "FOOTER-TEXT", "Most read"] {
            XCTAssertFalse(doc.text.contains(marker), "\(marker) leaked into: \(doc.text)")
        }
    }

    func testMainParagraphsKeptInOrderOnePerLine() throws {
        let doc = try builder.parse(ParseFixtures.html(ParseFixtures.newsPage()))
        XCTAssertEqual(doc.text, ParseFixtures.paragraphs.joined(separator: "\n"))
    }

    func testWhitespaceInsideParagraphIsCollapsedAndInlineMarkupKept() throws {
        var body = ParseFixtures.paragraphs
        body[1] = "The talks,\n   which <b>lasted</b>&nbsp;more than <a href=\"/x\">six hours</a>, ended without a joint statement, although both sides called them useful."
        let doc = try builder.parse(ParseFixtures.html(ParseFixtures.newsPage(body: body)))
        XCTAssertTrue(doc.text.contains("\nThe talks, which lasted more than six hours, ended without"), doc.text)
    }

    func testMetadataOfAnEnglishPage() throws {
        let record = ParseFixtures.html(ParseFixtures.newsPage(), url: "https://www.example.com/world/talks",
                                        containerDate: "2020-01-01T00:00:00Z", id: "<urn:uuid:1234>")
        let doc = try builder.parse(record)
        XCTAssertEqual(doc.docID, "<urn:uuid:1234>")
        XCTAssertEqual(doc.title, "Ceasefire talks end | Example News")
        XCTAssertEqual(doc.lang, "en")
        XCTAssertEqual(doc.source, "example.com")
        XCTAssertEqual(doc.url, "https://www.example.com/world/talks")
        XCTAssertEqual(doc.published, "2020-01-01T00:00:00+00:00")
        XCTAssertEqual(doc.dateSource, .container)
        XCTAssertEqual(doc.input, "pages.warc.gz")
        XCTAssertEqual(doc.record, 3)
    }

    func testDocIDFallsBackToInputAndIndex() throws {
        let doc = try builder.parse(ParseFixtures.html(ParseFixtures.newsPage(), id: nil))
        XCTAssertEqual(doc.docID, "pages.warc.gz:3")
    }

    func testOpenGraphTitleWinsOverTitleElement() throws {
        let page = ParseFixtures.newsPage(head: #"<meta property="og:title" content="Ceasefire talks end without a statement">"#)
        XCTAssertEqual(try builder.parse(ParseFixtures.html(page)).title, "Ceasefire talks end without a statement")
    }

    func testFirstHeadingIsTheTitleWhenThereIsNoTitleElement() throws {
        let page = ParseFixtures.newsPage().replacingOccurrences(of: "<title>Ceasefire talks end | Example News</title>", with: "")
        XCTAssertEqual(try builder.parse(ParseFixtures.html(page)).title, "Ceasefire talks end without statement")
    }

    func testPageWithoutTextIsSkippedAsEmpty() {
        let record = ParseFixtures.html("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>")
        XCTAssertThrowsError(try builder.parse(record)) { error in
            let e = error as? RecordError
            XCTAssertEqual(e?.reason, "empty-text")
            XCTAssertEqual(e?.stage, "parse")
            XCTAssertEqual(e?.skipped, true)
            XCTAssertEqual(e?.record, 3)
        }
    }

    /// Elements deeper than `maxDepth` (256) are flattened into their ancestor: no recursion
    /// anywhere, and the buried text is still text.
    func testHundredThousandNestedElementsDoNotCrashAndKeepTheirText() throws {
        let deep = String(repeating: "<div>", count: 100_000) + "<p>Buried text, a full sentence of it, survives the nesting.</p>" + String(repeating: "</div>", count: 100_000)
        let page = "<html><body><p>\(ParseFixtures.paragraphs[0])</p>\(deep)<p>\(ParseFixtures.paragraphs[1])</p></body></html>"
        let doc = try builder.parse(ParseFixtures.html(page))
        XCTAssertEqual(doc.text, [ParseFixtures.paragraphs[0], "Buried text, a full sentence of it, survives the nesting.", ParseFixtures.paragraphs[1]].joined(separator: "\n"))
    }

    func testExternalEntityIsNotRead() throws {
        let page = """
        <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
        <html><body><p>The entity &e; must stay unresolved, whatever the parser thinks of the document type declaration above.</p></body></html>
        """
        let doc = try builder.parse(ParseFixtures.html(page))
        XCTAssertFalse(doc.text.contains("root:"), doc.text)
        XCTAssertTrue(doc.text.contains("must stay unresolved"), doc.text)
    }

    func testInvalidUTF8IsRepairedNotDropped() throws {
        var bytes = Array(ParseFixtures.newsPage().utf8)
        let at = bytes.firstRange(of: Array("Diplomats".utf8))!.lowerBound
        bytes.insert(contentsOf: [0xFF, 0xC3], at: at)
        let record = RawRecord(input: "x", index: 0, kind: .html, body: bytes, url: "https://example.com/a",
                               contentType: "text/html; charset=utf-8")
        let doc = try builder.parse(record)
        XCTAssertTrue(doc.text.contains("\u{FFFD}\u{FFFD}Diplomats said the next round"), doc.text)
        XCTAssertTrue(doc.text.hasSuffix(ParseFixtures.paragraphs[3]))
    }

    func testParsingFromManyThreadsGivesTheSameDocuments() throws {
        let records = (0..<16).map { i in
            ParseFixtures.html(ParseFixtures.newsPage(body: ParseFixtures.paragraphs.map { "\($0) Item \(i)." }))
        }
        let expected = try records.map { try builder.parse($0) }
        let results = UnsafeMutableBufferPointer<Document?>.allocate(capacity: records.count * 4)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: records.count * 4) { i in
            results[i] = try? builder.parse(records[i % records.count])
        }
        for i in 0..<(records.count * 4) {
            XCTAssertEqual(results[i], expected[i % records.count])
        }
    }
}

final class ParseShortPageTests: XCTestCase {
    func testShortBriefKeepsItsTextAndDropsFurniture() throws {
        let brief = ["Lavrov arrived in Geneva on Tuesday evening, officials said.", "Talks start on Wednesday."]
        let doc = try ParseFixtures.builder.parse(ParseFixtures.html(ParseFixtures.newsPage(body: brief)))
        XCTAssertEqual(doc.text, brief.joined(separator: "\n"))
    }
}

final class ParseBoilerplatePatternTests: XCTestCase {
    func testClassNamesAreJudgedByTokensNotBySubstringAccidents() throws {
        let p = try BoilerplatePatterns(dataDirectory: ParseFixtures.dataDirectory)
        XCTAssertEqual(BoilerplatePatterns.tokens("relatedArticles share-bar"), ["related", "articles", "share", "bar"])
        XCTAssertTrue(p.verdict(for: "most-read-list").unlikely)
        XCTAssertTrue(p.verdict(for: "socialShareButtons").unlikely)
        XCTAssertTrue(p.verdict(for: "ad-slot").unlikely)
        XCTAssertFalse(p.verdict(for: "download-link").unlikely)     // "ad" is a token, not a substring
        XCTAssertFalse(p.verdict(for: "article-header").unlikely)     // rescued by "article"
        XCTAssertFalse(p.verdict(for: "story-body").unlikely)
        XCTAssertEqual(p.verdict(for: "article-body").weight, 25)
        XCTAssertEqual(p.verdict(for: "comments").weight, -25)
    }

    func testByteVerdictAgreesWithTheStringMatchers() throws {
        let p = try BoilerplatePatterns(dataDirectory: ParseFixtures.dataDirectory)
        let words = ["most", "read", "Most", "Read", "mostRead", "share-bar", "socialShare", "ad", "ads", "ad-break",
                     "article", "articleBody", "body", "story", "comment", "comments-list", "xcommentx", "footer",
                     "site-footer", "nav", "navbar", "menu", "main-menu", "also", "next", "article-body", "h-entry",
                     "tag", "list", "tag list", "mathjax", "px-4", "flex", "items-center", "é-footer", "ünav",
                     "relatedArticles", "RSS", "A", "", " ", "--", "prev article", "more stories", "Δshare"]
        var signatures: [String] = words
        for a in words { for b in words.prefix(20) { signatures.append("\(a) \(b)"); signatures.append("\(a)\(b)") } }
        for s in signatures {
            let fast = p.verdict(for: s), slow = p.stringVerdict(for: s)
            XCTAssertEqual(fast.unlikely, slow.unlikely, s)
            XCTAssertEqual(fast.weight, slow.weight, s)
        }
        let custom = try BoilerplatePatterns(text: "[unlikely]\n*\nab cd\n[positive]\n*xy*\n", path: "p.txt")
        for s in ["", "-", "q", "ab-cd", "ab", "zxyz", "AbCd"] {
            XCTAssertEqual(custom.verdict(for: s).unlikely, custom.stringVerdict(for: s).unlikely, s)
            XCTAssertEqual(custom.verdict(for: s).weight, custom.stringVerdict(for: s).weight, s)
        }
    }

    func testCachedVerdictIsTheVerdictOfExactlyThoseBytes() throws {
        let p = try BoilerplatePatterns(dataDirectory: ParseFixtures.dataDirectory)
        // near-identical signatures (a prefix, one byte more, another case), seen twice in turn
        var signatures = ["ad", "ads", "ad-slot", "Ad", "ad ", "share", "share-bar", "article", "article-body",
                          "comments", "comment", "nav", "navx", "é-footer", "footer", "story-body"]
        for i in 0..<700 { signatures.append("gen-\(i) \(i % 3 == 0 ? "share" : i % 3 == 1 ? "article" : "x")") }
        for round in 0..<2 {
            for s in round == 0 ? signatures : signatures.reversed() {
                var bytes = s
                let cached = bytes.withUTF8 { p.cachedVerdict(for: $0) }
                XCTAssertEqual(cached.unlikely, p.verdict(for: s).unlikely, s)
                XCTAssertEqual(cached.weight, p.verdict(for: s).weight, s)
            }
        }
        // a small cache that grows and is cleared when full still answers each key with its own value
        let cache = VerdictCache(capacity: 100, byteCapacity: 600)
        func verdict(_ i: Int) -> BoilerplatePatterns.Verdict { .init(unlikely: i % 2 == 0, weight: i % 7) }
        for i in 0..<1000 {
            var key = "k\(i)"
            key.withUTF8 { cache.put($0, hash: WordTable<Int>.hash($0), verdict(i)) }
            for j in Swift.max(0, i - 20)...i {
                var k = "k\(j)"
                if let v = k.withUTF8({ cache.get($0, hash: WordTable<Int>.hash($0)) }) {
                    XCTAssertEqual(v.unlikely, verdict(j).unlikely, k)
                    XCTAssertEqual(v.weight, verdict(j).weight, k)
                } else {
                    XCTAssertLessThan(j, i, "the key just put is found")
                }
            }
        }
    }

    func testBadPatternFileIsReportedWithItsLine() {
        XCTAssertThrowsError(try BoilerplatePatterns(text: "share*\n[unlikely]\nnav", path: "p.txt")) { error in
            XCTAssertEqual("\(error)", "p.txt:1: bad pattern line «share*»")
        }
    }
}
