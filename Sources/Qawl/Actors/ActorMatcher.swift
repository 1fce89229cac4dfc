/// Finds registry actors and roles in tokenised text: longest match over normalised token sequences
/// with a trie keyed by tokens, so a sentence costs one walk per token whatever the registry's size.
/// The first token of a match may carry clitics: «ولافروف», «بلافروف», «للافروف» match «لافروف»;
/// «والرئيس الروسي» matches «الرئيس الروسي». «#» between words is skipped («أنجيلا #ميركل»).
///
///     «وقال وزير الخارجية الروسي، سيرجي لافروف إن …» → role russia-foreign-minister (tokens 1..<4),
///                                                      actor sergey-lavrov (tokens 5..<7)
public struct ActorMatcher: Sendable {
    public enum Target: Sendable, Equatable {
        case actor(Int)
        case role(Int)
    }

    /// One found mention: token indices (end exclusive) and what it names.
    public struct Mention: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var target: Target
        /// More than one registry entry shares this alias.
        public var ambiguous: Bool
        /// The first word carried a preposition or article that was stripped to match («للحكومة
        /// السورية», «بوزارة الخارجية»; not a bare «و»/«ف»): the mention is governed by it.
        public var governed: Bool = false
        /// The first word carried a bare «و»/«ف» («والمرصد السوري»): coordinated with what precedes.
        public var conjoined: Bool = false
    }

    /// The names' words as a trie (`NameTrie`). `match` runs at almost every token of a sentence
    /// with a cue, with every clitic stem of the first word, so its lookups go on bytes.
    private let trie: NameTrie
    public let actors: [Actor]
    public let roles: [Role]
    public private(set) var clitics: Clitics
    /// role index → (actor index, from, until)
    private var tenures: [[(actor: Int, from: String?, until: String?)]]
    private let roleIndex: [String: Int]
    /// Context aliases (`Actor.contextAliases`), words joined by a space → the actors they may name.
    /// Kept out of the trie: alone they name nobody.
    private var contextual: [WordKey: [Int]] = [:]

    /// Normalised words of every name the matcher indexes (`words(_:)`), computed once: tokenising
    /// the registry's ~40,000 names was most of building a matcher, and the extractors' own indexes
    /// (surnames, anaphoric heads) read the same words.
    public struct NameWords: Sendable, Equatable {
        /// Per actor: the words of each alias, then of its display name (`aliases + [name]`).
        public var actors: [[[String]]]
        /// Per actor: the words of each context alias.
        public var contextAliases: [[[String]]]
        /// Per role: the words of each alias.
        public var roles: [[[String]]]

        public init(actors: [[[String]]], contextAliases: [[[String]]], roles: [[[String]]]) {
            self.actors = actors
            self.contextAliases = contextAliases
            self.roles = roles
        }

        public init(actors: [Actor], roles: [Role]) {
            self.actors = actors.map { a in (a.aliases + [a.name]).map(ActorMatcher.words) }
            self.contextAliases = actors.map { $0.contextAliases.map(ActorMatcher.words) }
            self.roles = roles.map { $0.aliases.map(ActorMatcher.words) }
        }

        /// Whether these are the words of exactly these actors and roles (by shape: one list per name).
        func fits(actors: [Actor], roles: [Role]) -> Bool {
            guard self.actors.count == actors.count, contextAliases.count == actors.count, self.roles.count == roles.count else { return false }
            // by index: `zip` copied every actor (a retain and release of each of its fields)
            for i in actors.indices {
                guard self.actors[i].count == actors[i].aliases.count + 1, contextAliases[i].count == actors[i].contextAliases.count else { return false }
            }
            for i in roles.indices where self.roles[i].count != roles[i].aliases.count { return false }
            return true
        }
    }

    /// The words of every indexed name.
    public let names: NameWords

    /// Builds the trie; `names` are the registry's words when already known (`RegistrySnapshot`),
    /// else computed here.
    public init(actors: [Actor], roles: [Role], clitics: Clitics, names: NameWords? = nil) {
        self.init(actors: actors, roles: roles, clitics: clitics, names: names, trie: nil)
    }

    /// `trie`: `ActorMatcher.trie(names)` of these `names`, read from the registry snapshot
    /// (`RegistrySnapshot.Loaded.trie`); nil, or names that do not fit the actors: built here.
    init(actors: [Actor], roles: [Role], clitics: Clitics, names: NameWords?, trie: NameTrie?) {
        self.actors = actors
        self.roles = roles
        self.clitics = clitics
        let given = names.flatMap { $0.fits(actors: actors, roles: roles) ? $0 : nil }
        let names = given ?? NameWords(actors: actors, roles: roles)
        self.names = names
        var ri: [String: Int] = [:]
        ri.reserveCapacity(roles.count)
        for (i, r) in roles.enumerated() { ri[r.id] = i }
        roleIndex = ri
        tenures = Array(repeating: [], count: roles.count)
        for (ai, a) in actors.enumerated() {
            for t in a.roles { if let r = ri[t.role] { tenures[r].append((ai, t.from, t.until)) } }
            for words in names.contextAliases[ai] {
                let key = WordKey(words.joined(separator: " "))
                guard !key.string.isEmpty else { continue }
                if contextual[key]?.contains(ai) != true { contextual[key, default: []].append(ai) }
            }
        }
        self.trie = given != nil ? trie ?? Self.trie(names) : Self.trie(names)
    }

    /// The trie of every name: each actor's aliases, then its display name (the order of
    /// `names.actors[ai]`), actor by actor, then each role's aliases.
    static func trie(_ names: NameWords) -> NameTrie {
        var trie = NameTrie.Builder()
        for (ai, perActor) in names.actors.enumerated() {
            for words in perActor { trie.insert(words, .actor(ai)) }
        }
        for (i, words) in names.roles.enumerated() { for w in words { trie.insert(w, .role(i)) } }
        return trie.build()
    }

    /// The same trie and registry, with other clitics (the Arabic and English extractors share one
    /// build of the registry's trie).
    public func with(clitics: Clitics) -> ActorMatcher {
        var copy = self
        copy.clitics = clitics
        return copy
    }

    /// An alias as the matcher sees it: its normalised words («الأمين العام» → [الامين, العام]).
    public static func words(_ alias: String) -> [String] {
        Tokenizer.tokenize(Array(alias.unicodeScalars)).filter { $0.kind == .word || $0.kind == .number }.map(\.norm)
    }

    /// Longest match starting exactly at token `i` (within `limit`), if any.
    public func match(at i: Int, in tokens: [Token], limit: Int) -> Mention? {
        guard i < limit, tokens[i].kind == .word || tokens[i].kind == .number else { return nil }
        var best: Mention?
        // what the winning stem stripped from the first word: 0 nothing, 1 a bare «و»/«ف», 2 more
        var stripped = 0
        let trie = trie, clitics = clitics   // captured alone: the closure would copy `self`
        _ = tokens[i].norm.withWordBytes { word in
            clitics.anyStem(word) { stem in
                guard let first = trie.child(of: NameTrie.root, bytes: stem) else { return false }
                let kind: Int
                if stem.baseAddress == word.baseAddress { kind = 0 }
                else if let bare = clitics.withoutConjunction(bytes: word), stem.baseAddress == bare.baseAddress, stem.count == bare.count { kind = 1 }
                else { kind = 2 }
                var n = first
                var j = i + 1
                var found = trie.targetCount(n)
                if found > 0, best == nil || best!.end < j {
                    best = Mention(start: i, end: j, target: trie.firstTarget(n), ambiguous: found > 1)
                    stripped = kind
                }
                while j < limit {
                    // «#» of a hashtag and quotation marks inside a name («وكالة "معا"», «قناة «المسيرة»»)
                    // do not break it; the match still ends on a word
                    let tokenKind = tokens[j].kind
                    if tokenKind == .punct && (Self.transparent(tokens[j].punct) || Self.nameHyphen(tokens[...], j)) { j += 1; continue }
                    guard tokenKind == .word || tokenKind == .number, let c = trie.child(of: n, word: tokens[j].norm) else { break }
                    n = c
                    j += 1
                    found = trie.targetCount(n)
                    if found > 0, best == nil || best!.end < j {
                        best = Mention(start: i, end: j, target: trie.firstTarget(n), ambiguous: found > 1)
                        stripped = kind
                    }
                }
                return false   // every stem: the longest match wins, the first stem on a tie
            }
        }
        best?.conjoined = stripped == 1
        best?.governed = stripped == 2
        return best
    }

    /// Whether a match may start at a word (normalised): one of its clitic stems is the first word
    /// of a name, the first thing `match` asks. Words for which this is false start no mention, so a
    /// caller can dismiss a whole phrase before building its tokens (`LinkingIndex`'s states of
    /// the registry's ~20,000 names, most of which hold no state's name).
    func mayStart(_ word: String) -> Bool {
        let trie = trie
        return word.withWordBytes { w in clitics.anyStem(w) { trie.child(of: NameTrie.root, bytes: $0) != nil } }
    }

    /// The trie nodes reached by reading all of `tokens` from their start as `match` reads them, one
    /// per clitic stem of the first word that gets through, in `match`'s order of stems: what
    /// `wholeTarget(paths:then:)` continues from. Empty when no name goes on past `tokens`.
    func paths(through tokens: [Token]) -> [Int] {
        guard let first = tokens.first, first.kind == .word || first.kind == .number else { return [] }
        var out: [Int] = []
        let trie = trie
        _ = first.norm.withWordBytes { word in
            clitics.anyStem(word) { stem in
                if let n = trie.child(of: NameTrie.root, bytes: stem), let end = Self.walk(trie, from: n, tokens[1...]) {
                    out.append(end.node)
                }
                return false
            }
        }
        return out
    }

    /// The target of `prefix` followed by `tokens` when together they are exactly one unambiguous
    /// name — what `match` on the joined tokens gives when it spans them all — from
    /// `paths(through: prefix)`; `prefix` and `tokens` not empty. The first stem whose path spans
    /// everything and ends on a name decides, as the longest match with the first stem on a tie does.
    func wholeTarget(paths: [Int], then tokens: [Token]) -> Target? {
        for start in paths {
            guard let end = Self.walk(trie, from: start, tokens[...]), end.onWord, trie.targetCount(end.node) > 0 else { continue }
            return trie.targetCount(end.node) == 1 ? trie.firstTarget(end.node) : nil
        }
        return nil
    }

    /// Follows `tokens` from node `n` as `match` does («#» and quotation marks skipped): the node after
    /// the last, and whether the last token read was a word; nil when a token has no edge.
    private static func walk(_ trie: NameTrie, from n: Int, _ tokens: ArraySlice<Token>) -> (node: Int, onWord: Bool)? {
        var n = n
        var onWord = true
        for k in tokens.indices {
            let t = tokens[k]
            if t.kind == .punct && (transparent(t.punct) || nameHyphen(tokens, k)) { onWord = false; continue }
            guard t.kind == .word || t.kind == .number, let c = trie.child(of: n, word: t.norm) else { return nil }
            n = c
            onWord = true
        }
        return (n, onWord)
    }

    /// Punctuation a multi-word name may contain: «#» and quotation marks.
    @inline(__always) static func transparent(_ p: UInt32) -> Bool {
        p == 0x23 || p == 0x22 || p == 0xAB || p == 0xBB || p == 0x201C || p == 0x201D
    }

    /// A hyphen at `j` glued on both sides to a word in Arabic script: it joins the parts of one name
    /// («كيم جونغ-أون», «جان-إيف لودريان»), which the registry may write with a space or a hyphen
    /// (an alias's words drop it: `words`). With a space on either side it is a dash («القاهرة - »).
    @inline(__always) static func nameHyphen(_ tokens: ArraySlice<Token>, _ j: Int) -> Bool {
        guard j > tokens.startIndex, j + 1 < tokens.endIndex else { return false }
        let t = tokens[j]
        guard t.kind == .punct, t.punct == 0x2D else { return false }
        let p = tokens[j - 1], n = tokens[j + 1]
        return p.kind == .word && n.kind == .word && !p.latin && !n.latin && p.end == t.start && n.start == t.end
    }

    /// All non-overlapping longest mentions in `range`, left to right.
    public func mentions(in tokens: [Token], range: Range<Int>) -> [Mention] {
        var out: [Mention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let m = match(at: i, in: tokens, limit: range.upperBound) { out.append(m); i = m.end }
            else { i += 1 }
        }
        return out
    }

    /// The actor holding a role on `date` (ISO date or date-time; compared on its first 10
    /// characters, bounds inclusive). Nil when the date is unknown, nobody or several people hold it.
    public func holder(ofRole role: Int, on date: String?) -> Int? {
        guard let d = RoleTenure.day(date) else { return nil }
        var found: Int?
        for t in tenures[role] where RoleTenure.covers(from: t.from, until: t.until, day: d) {
            if let prev = found, prev != t.actor { return nil }
            found = t.actor
        }
        return found
    }

    /// The roles (indexes) a person holds on `date`, in registry order; every role the person ever
    /// held when `date` has no day.
    public func roles(heldBy person: Int, on date: String?) -> [Int] {
        let d = RoleTenure.day(date)
        return actors[person].roles.compactMap { t in
            guard d.map({ RoleTenure.covers(from: t.from, until: t.until, day: $0) }) ?? true else { return nil }
            return role(id: t.role)
        }
    }

    /// Role index for a role id.
    public func role(id: String) -> Int? { roleIndex[id] }

    /// Actors that have these normalised words as a context alias: [«المالكي»] → Turki, Riyad and
    /// Nouri al-Maliki. Which one (if any) is meant depends on the document (`named(by:on:)`).
    public func contextualActors(_ words: [String]) -> [Int] {
        contextual[WordKey(words.joined(separator: " "))] ?? []
    }

    /// The actors a set of mentions names without doubt: by an alias no other actor shares, or by a
    /// role with a single holder on `date` («الرئيس الفلسطيني» on 2018-05-14 → Mahmoud Abbas).
    public func named(by mentions: [Mention], on date: String?) -> Set<Int> {
        var out: Set<Int> = []
        for m in mentions where !m.ambiguous {
            switch m.target {
            case .actor(let ai): out.insert(ai)
            case .role(let ri): if let h = holder(ofRole: ri, on: date) { out.insert(h) }
            }
        }
        return out
    }
}
