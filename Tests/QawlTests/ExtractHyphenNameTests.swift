import Foundation
import XCTest
@testable import Qawl

/// Names joined by a hyphen with no space on either side («كيم جونغ-أون», «جان-بيير لاكروا»), as the
/// full ANT dump writes Korean, French and double-barrelled names: one name, not a name cut at a dash.
/// A hyphen with a space around it stays a dash. A small registry keeps the cases clear.
final class ExtractHyphenNameTests: XCTestCase {
    static let actors: [Actor] = [
        // the registry writes the names with spaces only: the hyphenated spelling must still match
        Actor(id: "kim-jong-un", kind: .person, gender: .male, name: "Kim Jong Un", aliases: ["كيم جونغ أون"]),
        Actor(id: "moon-jae-in", kind: .person, gender: .male, name: "Moon Jae-in", aliases: ["مون جاي إن"]),
        Actor(id: "jean-yves-le-drian", kind: .person, gender: .male, name: "Jean-Yves Le Drian", aliases: ["جان إيف لودريان"]),
    ]

    static let extractor: ArabicExtractor = try! ArabicExtractor(dataDirectory: TestRegistry.dataDirectory, actors: actors, roles: [])

    func statements(_ text: String) -> [Statement] {
        Self.extractor.extract(from: TestRegistry.document(text, published: "2018-04-21"))
    }

    func testAHyphenatedRegistryNameLinksLikeItsSpacedAlias() {
        let kim = statements("وقال كيم جونغ-أون إن بلاده مستعدة للحوار.")
        XCTAssertEqual(kim.first?.actorID, "kim-jong-un")
        XCTAssertEqual(kim.first?.speaker, "كيم جونغ-أون")
        XCTAssertEqual(kim.first?.content, "إن بلاده مستعدة للحوار")
        // «إن» after the hyphen is the name's last part, not the complementizer
        let moon = statements("وقال الرئيس الكوري الجنوبي مون جاي-إن إن القمة ناجحة.")
        XCTAssertEqual(moon.first?.actorID, "moon-jae-in")
        XCTAssertEqual(moon.first?.content, "إن القمة ناجحة")
        let drian = statements("وقال وزير الخارجية الفرنسي، جان-إيف لودريان، إن باريس قلقة.")
        XCTAssertEqual(drian.first?.actorID, "jean-yves-le-drian")
    }

    func testAHyphenatedNameOutsideTheRegistryStaysWhole() {
        let jean = statements("وقال جان-بيير لاكروا للصحفيين إن الوضع خطير.")
        XCTAssertEqual(jean.first?.actorID, "unlinked:جان بيير لاكروا")
        XCTAssertEqual(jean.first?.content, "إن الوضع خطير")
        XCTAssertEqual(statements("وقال شو ميونغ-غيون إن المحادثات كانت مثمرة.").first?.actorID, "unlinked:شو ميونغ غيون")
        let titled = statements("وحذر مساعد الأمين العام للشؤون السياسية، تايي-بروك زيريهون، من أن الوضع قد يتدهور.")
        XCTAssertEqual(titled.first?.actorID, "unlinked:تايي بروك زيريهون")
    }

    func testAHyphenWithASpaceIsStillADash() {
        // an aside between dashes, a dateline: the hyphen joins nothing
        let aside = statements("وقال محمد - وهو طالب - إن الامتحان صعب.")
        XCTAssertEqual(aside.first?.actorID, "unlinked:محمد")
        XCTAssertEqual(aside.first?.content, "إن الامتحان صعب")
        // «جان-بيير» is one name, «جان - بيير» is not
        XCTAssertEqual(statements("وقال جان-بيير إن الامتحان صعب.").first?.actorID, "unlinked:جان بيير")
        let spaced = statements("وقال جان - بيير إن الامتحان صعب.")
        XCTAssertEqual(spaced.first?.actorID, "unlinked:جان")
        // and it links nothing: «كيم جونغ - أون» is no registry name
        XCTAssertNotEqual(statements("وقال كيم جونغ - أون إن بلاده مستعدة للحوار.").first?.actorID, "kim-jong-un")
    }
}
