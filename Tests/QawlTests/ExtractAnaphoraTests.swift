import Foundation
import XCTest
@testable import Qawl

/// Anaphoric speakers, as an analyst reading a timeline would check them: a bare definite head
/// («الوزارة», «الشركة», «المجلس», «المنظمة الحقوقية») is the organisation named last with that head —
/// or, when that last one is unknown to the registry, stays unlinked; «المتحدث باسم الشركة» and
/// «المتحدث» speak for the organisation resolved so; «الأخير» is the one named just before. All such
/// links are `carryover` with a confidence below a named link.
final class ExtractAnaphoraTests: XCTestCase {
    static let roles: [Role] = [
        Role(id: "us-president", aliases: ["الرئيس الأمريكي"]),
        Role(id: "syria-president", aliases: ["الرئيس السوري"]),
    ]

    static let actors: [Actor] = [
        Actor(id: "donald-trump", kind: .person, gender: .male, name: "Donald Trump", aliases: ["دونالد ترامب", "ترامب"],
              roles: [RoleTenure(role: "us-president", from: "2017-01-20", until: "2021-01-20")]),
        Actor(id: "bashar-al-assad", kind: .person, gender: .male, name: "Bashar al-Assad", aliases: ["بشار الأسد"],
              roles: [RoleTenure(role: "syria-president", from: "2000-07-17", until: "2024-12-08")]),
        Actor(id: "theresa-may", kind: .person, gender: .female, name: "Theresa May", aliases: ["تيريزا ماي"]),
        Actor(id: "apple", kind: .organisation, name: "Apple", aliases: ["شركة أبل", "أبل"]),
        Actor(id: "human-rights-watch", kind: .organisation, name: "Human Rights Watch",
              aliases: ["منظمة هيومن رايتس ووتش", "هيومن رايتس ووتش"]),
        Actor(id: "un-security-council", kind: .organisation, name: "UN Security Council", aliases: ["مجلس الأمن", "مجلس الأمن الدولي"]),
        Actor(id: "emirati-government", kind: .organisation, name: "Emirati government",
              aliases: ["حكومة الإمارات", "مجلس الوزراء الإماراتي"]),
        Actor(id: "al-jadeed-tv", kind: .organisation, name: "Al Jadeed TV", aliases: ["تلفزيون الجديد"]),
        Actor(id: "us-embassy", kind: .organisation, name: "U.S. Embassy", aliases: ["السفارة الأمريكية"]),
        Actor(id: "russian-defense-ministry", kind: .organisation, name: "Russian Defence Ministry",
              aliases: ["وزارة الدفاع الروسية"]),
        Actor(id: "russia", kind: .organisation, name: "Russia", aliases: ["روسيا"]),
        Actor(id: "sana", kind: .organisation, name: "SANA", aliases: ["وكالة الأنباء السورية"]),
        Actor(id: "pentagon", kind: .organisation, name: "Pentagon", aliases: ["وزارة الدفاع الأمريكية", "البنتاغون"]),
    ]

    static let extractor: ArabicExtractor = try! ArabicExtractor(dataDirectory: TestRegistry.dataDirectory, actors: actors, roles: roles)

    func statements(_ text: String) -> [Statement] {
        Self.extractor.extract(from: TestRegistry.document(text, title: nil, published: "2018-03-15"))
    }

    // MARK: - Rule 1: a generic head refers to the organisation named last with it

    func testTheCompanyIsTheCompanyNamedBefore() {
        let s = statements("وطرحت شركة أبل هاتفها الجديد في الأسواق الأمريكية أمس. وقالت الشركة إن المبيعات فاقت التوقعات.")
        XCTAssertEqual(s.last?.actorID, "apple")
        XCTAssertEqual(s.last?.resolution, .carryover)
        XCTAssertLessThan(s.last?.confidence ?? 1, 0.9)
    }

