import ArgumentParser
import Foundation
import Qawl

struct Actors: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors",
        abstract: "Work with the actor registry (data/actors/).",
        subcommands: [Check.self, Suggest.self, Cost.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate the registry: unique ids and aliases, single-holder roles without overlaps, well-formed dates.",
            discussion: "Prints every problem with its file and entry; exit status 1 when there are errors (warnings alone pass).")

        @Option(name: .long, help: "Registry folder (default: data/actors next to the binary, or $QAWL_DATA/actors).")
        var actors: String?

        func run() throws {
            let dir = try registryDirectory(actors)
            let registry: ActorRegistry
            do { registry = try ActorRegistry.load(directory: dir) } catch {
                FileHandle.standardError.write(Data("qawl: \(error)\n".utf8))
                throw ExitCode(1)
            }
            let problems = registry.validate()
            for p in problems { print(p) }
            let errors = problems.filter(\.isError).count
            let people = registry.actors.filter { $0.kind == .person }.count
            print("\(dir.path): \(registry.actors.count) actors (\(people) people), \(registry.roles.count) roles, \(registry.actors.reduce(0) { $0 + $1.roles.count }) role tenures; \(errors) errors, \(problems.count - errors) warnings")
            if errors > 0 { throw ExitCode(1) }
        }
    }

    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suggest",
            abstract: "List the most frequent unlinked speakers of a run, with sample sentences, to grow the registry.")

        @Argument(help: "Output directory of a run.")
        var out: String

        @Option(name: .long, help: "How many speakers to list.")
        var top = 50

        @Option(name: .long, help: "Sample sentences per speaker.")
        var samples = 2

        func run() throws {
            let url = URL(fileURLWithPath: out).appendingPathComponent("statements.jsonl")
            guard let handle = FileHandle(forReadingAtPath: url.path) else {
                throw ValidationError("\(url.path): no statements.jsonl (is \(out) the output directory of a run?)")
            }
            var counts: [String: (n: Int, name: String, samples: [String])] = [:]
            var pending = Data()
            func take(_ line: Data) {
                guard let o = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
                      let id = o["actor_id"] as? String, id.isUnlinkedActorID else { return }
                var entry = counts[id] ?? (0, o["speaker"] as? String ?? id, [])
                entry.n += 1
                if entry.samples.count < samples, let s = o["sentence"] as? String { entry.samples.append(String(s.prefix(200))) }
                counts[id] = entry
            }
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                pending.append(chunk)
                while let nl = pending.firstIndex(of: 0x0A) {
                    take(pending[pending.startIndex..<nl])
                    pending.removeSubrange(pending.startIndex...nl)
                }
            }
            if !pending.isEmpty { take(pending) }
            for (id, e) in counts.sorted(by: { $0.value.n != $1.value.n ? $0.value.n > $1.value.n : $0.key < $1.key }).prefix(top) {
                print("\(e.n)\t\(id)\t\(e.name)")
                for s in e.samples { print("\t\t\(s)") }
            }
        }
    }
}

extension Actors {
    struct Cost: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cost",
            abstract: "Measure what the registry adds to extraction time on some inputs.",
            discussion: """
                Extracts every document twice, with the registry and with an empty one, timing both side \
                by side on one thread in alternating order (thread CPU seconds inside extraction), so \
                the machine's changing speed falls on both alike. Prints both times, the statements \
                and links each found, and the registry's share of extraction time. Nothing is written.
                """)

        @OptionGroup var input: InputOptions

        @Option(name: .long, help: "Times each document is extracted by each extractor.")
        var rounds = 1

        func validate() throws {
            if rounds < 1 { throw ValidationError("--rounds must be at least 1") }
        }

        func run() throws {
            var c = try input.configuration()
            let empty = FileManager.default.temporaryDirectory
                .appendingPathComponent("qawl-empty-registry-\(ProcessInfo.processInfo.processIdentifier)")
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: empty) }
            let with: Components, without: Components
            do {
                with = try Components.standard(configuration: c)
                c.actors = empty.path
                c.registryCache = "off"
                without = try Components.standard(configuration: c)
            } catch {
                throw ValidationError("\(error)")
            }
            let inputs: [String]
            do { inputs = try with.expand(c.inputs) } catch {
                FileHandle.standardError.write(Data("qawl: \(error)\n".utf8))
                throw ExitCode(1)
            }
            let cost = RegistryCost.measure(inputs: inputs, open: with.open, parser: with.parser,
                                            with: with.extractor!, without: without.extractor!, rounds: rounds)
            func side(_ s: RegistryCost.Side) -> String {
                String(format: "%.3f CPU-s (%d statements, %d linked)", s.seconds, s.statements, s.linked)
            }
            print("documents: \(cost.documents), each extracted \(cost.rounds)× by each extractor")
            print("with the registry (\(with.registryDescription ?? "")): \(side(cost.withRegistry))")
            print("with an empty registry: \(side(cost.withoutRegistry))")
            print(String(format: "registry share of extraction time: %.3f", cost.share))
        }
    }
}

func registryDirectory(_ explicit: String?) throws -> URL {
    if let explicit { return URL(fileURLWithPath: explicit) }
    guard let data = DataDirectory.locate() else {
        throw ValidationError("cannot find the data/ folder: give --actors DIR or set QAWL_DATA")
    }
    return data.appendingPathComponent("actors")
}

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine partial outputs of several runs or shards into one output.",
        discussion: "The result equals one run over all the shards' inputs (each shard is an output directory holding qawl.sqlite, as written by `qawl run --partial`).")

    @Argument(help: "Partial output directories.")
    var parts: [String]

    @Option(name: .long, help: "Output directory.")
    var out: String

    func validate() throws {
        if parts.isEmpty { throw ValidationError("give at least one partial output directory") }
    }

    func run() throws {
        do {
            let report = try Runner.merge(parts: parts, out: out, registry: nil)
            let d = report?.documents
            FileHandle.standardError.write(Data("qawl: merged \(parts.count) parts: \(d?.read ?? 0) documents, \(report?.statementsTotal ?? 0) statements → \(out)\n".utf8))
        } catch {
            FileHandle.standardError.write(Data("qawl: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
