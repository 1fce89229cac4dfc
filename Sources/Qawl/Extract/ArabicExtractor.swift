import Foundation

/// Finds attributed statements in Arabic news text, sentence by sentence: a reporting cue (verb,
/// participle or nominal cue from `data/lexicons/ar/cues.tsv`), its speaker (the name phrase after
/// the verb, before it, a role, or the previous speaker for a dropped subject) and its content (the
/// quote, the إن/أن clause, or the rest of the clause up to the next cue).
///
///     «وأضاف لافروف - في مؤتمر صحفي مع نظيره الأمريكي ريكس تيلرسون - أن العلاقات … تمر بمرحلة صعبة»
///       → speaker: sergey-lavrov (name) · cue: أضاف · kind: indirect · content: «العلاقات … صعبة»
///     «وتابع وزير الخارجية الروسي أن …» → the person the document bound to that role earlier
///       («قال وزير الخارجية الروسي، سيرجي لافروف …»), else its holder on the article's date (role)
///     «وأوضح أنه …» → the previous statement's speaker of the same gender (carryover)
public struct ArabicExtractor: StatementExtractor {
    public let lexicon: ArabicLexicon
    public let matcher: ActorMatcher
    private let splitter: SentenceSplitter
    /// Normalised word strings reused across the documents a worker reads (`WordCache`).
    private let words = WordCachePool()
    /// Emit «…، مضيفا أن …» clauses as statements of their own (same speaker).
    public var emitParticipleClauses = true
    /// Emit statements introduced by nominal cues («بحسب X», «وفقا لـX»).
    public var emitNominalCues = true
    /// Emit «ترامب: …» headlines as statements with `part` "title".
    public var emitHeadlines = true

    /// Lookups derived from the registry and the lexicons for linking through the document's
    /// context, built once; a class, so that copying the extractor retains one reference.
    final class LinkingIndex: Sendable {
        /// Surname → registry persons with a name of two words or more ending in it («عباس» → Mahmoud
        /// Abbas through «محمود عباس»), not through a particle («محمد بن سلمان», «أبو مازن»).
        let surnames: [WordKey: [Int]]
        /// Per actor and per role, the anaphoric heads (`anaphoric_heads.txt`, without the article)
        /// that open one of its names: afp → {وكاله}, russian-foreign-ministry → {وزاره, خارجيه}.
        let actorHeads: [Set<WordKey>]
        let roleHeads: [Set<WordKey>]
        /// Per role, the actor index of its organisation («المتحدث باسم الخارجية الروسية» → the ministry).
        let roleOrganisation: [Int?]
        /// Actor id → index in the matcher's actors (the first, for a duplicated id).
        let actorIndex: [String: Int]
        /// Every written form of `object_nouns.txt`: bare, with the article, and with a third-person
        /// pronoun suffix from `clitics.tsv` (ta marbuta written ت before it: «رغبته»), so that a word
        /// is tested with one lookup.
        let objectForms: WordSet
        /// `document_nouns.txt` and `inanimate.txt` together: the words an issuer may follow
        /// (`issuerPhrase`), tested once per speaker phrase.
        let issuerHeads: WordSet
        /// States and bare state bodies, for linking «الشرطة» through the article's state.
        let countries: CountryContext
        /// Ids of the registry's organisations: «المتحدث باسمها» speaks for an organisation only.
        let organisations: Set<String>
        /// Per actor, the states (`CountryContext.ids` indices) its names or, for a person, the names of
        /// the roles it held name by a state's name, city or adjective («وزير الخارجية الروسي» → Russia):
        /// what a nationality after an anaphoric head («المدرب الألماني») must not contradict. Sorted.
        let actorCountries: [[Int]]
        /// The heads of `anaphoric_persons.txt` (with the article), for a lookup on a word's bytes.
        let personHeads: WordSet
        /// Actor indices of news outlets: organisations one of whose names has a head of
        /// `media_heads.txt` as its first or second word («وكالة رويترز», «هيئة الإذاعة البريطانية»).
        let outlets: Set<Int>

        /// The compound name a person's name ends with, «عبد» and a word: the family name of «رامي
        /// عبد الرحمن» and «سعاد عبد الرحيم» (not after a particle: «سلمان بن عبد العزيز»), or the
        /// whole name before an ordinal («عبد الله الثاني» → «عبد الله»). The bare compound is a
        /// short form that links in a document that names the person («وقال عبد الرحمن»).
        static func compoundName(_ words: [String], _ lexicon: ArabicLexicon) -> [String]? {
            var w = words[...]
            if w.count == 3, lexicon.nameParticles.contains(w[w.endIndex - 1]) { w = w.dropLast() }
            guard w.count >= 2, lexicon.compoundNameOpeners.contains(w[w.endIndex - 2]), !lexicon.nameParticles.contains(w[w.endIndex - 1]) else { return nil }
            if w.count == 2 { return w.count < words.count ? Array(w) : nil }
            return lexicon.nameParticles.contains(w[w.endIndex - 3]) ? nil : Array(w.suffix(2))
        }

        /// What this index computes from the registry's names (with the lexicons): surnames, heads,
        /// states and outlets per actor, and the country context's answers. Building them is most of
        /// building the index (about 0.14 G instructions with the shipped registry), so they are
        /// cached beside the registry snapshot (`load`) for the same registry, lexicons and executable.
        struct Resolved: Sendable, Equatable {
            var surnames: [WordKey: [Int]]
            var actorHeads: [Set<WordKey>]
            var roleHeads: [Set<WordKey>]
            var actorCountries: [[Int]]
            var outlets: Set<Int>
            var countries: CountryContext.Resolved
        }

        /// What this index was built with, for the cache.
        var resolved: Resolved {
            Resolved(surnames: surnames, actorHeads: actorHeads, roleHeads: roleHeads, actorCountries: actorCountries,
                     outlets: outlets, countries: countries.resolved)
        }

        /// Builds the index; `resolved`, when given, is `resolved` of an index built from the same
        /// lexicons and matcher (`load`), else it is computed here.
        init(lexicon: ArabicLexicon, matcher: ActorMatcher, resolved: Resolved? = nil) {
            let countries = CountryContext(lexicon: lexicon, matcher: matcher, resolved: resolved?.countries)
            self.countries = countries
            let r = resolved ?? Self.resolve(lexicon: lexicon, matcher: matcher, countries: countries)
            self.surnames = r.surnames
            self.actorHeads = r.actorHeads
            self.roleHeads = r.roleHeads
            self.actorCountries = r.actorCountries
            self.outlets = r.outlets
            var actorIndex: [String: Int] = [:]
            actorIndex.reserveCapacity(matcher.actors.count)
            // backwards: a duplicated id keeps its first index, with one hash per actor
            for ai in matcher.actors.indices.reversed() { actorIndex[matcher.actors[ai].id] = ai }
            self.roleOrganisation = matcher.roles.map { $0.organisation.flatMap { actorIndex[$0] } }
            self.actorIndex = actorIndex
            var forms: [String] = []
            let suffixes = lexicon.clitics.enclitics.filter { $0.unicodeScalars.first == "ه" }
            for noun in lexicon.objectNouns.keys {
                forms.append(noun)
                forms.append("ال" + noun)
                // the accusative written with alef: «وأبدى اهتماما بـ…», «دعما»
                if let l = noun.unicodeScalars.last, l != "ه", l != "ا", l != "ء", l != "ي" { forms.append(noun + "ا") }
                let stem = noun.unicodeScalars.last == "ه" ? String(noun.unicodeScalars.dropLast()) + "ت" : noun
                for suffix in suffixes { forms.append(stem + suffix) }
            }
            self.objectForms = WordSet(forms)
            self.issuerHeads = WordSet(lexicon.documentNouns.keys + lexicon.inanimate.keys)
            self.personHeads = WordSet(Array(lexicon.anaphoricPersons.keys))
            var organisations: Set<String> = []
            for ai in matcher.actors.indices where matcher.actors[ai].kind == .organisation { organisations.insert(matcher.actors[ai].id) }
            self.organisations = organisations
        }

        /// Surnames, heads, states and outlets of the registry's names (`Resolved`).
        private static func resolve(lexicon: ArabicLexicon, matcher: ActorMatcher, countries: CountryContext) -> Resolved {
            var surnames: [WordKey: [Int]] = [:]
            var actorHeads = [Set<WordKey>](repeating: [], count: matcher.actors.count)
            var roleHeads = [Set<WordKey>](repeating: [], count: matcher.roles.count)
            // Every first word (without the article) that opens a head: the others, nearly every
            // name, are dismissed by one lookup on bytes instead of building and hashing strings.
            let article = Array("ال".utf8)
            // The heads without their article, and the other first words a head stands for, looked
            // up on the name's bytes: the `String` keys of `anaphoricNameHeads` cost a Unicode
            // normalisation per lookup.
            let bareHeads = WordSet(lexicon.anaphoricHeads.keys.compactMap { h -> String? in
                h.utf8.starts(with: article) ? String(decoding: h.utf8.dropFirst(article.count), as: UTF8.self) : nil
            })
            let nameHeads = WordTable(lexicon.anaphoricNameHeads.map { ($0.key, $0.value) })
            /// The heads a name opens with: its first word («وكاله»), and the heads that word also
            /// stands for (`anaphoric_heads.txt`, second column: «جريده» → «صحيفه»).
            func heads(_ words: [String]) -> [WordKey] {
                guard let f = words.first else { return [] }
                return f.withWordBytes { w -> [WordKey] in
                    let bare = w.starts(with: article) ? UnsafeBufferPointer(rebasing: w[article.count...]) : w
                    let isHead = bareHeads.contains(bytes: bare)
                    let stands = nameHeads.value(bytes: bare)
                    if !isHead && stands == nil { return [] }
                    var out: [WordKey] = isHead ? [WordKey(String(decoding: bare, as: UTF8.self))] : []
                    for h in stands ?? [] { out.append(WordKey(h)) }
                    return out
                }
            }
            for (ai, a) in matcher.actors.enumerated() {
                for words in matcher.names.actors[ai] {   // aliases + [name]
                    for h in heads(words) { actorHeads[ai].insert(h) }
                    guard a.kind == .person, words.count >= 2, let last = words.last else { continue }
                    if let compound = Self.compoundName(words, lexicon) {
                        surnames[WordKey(compound.joined(separator: " ")), default: []].appendOnce(ai)
                    }
                    if lexicon.nameParticles.contains(last) || lexicon.nameParticles.contains(words[words.count - 2]) { continue }
                    surnames[WordKey(last), default: []].appendOnce(ai)
                }
            }
            for (ri, names) in matcher.names.roles.enumerated() {
                for words in names { for h in heads(words) { roleHeads[ri].insert(h) } }
            }
            // the names' words are tokens already (`ActorMatcher.names`): matched as they are, not
            // joined and tokenised again
            var tokens: [Token] = []
            func states(_ words: [String]) -> [Int] {
                // most names hold no word a state's name, adjective or city can start with: no
                // tokens built, no match run (a third of building this index)
                // (a loop, not `contains(where: countries.cues.mayStart)`: that partial application
                // copied the matcher per name)
                var opens = false
                for w in words where countries.cues.mayStart(w) { opens = true; break }
                guard opens else { return [] }
                // one buffer for every name's tokens
                tokens.removeAll(keepingCapacity: true)
                for w in words { tokens.append(Token(kind: .word, start: 0, end: 0, norm: w, punct: 0, latin: false)) }
                return countries.cues.mentions(in: tokens, range: 0..<tokens.count).compactMap { countries.state($0)?.country }
            }
            let roleStates = matcher.names.roles.map { names in names.flatMap(states) }
            let actorCountries = matcher.actors.indices.map { ai in
                var found = Set(matcher.names.actors[ai].flatMap(states))
                if matcher.actors[ai].kind == .person {
                    for ri in matcher.roles(heldBy: ai, on: nil) { found.formUnion(roleStates[ri]) }
                }
                return found.sorted()
            }
            var outlets: Set<Int> = []
            for (ai, a) in matcher.actors.enumerated() where a.kind == .organisation {
                let isOutlet = matcher.names.actors[ai].contains { words in
                    words.prefix(2).contains { w in
                        w.withWordBytes { b in
                            lexicon.mediaHeads.contains(bytes: b.starts(with: article) ? UnsafeBufferPointer(rebasing: b[article.count...]) : b)
                        }
                    }
                }
                if isOutlet { outlets.insert(ai) }
            }
            return Resolved(surnames: surnames, actorHeads: actorHeads, roleHeads: roleHeads, actorCountries: actorCountries,
                            outlets: outlets, countries: countries.resolved)
        }
    }

    let index: LinkingIndex
    /// Whether the linking index came from the cache beside the registry snapshot (`LinkingIndex.load`).
    public let indexOutcome: RegistrySnapshot.Outcome

    public init(lexicon: ArabicLexicon, matcher: ActorMatcher) {
        self.init(lexicon: lexicon, matcher: matcher, index: LinkingIndex(lexicon: lexicon, matcher: matcher), outcome: .disabled)
    }

    private init(lexicon: ArabicLexicon, matcher: ActorMatcher, index: LinkingIndex, outcome: RegistrySnapshot.Outcome) {
        self.lexicon = lexicon
        self.matcher = matcher
        self.splitter = SentenceSplitter(abbreviations: lexicon.abbreviations)
        self.index = index
        self.indexOutcome = outcome
    }

    /// Loads the lexicons from a data directory (`DataDirectory.locate()`) and builds the matcher.
    public init(dataDirectory: URL, actors: [Actor], roles: [Role]) throws {
        let lex = try ArabicLexicon(dataDirectory: dataDirectory)
        self.init(lexicon: lex, matcher: ActorMatcher(actors: actors, roles: roles, clitics: lex.clitics))
    }

    /// Loads the lexicons from a data directory and matches with `matcher`'s trie (built once for
    /// every extractor) and the Arabic clitics. `cache`: that of the registry snapshot `matcher` was
    /// built from (`RegistrySnapshot.Loaded.cache`), where the linking index is cached; nil: built.
    public init(dataDirectory: URL, matcher: ActorMatcher, cache: RegistrySnapshot.Cache? = nil) throws {
        let folder = dataDirectory.appendingPathComponent("lexicons").appendingPathComponent("ar")
        let lex = try ArabicLexicon(directory: folder)
        let matcher = matcher.with(clitics: lex.clitics)
        let (index, outcome) = LinkingIndex.load(lexicon: lex, matcher: matcher, lexicons: folder, cache: cache)
        self.init(lexicon: lex, matcher: matcher, index: index, outcome: outcome)
    }

    // MARK: - State

    /// Who speaks, once resolved.
    struct Speaker {
        var actorID: String
        var actorName: String
        var agreement: ArabicLexicon.Agreement
        var vague: Bool
        /// Normalised name words, for merging «زوكر» into an earlier «جيف زوكر».
        var nameKey: [String]
    }

    /// Per-document memory: role and title bindings, earlier speakers.
    struct DocState {
        var roleBinding: [Int: Speaker] = [:]
        var titleBinding: [WordKey: Speaker] = [:]
        /// «خطيبه|jamal-khashoggi» → the person the document named so (`relationKey`).
        var relationBinding: [String: Speaker] = [:]
        var unlinked: [Speaker] = []
        var history: [Speaker] = []
        /// The body's tokens, the title and the date, for `documentActors`.
        var body: [Token] = []
        var title: String?
        var published: String?
        /// Registry mentions of the body, left to right, found on first need (most speakers resolve
        /// without them) and only as far as needed: tokens before `scanned` have been looked at.
        var mentions: [ActorMatcher.Mention] = []
        var scanned = 0
        /// The actors the document (body or title) names without doubt, once the whole body is scanned.
        var named: Set<Int>?
        /// The article's state (`CountryContext.dominant`), decided on first need.
        var country: CountryContext.Verdict?
        /// Speaker phrases opening with an anaphoric head that were linked through their state or an
        /// antecedent, not by a registry name («المتحدث باسم السفارة الأمريكية», «وزارة الصحة»): the
        /// head without the article, where the phrase starts, and whom it was linked to.
        var officeBindings: [(head: String, at: Int, speaker: Speaker, confidence: Double)] = []
    }

    struct Pending {
        var cueToken: Int
        var cue: ArabicLexicon.Cue
        var speaker: Speaker
        var speakerText: String
        var resolution: Statement.Resolution
        var confidence: Double
        var from: Int
        var to: Int
        var emit: Bool
    }

    /// One text being read (document body or title).
    struct Ctx {
        let scalars: [Unicode.Scalar]
        let tokens: [Token]
        let doc: Document
        /// The document's title rather than its body: positions are not comparable with the body's.
        var isTitle = false
        /// The tokens' normalised forms as bytes, for lookups (`TokenNorms`).
        let norms: TokenNorms
        /// The text itself: long slices are cut from it without validating their UTF-8 again.
        let source: String
        /// Per token, computed once: the cue there (index into `cueList`, -1 none).
        var cueIndex: [Int32] = []
        var cueList: [(cue: ArabicLexicon.Cue, conj: Bool)] = []
        /// UTF-8 bytes of the text and the byte offset of every scalar (one extra at the end), so
        /// that slicing out a sentence or content is a copy of bytes, not a re-encoding of scalars.
        var utf8: [UInt8] = []
        var utf8Offset: [Int32] = []
        /// The text writes alif maqsura («إلى», «على») somewhere: its writer tells «على» from the
        /// given name «علي», so a word written «علي» is the name (`writtenName`).
        var writesAlifMaqsura = false
        /// The token that opens with a nominal cue's glued «لـ» («وفقا لموقع …», «وفقا للجنة …»),
        /// whose speaker keys read it without the preposition (`keyNorm`); -1: none.
        var gluedLam = -1
        func text(_ a: Int, _ b: Int) -> String {
            guard a < b else { return "" }
            let i = Int(utf8Offset[tokens[a].start]), j = Int(utf8Offset[tokens[b - 1].end])
            if j - i > 32 {   // a sentence or content: copied from `source`, not validated byte by byte
                let u = source.utf8
                return String(Substring(u[u.index(u.startIndex, offsetBy: i)..<u.index(u.startIndex, offsetBy: j)]))
            }
            return String(decoding: utf8[i..<j], as: UTF8.self)
        }
    }

    struct Phrase {
        var start: Int
        var end: Int
        var mentions: [ActorMatcher.Mention]
        /// Where the name ends when the phrase goes on with an apposition that names nobody new
        /// (a quoted Latin abbreviation: «اللجنة الدولية للصليب الأحمر "ICRC"»); nil: at `end`.
        var nameEnd: Int? = nil
        /// Where the holder's name opens after a title whose body runs on with «في» or «لدى» («النائب في
        /// البرلمان المصري محمد حمزة»): the name, not the place, keys an unlinked speaker.
        var holderStart: Int? = nil

        /// The phrase as far as it names the speaker.
        var named: Phrase { nameEnd.map(ending(at:)) ?? self }

        /// The phrase cut at token `end`, with the mentions inside it.
        func ending(at end: Int) -> Phrase {
            Phrase(start: start, end: end, mentions: mentions.filter { $0.end <= end })
        }
    }

    // MARK: - Token tests

    /// Whether the word at `j` is a state's adjective describing the registry organisation `m` right
    /// before it (quotes between them allowed): «صحيفة الإندبندنت البريطانية», «وكالة "رويترز"
    /// البريطانية». Not after another adjective, and not a state's name that is also its adjective
    /// («السعودية»), which may be the verb's object.
    func describesOrganisation(_ j: Int, after m: ActorMatcher.Mention, _ c: Ctx, limit: Int) -> Bool {
        let tokens = c.tokens
        guard m.end <= j, j < limit, (m.end..<j).allSatisfy({ isQuote(tokens[$0]) }), case .actor(let ai) = m.target,
              matcher.actors[ai].kind == .organisation,
              !(tokens[j - 1].kind == .word && index.countries.adjectiveForms.contains(tokens[j - 1].norm)),
              let s = index.countries.cues.match(at: j, in: tokens, limit: limit), s.end == j + 1 else { return false }
        return index.countries.state(s)?.adjective == true
    }

    @inline(__always) func isComma(_ t: Token) -> Bool { t.kind == .punct && (t.punct == 0x060C || t.punct == 0x2C) }
    @inline(__always) func isQuote(_ t: Token) -> Bool {
        t.kind == .punct && (t.punct == 0x22 || t.punct == 0xAB || t.punct == 0xBB || t.punct == 0x201C || t.punct == 0x201D || t.punct == 0x201E)
    }
    @inline(__always) func isDash(_ t: Token) -> Bool { t.kind == .punct && (t.punct == 0x2D || t.punct == 0x2013 || t.punct == 0x2014) }

    /// A reading context with every token's cue looked up once.
    func context(_ source: String, _ text: ScalarText, _ tokens: [Token], _ norms: TokenNorms, _ doc: Document) -> Ctx {
        var c = Ctx(scalars: text.scalars, tokens: tokens, doc: doc, norms: norms, source: source)
        c.utf8 = text.utf8
        c.utf8Offset = text.offsets
        c.writesAlifMaqsura = text.scalars.contains("\u{0649}")
        var index = [Int32](repeating: -1, count: tokens.count)
        var list: [(cue: ArabicLexicon.Cue, conj: Bool)] = []
        for i in tokens.indices where tokens[i].kind == .word {
            if let found = lookupCue(at: i, c) { index[i] = Int32(list.count); list.append(found) }
        }
        c.cueIndex = index
        c.cueList = list
        return c
    }

    @inline(__always)
    func cue(at i: Int, _ ctx: Ctx) -> (cue: ArabicLexicon.Cue, conj: Bool)? {
        let k = ctx.cueIndex[i]
        return k < 0 ? nil : ctx.cueList[Int(k)]
    }

    /// Lookups run on the word's UTF-8 bytes (`WordTable`): the form without «و»/«ف» is a suffix of
    /// them, not a new string.
    func lookupCue(at i: Int, _ ctx: Ctx) -> (cue: ArabicLexicon.Cue, conj: Bool)? {
        let tokens = ctx.tokens
        guard tokens[i].kind == .word, !tokens[i].latin else { return nil }
        guard let found = lookupCueForm(at: i, ctx) else { return nil }
        // «اتُهم», «وُصف», «ونُقل إلى»: a past-tense verb whose vowel marks say it is passive reports
        // nobody's words (the relayed «نُقل عن X» still does)
        if found.cue.type == .verb, !found.cue.imperfect, writtenPassive(tokens[i], conj: found.conj, ctx),
           !(i + 1 < tokens.count && tokens[i + 1].kind == .word && tokens[i + 1].norm.sameWord("عن")) { return nil }
        // «أعرب عون عبر تويتر عن رفضه», «المهربة عبر البحر»: «عبر» after another word is «via», unless
        // its own complement follows («ترامب عبر عن قلقه») (`preposition_homographs.tsv`)
        if !found.conj, !lexicon.prepositionHomographs.isEmpty, let h = lexicon.prepositionHomographs[tokens[i].norm], i > 0 {
            let p = tokens[i - 1]
            let asVerbAfter = p.kind != .word || opensClause(p) || complementizer(p) != nil || h.previous.contains(p.norm)
            let asVerbBefore = i + 1 < tokens.count && tokens[i + 1].kind == .word && h.next.contains(tokens[i + 1].norm)
            if !asVerbAfter && !asVerbBefore && !afterFrontedAdverbial(i, ctx) { return nil }
        }
        return found
    }

    /// «وخلال الاتصال عبر الشيخ تميم عن …», «وبشأن سوريا عبر ماكرون عن …»: the words since the
    /// sentence's start or the last punctuation open with a preposition (`prepositions.txt`) and hold no
    /// cue, so they are a fronted adverbial and the word at `i` may be the clause's verb; so may it after
    /// a short subject that a clause opener or complementizer introduces («وكان ترامب عبر علنا عن …»,
    /// «أن قائد منتخب بلجيكا عبر خلال …»).
    func afterFrontedAdverbial(_ i: Int, _ ctx: Ctx) -> Bool {
        var j = i - 1
        while j >= 0, ctx.tokens[j].kind == .word, i - j <= 16 {
            if lookupCueForm(at: j, ctx) != nil { return false }
            if i - j <= 4, j < i - 1, opensClause(ctx.tokens[j]) || complementizer(ctx.tokens[j]) != nil { return true }
            j -= 1
        }
        guard j < 0 || ctx.tokens[j].kind != .word, j + 1 < i else { return false }
        let first = ctx.tokens[j + 1]
        let prepositions = lexicon.prepositions
        return first.norm.withWordBytes { w in
            prepositions.contains(bytes: w) || lexicon.clitics.withoutConjunction(bytes: w).map { prepositions.contains(bytes: $0) } == true
        }
    }

    /// A past-tense verb written with the passive's damma: on its first letter («وُصف», «أُعلن»,
    /// «كُشف», «اُتهم»), or on the «ت» of a form that opens with alif («اتُهم», «اعتُبر», «استُبعد»).
    /// Unvoweled text (most of it) says nothing either way.
    func writtenPassive(_ t: Token, conj: Bool, _ ctx: Ctx) -> Bool {
        // the verb's first three letters (after «و»/«ف») and whether each bears a damma
        let o = conj ? 1 : 0
        var letters: (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar) = (" ", " ", " ")
        var damma: UInt8 = 0   // a bit per letter
        var n = 0              // letters seen, clitic included
        var i = t.start
        while i < t.end, n < o + 3 {
            let u = ctx.scalars[i]
            if (0x064B...0x0652).contains(u.value) {
                if u.value == 0x064F, n > o { damma |= 1 << UInt8(n - o - 1) }
            } else {
                switch n - o {
                case 0: letters.0 = u
                case 1: letters.1 = u
                case 2: letters.2 = u
                default: break
                }
                n += 1
            }
            i += 1
        }
        // (the damma of the third letter comes after it)
        while i < t.end, (0x064B...0x0652).contains(ctx.scalars[i].value) {
            if ctx.scalars[i].value == 0x064F { damma |= 4 }
            i += 1
        }
        guard n == o + 3 else { return false }
        if damma & 1 != 0 { return true }
        let a = letters.0
        guard a == "ا" || a == "أ" || a == "إ" else { return false }
        return (damma & 2 != 0 && letters.1 == "ت") || (damma & 4 != 0 && letters.2 == "ت")
    }