    func testAnUnknownCompanyNamedLaterIsTheOneMeant() {
        // «فوكسكون» is not in the registry: «الشركة» is Foxconn, not Apple, unlinked under its name
        let s = statements("وطرحت شركة أبل هاتفها الجديد أمس. وزادت شركة \"فوكسكون\" إنتاجها في الصين. وقالت الشركة إن المصانع تعمل بكامل طاقتها.")
        XCTAssertEqual(s.last?.actorID, "unlinked:شركه فوكسكون")
        // an unknown name without quotes: «شركة لوريال» (no adjective of the head's, which would end in «ة»)
        let t = statements("وطرحت شركة أبل هاتفها الجديد أمس. وأنهت شركة لوريال عقدها مع العارضة. وقال متحدث باسم الشركة إن القرار نهائي.")
        XCTAssertEqual(t.last?.actorID.hasPrefix("unlinked:"), true)
    }

    func testAGenericUseOfTheHeadDoesNotHideTheAntecedent() {
        // «شركة مملوكة لها» names no other company
        let s = statements("وطرحت شركة أبل هاتفها الجديد أمس من خلال شركة مملوكة لها في الهند. وقالت الشركة إن المبيعات فاقت التوقعات.")
        XCTAssertEqual(s.last?.actorID, "apple")
    }

    func testWrongHeadStaysUnlinked() {
        // «الوزارة» after a company only: no ministry was named
        let s = statements("وطرحت شركة أبل هاتفها الجديد أمس. وقالت الوزارة إن الهاتف مطابق للمواصفات.")
        XCTAssertEqual(s.last?.actorID, "unlinked:الوزاره")
        XCTAssertEqual(statements("وقالت الشركة إن المبيعات فاقت التوقعات.").first?.actorID, "unlinked:الشركه")
    }

    func testAHeadWithAnAdjectiveRefersBackToo() {
        let s = statements("ونشرت منظمة هيومن رايتس ووتش تقريرها السنوي أمس. وقالت المنظمة الحقوقية إن الانتهاكات تضاعفت.")
        XCTAssertEqual(s.last?.actorID, "human-rights-watch")
        XCTAssertEqual(s.last?.resolution, .carryover)
    }

    func testASynonymHeadFromTheDataFile() {
        // anaphoric_heads.txt: «القناة» also means an organisation named «تلفزيون …»
        let s = statements("وبث تلفزيون الجديد صورا من موقع الانفجار. وقالت القناة إن عدد الجرحى ارتفع إلى 20.")
        XCTAssertEqual(s.last?.actorID, "al-jadeed-tv")
    }

    func testTheCouncilIsOnlyACouncilNamedAsSuch() {
        let s = statements("وعقد مجلس الأمن جلسة طارئة بشأن غزة. وأعرب المجلس عن قلقه إزاء أعمال العنف.")
        XCTAssertEqual(s.last?.actorID, "un-security-council")
        // the government is also «مجلس الوزراء», but «حكومة الإمارات» … «المجلس» is some other council
        let t = statements("وتقدمت حكومة الإمارات بطلب رسمي إلى المنظمة. وشدد المجلس على أهمية سلامة الطيران المدني.")
        XCTAssertEqual(t.last?.actorID, "unlinked:المجلس")
    }

    func testABareStateBodyNamedBeforeIsTheArticlesStatesBody() {
        // «وزارة الدفاع» is no registry name, but in an article about Russia it is the Russian ministry
        let text = "موسكو - تحطمت مقاتلة روسية في البحر المتوسط. وأرسلت وزارة الدفاع فريقا للتحقيق إلى موقع الحادث. وقالت الوزارة إن الطيارين قتلا."
        let s = statements(text)
        XCTAssertEqual(s.last?.actorID, "russian-defense-ministry")
        XCTAssertEqual(s.last?.resolution, .carryover)
        XCTAssertLessThanOrEqual(s.last?.confidence ?? 1, CountryContext.contextConfidence)
    }

