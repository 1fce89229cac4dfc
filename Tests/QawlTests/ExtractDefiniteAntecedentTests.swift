import Foundation
import XCTest
@testable import Qawl

/// Definite descriptions that refer back to an entity introduced earlier in the article with the same
/// head, when the registry names no actor with that head (`ArabicExtractor+Antecedent.swift`): a
/// timeline reader expects «وقالت الشركة» after «أعلنت شركة فولكسفاغن» to be Volkswagen, and after an
/// unknown «شركة سانوفي» at least that name — never the bare «الشركة». A nationality on the speaker
/// that contradicts the antecedent's, or no antecedent, leaves the speaker as it was.
final class ExtractDefiniteAntecedentTests: XCTestCase {
    static let actors: [Actor] = [
        Actor(id: "volkswagen", kind: .organisation, name: "Volkswagen", aliases: ["فولكسفاغن"]),
        Actor(id: "liverpool-fc", kind: .organisation, name: "Liverpool FC", aliases: ["ليفربول"]),
    ]

    static let extractor: ArabicExtractor = try! ArabicExtractor(dataDirectory: TestRegistry.dataDirectory, actors: actors, roles: [])

    func statements(_ text: String) -> [Statement] {
        Self.extractor.extract(from: TestRegistry.document(text, title: nil, published: "2018-03-15"))
    }

    func testTheCompanyIsTheRegistryCompanyNamedAfterTheHead() {
        // the company is named without its head in the registry, and not as a speaker
        let s = statements("وطرحت شركة فولكسفاغن سيارتها الجديدة في الأسواق الأوروبية أمس. وقالت الشركة إن المبيعات فاقت التوقعات.")
        XCTAssertEqual(s.last?.actorID, "volkswagen")
        XCTAssertEqual(s.last?.resolution, .carryover)
        XCTAssertLessThan(s.last?.confidence ?? 1, 0.6)
    }

    func testAnUnknownCompanyKeepsItsFullName() {
        let s = statements("وطرحت شركة سانوفي لقاحا جديدا في الأسواق أمس. وقالت الشركة إن اللقاح آمن.")
        XCTAssertEqual(s.last?.actorID, "unlinked:شركه سانوفي")
        // a quoted name, and a dropped subject after it carries the same speaker
        let t = statements("وكشفت شركة \"بال روبوتيكس\" عن روبوت جديد. وأوضحت الشركة أن الروبوت يتحدث ست لغات. وأضافت أنه سيعمل في المطارات.")
        XCTAssertEqual(t.map(\.actorID).suffix(2), ["unlinked:شركه بال روبوتيكس", "unlinked:شركه بال روبوتيكس"])
    }

    func testANationalityMustNotContradictTheCompany() {
        let ok = statements("وطرحت شركة سانوفي الفرنسية لقاحا جديدا أمس. وقالت الشركة الفرنسية إن اللقاح آمن.")
        XCTAssertEqual(ok.last?.actorID, "unlinked:شركه سانوفي الفرنسيه")
        let other = statements("وطرحت شركة سانوفي الفرنسية لقاحا جديدا أمس. وقالت الشركة اليابانية إن اللقاح غير آمن.")
        XCTAssertEqual(other.last?.actorID, "unlinked:الشركه اليابانيه")
        // the nearest company has no state written: the French one named before it is meant
        let older = statements("وطرحت شركة سانوفي الفرنسية لقاحا جديدا أمس. ووقعت شركة أبوت على عقد مع الحكومة. وقالت الشركة الفرنسية إن اللقاح آمن.")
        XCTAssertEqual(older.last?.actorID, "unlinked:شركه سانوفي الفرنسيه")
        // and a company whose state is not written is no answer to a nationality
        let none = statements("ووقعت شركة أبوت على عقد مع الحكومة. وقالت الشركة الفرنسية إن اللقاح آمن.")
        XCTAssertEqual(none.last?.actorID, "unlinked:الشركه الفرنسيه")
    }

    func testTheCoachIsThePersonIntroducedWithTheHead() {
        // after the head and its nationality
        let s = statements("وفاز الفريق بفضل خطة المدرب الألماني يورغن كلوب. وقال المدرب إن اللاعبين قدموا مباراة كبيرة.")
        XCTAssertEqual(s.last?.actorID, "unlinked:يورغن كلوب")
        XCTAssertEqual(s.last?.speaker, "المدرب")
        // after the club (a registry organisation, the head's genitive) and a comma
        let t = statements("وأشاد مدرب ليفربول، يورغن كلوب، بالجماهير. وأضاف المدرب الألماني أن الفريق سيقاتل على اللقب.")
        XCTAssertEqual(t.last?.actorID, "unlinked:يورغن كلوب")
        // a name, a comma, then the head: «محمد صلاح، لاعب ليفربول»
        let u = statements("وسجل محمد صلاح، لاعب ليفربول، هدفين أمس. وقال اللاعب إن الفوز مهم للفريق.")
        XCTAssertEqual(u.last?.actorID, "unlinked:محمد صلاح")
    }

    func testAContradictingNationalityOrNoAntecedentLeavesTheSpeakerAsItWas() {
        let s = statements("وفاز الفريق بفضل خطة المدرب الألماني يورغن كلوب. وقال المدرب الإسباني إن الهزيمة كانت قاسية.")
        XCTAssertEqual(s.last?.actorID, "unlinked:المدرب الاسباني")
        XCTAssertEqual(statements("وقال المدرب إن اللاعبين قدموا مباراة كبيرة.").first?.actorID, "unlinked:المدرب")
        // an earlier coach without a name ends the search: «أفضل مدرب» is someone else
        let t = statements("وفاز الفريق بفضل خطة المدرب الألماني يورغن كلوب. واختير أفضل مدرب في البطولة أمس. وقال المدرب إن الجائزة مستحقة.")
        XCTAssertEqual(t.last?.actorID, "unlinked:المدرب")
    }
}
