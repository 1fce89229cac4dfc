import Foundation
import Yams

/// Turns one registry YAML file into roles and actors, keeping dates as the strings written
/// (`2004-03-09`, not a parsed timestamp) so the validator can report a malformed one as written.
///
///     actors:
///       - id: sergey-lavrov
///         type: person
///         aliases: {ar: [سيرجي لافروف, لافروف], en: [Sergey Lavrov]}
///         roles:
///           - {role: russia-foreign-minister, from: 2004-03-09}
///
/// Unknown keys are errors, so a typo such as `untill:` cannot silently open a tenure.
enum RegistryFileParser {
    struct Contents {
        var roles: [Role] = []
        var actors: [Actor] = []
    }

    static let roleKeys: Set<String> = ["id", "organisation", "single", "aliases", "note"]
    static let actorKeys: Set<String> = ["id", "type", "gender", "wikidata", "name", "aliases", "context_aliases", "roles", "note"]
    static let tenureKeys: Set<String> = ["role", "from", "until", "note"]

    static func parse(_ text: String, file: String) throws -> Contents {
        let root: Node?
        do {
            // `.basic`: no implicit tag resolution. The default resolver runs a handful of regular
            // expressions over every scalar (and again when hashing mapping keys for the duplicate
            // check), which made loading the registry most of a small run's start-up time; every
            // value here is read as the text written anyway (dates stay `2004-03-09`).
            root = try Yams.compose(yaml: text, .basic)
        } catch {
            throw RegistryLoadError.invalidYAML(file: file, reason: "\(error)")
        }
        var contents = Contents()
        guard let root else { return contents }
        guard let top = root.mapping else {
            throw RegistryLoadError.malformedEntry(file: file, entry: "(top level)", line: line(root),
                                                   reason: "expected a mapping with `roles:` and/or `actors:`")
        }
        for (key, value) in top {
            let name = key.string ?? ""
            switch name {
            case "roles":
                for (i, node) in try list(value, file: file, entry: "roles").enumerated() {
                    contents.roles.append(try role(node, file: file, position: "roles[\(i)]"))
                }
            case "actors":
                for (i, node) in try list(value, file: file, entry: "actors").enumerated() {
                    contents.actors.append(try actor(node, file: file, position: "actors[\(i)]"))
                }
            default:
                throw RegistryLoadError.malformedEntry(file: file, entry: name, line: line(key),
                                                       reason: "unknown top-level key (expected roles or actors)")
            }
        }
        return contents
    }

    private static func role(_ node: Node, file: String, position: String) throws -> Role {
        let map = try mapping(node, file: file, entry: position, keys: roleKeys)
        let id = try requiredString(map, "id", node: node, file: file, entry: position)
        var single = true
        if let value = map["single"] {
            guard let flag = value.scalar.flatMap({ boolean($0.string) }) else {
                throw RegistryLoadError.malformedEntry(file: file, entry: id, line: line(value),
                                                       reason: "`single` must be true or false")
            }
            single = flag
        }
        return Role(id: id,
                    organisation: try optionalString(map, "organisation", file: file, entry: id),
                    singleHolder: single,
                    aliases: try aliases(map["aliases"], file: file, entry: id))
    }

