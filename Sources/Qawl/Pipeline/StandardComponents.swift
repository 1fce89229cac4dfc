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
    /// `background`: the registry snapshot is loaded here (its errors are reported at once), but the
    /// extractors are built on another thread while the run starts reading (`BackgroundExtractor`);
    /// the caller must call `ready()` before it keeps any result (`Runner` does).
    public static func standard(configuration c: RunConfiguration, extract: Bool = true,
                                background: Bool = false) throws -> Components {
        guard let data = DataDirectory.locate(explicit: c.data) else { throw SetupError.noDataDirectory }
        let mapping = FieldMapping(c.fieldMapping)
        if !mapping.unknownFields.isEmpty { throw SetupError.unknownFieldMapping(mapping.unknownFields) }
        let options = ReaderOptions(maxRecordBytes: c.maxRecordMB << 20, fieldMapping: mapping)
        let parser = try DocumentBuilder(dataDirectory: data)
        var extractor: (any StatementExtractor)?
        var registryDescription: String?
        var ready: () throws -> Void = {}
        var fingerprint = ExtractionFingerprint.none
        if extract {
            let registryDir = c.actors.map { URL(fileURLWithPath: $0) } ?? data.appendingPathComponent("actors")
            let loaded = try RegistrySnapshot.load(directory: registryDir, cache: c.registryCacheDirectory)
            if case .corrupt(let reason) = loaded.outcome {
                FileHandle.standardError.write(Data("qawl: warning: registry snapshot in \(c.registryCacheDirectory?.path ?? "") is unreadable (\(reason)); rebuilt from \(registryDir.path)\n".utf8))
            }
            let registry = loaded.registry
            fingerprint = try ExtractionFingerprint.compute(lexicons: data.appendingPathComponent("lexicons"),
                                                            registry: registryDir, languages: c.languages)
            registryDescription = "\(registryDir.path) (\(registry.actors.count) actors, \(registry.roles.count) roles)"
            // One trie for both extractors (they differ only in clitics); they then load their
            // lexicons and build their own indexes in parallel.
            let languages = c.languages
            let build: @Sendable () throws -> any StatementExtractor = {
                let matcher = ActorMatcher(actors: registry.actors, roles: registry.roles,
                                           clitics: .none, names: loaded.names)
                let arabic: @Sendable () throws -> any StatementExtractor = {
                    try ArabicExtractor(dataDirectory: data, matcher: matcher)
                }
                let english: @Sendable () throws -> any StatementExtractor = {
                    try EnglishExtractor(dataDirectory: data, matcher: matcher)
                }
                let builders = [("ar", arabic), ("en", english)].filter { languages.contains($0.0) }
                let built = ConcurrentResults<any StatementExtractor>(count: builders.count)
                DispatchQueue.concurrentPerform(iterations: builders.count) { i in
                    built.set(i, Result { try builders[i].1() })
                }
                var byLanguage: [String: any StatementExtractor] = [:]
                for (language, extractor) in zip(builders.map(\.0), try built.values()) { byLanguage[language] = extractor }
                return LanguageRouter(extractors: byLanguage)
            }
            if background {
                let pending = BackgroundExtractor(build)
                extractor = pending
                ready = pending.ready
            } else {
                extractor = try build()
            }
        }
        var components = Components(
            expand: expandKeepingMissing,
            open: { path in
                let opened = try InputOpener.open(path: path, options: options)
                return Pipeline.OpenedStream(reader: opened.reader, source: opened.source,
                                             format: (opened.gzipped ? "gzip+" : "") + opened.format.rawValue)
            },
            parser: parser,
            extractor: extractor,
            registryDescription: registryDescription,
            ready: ready)
        components.extractionFingerprint = fingerprint
        return components
    }
}

/// Sends each document to the extractor of its language; documents in other languages yield no
/// statements (they are still counted as parsed).
public struct LanguageRouter: StatementExtractor {
    public var extractors: [String: any StatementExtractor]
    public init(extractors: [String: any StatementExtractor]) { self.extractors = extractors }
    public func extract(from document: Document) -> [Statement] {
        extractors[document.lang]?.extract(from: document) ?? []
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