    func lookupCueForm(at i: Int, _ ctx: Ctx) -> (cue: ArabicLexicon.Cue, conj: Bool)? {
        let tokens = ctx.tokens
        let start = tokens[i].start, end = tokens[i].end
        return ctx.norms.withBytes(i) { w -> (cue: ArabicLexicon.Cue, conj: Bool)? in
            func written(_ c: ArabicLexicon.Cue, _ form: UnsafeBufferPointer<UInt8>) -> ArabicLexicon.Cue {
                guard c.requiresComplement, let final = lexicon.verbFinals.value(bytes: form) else { return c }
                var e = end - 1
                while e > start, (0x064B...0x0652).contains(ctx.scalars[e].value) { e -= 1 }   // «هنأَ»
                guard ctx.scalars[e] == final else { return c }
                var v = c; v.requiresComplement = false; return v
            }
            let h = WordSet.hash(w)
            if let c = lexicon.cues.value(bytes: w, hash: h) { return (written(c, w), false) }
            let bare = lexicon.clitics.withoutConjunction(bytes: w)
            let hb = bare.map { WordSet.hash($0) } ?? 0
            if let s = bare, let c = lexicon.cues.value(bytes: s, hash: hb) { return (written(c, s), true) }
            if let m = lexicon.nominalCues.value(bytes: w, hash: h) ?? bare.flatMap({ lexicon.nominalCues.value(bytes: $0, hash: hb) }),
               i + 1 < tokens.count, let r = m.rest.first {
                let n = tokens[i + 1].norm
                if n.sameWord(r) || (r.sameWord("ل") && n.unicodeScalars.first == "ل") { return (m.cue, bare != nil) }
            }
            return nil
        }
    }

    func isStop(_ t: Token) -> Bool {
        let lexicon = self.lexicon   // the closure captures the lexicon, not a copy of the extractor
        return t.norm.withWordBytes { w in
            if lexicon.speakerStops.contains(bytes: w) { return true }
            if let s = lexicon.clitics.withoutConjunction(bytes: w), lexicon.speakerStops.contains(bytes: s) { return true }
            return false
        }
    }

    /// Complementizer at a token: nil if none, else whether the content starts at it (pronoun form).
    func complementizer(_ t: Token) -> Bool? {
        guard t.kind == .word else { return nil }
        let lexicon = self.lexicon
        return t.norm.withWordBytes { w in
            if let p = lexicon.complementizers.value(bytes: w) { return p }
            if let s = lexicon.clitics.withoutConjunction(bytes: w), let p = lexicon.complementizers.value(bytes: s) { return p }
            return nil
        }
    }

    /// Whether the word, one of its clitic stems, or that stem without «ال» or a final «ه» is in `set`:
    /// «والمستشارة» → «مستشار».
    func inSet(_ t: Token, _ set: WordSet) -> Bool {
        guard t.kind == .word else { return false }
        let clitics = lexicon.clitics
        return t.norm.withWordBytes { w in
            clitics.anyStem(w) { s in
                if set.contains(bytes: s) { return true }
                if Self.opensWithArticle(s), set.contains(bytes: UnsafeBufferPointer(rebasing: s[4...])) { return true }
                // «ه» is D9 87
                if s.count >= 2, s[s.count - 2] == 0xD9, s[s.count - 1] == 0x87,
                   set.contains(bytes: UnsafeBufferPointer(rebasing: s[..<(s.count - 2)])) { return true }
                return false
            }
        }
    }

    /// A rank or honorific (`honorifics.txt`, written with the article) with or without the article
    /// and clitics: «الشيخ», «للشيخ», «شيخ».
    func isHonorific(_ t: Token) -> Bool {
        inSet(t, lexicon.honorifics) || lexicon.honorifics.contains("ال" + (lexicon.clitics.withoutConjunction(t.norm) ?? t.norm))
    }

    /// A word that opens a clause, with or without clitics («وكان», «لكن»): `clauseOpeners`.
    func opensClause(_ t: Token) -> Bool {
        let lexicon = self.lexicon   // the closures capture the lexicon, not a copy of the extractor
        return t.norm.withWordBytes { w in lexicon.clitics.anyStem(w) { lexicon.clauseOpeners.contains(bytes: $0) } }
    }

    /// «بالقول», «بتنفيذ», «بممارسة»: a preposition glued to a noun, which no name continues with.
    /// With `initial`, also «لمحاسبة», «للتأكيد» (a phrase cannot open with them; inside an
    /// organisation's name they are common: «اللجنة الوطنية لمكافحة الإرهاب»).
    func isPrepositional(_ t: Token, initial: Bool = false) -> Bool {
        var it = t.norm.unicodeScalars.makeIterator()   // the first four letters are enough
        guard let u0 = it.next(), let u1 = it.next(), let u2 = it.next(), it.next() != nil,
              u0 == "ب" || (initial && u0 == "ل") else { return false }
        return (u1 == "ا" && u2 == "ل") || u1 == "ت" || u1 == "م" || (u0 == "ل" && u1 == "ل")
    }

    /// The verb's object begins at token `j`, so the speaker phrase has ended: a verbal noun of
    /// `object_nouns.txt`, also with «و»/«ف», the article or a pronoun suffix («عدم», «دعمه»,
    /// «ورفضها»; not «لسيطرة», which continues a name: «شركة الغاز الخاضعة لسيطرة الحوثيين»), or a word ending in the possessive «ها»/«هم»/«هما» after a word that is not a title
    /// («البحرين مواطنيها», «المعارضة مشاركتها», but «وزير خارجيتها», «رئيس وزرائها»).
    func opensObject(_ j: Int, _ c: Ctx) -> Bool {
        let t = c.tokens[j]
        guard t.kind == .word, !t.latin else { return false }
        if isObjectNoun(t) {
            // «هيئة معايير الإعلان»: after a word in the construct state (no article, no tanween) a
            // noun with the article is its genitive, still the name
            // («التزامه», «التزام»: the «ال» is the root's, not the article; an article takes no pronoun)
            guard j > 0, hasArticle(t), objectNounWithArticle(t) else { return true }
            let p = c.tokens[j - 1]
            return p.kind != .word || hasArticle(p) || hasTanween(p, c)
        }
        guard j > 0, t.end - t.start >= 5 else { return false }
        var e = t.end - 1
        while e > t.start, (0x064B...0x0652).contains(c.scalars[e].value) { e -= 1 }
        let last = c.scalars[e], before = c.scalars[e - 1]
        let possessive = (last == "ا" && before == "ه") || (last == "م" && before == "ه")
            || (last == "ا" && before == "م" && e >= t.start + 2 && c.scalars[e - 2] == "ه")
        guard possessive else { return false }
        let p = c.tokens[j - 1]
        return p.kind == .word && !inSet(p, lexicon.titles) && !p.norm.sameWord("باسم")
    }

    /// «الدعم», «والإعلان»: an object noun whose «ال» is the article (without it an object noun is
    /// left), not the root's («التزام», «التزامه»).
    func objectNounWithArticle(_ t: Token) -> Bool {
        let w = lexicon.clitics.withoutConjunction(t.norm) ?? t.norm
        guard w.unicodeScalars.starts(with: "ال".unicodeScalars) else { return false }
        return index.objectForms.contains(String(w.unicodeScalars.dropFirst(2)))
    }

    /// «الإعلان», «والإعلان»: the word carries the article.
    func hasArticle(_ t: Token) -> Bool {
        let u = t.norm.unicodeScalars
        if u.starts(with: "ال".unicodeScalars) { return true }
        guard let f = u.first, f == "و" || f == "ف" else { return false }
        return u.dropFirst().starts(with: "ال".unicodeScalars)
    }

    /// «خلاله», «فيها», «عنهم»: the word ends in a third-person pronoun as written (ه, not ة).
    func endsWithPronoun(_ t: Token, _ c: Ctx) -> Bool {
        guard t.kind == .word, t.end - t.start >= 2 else { return false }
        var e = t.end - 1
        while e > t.start, (0x064B...0x0652).contains(c.scalars[e].value) { e -= 1 }
        let last = c.scalars[e]
        if last == "ه" { return true }
        guard e > t.start, c.scalars[e - 1] == "ه" || (c.scalars[e - 1] == "م" && e - 1 > t.start && c.scalars[e - 2] == "ه") else { return false }
        return last == "ا" || last == "م"
    }

    /// A word that is an object noun, bare or with «و»/«ف», the article or a pronoun suffix
    /// («عدم», «ودعمه», «رغبته»; `LinkingIndex.objectForms`).
    func isObjectNoun(_ t: Token) -> Bool {
        guard t.kind == .word else { return false }
        let forms = index.objectForms, clitics = lexicon.clitics   // captured alone, not the extractor
        return t.norm.withWordBytes { w in
            if forms.contains(bytes: w) { return true }
            if let s = clitics.withoutConjunction(bytes: w), forms.contains(bytes: s) { return true }
            return false
        }
    }

    /// «وكالة», «صحيفة», «لموقع»: an indefinite generic head (`anaphoric_heads.txt` without the
    /// article) that a quoted name completes: «وكالة "أسوشيتد برس"».
    func isGenericHead(_ t: Token) -> Bool {
        guard t.kind == .word else { return false }
        let lexicon = self.lexicon
        return lexicon.clitics.anyStem(of: t.norm) { s in
            !Self.opensWithArticle(s) && Self.withArticle(s) { lexicon.anaphoricHeads.contains(bytes: $0) }
        }
    }

    /// «لرويترز», «لفرانس برس», «للصحيفة», «لمحطة»: a news outlet governed by a glued «لـ» at `j` — a
    /// registry outlet (`LinkingIndex.outlets`) or a head of `media_heads.txt` — and where it ends; nil
    /// otherwise. A registry name that merely begins with «ل» («لافروف») is none.
    func governedOutlet(at j: Int, _ c: Ctx, limit b: Int) -> Int? {
        let t = c.tokens[j]
        guard t.kind == .word, !t.latin, opensWithLam(t) else { return nil }
        if governedMediaHead(t) { return j + 1 }
        if let m = matcher.match(at: j, in: c.tokens, limit: b), m.governed, isOutlet(m) { return m.end }
        return nil
    }

    /// «ل» as the first letter of a normalised word (D9 84).
    @inline(__always) func opensWithLam(_ t: Token) -> Bool {
        t.norm.withWordBytes { w in w.count > 2 && w[0] == 0xD9 && w[1] == 0x84 }
    }

    /// «لصحيفة», «للتلفزيون»: a head of `media_heads.txt` with a glued «لـ» (and the article's «ل»).
    func governedMediaHead(_ t: Token) -> Bool {
        let lexicon = self.lexicon   // the closure captures the lexicon, not a copy of the extractor
        return t.norm.withWordBytes { w in
            guard w.count > 2, w[0] == 0xD9, w[1] == 0x84 else { return false }
            var rest = UnsafeBufferPointer(rebasing: w[2...])
            if rest.count > 2, rest[0] == 0xD9, rest[1] == 0x84 { rest = UnsafeBufferPointer(rebasing: rest[2...]) }
            return lexicon.mediaHeads.contains(bytes: rest)
        }
    }

    /// A mention of a registry news outlet (`LinkingIndex.outlets`).
    @inline(__always) func isOutlet(_ m: ActorMatcher.Mention) -> Bool {
        if case .actor(let ai) = m.target { return index.outlets.contains(ai) }
        return false
    }

    /// Whether a «لـ» phrase at `j` inside the phrase opening at `a` is a genitive of what precedes it
    /// rather than the verb's addressee: right after a title or an affiliation word with at most two
    /// definite adjectives between («المدير العام لوكالة …», «الرئيس التنفيذي للصحيفة», «التابع
    /// للوكالة»), or in a phrase that opens with an outlet's head («الموقع الإلكتروني للصحيفة»).
    func governsGenitive(_ a: Int, _ j: Int, _ c: Ctx) -> Bool {
        if c.tokens[a].kind == .word, inSet(c.tokens[a], lexicon.mediaHeads) { return true }
        var i = j - 1, adjectives = 0
        while i >= a {
            let t = c.tokens[i]
            guard t.kind == .word else { return false }
            if inSet(t, lexicon.titles) || inSet(t, lexicon.affiliations) { return true }
            guard hasArticle(t), adjectives < 2 else { return false }
            adjectives += 1; i -= 1
        }
        return false
    }

    /// «الصحافيين», «وسائل الإعلام» (`addressees.txt`) at `j` in a phrase opening at `a`: the verb's
    /// addressee, and where it ends; nil otherwise. Opening the phrase only forms marked `start` (an
    /// oblique plural: «وأبلغ الصحافيين أن …»); after a word in the construct state — a title, an
    /// organisation's head, a word ending in ta marbuta, none with the article — a genitive:
    /// «نقابة الصحفيين», «لجنة حماية الصحفيين». With `anywhere`, every form counts (after the speaker).
    func addressee(at j: Int, from a: Int, _ c: Ctx, limit b: Int, anywhere: Bool = false) -> Int? {
        let t = c.tokens[j]
        let lexicon = self.lexicon   // the closure captures the lexicon, not a copy of the extractor
        guard t.kind == .word, !t.latin, !lexicon.addressees.isEmpty,
              t.norm.withWordBytes({ lexicon.addresseeFirstWords.contains(bytes: $0) }) else { return nil }
        for e in lexicon.addressees where e.words[0] == t.norm && j + e.words.count <= b {
            var ok = true
            for (n, w) in e.words.enumerated().dropFirst() where c.tokens[j + n].kind != .word || c.tokens[j + n].norm != w { ok = false; break }
            guard ok else { continue }
            if anywhere { return j + e.words.count }
            if j == a { return e.atStart ? j + e.words.count : nil }
            let p = c.tokens[j - 1]
            if p.kind == .word, !hasArticle(p),
               inSet(p, lexicon.titles) || isGenericHead(p) || inSet(p, lexicon.partitives) || p.norm.unicodeScalars.last == "ه" { return nil }
            return j + e.words.count
        }
        return nil
    }

    /// «ال» as UTF-8.
    static let articleBytes: [UInt8] = [0xD8, 0xA7, 0xD9, 0x84]

    /// Whether a normalised word's bytes open with «ال».
    @inline(__always) static func opensWithArticle(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        w.count >= 4 && w[0] == 0xD8 && w[1] == 0xA7 && w[2] == 0xD9 && w[3] == 0x84
    }

