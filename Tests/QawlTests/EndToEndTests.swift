import Foundation
import XCTest
@testable import Qawl

/// The real pipeline (readers, libxml2, extraction, registry) over the bundled samples: every
/// format, every document accounted for, and outputs that do not depend on `--jobs`.
final class EndToEndTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var samples: [String] {
        ["ant-sample.jsonl.gz", "ant-sample.trec.xml.gz", "news-pages-sample.warc.gz", "000_7c6445b88433139e.txt"]
            .map { root.appendingPathComponent("data/samples/\($0)").path }
    }

    func configuration(out: URL, jobs: Int) -> RunConfiguration {
        var c = RunConfiguration()
        c.inputs = samples
        c.out = out.path
        c.jobs = jobs
        c.data = root.appendingPathComponent("data").path
        return c
    }

    func documentsJSON(jobs: Int) throws -> [UInt8] {
        let c = configuration(out: FileManager.default.temporaryDirectory, jobs: jobs)
        let comp = try Components.standard(configuration: c, extract: false)
        let pipeline = Pipeline(inputs: try comp.expand(c.inputs), open: comp.open, parser: comp.parser,
                                extractor: nil, options: .init(jobs: jobs))
        var out: [UInt8] = []
        var w = JSONWriter()
        pipeline.run { event in
            if case .document(let d, _) = event { w.reset(); w.document(d); out += w.bytes + [0x0A] }
        }
        return out
    }

    func testDocsOutputIsByteIdenticalWhateverTheJobs() throws {
        let one = try documentsJSON(jobs: 1)
        XCTAssertEqual(one, try documentsJSON(jobs: 4))
        let lines = String(decoding: one, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, 100 + 300 + 30 + 1, "every sample document comes out once")
        XCTAssertTrue(lines.contains { $0.contains("\"doc_id\":\"000_7c6445b88433139e\"") })
    }

    func testRunOverSamplesAccountsForEveryDocumentAndFindsTheSeedSpeakers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = configuration(out: dir.appendingPathComponent("j2"), jobs: 2)
        // as `qawl run` does: the extractors are built while the reading starts (the --jobs 1 run
        // below builds them first; the outputs must not differ)
        let outcome = try Runner(configuration: c, components: try .standard(configuration: c, background: true), progress: false).run()
        XCTAssertEqual(outcome.exitCode, 0)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("j2/report.json"))) as? [String: Any])
        let docs = try XCTUnwrap(report["documents"] as? [String: Any])
        let read = docs["read"] as! Int, parsed = docs["parsed"] as! Int, skipped = docs["skipped"] as! Int, failed = docs["failed"] as! Int
        XCTAssertEqual(read, parsed + skipped + failed)
        XCTAssertGreaterThanOrEqual(read, 431)
        let statements = try String(contentsOf: dir.appendingPathComponent("j2/statements.jsonl"), encoding: .utf8)
        XCTAssertGreaterThan(statements.split(separator: "\n").count, 500)
        for actor in ["sergey-lavrov", "rex-tillerson"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("j2/timelines/\(actor).jsonl").path), actor)
        }
        let c1 = configuration(out: dir.appendingPathComponent("j1"), jobs: 1)
        _ = try Runner(configuration: c1, components: try .standard(configuration: c1), progress: false).run()
        for file in ["statements.jsonl", "errors.jsonl", "actors.json", "timelines/sergey-lavrov.jsonl"] {
            XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("j1/" + file)),
                           try Data(contentsOf: dir.appendingPathComponent("j2/" + file)), file)
        }
    }

    /// A language's extractor (lexicons, linking indexes: most of start-up) is built only when a
    /// document in that language comes: an English web dump never builds the Arabic one, an Arabic
    /// dump never the English one, and the statements are those of extractors built up front.
    func testEachLanguageExtractorIsBuiltOnlyForItsFirstDocument() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-lazy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (input, language) in [(samples[2], "en"), (samples[1], "ar")] {
            var c = configuration(out: dir.appendingPathComponent("lazy-\(language)"), jobs: 2)
            c.inputs = [input]
            let components = try Components.standard(configuration: c, background: true)
            let outcome = try Runner(configuration: c, components: components, progress: false).run()
            XCTAssertGreaterThan(outcome.aggregator.statements, 0, language)
            let router = try XCTUnwrap((components.extractor as? BackgroundExtractor)?.built as? LanguageRouter)
            XCTAssertEqual(router.builtLanguages, [language], "only the extractor of the dump's language is built")
            // the same statements as with every extractor built at once
            var eager = c
            eager.out = dir.appendingPathComponent("eager-\(language)").path
            let built = try Components.standard(configuration: eager)
            XCTAssertEqual((built.extractor as? LanguageRouter)?.builtLanguages, ["ar", "en"])
            _ = try Runner(configuration: eager, components: built, progress: false).run()
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: c.out).appendingPathComponent("statements.jsonl")),
                           try Data(contentsOf: URL(fileURLWithPath: eager.out).appendingPathComponent("statements.jsonl")), language)
        }
    }

    /// Workers that meet a language's first documents at once build its extractor once.
    func testALanguageExtractorIsBuiltOnceWhateverTheThreads() {
        let counter = ConcurrentResults<Int>()
        let builds = ConcurrentResults<Int>()
        let router = LanguageRouter(builders: ["en": {
            builds.set(builds.results.count, .success(1))
            Thread.sleep(forTimeInterval: 0.05)
            return NoStatements()
        }])
        let document = Document(docID: "d", published: nil, lang: "en", text: "x", source: "t", input: "i", record: 0)
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            router.prepare(for: document)
            counter.set(i, .success(router.extract(from: document).count))
        }
        XCTAssertEqual(builds.results.count, 1, "built once")
        XCTAssertEqual(router.builtLanguages, ["en"])
        XCTAssertEqual(try counter.values(), Array(repeating: 0, count: 8))
    }

    struct NoStatements: StatementExtractor {
        func extract(from document: Document) -> [Statement] { [] }
    }

    /// A run over the seed alone with its own copy of `data/` (to break or edit), writing `dir/out`.
    func seedRunWithOwnData(in dir: URL) throws -> (RunConfiguration, URL) {
        let data = dir.appendingPathComponent("data")
        try FileManager.default.copyItem(at: root.appendingPathComponent("data"), to: data)
        var c = configuration(out: dir.appendingPathComponent("out"), jobs: 2)
        c.inputs = [samples[3]]
        c.data = data.path
        c.registryCache = "off"
        return (c, data)
    }

    /// A lexicon that cannot be read while the extractors are built in the background must fail
    /// the run before anything is stored: no input may be remembered as done without its
    /// statements, so the next run (with the lexicon back) processes it.
    func testBackgroundSetupFailureStoresNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-setup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        var (c, broken) = try seedRunWithOwnData(in: dir)
        try fm.removeItem(at: broken.appendingPathComponent("lexicons/ar/cues.tsv"))
        XCTAssertThrowsError(try Runner(configuration: c, components: try .standard(configuration: c, background: true), progress: false).run()) { error in
            XCTAssertTrue(error is Runner.SetupFailed, "\(error)")
            XCTAssertTrue("\(error)".contains("cues.tsv"), "the error names the missing file: \(error)")
        }
        let store = try StatementStore(path: dir.appendingPathComponent("out/qawl.sqlite").path, readOnly: true)
        XCTAssertEqual(store.inputCount, 0, "nothing stored after a failed set-up")

        c.data = root.appendingPathComponent("data").path
        let outcome = try Runner(configuration: c, components: try .standard(configuration: c, background: true), progress: false).run()
        XCTAssertEqual(outcome.processed, [samples[3]], "the input is processed, not taken as unchanged")
        XCTAssertGreaterThanOrEqual(outcome.aggregator.statements, 14, "the seed's 14 gold statements at least")
        XCTAssertTrue(fm.fileExists(atPath: dir.appendingPathComponent("out/timelines/sergey-lavrov.jsonl").path))
    }

    /// A nightly run after the registry or a lexicon changed leaves yesterday's inputs alone; it
    /// must say that their statements carry the old links (and which inputs), not mix them silently.
    func testUnchangedInputsProcessedWithAnotherRegistryAreReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-stale-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var (c, data) = try seedRunWithOwnData(in: dir)
        func run(full: Bool = false) throws -> Runner.Outcome {
            var runner = Runner(configuration: c, components: try .standard(configuration: c), progress: false)
            runner.full = full
            return try runner.run()
        }
        XCTAssertEqual(try run().staleExtraction, [], "first run")
        XCTAssertEqual(try run().staleExtraction, [], "nothing changed")
        // README files are documentation: editing one changes no statement
        try Data("notes\n".utf8).write(to: data.appendingPathComponent("actors/README.md"))
        XCTAssertEqual(try run().staleExtraction, [])
        // a new alias in the registry
        let extra = "actors:\n  - id: test-person\n    type: person\n    name: Test Person\n    aliases:\n      ar: [شخص تجريبي]\n"
        try Data(extra.utf8).write(to: data.appendingPathComponent("actors/zz-test.yaml"))
        XCTAssertEqual(try run().staleExtraction, [samples[3]], "a run with nothing new only warns")
        c.inputs = [samples[3], samples[2]]   // and a new input: the outputs are written again
        let stale = try run()
        XCTAssertEqual(stale.staleExtraction, [samples[3]])
        XCTAssertEqual(stale.processed, [samples[2]], "the old input is reported, not processed again")
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/manifest.json"))) as? [String: Any])
        XCTAssertEqual(manifest["stale_extraction"] as? [String], [samples[3]])
        // --full processes it again with today's registry; afterwards nothing is stale
        XCTAssertEqual(try run(full: true).processed, [samples[3], samples[2]])
        XCTAssertEqual(try run().staleExtraction, [])
    }

    /// The fingerprint reads every data file below a folder, in subfolders too, by relative path in
    /// sorted order; documentation and hidden files and folders (an editor's, a VCS's) are not data.
    func testFingerprintFilesAreTheDataFilesBelowAFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for file in ["b.txt", "a/z.tsv", "a/b/c.txt", "README.md", "a/readme.txt", ".swp", ".git/config", "a/.hidden/x.txt"] {
            let url = dir.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.utf8).write(to: url)
        }
        XCTAssertEqual(try ExtractionFingerprint.files(under: dir), ["a/b/c.txt", "a/z.tsv", "b.txt"])
        XCTAssertThrowsError(try ExtractionFingerprint.files(under: dir.appendingPathComponent("missing")))
    }

    /// A dump copied again (same bytes, new modification time) is left alone by the next night's
    /// run: the hash its reader computed while processing it, through gzip and WARC, is the one
    /// the runner computes for a touched file. A file of the same size with other bytes is new.
    func testATouchedInputWithTheSameBytesIsUnchanged() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-touch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        let inputs = [samples[2], samples[3]].map { dir.appendingPathComponent(URL(fileURLWithPath: $0).lastPathComponent).path }
        for (from, to) in zip([samples[2], samples[3]], inputs) { try fm.copyItem(atPath: from, toPath: to) }
        var c = configuration(out: dir.appendingPathComponent("out"), jobs: 2)
        c.inputs = inputs
        c.registryCache = "off"
        func run() throws -> Runner.Outcome {
            try Runner(configuration: c, components: try .standard(configuration: c, extract: false), progress: false).run()
        }
        XCTAssertEqual(try run().processed, inputs)
        let later = Date().addingTimeInterval(3600)
        for path in inputs { try fm.setAttributes([.modificationDate: later], ofItemAtPath: path) }
        let touched = try run()
        XCTAssertEqual(touched.processed, [], "touched, not changed")
        XCTAssertEqual(touched.unchanged, inputs)

        var text = try XCTUnwrap(fm.contents(atPath: inputs[1]))
        text[text.count - 2] ^= 0x01
        try text.write(to: URL(fileURLWithPath: inputs[1]))
        try fm.setAttributes([.modificationDate: later.addingTimeInterval(60)], ofItemAtPath: inputs[1])
        XCTAssertEqual(try run().processed, [inputs[1]], "same size, other bytes")
    }
}
