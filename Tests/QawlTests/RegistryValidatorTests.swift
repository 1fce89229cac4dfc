import XCTest
@testable import Qawl

/// The validator on tiny registries written to a temporary folder, as `qawl actors check` sees them.
final class RegistryValidatorTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("qawl-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ name: String, _ yaml: String) throws {
        try yaml.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    private let roleYAML = """
        roles:
          - id: us-secretary-of-state
            aliases: {ar: [وزير الخارجية الأمريكي], en: [U.S. Secretary of State]}

        """

    func testOverlappingHoldersOfSingleHolderRoleAreAnError() throws {
        try write("people.yaml", roleYAML + """
            actors:
              - id: rex-tillerson
                aliases: {ar: [تيلرسون]}
                roles: [{role: us-secretary-of-state, from: 2017-02-01, until: 2018-03-31}]
              - id: mike-pompeo
                aliases: {ar: [بومبيو]}
                roles: [{role: us-secretary-of-state, from: 2018-03-01, until: 2021-01-20}]
            """)
        let problems = try ActorRegistry.load(directory: directory).validate().filter(\.isError)
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.id, "mike-pompeo")
        XCTAssertEqual(problems.first?.file, "people.yaml")
        XCTAssertTrue(problems.first?.message.contains("rex-tillerson") ?? false)
    }

    func testHandOverOnTheSameDayIsNotAnOverlap() throws {
        try write("people.yaml", """
            roles:
              - id: us-president
                aliases: {ar: [الرئيس الأمريكي]}
            actors:
              - id: donald-trump
                aliases: {ar: [ترامب]}
                roles: [{role: us-president, from: 2017-01-20, until: 2021-01-20}, {role: us-president, from: 2025-01-20}]
              - id: joe-biden
                aliases: {ar: [بايدن]}
                roles: [{role: us-president, from: 2021-01-20, until: 2025-01-20}]
            """)
        let registry = try ActorRegistry.load(directory: directory)
        XCTAssertEqual(registry.validate().filter(\.isError), [])
        XCTAssertEqual(registry.holders(of: "us-president", on: "2021-01-20").map(\.id), ["joe-biden", "donald-trump"])
        XCTAssertEqual(registry.holders(of: "us-president", on: "2026-11-29").map(\.id), ["donald-trump"])
    }

    func testRoleThatAllowsSeveralHoldersAcceptsOverlaps() throws {
        try write("un.yaml", """
            roles:
              - id: un-envoy
                single: false
                aliases: {en: [UN envoy]}
            actors:
              - {id: envoy-a, aliases: [A], roles: [{role: un-envoy, from: 2015-01-01}]}
              - {id: envoy-b, aliases: [B], roles: [{role: un-envoy, from: 2016-01-01}]}
            """)
        XCTAssertEqual(try ActorRegistry.load(directory: directory).validate().filter(\.isError), [])
    }

    func testDuplicateActorIdAcrossFilesIsAnError() throws {
        try write("a.yaml", roleYAML + "actors:\n  - {id: sergey-lavrov, aliases: [لافروف]}\n")
        try write("b.yaml", "actors:\n  - {id: sergey-lavrov, aliases: [Lavrov]}\n")
        let problems = try ActorRegistry.load(directory: directory).validate().filter(\.isError)
        XCTAssertEqual(problems.map(\.id), ["sergey-lavrov"])
        XCTAssertTrue(problems[0].message.contains("duplicate"))
    }

    func testMalformedAndImpossibleDatesAreErrors() throws {
        try write("people.yaml", roleYAML + """
            actors:
              - id: rex-tillerson
                aliases: [Tillerson]
                roles: [{role: us-secretary-of-state, from: 2017-2-1, until: 2018-02-30}]
            """)
        let messages = try ActorRegistry.load(directory: directory).validate().filter(\.isError).map(\.message)
        XCTAssertEqual(messages.count, 2)
        XCTAssertTrue(messages.contains { $0.contains("2017-2-1") })
        XCTAssertTrue(messages.contains { $0.contains("2018-02-30") })
    }

    func testFromAfterUntilIsAnError() throws {
        try write("people.yaml", roleYAML + """
            actors:
              - {id: rex-tillerson, aliases: [Tillerson], roles: [{role: us-secretary-of-state, from: 2018-03-31, until: 2017-02-01}]}
            """)
        let problems = try ActorRegistry.load(directory: directory).validate().filter(\.isError)
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].message.contains("after"))
    }

    func testUnknownRoleAndNonSlugIdAreErrors() throws {
        try write("people.yaml", roleYAML + """
            actors:
              - {id: Sergey_Lavrov, aliases: [Lavrov], roles: [{role: russia-foreign-minster, from: 2004-03-09}]}
            """)
        let messages = try ActorRegistry.load(directory: directory).validate().filter(\.isError).map(\.message)
        XCTAssertTrue(messages.contains { $0.contains("slug") })
        XCTAssertTrue(messages.contains { $0.contains("russia-foreign-minster") })
    }

    func testSameAliasOnTwoActorsAfterNormalisationIsAWarning() throws {
        try write("people.yaml", """
            actors:
              - {id: bashar-al-assad, aliases: [بشار الأسد]}
              - {id: hafez-al-assad, aliases: [بشّار الاسد]}
            """)
        let problems = try ActorRegistry.load(directory: directory).validate()
        XCTAssertEqual(problems.map(\.severity), [.warning])
        XCTAssertEqual(problems.first?.id, "hafez-al-assad")
    }

    func testMisspelledKeyNamesFileAndEntry() throws {
        try write("people.yaml", roleYAML + """
            actors:
              - id: rex-tillerson
                aliases: [Tillerson]
                roles: [{role: us-secretary-of-state, from: 2017-02-01, untill: 2018-03-31}]
            """)
        XCTAssertThrowsError(try ActorRegistry.load(directory: directory)) { error in
            guard case let RegistryLoadError.malformedEntry(file, entry, _, reason) = error else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(file, "people.yaml")
            XCTAssertEqual(entry, "rex-tillerson")
            XCTAssertTrue(reason.contains("untill"))
        }
    }

    func testAliasKeyUnifiesArabicSpellings() {
        XCTAssertEqual(AliasKey.normalise("إيمانويل ماكرون"), AliasKey.normalise("ايمانويل  ماكرون"))
        XCTAssertEqual(AliasKey.normalise("مصطفى"), AliasKey.normalise("مصطفي"))
        XCTAssertEqual(AliasKey.normalise("الأمم المتحدة"), AliasKey.normalise("الامم المتحده"))
        XCTAssertEqual(AliasKey.normalise("U.S. Secretary of State"), "us secretary of state")
        XCTAssertNotEqual(AliasKey.normalise("ترامب"), AliasKey.normalise("ترمب"))
    }
}
