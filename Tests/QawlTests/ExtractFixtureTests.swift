import Foundation
import XCTest
@testable import Qawl

/// A small registry for extraction tests: the seed's people and a few heads of government, with
/// their roles over time. The real registry (`data/actors/`) is loaded by the pipeline.
enum TestRegistry {
    /// The actor ids of `text`'s statements with a registry of `actors` only (no roles), dated 2018-03-15.
    static func ids(_ text: String, actors: [Actor]) throws -> [String] {
        try ArabicExtractor(dataDirectory: dataDirectory, actors: actors, roles: [])
            .extract(from: document(text, published: "2018-03-15")).map(\.actorID)
    }

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let dataDirectory = repoRoot.appendingPathComponent("data")

    static let roles: [Role] = [
        Role(id: "russia-foreign-minister", aliases: ["وزير الخارجية الروسي", "رئيس الدبلوماسية الروسية"]),
        Role(id: "us-secretary-of-state", aliases: ["وزير الخارجية الأمريكي", "وزير الخارجية الأمريكية", "وزير الخارجية الأميركي"]),
        Role(id: "russia-president", aliases: ["الرئيس الروسي"]),
        Role(id: "syria-president", aliases: ["الرئيس السوري"]),
        Role(id: "us-president", aliases: ["الرئيس الأمريكي", "الرئيس الأميركي"]),
        Role(id: "germany-chancellor", aliases: ["المستشارة الألمانية"]),
        Role(id: "france-president", aliases: ["الرئيس الفرنسي"]),
    ]

    static let actors: [Actor] = [
        Actor(id: "sergey-lavrov", kind: .person, gender: .male, name: "Sergey Lavrov",
              aliases: ["لافروف", "سيرجي لافروف", "سيرغي لافروف", "Sergey Lavrov"],
              roles: [RoleTenure(role: "russia-foreign-minister", from: "2004-03-09", until: nil)]),
        Actor(id: "rex-tillerson", kind: .person, gender: .male, name: "Rex Tillerson", aliases: ["تيلرسون", "ريكس تيلرسون"],
              roles: [RoleTenure(role: "us-secretary-of-state", from: "2017-02-01", until: "2018-03-31")]),
        Actor(id: "mike-pompeo", kind: .person, gender: .male, name: "Mike Pompeo", aliases: ["بومبيو", "مايك بومبيو"],
              roles: [RoleTenure(role: "us-secretary-of-state", from: "2018-04-26", until: "2021-01-20")]),
        Actor(id: "vladimir-putin", kind: .person, gender: .male, name: "Vladimir Putin", aliases: ["بوتين", "فلاديمير بوتين", "فلادمير بوتين"],
              roles: [RoleTenure(role: "russia-president", from: "2012-05-07", until: nil)]),
        Actor(id: "bashar-al-assad", kind: .person, gender: .male, name: "Bashar al-Assad", aliases: ["بشار الأسد", "الأسد"],
              roles: [RoleTenure(role: "syria-president", from: "2000-07-17", until: "2024-12-08")]),
        Actor(id: "donald-trump", kind: .person, gender: .male, name: "Donald Trump", aliases: ["ترامب", "ترمب", "دونالد ترامب"],
              roles: [RoleTenure(role: "us-president", from: "2017-01-20", until: "2021-01-20")]),
        Actor(id: "angela-merkel", kind: .person, gender: .female, name: "Angela Merkel", aliases: ["ميركل", "أنجيلا ميركل"],
              roles: [RoleTenure(role: "germany-chancellor", from: "2005-11-22", until: "2021-12-08")]),
        Actor(id: "emmanuel-macron", kind: .person, gender: .male, name: "Emmanuel Macron", aliases: ["ماكرون", "إيمانويل ماكرون"],
              roles: [RoleTenure(role: "france-president", from: "2017-05-14", until: nil)]),
    ]

    static func lexicon() throws -> ArabicLexicon { try ArabicLexicon(dataDirectory: dataDirectory) }

    static func extractor() throws -> ArabicExtractor {
        try ArabicExtractor(dataDirectory: dataDirectory, actors: actors, roles: roles)
    }

    static func document(_ text: String, title: String? = nil, published: String? = nil, id: String = "t1") -> Document {
        Document(docID: id, title: title, published: published, lang: "ar", text: text, input: "test", record: 0)
    }
}

final class ExtractFixtureTests: XCTestCase {
    func testFixtureLexiconLoadsFromRepositoryData() throws {
        let lex = try TestRegistry.lexicon()
        XCTAssertEqual(lex.cues["قالت"]?.lemma, "قال")
        XCTAssertEqual(lex.cues["قالت"]?.agreement, .feminine)
        XCTAssertEqual(lex.cues["مضيفا"]?.type, .participle)
        XCTAssertTrue(lex.vague.contains("مصادر"))
    }
}
