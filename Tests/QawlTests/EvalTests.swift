import Foundation
import XCTest
@testable import Qawl

/// `qawl eval` must give the reference scorer's figures on the same files.
final class EvalTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var shared: URL { root.deletingLastPathComponent().appendingPathComponent("shared") }

    func testNormalisationMatchesReferenceRules() {
        XCTAssertEqual(Scorer.norm("وأضافَ لافروف: «العلاقاتُ» صعبة!"), "واضاف لافروف العلاقات صعبه")
        XCTAssertEqual(Scorer.norm("U.S. Secretary—of State"), "u s secretary of state")
    }

    func testScoresEqualReferenceScorer() throws {
        let gold = shared.appendingPathComponent("gold/ant-dev.gold.jsonl").path
        let actors = shared.appendingPathComponent("gold/actors.json").path
        let script = shared.appendingPathComponent("tools/score.py").path
        guard FileManager.default.fileExists(atPath: gold), FileManager.default.fileExists(atPath: script) else {
            throw XCTSkip("shared gold not present")
        }
        let pred = root.appendingPathComponent("Tests/QawlTests/Fixtures/eval-predictions.jsonl").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script, "--gold", gold, "--actors", actors, "--pred", pred, "--json"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let ref = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let mine = Scorer(actors: try Scorer.loadActors(actors))
            .score(gold: try Scorer.loadGold(gold), predictions: try Scorer.loadPredictions(pred))
        XCTAssertEqual(mine.gold, ref["gold"] as? Int)
        XCTAssertEqual(mine.predicted, ref["predicted"] as? Int)
        XCTAssertEqual(mine.detected, ref["detected"] as? Int)
        XCTAssertEqual(mine.attributed, ref["attributed"] as? Int)
        let refF1 = try XCTUnwrap((ref["attribution"] as? [String: Any])?["f1"] as? Double)
        XCTAssertEqual(mine.attribution.f1, refF1, accuracy: 1e-9)
        XCTAssertGreaterThan(mine.attributed, 0)
    }
}
