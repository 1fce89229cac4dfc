import Foundation
import XCTest
@testable import Qawl

/// A short gloss in parentheses inside a speaker phrase («وزارة الدفاع (البنتاغون)», «وكالة الأنباء
/// الرسمية (سانا)»), as the full ANT dump writes organisations' short names and acronyms: part of the
/// phrase, naming the organisation it follows, and the phrase goes on to the holder's name after it.
/// A small registry keeps the cases clear.
final class ExtractParenGlossTests: XCTestCase {
    static let actors: [Actor] = [
        Actor(id: "dana-white", kind: .person, gender: .female, name: "Dana White", aliases: ["دانا وايت"]),
        Actor(id: "pentagon", kind: .organisation, name: "Pentagon", aliases: ["البنتاغون"]),
        Actor(id: "sana", kind: .organisation, name: "SANA", aliases: ["سانا", "وكالة سانا"]),
        Actor(id: "uk-conservative-party", kind: .organisation, name: "Conservative Party", aliases: ["حزب المحافظين"]),
    ]

    static let extractor: ArabicExtractor = try! ArabicExtractor(dataDirectory: TestRegistry.dataDirectory, actors: actors, roles: [])

    func statements(_ text: String) -> [Statement] {
        Self.extractor.extract(from: TestRegistry.document(text, published: "2018-04-21"))
    }

    func testAGlossAfterTheTitlesBodyLeadsToTheHoldersName() {
        let s = statements("وقالت المتحدثة باسم وزارة الدفاع (البنتاغون) دانا وايت: \"مهمتنا في اليمن تنقسم إلى جزئين\".")
        XCTAssertEqual(s.first?.actorID, "dana-white")
        XCTAssertEqual(s.first?.speaker, "المتحدثة باسم وزارة الدفاع (البنتاغون) دانا وايت")
        XCTAssertEqual(s.first?.content, "مهمتنا في اليمن تنقسم إلى جزئين")
    }

    func testARegistryGlossNamesTheOrganisationItFollows() {
        // a spokesperson speaks for the organisation, as «متحدث باسم البنتاغون» does
        let spokesman = statements("وقال متحدث باسم وزارة الدفاع (البنتاغون) إن القوات ستبقى في سوريا.")
        XCTAssertEqual(spokesman.first?.actorID, "pentagon")
        XCTAssertEqual(spokesman.first?.content, "إن القوات ستبقى في سوريا")
        XCTAssertEqual(statements("وقالت وزارة الدفاع (البنتاغون) إن القوات ستبقى في سوريا.").first?.actorID, "pentagon")
        XCTAssertEqual(statements("وذكرت وكالة الأنباء الرسمية (سانا) أن الدفاعات الجوية تصدت للصواريخ.").first?.actorID, "sana")
    }

    func testAGlossAfterAPersonOrBeforeTheVerbsObjectStaysOut() {
        // a person's party names no organisation that speaks
        let party = statements("وتحدث شارل تانوك (حزب المحافظين) عن \"الحروب التي تشنها إيران\".")
        XCTAssertEqual(party.first?.actorID, "unlinked:شارل تانوك")
        // a gloss that names nobody, then the verb's addressee or object
        XCTAssertEqual(statements("وقال أحمد (اسم مستعار) لفرانس برس إن الوضع صعب.").first?.actorID, "unlinked:احمد")
        let object = statements("ودعت المفوضية (الأوروبية) تركيا إلى التراجع عن قرارها.")
        XCTAssertNotEqual(object.first?.actorID, "unlinked:المفوضيه الاوروبيه تركيا")
        // after a head the gloss is the name itself
        XCTAssertEqual(statements("وقالت شبكة (فوكس نيوز) إن المراسلة منعت من التغطية.").first?.actorID, "unlinked:شبكه فوكس نيوز")
    }
}
