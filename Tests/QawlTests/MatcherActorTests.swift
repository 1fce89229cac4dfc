import XCTest
@testable import Qawl

final class MatcherActorTests: XCTestCase {
    var matcher: ActorMatcher!

    override func setUpWithError() throws {
        matcher = ActorMatcher(actors: TestRegistry.actors, roles: TestRegistry.roles, clitics: try TestRegistry.lexicon().clitics)
    }

    func ids(_ text: String) -> [String] {
        let tokens = Tokenizer.tokenize(Array(text.unicodeScalars))
        return matcher.mentions(in: tokens, range: 0..<tokens.count).map { m in
            switch m.target {
            case .actor(let i): return matcher.actors[i].id
            case .role(let i): return "role:" + matcher.roles[i].id
            }
        }
    }

    func testNamesMatchThroughProclitics() {
        XCTAssertEqual(ids("ولافروف"), ["sergey-lavrov"])
        XCTAssertEqual(ids("بلافروف"), ["sergey-lavrov"])
        XCTAssertEqual(ids("للافروف"), ["sergey-lavrov"])
        XCTAssertEqual(ids("والرئيس الروسي"), ["role:russia-president"])
    }

    func testLongestMatchWinsAndSpellingVariantsFold() {
        let tokens = Tokenizer.tokenize(Array("قال سيرغي لافروف".unicodeScalars))
        let m = matcher.mentions(in: tokens, range: 0..<tokens.count)
        XCTAssertEqual(m.count, 1)
        XCTAssertEqual(m.first?.start, 1)
        XCTAssertEqual(m.first?.end, 3)
        XCTAssertEqual(ids("وقال وزير الخارجية الروسي، سيرجي لافروف"), ["role:russia-foreign-minister", "sergey-lavrov"])
        XCTAssertEqual(ids("ترمب وأنجيلا ميركل"), ["donald-trump", "angela-merkel"])
    }

    /// The flat trie: names sharing their first words each end at their own node; an alias two
    /// entries share names both (first inserted first, ambiguous); a word is looked up from its node
    /// only (the same word under another parent is another edge).
    func testNameTrieKeepsSharedPrefixesApart() {
        var b = NameTrie.Builder()
        b.insert(["وزير", "الخارجيه", "الروسي"], .role(7))
        b.insert(["وزير", "الدفاع"], .role(9))
        b.insert(["وزير"], .actor(1))
        b.insert(["لافروف"], .actor(2))
        b.insert(["لافروف"], .actor(3))
        b.insert(["لافروف"], .actor(2))   // a repeat adds nothing
        b.insert(["الدفاع", "وزير"], .actor(4))
        b.insert([], .actor(5))            // no words: nothing
        let t = b.build()
        func walk(_ words: [String]) -> Int? {
            var n = NameTrie.root
            for w in words { guard let c = t.child(of: n, word: w) else { return nil }; n = c }
            return n
        }
        let minister = walk(["وزير"])!
        XCTAssertEqual(t.targetCount(minister), 1)
        XCTAssertEqual(t.firstTarget(minister), .actor(1))
        XCTAssertEqual(walk(["وزير", "الخارجيه", "الروسي"]).map(t.firstTarget), .role(7))
        XCTAssertEqual(walk(["وزير", "الدفاع"]).map(t.firstTarget), .role(9))
        XCTAssertEqual(walk(["الدفاع", "وزير"]).map(t.firstTarget), .actor(4))
        XCTAssertEqual(walk(["وزير", "الخارجيه"]).map(t.targetCount), 0)
        XCTAssertNil(walk(["الخارجيه"]))
        XCTAssertNil(walk(["وزير", "لافروف"]))
        let lavrov = walk(["لافروف"])!
        XCTAssertEqual(t.targetCount(lavrov), 2)
        XCTAssertEqual(t.firstTarget(lavrov), .actor(2))
        XCTAssertNil(t.child(of: lavrov, word: "لافروف"))
        // many names: the table grows and every one is still found
        var big = NameTrie.Builder()
        for i in 0..<3000 { big.insert(["w\(i % 50)", "x\(i)"], .actor(i)) }
        let bt = big.build()
        for i in stride(from: 0, to: 3000, by: 7) {
            let n = bt.child(of: NameTrie.root, word: "w\(i % 50)").flatMap { bt.child(of: $0, word: "x\(i)") }
            XCTAssertEqual(n.map(bt.firstTarget), .actor(i))
        }
    }

    /// `wholeTarget(paths:then:)` answers what `CountryContext.exactTarget` on the joined tokens
    /// answers, for phrases that are aliases, prefixes of one, longer than one, with clitics,
    /// hashtags and quotation marks.
    func testWholeTargetAgreesWithMatchingTheJoinedPhrase() {
        let firsts = ["وزير", "ووزير", "بوزير", "الرئيس", "والرئيس", "وزارة", "الشرطة", "سيرجي", "سيرغي", "لافروف",
                      "#أنجيلا", "أنجيلا", "وكالة", "قال", "الأمين", "\"معا\"", "،"]
        let rests = ["الخارجية", "الخارجية الروسي", "الروسي", "الأمريكي", "لافروف", "ميركل", "#ميركل", "العام",
                     "الخارجية الروسي، سيرجي", "\"", "الداخلية", "المصرية", "ترمب", "العام للأمم المتحدة", "#"]
        func tokens(_ s: String) -> [Token] { Tokenizer.tokenize(Array(s.unicodeScalars)) }
        var compared = 0, named = 0
        for a in firsts + rests {
            let ta = tokens(a)
            let paths = matcher.paths(through: ta)
            for b in rests + firsts {
                let tb = tokens(b)
                guard !ta.isEmpty, !tb.isEmpty else { continue }
                let expected = CountryContext.exactTarget(ta + tb, in: matcher)
                XCTAssertEqual(matcher.wholeTarget(paths: paths, then: tb), expected, "\(a) + \(b)")
                compared += 1
                if expected != nil { named += 1 }
            }
        }
        XCTAssertGreaterThan(named, 3, "some pairs are whole names")
        XCTAssertGreaterThan(compared, 500)
    }

    func testRoleHolderOnADate() throws {
        let role = try XCTUnwrap(matcher.role(id: "us-secretary-of-state"))
        func holder(_ d: String?) -> String? { matcher.holder(ofRole: role, on: d).map { matcher.actors[$0].id } }
        XCTAssertEqual(holder("2017-04-12"), "rex-tillerson")
        XCTAssertEqual(holder("2018-03-31T10:00:00Z"), "rex-tillerson")   // bounds inclusive
        XCTAssertNil(holder("2018-04-10"))                                  // vacant between holders
        XCTAssertEqual(holder("2019-06-01"), "mike-pompeo")
        XCTAssertNil(holder(nil))
        let fm = try XCTUnwrap(matcher.role(id: "russia-foreign-minister"))
        XCTAssertEqual(matcher.holder(ofRole: fm, on: "2026-01-01").map { matcher.actors[$0].id }, "sergey-lavrov")
    }
}
