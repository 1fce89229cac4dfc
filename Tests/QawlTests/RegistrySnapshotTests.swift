import XCTest
@testable import Qawl

/// The compiled registry snapshot: a run reads the same actors from it as from the YAML, picks up an
/// edited registry file, and rebuilds (with a warning) a snapshot that does not decode.
final class RegistrySnapshotTests: XCTestCase {
    private var registry: URL!
    private var cache: URL!

    override func setUpWithError() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-snapshot-\(UUID().uuidString)")
        registry = base.appendingPathComponent("actors")
        cache = base.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: registry, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: registry.deletingLastPathComponent())
    }

    private func write(_ yaml: String) throws {
        try yaml.write(to: registry.appendingPathComponent("people.yaml"), atomically: true, encoding: .utf8)
    }

    private let tillerson = """
        roles:
          - id: us-secretary-of-state
            aliases: {ar: [وزير الخارجية الأمريكي], en: [U.S. Secretary of State]}
        actors:
          - id: rex-tillerson
            name: Rex Tillerson
            aliases: {ar: [ريكس تيلرسون, تيلرسون], en: [Rex Tillerson]}
            roles: [{role: us-secretary-of-state, from: 2017-02-01, until: 2018-03-31}]

        """

    private func snapshotFile() throws -> URL {
        let files = try FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("registry-") }
        XCTAssertEqual(files.count, 1)
        return try XCTUnwrap(files.first)
    }

    /// The actor the Arabic words name, through a matcher built from what `load` returned.
    private func linked(_ text: String, _ loaded: RegistrySnapshot.Loaded) -> String? {
        let matcher = ActorMatcher(actors: loaded.registry.actors, roles: loaded.registry.roles,
                                   clitics: Clitics(proclitics: [], enclitics: []), names: loaded.names)
        let tokens = Tokenizer.tokenize(Array(text.unicodeScalars))
        guard let m = matcher.mentions(in: tokens, range: 0..<tokens.count).first, case .actor(let a) = m.target else { return nil }
        return matcher.actors[a].id
    }

    func testShippedRegistryReadsTheSameFromItsSnapshot() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = root.appendingPathComponent("data/actors")
        let yaml = try ActorRegistry.load(directory: shipped)
        let first = try RegistrySnapshot.load(directory: shipped, cache: cache)
        XCTAssertEqual(first.outcome, .rebuilt)
        let second = try RegistrySnapshot.load(directory: shipped, cache: cache)
        XCTAssertEqual(second.outcome, .hit)
        XCTAssertEqual(second.registry.actors, yaml.actors)
        XCTAssertEqual(second.registry.roles, yaml.roles)
        XCTAssertEqual(second.registry.actorSources, yaml.actorSources)
        XCTAssertEqual(second.registry.roleSources, yaml.roleSources)
        XCTAssertEqual(second.names, ActorMatcher.NameWords(actors: yaml.actors, roles: yaml.roles))
        // the trie read is the one the matcher builds from the names
        let read = try XCTUnwrap(second.trie)
        XCTAssertTrue(read.sameTables(as: ActorMatcher.trie(second.names)))
        XCTAssertTrue(try XCTUnwrap(first.trie).sameTables(as: read))
        XCTAssertEqual(second.registry.holders(of: "us-secretary-of-state", on: "2017-04-12").map(\.id), ["rex-tillerson"])
    }

    func testStringTableKeepsCanonicallyEquivalentSpellingsApart() throws {
        // the snapshot stores each distinct string once, told apart by bytes: «Café» with a
        // precomposed «é» and with «e» + a combining acute are equal as `String`s, not as bytes
        let precomposed = "Caf\u{E9} Beirut", decomposed = "Cafe\u{301} Beirut"
        let actors = [
            Actor(id: "cafe-a", kind: .organisation, name: precomposed, aliases: [precomposed, "مقهى بيروت"]),
            Actor(id: "cafe-b", kind: .organisation, name: decomposed, aliases: [decomposed, "مقهى بيروت"]),
        ]
        let registry = ActorRegistry(actors: actors, roles: [], actorSources: ["cafe-a": "a.yaml", "cafe-b": "a.yaml"], roleSources: [:])
        let names = ActorMatcher.NameWords(actors: actors, roles: [])
        let bytes = RegistrySnapshot.encode(registry, names, key: 7)
        guard case .success(let (decoded, decodedNames, _)) = RegistrySnapshot.decode(bytes, key: 7) else { return XCTFail("does not decode") }
        XCTAssertEqual(decoded.actors.map { $0.aliases.map { Array($0.utf8) } }, actors.map { $0.aliases.map { Array($0.utf8) } })
        XCTAssertEqual(decoded.actors.map { Array($0.name.utf8) }, [Array(precomposed.utf8), Array(decomposed.utf8)])
        XCTAssertEqual(decodedNames.actors.map { $0.map { $0.map { Array($0.utf8) } } }, names.actors.map { $0.map { $0.map { Array($0.utf8) } } })
        XCTAssertEqual(decoded.actorSources, registry.actorSources)
        // a string index past the table is reported, not read
        var broken = bytes
        broken[broken.count - 1] = 0x7F
        if case .success = RegistrySnapshot.decode(broken, key: 7) { XCTFail("a damaged payload decodes") }
    }

    func testEditedRegistryFileIsPickedUp() throws {
        try write(tillerson)
        XCTAssertEqual(try RegistrySnapshot.load(directory: registry, cache: cache).outcome, .rebuilt)
        let cached = try RegistrySnapshot.load(directory: registry, cache: cache)
        XCTAssertEqual(cached.outcome, .hit)
        XCTAssertNil(linked("قال ريكس تيلرسن", cached))

        // a new spelling, as an editor adds one
        try write(tillerson.replacingOccurrences(of: "[ريكس تيلرسون, تيلرسون]", with: "[ريكس تيلرسون, تيلرسون, ريكس تيلرسن]"))
        let edited = try RegistrySnapshot.load(directory: registry, cache: cache)
        XCTAssertEqual(edited.outcome, .rebuilt)
        XCTAssertEqual(linked("قال ريكس تيلرسن", edited), "rex-tillerson")
        XCTAssertEqual(try RegistrySnapshot.load(directory: registry, cache: cache).outcome, .hit)
        XCTAssertEqual(linked("قال ريكس تيلرسن", try RegistrySnapshot.load(directory: registry, cache: cache)), "rex-tillerson")
    }

    func testNewRegistryFileIsPickedUp() throws {
        try write(tillerson)
        _ = try RegistrySnapshot.load(directory: registry, cache: cache)
        try """
            actors:
              - id: sergey-lavrov
                aliases: {ar: [سيرجي لافروف, لافروف]}
            """.write(to: registry.appendingPathComponent("russia.yaml"), atomically: true, encoding: .utf8)
        let loaded = try RegistrySnapshot.load(directory: registry, cache: cache)
        XCTAssertEqual(loaded.outcome, .rebuilt)
        XCTAssertEqual(loaded.registry.actors.map(\.id), ["rex-tillerson", "sergey-lavrov"])
        XCTAssertEqual(loaded.registry.actorSources["sergey-lavrov"], "russia.yaml")
    }

    /// A trie whose targets or words do not fit is refused, not read out of bounds.
    func testTrieThatDoesNotFitIsRefused() throws {
        try write(tillerson)
        let loaded = try RegistrySnapshot.load(directory: registry, cache: cache)
        var w = RegistrySnapshot.Writer()
        ActorMatcher.trie(loaded.names).write(to: &w)
        let payload = w.payload
        func read(actors: Int, roles: Int, cut: Int = 0) -> NameTrie? {
            payload.dropLast(cut).withUnsafeBufferPointer { p in
                var r = RegistrySnapshot.Reader(bytes: p)
                return (try? r.readTable()).flatMap { try? NameTrie.read(from: &r, actors: actors, roles: roles) }
            }
        }
        XCTAssertTrue(try XCTUnwrap(read(actors: 1, roles: 1)).sameTables(as: ActorMatcher.trie(loaded.names)))
        XCTAssertNil(read(actors: 0, roles: 1))
        XCTAssertNil(read(actors: 1, roles: 0))
        XCTAssertNil(read(actors: 1, roles: 1, cut: 3))
    }

    func testCorruptSnapshotIsRebuiltFromTheYAML() throws {
        try write(tillerson)
        _ = try RegistrySnapshot.load(directory: registry, cache: cache)
        let file = try snapshotFile()
        var bytes = [UInt8](try Data(contentsOf: file))
        bytes[bytes.count - 20] ^= 0x5A   // a flipped byte in the payload
        try Data(bytes).write(to: file)
        let loaded = try RegistrySnapshot.load(directory: registry, cache: cache)
        guard case .corrupt = loaded.outcome else { return XCTFail("expected corrupt, got \(loaded.outcome)") }
        XCTAssertEqual(linked("قال تيلرسون", loaded), "rex-tillerson")
        // the snapshot was written again
        XCTAssertEqual(try RegistrySnapshot.load(directory: registry, cache: cache).outcome, .hit)
    }

    func testTruncatedOrForeignSnapshotIsRebuilt() throws {
        try write(tillerson)
        _ = try RegistrySnapshot.load(directory: registry, cache: cache)
        let file = try snapshotFile()
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count / 2).write(to: file)
        guard case .corrupt = try RegistrySnapshot.load(directory: registry, cache: cache).outcome else { return XCTFail("truncated") }
        try Data("not a snapshot at all".utf8).write(to: file)
        let loaded = try RegistrySnapshot.load(directory: registry, cache: cache)
        guard case .corrupt = loaded.outcome else { return XCTFail("foreign file") }
        XCTAssertEqual(loaded.registry.actors.map(\.id), ["rex-tillerson"])
    }

    func testMalformedRegistryStillFailsWithASnapshotOfItsOldSelf() throws {
        try write(tillerson)
        _ = try RegistrySnapshot.load(directory: registry, cache: cache)
        try write(tillerson.replacingOccurrences(of: "until:", with: "untill:"))
        XCTAssertThrowsError(try RegistrySnapshot.load(directory: registry, cache: cache)) { error in
            XCTAssertTrue("\(error)".contains("untill"), "\(error)")
        }
    }

    func testNoCacheReadsTheYAMLAndWritesNothing() throws {
        try write(tillerson)
        let loaded = try RegistrySnapshot.load(directory: registry, cache: nil)
        XCTAssertEqual(loaded.outcome, .disabled)
        XCTAssertEqual(linked("قال تيلرسون", loaded), "rex-tillerson")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.path))
    }

    func testConfigurationChoosesTheCacheFolder() throws {
        var c = RunConfiguration()
        c.registryCache = "off"
        XCTAssertNil(c.registryCacheDirectory)
        c.registryCache = cache.path
        XCTAssertEqual(c.registryCacheDirectory?.path, cache.path)
        c.registryCache = nil
        XCTAssertEqual(c.registryCacheDirectory?.lastPathComponent, "qawl")
    }
}

/// Lexicon lines are trimmed as Foundation's `.whitespaces` trims them (tab and space separators),
/// without going through Foundation.
final class LexiconLineTests: XCTestCase {
    func testTrimmingBlanksMatchesFoundation() {
        for text in ["  وزير الخارجية\t", "\u{00A0}الشرطة\u{2003}", "word", "", " \t ", "a b", "\u{200B}x\u{200B}", "\r\nline\r"] {
            XCTAssertEqual(text.trimmingBlanks(), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }

    func testLexiconLinesSkipCommentsAndBlankLines() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-lines-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try "# comment\n\n  قال \t\nأكد\n   \n#x\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertEqual(try LexiconFile.lines(url), ["قال", "أكد"])
    }
}
