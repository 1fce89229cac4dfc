import ArgumentParser
import Foundation
import Qawl

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score statements against gold attributions (same rules as shared/tools/score.py).",
        discussion: """
        Prints detection and attribution precision, recall and F1, then the missed, wrongly attributed
        and spurious statements (up to --show of each). Only documents that appear in the gold files
        are scored.
        """)

    @Option(name: .long, help: "Gold file (JSON lines); repeat for several.")
    var gold: [String]

    @Option(name: .long, help: "Predicted statements (statements.jsonl of a run).")
    var pred: String

    @Option(name: .long, help: "Names that identify each gold speaker (shared/gold/actors.json).")
    var actors: String?

    @Option(name: .long, help: "How many errors of each kind to list.")
    var show = 10

    @Flag(name: .long, help: "Print the figures as one JSON object.")
    var json = false

    func validate() throws {
        if gold.isEmpty { throw ValidationError("give at least one --gold file") }
    }

    func run() throws {
        var golds: [Scorer.Gold] = []
        for g in gold { golds += try Scorer.loadGold(g) }
        let actorNames: [String: [String]]
        if let actors { actorNames = try Scorer.loadActors(actors) } else {
            let sibling = URL(fileURLWithPath: gold[0]).deletingLastPathComponent().appendingPathComponent("actors.json").path
            actorNames = FileManager.default.fileExists(atPath: sibling) ? try Scorer.loadActors(sibling) : [:]
        }
        let r = Scorer(actors: actorNames).score(gold: golds, predictions: try Scorer.loadPredictions(pred))
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        if json {
            var w = JSONWriter()
            w.object { w in
                w.field("gold", r.gold); w.field("predicted", r.predicted)
                w.field("detected", r.detected); w.field("attributed", r.attributed)
                w.field("detection", object: { w in
                    w.field("precision", r.detection.precision); w.field("recall", r.detection.recall); w.field("f1", r.detection.f1)
                })
                w.field("attribution", object: { w in
                    w.field("precision", r.attribution.precision); w.field("recall", r.attribution.recall); w.field("f1", r.attribution.f1)
                })
                w.field("date_accuracy", r.dateAccuracy)
            }
            print(w.string)
            return
        }
        for g in r.missed.prefix(show) { print("missed      \(g.docID)  \(g.slugs.first ?? "?")  \(g.anchor)") }
        for (g, p) in r.wrongSpeaker.prefix(show) {
            print("wrong       \(g.docID)  gold=\(g.slugs.first ?? "?") got=\(p.actorID ?? "nil")  \(g.anchor)")
        }
        for p in r.spurious.prefix(show) {
            print("spurious    \(p.docID ?? "?")  \(p.actorID ?? "nil")  \(String((p.content ?? "").prefix(80)))")
        }
        print("gold=\(r.gold) predicted=\(r.predicted) detected=\(r.detected) attributed=\(r.attributed)")
        print("detection   P=\(f(r.detection.precision)) R=\(f(r.detection.recall)) F1=\(f(r.detection.f1))")
        if let d = r.dateAccuracy { print("date        accuracy=\(f(d)) (matched statements dated like their article)") }
        print("attribution P=\(f(r.attribution.precision)) R=\(f(r.attribution.recall)) F1=\(f(r.attribution.f1))")
    }
}
