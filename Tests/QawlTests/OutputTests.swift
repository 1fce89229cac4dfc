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
    }

    func testReportEscapesCorpusText() {
        XCTAssertEqual(ReportHTML.escape("<script>alert('x')</script> & \"q\""),
                       "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
    }
}
