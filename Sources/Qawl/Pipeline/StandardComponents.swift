import Foundation

extension Components {
    public enum SetupError: Error, CustomStringConvertible {
        case noDataDirectory
        case unknownFieldMapping([String])
        public var description: String {
            switch self {
            case .noDataDirectory:
                return "cannot find the data/ folder (lexicons, actor registry): give --data DIR or set QAWL_DATA"
            case .unknownFieldMapping(let names):
                return "field_mapping: unknown field(s) \(names.joined(separator: ", ")); known: \(FieldMapping.fieldNames.sorted().joined(separator: ", "))"
            }
        }
    }

    /// The real pipeline: readers chosen by content, libxml2 parsing, and (unless `extract` is false)
    /// statement extraction with the actor registry.
    ///
    /// `background`: the registry snapshot is loaded and the extractors are built on another thread
    /// while the run starts reading (`BackgroundExtractor`; loading the snapshot of 6,700 actors
    /// takes 20 ms, a tenth of a small WARC's run on two cores); the caller must call `ready()`
    /// before it keeps any result (`Runner` does), which throws a registry that does not load.
    /// Otherwise the registry's errors are thrown here.
    public static func standard(configuration c: RunConfiguration, extract: Bool = true,
                                background: Bool = false) throws -> Components {
        guard let data = DataDirectory.locate(explicit: c.data) else { throw SetupError.noDataDirectory }
        let mapping = FieldMapping(c.fieldMapping)
        if !mapping.unknownFields.isEmpty { throw SetupError.unknownFieldMapping(mapping.unknownFields) }
        let options = ReaderOptions(maxRecordBytes: c.maxRecordMB << 20, fieldMapping: mapping)
        let parser = try DocumentBuilder(dataDirectory: data)
        var extractor: (any StatementExtractor)?
        var describe: () -> String? = { nil }
        var ready: () throws -> Void = {}
        var fingerprintOf: () -> String = { ExtractionFingerprint.none }
        if extract {
            let registryDir = c.actors.map { URL(fileURLWithPath: $0) } ?? data.appendingPathComponent("actors")
            let cacheDir = c.registryCacheDirectory
            let languages = c.languages
            let computeFingerprint: @Sendable () throws -> String = {
                try ExtractionFingerprint.compute(lexicons: data.appendingPathComponent("lexicons"),
                                                  registry: registryDir, languages: languages)
            }
            let described = Described()
            // One trie for both extractors (they differ only in clitics), built in the background;
            // each language's extractor (its lexicons and indexes) is built when the first
            // document in that language needs it (`LanguageRouter`), so an English dump never
            // builds the Arabic linking indexes.
            let build: @Sendable () throws -> LanguageRouter = {
                let loaded = try RegistrySnapshot.load(directory: registryDir, cache: cacheDir)
                if case .corrupt(let reason) = loaded.outcome {
                    FileHandle.standardError.write(Data("qawl: warning: registry snapshot in \(cacheDir?.path ?? "") is unreadable (\(reason)); rebuilt from \(registryDir.path)\n".utf8))
                }
                let registry = loaded.registry
                described.text = "\(registryDir.path) (\(registry.actors.count) actors, \(registry.roles.count) roles)"
                let matcher = ActorMatcher(actors: registry.actors, roles: registry.roles,
                                           clitics: .none, names: loaded.names, trie: loaded.trie)
                var builders: [String: @Sendable () throws -> any StatementExtractor] = [:]
                if languages.contains("ar") {
                    builders["ar"] = {
                        let extractor = try ArabicExtractor(dataDirectory: data, matcher: matcher, cache: loaded.cache)
                        if case .corrupt(let reason) = extractor.indexOutcome {
                            FileHandle.standardError.write(Data("qawl: warning: Arabic linking index in \(loaded.cache?.folder.path ?? "") is unreadable (\(reason)); rebuilt\n".utf8))
                        }
                        return extractor
                    }
                }
                if languages.contains("en") {
                    builders["en"] = { try EnglishExtractor(dataDirectory: data, matcher: matcher) }
                }
                return LanguageRouter(builders: builders)
            }
            if background {
                let pending = BackgroundExtractor(build)
                // Reading every lexicon and registry file to hash them (4.5 ms) runs beside it.
                let fingerprinted = BackgroundValue(name: "qawl-fingerprint", computeFingerprint)
                extractor = pending
                ready = { try pending.ready(); _ = try fingerprinted.get().get() }
                describe = { _ = pending.built; return described.text }
                fingerprintOf = { (try? fingerprinted.get().get()) ?? ExtractionFingerprint.none }
            } else {
                let value = try computeFingerprint()
                fingerprintOf = { value }
                // Built at once, every language (their errors are thrown here).
                let router = try build()
                try router.buildAll()
                extractor = router
                describe = { described.text }
            }
        }
        var components = Components(
            expand: expandKeepingMissing,
            open: { path in
                let opened = try InputOpener.open(path: path, options: options)
                let file = opened.file
                return Pipeline.OpenedStream(reader: opened.reader, source: opened.source,
                                             format: (opened.gzipped ? "gzip+" : "") + opened.format.rawValue,
                                             contentHash: { file.contentHash })
            },
            parser: parser,
            extractor: extractor,
            ready: ready)
        components.describeRegistry = describe
        components.fingerprintOf = fingerprintOf
        return components
    }
}

