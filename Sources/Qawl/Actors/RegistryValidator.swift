import Foundation

/// One thing `qawl actors check` reports: where (file, entry id) and what.
/// Errors make the check fail; warnings (an alias shared by two actors) are printed only.
public struct RegistryProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    /// File the entry was read from (`arab-league.yaml`), or "" for registries built in code.
    public var file: String
    /// Actor or role id the problem is about.
    public var id: String
    public var message: String

    public init(severity: Severity, file: String, id: String, message: String) {
        self.severity = severity
        self.file = file
        self.id = id
        self.message = message
    }

    public var isError: Bool { severity == .error }

    public var description: String {
        "\(severity.rawValue): \(file.isEmpty ? "" : file + ": ")\(id): \(message)"
    }
}

/// The registry's consistency rules:
/// - ids are lowercase ASCII slugs (`sergey-lavrov`) and unique among actors and among roles;
/// - every tenure names a defined role, every role organisation a defined actor;
/// - dates are real `YYYY-MM-DD` dates and `from` ≤ `until`;
/// - a single-holder role has at most one holder on any day, except on a hand-over day
///   (Tillerson … 2018-03-31, Pompeo 2018-04-26 … is fine; Trump until 2021-01-20 and Biden from
///   2021-01-20 is fine too);
/// - an alias (after `AliasKey` normalisation) that names two different actors is a warning:
///   the matcher cannot tell them apart; so is a context alias that is also a plain alias (it would
///   link without its context). Context aliases may be shared: the document decides between them.
struct RegistryValidator {
    let registry: ActorRegistry

    func problems() -> [RegistryProblem] {
        var result: [RegistryProblem] = []
        func add(_ severity: RegistryProblem.Severity, actor id: String, _ message: String) {
            result.append(RegistryProblem(severity: severity, file: registry.actorSources[id] ?? "", id: id, message: message))
        }
        func addRole(_ severity: RegistryProblem.Severity, role id: String, _ message: String) {
            result.append(RegistryProblem(severity: severity, file: registry.roleSources[id] ?? "", id: id, message: message))
        }

        var seenRoles: Set<String> = []
        for role in registry.roles {
            if !Self.isSlug(role.id) { addRole(.error, role: role.id, "role id is not a lowercase ASCII slug") }
            if !seenRoles.insert(role.id).inserted { addRole(.error, role: role.id, "duplicate role id") }
            if let organisation = role.organisation, registry.actor(id: organisation) == nil {
                addRole(.error, role: role.id, "unknown organisation `\(organisation)`")
            }
            if role.aliases.isEmpty { addRole(.warning, role: role.id, "role has no aliases") }
        }

        var seenActors: Set<String> = []
        for actor in registry.actors {
            if !Self.isSlug(actor.id) { add(.error, actor: actor.id, "actor id is not a lowercase ASCII slug") }
            if !seenActors.insert(actor.id).inserted { add(.error, actor: actor.id, "duplicate actor id") }
            if actor.aliases.isEmpty { add(.warning, actor: actor.id, "actor has no aliases") }
            for tenure in actor.roles {
                if registry.role(id: tenure.role) == nil {
                    add(.error, actor: actor.id, "unknown role id `\(tenure.role)`")
                }
                var datesValid = true
                for date in [tenure.from, tenure.until].compactMap({ $0 }) where !Self.isDate(date) {
                    add(.error, actor: actor.id, "malformed date `\(date)` in \(tenure.role) (expected YYYY-MM-DD)")
                    datesValid = false
                }
                if datesValid, let from = tenure.from, let until = tenure.until, from > until {
                    add(.error, actor: actor.id, "\(tenure.role): from \(from) is after until \(until)")
                }
            }
        }

        // A context alias that is also a plain alias links everywhere, so the condition is moot.
        var plain: [String: String] = [:]
        for actor in registry.actors { for alias in actor.aliases { plain[AliasKey.normalise(alias)] = plain[AliasKey.normalise(alias)] ?? actor.id } }
        for actor in registry.actors {
            for alias in actor.contextAliases {
                if let owner = plain[AliasKey.normalise(alias)] {
                    add(.warning, actor: actor.id, "context alias «\(alias)» is also a plain alias of \(owner), so it links without context")
                }
            }
        }

        result += overlaps()
        result += sharedAliases(names: registry.actors.map { ($0.id, $0.aliases) }, what: "actors") { id in
            registry.actorSources[id] ?? ""
        }
        result += sharedAliases(names: registry.roles.map { ($0.id, $0.aliases) }, what: "roles") { id in
            registry.roleSources[id] ?? ""
        }
        return result
    }

