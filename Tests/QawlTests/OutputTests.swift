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

    /// Strings whose quotes, backslashes and control characters fall anywhere in and across the
    /// eight-byte words the writer skips at a time: every one is written as valid JSON that reads
    /// back to the same string, and a stored line's values are found again whole.
    func testJSONStringsRoundTripWhereverTheSpecialBytesFall() throws {
        var rng = SplitMix(seed: 7)
        let pieces: [String] = ["\"", "\\", "\n", "\t", "\u{1}", "\u{1F}", "a", " ", "قال", "é", "€", "😀", "\\\"", "\u{7F}"]
        for _ in 0..<2_000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 40) { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
            var w = JSONWriter()
            w.object { w in
                w.field("content", s)
                w.field("url", "u" + s)
            }
            let parsed = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: Any]
            XCTAssertEqual(parsed?["content"] as? String, s)
            let ranges = JSONRecord.valueRanges(in: w.bytes, keys: [Array("url".utf8)])
            let url = ranges[0].flatMap { JSONRecord.string(w.bytes[$0]) }
            XCTAssertEqual(url, "u" + s)
        }
        // Escapes other writers use: a surrogate pair, a lone surrogate, \/ and \b.
        XCTAssertEqual(JSONRecord.string(ArraySlice(#""a\ud83d\ude00b\ud800c\/\b\u00e9""#.utf8)), "a😀b\u{FFFD}c/\u{8}é")
    }

    /// Numbers are written as `String(_:)` writes integers and `format` rounds doubles, whatever
    /// their size and sign, inside objects and arrays with the right commas.
    func testJSONNumbersAndNesting() throws {
        var rng = SplitMix(seed: 3)
        for _ in 0..<5_000 {
            let i = Int(bitPattern: UInt(rng.next())) >> Int(rng.next() % 64)
            let d = (Double(Int64(bitPattern: rng.next()) >> Int64(rng.next() % 63)) / 1000) * (rng.next() % 2 == 0 ? 1 : 0.001)
            let digits = Int(rng.next() % 5)
            var w = JSONWriter()
            w.object { w in
                w.field("i", i)
                w.field("d", d, digits: digits)
                w.field("a", array: { w in w.value(i); w.value(nil as Int?); w.object { w in w.field("x", -i) } })
                w.field("r", rawValue: Array("[1]".utf8))
                w.field("s", "t")
            }
            XCTAssertEqual(w.string, "{\"i\":\(i),\"d\":\(JSONWriter.format(d, digits: digits)),\"a\":[\(i),null,{\"x\":\(-i)}],\"r\":[1],\"s\":\"t\"}")
        }
        var w = JSONWriter()
        w.object { w in w.field("z", 0.0); w.field("n", -0.0004); w.field("h", 1e17); w.field("m", Int.min) }
        XCTAssertEqual(w.string, "{\"z\":0,\"n\":0,\"h\":100000000000000000,\"m\":\(Int.min)}")
    }

    /// Text words (Arabic, Latin, numbers) made through the tokenizer's word cache are the same
    /// strings as made directly, however often the cache's slots are taken by other words.
    func testWordCacheGivesTheWordsItIsAskedFor() {
        let cache = WordCache()
        var rng = SplitMix(seed: 11)
        let letters = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهويaz09".unicodeScalars)
        for _ in 0..<50_000 {
            var word = String.UnicodeScalarView()
            for _ in 0..<(1 + Int(rng.next() % 12)) { word.append(letters[Int(rng.next() % UInt64(letters.count))]) }
            let bytes = Array(String(word).utf8)
            let got = bytes.withUnsafeBufferPointer { $0.count <= 16 ? cache.smallString($0) : cache.string($0) }
            XCTAssertEqual(Array(got.utf8), bytes)
        }
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
        XCTAssertEqual(names.first { $0.name == "لافروف" }?.count, 1)
        XCTAssertEqual(names.first { $0.name == shaddaFirst }?.count, 3)
        XCTAssertEqual(names.first { $0.name != "لافروف" }.map { Array($0.name.utf8) }, Array(shaddaFirst.utf8))
        // One spelling, and more spellings than are compared one by one.
        XCTAssertEqual(TimelineBuilder.names([row(fathaFirst), row(fathaFirst)]).map(\.count), [2])
        let many = (0..<12).map { row("اسم \($0)") } + [row(shaddaFirst), row(fathaFirst)]
        XCTAssertEqual(TimelineBuilder.names(many).map(\.count), Array(repeating: 1, count: 12) + [2])
    }

    /// Only the actors report.html may show keep their statements per day and latest entries: in
    /// any order of actors and split among any number of writers, the candidates kept by the
    /// writers include the overall top (most statements, then smallest id), ties included.
    func testDetailCandidatesKeepTheTopActorsWhateverTheSplit() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let actors = (0..<Int.random(in: 0...40, using: &generator)).map {
                (statements: Int.random(in: 1...6, using: &generator), id: "actor-\($0)")
            }.shuffled(using: &generator)
            let top = actors.sorted { $0.statements != $1.statements ? $0.statements > $1.statements : $0.id < $1.id }
                .prefix(RunReport.detailedActors).map(\.id)
            var kept = Set<String>()
            var from = 0
            while from < actors.count {
                let part = actors[from..<min(actors.count, from + Int.random(in: 1...25, using: &generator))]
                from = part.endIndex
                var candidates = OutputWriter.DetailCandidates()
                var ids: [String?] = []
                for a in part where candidates.admits(a.statements, a.id) {
                    ids.append(a.id)
                    if let dropped = candidates.add(a.statements, a.id, at: ids.count - 1) { ids[dropped] = nil }
                }
                XCTAssertLessThanOrEqual(ids.compactMap { $0 }.count, RunReport.detailedActors)
                kept.formUnion(ids.compactMap { $0 })
            }
            XCTAssertTrue(Set(top).isSubset(of: kept), "\(top) not all in \(kept)")
        }
    }

    /// The reports' top actors: most statements first, ties by smallest id, linked and unlinked
    /// apart, as a full sort gives them, for any order of the summaries and any `n`.
    func testTopActorsAreTheFullSortsFirst() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let actors = (0..<Int.random(in: 0...60, using: &generator)).map { k -> RunReport.ActorSummary in
                let id = Bool.random(using: &generator) ? "actor-\(k)" : "unlinked:speaker-\(k)"
                return .init(id: id, name: id, names: [], file: "", statements: Int.random(in: 1...5, using: &generator),
                             entries: 1, first: nil, last: nil)
            }.shuffled(using: &generator)
            for linked in [true, false] {
                let n = Int.random(in: 0...25, using: &generator)
                let expected = actors.filter { $0.linked == linked }
                    .sorted { $0.statements != $1.statements ? $0.statements > $1.statements : $0.id < $1.id }
                    .prefix(n).map(\.id)
                XCTAssertEqual(RunReport.top(of: actors, linked: linked, n).map(\.id), Array(expected))
            }
        }
    }

    func testReportEscapesCorpusText() {
        XCTAssertEqual(ReportHTML.escape("<script>alert('x')</script> & \"q\""),
                       "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
        // other text, Arabic and combining marks included, passes byte for byte
        let text = "قال لافروف: «العلاقات صعبة» — Café e\u{301} 😀"
        XCTAssertEqual(Array(ReportHTML.escape(text).utf8), Array(text.utf8))
        XCTAssertEqual(ReportHTML.escape("وزير <الخارجية>"), "وزير &lt;الخارجية&gt;")
    }
}

/// A small seeded generator: the same cases on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