/// The registry's description, set by the build that loads it (before `BackgroundExtractor`'s
/// build is over, which whoever reads it waits for).
private final class Described: @unchecked Sendable {
    var text: String?
}

/// Sends each document to the extractor of its language; documents in other languages yield no
/// statements (they are still counted as parsed).
///
/// An extractor given as a builder is built on the first document in its language, once, by the
/// worker that meets it (the others wait): in `prepare(for:)`, which the pipeline calls before
/// `extract(from:)`, so the build is start-up, not extraction (`make bench` counts instructions
/// inside `extract(from:)` as extraction). A failed build is thrown by `checkPrepared()`.
public struct LanguageRouter: StatementExtractor {
    /// One stored reference, so that the optimiser passes the router whole: `make bench` counts
    /// instructions inside `extract(from:)` by its symbol, which a split-up copy would not carry.
    private let table: Table

    private final class Table: Sendable {
        let slots: [String: BuildOnce<any StatementExtractor>]
        /// The languages, sorted: the order of `buildAll` and of errors.
        let languages: [String]
        init(_ slots: [String: BuildOnce<any StatementExtractor>]) {
            self.slots = slots
            languages = slots.keys.sorted()
        }
    }

    public init(extractors: [String: any StatementExtractor]) {
        table = Table(extractors.mapValues { BuildOnce(built: $0) })
    }

    public init(builders: [String: @Sendable () throws -> any StatementExtractor]) {
        table = Table(builders.mapValues { BuildOnce($0) })
    }

    public func prepare(for document: Document) {
        _ = table.slots[document.lang]?.get()
    }

    public func isPrepared(for document: Document) -> Bool {
        table.slots[document.lang]?.isAvailable ?? true
    }

    public func extract(from document: Document) -> [Statement] {
        guard case .success(let extractor)? = table.slots[document.lang]?.get() else { return [] }
        return extractor.extract(from: document)
    }

    public func checkPrepared() throws {
        for language in table.languages {
            if case .failure(let error)? = table.slots[language]!.outcome { throw error }
        }
    }

    /// The languages whose extractor is built (or failed to build) so far, sorted.
    public var builtLanguages: [String] { table.languages.filter { table.slots[$0]!.outcome != nil } }

    /// Builds every language's extractor now, in parallel; throws the first failure in language order.
    public func buildAll() throws {
        let pending = table.languages.map { table.slots[$0]! }
        DispatchQueue.concurrentPerform(iterations: pending.count) { i in _ = pending[i].get() }
        try checkPrepared()
    }
}

/// Expands each input on its own, so that one missing file or empty glob does not stop the run: it
/// stays in the list as given, fails to open, and is reported in errors.jsonl (exit status 1).
func expandKeepingMissing(_ inputs: [String]) throws -> [String] {
    var out: [String] = []
    for input in inputs {
        if let expanded = try? InputExpander.expand([input]) { out += expanded } else { out.append(input) }
    }
    var seen = Set<String>()
    return out.filter { seen.insert($0).inserted }
}
