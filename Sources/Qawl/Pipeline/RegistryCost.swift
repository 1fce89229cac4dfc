import Foundation

/// What the actor registry adds to extraction time: every document is extracted twice, by an
/// extractor built with the registry and by one built with an empty registry, and the two are
/// timed side by side.
///
/// Why side by side: this project's machines are virtual, and their speed moves by 10–20 % from
/// one run to the next, more than the share being measured. Two separate runs (one with the
/// registry, one without) compare two speeds of the machine as much as two extractors. Here both
/// extractions of a document run within a millisecond of each other on the same thread, in
/// alternating order (so neither always finds the document warm in the cache), and the machine's
/// drift falls on both sides alike.
///
/// The times are the thread's CPU seconds inside `extract(from:)`; each extractor is prepared for
/// the document's language before the clock starts (`prepare(for:)`), so building an extractor is
/// start-up, as in a run.
public struct RegistryCost: Sendable {
    /// One extractor's totals.
    public struct Side: Sendable, Equatable {
        public var seconds = 0.0
        public var statements = 0
        /// Statements whose speaker is a registry actor (not `unlinked:…`).
        public var linked = 0
    }

    /// Documents extracted (each by both extractors, `rounds` times).
    public var documents = 0
    public var rounds = 1
    public var withRegistry = Side()
    public var withoutRegistry = Side()

    /// The registry's share of extraction time: (with − without) / with. Negative when the
    /// registry makes extraction cheaper (a known name ends searches that a bare text continues).
    public var share: Double {
        withRegistry.seconds > 0 ? (withRegistry.seconds - withoutRegistry.seconds) / withRegistry.seconds : 0
    }

    /// Reads `inputs` once (one worker parses, in input order) and extracts each document with
    /// both extractors, `rounds` times each, alternating which goes first.
    public static func measure(inputs: [String], open: @escaping Pipeline.Opener, parser: any DocumentParser,
                               with registry: any StatementExtractor, without empty: any StatementExtractor,
                               rounds: Int = 1) -> RegistryCost {
        var cost = RegistryCost()
        cost.rounds = max(1, rounds)
        let pipeline = Pipeline(inputs: inputs, open: open, parser: parser, extractor: nil,
                                options: .init(jobs: 1))
        func timed(_ extractor: any StatementExtractor, _ document: Document, _ side: inout Side, count: Bool) {
            let t0 = threadCPUSeconds()
            let statements = extractor.extract(from: document)
            side.seconds += threadCPUSeconds() - t0
            guard count else { return }
            side.statements += statements.count
            side.linked += statements.lazy.filter { !$0.actorID.isUnlinkedActorID }.count
        }
        pipeline.run { event in
            guard case .document(let document, _) = event else { return }
            registry.prepare(for: document)
            empty.prepare(for: document)
            for round in 0..<cost.rounds {
                let first = round == 0
                if (cost.documents + round) % 2 == 0 {
                    timed(registry, document, &cost.withRegistry, count: first)
                    timed(empty, document, &cost.withoutRegistry, count: first)
                } else {
                    timed(empty, document, &cost.withoutRegistry, count: first)
                    timed(registry, document, &cost.withRegistry, count: first)
                }
            }
            cost.documents += 1
        }
        return cost
    }
}
