import Foundation
import Yams

/// A run configuration (`pipelines/nightly.yaml`). Command-line options override it; inputs given on
/// the command line replace its inputs.
///
///     inputs: [data/samples/]          # files, directories, globs
///     out: out
///     jobs: 0                          # 0: one per core
///     actors: data/actors              # registry folder
///     registry_cache: ~/.cache/qawl   # compiled registry snapshots (`off`: none); default $XDG_CACHE_HOME/qawl
///     max_record_mb: 16                # one document may not exceed this (decompression-bomb guard)
///     field_mapping: {text: article_body, date: crawl_date}   # extra JSON-lines field names
public struct RunConfiguration: Sendable, Equatable {
    public var inputs: [String] = []
    public var out: String = "out"
    public var jobs: Int = 0
    public var actors: String? = nil
    public var data: String? = nil
    /// Folder of compiled registry snapshots (`RegistrySnapshot`); nil for the default
    /// (`$XDG_CACHE_HOME/qawl`, else `~/.cache/qawl`), `off` for none.
    public var registryCache: String? = nil
    public var maxRecordMB: Int = 16
    public var fieldMapping: [String: String] = [:]
    public var languages: [String] = ["ar", "en"]
    public var path: String? = nil

    public init() {}

    /// Where registry snapshots are kept, or nil when they are off.
    public var registryCacheDirectory: URL? {
        guard let registryCache else { return RegistrySnapshot.defaultCacheDirectory() }
        if registryCache == "off" || registryCache.isEmpty { return nil }
        return URL(fileURLWithPath: (registryCache as NSString).expandingTildeInPath)
    }

    public enum ConfigError: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case invalid(path: String, key: String, reason: String)
        public var description: String {
            switch self {
            case .unreadable(let path, let reason): return "\(path): cannot read configuration: \(reason)"
            case .invalid(let path, let key, let reason): return "\(path): `\(key)`: \(reason)"
            }
        }
    }

    public static func load(_ path: String) throws -> RunConfiguration {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConfigError.unreadable(path: path, reason: "\(error)")
        }
        let node: Any?
        do { node = try Yams.load(yaml: text) } catch {
            throw ConfigError.unreadable(path: path, reason: "not valid YAML: \(error)")
        }
        guard let map = node as? [String: Any] else {
            throw ConfigError.invalid(path: path, key: "(top level)", reason: "expected a mapping")
        }
        var c = RunConfiguration()
        c.path = path
        let known: Set<String> = ["inputs", "out", "jobs", "actors", "data", "registry_cache", "max_record_mb", "field_mapping", "languages"]
        for key in map.keys where !known.contains(key) {
            throw ConfigError.invalid(path: path, key: key, reason: "unknown key (known: \(known.sorted().joined(separator: ", ")))")
        }
        if let v = map["inputs"] {
            if let s = v as? String { c.inputs = [s] }
            else if let a = v as? [Any] { c.inputs = a.map { "\($0)" } }
            else { throw ConfigError.invalid(path: path, key: "inputs", reason: "expected a list of paths or globs") }
        }
        if let v = map["out"] { c.out = "\(v)" }
        if let v = map["jobs"] {
            guard let n = v as? Int, n >= 0 else { throw ConfigError.invalid(path: path, key: "jobs", reason: "expected a number ≥ 0") }
            c.jobs = n
        }
        if let v = map["actors"] { c.actors = "\(v)" }
        if let v = map["data"] { c.data = "\(v)" }
        if let v = map["registry_cache"] { c.registryCache = "\(v)" }
        if let v = map["max_record_mb"] {
            guard let n = v as? Int, n > 0 else { throw ConfigError.invalid(path: path, key: "max_record_mb", reason: "expected a positive number") }
            c.maxRecordMB = n
        }
        if let v = map["field_mapping"] {
            guard let m = v as? [String: Any] else { throw ConfigError.invalid(path: path, key: "field_mapping", reason: "expected a mapping of field to source name") }
            c.fieldMapping = m.mapValues { "\($0)" }
        }
        if let v = map["languages"] {
            guard let a = v as? [Any] else { throw ConfigError.invalid(path: path, key: "languages", reason: "expected a list") }
            c.languages = a.map { "\($0)" }
        }
        return c
    }
}