    // MARK: - Rule 3: spokespeople of an organisation resolved by its head

    func testTheCompanysSpokesmanSpeaksForTheCompany() {
        let s = statements("وطرحت شركة أبل هاتفها الجديد أمس. وقال متحدث باسم الشركة إن الإنتاج سيتضاعف. وأضاف المتحدث أن الأسعار لن تتغير.")
        XCTAssertEqual(s.map(\.actorID), ["apple", "apple"])
        XCTAssertTrue(s.allSatisfy { $0.resolution == .carryover })
        // no company before: the spokesman stays unlinked
        XCTAssertEqual(statements("وقال متحدث باسم الشركة إن الإنتاج سيتضاعف.").first?.actorID.hasPrefix("unlinked:"), true)
    }

    func testABareSpokesmanAfterALinkedSpokesmanPhrase() {
        let s = statements("وقال متحدث باسم السفارة الأمريكية إن الموظفين بخير. وأشار المتحدث إلى أن السفارة ستفتح أبوابها غدا.")
        XCTAssertEqual(s.map(\.actorID), ["us-embassy", "us-embassy"])
    }

    func testHerSpokesmanIsTheOrganisationThatSpokeLast() {
        let s = statements("وطرحت شركة أبل هاتفها الجديد أمس. وقالت الشركة إن المبيعات فاقت التوقعات. وقال المتحدث باسمها إن الإنتاج سيتضاعف.")
        XCTAssertEqual(s.last?.actorID, "apple")
        // the organisation named just before, not the agency that spoke before it
        let q = statements("وأفادت وكالة الأنباء السورية بأن صواريخ استهدفت المطار. وسارعت وزارة الدفاع الأمريكية إلى نفي ذلك. وقال متحدث باسمها إن الوزارة لا تنفذ ضربات في سوريا.")
        XCTAssertEqual(q.last?.actorID, "pentagon")
        // a person's spokesman is not the person
        let p = statements("وقالت تيريزا ماي إن الاتفاق قريب. وقال المتحدث باسمها إن المفاوضات مستمرة.")
        XCTAssertNotEqual(p.last?.actorID, "theresa-may")
    }

    // MARK: - Rule 2: «الأخير»

    func testTheLatterIsThePersonNamedJustBefore() {
        let s = statements("ورد بشار الأسد على دونالد ترامب، وقال الأخير إن الرد لا يستحق التعليق.")
        XCTAssertEqual(s.last?.actorID, "donald-trump")
        XCTAssertEqual(s.last?.resolution, .carryover)
    }

    func testTheLatterWithoutAnAntecedentStaysUnlinked() {
        XCTAssertEqual(statements("وقال الأخير إن الرد لا يستحق التعليق.").first?.actorID, "unlinked:الاخير")
        // «الأخيرة» is feminine: a male person just before is not it
        let s = statements("والتقى دونالد ترامب بالصحفيين، وقالت الأخيرة إن اللقاء كان مثمرا.")
        XCTAssertEqual(s.last?.actorID, "unlinked:الاخيره")
        // «نائبه» after the name is the latter, not the one named
        let d = statements("وأقال دونالد ترامب نائبه بعد أن قال الأخير إن الانتخابات مزورة.")
        XCTAssertEqual(d.last?.actorID, "unlinked:الاخير")
    }

    func testTheSpokesmanIsTheSpokesmanIntroducedWithoutTheArticle() {
        // «متحدث باسم البرلمان» (unknown to the registry) introduces whom «المتحدث» means later
        let s = statements("وقال لافروف إن موسكو سترد. وقال متحدث باسم البرلمان إن الرسائل ليست خطرة. وأضاف المتحدث أن المبنى لم يخل.")
        XCTAssertEqual(s.last?.actorID, "unlinked:متحدث باسم البرلمان")
        XCTAssertEqual(s.last?.resolution, .role)
    }
}
