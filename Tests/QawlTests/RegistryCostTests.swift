import Foundation
import XCTest
@testable import Qawl

/// `qawl actors cost` compares extraction with the registry against extraction without one on the
/// same documents: both sides must see every document once per round, and only the registry side
/// may link speakers, or the share it prints measures something else.
final class RegistryCostTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testBothExtractorsSeeEveryDocumentAndOnlyTheRegistryLinks() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-cost-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        var c = RunConfiguration()
        c.inputs = [root.appendingPathComponent("data/samples/000_7c6445b88433139e.txt").path]
        c.data = root.appendingPathComponent("data").path
        c.registryCache = "off"
        let with = try Components.standard(configuration: c)
        c.actors = empty.path
        let without = try Components.standard(configuration: c)

        let cost = RegistryCost.measure(inputs: c.inputs, open: with.open, parser: with.parser,
                                        with: with.extractor!, without: without.extractor!, rounds: 3)
        XCTAssertEqual(cost.documents, 1)
        XCTAssertEqual(cost.rounds, 3)
        // The seed's statements (Lavrov's and Tillerson's), all linked, counted once however many rounds.
        let once = RegistryCost.measure(inputs: c.inputs, open: with.open, parser: with.parser,
                                        with: with.extractor!, without: without.extractor!, rounds: 1)
        XCTAssertGreaterThanOrEqual(cost.withRegistry.statements, 14)
        XCTAssertEqual(cost.withRegistry.linked, cost.withRegistry.statements)
        XCTAssertEqual(once.withRegistry, RegistryCost.Side(seconds: once.withRegistry.seconds, statements: cost.withRegistry.statements, linked: cost.withRegistry.linked))
        XCTAssertGreaterThan(cost.withoutRegistry.statements, 0)
        XCTAssertEqual(cost.withoutRegistry.linked, 0)
        XCTAssertGreaterThan(cost.withRegistry.seconds, 0)
        XCTAssertGreaterThan(cost.withoutRegistry.seconds, 0)
        XCTAssertEqual(cost.share, (cost.withRegistry.seconds - cost.withoutRegistry.seconds) / cost.withRegistry.seconds, accuracy: 1e-12)
    }
}