    /// `body` on «ال» + the word's bytes, without building a string.
    @inline(__always) static func withArticle<R>(_ w: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: w.count + 4) { buf in
            for k in 0..<4 { buf[k] = articleBytes[k] }
            for (k, b) in w.enumerated() { buf[k + 4] = b }
            return body(UnsafeBufferPointer(buf))
        }
    }

    /// Whether two normalised words' bytes are the same.
    @inline(__always) static func same(_ w: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        w.count == word.count && word.withUnsafeBufferPointer { k in
            w.isEmpty || WordSet.sameBytes(w.baseAddress!, k.baseAddress!, w.count)
        }
    }

    /// Whether the normalised letters have the shape of a verbal noun of a derived verb form
    /// (`masdar_patterns.txt`: «امتلاك», «انتهاء», «استمرار»; with `afterDefinite` also «مقاومه»).
    /// A wildcard letter is never «و»: transliterated names are full of it («أنطوان» has the shape of
    /// «انفعال»), verbal nouns almost never.
    func masdarShape(_ w: [Unicode.Scalar], afterDefinite: Bool) -> Bool {
        guard w.count >= 5, !(w[0] == "ا" && w[1] == "ل") else { return false }
        for (tpl, afterOnly) in lexicon.masdarTemplates where afterDefinite || !afterOnly {
            guard Self.fits(w, template: tpl, rootIsNot: Self.masdarRootIsNot) else { continue }
            // a template's last root letter is no ta marbuta («تقنية», «تنمية» are not «تفعيل»)
            if afterOnly, let a = tpl.last, a == "ل", w.last == "ه" { continue }
            return true
        }
        return false
    }

    /// Root letters the templates never stand for: «و» in verbal nouns (transliterated names are full
    /// of it), «ا» too in accusative participles («ملالا» is a name).
    static let masdarRootIsNot: Set<Unicode.Scalar> = ["و"]
    static let participleRootIsNot: Set<Unicode.Scalar> = ["ا", "و"]

    /// Whether the normalised letters `w` have the shape of a morphological `template`, in which «ف»,
    /// «ع» and «ل» stand for any root letter but those of `rootIsNot`, and every other letter for itself.
    static func fits(_ w: [Unicode.Scalar], template: [Unicode.Scalar], rootIsNot: Set<Unicode.Scalar>) -> Bool {
        template.count == w.count && zip(template, w).allSatisfy { a, b in
            a == "ف" || a == "ع" || a == "ل" ? !rootIsNot.contains(b) : a == b
        }
    }

    /// «غير متوقعة», «كان متوقعا», «على خلفية مطالبة مجموعة», «37 متهما», «إجراءات أمنية مشددة»: the
    /// participle cue at `k` describes the word before it or completes it (`participle_not_after.txt`;
    /// for `adjectival_participles.txt`, also after a count below a thousand or, feminine, after an
    /// indefinite feminine word); a clause of its own follows punctuation or a whole clause («، مشددة
    /// على», «وتابع حديثه قائلا», «بمعايير مزدوجة منوهة إلى»).
    func participleIsAttribute(_ k: Int, _ cue: ArabicLexicon.Cue, _ c: Ctx) -> Bool {
        guard k > 0 else { return false }
        let p = c.tokens[k - 1]
        let adjectival = inSet(c.tokens[k], lexicon.adjectivalParticiples)
        if p.kind == .number { return adjectival && p.norm.unicodeScalars.count < 4 }   // not a year: «عام 2015 مؤكدة»
        guard p.kind == .word else { return false }
        if inSet(p, lexicon.participleNotAfter) { return true }
        // («ة» as written: the normalised «ه» is also a pronoun)
        return adjectival && !hasArticle(p) && c.scalars[c.tokens[k].end - 1] == "ة" && c.scalars[p.end - 1] == "ة"
    }

    /// «ممازحا», «مخاطبا», «مستنكرا»: an indefinite accusative participle by its shape
    /// (`participle_patterns.txt`; a root letter is never «ا» or «و», so «ملالا» is none), that is no
    /// given name, title or person noun: how something was said, where the subject would stand.
    func isAccusativeParticiple(_ t: Token) -> Bool {
        guard t.kind == .word, !t.latin else { return false }
        let w = Array(t.norm.unicodeScalars)
        return lexicon.participleTemplates.contains { Self.fits(w, template: $0, rootIsNot: Self.participleRootIsNot) } && !inSet(t, lexicon.givenNames) && !inSet(t, lexicon.titles) && !inSet(t, lexicon.personNouns)
    }

    /// «امتلاك», «وانتهاء», «استمرار»: a verbal noun by its shape (`masdarShape`), without the article,
    /// that is no given name, title, institution head or person noun.
    func isMasdar(_ t: Token, afterDefinite: Bool) -> Bool {
        guard t.kind == .word, !t.latin else { return false }
        // (with «و» after a definite word it more often goes on a coordinated name: «الاتصالات وتقنية …»)
        let bare = lexicon.clitics.withoutConjunction(t.norm)
        let w = Array((bare ?? t.norm).unicodeScalars)
        guard masdarShape(w, afterDefinite: afterDefinite && bare == nil) else { return false }
        return !inSet(t, lexicon.givenNames) && !inSet(t, lexicon.titles) && !isGenericHead(t) && !inSet(t, lexicon.personNouns)
    }

    /// «بضرورة», «بعدم», «باستخدام»: «ب» glued to a verbal noun (`object_nouns.txt` or a masdar
    /// shape): the verb's complement, which no name continues with («كوهين بدفع مبلغ»).
    func isBiMasdar(_ t: Token) -> Bool {
        guard t.kind == .word, !t.latin else { return false }
        let u = t.norm.unicodeScalars
        guard u.first == "ب", u.count >= 3 else { return false }
        let rest = String(u.dropFirst())
        return index.objectForms.contains(rest) || masdarShape(Array(rest.unicodeScalars), afterDefinite: false)
    }

    /// «بحدة», «بحرارة», «بسرعة»: «ب» glued to an indefinite feminine noun (written with ة) is a manner
    /// adverbial, never a subject nor part of a name; not a given name («بثينة») nor a Maghrebi
    /// surname in «بو…» («بوعزة»).
    func isMannerAdverbial(_ t: Token, _ c: Ctx) -> Bool {
        guard t.kind == .word, !t.latin, t.end - t.start >= 4, c.scalars[t.start] == "ب", c.scalars[t.start + 1] != "و" else { return false }
        var e = t.end - 1
        while e > t.start, (0x064B...0x0652).contains(c.scalars[e].value) { e -= 1 }
        // the noun three to five letters («حدة», «سرعة», «حرارة»); a longer word is more often a
        // place («برشلونة»)
        guard c.scalars[e] == "ة", e - t.start >= 3, e - t.start <= 5 else { return false }
        return !inSet(t, lexicon.givenNames)
    }

    /// «تعاونها», «تصريحاته», «اسمهم», «امتلاكه»: a word without the article carrying a possessive
    /// pronoun as written (ها, هما, هم; a lone ه only after «ت» or on a verbal noun, since many
    /// transliterated names end in ه: «كزافييه», «غوتزه») whose stem is no person
    /// (`person_nouns.txt`, titles, institution heads: «زوجته», «محاميها», «حكومتها» speak) nor a
    /// vague head («أحدهم»). It opens the verb's object or is an adverbial: the subject is in the verb.
    func isPossessedThing(_ t: Token, _ c: Ctx) -> Bool {
        guard t.kind == .word, !t.latin, !hasArticle(t), !inSet(t, lexicon.vague) else { return false }
        var e = t.end - 1
        while e > t.start, (0x064B...0x0652).contains(c.scalars[e].value) { e -= 1 }
        guard e - t.start + 1 >= 5 else { return false }
        let last = c.scalars[e], prev = c.scalars[e - 1]
        let n: Int
        if last == "ا", prev == "ه" { n = 2 }
        else if last == "ا", prev == "م", c.scalars[e - 2] == "ه" { n = 3 }
        else if last == "م", prev == "ه" { n = 2 }
        else if last == "ه" { n = 1 }
        else { return false }
        let norm = Array(t.norm.unicodeScalars)
        guard norm.count - n >= 3 else { return false }
        var stem = Array(norm[..<(norm.count - n)])
        let taMarbuta = stem.last == "ت"
        if taMarbuta { stem[stem.count - 1] = "ه" }   // «زوجته» → «زوجه»
        var forms: [String] = []
        for s in lexicon.clitics.stems(String(String.UnicodeScalarView(stem))) {
            forms.append(s)
            let u = Array(s.unicodeScalars)
            // «زملاؤه», «أبنائه» (the hamza folded to و/ي before the pronoun) → «زملاء», «أبناء»;
            // «مؤيدو», «محاميه» → «مؤيد», «محام»
            if u.count >= 3, u[u.count - 2] == "ا", u.last == "و" || u.last == "ي" {
                forms.append(String(String.UnicodeScalarView(u.dropLast() + ["ء"])))
            }
            if u.count >= 4, u.last == "و" || u.last == "ي" { forms.append(String(String.UnicodeScalarView(u.dropLast()))) }
        }
        for f in forms {
            if lexicon.personNouns.contains(f) || lexicon.titles.contains(f) || lexicon.anaphoricHeads.contains("ال" + f)
                || lexicon.givenNames.contains(f) { return false }
        }
        if n > 1 || taMarbuta { return true }
        // a lone ه: only on a verbal noun («امتلاكه», «اعتقاده», «دعمه»)
        return forms.contains { index.objectForms.contains($0) || masdarShape(Array($0.unicodeScalars), afterDefinite: false) }
    }

    /// A word written with tanween fath («أخيراً») is an adverb or object, not part of a name.
    func hasTanween(_ t: Token, _ c: Ctx) -> Bool {
        var i = t.start
        while i < t.end { if c.scalars[i].value == 0x064B { return true }; i += 1 }
        return false
    }

    // MARK: - Extraction

    public func extract(from document: Document) -> [Statement] {
        let cache = words.take()   // not `with { … }`: a closure here would copy the whole extractor
        defer { words.give(cache) }
        return extract(from: document, cache: cache)
    }

    func extract(from document: Document, cache: WordCache) -> [Statement] {
        let text = ScalarText(document.text)
        let (tokens, norms) = Tokenizer.tokenizeWithNorms(text.scalars, cache: cache)
        let c = context(document.text, text, tokens, norms, document)
        var state = DocState()
        state.body = c.tokens
        state.title = document.title
        state.published = document.published
        var out: [Statement] = []
        if emitHeadlines, let title = document.title, !title.isEmpty {
            out.append(contentsOf: headline(title, document, &state, cache: cache))
        }
        for s in splitter.split(c.tokens) {
            let pend = sentenceStatements(c, s, &state)
            guard !pend.isEmpty else { noteSubject(c, s, &state); continue }
            let sentence = c.text(s.lowerBound, s.upperBound)
            for p in pend where p.emit {
                if let st = finish(p, c, sentence, part: "text") { out.append(st) }
            }
        }
        return out
    }

    /// The statements of one sentence, cues left to right. A cue inside an earlier statement's
    /// content is nested and skipped, unless it starts a new clause (a participle, or a verb with
    /// «و»/«ف»), which ends that content.
    func sentenceStatements(_ c: Ctx, _ s: Range<Int>, _ state: inout DocState) -> [Pending] {
        var stmts: [Pending] = []
        var open: Int?
        var k = s.lowerBound
        var consumed = -1
        var quoteDepth = 0
        var scanned = s.lowerBound
        while k < s.upperBound {
            while scanned < k {   // quotation depth up to the cue
                let t = c.tokens[scanned]
                if t.kind == .punct {
                    switch t.punct {
                    case 0xAB, 0x201C, 0x201E: quoteDepth += 1
                    case 0xBB, 0x201D: quoteDepth = max(0, quoteDepth - 1)
                    case 0x22: quoteDepth = quoteDepth > 0 ? 0 : 1
                    default: break
                    }
                }
                scanned += 1
            }
            guard k != consumed, let (cue, conj) = cue(at: k, c) else { k += 1; continue }
            if open != nil, quoteDepth > 0 { k += 1; continue }   // a cue inside quoted words is part of them
            let cutting = cue.type == .participle || conj
                || (k > s.lowerBound && opensClause(c.tokens[k - 1]))
            if let o = open, k >= stmts[o].from, !cutting { k += 1; continue }
            var next = k + 1
            if let p = build(cue, conj: conj, at: k, c, s, &state, stmts, open, &next, &consumed) {
                if let o = open, stmts[o].to > k { stmts[o].to = k }
                stmts.append(p)
                open = stmts.count - 1
                state.history.append(p.speaker)
            }
            k = max(k + 1, next)
        }
        return stmts
    }

    /// One statement for the cue at `k`, or nil when the cue does not introduce one.
    func build(_ cue: ArabicLexicon.Cue, conj: Bool, at k: Int, _ c: Ctx, _ s: Range<Int>, _ state: inout DocState,
               _ inSentence: [Pending], _ open: Int?, _ next: inout Int, _ consumed: inout Int) -> Pending? {
        let b = s.upperBound
        let tokens = c.tokens
        switch cue.type {
        case .participle:
            guard emitParticipleClauses, !participleIsAttribute(k, cue, c) else { return nil }
            let base: Pending?
            if let o = open ?? (inSentence.isEmpty ? nil : inSentence.count - 1) { base = inSentence[o] } else { base = nil }
            let sp: Speaker, text: String, res: Statement.Resolution, conf: Double
            if let base { sp = base.speaker; text = base.speakerText; res = base.resolution; conf = base.confidence }
            else if let m = sentenceSubject(k, s, c) { sp = registrySpeaker(m.0, agreement: cue.agreement); text = m.1; res = .name; conf = 0.7 }
            else if let h = carryOver(cue.agreement, state) { sp = h.0; text = ""; res = .carryover; conf = h.1 * 0.9 }
            else { return nil }
            let cs = contentStart(k + 1, b, c, cue: cue, &consumed)
            guard cs.ok else { return nil }
            next = cs.start
            return Pending(cueToken: k, cue: cue, speaker: sp, speakerText: text, resolution: res, confidence: conf,
                           from: cs.start, to: b, emit: !sp.vague)
        case .nominal:
            if let o = open, inSentence[o].from <= k { return nil }
            var a = k + 1
            var lamGlued = false
            if let r = lexicon.nominalCues[tokens[k].norm] ?? lexicon.clitics.withoutConjunction(tokens[k].norm).flatMap({ lexicon.nominalCues[$0] }) {
                a += r.rest.count
                if r.rest.first == "ل", tokens[k + 1].norm != "ل" { a -= 1; lamGlued = true }   // «للرئيس»: the preposition is glued
            }
            if a < b, tokens[a].norm == "ما" || tokens[a].norm == "لما" { return nil }   // «وفقا لما قاله …»
            while a < b, tokens[a].kind == .word, tokens[a].norm == "ل" { a += 1 }
            // «وفقا لموقع …»: the cue's «لـ» glued to the source's first word is no part of its name
            var c = c
            if lamGlued, a < b, tokens[a].kind == .word, !tokens[a].latin, tokens[a].norm.unicodeScalars.first == "ل" {
                c.gluedLam = a
                let bare = keyNorm(c, a)
                // «وفقا لذلك»: «accordingly», no source («وفقا لهذا الخبير» has one: the noun after it)
                // (nor «وفقا لتلك الإحصاءات», «وفقا لهذه الخطة»: a thing, `inanimate.txt`)
                if lexicon.nonSpeakers.contains(bare),
                   !(a + 1 < b && tokens[a + 1].kind == .word && hasArticle(tokens[a + 1])) || inSet(tokens[a + 1], lexicon.inanimate) { return nil }
                // «وفقا لتصريحات المحلل رود هول»: words said, then who said them
                if lexicon.ownWords.contains(bare), a + 1 < b, tokens[a + 1].kind == .word, !isStop(tokens[a + 1]) {
                    a += 1; c.gluedLam = -1
                }
            }
            // «حسب قول نتانياهو» → نتانياهو; «حسب قوله», «وفقا لتعبيره» → the previous speaker
            let word = a < b && tokens[a].kind == .word ? keyNorm(c, a) : ""
            if word == "قول" { a += 1; c.gluedLam = -1 }
            else if word.hasPrefix("قول") && word.unicodeScalars.count <= 6 || ownWords(word), k - s.lowerBound >= 3,
                    wordCount(tokens, s.lowerBound, k) >= 3, let h = carryOver(.unknown, state) {
                next = a + 1
                return Pending(cueToken: k, cue: cue, speaker: h.0, speakerText: c.text(a, a + 1), resolution: .carryover,
                               confidence: h.1 * 0.9, from: s.lowerBound, to: k, emit: emitNominalCues && !h.0.vague)
            }
            guard let ph = speakerPhrase(from: a, limit: b, c, gluedPreposition: a < b && tokens[a].norm.unicodeScalars.first == "ل"),
                  let r = resolve(ph, c, &state, agreement: .unknown) else { return nil }
            var from = s.lowerBound, to = k
            if k - s.lowerBound < 3 {
                // «وحسب رويترز، انتقد السناتور …»: the verb's statement is the one to report
                // (adverbs and punctuation between do not count: «وبحسب الصحيفة دائما، فقد كتب …»)
                var q = ph.end, n = 0
                while q < b, n < 3, q - ph.end < 8, complementizer(tokens[q]) == nil {
                    if self.cue(at: q, c)?.cue.type == .verb { return nil }
                    if tokens[q].kind == .word, !isStop(tokens[q]), !(tokens[q].norm.sameWord("قد") || tokens[q].norm.sameWord("فقد")) { n += 1 }
                    q += 1
                }
                var j = ph.end
                while j < b, tokens[j].kind == .punct { j += 1 }
                if j < b, let p = complementizer(tokens[j]) { j = p ? j : j + 1 }
                from = j; to = b
            }
            guard wordCount(tokens, from, to) >= 3 else { return nil }
            next = max(ph.end, k + 1)
            return Pending(cueToken: k, cue: cue, speaker: r.0, speakerText: r.1, resolution: r.2, confidence: r.3 * 0.9,
                           from: from, to: to, emit: emitNominalCues && !r.0.vague)
        case .verb:
            if k > s.lowerBound, !conj, lexicon.nonSpeakers.contains(tokens[k - 1].norm),
               k - 1 == s.lowerBound || tokens[k - 2].kind == .punct { return nil }   // «وهذا يؤكد أن …»
            if k > s.lowerBound, lexicon.relativePronouns.contains(tokens[k - 1].norm)
                || lexicon.clitics.withoutConjunction(tokens[k - 1].norm).map({ lexicon.relativePronouns.contains($0) }) == true {
                return nil   // «التي تنفي التدخل», «والذي لفت الأنظار»
            }
            if k > s.lowerBound, lexicon.noReportBefore.contains(tokens[k - 1].norm)
                || lexicon.clitics.withoutConjunction(tokens[k - 1].norm).map({ lexicon.noReportBefore.contains($0) }) == true {
                return nil   // «هل تذكر أيام …», «بشرط عدم ذكر اسمه»
            }
            // (the word as written or without «و»/«ف» only: «كان يقول» is «ك» + «ان» too)
            if cue.imperfect, k > s.lowerBound, tokens[k - 1].kind == .word,
               lexicon.subjunctiveParticles.contains(lexicon.clitics.withoutConjunction(tokens[k - 1].norm) ?? tokens[k - 1].norm) {
                return nil   // «من المقرر أن تعلن ميركل …», «قبل أن يضيف نيمار هدفا»
            }
            if k > s.lowerBound + 1, isVerbParticle(tokens[k - 1]),
               lexicon.relativePronouns.contains(tokens[k - 2].norm) { return nil }   // «التي لم تعترف»
            if insideQuotedName(k, s, c) { return nil }   // «يروي فيلم "الجميع يعلم" قصة …»
            // «ورد في النص أن …», «ما ورد فيه»: «was stated in», another verb than «و» + «رد»
            if k + 1 < b, let next = lexicon.otherReadings[tokens[k].norm], next.contains(tokens[k + 1].norm) { return nil }
            let asSaid = asSaidOpener(k, s, tokens)
            if k + 1 < b, complementizer(tokens[k + 1]) != nil,
               lexicon.impersonal.contains(lexicon.clitics.withoutConjunction(tokens[k].norm) ?? tokens[k].norm) { return nil }   // «ويذكر أن»
            var found: (Speaker, String, Statement.Resolution, Double)?
            var after = k + 1
            var afterPhrase = speakerPhrase(from: k + 1, limit: b, c, gluedPreposition: false)
            // «أعلن خلاله اللاعب الفرنسي أنطوان غريزمان أنه …», «وقال له ترامب إن …»: a preposition
            // with a pronoun between the verb and its subject; only a registry name is taken for it
            if afterPhrase == nil, k + 2 < b, isStop(tokens[k + 1]), endsWithPronoun(tokens[k + 1], c),
               let ph = speakerPhrase(from: k + 2, limit: b, c, gluedPreposition: false), let m = ph.mentions.last, m.end == ph.end {
                afterPhrase = ph
            }
            if k > s.lowerBound, tokens[k - 1].norm.sameWord("قد"), let ph = subjectAfterKana(k - 1, s, c) ?? subjectBefore(k, s, c),
               let r = resolve(ph, c, &state, agreement: cue.agreement) {
                found = r   // «وكانت روسيا قد وصفت إدلب بأنها …»
            } else if !conj, let ph = subjectBetweenKanaAndVerb(k, s, c), let r = resolve(ph, c, &state, agreement: cue.agreement) {
                found = r   // «وكان مسؤول عراقي أكد …», «وكانت وكالة الأنباء المحلية أفادت …»
            } else if let ph = afterPhrase, !isObject(ph, cue, c, b),
               // a verb before its subject is singular: after «وطالبوا», «ودعوا» a noun is the object
               // («وطالبوا المجتمع الدولي بالمساندة»), the subject is in the verb
               cue.agreement != .plural,
               !(cue.takesObject && ph.mentions.isEmpty && tokens[ph.start].norm.unicodeScalars.starts(with: "با".unicodeScalars) || isPrepositional(tokens[ph.start], initial: true)),
               let r = resolve(ph, c, &state, agreement: cue.agreement) {
                found = r; after = ph.end
            } else if !conj, let ph = subjectBefore(k, s, c), !ph.mentions.isEmpty || startsExplicitly(after, b, c, cue),
                      let r = resolve(ph, c, &state, agreement: cue.agreement) {
                found = r   // «لكن نتنياهو قال إن …»; an unknown subject only before إن/أن, «:» or a quote
            } else if conj, afterPhrase == nil, inSentence.isEmpty, cue.agreement != .plural, let ph = openingSubject(k, s, c, verb: cue),
                      let r = resolveRegistry(ph, c, &state, agreement: cue.agreement),
                      // a registry name, not a bare title the document bound earlier («وربط الرئيس …»)
                      !ph.mentions.isEmpty || r.2 == .name,
                      // the coordinated verbs share their subject, so it agrees with the cue
                      !(cue.agreement == .masculine && r.0.agreement == .feminine || cue.agreement == .feminine && r.0.agreement == .masculine) {
                found = (r.0, r.1, r.2, r.3 * 0.9)   // «ونشر ميسي صورة … وكتب فوقها "…"»: the opening verb's subject
            } else if !conj, afterPhrase == nil, let ph = relativeSubject(k, s, c, verb: cue),
                      let r = resolve(ph, c, &state, agreement: cue.agreement), !r.0.vague {
                found = r   // «لكن أردوغان الذي لم يفاوض على الاتفاق هدد …»
            } else if !conj, afterPhrase == nil, describesNounBefore(k, s, c) {
                return nil   // «بعد بيانات أشارت إلى …», «وسط تقارير تفيد بـ…»: the thing or vague source speaks
            } else if inSentence.isEmpty, let m = sentenceSubject(k, s, c) {
                found = (registrySpeaker(m.0, agreement: cue.agreement), m.1, .name, 0.7)
            } else if let h = carryOver(cue.agreement, state) {
                found = (h.0, "", .carryover, h.1)
            }
            guard var (sp, text, res, conf) = found else { return nil }
            if let opener = asSaid {   // «…، حسبما قالت الشرطة»: the clause before is what was said
                guard wordCount(tokens, s.lowerBound, opener) >= 3 else { return nil }
                next = after
                return Pending(cueToken: k, cue: cue, speaker: sp, speakerText: text, resolution: res, confidence: conf * 0.9,
                               from: s.lowerBound, to: opener, emit: !sp.vague)
            }
            let cs = contentStart(after, b, c, cue: cue, &consumed)
            guard cs.ok else { return nil }
            // «وأضاف ساديو ماني هدفا ثالثا», «أضاف لينغارد الهدف الثالث»: the verb's object makes it
            // no report (`non_report_objects.tsv`), found between the cue and the content's first
            // words (a number may come first: «وأضاف باتي ميلز 13 نقطة») when no «أن», «:» or quote
            // opens the content («وأضاف أن هدفه …» is a report)
            if !cs.explicit, let objects = lexicon.nonReportObjects[cue.lemma], objects.contains(where: { o in
                ((k + 1)..<max(k + 1, min(cs.start + 3, b))).contains { i in
                    i + o.count <= b && o.indices.allSatisfy { tokens[i + $0].kind == .word && tokens[i + $0].norm == o[$0] }
                }
            }) { return nil }
            // «قالت خديجة جنكيز، خطيبة الصحفي جمال خاشقجي، إن …»: the apposition ties her to the
            // relation phrase, for a later «وأضافت خطيبة خاشقجي»
            if after > k + 1, after < cs.start, isComma(tokens[after]),
               let k2 = ((after + 1)..<cs.start).first(where: { isComma(tokens[$0]) }) {
                bindRelation(Phrase(start: after + 1, end: k2, mentions: matcher.mentions(in: tokens, range: (after + 1)..<k2)),
                             to: sp, c, &state)
            }
            // «ونقلت رويترز عن غيغز قوله "…"»: the source speaks, the outlet is the channel; a vague
            // source («عن مصدر عسكري قوله») leaves the statement with the outlet
            if let ph = relayedSource(after, cs.start, c, relay: cue.lemma == "نقل"), let r = resolve(ph, c, &state, agreement: .unknown), !r.0.vague {
                (sp, text, res, conf) = r
            }
            next = cs.start
            var from = cs.start, to = b
            if wordCount(tokens, from, to) == 0 {
                guard let q = quoteBefore(k, s, tokens) else { return nil }   // «"…"، قال X»
                from = q.lowerBound; to = q.upperBound
            }
            return Pending(cueToken: k, cue: cue, speaker: sp, speakerText: text, resolution: res, confidence: conf,
                           from: from, to: to, emit: !sp.vague)
        }
    }

    /// Whether the verb cue at `k` describes the noun right before it: a thing or a vague source without
    /// the article (`inanimate.txt`, `vague.txt`), with up to two more words and no article, right
    /// before a verb cue that has no «و»/«ف» and no subject after it:
    /// «بعد بيانات أشارت إلى», «وسط تقارير تفيد بـ», «لكن وسائل إعلام روسية أشارت إلى». The verb is a
    /// clause describing the noun, and the noun is its subject (nobody the carried-over speaker is),
    /// unless a pronoun after the verb takes the noun back as its object («بيانا قال فيه»: then
    /// someone else spoke). The noun phrase opens the sentence or follows a stop or a punctuation mark.
    func describesNounBefore(_ k: Int, _ s: Range<Int>, _ c: Ctx) -> Bool {
        let tokens = c.tokens
        guard k > s.lowerBound, tokens[k - 1].kind == .word else { return false }
        if k + 1 < s.upperBound, isStop(tokens[k + 1]), endsWithPronoun(tokens[k + 1], c) { return false }
        func plain(_ t: Token) -> Bool {
            t.kind == .word && !t.latin && !hasArticle(t) && !isStop(t) && !opensClause(t) && complementizer(t) == nil
                && !inSet(t, lexicon.timeNouns) && !inSet(t, lexicon.givenNames) && !inSet(t, lexicon.titles)
                && !lexicon.subjunctiveParticles.contains(lexicon.clitics.withoutConjunction(t.norm) ?? t.norm)
        }
        var start = k
        while start > s.lowerBound, k - start < 3, plain(tokens[start - 1]), cue(at: start - 1, c) == nil { start -= 1 }
        // (not a head that a name completes: «صحيفة ليبراسيون رأت»)
        // («لقاء مع صديق قال إن …»: a person noun after a preposition is described too)
        let personAfterStop = start > s.lowerBound && isStop(tokens[start - 1]) && tokens[start - 1].kind == .word
            && inSet(tokens[start], lexicon.personNouns) && !isGenericHead(tokens[start])
        guard start < k, inSet(tokens[start], lexicon.inanimate) || inSet(tokens[start], lexicon.vague) && !isGenericHead(tokens[start]) || personAfterStop,
              !(start..<k).contains(where: { matcher.match(at: $0, in: tokens, limit: k) != nil }) else { return false }
        // the noun phrase opens after a stop, a preposition or a punctuation mark, not inside a longer one
        return start == s.lowerBound || tokens[start - 1].kind == .punct || isStop(tokens[start - 1])
    }

    /// The source an outlet relays between the speaker and the content: «عن» + a name phrase +
    /// that source's own words (`own_words.txt` with a pronoun, «قوله», «تصريحاتها», or «القول»):
    /// «ونقلت رويترز عن وزير المالية تارو آسو قوله إن …», «نقلت صحيفة تركية عن الرئيس رجب طيب
    /// أردوغان قوله إن …». The guidelines make the source the speaker and the outlet the channel.
    func relayedSource(_ after: Int, _ contentStart: Int, _ c: Ctx, relay: Bool) -> Phrase? {
        let tokens = c.tokens
        var r = after
        while r < contentStart, !(tokens[r].kind == .word && tokens[r].norm.sameWord("عن")) { r += 1 }
        var q = r + 1
        while q < contentStart, !(ownWords(tokens[q]) || tokens[q].norm.sameWord("القول")) { q += 1 }
        // «ونقلت وكالات الأنباء الروسية عن الوزارة أن …»: after «نقل» the source may lead straight into
        // the content («وقال لافروف عن الاتفاق إن …» is the topic: other verbs need the own words); a
        // document there («عن بيان للجيش أن») leaves the outlet, which read it
        if relay, q == contentStart, q < tokens.count, complementizer(tokens[q]) != nil,
           r + 1 < contentStart, !inSet(tokens[r + 1], lexicon.documentNouns) { q = contentStart + 1 }
        let end = min(q, contentStart)
        guard q < contentStart || q == contentStart + 1, end > r + 1,
              let ph = speakerPhrase(from: r + 1, limit: end, c, gluedPreposition: false) else { return nil }
        // the phrase is the whole source, or ends at a comma before the own words («عن ديفيد نصر الله، من
        // قسم العلوم الجراحية …، قوله»)
        guard ph.end == end || isComma(tokens[ph.end]) else { return nil }
        return ph
    }

    /// Where an "as X said" opener (`as_said.txt`) before the cue at `k` starts: «حسبما قالت»,
    /// «وفقما», «وفق ما نقل», «بحسب ما أفادت».
    func asSaidOpener(_ k: Int, _ s: Range<Int>, _ tokens: [Token]) -> Int? {
        func known(_ w: String) -> Bool {
            lexicon.asSaid.contains(w) || lexicon.clitics.withoutConjunction(w).map { lexicon.asSaid.contains($0) } == true
        }
        if k > s.lowerBound, tokens[k - 1].kind == .word, known(tokens[k - 1].norm) { return k - 1 }
        if k > s.lowerBound + 1, tokens[k - 2].kind == .word, tokens[k - 1].kind == .word,
           known(tokens[k - 2].norm + " " + tokens[k - 1].norm) { return k - 2 }
        return nil
    }

    func wordCount(_ tokens: [Token], _ a: Int, _ b: Int) -> Int {
        var n = 0
        var i = a
        while i < b { if tokens[i].kind == .word || tokens[i].kind == .number { n += 1 }; i += 1 }
        return n
    }

    /// A quotation that opens the sentence and closes before the cue at `k`.
    func quoteBefore(_ k: Int, _ s: Range<Int>, _ tokens: [Token]) -> Range<Int>? {
        guard k > s.lowerBound + 2, isQuote(tokens[s.lowerBound]) else { return nil }
        var j = k - 1
        while j > s.lowerBound, tokens[j].kind == .punct, !isQuote(tokens[j]) { j -= 1 }
        guard j > s.lowerBound + 1, isQuote(tokens[j]) else { return nil }
        return (s.lowerBound + 1)..<j
    }

    /// Where the content starts after the speaker: after a complementizer (إن، أن، بأن، إلى أن), a colon
    /// or at a quote, looking past a parenthesis («- في مؤتمر صحفي … -») and adverbials
    /// («للصحافيين في صوفيا»); else right after the speaker, for verbs that take their content as an
    /// object («طالب … بوقف تدهور العلاقات»). `ok` is false when the cue needs a complementizer
    /// (noun homographs like «رد», «كشف») or a particular word («أعرب عن») that is not there.
    func contentStart(_ p: Int, _ b: Int, _ c: Ctx, cue verb: ArabicLexicon.Cue, _ consumed: inout Int) -> (start: Int, ok: Bool, explicit: Bool) {
        let tokens = c.tokens
        var j = p
        var steps = 0
        var adverbial = false
        var source = false
        var run = 0
        while j < b, steps < 16 {
            let t = tokens[j]
            steps += 1
            if t.kind == .punct {
                if isDash(t) || t.punct == 0x28 {
                    let closer: UInt32 = t.punct == 0x28 ? 0x29 : t.punct
                    var e = j + 1
                    while e < b, !(tokens[e].kind == .punct && (tokens[e].punct == closer || (closer != 0x29 && isDash(tokens[e])))) { e += 1 }
                    if e < b, e - j < 30 { j = e + 1; adverbial = false; continue }
                    j += 1; continue
                }
                if t.punct == 0x3A { return (j + 1, verb.needs.isEmpty, true) }
                if isQuote(t) {
                    // «قال لوكالة "رويترز" إن …»: a short quoted name inside an adverbial
                    if adverbial {
                        var e = j + 1
                        while e < b, e - j <= 5, tokens[e].kind == .word { e += 1 }
                        if e < b, e > j + 1, isQuote(tokens[e]), e + 1 < b, tokens[e + 1].kind == .word {
                            j = e + 1; continue
                        }
                    }
                    return (j, verb.needs.isEmpty, true)
                }
                if isComma(t) {
                    // «، الذي أجرى الجراحة …،» or «، الكرواتي زوران ماميتش، إن»: skip to a complementizer after the next comma
                    if let q = complementizerAfterComma(j + 1, b, c) { return (q, true, true) }
                    j += 1; continue
                }
                if t.punct == 0x23 { j += 1; continue }
                break
            }
            // «وقال سابيو لرويترز "…"», «وأبلغ كالين الصحافيين أن …»: the addressee is an adverbial
            if let e = governedOutlet(at: j, c, limit: b) {
                adverbial = true; run = 0; source = false; j = e; continue
            }
            if !adverbial, let e = addressee(at: j, from: j, c, limit: b, anywhere: true), contentOpensAfterAddressee(e, b, c) {
                adverbial = true; run = 0; source = false; j = e; continue
            }
            if !verb.needs.isEmpty {
                if verb.needs.contains(t.norm) { return (j, true, true) }
                if !isStop(t), j == p || !adverbial { return (p, false, false) }
            }
            // a verb that needs its own word («عبر» … «عن») is no cue before a bare complementizer:
            // «أعلن ذلك … عبر حسابه في "تويتر" أن …» is the preposition «via»
            if complementizer(t) != nil { return (j > p && tokens[j - 1].norm.sameWord("الي") ? j - 1 : j, verb.needs.isEmpty, true) }
            if let (cc, conj) = cue(at: j, c) {
                if cc.type == .participle, wordCount(tokens, p, j) == 0 {
                    consumed = j; j += 1; continue   // «وتابع ماكرون قائلا إن …»
                }
                if conj { break }
            }
            if t.norm.sameWord("الي"), j + 1 < b, complementizer(tokens[j + 1]) != nil { j += 1; continue }
            if isStop(t) { adverbial = true; run = 0; source = t.norm.sameWord("عن"); j += 1; continue }
            if !adverbial {
                if verb.requiresComplement { return (p, false, false) }
                return (j, true, false)
            }
            run += 1
            // not an adverbial any more: the content began at `p`; a source after «عن» may be a
            // title and a name: «ونقلت "رويترز" عن وزير المالية تارو آسو قوله إن …»
            if run > (source ? 6 : 3) { break }
            j += 1
        }
        if verb.requiresComplement || !verb.needs.isEmpty { return (p, false, false) }
        var q = p
        while q < b, tokens[q].kind == .punct { q += 1 }
        return (q, true, false)
    }

    /// Whether the content opens right after an addressee ending at `e` («وأبلغ كالين الصحافيين الأجانب
    /// في إسطنبول أن …», «وأبلغ الصحفيين: "…"»): a complementizer after at most two words besides
    /// speaker stops, or a colon, quote or participle cue after stops only. Otherwise the addressee is
    /// the verb's object and part of what was said («متهما وسائل الإعلام بترديد "الهراء"»).
    func contentOpensAfterAddressee(_ e: Int, _ b: Int, _ c: Ctx) -> Bool {
        var q = e, words = 0
        while q < b, q - e < 10 {
            let t = c.tokens[q]
            if t.kind == .punct {
                if t.punct == 0x3A || isQuote(t) { return words == 0 }
                if isComma(t) { q += 1; continue }
                return false
            }
            if complementizer(t) != nil { return true }
            if let (cc, _) = cue(at: q, c), cc.type == .participle { return words == 0 }
            if !isStop(t) { words += 1; if words > 2 { return false } }
            q += 1
        }
        return false
    }

    /// A complementizer or colon right after a comma within the next few tokens, no cue between:
    /// «وقال مدرب العين، الكرواتي زوران ماميتش، إن …» → the «إن».
    func complementizerAfterComma(_ from: Int, _ b: Int, _ c: Ctx) -> Int? {
        var q = from
        while q < b, q - from < 14 {
            let t = c.tokens[q]
            if cue(at: q, c) != nil || isQuote(t) || (t.kind == .punct && t.punct == 0x2E) { return nil }
            if isComma(t), q + 1 < b {
                let n = c.tokens[q + 1]
                if complementizer(n) != nil { return q + 1 }
                if n.kind == .punct && n.punct == 0x3A { return q + 2 }
            }
            q += 1
        }
        return nil
    }

    /// A short quoted name right after the verb that the registry does not know, followed by the
    /// complementizer that opens the content: «وذكرت "وايمو" بأنها …», «وقالت "إمبراير" إنها …»
    /// (after a verb only; one word only after a feminine verb).
    /// News writes company and brand names in quotes; without this the verb had no subject and the
    /// statement went to the previous sentence's speaker. A quoted object noun, a possessed thing
    /// («أبدى "تفاؤله" حيال»), a verbal noun or an adverb is no name.
    func quotedSubject(_ from: Int, _ to: Int, _ next: Token?, _ c: Ctx) -> Bool {
        guard to > from, to - from <= 3, let next, complementizer(next) != nil,
              from >= 2, let verb = cue(at: from - 2, c)?.cue, verb.type == .verb else { return false }   // «وبحسب "وفا" فإن …» keeps its inner statements
        // Quoted names are mostly of companies, outlets and bodies, which take a feminine verb; one
        // quoted word after another verb is as often the start of the content («وقال "يستحيل" أن …»)
        guard verb.agreement == .feminine || to - from >= 2 else { return false }
        // «وأكد "للأمة الإيرانية" أن …»: a quoted phrase governed by a preposition is an addressee
        if isPrepositional(c.tokens[from], initial: true) { return false }
        for i in from..<to {
            let t = c.tokens[i]
            if isObjectNoun(t) || isPossessedThing(t, c) || hasTanween(t, c) || isMasdar(t, afterDefinite: false)
                || inSet(t, lexicon.timeNouns) || cue(at: i, c) != nil { return false }
        }
        return true
    }

    /// The closing quote of a short quoted name opening at `j` (up to five words or numbers, the
    /// name of what the word before it heads), or nil: the quote is content when it runs longer,
    /// holds punctuation, or ends the sentence or the clause («وقالت الشركة "نحن ملتزمون"»).
    func quotedName(after j: Int, limit b: Int, _ c: Ctx) -> Int? {
        let tokens = c.tokens
        var e = j + 1
        while e < b, e - j <= 5, tokens[e].kind == .word || tokens[e].kind == .number { e += 1 }
        guard e < b, e > j + 1, isQuote(tokens[e]), e + 1 < b else { return nil }
        let next = tokens[e + 1]
        if next.kind == .punct, !isComma(next) { return nil }
        for i in (j + 1)..<e where cue(at: i, c) != nil || complementizer(tokens[i]) != nil { return nil }
        return e
    }

    /// Whether the cue at `k` is a word of a short quoted name after a head of `quoted_name_heads.txt`
    /// or `work_heads.txt` («فيلم "الجميع يعلم"», «صحيفة "رأي اليوم"»): a name, not a report.
    func insideQuotedName(_ k: Int, _ s: Range<Int>, _ c: Ctx) -> Bool {
        let tokens = c.tokens
        var q = k - 1
        while q > s.lowerBound, k - q <= 4, tokens[q].kind == .word { q -= 1 }
        guard q > s.lowerBound, isQuote(tokens[q]), tokens[q - 1].kind == .word,
              inSet(tokens[q - 1], lexicon.quotedNameHeads) || inSet(tokens[q - 1], lexicon.workHeads) else { return false }
        var e = k + 1
        while e < s.upperBound, e - q <= 6, tokens[e].kind == .word { e += 1 }
        return e < s.upperBound && e - q <= 6 && isQuote(tokens[e])
    }

    /// A word that belongs to a title phrase rather than to a name: a title word, or one with the
    /// article or a preposition glued to it («الخاص», «للأمين», «بالأمم»).
    func isTitlePart(_ t: Token) -> Bool {
        let u = t.norm.unicodeScalars
        return inSet(t, lexicon.titles) || u.starts(with: "ال".unicodeScalars) || u.starts(with: "لل".unicodeScalars)
            || u.starts(with: "بال".unicodeScalars)
    }

    /// «لكرة القدم» in «رئيس الاتحاد الإسباني لكرة القدم», «لحقوق الإنسان» in «مفوض الأمم المتحدة
    /// لحقوق الإنسان», «لشؤون الإعلام» in «وزيرة الدولة لشؤون الإعلام»: «لـ» glued to a noun in the
    /// construct state with a definite word after it is the title's complement (what the office is
    /// for), not the first word of its holder's name. A given name («ليلى», «لميس») or a registry name
    /// starting at `i` is a name all the same, and a word whose «ل» is its own is no complement
    /// («لجنة», an institution's head; «لواء», a title); so is a word too short to carry «لـ» and a
    /// noun. The next word has the article itself («فالبوينا» is no «فـ» and «البوينا»).
    func isLamComplement(at i: Int, limit e: Int, _ c: Ctx) -> Bool {
        let t = c.tokens[i]
        guard t.kind == .word, !t.latin, i + 1 < e, c.tokens[i + 1].kind == .word,
              c.tokens[i + 1].norm.unicodeScalars.starts(with: "ال".unicodeScalars) else { return false }
        let u = t.norm.unicodeScalars
        // (the whole word, «ل» included: `inSet` would read «لشركة» as «لـ» and «شركة»)
        func owns(_ set: WordSet) -> Bool { set.contains(t.norm) || set.contains("ال" + t.norm) }
        guard u.first == "ل", u.count >= 4, !u.starts(with: "لل".unicodeScalars), !owns(lexicon.givenNames),
              !owns(lexicon.institutionHeads), !owns(lexicon.titles),
              matcher.match(at: i, in: c.tokens, limit: e) == nil else { return false }
        return true
    }

    /// Whether tokens `a..<j` of a titled phrase hold a word that is no part of a title: no title
    /// word, none with the article («الخاص», «للأمين»), no stop («في», «باسم»), no place glued to
    /// «بـ» («بواشنطن»). Such a word is most often a name, and after a name the phrase is complete:
    /// what follows a comma is an apposition or the verb's object («النجم الإسباني سيسك فابريغاس، لاعب
    /// تشيلسي، إنجازا جديدا»), while a title alone goes on to its name («الباحث، جيروم برين، …»).
    /// (A title that ends in a place or an organisation without the article, «حاكم كاليفورنيا، جيري
    /// براون،», stops here too; the name after its comma is then taken by the rule for long titles at
    /// the end of `speakerPhrase`.)
    func namesSomeone(_ a: Int, _ j: Int, _ c: Ctx) -> Bool {
        let tokens = c.tokens
        var i = a
        while i < j {
            let t = tokens[i]
            if t.kind != .word { i += 1; continue }
            if isTitlePart(t) || t.norm.unicodeScalars.starts(with: "وال".unicodeScalars) || isStop(t) { i += 1; continue }
            if t.norm.unicodeScalars.first == "ب", let e = gluedPlace(at: i, tokens, limit: j) { i = e; continue }
            if isLamComplement(at: i, limit: j, c) { i += 1; continue }
            return true
        }
        return false
    }

    /// The closing quote of a short name in Latin script quoted at token `j` («"ICRC"», «"S&P"»,
    /// «"Human Rights Watch"»), when the sentence goes on after it with a comma or a word: a speaker's
    /// apposition. Nil for anything else, and for a quote that ends the sentence (then it is the words
    /// said: «وكتب ترامب "MAKE AMERICA GREAT AGAIN"».)
    func quotedLatinName(after j: Int, limit b: Int, _ c: Ctx) -> Int? {
        let tokens = c.tokens
        var e = j + 1, latinWords = 0
        while e < b, e - j <= 4 {
            let t = tokens[e]
            if t.kind == .word, t.latin { latinWords += 1 }
            else if t.kind == .number || (t.kind == .punct && (t.punct == 0x26 || t.punct == 0x2D || t.punct == 0x2E)) {}
            else { break }
            e += 1
        }
        guard latinWords > 0, e + 1 < b, isQuote(tokens[e]) else { return nil }
        let next = tokens[e + 1]
        return isComma(next) || (next.kind == .word && !next.latin) ? e : nil
    }

    /// A word of an organisation's name or an office: a title («المتحدث»), the head of an institution
    /// («وزارة», «مجلس»), of a quoted name («منظمة») or an anaphoric head («الاتحاد», «الحركة»).
    func isOrganisationWord(_ t: Token) -> Bool {
        t.kind == .word && (inSet(t, lexicon.titles) || inSet(t, lexicon.institutionHeads) || inSet(t, lexicon.quotedNameHeads)
            || isGenericHead(t) || inSet(t, lexicon.anaphoricHeads))
    }

    /// The closing parenthesis of a short gloss opened at token `j`: one to three words, no figures
    /// («(البنتاغون)», «(سي آي إيه)», «(CIA)»; not «(25 عاما)», «(...)»). Nil for anything else.
    func parenthesisedGloss(at j: Int, limit b: Int, _ c: Ctx) -> Int? {
        var e = j + 1
        while e < b, e - j <= 3, c.tokens[e].kind == .word { e += 1 }
        guard e > j + 1, e < b, c.tokens[e].kind == .punct, c.tokens[e].punct == 0x29 else { return nil }
        return e
    }

    /// The name phrase after a verb: «وقال وزير الخارجية الروسي، سيرجي لافروف إن» → «وزير … لافروف».
    func speakerPhrase(from a: Int, limit b: Int, _ c: Ctx, gluedPreposition: Bool) -> Phrase? {
        let tokens = c.tokens
        if let issuer = issuerPhrase(a, b, c) { return issuer }
        var j = a, end = a, words = 0
        var mentions: [ActorMatcher.Mention] = []
        var titled = false
        var endsWithActor = false
        var budget = 10, extended = false
        var nameEnd: Int?
        var holderStart: Int?
        // the last parenthesised gloss skipped that names nobody in the registry: (its «(», its end)
        var bareGloss: (open: Int, end: Int)?
        while j < b, words < budget {
            let t = tokens[j]
            if t.kind == .punct {
                if t.punct == 0x23 { j += 1; continue }
                // «ونقلت صحيفة "الماركا" عن لوف قوله»: a registry name matched across its opening quote
                // («صحيفة الماركا») closes with it; left out, the closing quote would open the content
                // and hide the relayed source
                if isQuote(t), end == j, j > a, (a..<j).lazy.filter({ isQuote(tokens[$0]) }).count % 2 == 1 {
                    j += 1; end = j; continue
                }
                // «كيم جونغ-أون», «جان-بيير لاكروا»: a hyphen glued to Arabic words on both sides joins
                // the parts of one name; the word after it is the name's, whatever it also is («جاي-إن»)
                if end == j, j > a, !endsWithActor, ActorMatcher.nameHyphen(tokens[...], j), j + 2 <= b {
                    j += 2; end = j; words += 1; continue
                }
                // «المتحدثة باسم وزارة الدفاع (البنتاغون) دانا وايت», «وزارة الدفاع (البنتاغون)»: a short
                // gloss in parentheses after a word of the phrase is part of it. A registry name there
                // names the organisation glossed (when the phrase names none yet and has a word of an
                // organisation or office before it: «شارل تانوك (حزب المحافظين)» is a person's party);
                // after a head the gloss is the name itself («وكالة (معا)», «شبكة (فوكس نيوز)»); any
                // other gloss stays out when the phrase ends with it («وقال أحمد (اسم مستعار)»). The
                // phrase goes on after it only to a comma, a registry person or a title's holder
                // («رئيس الاتحاد الدولي لكرة القدم (فيفا) جياني إنفانتينو»); else it ends there («وقالت
                // المفوضية (الأوروبية) تركيا»: the verb's object). After a registry name the phrase ended.
                if t.punct == 0x28, end == j, j > a, !endsWithActor, let e = parenthesisedGloss(at: j, limit: b, c) {
                    let inner = matcher.mentions(in: tokens, range: (j + 1)..<e)
                    if inner.count == 1, inner[0].start == j + 1, inner[0].end == e, case .actor = inner[0].target,
                       !mentions.contains(where: { $0.end == j }),
                       !mentions.isEmpty || (a..<j).contains(where: { isOrganisationWord(tokens[$0]) }) {
                        mentions += inner; bareGloss = nil
                    } else if j - 1 == a, inSet(tokens[a], lexicon.quotedNameHeads) || inSet(tokens[a], lexicon.mediaHeads) {
                        bareGloss = nil
                    } else {
                        bareGloss = (j, e + 1)
                    }
                    j = e + 1; end = j
                    guard j < b else { break }
                    let hasPerson = mentions.contains(where: { if case .actor(let ai) = $0.target { return matcher.actors[ai].kind == .person }; return false })
                    if isComma(tokens[j]) || titled && !hasPerson { continue }
                    if let m = matcher.match(at: j, in: tokens, limit: b), case .actor(let ai) = m.target, matcher.actors[ai].kind == .person { continue }
                    break
                }
                // «ويقول د. مهروترا»: a full stop after an abbreviation or a single letter
                if t.punct == 0x2E, end == j, j > a, j + 1 < b, tokens[j + 1].kind == .word, isAbbreviation(tokens[j - 1]) {
                    j += 1; continue
                }
                // «منظمة "غولوس" غير الحكومية», «صحيفة "واشنطن بوست"», «وكالة "رويترز".», and a
                // registry name quoted alone: «وتقول "بلومبرغ" إن …»
                if isQuote(t), !endsWithActor, end == a || words == 1 {
                    var e = j + 1
                    while e < b, e - j <= 5, tokens[e].kind == .word { e += 1 }
                    if e < b, e > j + 1, isQuote(tokens[e]) {
                        let inner = matcher.mentions(in: tokens, range: (j + 1)..<e)
                        var whole = false
                        if inner.count == 1, inner[0].start == j + 1, inner[0].end == e, case .actor = inner[0].target { whole = true }
                        let next = e + 1 < b ? tokens[e + 1] : nil
                        // a quoted word after a person's short name is the verb's object: «وأدان عباس
                        // "المجازر" في …»
                        let accept = end == a ? whole || quotedSubject(j + 1, e, next, c)
                            : (next?.kind == .word && !isShortName(tokens[a])) || whole || (isGenericHead(tokens[a]) && next?.kind != .word)
                        if accept {
                            words += e - j - 1; j = e + 1; end = j
                            // a registry name inside a longer quoted name is not the speaker: «نجم "مسرح مصر"»
                            // after a title the person's name may follow: «محامي "سامسونغ" جون كين»
                            if whole { mentions += inner; endsWithActor = !titled }
                            continue
                        }
                    }
                }
                // «موقع "9to5mac" التقني», «وكالة أنباء "أنترفاكس"», «لدى مجموعة "لندن كابيتال غروب"»:
                // a short quoted name after the head of an organisation's name (a registry name
                // quoted so is the speaker: «مجموعة "أبل"»)
                // (after a registry name or office the quote is its apposition and stays out:
                // «المتحدث الرسمي باسم قوات التحالف "تحالف دعم الشرعية"»)
                if isQuote(t), !endsWithActor, end == j, words >= 1, inSet(tokens[j - 1], lexicon.quotedNameHeads),
                   !mentions.contains(where: { $0.end == j }), let e = quotedName(after: j, limit: b, c) {
                    let inner = matcher.mentions(in: tokens, range: (j + 1)..<e)
                    // a registry name so quoted speaks when its head opens the phrase («مجموعة "أبل"»),
                    // and a person anywhere («الرئيس التنفيذي للشركة "تيم كوك"»); an organisation deeper
                    // in it may be the verb's object («ويتهم النظام وأنصاره مجموعة "الخوذ البيضاء"»)
                    if inner.count == 1, inner[0].start == j + 1, inner[0].end == e, case .actor(let ai) = inner[0].target,
                       j - 1 == a || matcher.actors[ai].kind == .person {
                        mentions += inner; endsWithActor = !titled
                    }
                    words += 1; j = e + 1; end = j   // one name: the person may follow («… "X" جاسبر لولر»)
                    continue
                }
                // «ذكرت اللجنة الدولية للصليب الأحمر "ICRC"، أن …», «مكتب تنسيق الشؤون الإنسانية "OCHA"
                // التابع للأمم المتحدة»: the speaker's own name or abbreviation in Latin script, quoted,
                // is its apposition, not a quotation of its words
                if isQuote(t), end == j, words >= 1, let e = quotedLatinName(after: j, limit: b, c) {
                    if nameEnd == nil { nameEnd = j }
                    j = e + 1; end = j; continue
                }
                if isComma(t), end > a, j + 1 < b, tokens[j + 1].kind == .word, !isStop(tokens[j + 1]),
                   cue(at: j + 1, c) == nil, complementizer(tokens[j + 1]) == nil {
                    let m = matcher.match(at: j + 1, in: tokens, limit: b)
                    if m != nil || inSet(tokens[j + 1], lexicon.titles) || (titled && !endsWithActor && !namesSomeone(a, j, c)) {
                        // a long title before the comma leaves room for the name after it: «الممثل الخاص
                        // للأمين العام … ورئيس البعثة الأممية، محمد صالح النظيف، …»
                        if !extended, words >= 7 { budget = max(budget, words + 3); extended = true }
                        j += 1; continue
                    }
                }
                break
            }
            if t.kind != .word { break }
            if endsWithActor {
                // «صحيفة الإندبندنت البريطانية», «وكالة "رويترز" البريطانية»: a state's adjective right
                // after an organisation's registry name describes it and closes the phrase, rather than
                // open the content («… البريطانية إن …») or stand between the outlet and its relayed
                // source («… البريطانية عن لوف قوله»); a state's name that is also its adjective
                // («السعودية») may be the verb's object and stays out
                if let m = mentions.last, describesOrganisation(j, after: m, c, limit: b) { j += 1; end = j; continue }
                break   // a registry name ends the phrase: «وصف ترامب الاتفاق …»
            }
            // «وقال محسن علي لفرانس برس», «وقال شولتز للصحيفة»: an outlet governed by «لـ» is the verb's
            // addressee, not part of the speaker (after a title it is a genitive: «المدير العام لوكالة …»)
            if j > a || !gluedPreposition, governedMediaHead(t), j == a || !governsGenitive(a, j, c) { break }
            // «وأبلغ كالين الصحافيين أن …»: the addressee is the verb's object
            if addressee(at: j, from: a, c, limit: b) != nil { break }
            if let m = matcher.match(at: j, in: tokens, limit: b) {
                // «يقول لبي بي سي إن»: a name governed by a preposition is no subject (unless a
                // nominal cue's own preposition is glued to it: «وفقا لرويترز»)
                if j == a, m.governed, !gluedPreposition { break }
                // «وقال سابيو لرويترز»: a registry outlet governed by «لـ» is the addressee (after a
                // title a genitive: «الرئيس التنفيذي لرويترز»)
                if j > a, m.governed, isOutlet(m), opensWithLam(t), !governsGenitive(a, j, c) { break }
                // «وقال متحدث باسم الشركة لبي بي سي إن»: an addressee with a stop preposition ends the phrase
                if j > a, m.governed, isStop(t) { break }
                if j == a, case .role = m.target { titled = true }
                // «وطالب مجلس الجامعة مجلس الأمن بـ…», «واتهمت المعارضة الحكومة السورية»: an
                // organisation of two words or more right after an untitled subject that ends in a
                // definite word, not joined to it by a preposition, «و» or a comma, is the verb's
                // object. After a word without the article it is a genitive («مكتب رئاسة الحكومة
                // العراقية»); a one-word one is often a nisba adjective («وزارة العدل السعودية»).
                if j > a, !titled, !m.governed, !m.conjoined, m.end - m.start >= 2, case .actor(let ai) = m.target,
                   matcher.actors[ai].kind == .organisation, mentions.isEmpty, tokens[j - 1].kind == .word,
                   tokens[j - 1].norm.unicodeScalars.starts(with: "ال".unicodeScalars),
                   !(a..<j).contains(where: { isComma(tokens[$0]) || inSet(tokens[$0], lexicon.titles) }) { break }
                // a person's name ends the phrase; an organisation only when it opens it
                // («وزارة الخارجية الروسية قالت» vs «وزير الخارجية الأمريكية ريكس تيلرسون»)
                if case .actor(let ai) = m.target, matcher.actors[ai].kind == .person || j == a { endsWithActor = true }
                mentions.append(m); words += m.end - m.start; j = m.end; end = j; continue
            }
            if titled, t.norm == "لدي", j + 1 < b, tokens[j + 1].kind == .word { j += 1; end = j; words += 1; continue }
            if writtenName(j, c) { j += 1; end = j; words += 1; continue }   // «وأعلن عبد العزيز علي المتحدث …»
            if j > a, continuesGivenName(j, b, c) { j += 1; end = j; words += 1; continue }   // «المهندس محمد الماضي، "…"»
            if !(j == a && gluedPreposition) {
                if hasTanween(t, c) { break }   // «أخيراً», «مجدداً»: adverbs, never names
                if j == a, inSet(t, lexicon.timeNouns) { break }   // «حذرت العام الماضي من …»: a dropped subject
                if j == a, isObjectNoun(t) {
                    break   // «وأبدى اهتمامه بـ…»: the object follows a dropped subject
                }
                // «وأكدت تعاونها بشكل كامل», «وأعلن انتهاء العمل»: a possessed thing or a verbal noun
                // opens the object; the subject is the pronoun in the verb
                // (a possessed noun before a quoted or registry name is its apposition: «منافستها "سامسونغ"»)
                if j == a, isPossessedThing(t, c), !(j + 1 < b && (isQuote(tokens[j + 1]) || matcher.match(at: j + 1, in: tokens, limit: b) != nil)) { break }
                if j == a, isMasdar(t, afterDefinite: false) || isBiMasdar(t) { break }
                if j == a, isAccusativeParticiple(t) { break }   // «وأضاف ممازحا: …»: how, not who
                // «فأجاب بحدة "…"», «ورحب بحرارة بالوفد»: a manner adverbial where the subject would be;
                // before a word that continues it, a noun («وقالت بلدية باريس», «بعثة الاتحاد الأوروبي»)
                if j == a, isMannerAdverbial(t, c),
                   j + 1 >= b || tokens[j + 1].kind != .word || isStop(tokens[j + 1]) || isPrepositional(tokens[j + 1])
                    || cue(at: j + 1, c) != nil || complementizer(tokens[j + 1]) != nil { break }
                // «المتحدث الإعلامي لمديرية الدفاع المدني بمنطقة عسير العقيد محمد العاصم»: where the
                // office is; the holder's name may follow
                if j > a, titled, !endsWithActor, let e = gluedPlace(at: j, tokens, limit: b), e > j + 1 {
                    words += e - j; budget += e - j; j = e; end = j; continue
                }
                if j > a, isPrepositional(t) || isBiMasdar(t) { break }   // «وطالب ظريف الدول الأوروبية بممارسة …», «كوهين بدفع مبلغ»
                // «وهدد الرجوب بحملة ضد …», «وسجل مينا بضربة رأسية», «حزب "كلنا" برئاسة …»: after an
                // untitled subject of two words at most, «ب» on a short feminine noun opens the verb's
                // complement or an adverbial; not a nisba («بحثية»), a place or institution the subject
                // belongs to («بجامعة», «بمنطقة»), nor a family name after a given name («نزار بركة»)
                // (nor an adjective «بارزة», a name «بنسودة», a noun of its own «ب» in `bi_nouns.txt`: «بطولة»)
                if j > a, !titled, wordCount(tokens, a, j) <= 2, isMannerAdverbial(t, c),
                   tokens[j - 1].kind == .word, !inSet(tokens[j - 1], lexicon.givenNames), !inSet(tokens[j - 1], lexicon.titles),
                   c.scalars[t.start + 1] != "ا", c.scalars[t.start + 1] != "ن",
                   !t.norm.unicodeScalars.reversed().starts(with: "هي".unicodeScalars), !lexicon.biNouns.contains(t.norm),
                   !inSet(t, lexicon.institutionHeads), !inSet(t, lexicon.placeNouns), !inSet(t, lexicon.affiliations) { break }
                // «وأشاد معلول بإنجازات فريقه», «تعهد مرشحو المعارضة بإنهاء …»: «ب» glued to a word written
                // with a hamza on its alef opens the verb's complement (no name is so written)
                // (after a title, or «القائم», it is the title's: «القائم بأعمال السفير»)
                // (first, it leaves the subject in the verb: «ولكنه أشاد بأداء لاعبيه»)
                if c.scalars[t.start] == "ب", t.end - t.start >= 5, c.scalars[t.start + 1] == "إ" || c.scalars[t.start + 1] == "أ",
                   j == a || !inSet(tokens[j - 1], lexicon.titles) && !inSet(tokens[j - 1], lexicon.actingTitles) { break }
                // «وأعلنت الدولتان انتهاء نزاع», «وتبدي الميليشيا مقاومة يائسة»: after a definite word
                // that is no title (a title may precede a name: «المدرب توفيق»), a verbal noun opens the object
                if j > a, c.tokens[j - 1].kind == .word, hasArticle(c.tokens[j - 1]), !hasArticle(t),
                   !inSet(c.tokens[j - 1], lexicon.titles), isMasdar(t, afterDefinite: true) { break }
                if j > a, opensObject(j, c) { break }    // «وأكد الوليد دعمه الكلي …»
                // «… العقيد عبد الله صالح معرجي انشقاقه»: a possessed thing after a word that is no title
                // («رئيس وزرائها» is a title) is the verb's object
                if j > a, !inSet(tokens[j - 1], lexicon.titles), isPossessedThing(t, c) { break }
                // «علي عبدالكريم أحد الأصوات المثقفة»: after a name «أحد» opens its apposition; after a
                // title or person noun it is a genitive: «مدير أحد المحال», «زوجة أحد القتلى»
                if j > a, !titled, lexicon.appositionOpeners.contains(ArabicLexicon.written(c.text(j, j + 1))),
                   !(a..<j).contains(where: { tokens[$0].kind == .word && (inSet(tokens[$0], lexicon.titles) || inSet(tokens[$0], lexicon.personNouns)
                       || inSet(tokens[$0], lexicon.relations) || tokens[$0].norm.sameWord("باسم")) }) { break }
                // «وقالت متحدثة باسم الشركة»: before «باسم» the feminine participle is the noun
                // «spokeswoman», the speaker («متحدثا باسم», accusative, stays the adverbial «speaking»)
                let spokeswoman = c.scalars[t.end - 1] == "ة" && j + 1 < b && tokens[j + 1].norm.sameWord("باسم")
                if isStop(t) && !spokeswoman || cue(at: j, c) != nil || complementizer(t) != nil { break }
            }
            if j == a, inSet(t, lexicon.titles) { titled = true }
            j += 1; end = j; words += 1
        }
        if let g = bareGloss, g.end == end { end = g.open }
        // a long title that runs into a preposition before its name:
        // «مبعوث الأمم المتحدة للسلام في سوريا، ستافان دي ميستورا، …», «مندوب موسكو في الأمم المتحدة، فاسيلي نيبينزيا»
        // so does a relation phrase before the name of the one it names: «خطيبة محمد بن سلمان، سارة علي، …»
        // (a phrase the relation word opens; after the comma a name: no article, title, person noun or
        // body, which would describe the registry person: «والد عهد التميمي، الطفلة الفلسطينية»,
        // «والد نيمار، لاعب باريس سان جرمان»)
        // (the relation may name its domain before the comma: «مستشار ترمب للأمن القومي، جون بولتون»)
        var relation = false
        var domainEnd = end
        while endsWithActor, domainEnd < b, domainEnd - end < 3, tokens[domainEnd].kind == .word,
              tokens[domainEnd].norm.unicodeScalars.starts(with: "لل".unicodeScalars) || domainEnd > end && hasArticle(tokens[domainEnd]) {
            domainEnd += 1
        }
        if endsWithActor, end > a, domainEnd + 1 < b, isComma(tokens[domainEnd]), let m = mentions.last, case .actor(let ai) = m.target,
           matcher.actors[ai].kind == .person, m.start > a, !mentions.contains(where: { $0.start == a }),
           inSet(tokens[a], lexicon.relations) || inSet(tokens[a], lexicon.titles),
           relationWord(Phrase(start: a, end: end, mentions: mentions), m, person: ai, c) != nil {
            let n = tokens[domainEnd + 1]
            relation = n.kind == .word && !hasArticle(n) && !inSet(n, lexicon.titles) && !inSet(n, lexicon.personNouns)
                && !inSet(n, lexicon.relations) && !isGenericHead(n)
        }
        // (not past a second comma: «قائد التحالف بمنطقة جازان، محمد الميسري، بالانتصارات»)
        if titled && !endsWithActor && !(a..<end).contains(where: { isComma(tokens[$0]) }) || relation, end > a, end < b {
            var q = end, steps = 0
            while q < b, steps < 8, !isComma(tokens[q]) {
                if tokens[q].kind != .word || cue(at: q, c) != nil || complementizer(tokens[q]) != nil { q = b; break }
                q += 1; steps += 1
            }
            if q < b, isComma(tokens[q]) {
                var r = q + 1, n = 0
                while r < b, n < 4, tokens[r].kind == .word, !isStop(tokens[r]), cue(at: r, c) == nil,
                      complementizer(tokens[r]) == nil, !hasTanween(tokens[r], c) { r += 1; n += 1 }
                let after = n >= 1 ? matcher.mentions(in: tokens, range: (q + 1)..<r) : []
                if n >= 1, r == b || tokens[r].kind == .punct || complementizer(tokens[r]) != nil || isStop(tokens[r]) || cue(at: r, c) != nil,
                   !relation || !after.contains(where: { if case .actor(let oi) = $0.target { return matcher.actors[oi].kind == .organisation }; return false }) {
                    mentions.append(contentsOf: after)
                    end = r
                }
            }
        }
        // «النائب العربي في الكنيست أحمد الطيبي», «زعيم الديمقراطيين في مجلس الشيوخ تشاك شومر»: a
        // title's body runs on with «في»/«لدى» and a place or body, then the holder's name with no comma:
        // a registry person, or a common given name and one more word, right before the content
        // (the place or body ends right before the name, with the article, as a registry name or a
        // place: not «في عهد فرانسوا هولاند»; and no second title names someone else: «مستشار لرئيس
        // حكومة الوفاق في ليبيا فائز السراج», «في حكومة رئيس الوزراء السابق ستيفن هاربر»)
        func secondTitle(_ r: Range<Int>) -> Bool {
            r.contains { tokens[$0].kind == .word && inSet(tokens[$0], lexicon.titles) && !isHonorific(tokens[$0]) }
        }
        if titled && !endsWithActor, end > a, end + 2 < b, tokens[end].kind == .word,
           tokens[end].norm.sameWord("في") || tokens[end].norm.sameWord("لدي"), !secondTitle((a + 1)..<end) {
            func closes(_ x: Int) -> Bool {
                x == b || tokens[x].kind == .punct || complementizer(tokens[x]) != nil || cue(at: x, c) != nil || isStop(tokens[x])
            }
            func bodyEnds(at q: Int) -> Bool {
                if hasArticle(tokens[q - 1]) { return true }
                if matcher.mentions(in: tokens, range: (end + 1)..<q).contains(where: { $0.end == q }) { return true }
                return index.countries.cues.mentions(in: tokens, range: (end + 1)..<q).contains { $0.end == q }
            }
            var q = end + 2
            while q < b, q - end <= 5, tokens[q - 1].kind == .word, cue(at: q - 1, c) == nil, complementizer(tokens[q - 1]) == nil,
                  !isStop(tokens[q - 1]) || q - 1 == end, !secondTitle((end + 1)..<q) || isHonorific(tokens[q - 1]) {
                guard bodyEnds(at: q) || isHonorific(tokens[q - 1]) else { q += 1; continue }
                if let m = matcher.match(at: q, in: tokens, limit: b), case .actor(let ai) = m.target,
                   matcher.actors[ai].kind == .person, closes(m.end) {
                    mentions.append(contentsOf: matcher.mentions(in: tokens, range: (end + 1)..<m.end))
                    end = m.end; holderStart = q
                    break
                }
                if tokens[q].kind == .word, !isStop(tokens[q]), inSet(tokens[q], lexicon.givenNames), q + 1 < b, tokens[q + 1].kind == .word,
                   !isStop(tokens[q + 1]), cue(at: q + 1, c) == nil, closes(q + 2) {
                    mentions.append(contentsOf: matcher.mentions(in: tokens, range: (end + 1)..<(q + 2)))
                    end = q + 2; holderStart = q
                    break
                }
                q += 1
            }
        }
        return end > a ? Phrase(start: a, end: end, mentions: mentions, nameEnd: nameEnd, holderStart: holderStart) : nil
    }

    /// A word with the article right after a common given name (`given_names.txt`) that ends the phrase
    /// (a comma, quote, cue, complementizer or preposition follows) is a family name, though it is also
    /// an ordinary word or a speaker stop: «المهندس محمد الماضي، "…"», «قال علي الكبير إن». A time noun
    /// there is an adverbial: «قال محمد الخميس إن».
    /// A stop that is one only once folded continues the name too: as written «علي» (a given name) and
    /// «إمام» are names, «على» and «أمام» are not: «محمد علي النسور، مدير …», «محمد إمام أن».
    func continuesGivenName(_ j: Int, _ b: Int, _ c: Ctx) -> Bool {
        let t = c.tokens[j], p = c.tokens[j - 1]
        guard t.kind == .word, p.kind == .word, !t.latin,
              lexicon.givenNames.contains(p.norm) || lexicon.clitics.withoutConjunction(p.norm).map({ lexicon.givenNames.contains($0) }) == true,
              cue(at: j, c) == nil, complementizer(t) == nil else { return false }
        if isStop(t) {
            // as written a given name («علي»), or spelled with a hamza that no stop has («إمام»)
            let w = ArabicLexicon.written(c.text(j, j + 1))
            if !lexicon.writtenStops.contains(w),
               lexicon.writtenGivenNames.contains(w) || w.unicodeScalars.contains(where: { $0 == "إ" || $0 == "أ" || $0 == "آ" }) { return true }
        }
        guard t.norm.unicodeScalars.starts(with: "ال".unicodeScalars), t.norm.unicodeScalars.count >= 4,
              !inSet(t, lexicon.timeNouns) else { return false }
        guard j + 1 < b else { return true }
        let n = c.tokens[j + 1]
        if n.kind == .punct { return true }
        return n.kind == .word && (cue(at: j + 1, c) != nil || complementizer(n) != nil || isStop(n))
    }

    /// A registry person's surname or context alias («عباس», «ماي»): a name, never a noun a quoted
    /// name follows as its apposition.
    func isShortName(_ t: Token) -> Bool {
        guard t.kind == .word else { return false }
        let w = lexicon.clitics.withoutConjunction(t.norm) ?? t.norm
        if index.surnames[WordKey(w)] != nil { return true }
        return matcher.contextualActors([w]).contains { matcher.actors[$0].kind == .person }
    }

    /// A speaker stop only once folded whose written form is a given name, in a text that writes
    /// alif maqsura elsewhere: «علي» there is the name, not the preposition «على» («وأعلن عبد العزيز
    /// علي المتحدث باسم …», «المهندس علي بن …»). A text that never writes «ى» may write «على» as
    /// «علي» (`continuesGivenName` still reads it as a name after a given name).
    func writtenName(_ j: Int, _ c: Ctx) -> Bool {
        let t = c.tokens[j]
        guard c.writesAlifMaqsura, t.kind == .word, !t.latin, isStop(t) else { return false }
        let w = ArabicLexicon.written(c.text(j, j + 1))
        guard !lexicon.writtenStops.contains(w), lexicon.writtenGivenNames.contains(w) else { return false }
        // «وأكد علي تطلعه للعمل», «وأصرت علي ضرورة …», «رد علي:»: what the preposition governs
        guard j + 1 < c.tokens.count else { return true }
        let n = c.tokens[j + 1]
        if n.kind == .punct { return n.punct != 0x3A }
        return !(isObjectNoun(n) || isMasdar(n, afterDefinite: false) || isPossessedThing(n, c) || hasTanween(n, c))
    }

    /// The words `a..<e` are exactly a state's name or one of its cities (`countries.tsv`), without a
    /// preposition glued to them.
    func isPlace(_ a: Int, _ e: Int, _ tokens: [Token]) -> Bool {
        guard let m = index.countries.cues.match(at: a, in: tokens, limit: e), m.end == e, !m.governed,
              case .actor(let ai) = m.target else { return false }
        return ai % 2 == 0   // the states' places; odd actors are their adjectives
    }

    /// «بواشنطن», «ببغداد»: a state or city with a glued preposition (`countries.tsv`), which ends at
    /// token index returned; nil when there is none at `i`.
    func gluedPlace(at i: Int, _ tokens: [Token], limit: Int) -> Int? {
        if let m = index.countries.cues.match(at: i, in: tokens, limit: limit), m.governed,
           case .actor(let ai) = m.target, ai % 2 == 0 { return m.end }
        // «بمنطقة عسير», «بمحافظة صعدة»: a place noun (`place_nouns.txt`) and the place's name
        let u = tokens[i].norm.unicodeScalars
        guard i + 1 < limit, tokens[i + 1].kind == .word, u.first == "ب",
              lexicon.placeNouns.contains(String(String.UnicodeScalarView(u.dropFirst()))) else { return nil }
        return i + 2
    }

    /// «د.», «م.»: a single letter or an abbreviation (`abbreviations.txt`) before a full stop.
    func isAbbreviation(_ t: Token) -> Bool {
        guard t.kind == .word else { return false }
        return t.norm.unicodeScalars.count == 1 || lexicon.abbreviations.contains(WordKey(t.norm))
    }

    /// «تعبيره», «وصفها», «زعمهم» after a nominal cue («بحسب تعبيره»): the speaker's own words
    /// (`own_words.txt` with a pronoun suffix), so the previous speaker.
    func ownWords(_ t: Token) -> Bool {
        guard t.kind == .word else { return false }
        return ownWords(t.norm)
    }

    func ownWords(_ w: String) -> Bool {
        for suffix in ["هما", "هم", "ها", "ه"] where w.hasSuffix(suffix) {
            if lexicon.ownWords.contains(String(w.dropLast(suffix.count))) { return true }
        }
        return false
    }

    /// «مجموعة من الطلاب», «الكثير من الفلسطينيين»: a quantity head alone before «من» is a vague source.
    func isPartitive(_ ph: Phrase, _ c: Ctx) -> Bool {
        guard ph.end < c.tokens.count, c.tokens[ph.end].norm.sameWord("من"), wordCount(c.tokens, ph.start, ph.end) == 1 else { return false }
        return inSet(c.tokens[ph.start], lexicon.partitives)
    }

    /// «بيان صادر عن وزارة الدفاع الروسية», «لبيان رسمي أصدرته منظمة العفو الدولية», «حصيلة جديدة
    /// أوردها المرصد السوري»: a document noun or figures, up to three adjectives and an `issued_by.txt`
    /// pattern; the issuer's phrase is the speaker. After a bare «عن» or «من» («بيان عن الحادث») only
    /// a registry name counts as the issuer.
    func issuerPhrase(_ a: Int, _ b: Int, _ c: Ctx) -> Phrase? {
        let tokens = c.tokens
        guard a < b, tokens[a].kind == .word, inSet(tokens[a], index.issuerHeads) else { return nil }
        var j = a + 1
        for skipped in 0...3 {
            // «حصيلة للمرصد السوري», «بيان لوزارة الخارجية»: a registry name with a glued «ل» is the issuer
            if j < b, tokens[j].kind == .word, tokens[j].norm.unicodeScalars.first == "ل",
               let m = matcher.match(at: j, in: tokens, limit: b), m.governed,
               let ph = speakerPhrase(from: j, limit: b, c, gluedPreposition: true), ph.mentions.first?.start == j {
                return ph
            }
            for p in lexicon.issuedBy where j + p.count <= b {
                var matches = true
                for (o, w) in p.enumerated() where tokens[j + o].kind != .word || tokens[j + o].norm != w { matches = false; break }
                guard matches else { continue }
                guard let ph = speakerPhrase(from: j + p.count, limit: b, c, gluedPreposition: false),
                      p.count > 1 || (p[0] != "عن" && p[0] != "من") || !ph.mentions.isEmpty else { return nil }
                return ph
            }
            guard skipped < 3, j < b, tokens[j].kind == .word, !isStop(tokens[j]), cue(at: j, c) == nil,
                  complementizer(tokens[j]) == nil else { return nil }
            j += 1
        }
        return nil
    }

    func startsExplicitly(_ p: Int, _ b: Int, _ c: Ctx, _ cue: ArabicLexicon.Cue) -> Bool {
        var scratch = -1
        return contentStart(p, b, c, cue: cue, &scratch).explicit
    }

    /// The phrase after an object-taking verb is its object, not its subject, when it is one word
    /// that is neither a registry person nor a title and is followed by the verb's preposition:
    /// «واتهم إيران بالضلوع», «ووصف كلمته بأنه».
    func isObject(_ ph: Phrase, _ cue: ArabicLexicon.Cue, _ c: Ctx, _ b: Int) -> Bool {
        guard cue.takesObject, wordCount(c.tokens, ph.start, ph.end) == 1 else { return false }
        if let m = ph.mentions.first, case .actor(let ai) = m.target, matcher.actors[ai].kind == .person { return false }
        if inSet(c.tokens[ph.start], lexicon.titles) { return false }
        guard ph.end < b else { return false }
        let n = c.tokens[ph.end]
        guard n.kind == .word else { return false }
        // «ودعت فرنسا من جهتها، الولايات المتحدة …»: «for its part» follows the subject
        if n.norm == "من", ph.end + 1 < b, c.tokens[ph.end + 1].kind == .word, lexicon.forItsPart.contains(c.tokens[ph.end + 1].norm) { return false }
        let first = n.norm.unicodeScalars.first
        return first == "ب" || n.norm == "الي" || n.norm == "من" || n.norm == "علي" || complementizer(n) != nil
    }

    /// «كان», «وكانت» (`past_auxiliaries.txt`), exactly once clitics are removed.
    func isPastAuxiliary(_ t: Token) -> Bool {
        guard t.kind == .word else { return false }
        let lexicon = self.lexicon   // the closure captures the lexicon, not a copy of the extractor
        return lexicon.clitics.anyStem(of: t.norm) { lexicon.pastAuxiliaries.contains(bytes: $0) }
    }

    /// «وكانت نيكي هيلي سفيرة الولايات المتحدة في الأمم المتحدة قد حذرت» → the phrase after «كانت».
    func subjectAfterKana(_ qad: Int, _ s: Range<Int>, _ c: Ctx) -> Phrase? {
        var i = qad - 1
        while i >= s.lowerBound, qad - i <= 14 {
            let t = c.tokens[i]
            if isPastAuxiliary(t) {
                return speakerPhrase(from: i + 1, limit: qad, c, gluedPreposition: false)
            }
            if t.kind == .punct, !isComma(t) { return nil }
            i -= 1
        }
        return nil
    }

    /// «كان/كانت» + subject + verb without «قد» (a past perfect or a habitual past): «وكان مسؤول
    /// عراقي أكد», «وكان كونتي أعلن», «وكانت السلطات أعلنت». The subject is the phrase after the
    /// auxiliary when it runs right up to the verb; after it the verb's own next words are its
    /// object or addressee («وكانت رابطة الدوري أفادت وكالة فرانس برس»), and a dropped subject
    /// must not be carried over from an earlier sentence. «كان يقول» (no phrase between) is left
    /// to the other rules, and so are a verb joined by «و» («كان يعد مشروعا وقال»: the subject
    /// is the earlier verb's), a condition or question («ما إذا كان», `hypothetical.txt`) and
    /// «كأن» (as if), which normalises to «كان» but is written with a hamza.
    func subjectBetweenKanaAndVerb(_ k: Int, _ s: Range<Int>, _ c: Ctx) -> Phrase? {
        var i = k - 1
        while i > s.lowerBound, k - i <= 8 {
            i -= 1
            let t = c.tokens[i]
            if t.kind == .punct, !isComma(t), !isQuote(t) { return nil }
            guard isPastAuxiliary(t) else { continue }
            if c.text(i, i + 1).unicodeScalars.contains("\u{0623}") { return nil }   // «كأن», «وكأن»
            if i > s.lowerBound, lexicon.hypothetical.contains(c.tokens[i - 1].norm) { return nil }
            guard i + 1 < k, cue(at: i + 1, c) == nil,
                  let ph = speakerPhrase(from: i + 1, limit: k, c, gluedPreposition: false), ph.end == k else { return nil }
            return ph
        }
        return nil
    }

    /// The subject of a verb cue that a relative clause separates from it: «لكن أردوغان الذي لم يفاوض
    /// بشكل مباشر على الاتفاق هدد …», «وكان دراغنيا، الذي اضطلع بدور حاسم، أعلن …». The pronoun
    /// agrees with the cue («الذي» masculine, «التي» feminine; a plural cue has another subject:
    /// «مدرب الفريق الذي … لكن كثيرا منهم قالوا») and comes at most twelve tokens before it. The clause
    /// between has a verb and more («الذي كان قد هدد»: the cue is the clause's own verb, its subject
    /// the pronoun's noun, which may be anything), no full stop, no complementizer (another
    /// statement's content) and no other pronoun, and the cue follows no stop or clause opener
    /// («… الذي قدمه الوزير الغضب، إذ قال»). The subject ends right before the pronoun (or its comma)
    /// as `subjectBefore` finds one; opening the sentence, where a verb stands as often as a noun
    /// («وروت خطيبة خاشقجي الأحداث التي …»), it must open with a registry name, a title or a rank;
    /// it is no thing, document or «الأمر».
    func relativeSubject(_ k: Int, _ s: Range<Int>, _ c: Ctx, verb: ArabicLexicon.Cue) -> Phrase? {
        let tokens = c.tokens
        guard k - 1 > s.lowerBound, verb.agreement != .plural else { return nil }
        if tokens[k - 1].kind == .word, isStop(tokens[k - 1]) || opensClause(tokens[k - 1]) { return nil }
        var r = k - 1, clauseWords = 0
        while r > s.lowerBound, k - r <= 12 {
            let t = tokens[r]
            if t.kind == .punct, !isComma(t), !isQuote(t) { return nil }
            if t.kind == .word {
                if lexicon.relativePronouns.contains(t.norm) { break }
                if complementizer(t) != nil { return nil }
                if !isPastAuxiliary(t), !isVerbParticle(t) { clauseWords += 1 }
            }
            r -= 1
        }
        guard r > s.lowerBound, clauseWords >= 2, tokens[r].kind == .word, lexicon.relativePronouns.contains(tokens[r].norm) else { return nil }
        switch lexicon.relativePronounAgreement[tokens[r].norm] {
        case .masculine?: guard verb.agreement != .feminine else { return nil }
        case .feminine?: guard verb.agreement != .masculine else { return nil }
        default: return nil
        }
        var e = r
        if isComma(tokens[e - 1]), e - 1 > s.lowerBound { e -= 1 }
        guard let ph = subjectBefore(e, s, c) else { return nil }
        let first = tokens[ph.start]
        if ph.mentions.first?.start == ph.start { return ph }
        let titled = inSet(first, lexicon.titles) || isHonorific(first) || inSet(first, lexicon.personNouns)
        if ph.start == s.lowerBound, !titled { return nil }
        let bare = lexicon.clitics.withoutConjunction(first.norm) ?? first.norm
        if lexicon.nonSpeakers.contains(bare) || inSet(first, lexicon.inanimate) || inSet(first, lexicon.documentNouns) { return nil }
        if titled { return ph }
        // no registry name and no title: a noun with the article is as likely a thing («الخريطة
        // السياسية … التي تتسم …»); an unknown name is a few words without the article or a glued
        // preposition («لكن ويلي الذي …», «براد بارسكيل الذي …», not «متأثرة بارتفاع الدولار الذي …»)
        guard !hasArticle(first), wordCount(tokens, ph.start, ph.end) <= 3,
              !(ph.start..<ph.end).contains(where: { i in
                  let u = tokens[i].norm.unicodeScalars
                  return tokens[i].kind == .word && (hasArticle(tokens[i]) || u.first == "ب" || u.first == "ل")
              }) else { return nil }
        return ph
    }

    /// The subject before a verb (SVO): «… لافروف قال إن», «وكان ترامب قد قال».
    func subjectBefore(_ k: Int, _ s: Range<Int>, _ c: Ctx) -> Phrase? {
        let tokens = c.tokens
        var j = k - 1
        if j >= s.lowerBound, tokens[j].norm == "قد" { j -= 1 }
        // «وكانت "دار ضاد للنشر والتوزيع" أعلنت», «لكن شركة "أبل" قالت»: a quoted name, with the head
        // noun before it, after a clause opener
        if j > s.lowerBound, isQuote(tokens[j]) {
            var q = j - 1
            while q > s.lowerBound, j - q <= 8, tokens[q].kind == .word { q -= 1 }
            guard q >= s.lowerBound, q < j - 1, isQuote(tokens[q]) else { return nil }
            var start = q
            if start - 1 > s.lowerBound, tokens[start - 1].kind == .word, !isStop(tokens[start - 1]), !opensClause(tokens[start - 1]),
               cue(at: start - 1, c) == nil, complementizer(tokens[start - 1]) == nil { start -= 1 }
            guard start > s.lowerBound else { return nil }
            let p = tokens[start - 1]
            guard (p.kind == .punct && !isQuote(p)) || opensClause(p) else { return nil }
            return Phrase(start: start, end: j + 1, mentions: matcher.mentions(in: tokens, range: start..<(j + 1)))
        }
        guard j >= s.lowerBound, tokens[j].kind == .word else { return nil }
        let end = j + 1
        if let ph = personThenTitle(before: end, s, c) { return ph }
        var st = max(s.lowerBound, end - 6)
        while st < end {
            if let m = matcher.match(at: st, in: tokens, limit: end), m.end == end {
                return Phrase(start: st, end: end, mentions: [m])
            }
            st += 1
        }
        var start = end
        while start > s.lowerBound, end - start < 5 {
            let t = tokens[start - 1]
            guard t.kind == .word, !isStop(t), cue(at: start - 1, c) == nil, complementizer(t) == nil else { break }
            start -= 1
        }
        guard start < end else { return nil }
        if let f = tokens[start].norm.unicodeScalars.first, f == "ب" || f == "ل", isPrepositional(tokens[start]) || tokens[start].norm.hasPrefix("لل") { return nil }
        if start > s.lowerBound {
            let p = tokens[start - 1]
            var boundary = (p.kind == .punct && !isQuote(p)) || opensClause(p)
            // «إلا أن منظمة العفو الدولية قالت», «بيد أن …»: the complementizer opens the clause
            if !boundary, complementizer(p) != nil, start - 2 >= s.lowerBound, lexicon.clauseOpeners.contains(tokens[start - 2].norm) { boundary = true }
            guard boundary else { return nil }
        }
        return Phrase(start: start, end: end, mentions: [])
    }

    /// A title word that can open an apposition after a person's name («رئيس», «المتحدث»), not a word
    /// of the name itself («ترامب الابن», «بوش الأب»: `name_particles.txt`).
    func opensAppositionTitle(_ i: Int, _ c: Ctx) -> Bool {
        let t = c.tokens[i]
        return t.kind == .word && inSet(t, lexicon.titles) && !lexicon.nameParticles.contains(t.norm)
    }

    /// «لكن جياني إنفانتينو رئيس الاتحاد الدولي قال إن …», «سيرجي لافروف وزير الخارجية الروسي قال»: a
    /// registry person, then a title in apposition (no comma), right before the verb. The person is the
    /// subject; the title only describes them (and may name an organisation or a role of its own, which
    /// would otherwise be taken for the subject). The name opens the clause: after punctuation or a
    /// clause opener («لكن», «بينما»), or at the sentence's start.
    func personThenTitle(before end: Int, _ s: Range<Int>, _ c: Ctx) -> Phrase? {
        let tokens = c.tokens
        var st = max(s.lowerBound, end - 12)
        while st < end - 2 {
            defer { st += 1 }
            guard let m = matcher.match(at: st, in: tokens, limit: end), case .actor(let ai) = m.target,
                  matcher.actors[ai].kind == .person, m.end < end, opensAppositionTitle(m.end, c),
                  (m.end..<end).allSatisfy({ tokens[$0].kind == .word && cue(at: $0, c) == nil && complementizer(tokens[$0]) == nil }),
                  st == s.lowerBound || tokens[st - 1].kind == .punct && !isQuote(tokens[st - 1]) || opensClause(tokens[st - 1]) else { continue }
            return Phrase(start: st, end: end, mentions: matcher.mentions(in: tokens, range: st..<end))
        }
        return nil
    }

    /// The subject of the verb that opens the sentence, for a cue joined to it by «و»/«ف» with no
    /// subject of its own: «ونشر صلاح صورة تجمعه بأستوري … وكتب فوقها "…"» → «صلاح»; the topic of
    /// «أما X فقال» the same way. The first word must look like a verb of the cue's gender and number
    /// (a final «ت» feminine, «وا» plural): a bare word (a «و»/«ف» allowed) of three to six letters
    /// without the article, no stop, title, vague head, complementizer or registry name; the
    /// phrase after it is the subject, if it is no document or thing and no name governed by a preposition.
    func openingSubject(_ k: Int, _ s: Range<Int>, _ c: Ctx, verb: ArabicLexicon.Cue) -> Phrase? {
        let i = s.lowerBound
        guard i + 1 < k else { return nil }
        let t = c.tokens[i]
        // (a cue there, «ونشر», made no statement of the sentence: its subject is still the one shared)
        guard t.kind == .word, !t.latin, !hasArticle(t), !isStop(t), !opensClause(t),
              complementizer(t) == nil, !inSet(t, lexicon.titles), !inSet(t, lexicon.vague), !hasTanween(t, c),
              matcher.match(at: i, in: c.tokens, limit: k) == nil else { return nil }
        let bare = lexicon.clitics.withoutConjunction(t.norm) ?? t.norm
        // «ودانوا محاولة إدراج باكستان …»: after a plural verb the noun is its object
        guard (3...6).contains(bare.unicodeScalars.count), !bare.hasSuffix("وا") else { return nil }
        // coordinated verbs agree: «وجاءت تصريحات لافروف … وأشار», «سألت الوزير … فقال» have another subject
        let t3 = bare.unicodeScalars.last == "ت"
        if verb.agreement == .masculine && t3 || verb.agreement == .feminine && !t3 { return nil }
        // «واعتذر المتحف لترامب»: a name governed by a preposition is no subject; «وشبه ولي العهد
        // المرشد الأعلى … علي خامنئي بهتلر»: a phrase naming more than a title and its holder ran
        // into the object
        guard let ph = speakerPhrase(from: i + 1, limit: k, c, gluedPreposition: false),
              ph.mentions.count <= 2, !ph.mentions.contains(where: { $0.governed }),
              !inSet(c.tokens[ph.start], lexicon.documentNouns), !inSet(c.tokens[ph.start], lexicon.inanimate),
              // a registry name after an unknown word is the object's unless the phrase opens with a
              // title or a person noun or ends with a person: «ونشر تريكة تغريدة تتضمن أعلام مصر»
              // (a short name the document resolves has no mention: «ونشر صلاح صورة»)
              ph.mentions.isEmpty || ph.mentions[0].start == ph.start || inSet(c.tokens[ph.start], lexicon.titles)
                || inSet(c.tokens[ph.start], lexicon.personNouns) || endsWithPerson(ph, c) else { return nil }
        return ph
    }

    /// The phrase's last words are a registry person's name.
    func endsWithPerson(_ ph: Phrase, _ c: Ctx) -> Bool {
        guard let m = ph.mentions.last, case .actor(let ai) = m.target, matcher.actors[ai].kind == .person else { return false }
        var e = ph.end
        while e > m.end, c.tokens[e - 1].kind == .punct { e -= 1 }
        return m.end == e
    }

    /// `resolve` for a phrase that must name a registry actor: the state is kept only when it does.
    func resolveRegistry(_ ph: Phrase, _ c: Ctx, _ state: inout DocState, agreement: ArabicLexicon.Agreement)
        -> (Speaker, String, Statement.Resolution, Double)? {
        var trial = state
        guard let r = resolve(ph, c, &trial, agreement: agreement), !r.0.vague, !r.0.actorID.isUnlinkedActorID else { return nil }
        state = trial
        return r
    }

    /// The first registry actor of the sentence before `k` that is not the object of a preposition:
    /// «بيد أن المتحدث باسم الكرملين، ديمتري بيسكوف، رفض التحذير وقال إن …» → بيسكوف.
    func sentenceSubject(_ k: Int, _ s: Range<Int>, _ c: Ctx) -> (Int, String)? {
        var i = s.lowerBound
        if i < 12 { i = max(i, datelineEnd(c)) }   // «دبي، الإمارات العربية المتحدة (CNN) – أصدر …»
        while i < k {
            if let m = matcher.match(at: i, in: c.tokens, limit: k) {
                // a word opening with ب/ل may carry a preposition («ببغداد», «للبنان»): only a person's
                // name matched as written («بوتين», «بنيامين نتنياهو», «لافروف») is taken then
                if case .actor(let ai) = m.target, i == s.lowerBound || !isStop(c.tokens[i - 1]),
                   !((c.tokens[i].norm.unicodeScalars.first == "ب" || c.tokens[i].norm.unicodeScalars.first == "ل")
                     && (m.governed || m.conjoined || matcher.actors[ai].kind != .person)
                     && lexicon.clitics.stems(c.tokens[i].norm).count > 1),
                   !namedByGovernedOutletHead(i, s, c),
                   // «وشكرت الناشطة السعودية، منال الشريف، …»: a state's name that is also its nisba
                   // adjective, right after a definite noun, is the adjective
                   !(m.end - m.start == 1 && i > s.lowerBound && c.tokens[i - 1].kind == .word && hasArticle(c.tokens[i - 1])
                     && !isStop(c.tokens[i - 1]) && index.countries.adjectiveForms.contains(c.tokens[i].norm)) {
                    // «رفضت المتحدثة باسم وزارة الخارجية الأمريكية هيذر ناورت التعليق لكنها قالت»: an
                    // organisation in a title, its holder's registry name right after it: the holder
                    if matcher.actors[ai].kind == .organisation, let p = matcher.match(at: m.end, in: c.tokens, limit: k),
                       case .actor(let pi) = p.target, matcher.actors[pi].kind == .person {
                        return (pi, c.text(p.start, p.end))
                    }
                    return (ai, c.text(m.start, m.end))
                }
                i = m.end
            } else { i += 1 }
        }
        return nil
    }

    /// «لم», «لن», «لا», «قد»: a particle before a verb, no word of a clause of its own.
    func isVerbParticle(_ t: Token) -> Bool {
        ["لم", "لن", "لا", "قد"].contains(where: t.norm.sameWord)
    }

    /// «لدينا أدلة», «لن نسكت», «سنلاحق», or a quotation opening the text: whether `tokens[a..<b]` is
    /// said in the first person (`first_person.txt`; a verb of the first person after a particle of
    /// `isVerbParticle` or «سوف», or with a glued «سـ» before «ن»).
    func speaksInFirstPerson(_ tokens: [Token], _ a: Int, _ b: Int) -> Bool {
        if a < b, isQuote(tokens[a]) { return true }
        var i = a
        while i < b {
            let t = tokens[i]
            i += 1
            guard t.kind == .word else { continue }
            if inSet(t, lexicon.firstPerson) { return true }
            let u = Array(t.norm.unicodeScalars)
            if i < b, tokens[i].kind == .word, isVerbParticle(t) || t.norm.sameWord("سوف"),
               tokens[i].norm.unicodeScalars.first == "ن", tokens[i].norm.unicodeScalars.count >= 4 { return true }
            // «سنلاحق»: the future prefix on a verb of the first person; not «سنة», «سنوات»
            if u.count >= 5, u[0] == "س", u[1] == "ن", u.last != "ه", !(u[u.count - 2] == "ا" && u.last == "ت") {
                return true
            }
        }
        return false
    }

    /// Whether registry actor `ai` is a state itself (`CountryContext.stateActor`: «البرازيل»,
    /// «فرنسا»), not one of its bodies.
    func isState(_ ai: Int) -> Bool {
        index.countries.stateActor.contains { if case .actor(let a)? = $0 { return a == ai } else { return false } }
    }

    /// Where the body proper starts after a dateline that opens it («القاهرة - », «بغداد (رويترز) -»,
    /// a newsroom's «دبي، الإمارات العربية المتحدة (CNN) –»): the places there say where the news was
    /// written, and none of them speaks. 0 without one (and in a title).
    func datelineEnd(_ c: Ctx) -> Int {
        guard !c.isTitle, !c.tokens.isEmpty else { return 0 }
        let countries = index.countries
        let n = countries.newsroomEnd(c.tokens)
        if n > 0 { return n }
        guard let m = countries.cues.mentions(in: c.tokens, range: 0..<min(c.tokens.count, 4)).first,
              countries.isDateline(m, c.tokens) else { return 0 }
        var i = m.end
        while i < c.tokens.count, i < m.end + 10 {
            if c.tokens[i].kind == .punct, [0x2D, 0x2013, 0x2014].contains(c.tokens[i].punct) { return i + 1 }
            i += 1
        }
        return 0
    }

    /// «في حوار مع قناة "سي بي إس"», «على موقع إنستغرام», «لصحيفة "الشرق الأوسط"»: the name at `i`
    /// completes an outlet's head (`media_heads.txt`, a quote between them allowed) that a preposition
    /// governs (glued, or one of `prepositions.txt` before it), so it is no subject of the sentence.
    func namedByGovernedOutletHead(_ i: Int, _ s: Range<Int>, _ c: Ctx) -> Bool {
        var h = i - 1
        if h >= s.lowerBound, isQuote(c.tokens[h]) { h -= 1 }
        guard h >= s.lowerBound, c.tokens[h].kind == .word else { return false }
        if governedMediaHead(c.tokens[h]) { return true }
        guard inSet(c.tokens[h], lexicon.mediaHeads) else { return false }
        if isPrepositional(c.tokens[h]) { return true }
        guard h > s.lowerBound, c.tokens[h - 1].kind == .word else { return false }
        let prepositions = lexicon.prepositions
        return c.tokens[h - 1].norm.withWordBytes { prepositions.contains(bytes: $0) }
    }

    /// A sentence without statements may still introduce who the next dropped subject is:
    /// «وسبق أن عرض نتنياهو …», «وكان نتنياهو قد …» — a registry person right after the opening verb.
    func noteSubject(_ c: Ctx, _ s: Range<Int>, _ state: inout DocState) {
        var i = s.lowerBound + 1
        var tries = 0
        while i < s.upperBound, tries < 3 {
            if let m = matcher.match(at: i, in: c.tokens, limit: s.upperBound), case .actor(let ai) = m.target,
               matcher.actors[ai].kind == .person {
                state.history.append(registrySpeaker(ai, agreement: .unknown))
                return
            }
            guard c.tokens[i].kind == .word, c.tokens[i].norm.sameWord("قد") || c.tokens[i].norm.sameWord("ان")
                    || opensClause(c.tokens[i]) || tries == 0 else { return }
            i += 1; tries += 1
        }
    }

    /// The most recent speaker that agrees with the verb: «وأضافت» skips a male previous speaker.
    func carryOver(_ agreement: ArabicLexicon.Agreement, _ state: DocState) -> (Speaker, Double)? {
        guard let last = state.history.last else { return nil }
        if agreement == .unknown { return (last, 0.6) }
        for h in state.history.reversed().prefix(8) where h.agreement == agreement { return (h, 0.7) }
        if agreement == .plural { return nil }
        for h in state.history.reversed().prefix(8) where h.agreement == .unknown { return (h, 0.55) }
        return nil
    }

    // MARK: - Resolution

    func registrySpeaker(_ ai: Int, agreement: ArabicLexicon.Agreement) -> Speaker {
        let a = matcher.actors[ai]
        let g: ArabicLexicon.Agreement
        switch a.gender {
        case .male?: g = .masculine
        case .female?: g = .feminine
        case nil: g = agreement
        }
        return Speaker(actorID: a.id, actorName: a.name, agreement: g, vague: false, nameKey: [])
    }

    func normKey(_ c: Ctx, _ a: Int, _ b: Int) -> [String] {
        var out: [String] = []
        var i = a
        while i < b { if c.tokens[i].kind == .word || c.tokens[i].kind == .number { out.append(keyNorm(c, i)) }; i += 1 }
        return out
    }

    /// A token's normalised form in a speaker key: the token at `c.gluedLam` without the nominal cue's
    /// «لـ» («لموقع» → «موقع», «للوفد» → «الوفد», «للجنه» → «لجنه»), so that «وفقا لموقع "أكسيوس"» and
    /// «قال موقع "أكسيوس"» give one id.
    func keyNorm(_ c: Ctx, _ i: Int) -> String {
        let n = c.tokens[i].norm
        guard i == c.gluedLam else { return n }
        let u = n.unicodeScalars
        guard u.first == "ل" else { return n }
        let rest = String(String.UnicodeScalarView(u.dropFirst()))
        guard rest.unicodeScalars.first == "ل" else { return rest }
        // «للجنه» is «لـ» and «لجنه» (an institution's head, in the construct state: «للجنة الطاقة»,
        // «للجنة تحقيقات روسية») or «لـ» and «اللجنه» (before a definite nisba adjective: «للجنة
        // الوطنية للدفاع المدني»); other words so written have the article («للوفد»)
        if lexicon.institutionHeads.contains(rest) || lexicon.titles.contains(rest) || lexicon.givenNames.contains(rest) {
            guard i + 1 < c.tokens.count, c.tokens[i + 1].kind == .word else { return rest }
            let next = c.tokens[i + 1].norm.unicodeScalars
            let nisba = next.starts(with: "ال".unicodeScalars) && (next.last == "ي" || next.reversed().starts(with: "هي".unicodeScalars))
            return nisba ? "ال" + rest : rest
        }
        return "ا" + rest
    }

    /// Turns a speaker phrase into a speaker: a registry actor, a role (bound in the document or by
    /// date), or an unlinked name; binds «TITLE … NAME» appositions for the rest of the document.
    func resolveSpeaker(_ ph: Phrase, _ c: Ctx, _ state: inout DocState, agreement: ArabicLexicon.Agreement)
        -> (Speaker, String, Statement.Resolution, Double)? {
        let tokens = c.tokens
        let text = c.text(ph.start, ph.end)
        if ph.end - ph.start == 1, inSet(tokens[ph.start], lexicon.documentNouns), let prev = state.history.last {
            return (prev, text, .carryover, 0.6)   // «وأضاف البيان أن …»: the issuer speaks
        }
        if ph.end - ph.start == 1, hasArticle(tokens[ph.start]), inSet(tokens[ph.start], lexicon.documentNouns) {
            // «وأضاف البيان» with no speaker before it: a document nobody issued is no speaker
            return (Speaker(actorID: "unlinked:" + normKey(c, ph.start, ph.end).joined(separator: " "), actorName: text,
                            agreement: agreement, vague: true, nameKey: []), text, .name, 0.3)
        }
        // «صحيفة الإندبندنت البريطانية»: the organisation the registry names, described by a state's
        // adjective (`describesOrganisation`)
        if let last = (ph.start..<ph.end).last(where: { tokens[$0].kind == .word }), last > ph.start,
           let m = ph.mentions.last, describesOrganisation(last, after: m, c, limit: ph.end) {
            return resolve(ph.ending(at: last), c, &state, agreement: agreement)
        }
        // «جياني إنفانتينو رئيس الاتحاد الدولي» before the verb (`personThenTitle`): the registry person,
        // described by a title in apposition
        if let m = ph.mentions.first, m.start == ph.start, case .actor(let ai) = m.target, matcher.actors[ai].kind == .person,
           m.end < ph.end, opensAppositionTitle(m.end, c) {
            return resolve(ph.ending(at: m.end), c, &state, agreement: agreement)
        }
        // «صحيفة بريطانية» is vague; «صحيفة "ذا صن"», «صحيفة وول ستريت جورنال» name the outlet
        let namedOutlet = ph.end - ph.start >= 2 && inSet(tokens[ph.start], lexicon.mediaHeads)
            && (isQuote(tokens[ph.start + 1]) || ph.mentions.contains { $0.start == ph.start + 1 || $0.start == ph.start && $0.end > ph.start + 1 })
        if inSet(tokens[ph.start], lexicon.vague) && !namedOutlet || isPartitive(ph, c) {
            let sp = Speaker(actorID: "unlinked:" + normKey(c, ph.start, ph.end).joined(separator: " "), actorName: text,
                             agreement: agreement, vague: true, nameKey: [])
            return (sp, text, .name, 0.3)
        }
        // «سيرجيو راموس قائد ريال مدريد»: a name, then its title in the organisation; the name speaks
        // where the words end: «وكالة "رويترز"» ends with the closing quote
        var wordsEnd = ph.end
        while wordsEnd > ph.start + 1, tokens[wordsEnd - 1].kind == .punct { wordsEnd -= 1 }
        if let m = ph.mentions.last, m.end == wordsEnd, m.start > ph.start + 1 {
            // «الفصائل السورية الموالية لتركيا», «الميليشيات المدعومة من إيران»: the organisation is the
            // speaker's patron, not the speaker; the phrase ends before the affiliation word
            if let a = ((ph.start + 1)..<m.start).first(where: { inSet(tokens[$0], lexicon.affiliations) }) {
                return resolve(ph.ending(at: a), c, &state, agreement: agreement)
            }
            // «أحمد الشيخو، رئيس المكتب الإعلامي لمنظمة الخوذ البيضاء»: a name, a comma, then the
            // person's title in an organisation: the person speaks
            if case .actor(let ai) = m.target, matcher.actors[ai].kind == .organisation,
               tokens[ph.start].kind == .word, !inSet(tokens[ph.start], lexicon.titles),
               let k = ((ph.start + 1)..<m.start).first(where: { isComma(tokens[$0]) }),
               k + 1 < m.start, inSet(tokens[k + 1], lexicon.titles),
               !ph.mentions.contains(where: { $0.start < k }) {
                return resolve(Phrase(start: ph.start, end: k, mentions: []), c, &state, agreement: agreement)
            }
        }
        // (the organisation may be governed by the title, «سيف ماغانغو نائب المدير الإقليمي لمنظمة
        // العفو الدولية», after a name: a word without the article; «المركز الإعلامي للجيش اليمني»
        // and «مكتب الممثل التجاري للولايات المتحدة» are offices)
        if let m = ph.mentions.last, m.end == wordsEnd, m.start > ph.start + 1, case .actor(let ai) = m.target,
           !m.governed || tokens[ph.start].kind == .word && !hasArticle(tokens[ph.start])
            && !inSet(tokens[ph.start], lexicon.personNouns) && !inSet(tokens[ph.start], lexicon.institutionHeads),
           matcher.actors[ai].kind == .organisation, !inSet(tokens[ph.start], lexicon.titles),
           let t = ((ph.start + 1)..<m.start).first(where: { tokens[$0].kind == .word && inSet(tokens[$0], lexicon.titles) }),
           !(ph.start..<t).contains(where: { isComma(tokens[$0]) }) {
            return resolve(ph.ending(at: t), c, &state, agreement: agreement)
        }
        if let m = ph.mentions.last, m.end == wordsEnd, m.start > ph.start, case .actor(let ai) = m.target,
           matcher.actors[ai].kind == .person, let w = relationWord(ph, m, person: ai, c) {
            // «وقال محامي ترامب», «خطيبة خاشقجي»: a person known through the registry person, the
            // one the document named so («خطيبة خاشقجي، خديجة جنكيز», «خديجة جنكيز، خطيبة الصحفي
            // جمال خاشقجي») when it did
            if let sp = state.titleBinding[titleKey(c, ph.start, ph.end)] ?? state.relationBinding[w + "|" + matcher.actors[ai].id] {
                return (sp, text, .role, 0.75)
            }
            let sp = Speaker(actorID: "unlinked:" + normKey(c, ph.start, ph.end).joined(separator: " "), actorName: text,
                             agreement: agreement, vague: false, nameKey: [])
            return (sp, text, .name, 0.6)
        }
        if let m = ph.mentions.last, m.end == wordsEnd, m.end - m.start == 1, case .actor(let ai) = m.target,
           matcher.actors[ai].kind == .person, otherGivenName(before: m.start, from: ph.start, person: ai, c) {
            // «جونيفر هاريس» is not Kamala Harris, «بدر آل زيدان» not Zidane: a registry person's
            // one-word name after a given name that is none of the person's is somebody else's
            return resolve(Phrase(start: ph.start, end: ph.end, mentions: ph.mentions.filter { $0.start != m.start }),
                           c, &state, agreement: agreement)
        }
        // «رودريغو لاسمار طبيب منتخب البرازيل», «مكتب مدعي باريس», «شرطة مدينة لندن»: a state named
        // at the end of a longer phrase is its head's genitive or place, not the speaker. Not after a
        // title (the title rules below read «رئيس وزراء اليونان»), a state's own head («مملكة
        // البحرين», `place_nouns.txt`) or another state it is coordinated with («باريس وواشنطن»).
        if let m = ph.mentions.last, m.end == wordsEnd, case .actor(let ai) = m.target, isState(ai), !m.conjoined,
           let first = (ph.start..<m.start).first(where: { tokens[$0].kind == .word }),
           !inSet(tokens[first], lexicon.titles), !inSet(tokens[first], lexicon.placeNouns) {
            return resolve(Phrase(start: ph.start, end: ph.end, mentions: Array(ph.mentions.dropLast())), c, &state, agreement: agreement)
        }
        if let m = ph.mentions.last, m.end == wordsEnd {
            let amb = m.ambiguous ? 0.8 : 1.0
            switch m.target {
            case .actor(let ai) where matcher.actors[ai].kind == .person || m.start == ph.start || !inSet(tokens[ph.start], lexicon.titles):
                let sp = registrySpeaker(ai, agreement: agreement)
                for r in ph.mentions.dropLast() { if case .role(let ri) = r.target { state.roleBinding[ri] = sp } }
                // A later short form of the matched name in this document («ماي» after «تيريزا ماي»)
                // is the same actor, even where the short form alone is too ambiguous to be an alias.
                var named = sp
                named.nameKey = normKey(c, m.start, m.end)
                if named.nameKey.count > 1 { state.unlinked.append(named) }
                // «وزارة الخارجية الروسية» … «وأضافت الوزارة»: the head noun names the organisation.
                if matcher.actors[ai].kind == .organisation && named.nameKey.count > 1 { bindHead(c, m.start, sp, &state) }
                if m.start > ph.start {
                    state.titleBinding[titleKey(c, ph.start, m.start)] = sp
                    bindHead(c, ph.start, sp, &state)
                    // «خطيبة الصحفي جمال خاشقجي، خديجة جنكيز»
                    if let k = (ph.start..<m.start).last(where: { isComma(tokens[$0]) }) { bindRelation(ph.ending(at: k), to: sp, c, &state) }
                }
                return (sp, text, .name, 0.9 * amb)
            case .role(let ri):
                if m.start == ph.start {
                    if let sp = state.roleBinding[ri] { return (sp, text, .role, 0.85 * amb) }
                    if let h = matcher.holder(ofRole: ri, on: c.doc.published) {
                        return (registrySpeaker(h, agreement: agreement), text, .role, 0.8 * amb)
                    }
                    if let sp = state.titleBinding[titleKey(c, ph.start, ph.end)] { return (sp, text, .role, 0.7) }
                    let sp = Speaker(actorID: "unlinked:" + normKey(c, ph.start, ph.end).joined(separator: " "), actorName: text,
                                     agreement: agreement, vague: false, nameKey: [])
                    return (sp, text, .unresolved, 0.4)
                }
            default: break
            }
        }
        // «وقال الرئيس الأمريكي الديمقراطيين إلى …», «ونصح رئيس الوزراء الإسرائيلي بهذا الإجراء»: a
        // registry role opens the phrase and no name, title, comma or former-holder word follows it;
        // the rest is the verb's object or addressee that the span ran into, and the role speaks.
        // A registry name speaks the same way when an addressee with «لل» follows it («وقال السيسي
        // للمصريين», «أردوغان للغرب»): no name word starts with «لل», so the name cannot go on.
        if let m = ph.mentions.first, ph.mentions.count == 1, m.start == ph.start, m.end < wordsEnd,
           { if case .role = m.target { return true }
             return tokens[m.end].kind == .word && tokens[m.end].norm.unicodeScalars.starts(with: "لل".unicodeScalars) }(),
           !(m.end..<ph.end).contains(where: { i in
               let t = tokens[i]
               return isComma(t) || isQuote(t) || isDash(t) || inSet(t, lexicon.titles)
                   || (t.kind == .word && index.countries.isFormer(t.norm))
           }) {
            return resolve(Phrase(start: ph.start, end: m.end, mentions: [m]), c, &state, agreement: agreement)
        }
        // things («وكشفت الأرقام أن …», «بحسب الإحصاءات») are no speakers; figures of a named
        // organisation («تقديرات البنك الدولي») were linked to it above
        if inSet(tokens[ph.start], lexicon.inanimate) {
            let sp = Speaker(actorID: "unlinked:" + normKey(c, ph.start, ph.end).joined(separator: " "), actorName: text,
                             agreement: agreement, vague: true, nameKey: [])
            return (sp, text, .name, 0.3)
        }
        // a phrase the document has already tied to someone: «المستشارة الألمانية», «الصحيفة»
        if let sp = state.titleBinding[titleKey(c, ph.start, ph.end)] { return (sp, text, .role, 0.75) }
        // «وزير خارجية البحرين الشيخ خالد بن آل خليفة»: a registry role, an honorific or a comma, then
        // a name the registry does not know. A variant of the name of the role's holder (bound in the
        // document or on the article's date) is the holder; another name (a holder the registry
        // lacks) stays unlinked, the name without the role.
        var roleEnd: Int?
        if let m = ph.mentions.first, m.start == ph.start, case .role(let ri) = m.target, m.end < wordsEnd,
           !(m.end..<wordsEnd).contains(where: { tokens[$0].kind == .word && index.countries.isFormer(tokens[$0].norm) }) {
            var n = m.end
            while n < wordsEnd {
                if tokens[n].kind != .word || inSet(tokens[n], lexicon.titles) || hasArticle(tokens[n]) { n += 1; continue }
                if let e = gluedPlace(at: n, tokens, limit: wordsEnd) { n = e; continue }   // «بمنطقة عسير»
                break
            }
            if n < wordsEnd, !ph.mentions.contains(where: { $0.start >= m.end }) {
                let key = normKey(c, n, wordsEnd)
                if let h = rolePerson(ri, state), nameFits(key, person: h) {
                    var sp = registrySpeaker(h, agreement: agreement)
                    state.roleBinding[ri] = sp
                    sp.nameKey = key
                    if key.count > 1 { state.unlinked.append(sp) }
                    sp.nameKey = []
                    return (sp, text, .role, 0.8)
                }
                roleEnd = n
            }
        }
        // not in the registry: split «TITLE … NAME» into the title phrase and the name
        var nameStart = ph.start
        var lastComma = -1
        for i in ph.start..<ph.end where isComma(tokens[i]) { lastComma = i }
        if let h = ph.holderStart, lastComma < h, h < ph.end {
            nameStart = h
        } else if let n = roleEnd, lastComma < n {
            nameStart = n
        } else if lastComma >= 0 {
            // «علي الدبيسي، مدير المنظمة السعودية الأوروبية لحقوق الإنسان»: a name, a comma, then the
            // person's title: the name before the comma
            // (registry organisations in the title are its body: «، رئيس مجلس إدارة شركة أرامكو»)
            if lastComma > ph.start, !inSet(tokens[ph.start], lexicon.titles),
               !ph.mentions.contains(where: { m in
                   guard m.start > lastComma, case .actor(let ai) = m.target else { return true }
                   return matcher.actors[ai].kind != .organisation
               }),
               lastComma + 1 < ph.end, inSet(tokens[lastComma + 1], lexicon.titles),
               !(ph.start..<lastComma).contains(where: { isComma(tokens[$0]) || inSet(tokens[$0], lexicon.titles) }) {
                return resolve(Phrase(start: ph.start, end: lastComma, mentions: []), c, &state, agreement: agreement)
            }
            // «النجم الإسباني سيسك فابريغاس، لاعب تشيلسي الإنجليزي»: a title and a name, a comma, then
            // another title of the same person: the name before the comma
            // (a rank or honorific there opens the name: «ممثل دائرة مكافحة الإرهاب، العميد التجاني إبراهيم»)
            if lastComma > ph.start, inSet(tokens[ph.start], lexicon.titles), lastComma + 1 < ph.end,
               inSet(tokens[lastComma + 1], lexicon.titles), !inSet(tokens[lastComma + 1], lexicon.honorifics),
               !(ph.start..<lastComma).contains(where: { isComma(tokens[$0]) }), namesSomeone(ph.start, lastComma, c) {
                return resolve(ph.ending(at: lastComma),
                               c, &state, agreement: agreement)
            }
            // «ودعت المتحدثة باسم البنتاغون، روسيا إلى …», «وقال وزير الدفاع، رايموندس كاروبليس،
            // لرويترز»: after a title phrase, an organisation (a state) after the last comma is the verb's
            // object or addressee, not the speaker's name
            if lastComma > ph.start, inSet(tokens[ph.start], lexicon.titles), lastComma + 1 < ph.end,
               isOrganisation(at: lastComma + 1, c, limit: ph.end) {
                return resolve(ph.ending(at: lastComma),
                               c, &state, agreement: agreement)
            }
            nameStart = lastComma + 1
        } else if let t = appositiveTitle(ph, c) {
            // «تيد ساراندوس مدير المحتوى في "نتفليكس"», «دون آرون المتحدث باسم شرطة ناشفيل»: a name, then
            // its title without a comma: the name speaks, and the title is bound to it
            guard let r = resolve(ph.ending(at: t), c, &state, agreement: agreement) else { return nil }
            if !r.0.vague {
                state.titleBinding[titleKey(c, t, ph.end)] = r.0
                bindHead(c, t, r.0, &state)
            }
            return r
        } else if inSet(tokens[ph.start], lexicon.titles) {
            var i = ph.start
            while i < ph.end {
                let t = tokens[i]
                if t.kind != .word { i += 1; continue }
                let u = t.norm.unicodeScalars
                // «المحلل لدى مجموعة "لندن كابيتال غروب" جاسبر لولر»: the employer's quoted name is
                // part of the title; the person follows it (so is the body a spokesperson speaks for:
                // «الناطق الرسمي باسم "غرفة العمليات المركزية في الجنوب" إبراهيم الجباوي»)
                if i + 1 < ph.end, isQuote(tokens[i + 1]), inSet(t, lexicon.quotedNameHeads),
                   let e = quotedName(after: i + 1, limit: ph.end, c), e + 1 < ph.end,
                   (e + 1..<ph.end).contains(where: { tokens[$0].kind == .word }) {
                    i = e + 1; continue
                }
                // «وزير الدولة البريطاني لشؤون الشرق الأوسط أليستر بورت»: a word written with a hamza
                // on its alef is no word with the article (unless a title or a place: «سفير ألمانيا»)
                if i > ph.start, u.starts(with: "ال".unicodeScalars), c.scalars[t.start] == "أ" || c.scalars[t.start] == "إ",
                   !inSet(t, lexicon.titles), !isPlace(i, i + 1, tokens) { break }
                // «الأمين العام للأمم المتحدة أنطونيو غوتيريش», «السفيرة لدى الأمم المتحدة نيكي هيلي»
                // (and a coordinated body: «وزير الشباب والرياضة المغربي رشيد الطالبي العلمي»; «والد» is a relation)
                // («مدير عام», «أمين عام», «نائب عام»: «عام» after a title is «general», not «year»)
                if isTitlePart(t) || t.norm.sameWord("باسم") || t.norm.sameWord("لدي") || t.norm.sameWord("في")
                    || u.starts(with: "وال".unicodeScalars) && !u.starts(with: "والد".unicodeScalars)
                    || i > ph.start && t.norm.sameWord("عام") && inSet(tokens[i - 1], lexicon.titles) {
                    i += 1; continue
                }
                // «رئيس الاتحاد الإسباني لكرة القدم»: what the office is for, then its holder's name
                if i > ph.start, isLamComplement(at: i, limit: ph.end, c) { i += 1; continue }
                // «مديرة منظمة "…" غير الحكومية ماريا العبدة»: a negated adjective of the title's body
                if t.norm.sameWord("غير"), i + 1 < ph.end, tokens[i + 1].kind == .word,
                   tokens[i + 1].norm.unicodeScalars.starts(with: "ال".unicodeScalars) {
                    i += 2; continue
                }
                // «السفير السعودي بواشنطن», «سفير السعودية بأمريكا»: where the office is, not a name
                if u.first == "ب", let e = gluedPlace(at: i, tokens, limit: ph.end) { i = e; continue }
                break
            }
            nameStart = i
            // «قائد قوات التحالف العربي», «نجم ريال مدريد»: a registry organisation in the first words
            // after the title is the title's body, not the holder's name; the name, if any, follows
            // it and its adjectives («رئيس ريال مدريد فلورنتينو بيريز»), else the title phrase speaks
            if let om = ph.mentions.first(where: { m in
                guard m.start >= i, case .actor(let oi) = m.target else { return false }
                return matcher.actors[oi].kind == .organisation
            }), om.start - i <= 1 {
                var n = om.end
                while n < wordsEnd {
                    let w = tokens[n]
                    if w.kind != .word || hasArticle(w) || w.norm.unicodeScalars.starts(with: "لل".unicodeScalars) { n += 1; continue }
                    if let e = gluedPlace(at: n, tokens, limit: wordsEnd) { n = e; continue }   // «بمنطقة عسير»
                    if inSet(w, lexicon.titles) { n += 1; continue }   // a rank: «العقيد»
                    break
                }
                // (a stop or another registry name there is no name: «سفير واشنطن لدى إسرائيل»)
                nameStart = n < wordsEnd && !isStop(tokens[n]) && !ph.mentions.contains(where: { $0.end > n }) ? n : ph.end
            } else if let n = institutionName(after: i, limit: wordsEnd, ph, c) {
                nameStart = n
            } else if let n = rankedName(after: i, limit: wordsEnd, ph, c) {
                nameStart = n
            } else if i == ph.start + 1, wordsEnd == ph.start + 2, ph.mentions.isEmpty, !hasArticle(tokens[ph.start]),
                      c.scalars[tokens[ph.start].end - 1] != "ه", !isAbbreviation(tokens[ph.start]), !isHonorific(tokens[ph.start]) {
                // «مدرب وليامز», «متحدث حكومي», «عضو بارز», «زوجة مينغ»: one word after a title in the
                // construct state is its genitive or adjective (Williams's coach, a government
                // spokesman), not the name of who speaks: the title phrase speaks
                nameStart = ph.end
            }
        }
        if nameStart >= ph.end {
            // a title phrase alone: «وقالت المستشارة الألمانية» → whoever the document named so
            let key = titleKey(c, ph.start, ph.end)
            if let sp = state.titleBinding[key] { return (sp, text, .role, 0.75) }
            // «نائب رئيس المفوضية» after «نائب رئيس المفوضية الأوروبية يركي كتاينن»
            // (of several such titles, the shortest, then the first in byte order: a dictionary's own
            // order changes from run to run)
            // (for a bare head, an indefinite one too: «وأضاف المتحدث» after «قال متحدث باسم البرلمان»)
            let indefinite = key.unicodeScalars.starts(with: "ال".unicodeScalars) && !key.unicodeScalars.contains(" ")
                ? String(key.unicodeScalars.dropFirst(2)) + " " : nil
            let longer = state.titleBinding.filter { $0.key.string.hasPrefix(key + " ") || indefinite.map($0.key.string.hasPrefix) == true }
            if let hit = longer.min(by: { a, b in
                let x = a.key.string.utf8, y = b.key.string.utf8
                return x.count != y.count ? x.count < y.count : x.lexicographicallyPrecedes(y)
            }) {
                return (hit.value, text, .role, 0.7)
            }
            // «وقال المتحدث» after «المتحدث باسم الكرملين» was named (not as a speaker)
            if let sp = anaphoricPhrase(ph, c, &state, agreement: agreement) {
                return (sp.0, text, .carryover, sp.1)
            }
            // «وقال البابا» in a document that names «البابا فرنسيس»: a title that is itself a context
            // alias names the actor the document names with it (of several, as for «ماي»)
            if let ai = contextualActor(normKey(c, ph.start, ph.end), at: ph.start, c, &state) {
                return (registrySpeaker(ai, agreement: agreement), text, .name, 0.75)
            }
            let sp = Speaker(actorID: "unlinked:" + titleKey(c, ph.start, ph.end, foldingFeminine: false), actorName: text,
                             agreement: agreement, vague: false, nameKey: [])
            return (sp, text, .name, 0.6)
        }
        let name = c.text(nameStart, ph.end)
        let key = normKey(c, nameStart, ph.end)
        var sp = Speaker(actorID: "unlinked:" + key.joined(separator: " "), actorName: name, agreement: agreement,
                         vague: false, nameKey: key)
        if let earlier = state.unlinked.last(where: { e in !e.nameKey.isEmpty && key.count < e.nameKey.count && key.allSatisfy { e.nameKey.contains($0) } }) {
            sp = earlier
        } else if nameStart == ph.start, key.count <= 2, let anaphoric = anaphoricPhrase(ph, c, &state, agreement: agreement) {
            // «وأضافت الوكالة» after «وكالة الأنباء الفرنسية» was named (not as a speaker)
            return (anaphoric.0, text, .carryover, anaphoric.1)
        } else if nameStart == ph.start, key.count <= 2, let f = lexicon.latter[key.joined(separator: " ")] {
            // «وقال الأخير إن …»: the one named last before it, else unlinked
            if let sp = latter(ph.start, feminine: f, c, &state, agreement: agreement) {
                return (sp, text, .carryover, Self.latterConfidence)
            }
        } else if let ai = contextualActor(key, at: ph.start, c, &state) {
            // «وقالت ماي» in a document that names «تيريزا ماي» or «رئيسة الوزراء البريطانية»
            sp = registrySpeaker(ai, agreement: agreement)
            if nameStart > ph.start {
                let tk = titleKey(c, ph.start, lastComma >= 0 ? lastComma : nameStart)
                if !tk.isEmpty { state.titleBinding[tk] = sp }
            }
            return (sp, text, .name, 0.75)
        } else if nameStart == ph.start, let (word, feminine) = possessedRelation(ph, c),
                  let owner = officeHolder(ph.start, feminine: feminine, c, &state, agreement: .unknown),
                  let bound = state.relationBinding[word + "|" + owner.actorID] {
            // «وقالت خطيبته» after «خديجة جنكيز، خطيبة الصحفي جمال خاشقجي»: the relation of the
            // person named last before it, as the document named it
            return (bound, text, .carryover, 0.6)
        } else if nameStart == ph.start, let feminine = possessedOffice(ph, c) {
            // «وأعلن مكتبه أن …», «مكتبها الإعلامي»: the office of the person named last before it
            if let sp = officeHolder(ph.start, feminine: feminine, c, &state, agreement: agreement) {
                return (sp, text, .carryover, 0.6)
            }
            state.unlinked.append(sp)
        } else if key.count >= 2, key.count <= 4, lexicon.officesOf.contains(lexicon.clitics.withoutConjunction(key[0]) ?? key[0]),
                  let ai = contextualActor(Array(key.dropFirst()), at: ph.start, c, &state), matcher.actors[ai].kind == .person {
            // «وقال مكتب ماي», «مكتب مون»: a person's office speaks for the person, as «مكتب ماكرون»
            // does through the registry name
            return (registrySpeaker(ai, agreement: agreement), text, .name, 0.7)
        } else {
            state.unlinked.append(sp)
        }
        if nameStart > ph.start {
            let tk = titleKey(c, ph.start, lastComma >= 0 ? lastComma : nameStart)
            if !tk.isEmpty { state.titleBinding[tk] = sp }
            if lastComma > ph.start { bindRelation(ph.ending(at: lastComma), to: sp, c, &state) }
        }
        if wordCount(tokens, ph.start, ph.end) >= 2 { bindHead(c, ph.start, sp, &state) }
        return (sp, text, .name, nameStart > ph.start ? 0.8 : 0.75)
    }

    /// «رئيس مجلس النواب علي عبد العال», «مدير مكتب إعلام المفوضية خالد عمر», «قائد شرطة كابول محمد
    /// داود أمين»: where the holder's name starts after a title whose body is an institution the
    /// registry does not know, its head (`institution_heads.txt`) at `i` in the construct state. The
    /// body's genitive runs to its first definite word, then its definite adjectives, ranks and
    /// honorifics («المهندس») and places («بمنطقة عسير»); the word after them opens the name. Without a
    /// definite word a common given name opens it («شرطة كابول محمد»). Nil where no name is so found
    /// («رئيس شرطة ريتشموند ألفريد دورهام» keeps its words: the boundary is not known), before a stop,
    /// or with a registry name in the body's place.
    func institutionName(after i: Int, limit e: Int, _ ph: Phrase, _ c: Ctx) -> Int? {
        let tokens = c.tokens
        guard i + 1 < e, tokens[i].kind == .word, !hasArticle(tokens[i]), inSet(tokens[i], lexicon.institutionHeads),
              !ph.mentions.contains(where: { $0.end > i }) else { return nil }
        var n = i + 1, head = i, closed = false, named = false
        while n < e {
            let w = tokens[n]
            guard w.kind == .word else { return nil }
            // (a name written with a hamza is none: «ألفريد», «أليستر»)
            // a rank or honorific right after the head names the institution after a person: «مستشفى
            // الشيخ زايد», «مؤسسة الأمير سلطان»; no holder's name is known to follow
            if n == head + 1, !closed, hasArticle(w), isHonorific(w) { return nil }
            if hasArticle(w) && c.scalars[w.start] != "أ" && c.scalars[w.start] != "إ"
                || w.norm.unicodeScalars.starts(with: "لل".unicodeScalars) { closed = true; n += 1; continue }
            if closed {
                if let g = gluedPlace(at: n, tokens, limit: e) { n = g; continue }
                // another title, or «لـ»/«بـ» and an institution's head, opens a new construct: «… نقيب
                // الأطباء», «وكيل وزارة المالية لشؤون الميزانية», «رئيس قسم البحوث بشركة فاروس»; a word with «و» goes on with the
                // body's («إدارة الشرق الأدنى وشمال أفريقيا»), and so may one with «لـ»: no boundary
                // known, unless a given name
                let u = w.norm.unicodeScalars
                if inSet(w, lexicon.givenNames) { break }
                if inSet(w, lexicon.titles) || (u.first == "ل" || u.first == "ب") && inSet(w, lexicon.institutionHeads) {
                    closed = false; head = n; n += 1; continue
                }
                if u.first == "و" || u.first == "ل" { return nil }   // «… لفعاليات مسيرة العودة», «المطار ليل»
                break
            }
            if n > head + 1, inSet(w, lexicon.givenNames) { named = true; break }
            guard n - head < 3 else { return nil }
            n += 1
        }
        guard closed || named, n < e, !isStop(tokens[n]), cue(at: n, c) == nil else { return nil }
        return n
    }

    /// «قائد لواء القوات الخاصة العميد عادل المصعبي», «قائد اللواء أول حرس حدود في جبهة الجوف العميد
    /// هيكل حنتف», «… رئيس اللجنة الأمنية بالحج الفريق أول سعيد القحطاني»: a title whose body runs on
    /// with words no rule reads (a unit, a second office) and then a rank or honorific
    /// (`honorifics.txt`) before the holder's name: the name opens after the last such word (and after
    /// «أول»/«ركن», which belong to a rank). The rank follows a definite word (or «بالـ»): after a noun
    /// in the construct state it is a genitive, part of a name of a place («مستشفى الشيخ زايد»,
    /// «مؤسسة الأمير سلطان»). Nil where no rank so placed has a word after it, or a registry name
    /// comes first.
    func rankedName(after i: Int, limit e: Int, _ ph: Phrase, _ c: Ctx) -> Int? {
        let tokens = c.tokens
        guard i < e, !ph.mentions.contains(where: { $0.end > i }) else { return nil }
        var found: Int?
        var k = i + 1
        while k + 1 < e {
            let t = tokens[k], before = tokens[k - 1]
            if t.kind == .word, hasArticle(t), isHonorific(t), before.kind == .word,
               hasArticle(before) || before.norm.unicodeScalars.starts(with: "بال".unicodeScalars) {
                var n = k + 1
                if n + 1 < e, tokens[n].norm.sameWord("اول") || tokens[n].norm.sameWord("ركن") { n += 1 }
                if tokens[n].kind == .word, !isStop(tokens[n]), cue(at: n, c) == nil { found = n }
            }
            k += 1
        }
        return found
    }

    /// Where a title opens right after a name of one to three words that opens the phrase, with no
    /// comma between («تيد ساراندوس مدير المحتوى», «خالد العوضي مدير إدارة أنظمة التحصيل»), or nil.
    /// The name's first word has no article and is no title, honorific, person, relation, vague or
    /// institution noun; the title has a word after it («محمد الأمين» is a name); no registry name
    /// comes before it.
    func appositiveTitle(_ ph: Phrase, _ c: Ctx) -> Int? {
        let tokens = c.tokens
        let first = tokens[ph.start]
        guard first.kind == .word, !hasArticle(first), !inSet(first, lexicon.titles), !inSet(first, lexicon.honorifics),
              !inSet(first, lexicon.personNouns), !inSet(first, lexicon.relations), !inSet(first, lexicon.vague),
              !inSet(first, lexicon.inanimate), !isGenericHead(first) else { return nil }
        var k = ph.start + 1
        while k < ph.end, k <= ph.start + 3 {
            let t = tokens[k]
            guard t.kind == .word else { return nil }
            // (a given name that a title's letters spell is the name's: «كارلا أمينة باغاجاتي»)
            if inSet(t, lexicon.titles), !inSet(t, lexicon.honorifics), !lexicon.givenNames.contains(t.norm) {
                guard k + 1 < ph.end, tokens[k + 1].kind == .word, !ph.mentions.contains(where: { $0.start < k }) else { return nil }
                return k
            }
            k += 1
        }
        return nil
    }

    /// The word of `relations.txt` by which the phrase names someone known through the registry person
    /// `ai` that its last mention `m` names, or nil: right before the name («محامي ترامب», «خطيبة
    /// خاشقجي»); opening the phrase in the construct state, with the person's own title between
    /// («زوجة الرئيس السوري بشار الأسد», «والد اللاعب مسعود أوزيل»); or with the article and the
    /// person governed by «لـ» («المحامي الشخصي لترامب»). The person himself is named by the
    /// relation word with the article («المحامي مايكل كوهين»), after a comma («محامي دانيلز، مايكل
    /// أفيناتي»), after an organisation or a role he never held, which are what the relation is to
    /// («محامي البيت الأبيض تاي كوب», «مساعد وزير الخارجية الأمريكي ديفيد ساترفيلد»), and after an
    /// aide's word of `title_relations.txt` and a title («مساعد رئيس الكتلة النيابية أوزغور أوزيل»).
    func relationWord(_ ph: Phrase, _ m: ActorMatcher.Mention, person ai: Int, _ c: Ctx) -> String? {
        let tokens = c.tokens
        // the word as written or without «و»/«ف» («والد» is a relation word itself)
        func bare(_ t: Token) -> String {
            if lexicon.relations.contains(t.norm) { return t.norm }
            return lexicon.clitics.withoutConjunction(t.norm) ?? t.norm
        }
        if tokens[m.start - 1].kind == .word, case let w = bare(tokens[m.start - 1]), lexicon.relations.contains(w) { return w }
        let first = tokens[ph.start]
        guard first.kind == .word, !ph.mentions.contains(where: { $0.start == ph.start }),
              !(ph.start..<m.start).contains(where: { isComma(tokens[$0]) }) else { return nil }
        var w = bare(first)
        // «وكيل أعمال النجم البرتغالي كريستيانو رونالدو»: a relation of two words (`relations.txt`)
        // (the first word as written, too: «وكيل» is no «و» + «كيل»)
        if ph.start + 1 < m.start, tokens[ph.start + 1].kind == .word,
           let two = [first.norm, w].lazy.map({ $0 + " " + tokens[ph.start + 1].norm }).first(where: lexicon.relations.contains) { w = two }
        // «وقال نائب ترامب», «مستشار أردوغان»: a title without the article in construct with a
        // registry person names someone of the person's. The person is meant with the article
        // («المستشار أولاف شولتس»), with a pronoun («مدربه زين الدين زيدان»: its coach), and where
        // the person holds an office of that title that day («وزير لو دريان»)
        if m.start == ph.start + 1, !hasArticle(first), c.scalars[first.end - 1] != "ه", !lexicon.relations.contains(w), lexicon.titles.contains(w),
           !inSet(first, lexicon.honorifics), !holdsRole(ai, withHead: WordKey(w), on: c.doc.published) { return w }
        if lexicon.relations.contains(w) {
            // an organisation between is the one related to: «محامي البيت الأبيض تاي كوب»; so is an
            // office the person never held; an aide's word («مساعد») forms a title with any office
            // («مساعد رئيس الكتلة النيابية للحزب أوزغور أوزيل») unless the person holds it
            var heldRole = false
            for r in ph.mentions where r.end <= m.start {
                switch r.target {
                case .actor(let oi): if matcher.actors[oi].kind == .organisation { return nil }
                case .role(let ri):
                    guard matcher.roles(heldBy: ai, on: nil).contains(ri) else { return nil }
                    heldRole = true
                }
            }
            return heldRole || !lexicon.titleRelations.contains(w) ? w : nil
        }
        let noun = String(String.UnicodeScalarView(w.unicodeScalars.dropFirst(2)))
        guard w.unicodeScalars.starts(with: "ال".unicodeScalars), lexicon.relations.contains(noun) else { return nil }
        return m.governed && opensWithLam(tokens[m.start]) ? noun : nil
    }

    /// «خطيبة الصحفي السعودي جمال خاشقجي» → «خطيبه» and Khashoggi: the key under which the
    /// phrase ties a person to the registry person it is known through (`relationWord`), so that
    /// «خطيبة خاشقجي» later in the document finds the one named so. Nil when it does not.
    func relationKey(_ ph: Phrase, _ c: Ctx) -> String? {
        guard ph.end - ph.start >= 2, let m = ph.mentions.last, m.start > ph.start, case .actor(let ai) = m.target,
              matcher.actors[ai].kind == .person,
              let w = relationWord(ph.ending(at: m.end), m, person: ai, c) else { return nil }
        return w + "|" + matcher.actors[ai].id
    }

    /// Ties the relation phrase («خطيبة الصحفي جمال خاشقجي») to the person `sp` it is the
    /// apposition or title of («خديجة جنكيز، خطيبة الصحفي جمال خاشقجي، …»).
    func bindRelation(_ ph: Phrase, to sp: Speaker, _ c: Ctx, _ state: inout DocState) {
        guard !sp.vague, let key = relationKey(ph, c), !key.hasSuffix("|" + sp.actorID) else { return }
        state.relationBinding[key] = sp
    }

    /// Whether the name words `key` (normalised) are a variant of registry person `person`'s names:
    /// besides name particles («بن», «آل») and honorifics, its words are mostly the person's, one of
    /// them no common given name or two of them at least («خالد بن آل خليفة» of «خالد بن أحمد آل
    /// خليفة»; not «محمد» alone), and no father's name after «بن» differs from the person's.
    func nameFits(_ key: [String], person: Int) -> Bool {
        let names = matcher.names.actors[person]
        var words = Set<String>()
        var fathers = Set<String>()
        for n in names {
            for (i, w) in n.enumerated() {
                words.insert(w)
                if i > 0, lexicon.nameParticles.contains(n[i - 1]) { fathers.insert(w) }
            }
        }
        var matched = 0, unmatched = 0, distinctive = false
        for (i, w) in key.enumerated() {
            if lexicon.nameParticles.contains(w) || lexicon.titles.contains(w) || w.unicodeScalars.count < 2 { continue }
            if words.contains(w) {
                matched += 1
                if !lexicon.givenNames.contains(w) { distinctive = true }
            } else {
                unmatched += 1
                // «خالد بن خليفة» is not «خالد بن أحمد»
                if i > 0, lexicon.nameParticles.contains(key[i - 1]), !fathers.isEmpty { return false }
            }
        }
        return matched > unmatched && (distinctive || matched >= 2)
    }

    /// Whether the word right before token `i` (past name particles such as «بن», «آل», not before
    /// `a`) is a given name that is not registry person `person`'s: no title, word with the article,
    /// office, relation or person noun, stop or cue, and no spelling of one of the person's names (two
    /// letters apart at most, one for a word of four letters or fewer: «هيربيرت» of «هربرت», «بارك» of
    /// «باراك»), nor the end of the person's given name («توني» of «أنتوني»).
    func otherGivenName(before i: Int, from a: Int, person: Int, _ c: Ctx) -> Bool {
        var k = i - 1
        while k >= a, c.tokens[k].kind == .word, lexicon.nameParticles.contains(c.tokens[k].norm) { k -= 1 }
        guard k >= a else { return false }
        let t = c.tokens[k]
        guard t.kind == .word, !t.latin else { return false }
        let w = t.norm
        let bare = lexicon.clitics.withoutConjunction(w) ?? w
        if inSet(t, lexicon.titles) || w.unicodeScalars.starts(with: "ال".unicodeScalars)
            || lexicon.personNouns.contains(bare) || lexicon.officesOf.contains(bare) || lexicon.anaphoricHeads.contains("ال" + bare)
            || isStop(t) || cue(at: k, c) != nil { return false }
        let names = matcher.names.actors[person]
        let u = Array(w.unicodeScalars), near = u.count <= 4 ? 1 : 2
        if names.joined().contains(where: { EditDistance.between(Array($0.unicodeScalars), u, atMost: near) <= near }) { return false }
        if u.count >= 3, names.contains(where: { n in
            guard n.count > 1 else { return false }
            let first = Array(n[0].unicodeScalars)
            return first.count > u.count && first.reversed().starts(with: u.reversed())
        }) { return false }
        return true
    }

    /// A registry organisation opens the text at token `i` and is no name's first word: it ends the
    /// phrase (before `limit`), a preposition governs it («لرويترز») or one follows it («روسيا بالضلوع»).
    func isOrganisation(at i: Int, _ c: Ctx, limit: Int) -> Bool {
        guard let m = matcher.match(at: i, in: c.tokens, limit: limit), case .actor(let ai) = m.target,
              matcher.actors[ai].kind == .organisation else { return false }
        var end = limit
        while end > i, c.tokens[end - 1].kind == .punct { end -= 1 }
        return m.governed || m.end >= end || isStop(c.tokens[m.end]) || isPrepositional(c.tokens[m.end])
    }

    /// Binds the phrase's head noun with the article to the speaker, so that a later «الصحيفة» or
    /// «المنظمة» means «صحيفة "واشنطن بوست"» or «منظمة العفو الدولية» named earlier in the document.
    func bindHead(_ c: Ctx, _ a: Int, _ sp: Speaker, _ state: inout DocState) {
        guard c.tokens[a].kind == .word else { return }
        var head = titleKey(c, a, a + 1)
        if !head.unicodeScalars.starts(with: "ال".unicodeScalars) { head = "ال" + head }
        state.titleBinding[head] = sp
    }

    /// The key of a title phrase: conjunction off its first word, «الأميركي» spelt «الامريكي», and
    /// (with `foldingFeminine`, for binding titles to holders) a final «ه» off long words, so that
    /// «المستشارة الألمانية» finds «المستشار الألماني». Unlinked ids keep the «ه»: «وزير
    /// الداخلية» is no «وزير الداخلي». Built as UTF-8 bytes (it is computed several times per statement).
    func titleKey(_ c: Ctx, _ a: Int, _ b: Int, foldingFeminine: Bool = true) -> String {
        var out: [UInt8] = []
        var first = true
        var i = a
        while i < b {
            let t = c.tokens[i]
            i += 1
            guard t.kind == .word || t.kind == .number else { continue }
            if !first { out.append(0x20) }
            keyNorm(c, i - 1).withWordBytes { w in
                var word = w
                if first, !lexicon.titles.contains(bytes: w), let s = lexicon.clitics.withoutConjunction(bytes: w),
                   lexicon.titles.contains(bytes: s) || s.starts(with: Self.alBytes) {
                    word = s
                }
                let start = out.count
                out.append(contentsOf: word)
                // «الإيراني»/«الإيرانية», «الأمريكي»/«الأميركي» name the same office
                if let k = Self.firstIndex(of: Self.ameerkBytes, in: out, from: start) {
                    out.replaceSubrange(k..<(k + Self.amreekBytes.count), with: Self.amreekBytes)   // «الأميركي» → «الامريكي»
                }
                if foldingFeminine, Clitics.scalarCount(word) > 3, out.count - start >= 2,
                   out[out.count - 2] == 0xD9, out[out.count - 1] == 0x87 { out.removeLast(2) }   // final «ه»
            }
            first = false
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let alBytes: [UInt8] = Array("ال".utf8)
    static let ameerkBytes: [UInt8] = Array("اميرك".utf8)
    static let amreekBytes: [UInt8] = Array("امريك".utf8)

    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count - from >= pattern.count else { return nil }
        var k = from
        while k + pattern.count <= bytes.count {
            if bytes[k] == pattern[0], bytes[k..<(k + pattern.count)].elementsEqual(pattern) { return k }
            k += 1
        }
        return nil
    }

    // MARK: - Document-wide context

    /// Extends the document's registry mentions (`DocState.mentions`) to cover the body's tokens
    /// before `end` (the whole body when nil); each token is looked at once per document.
    func scanMentions(upTo end: Int? = nil, _ state: inout DocState) {
        let count = state.body.count
        let limit = min(end ?? count, count)
        var i = state.scanned
        while i < limit {
            if let m = matcher.match(at: i, in: state.body, limit: count) { state.mentions.append(m); i = m.end }
            else { i += 1 }
        }
        state.scanned = max(state.scanned, i)
    }

    /// The actors the document names without doubt, in the body or the title
    /// (`ActorMatcher.named(by:on:)`), found once.
    func documentActors(_ state: inout DocState) -> Set<Int> {
        if let named = state.named { return named }
        scanMentions(upTo: nil, &state)
        var named = matcher.named(by: state.mentions, on: state.published)
        if let title = state.title, !title.isEmpty {
            let t = Tokenizer.tokenize(Array(title.unicodeScalars))
            named.formUnion(matcher.named(by: matcher.mentions(in: t, range: 0..<t.count), on: state.published))
        }
        state.named = named
        return named
    }

    /// A short name that alone is too ambiguous to link («ماي», «عباس», «المالكي», «كيم»): a context
    /// alias of registry actors, or the surname of registry persons («عباس» of «محمود عباس»). It names
    /// the one the document names without doubt elsewhere, before or after; of several, the one
    /// mentioned last before `position`, else first after it. Nil when the document names none.
    func contextualActor(_ key: [String], at position: Int, _ c: Ctx, _ state: inout DocState) -> Int? {
        guard let first = key.first, key.count <= 3 else { return nil }
        var keys = [key]
        if let bare = lexicon.clitics.withoutConjunction(first) { keys.append([bare] + key.dropFirst()) }
        var candidates: [Int] = []
        for k in keys {
            for ai in matcher.contextualActors(k) where !candidates.contains(ai) { candidates.append(ai) }
            if k.count <= 2, let list = index.surnames[WordKey(k.joined(separator: " "))] { for ai in list where !candidates.contains(ai) { candidates.append(ai) } }
        }
        guard !candidates.isEmpty else { return nil }
        let named = documentActors(&state)
        candidates = candidates.filter { named.contains($0) }
        guard candidates.count > 1 else { return candidates.first }
        let pos = c.isTitle ? 0 : position
        var before: Int?, after: Int?
        for m in state.mentions where !m.ambiguous {
            let holder: Int?
            switch m.target {
            case .actor(let ai): holder = ai
            case .role(let ri): holder = matcher.holder(ofRole: ri, on: state.published)
            }
            guard let ai = holder, candidates.contains(ai) else { continue }
            if m.start < pos { before = ai } else if after == nil { after = ai }
        }
        return before ?? after
    }

    /// Confidence of a speaker bound by an anaphoric head to a registry mention («وكالة الأنباء
    /// الفرنسية» … «الوكالة»), and to a bare state body of the article's state named there («وزارة
    /// الدفاع» … «الوزارة»): below a named link, and below the state body's own link.
    static let anaphorConfidence = 0.6
    static let anaphorBodyConfidence = 0.45

    /// «وأضافت الوكالة» → the organisation or office named last before token `i` with that head
    /// (`anaphoric_heads.txt`): an actor one of whose names opens with it («وكالة الأنباء الفرنسية»),
    /// a role («المتحدث باسم الكرملين» → its holder) or a role's organisation («المتحدث باسم وزارة
    /// الخارجية الروسية» … «الوزارة» → the ministry). The nearest earlier use of the head without the
    /// article decides which organisation is meant: when it opens no registry name («وأعلنت شركة
    /// فوكسكون» after «شركة أبل»), the head means that one, linked only when it is a bare state body
    /// of the article's state («وزارة الدفاع» … «وقالت الوزارة»). Nil when none was named.
    func anaphor(_ i: Int, _ c: Ctx, _ state: inout DocState, agreement: ArabicLexicon.Agreement) -> (Speaker, Double)? {
        guard !c.isTitle, c.tokens[i].kind == .word else { return nil }
        guard let h = lexicon.clitics.stems(c.tokens[i].norm).first(where: { lexicon.anaphoricHeads.contains($0) }) else { return nil }
        let bare = WordKey(String(h.unicodeScalars.dropFirst(2)))
        let bareBytes = Array(bare.string.utf8), definiteBytes = Self.articleBytes + bareBytes
        scanMentions(upTo: i, &state)
        var use = lastIndefiniteUse(of: bare.string, before: i, c)
        // the last phrase with this head linked through its state or an antecedent
        let bound = state.officeBindings.last(where: { $0.head == bare.string && $0.at < i })
        for m in state.mentions.reversed() where m.end <= i && !m.ambiguous {
            if let b = bound, b.at >= m.end { return (b.speaker, min(b.confidence, Self.anaphorConfidence)) }
            if let u = use, u.at >= m.end {
                // a bare state body named after this mention, or an organisation with a quoted or
                // Latin name, is meant; a phrase such as «وزارة الخزانة», «شبكة التواصل» may be a
                // passing mention: older mentions still count
                if let sp = stateBody(at: u.at, head: bare.string, before: i, c, &state, agreement: agreement) {
                    return (sp, Self.anaphorBodyConfidence)
                }
                if u.named { return nil }
                use = nil
            }
            if lexicon.strictAnaphoricHeads.contains(bare.string),
               !lexicon.clitics.anyStem(of: state.body[m.start].norm, { Self.same($0, bareBytes) || Self.same($0, definiteBytes) }) { continue }
            switch m.target {
            case .actor(let ai):
                if index.actorHeads[ai].contains(bare) { return (registrySpeaker(ai, agreement: agreement), Self.anaphorConfidence) }
                // «هيذر نويرت» … «وقالت المتحدثة», «لافروف» … «وأضاف الوزير»: a person holding, that
                // day, a role named with the head (the head's gender is the role alias's)
                if matcher.actors[ai].kind == .person, holdsRole(ai, withHead: bare, on: state.published) {
                    return (registrySpeaker(ai, agreement: agreement), Self.anaphorConfidence)
                }
            case .role(let ri):
                if index.roleHeads[ri].contains(bare) {
                    if let sp = targetSpeaker(.role(ri), state, agreement: agreement) { return (sp, Self.anaphorConfidence) }
                } else if let o = index.roleOrganisation[ri], index.actorHeads[o].contains(bare) {
                    return (registrySpeaker(o, agreement: agreement), Self.anaphorConfidence)
                }
            }
        }
        if let b = bound, use == nil || b.at >= use!.at { return (b.speaker, min(b.confidence, Self.anaphorConfidence)) }
        guard let u = use, let sp = stateBody(at: u.at, head: bare.string, before: i, c, &state, agreement: agreement) else { return nil }
        return (sp, Self.anaphorBodyConfidence)
    }

    /// The last token before `i` that is the head without the article, with or without clitics
    /// («وزارة», «لوزارة», «ووزارة»; not «الوزارة», «للوزارة», which refer back themselves), opening a
    /// name: a quote, a Latin word or a word with the article follows («شركة "أوبر"», «وزارة الدفاع»);
    /// `named` when the name is quoted or Latin, so surely another organisation's.
    func lastIndefiniteUse(of bare: String, before i: Int, _ c: Ctx) -> (at: Int, named: Bool)? {
        let bareBytes = Array(bare.utf8), definiteBytes = Self.articleBytes + bareBytes
        let clitics = lexicon.clitics
        var j = i - 1
        while j >= 0 {
            let t = c.tokens[j]
            if t.kind == .word, !t.latin, j + 1 < i {
                // a name follows: a quote, a Latin word, a word with the article («وزارة الخزانة»), or a
                // word without it that is no adjective or noun of the head's («شركة لوريال», not «شركة
                // مملوكة», «منظمة دولية»: those end in «ة» like a feminine head; nor a stop: «ضابط شرطة في»)
                let n = c.tokens[j + 1]
                let isUse = c.norms.withBytes(j) { w in
                    clitics.anyStem(w) { Self.same($0, bareBytes) } && !clitics.anyStem(w) { Self.same($0, definiteBytes) }
                }
                guard isUse else { j -= 1; continue }
                if isQuote(n) || n.latin { return (j, true) }
                if n.kind == .word, hasArticle(n) { return (j, false) }
                if n.kind == .word, bare.unicodeScalars.last == "ه", n.norm.unicodeScalars.last != "ه", n.norm.unicodeScalars.count >= 3,
                   !isStop(n), cue(at: j + 1, c) == nil, complementizer(n) == nil, !hasTanween(n, c) { return (j, true) }
            }
            j -= 1
        }
        return nil
    }

    /// Confidence of «الأخير» bound to the registry mention before it.
    static let latterConfidence = 0.5

    /// «الأخير» / «الأخيرة» at token `i` (`latter.tsv`): the registry actor of the last mention before
    /// it, if that is near (within `latterWindow` tokens) and agrees — a male (or ungendered) person
    /// for «الأخير»; a female person or an organisation for «الأخيرة» — with no title or person noun
    /// after it («نائبه»: then that one is the latter). Nil otherwise.
    func latter(_ i: Int, feminine: Bool, _ c: Ctx, _ state: inout DocState, agreement: ArabicLexicon.Agreement) -> Speaker? {
        guard !c.isTitle else { return nil }
        scanMentions(upTo: i, &state)
        for m in state.mentions.reversed() where m.end <= i {
            guard i - m.end <= Self.latterWindow, !m.ambiguous else { return nil }
            // «أقال بهتشلي نائبه بعد أن قال الأخير»: a title or person noun after the name is the latter
            if (m.end..<i).contains(where: { c.tokens[$0].kind == .word && (inSet(c.tokens[$0], lexicon.titles) || inSet(c.tokens[$0], lexicon.personNouns)) }) { return nil }
            let ai: Int?
            switch m.target {
            case .actor(let a): ai = a
            case .role(let ri): ai = matcher.holder(ofRole: ri, on: state.published)
            }
            guard let ai else { continue }
            let a = matcher.actors[ai]
            let fits: Bool
            if a.kind == .organisation { fits = feminine }
            else if feminine { fits = a.gender == .female }
            else { fits = a.gender != .female }
            return fits ? registrySpeaker(ai, agreement: agreement) : nil
        }
        return nil
    }

    /// «مكتبه», «ومكتبها الإعلامي»: an office of `offices_of.txt` with a third-person pronoun as written
    /// (not «مكتبة», a library), alone or with an adjective marked `adjective` there; whether the
    /// pronoun is feminine. Nil otherwise.
    func possessedOffice(_ ph: Phrase, _ c: Ctx) -> Bool? {
        var words: [Int] = []
        for i in ph.start..<ph.end where c.tokens[i].kind == .word { words.append(i) }
        guard words.first == ph.start, words.count <= 2 else { return nil }
        if words.count == 2 {
            guard words[1] == ph.start + 1, lexicon.officeAdjectives.contains(c.tokens[words[1]].norm) else { return nil }
        }
        return possessed(c.tokens[ph.start], in: lexicon.officesOf, c)?.feminine
    }

    /// «خطيبته», «ومحاميها»: a one-word phrase that is a word of `relations.txt` with a third-person
    /// pronoun as written (`possessed`); the word and whether the pronoun is feminine. Nil otherwise.
    func possessedRelation(_ ph: Phrase, _ c: Ctx) -> (word: String, feminine: Bool)? {
        guard ph.end - ph.start == 1, c.tokens[ph.start].kind == .word else { return nil }
        return possessed(c.tokens[ph.start], in: lexicon.relations, c)
    }

    /// «مكتبها» → «مكتب», feminine; «خطيبته» → «خطيبه»: the word `t`, without «و»/«ف», less a
    /// third-person pronoun as written («ها», «ه»), when `set` holds what is left (a «ت» before the
    /// pronoun is the «ة» it was written as). What is left has three letters at least.
    func possessed(_ t: Token, in set: WordSet, _ c: Ctx) -> (word: String, feminine: Bool)? {
        guard !t.latin, endsWithPronoun(t, c) else { return nil }
        let u = Array((lexicon.clitics.withoutConjunction(t.norm) ?? t.norm).unicodeScalars)
        for (n, feminine) in [(2, true), (1, false)] where u.count > n + 2 {
            guard u[u.count - 1] == (n == 2 ? "ا" : "ه"), n == 1 || u[u.count - 2] == "ه" else { continue }
            var stem = Array(u[..<(u.count - n)])
            if stem.last == "ت" { stem[stem.count - 1] = "ه" }
            let w = String(String.UnicodeScalarView(stem))
            if set.contains(w) { return (w, feminine) }
        }
        return nil
    }

    /// The registry person whose office «مكتبه» at token `i` is: of the persons named before it within
    /// `officeWindow` tokens (a role through its holder that day or the person the document bound to
    /// it), the nearest of the pronoun's gender. Organisations in between are skipped (a party's
    /// politburo is «مكتبه السياسي», not linked here).
    func officeHolder(_ i: Int, feminine: Bool, _ c: Ctx, _ state: inout DocState, agreement: ArabicLexicon.Agreement) -> Speaker? {
        guard !c.isTitle else { return nil }
        scanMentions(upTo: i, &state)
        for m in state.mentions.reversed() where m.end <= i {
            guard i - m.end <= Self.officeWindow else { return nil }
            if m.ambiguous { continue }
            let ai: Int?
            switch m.target {
            case .actor(let a): ai = a
            case .role(let ri): ai = rolePerson(ri, state)
            }
            guard let ai, matcher.actors[ai].kind == .person else { continue }
            if (matcher.actors[ai].gender == .female) == feminine { return registrySpeaker(ai, agreement: agreement) }
        }
        return nil
    }

    /// The registry actor a role stands for in this document: the one the document bound it to, else
    /// its holder on the document's date (`targetSpeaker`, as an actor index).
    func rolePerson(_ ri: Int, _ state: DocState) -> Int? {
        if let sp = state.roleBinding[ri] { return index.actorIndex[sp.actorID] }
        return matcher.holder(ofRole: ri, on: state.published)
    }

    /// How far back (tokens) «مكتبه» looks for its person: about two sentences.
    static let officeWindow = 80

    /// How far back (tokens) «الأخير» looks for its antecedent: about a sentence.
    static let latterWindow = 40

    /// A speaker phrase that is an anaphoric head alone or with an adjective of
    /// `anaphoric_adjectives.txt` («الوكالة», «المنظمة الحقوقية»), resolved by `anaphor`.
    func anaphoricPhrase(_ ph: Phrase, _ c: Ctx, _ state: inout DocState, agreement: ArabicLexicon.Agreement) -> (Speaker, Double)? {
        var words: [Int] = []
        for i in ph.start..<ph.end where c.tokens[i].kind == .word || c.tokens[i].kind == .number { words.append(i) }
        guard words.first == ph.start, words.count == 1 || (words.count == 2 && inSet(c.tokens[words[1]], lexicon.anaphoricAdjectives)) else { return nil }
        return anaphor(ph.start, c, &state, agreement: agreement)
    }

    /// Whether the person holds, on `date` (any tenure when the date is unknown), a role one of whose
    /// names opens with the head `bare` (`LinkingIndex.roleHeads`).
    func holdsRole(_ person: Int, withHead bare: WordKey, on date: String?) -> Bool {
        matcher.roles(heldBy: person, on: date).contains { index.roleHeads[$0].contains(bare) }
    }

    // MARK: - Output

    func finish(_ p: Pending, _ c: Ctx, _ sentence: String, part: String) -> Statement? {
        let tokens = c.tokens
        var a = p.from, b = min(p.to, tokens.count)
        var startsWithQuote = false
        while a < b, tokens[a].kind == .punct || tokens[a].kind == .newline {
            if isQuote(tokens[a]) { startsWithQuote = true }
            a += 1
        }
        while b > a, tokens[b - 1].kind == .punct || tokens[b - 1].kind == .newline { b -= 1 }
        // a trailing «و» left by a cut («… وقال»): tokens are whole words, so nothing else to trim
        guard wordCount(tokens, a, b) >= 2 else { return nil }
        var quotes = 0
        var i = a
        while i < b { if isQuote(tokens[i]) { quotes += 1 }; i += 1 }
        let kind: Statement.Kind
        if startsWithQuote && quotes <= 1 { kind = .direct }
        else if startsWithQuote || quotes > 0 { kind = .mixed }
        else { kind = .indirect }
        let start = tokens[a].start, end = tokens[b - 1].end
        let d = c.doc
        var st = Statement(
            statementID: StatementID.make(docID: d.docID, part: part, start: start, end: end),
            docID: d.docID, actorID: p.speaker.actorID, actorName: p.speaker.actorName,
            speaker: p.speakerText.isEmpty ? c.text(p.cueToken, p.cueToken + 1) : p.speakerText,
            resolution: p.resolution, cue: c.text(p.cueToken, p.cueToken + 1), cueLemma: p.cue.lemma, kind: kind,
            content: c.text(a, b), sentence: sentence, lang: d.lang == "und" ? "ar" : d.lang, published: d.published,
            dateSource: d.dateSource?.rawValue, url: d.url, source: d.source, title: d.title, input: d.input,
            record: d.record, contentStart: start, contentEnd: end, confidence: p.confidence)
        st.part = part
        return st
    }

    /// «ميركل: اتفاق إيران ليس مثالياً …» → a statement by ميركل with `part` "title". The speaker is a
    /// short name or title phrase before the colon (after «..» or «،»); vague sources are skipped.
    func headline(_ title: String, _ doc: Document, _ state: inout DocState, cache: WordCache? = nil) -> [Statement] {
        guard title.utf8.contains(0x3A) else { return [] }   // no colon: not worth tokenising
        let text = ScalarText(title)
        let (tokens, norms) = Tokenizer.tokenizeWithNorms(text.scalars, cache: cache)
        var c = context(title, text, tokens, norms, doc)
        c.isTitle = true
        guard let colon = tokens.firstIndex(where: { $0.kind == .punct && $0.punct == 0x3A }), colon > 0 else { return [] }
        var a = colon
        while a > 0, tokens[a - 1].kind == .word || tokens[a - 1].punct == 0x23 { a -= 1 }
        // cut at a preposition or cue: «بيسكوف لـCNN», «الأسد يرد على ترامب», «ظريف ردا على نتنياهو»
        var e = a
        while e < colon, tokens[e].kind != .word || (!isStop(tokens[e]) && cue(at: e, c) == nil) { e += 1 }
        guard e > a else { return [] }
        // «فيديو: …», «مباشر: …», «ريبورتاج: …»: a rubric label, not a speaker
        guard !inSet(tokens[a], lexicon.rubrics) else { return [] }
        let ph = Phrase(start: a, end: e, mentions: matcher.mentions(in: tokens, range: a..<e))
        let words = wordCount(tokens, a, e)
        let known = !ph.mentions.isEmpty || inSet(tokens[a], lexicon.titles)
        guard known || words <= 2 else { return [] }
        // «الحرب في سوريا: …»: an unknown phrase cut before the colon is a topic, not a speaker, unless
        // the cut is an addressee («المالكي لـCNN: …»)
        guard known || wordCount(tokens, e, colon) == 0 || tokens[e].norm.unicodeScalars.first == "ل" else { return [] }
        var end = tokens.count
        if let dots = tokens[(colon + 1)...].firstIndex(where: { $0.kind == .punct && $0.punct == 0x2E }),
           dots + 1 < tokens.count, tokens[dots + 1].punct == 0x2E { end = dots }
        var tmp = state
        guard let r = resolve(ph, c, &tmp, agreement: .unknown), !r.0.vague else { return [] }
        // «غزة: مقتل شاب …», «سوريا: عشرات القتلى …»: a state or city alone before the colon is where
        // the news happened, not a speaker, unless the headline speaks in its voice («إسرائيل: سنلاحق …»)
        if isPlace(a, e, tokens), e == colon || r.0.actorID.isUnlinkedActorID,
           !speaksInFirstPerson(tokens, colon + 1, end) { return [] }
        state.titleBinding.merge(tmp.titleBinding) { old, _ in old }
        if tmp.scanned > state.scanned { state.mentions = tmp.mentions; state.scanned = tmp.scanned; state.named = tmp.named }
        let headCue = ArabicLexicon.Cue(lemma: ":", type: .nominal, agreement: .unknown, needs: [], requiresComplement: false)
        let p = Pending(cueToken: colon, cue: headCue, speaker: r.0, speakerText: r.1, resolution: r.2, confidence: r.3 * 0.8,
                        from: colon + 1, to: end, emit: true)
        guard let st = finish(p, c, title, part: "title") else { return [] }
        return [st]
    }
}

extension Array where Element: Equatable {
    /// Appends `x` unless the array holds it already: one lookup of a dictionary's value in place
    /// (`table[key, default: []].appendOnce(x)`) where a test and an append hashed the key twice.
    @inline(__always) mutating func appendOnce(_ x: Element) {
        if !contains(x) { append(x) }
    }
}
