import Foundation
import XCTest
@testable import Qawl

/// The project's seed article against its gold file, with the reference scorer's rules: a statement
/// matches a gold line when the normalised anchor is inside its normalised content; the speaker is
/// right when the actor id is the gold slug or the actor name / speaker holds a name of the slug
/// (`shared/gold/actors.json`).
final class SeedTests: XCTestCase {
    let shared = TestRegistry.repoRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// score.py's `norm`: NFKC, Arabic folding, lowercase, non-word characters → one space.
    func norm(_ s: String) -> String {
        let folded = ArabicNormalizer.normalize(s.precomposedStringWithCompatibilityMapping)
        var out = String.UnicodeScalarView()
        var space = false
        for u in folded.unicodeScalars {
            if u.properties.isAlphabetic || u.properties.numericType != nil || u == "_" {
                if space, !out.isEmpty { out.append(" ") }
                space = false
                out.append(u)
            } else { space = true }
        }
        return String(out)
    }

    func testSeedArticleYieldsEveryGoldStatementWithItsSpeaker() throws {
        let textURL = shared.appendingPathComponent("seed/000_7c6445b88433139e.txt")
        let goldURL = shared.appendingPathComponent("gold/seed.gold.jsonl")
        let actorsURL = shared.appendingPathComponent("gold/actors.json")
        guard FileManager.default.fileExists(atPath: goldURL.path) else { throw XCTSkip("shared gold not found") }
        let text = try String(contentsOf: textURL, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let names = try JSONSerialization.jsonObject(with: Data(contentsOf: actorsURL)) as! [String: [String]]
        let gold = try String(contentsOf: goldURL, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let doc = Document(docID: "000_7c6445b88433139e", lang: "ar", text: text, input: textURL.path, record: 0)
        let statements = try TestRegistry.extractor().extract(from: doc)

        func slugs(_ g: [String: Any]) -> [String] { (g["speaker"] as? [String]) ?? [g["speaker"] as! String] }
        func speakerOK(_ st: Statement, _ g: [String: Any]) -> Bool {
            let ss = slugs(g)
            if ss.contains(st.actorID) { return true }
            let said = " " + norm(st.actorName) + " | " + norm(st.speaker) + " "
            return ss.flatMap { names[$0] ?? [] }.contains { !norm($0).isEmpty && said.contains(" " + norm($0) + " ") }
        }
        var used = Set<Int>()
        for g in gold where (g["optional"] as? Bool) != true {
            let anchor = norm(g["anchor"] as! String)
            let hit = statements.indices.first { !used.contains($0) && norm(statements[$0].content).contains(anchor) && speakerOK(statements[$0], g) }
            XCTAssertNotNil(hit, "missing or misattributed: \(g["anchor"]!)")
            if let hit { used.insert(hit) }
        }
        for i in statements.indices where !used.contains(i) {
            let content = norm(statements[i].content)
            let optional = gold.contains { ($0["optional"] as? Bool) == true && content.contains(norm($0["anchor"] as! String)) }
            XCTAssertTrue(optional, "extra statement: \(statements[i].content)")
        }
        XCTAssertEqual(used.count, 14)
    }
}
