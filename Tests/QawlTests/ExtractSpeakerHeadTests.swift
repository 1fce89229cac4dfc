import Foundation
import XCTest
@testable import Qawl

/// A speaker phrase must open with a plausible speaker: a word carrying a possessive pronoun that is
/// no person («تعاونها», «تصريحاته»), a verbal noun («امتلاك», «انتهاء») or an adverb opens the
/// verb's object, so the subject is the pronoun in the verb (the previous speaker); and adverbs or
/// «بـ» + verbal noun after a name are no part of it. People with a possessive pronoun («زوجته»,
/// «محاميها») and transliterated names ending in ه («كزافييه») still speak.
/// The language knowledge lives in `data/lexicons/ar/` (person_nouns, masdar_patterns, speaker_stop).
final class ExtractSpeakerHeadTests: XCTestCase {
    static let actors: [Actor] = [
        Actor(id: "iran-foreign-ministry", kind: .organisation, name: "Iranian Foreign Ministry", aliases: ["وزارة الخارجية الإيرانية"]),
        Actor(id: "sergey-lavrov", kind: .person, gender: .male, name: "Sergey Lavrov", aliases: ["سيرغي لافروف", "سيرجي لافروف"]),
    ]
    static let extractor: ArabicExtractor = try! ArabicExtractor(dataDirectory: TestRegistry.dataDirectory, actors: actors, roles: [])

    func statements(_ text: String) -> [Statement] {
        Self.extractor.extract(from: TestRegistry.document(text, published: "2018-03-15"))
    }

    /// An unlinked title keeps its words as written (normalised): «وزير الداخلية» is not «وزير
    /// الداخلي» (internal), and «المتحدثة» is not «المتحدث».
    func testUnlinkedTitleIDKeepsItsWords() {
        let s = statements("وقال وزير الداخلية إن الحدود مغلقة. وقالت المتحدثة إن الاجتماع انتهى دون اتفاق.")
        XCTAssertEqual(s.map(\.actorID), ["unlinked:وزير الداخليه", "unlinked:المتحدثه"])
    }

    func testPossessedObjectAfterTheVerbIsNoSpeaker() {
        let s = statements("وقالت وزارة الخارجية الإيرانية إن طهران ملتزمة بالاتفاق. وأكدت تعاونها بشكل كامل مع الوكالة الدولية.")
        XCTAssertEqual(s.count, 2, s.map(\.speaker).description)
        XCTAssertEqual(s.last?.actorID, "iran-foreign-ministry")
        XCTAssertEqual(s.last?.resolution, .carryover)
    }

    func testPossessedPluralObjectIsNoSpeaker() {
        let s = statements("وقال سيرغي لافروف إن موسكو لن تتراجع. وتابع تصريحاته قائلا إن الغرب يتحمل المسؤولية.")
        XCTAssertFalse(s.contains { $0.actorID.hasPrefix("unlinked:") }, s.map(\.actorID).description)
        XCTAssertTrue(s.dropFirst().allSatisfy { $0.actorID == "sergey-lavrov" })
    }

    func testVerbalNounAfterTheVerbIsNoSpeaker() {
        let s = statements("وقال سيرغي لافروف إن الحوار ممكن. وأعلن انتهاء العمل بالاتفاق القديم اعتبارا من الشهر المقبل.")
        XCTAssertFalse(s.contains { $0.actorID.hasPrefix("unlinked:") }, s.map(\.actorID).description)
    }

    func testAccusativeObjectNounIsNoSpeaker() {
        let s = statements("وقال سيرغي لافروف إن الحوار ممكن. وأبدى اهتماما كبيرا بتطوير العلاقات بين البلدين.")
        XCTAssertFalse(s.contains { $0.speaker.hasPrefix("اهتماما") }, s.map(\.speaker).description)
    }

    func testPersonWithAPossessivePronounSpeaks() {
        let s = statements("وقالت زوجته إن الشرطة لم تبلغ العائلة بأي شيء.")
        XCTAssertEqual(s.first?.speaker, "زوجته")
        let d = statements("وقال محاميها إن موكلته بريئة من التهم الموجهة إليها.")
        XCTAssertEqual(d.first?.speaker, "محاميها")
    }

    func testTransliteratedNameEndingInHaStaysASpeaker() {
        let s = statements("وقال كزافييه إن الفريق سيقاتل حتى النهاية.")
        XCTAssertEqual(s.first?.actorID, "unlinked:كزافييه")
    }

    func testAdverbAfterANameIsNotPartOfIt() {
        let s = statements("ويقول شون مازحا إن الفريق تخلص من عامل الحرج.")
        XCTAssertEqual(s.first?.actorID, "unlinked:شون")
        let d = statements("وطالب كوهين بدفع مبلغ كبير للضحايا.")
        XCTAssertFalse(d.contains { $0.actorID.contains("بدفع") }, d.map(\.actorID).description)
    }

    func testVerbalNounAfterADefiniteSubjectEndsIt() {
        let s = statements("وأعلنت الدولتان انتهاء نزاع استمر عقدين من الزمن بين البلدين.")
        XCTAssertFalse(s.contains { $0.actorID.contains("انتهاء") }, s.map(\.actorID).description)
    }

    func testMannerAdverbialWhereTheSubjectWouldBeIsNoSpeaker() {
        let s = statements("وقال سيرغي لافروف إن الحوار ممكن. فأجاب بحدة \"لا، لم نغير موقفنا من هذه المسألة\".")
        XCTAssertFalse(s.contains { $0.speaker.hasPrefix("بحدة") }, s.map(\.speaker).description)
        // a noun in «ب…ة» that a name continues is a subject
        let d = statements("وقالت بلدية باريس إن الطرق ستغلق يوم الأحد.")
        XCTAssertEqual(d.first?.speaker, "بلدية باريس")
    }

    func testPossessedNounBeforeAQuotedNameIsItsApposition() {
        let s = statements("فيما أكدت منافستها \"سامسونغ\" أنها ستطرح جهازا بهذه الصفة قريبا.")
        XCTAssertTrue(s.first?.speaker.contains("سامسونغ") == true, s.map(\.speaker).description)
    }

    func testVerbalNounWhoseRootOpensWithAlIsNoArticle() {
        // «التزامه»: the «ال» is the root's; the object opens there, after the name
        let s = statements("وفي بيان سابق، أكد أحمد التزامه بقرار النائب العام بشأن القضية.")
        XCTAssertEqual(s.first?.actorID, "unlinked:احمد", s.map(\.actorID).description)
    }

    func testShortVerbalNounAfterBiIsNoSpeaker() {
        let s = statements("وقال سيرغي لافروف إن الحوار ممكن. وطالب بوقف العنف الذي تمارسه الشرطة ضد المتظاهرين.")
        XCTAssertFalse(s.contains { $0.speaker.hasPrefix("بوقف") }, s.map(\.speaker).description)
    }

    func testAVerbalNounOfFormTwoAfterADefiniteSubjectEndsIt() {
        // «تفعيل» after a definite word: «تأسيس», «تحقيق» open the object
        XCTAssertEqual(statements("ثم أعلن الأكراد تأسيس نظام الحكم الذاتي في مناطقهم.").first?.actorID, "unlinked:الاكراد")
        // not with «و» or ending in ة: a coordinated name goes on
        XCTAssertEqual(statements("وأعلنت هيئة الاتصالات وتقنية المعلومات إطلاق الخدمة.").first?.actorID,
                       "unlinked:هييه الاتصالات وتقنيه المعلومات")
    }
}
