import Foundation
import XCTest
@testable import Qawl

/// Bare state bodies («الشرطة», «وزارة الداخلية», «الرئيس») read as the institution of the article's
/// state, the way an analyst codes «الشرطة» in an Egyptian article as the Egyptian police
/// (`CountryContext`, data in `data/lexicons/ar/countries.tsv` and `state_bodies.tsv`). The order of
/// evidence: an explicit state in the phrase > an earlier explicit mention of the body > the article's state.
final class ExtractCountryContextTests: XCTestCase {
    static let roles: [Role] = [
        Role(id: "egypt-president", organisation: "egypt", aliases: ["الرئيس المصري"]),
        Role(id: "jordan-king", organisation: "jordan", aliases: ["العاهل الأردني", "الملك الأردني"]),
    ]

    static let actors: [Actor] = [
        Actor(id: "abdel-fattah-el-sisi", kind: .person, gender: .male, name: "Abdel Fattah el-Sisi",
              aliases: ["عبد الفتاح السيسي"], roles: [RoleTenure(role: "egypt-president", from: "2014-06-08", until: nil)]),
        Actor(id: "abdullah-ii-of-jordan", kind: .person, gender: .male, name: "Abdullah II of Jordan",
              aliases: ["الملك عبد الله الثاني"], roles: [RoleTenure(role: "jordan-king", from: "1999-02-07", until: nil)]),
        Actor(id: "egyptian-police", kind: .organisation, name: "Egyptian police", aliases: ["الشرطة المصرية", "شرطة مصر"]),
        Actor(id: "iraqi-police", kind: .organisation, name: "Iraqi police", aliases: ["الشرطة العراقية", "شرطة العراق"]),
        Actor(id: "french-police", kind: .organisation, name: "French police", aliases: ["الشرطة الفرنسية"]),
        Actor(id: "egyptian-interior-ministry", kind: .organisation, name: "Egyptian Interior Ministry",
              aliases: ["وزارة الداخلية المصرية", "الداخلية المصرية"]),
        Actor(id: "iraqi-interior-ministry", kind: .organisation, name: "Iraqi Interior Ministry",
              aliases: ["وزارة الداخلية العراقية", "الداخلية العراقية"]),
        Actor(id: "egyptian-government", kind: .organisation, name: "Egyptian government",
              aliases: ["الحكومة المصرية", "مجلس الوزراء المصري"]),
        Actor(id: "us-attorney-general-office", kind: .organisation, name: "U.S. Attorney General", aliases: ["المدعي العام الأمريكي"]),
    ]

    static let extractor: ArabicExtractor = try! ArabicExtractor(dataDirectory: TestRegistry.dataDirectory, actors: actors, roles: roles)

    func statements(_ text: String, title: String? = nil) -> [Statement] {
        Self.extractor.extract(from: TestRegistry.document(text, title: title, published: "2018-03-15"))
    }

    func testTheStatesOfAnActorsNamesAreFoundThroughClitics() throws {
        // `LinkingIndex` looks for states only in names with a word that may start a state's name
        // (`ActorMatcher.mayStart`): a name whose only state word carries clitics must not be dismissed
        let cues = Self.extractor.index.countries.cues
        XCTAssertTrue(cues.mayStart("مصر"))
        XCTAssertTrue(cues.mayStart("بمصر"))
        XCTAssertTrue(cues.mayStart("والمصريه"))
        XCTAssertTrue(cues.mayStart("للسعوديه"))   // ل + «السعودية»: the article's alef restored
        XCTAssertFalse(cues.mayStart("السيسي"))
        XCTAssertFalse(cues.mayStart("الشرطه"))
        let actors = [
            Actor(id: "embassy-in-egypt", kind: .organisation, name: "Embassy in Egypt", aliases: ["السفارة بمصر"]),
            Actor(id: "saudi-aramco", kind: .organisation, name: "Aramco", aliases: ["أرامكو", "شركة أرامكو للسعودية"]),
            Actor(id: "someone", kind: .person, gender: .male, name: "Someone", aliases: ["محمد أحمد"]),
        ]
        let extractor = try ArabicExtractor(dataDirectory: TestRegistry.dataDirectory, actors: actors, roles: [])
        let ids = extractor.index.countries.ids
        let egypt = try XCTUnwrap(ids.firstIndex(of: "egyptian")), saudi = try XCTUnwrap(ids.firstIndex(of: "saudi"))
        XCTAssertEqual(extractor.index.actorCountries, [[egypt], [saudi], []])
    }

