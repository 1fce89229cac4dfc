import XCTest
@testable import Qawl

/// The Arabic linking index cached beside the registry snapshot: read back it is the index built,
/// and an edited lexicon file, an edited registry or a damaged file rebuilds it.
final class ArabicIndexCacheTests: XCTestCase {
    private var base: URL!
    private var registry: URL { base.appendingPathComponent("actors") }
    private var data: URL { base.appendingPathComponent("data") }
    private var lexicons: URL { data.appendingPathComponent("lexicons/ar") }
    private var cache: URL { base.appendingPathComponent("cache") }

    override func setUpWithError() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-arindex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: registry, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: lexicons.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestRegistry.dataDirectory.appendingPathComponent("lexicons/ar"), to: lexicons)
        try """
            actors:
              - id: al-ufuq
                type: organisation
                name: Al-Ufuq
                aliases: {ar: [منصة الأفق]}
              - id: rex-tillerson
                name: Rex Tillerson
                aliases: {ar: [ريكس تيلرسون]}

            """.write(to: registry.appendingPathComponent("people.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: base)
    }

    /// The Arabic extractor of `dataDirectory` and the registry `directory`, as `qawl run` builds it.
    private func extractor(data: URL? = nil, registry directory: URL? = nil) throws -> ArabicExtractor {
        let loaded = try RegistrySnapshot.load(directory: directory ?? registry, cache: cache)
        let matcher = ActorMatcher(actors: loaded.registry.actors, roles: loaded.registry.roles, clitics: .none, names: loaded.names)
        return try ArabicExtractor(dataDirectory: data ?? self.data, matcher: matcher, cache: loaded.cache)
    }

    private func indexFile() throws -> URL {
        let files = try FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix(ArabicExtractor.LinkingIndex.cacheKind) }
        XCTAssertEqual(files.count, 1)
        return try XCTUnwrap(files.first)
    }

    private func outlets(_ e: ArabicExtractor) -> [String] { e.index.outlets.map { e.matcher.actors[$0].id }.sorted() }

    func testShippedIndexReadsTheSameFromTheCache() throws {
        let shipped = TestRegistry.dataDirectory
        let first = try extractor(data: shipped, registry: shipped.appendingPathComponent("actors"))
        XCTAssertEqual(first.indexOutcome, .rebuilt)
        let second = try extractor(data: shipped, registry: shipped.appendingPathComponent("actors"))
        XCTAssertEqual(second.indexOutcome, .hit)
        XCTAssertEqual(second.index.resolved, first.index.resolved)
        let built = ArabicExtractor(lexicon: first.lexicon, matcher: first.matcher)
        XCTAssertEqual(built.indexOutcome, .disabled)
        XCTAssertEqual(second.index.resolved, built.index.resolved)
        XCTAssertFalse(second.index.surnames.isEmpty)
        XCTAssertFalse(second.index.countries.bodies.isEmpty)
        XCTAssertFalse(second.index.outlets.isEmpty)
        // the same file again: what was cached makes the same bytes
        let bytes = try Data(contentsOf: try indexFile())
        let key = try XCTUnwrap(RegistrySnapshot.load(directory: shipped.appendingPathComponent("actors"), cache: cache).cache?
            .key(ArabicExtractor.LinkingIndex.cacheKind, inputs: shipped.appendingPathComponent("lexicons/ar")))
        XCTAssertEqual(ArabicExtractor.LinkingIndex.encode(second.index.resolved, states: second.index.countries.ids.count, key: key),
                       [UInt8](bytes))
    }

    /// `media_heads.txt` decides which organisations are outlets, a registry-derived part of the
    /// index: appending a head must rebuild the cached index, not keep yesterday's outlets.
    func testEditedLexiconFileRebuildsTheIndex() throws {
        XCTAssertEqual(try extractor().indexOutcome, .rebuilt)
        let cached = try extractor()
        XCTAssertEqual(cached.indexOutcome, .hit)
        XCTAssertEqual(outlets(cached), [])
        let file = lexicons.appendingPathComponent("media_heads.txt")
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("منصة\n".utf8))
        try handle.close()
        let edited = try extractor()
        XCTAssertEqual(edited.indexOutcome, .rebuilt)
        XCTAssertEqual(outlets(edited), ["al-ufuq"])
        let again = try extractor()
        XCTAssertEqual(again.indexOutcome, .hit)
        XCTAssertEqual(outlets(again), ["al-ufuq"])
    }

    func testEditedRegistryRebuildsTheIndex() throws {
        _ = try extractor()
        XCTAssertEqual(try extractor().index.surnames[WordKey("تيلرسون")], [1])
        try """
            actors:
              - id: rex-tillerson
                name: Rex Tillerson
                aliases: {ar: [ريكس تيلرسون]}

            """.write(to: registry.appendingPathComponent("people.yaml"), atomically: true, encoding: .utf8)
        let edited = try extractor()
        XCTAssertEqual(edited.indexOutcome, .rebuilt)
        XCTAssertEqual(edited.index.surnames[WordKey("تيلرسون")], [0])
        XCTAssertEqual(try extractor().indexOutcome, .hit)
    }

    func testDamagedIndexFileIsRebuilt() throws {
        let built = try extractor()
        let file = try indexFile()
        var bytes = [UInt8](try Data(contentsOf: file))
        bytes[bytes.count - 3] ^= 0x5A
        try Data(bytes).write(to: file)
        let damaged = try extractor()
        guard case .corrupt = damaged.indexOutcome else { return XCTFail("a damaged index was used: \(damaged.indexOutcome)") }
        XCTAssertEqual(damaged.index.resolved, built.index.resolved)
        try Data(bytes.prefix(20)).write(to: file)
        guard case .corrupt = try extractor().indexOutcome else { return XCTFail("a truncated index was used") }
        XCTAssertEqual(try extractor().indexOutcome, .hit)
    }

    /// A payload whose indices do not fit the matcher is refused, not read out of bounds.
    func testIndexOfAnotherRegistryIsRefused() throws {
        let e = try extractor()
        let bytes = ArabicExtractor.LinkingIndex.encode(e.index.resolved, states: e.index.countries.ids.count, key: 9)
        guard case .success = ArabicExtractor.LinkingIndex.decode(bytes, key: 9, actors: 2, roles: 0) else { return XCTFail("does not decode") }
        guard case .failure(.corrupt) = ArabicExtractor.LinkingIndex.decode(bytes, key: 9, actors: 1, roles: 0) else { return XCTFail("another registry") }
        guard case .failure(.stale) = ArabicExtractor.LinkingIndex.decode(bytes, key: 8, actors: 2, roles: 0) else { return XCTFail("another key") }
    }

    func testNoCacheBuildsTheIndex() throws {
        let loaded = try RegistrySnapshot.load(directory: registry, cache: nil)
        XCTAssertNil(loaded.cache)
        let matcher = ActorMatcher(actors: loaded.registry.actors, roles: loaded.registry.roles, clitics: .none, names: loaded.names)
        XCTAssertEqual(try ArabicExtractor(dataDirectory: data, matcher: matcher, cache: loaded.cache).indexOutcome, .disabled)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.path))
    }
}