    private static func actor(_ node: Node, file: String, position: String) throws -> Actor {
        let map = try mapping(node, file: file, entry: position, keys: actorKeys)
        let id = try requiredString(map, "id", node: node, file: file, entry: position)
        let typeText = try optionalString(map, "type", file: file, entry: id) ?? "person"
        guard let kind = Actor.Kind(rawValue: typeText) else {
            throw RegistryLoadError.malformedEntry(file: file, entry: id, line: line(map["type"]),
                                                   reason: "type must be person or organisation, not `\(typeText)`")
        }
        var gender: Actor.Gender?
        if let text = try optionalString(map, "gender", file: file, entry: id) {
            guard let value = Actor.Gender(rawValue: text) else {
                throw RegistryLoadError.malformedEntry(file: file, entry: id, line: line(map["gender"]),
                                                       reason: "gender must be male or female, not `\(text)`")
            }
            gender = value
        }
        var tenures: [RoleTenure] = []
        if let rolesNode = map["roles"] {
            for item in try list(rolesNode, file: file, entry: id) {
                let tenure = try mapping(item, file: file, entry: id, keys: tenureKeys)
                tenures.append(RoleTenure(
                    role: try requiredString(tenure, "role", node: item, file: file, entry: id),
                    from: try optionalString(tenure, "from", file: file, entry: id),
                    until: try optionalString(tenure, "until", file: file, entry: id)))
            }
        }
        let name = try optionalString(map, "name", file: file, entry: id) ?? id
        return Actor(id: id, kind: kind, gender: gender,
                     wikidata: try optionalString(map, "wikidata", file: file, entry: id),
                     name: name,
                     aliases: try aliases(map["aliases"], file: file, entry: id),
                     contextAliases: try aliases(map["context_aliases"], file: file, entry: id),
                     roles: tenures)
    }

    /// `aliases:` is either a plain list or a mapping of language → list (`{ar: [...], en: [...]}`).
    private static func aliases(_ node: Node?, file: String, entry: String) throws -> [String] {
        guard let node else { return [] }
        if let map = node.mapping {
            var result: [String] = []
            for (_, value) in map { result += try strings(value, file: file, entry: entry) }
            return result
        }
        return try strings(node, file: file, entry: entry)
    }

    private static func strings(_ node: Node, file: String, entry: String) throws -> [String] {
        if node.scalar != nil, let text = scalarText(node) { return [text] }
        return try list(node, file: file, entry: entry).map { item in
            guard let text = scalarText(item) else {
                throw RegistryLoadError.malformedEntry(file: file, entry: entry, line: line(item),
                                                       reason: "alias must be a plain string")
            }
            return text
        }
    }

    private static func list(_ node: Node, file: String, entry: String) throws -> [Node] {
        if let sequence = node.sequence { return Array(sequence) }
        if let scalar = node.scalar, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { return [] }
        throw RegistryLoadError.malformedEntry(file: file, entry: entry, line: line(node), reason: "expected a list")
    }

    private static func mapping(_ node: Node, file: String, entry: String, keys: Set<String>) throws -> [String: Node] {
        guard let map = node.mapping else {
            throw RegistryLoadError.malformedEntry(file: file, entry: entry, line: line(node), reason: "expected a mapping")
        }
        var result: [String: Node] = [:]
        for (key, value) in map {
            let name = key.string ?? ""
            guard keys.contains(name) else {
                let id = map["id"].flatMap(scalarText) ?? entry
                throw RegistryLoadError.malformedEntry(file: file, entry: id, line: line(key),
                                                       reason: "unknown key `\(name)` (expected one of \(keys.sorted().joined(separator: ", ")))")
            }
            result[name] = value
        }
        return result
    }

    private static func requiredString(_ map: [String: Node], _ key: String, node: Node,
                                       file: String, entry: String) throws -> String {
        guard let value = map[key], let text = scalarText(value), !text.isEmpty else {
            throw RegistryLoadError.malformedEntry(file: file, entry: entry, line: line(node), reason: "missing `\(key)`")
        }
        return text
    }

    private static func optionalString(_ map: [String: Node], _ key: String, file: String, entry: String) throws -> String? {
        guard let value = map[key] else { return nil }
        guard value.scalar != nil else {
            throw RegistryLoadError.malformedEntry(file: file, entry: entry, line: line(value), reason: "`\(key)` must be a plain value")
        }
        let text = scalarText(value)
        return (text?.isEmpty ?? true) || text == "~" || text == "null" ? nil : text
    }

    /// YAML 1.1 booleans, as the default resolver would read them.
    private static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// The scalar exactly as written (dates stay `2004-03-09`), without surrounding blanks.
    private static func scalarText(_ node: Node) -> String? {
        guard let text = node.scalar?.string else { return nil }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
              first == " " || first == "\t" || last == " " || last == "\t" else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static func line(_ node: Node?) -> Int? {
        node?.mark.map { $0.line }
    }
}
