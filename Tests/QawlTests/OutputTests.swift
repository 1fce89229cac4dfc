import XCTest
@testable import Qawl

final class OutputTests: XCTestCase {
    func testJSONWriterEscapesAndKeepsFieldOrder() {
        var w = JSONWriter()
        w.object { w in
            w.field("b", "say \"hi\"\n\u{1}")
            w.field("a", 3)
            w.field("n", nil as String?)
            w.field("x", 0.5)
            w.field("l", strings: ["قال", "said"])
        }
        XCTAssertEqual(w.string, #"{"b":"say \"hi\"\n\u0001","a":3,"n":null,"x":0.5,"l":["قال","said"]}"#)
        let parsed = try? JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: Any]
        XCTAssertEqual(parsed?["b"] as? String, "say \"hi\"\n\u{1}")
    }

    func testTimelineFileNamesAreSafe() {
        XCTAssertEqual(SafeFileName.forActor("sergey-lavrov"), "sergey-lavrov")
        for id in ["../../etc/passwd", ".hidden", "unlinked:جيف زوكر", "a/b\\c", String(repeating: "x", count: 500), ""] {
            let name = SafeFileName.forActor(id)
            XCTAssertFalse(name.contains("/"), id)
            XCTAssertFalse(name.contains("\\"), id)
            XCTAssertFalse(name.hasPrefix("."), id)
            XCTAssertLessThanOrEqual(name.utf8.count, 100, id)
            XCTAssertFalse(name.isEmpty)
        }
        XCTAssertNotEqual(SafeFileName.forActor("unlinked:a b"), SafeFileName.forActor("unlinked:a-b"))
        // Arabic letters stay readable in the name; Arabic punctuation and digits do not count as letters.
        XCTAssertTrue(SafeFileName.forActor("unlinked:جيف زوكر").hasPrefix("unlinked-جيف-زوكر-"))
        XCTAssertTrue(SafeFileName.forActor("unlinked:زوكر، ١٢").hasPrefix("unlinked-زوكر-"))
        XCTAssertFalse(SafeFileName.forActor("unlinked:زوكر، ١٢").contains("١"))
    }

    /// actors.json lists an actor's names by use; the same name typed with its marks in another
    /// order (canonically equivalent) is one name, spelt as it was first seen.
    func testActorNamesCountCanonicallyEquivalentSpellingsAsOne() {
        func row(_ speaker: String) -> StatementStore.Row {
            StatementStore.Row(docID: "d", actorName: Array("X".utf8), speaker: Array(speaker.utf8), lang: [], kind: [],
                               resolution: [], cueLemma: [], sourceBytes: nil, publishedBytes: nil, signature: nil, json: [])
        }
        let shaddaFirst = "محمد \u{0651}\u{064E}", fathaFirst = "محمد \u{064E}\u{0651}"
        let names = TimelineBuilder.names([row(shaddaFirst), row("لافروف"), row(fathaFirst), row(fathaFirst)])
        XCTAssertEqual(names.count, 2)
        XCTAssertEqual(names["لافروف"], 1)
        XCTAssertEqual(names[shaddaFirst], 3)
        XCTAssertEqual(names.keys.first { $0 != "لافروف" }.map { Array($0.utf8) }, Array(shaddaFirst.utf8))
    }

    func testReportEscapesCorpusText() {
        XCTAssertEqual(ReportHTML.escape("<script>alert('x')</script> & \"q\""),
                       "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
    }
}
