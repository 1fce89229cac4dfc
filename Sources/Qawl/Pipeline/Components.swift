import Foundation

/// The parts a run is assembled from, so the CLI, tests and the Spark worker build the same
/// pipeline. `standard(...)` wires the real readers, the libxml2 parser, the extractors and the
/// actor registry.
public struct Components {
    public var expand: ([String]) throws -> [String]
    public var open: Pipeline.Opener
    public var parser: any DocumentParser
    public var extractor: (any StatementExtractor)?
    /// The registry's folder and size, for the manifest; waits for a registry still loading in
    /// the background.
    public var registryDescription: String? {
        get { describeRegistry() }
        set { describeRegistry = { newValue } }
    }
    var describeRegistry: () -> String?
    /// Waits for set-up still running in the background and throws its error; nothing a run
    /// produces may be kept before it returns (see `BackgroundExtractor`).
    public var ready: () throws -> Void
    /// What statements depend on besides the inputs (`ExtractionFingerprint`); recorded in the
    /// store for every input processed.
    /// Waits for a fingerprint still being computed in the background.
    public var extractionFingerprint: String {
        get { fingerprintOf() }
        set { fingerprintOf = { newValue } }
    }
    var fingerprintOf: () -> String = { ExtractionFingerprint.none }

    public init(expand: @escaping ([String]) throws -> [String], open: @escaping Pipeline.Opener,
                parser: any DocumentParser, extractor: (any StatementExtractor)?,
                registryDescription: String? = nil, ready: @escaping () throws -> Void = {}) {
        self.expand = expand
        self.open = open
        self.parser = parser
        self.extractor = extractor
        self.describeRegistry = { registryDescription }
        self.ready = ready
    }
}
