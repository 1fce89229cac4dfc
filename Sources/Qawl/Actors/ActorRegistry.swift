import Foundation
import Yams

/// Everyone the pipeline can name as a speaker, with their roles over time, loaded from the YAML
/// files of `data/actors/` (format in `data/actors/README.md`).
///
/// The registry answers the two questions extraction asks: "who is `sergey-lavrov`?" and "who was
/// «وزير الخارجية الأمريكي» on 2017-04-12?" → `holders(of: "us-secretary-of-state", on: "2017-04-12")`
/// is `[rex-tillerson]`.
public struct ActorRegistry: Sendable {
    public var actors: [Actor]
    public var roles: [Role]
    /// File name (e.g. `arab-league.yaml`) each actor and role was read from, by id, so that
    /// `validate()` can say where a problem lives. Empty for registries built in code.
    public var actorSources: [String: String]
    public var roleSources: [String: String]

    private var actorIndex: [String: Int]
    private var roleIndex: [String: Int]
    /// Role id → (actor index, tenure) pairs, for date lookups without scanning every actor.
    private var tenures: [String: [(actor: Int, tenure: RoleTenure)]]

    public init(actors: [Actor], roles: [Role],
                actorSources: [String: String] = [:], roleSources: [String: String] = [:]) {
        self.actors = actors
        self.roles = roles
        self.actorSources = actorSources
        self.roleSources = roleSources
        // capacities reserved: grown by doubling, the tables rehashed every id several times
        var actorIndex: [String: Int] = [:]
        actorIndex.reserveCapacity(actors.count)
        var tenures: [String: [(actor: Int, tenure: RoleTenure)]] = [:]
        tenures.reserveCapacity(roles.count)
        for (i, actor) in actors.enumerated() {
            if actorIndex[actor.id] == nil { actorIndex[actor.id] = i }
            for tenure in actor.roles { tenures[tenure.role, default: []].append((i, tenure)) }
        }
        var roleIndex: [String: Int] = [:]
        roleIndex.reserveCapacity(roles.count)
        for (i, role) in roles.enumerated() where roleIndex[role.id] == nil { roleIndex[role.id] = i }
        self.actorIndex = actorIndex
        self.roleIndex = roleIndex
        self.tenures = tenures
    }

    /// Reads every `*.yaml` file of `directory`, sorted by name.
    /// Throws `RegistryLoadError` naming the file and the entry when a file does not fit the format.
    public static func load(directory: URL) throws -> ActorRegistry {
        let fm = FileManager.default
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .sorted()
        } catch {
            throw RegistryLoadError.unreadable(file: directory.path, reason: "\(error)")
        }
        // Files are parsed concurrently (YAML parsing is most of a small run's start-up) and
        // merged in name order, so the result does not depend on which finishes first.
        let parsed = ConcurrentResults<RegistryFileParser.Contents>(count: names.count)
        DispatchQueue.concurrentPerform(iterations: names.count) { i in
            let name = names[i]
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path),
                  let text = String(data: data, encoding: .utf8) else {
                parsed.set(i, .failure(RegistryLoadError.unreadable(file: name, reason: "not readable as UTF-8")))
                return
            }
            parsed.set(i, Result { try RegistryFileParser.parse(text, file: name) })
        }
        var actors: [Actor] = []
        var roles: [Role] = []
        var actorSources: [String: String] = [:]
        var roleSources: [String: String] = [:]
        for (name, result) in zip(names, parsed.results) {
            let file = try result!.get()
            for role in file.roles where roleSources[role.id] == nil { roleSources[role.id] = name }
            for actor in file.actors where actorSources[actor.id] == nil { actorSources[actor.id] = name }
            roles += file.roles
            actors += file.actors
        }
        return ActorRegistry(actors: actors, roles: roles, actorSources: actorSources, roleSources: roleSources)
    }

    public func actor(id: String) -> Actor? {
        actorIndex[id].map { actors[$0] }
    }

    public func role(id: String) -> Role? {
        roleIndex[id].map { roles[$0] }
    }

    /// Actors holding `roleID` on `date` (ISO `YYYY-MM-DD`; both tenure ends inclusive, an open end
    /// is unbounded). On a hand-over day both the outgoing and the incoming holder are returned,
    /// the incoming one first.
    public func holders(of roleID: String, on date: String) -> [Actor] {
        guard let list = tenures[roleID] else { return [] }
        let matching = list.filter { entry in
            if let from = entry.tenure.from, date < from { return false }
            if let until = entry.tenure.until, date > until { return false }
            return true
        }
        return matching
            .sorted { ($0.tenure.from ?? "") > ($1.tenure.from ?? "") }
            .map { actors[$0.actor] }
    }

    /// Actors holding `roleID` at any time between `start` and `end` (ISO dates, inclusive), most
    /// recent tenure first: the fallback for an undated document, resolved over the run's date range.
    /// `holders(of: "us-secretary-of-state", between: "2018-01-01", and: "2018-12-31")` is
    /// `[mike-pompeo, rex-tillerson]`.
    public func holders(of roleID: String, between start: String, and end: String) -> [Actor] {
        guard let list = tenures[roleID] else { return [] }
        var seen: Set<Int> = []
        return list
            .filter { entry in
                if let from = entry.tenure.from, end < from { return false }
                if let until = entry.tenure.until, start > until { return false }
                return true
            }
            .sorted { ($0.tenure.from ?? "") > ($1.tenure.from ?? "") }
            .filter { seen.insert($0.actor).inserted }
            .map { actors[$0.actor] }
    }

    /// Every tenure of `roleID`, in registry order, with its holder.
    public func tenures(of roleID: String) -> [(actor: Actor, tenure: RoleTenure)] {
        (tenures[roleID] ?? []).map { (actors[$0.actor], $0.tenure) }
    }

    /// Consistency checks run by `qawl actors check`; see `RegistryValidator`.
    public func validate() -> [RegistryProblem] {
        RegistryValidator(registry: self).problems()
    }
}

/// What went wrong reading a registry file, and where.
public enum RegistryLoadError: Error, CustomStringConvertible, Equatable {
    case unreadable(file: String, reason: String)
    case invalidYAML(file: String, reason: String)
    /// An entry does not fit the format: `entry` is its id when it has one, else its position
    /// (`actors[3]`), `line` its 1-based line.
    case malformedEntry(file: String, entry: String, line: Int?, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): unreadable: \(reason)"
        case let .invalidYAML(file, reason): return "\(file): invalid YAML: \(reason)"
        case let .malformedEntry(file, entry, line, reason):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(entry): \(reason)"
        }
    }
}