    /// Holders of a single-holder role whose tenures share more than a hand-over day.
    private func overlaps() -> [RegistryProblem] {
        var result: [RegistryProblem] = []
        for role in registry.roles where role.singleHolder {
            let tenures = registry.tenures(of: role.id)
                .filter { [$0.tenure.from, $0.tenure.until].compactMap { $0 }.allSatisfy(Self.isDate) }
                .sorted { ($0.tenure.from ?? "") < ($1.tenure.from ?? "") }
            for (i, earlier) in tenures.enumerated() {
                for later in tenures[(i + 1)...] {
                    let laterFrom = later.tenure.from ?? ""
                    // Overlap when the later one starts strictly before the earlier one ends.
                    let earlierEnds = earlier.tenure.until ?? "9999-12-31"
                    if laterFrom < earlierEnds {
                        result.append(RegistryProblem(
                            severity: .error, file: registry.actorSources[later.actor.id] ?? "", id: later.actor.id,
                            message: "\(role.id) from \(laterFrom.isEmpty ? "(open)" : laterFrom) overlaps \(earlier.actor.id) "
                                + "(\(earlier.tenure.from ?? "open")…\(earlier.tenure.until ?? "open")); the role is single-holder"))
                    }
                }
            }
        }
        return result
    }

    private func sharedAliases(names: [(String, [String])], what: String,
                               file: (String) -> String) -> [RegistryProblem] {
        var owners: [String: [String]] = [:]
        var written: [String: String] = [:]
        for (id, aliases) in names {
            for alias in Set(aliases.map(AliasKey.normalise)) where !alias.isEmpty {
                if owners[alias]?.contains(id) != true { owners[alias, default: []].append(id) }
            }
            for alias in aliases { written[AliasKey.normalise(alias)] = written[AliasKey.normalise(alias)] ?? alias }
        }
        return owners.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }.map { key, ids in
            RegistryProblem(severity: .warning, file: file(ids[1]), id: ids[1],
                            message: "alias «\(written[key] ?? key)» also names \(what) \(ids.filter { $0 != ids[1] }.joined(separator: ", "))")
        }
    }

    static func isSlug(_ id: String) -> Bool {
        guard !id.isEmpty, id.first != "-", id.last != "-", !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A real calendar date written `YYYY-MM-DD` (2019-02-29 is not one).
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}

/// The simple normalisation under which two aliases count as the same for the validator:
/// Latin lowercased, Arabic diacritics and tatweel dropped, أ/إ/آ/ٱ → ا, ؤ → و, ئ → ي, ة → ه, ى → ي,
/// punctuation (`.` `'` `’` `-` `،`) removed or turned into a space, spaces collapsed.
/// «بشّار الأسد» and «بشار الاسد» share a key; "U.S." and "us" share one too.
public enum AliasKey {
    public static func normalise(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            // The matcher's folding (diacritics, tatweel, alef/hamza forms, ى, ة, Persian ی ک), so that the
            // validator calls two aliases the same exactly when the matcher cannot tell them apart.
            guard let folded = ArabicNormalizer.matchFold(scalar.value), let s = Unicode.Scalar(folded) else { continue }
            if s == "." || s == "'" || s == "\u{2019}" || s == "\u{2018}" || s == "\"" { continue }
            if s == " " || s == "-" || s == "\u{060C}" || s == "," || s == "\t" || s == "\u{00A0}" || s == "_" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(s)
        }
        return String(out)
    }
}
