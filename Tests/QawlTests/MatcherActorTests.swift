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