    func testCairoDatelineLinksThePoliceToEgypt() {
        let s = statements("القاهرة - قالت الشرطة إن مسلحين هاجموا نقطة تفتيش في شمال سيناء.")
        XCTAssertEqual(s.first?.actorID, "egyptian-police")
        XCTAssertEqual(s.first?.resolution, .name)
        XCTAssertEqual(s.first?.confidence ?? 1, CountryContext.contextConfidence, accuracy: 0.001)
    }

    func testBareOfficeLinksToItsHolderInTheArticlesState() {
        let s = statements("القاهرة - قال الرئيس إن الاقتصاد المصري يتعافى بسرعة.")
        XCTAssertEqual(s.first?.actorID, "abdel-fattah-el-sisi")
        XCTAssertEqual(s.first?.resolution, .role)
    }

    func testTheKingIsTheKingOfTheArticlesStateAndOnlyOfAKingdom() {
        let s = statements("عمان - قال الملك إن الأردن يقف أمام مفترق طرق، وإن الحكومة الأردنية ستستمع للمحتجين في عمان.")
        XCTAssertEqual(s.first?.actorID, "abdullah-ii-of-jordan")
        XCTAssertEqual(s.first?.resolution, .role)
        // Egypt has no king: «الملك» in a Cairo article stays unlinked
        XCTAssertEqual(statements("القاهرة - قال الملك إن الزيارة كانت ناجحة.").first?.actorID, "unlinked:الملك")
    }

    func testTwoStatesNamedEvenlyLeaveTheBodyUnlinked() {
        let s = statements("قالت الشرطة إن مواطنين من مصر والعراق أصيبوا في الحادث.")
        XCTAssertEqual(s.first?.actorID, "unlinked:الشرطه")
    }

    func testNoStateLeavesTheBodyUnlinked() {
        let s = statements("وقالت الشرطة إن الحادث وقع صباحا.")
        XCTAssertEqual(s.first?.actorID, "unlinked:الشرطه")
    }

    func testExplicitAntecedentWinsOverTheArticlesState() {
        let s = statements("القاهرة - قالت وزارة الداخلية العراقية إن الحدود ستغلق. وأضافت وزارة الداخلية أن القرار مؤقت.")
        XCTAssertEqual(s.map(\.actorID), ["iraqi-interior-ministry", "iraqi-interior-ministry"])
    }

    func testAntecedentNamedOutsideAStatementWins() {
        // the Iraqi ministry is only mentioned, not a speaker; the article is Egyptian
        let s = statements("القاهرة - وصل وفد من وزارة الداخلية العراقية إلى مصر أمس. وقالت وزارة الداخلية إن الزيارة ناجحة.")
        XCTAssertEqual(s.last?.actorID, "iraqi-interior-ministry")
        XCTAssertEqual(s.last?.resolution, .carryover)
    }

    func testExplicitStateInThePhraseWins() {
        let s = statements("باريس - قالت الشرطة العراقية إن الانفجار وقع في السوق.")
        XCTAssertEqual(s.first?.actorID, "iraqi-police")
        XCTAssertEqual(s.first?.confidence ?? 0, 0.9, accuracy: 0.001)
    }

    func testLocalProsecutorIsNoAttorneyGeneral() {
        // «المدعي العام» means the public prosecution (`=` in state_bodies.tsv), never the US Attorney General
        let s = statements("واشنطن - قال المدعي العام إن المتهم سيمثل أمام المحكمة في نيويورك.")
        XCTAssertNotEqual(s.first?.actorID, "us-attorney-general-office")
    }

    func testTitleBeforeABodyIsNotTheBody() {
        // «رئيس مجلس الوزراء» is the prime minister, not the government («مجلس الوزراء»)
        let s = statements("القاهرة - قال رئيس مجلس الوزراء إن الموازنة الجديدة تستهدف خفض العجز في مصر.")
        XCTAssertTrue(s.first?.actorID.hasPrefix("unlinked:") ?? false, s.first?.actorID ?? "none")
    }

    func testNewsroomDatelineIsNotTheNewsPlace() {
        // CNN Arabic's Dubai newsroom: the explosion is in Baghdad
        let s = statements("دبي، الإمارات العربية المتحدة (CNN) -- قالت الشرطة إن انفجارا وقع في بغداد الأربعاء.")
        XCTAssertEqual(s.first?.actorID, "iraqi-police")
    }

    func testCountryTableLoads() {
        let cc = Self.extractor.index.countries
        XCTAssertTrue(cc.ids.contains("egyptian"))
        XCTAssertNotNil(cc.body(["الشرطه"]))
        let t = Tokenizer.tokenize(Array("القاهرة - قالت الشرطة في بيان".unicodeScalars))
        XCTAssertEqual(cc.dominant(body: t, title: nil).map { cc.ids[$0] }, "egyptian")
    }
}
