/// The actor registry's data model, loaded from `data/actors/` (format in `data/actors/README.md`).
/// Modelled on PETRARCH's actor dictionaries: a person or organisation with names, and roles held
/// over date ranges, so that «وزير الخارجية الروسي» resolves to whoever held it on the article's date.
public struct Actor: Sendable, Equatable {
    public enum Kind: String, Sendable { case person, organisation }
    public enum Gender: String, Sendable { case male, female }

    /// Public id: lowercase ASCII slug (`sergey-lavrov`); also the timeline file name.
    public var id: String
    public var kind: Kind
    public var gender: Gender?
    /// Wikidata QID, where known.
    public var wikidata: String?
    /// Display name in English.
    public var name: String
    /// Every written form that identifies the actor, Arabic and English (full names, surnames,
    /// transliteration variants).
    public var aliases: [String]
    /// Short forms too ambiguous to name the actor alone («ماي», «عباس», «كيم», «المالكي»): they link
    /// only in a document that also names the actor unambiguously (by an alias, or by a role the
    /// actor holds on the document's date), before or after the short form. Several actors may share one.
    public var contextAliases: [String]
    /// Roles held over time.
    public var roles: [RoleTenure]

    public init(id: String, kind: Kind, gender: Gender? = nil, wikidata: String? = nil,
                name: String, aliases: [String], contextAliases: [String] = [], roles: [RoleTenure] = []) {
        self.id = id
        self.kind = kind
        self.gender = gender
        self.wikidata = wikidata
        self.name = name
        self.aliases = aliases
        self.contextAliases = contextAliases
        self.roles = roles
    }
}

/// One holding of a role: «وزير الخارجية الروسي» from 2004-03-09, no end.
public struct RoleTenure: Sendable, Equatable {
    /// Role id (`russia-foreign-minister`), defined once in the registry's roles file.
    public var role: String
    /// ISO dates, inclusive; nil means open.
    public var from: String?
    public var until: String?

    public init(role: String, from: String?, until: String?) {
        self.role = role
        self.from = from
        self.until = until
    }

    /// Whether a tenure from `from` to `until` (inclusive, nil open) covers `day` (`YYYY-MM-DD`);
    /// the bounds are compared on their first 10 characters.
    @inline(__always)
    static func covers(from: String?, until: String?, day: Substring) -> Bool {
        if let f = from, f.prefix(10) > day { return false }
        if let u = until, u.prefix(10) < day { return false }
        return true
    }

    /// The day (`YYYY-MM-DD`) of an ISO date or date-time, or nil when it has none.
    static func day(_ date: String?) -> Substring? {
        guard let date, date.count >= 10 else { return nil }
        return date.prefix(10)
    }
}

/// A role that one person holds at a time (or several, if `singleHolder` is false), with its
/// written forms: «وزير الخارجية الروسي», «رئيس الدبلوماسية الروسية», "Russian Foreign Minister".
public struct Role: Sendable, Equatable {
    public var id: String
    /// Organisation the role belongs to (an actor id), where there is one.
    public var organisation: String?
    public var singleHolder: Bool
    public var aliases: [String]

    public init(id: String, organisation: String? = nil, singleHolder: Bool = true, aliases: [String]) {
        self.id = id
        self.organisation = organisation
        self.singleHolder = singleHolder
        self.aliases = aliases
    }
}
