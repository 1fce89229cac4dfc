import Foundation

/// The state an article is about, and the bare state bodies that mean that state's institution.
///
/// «وقالت الشرطة إن …» in an article datelined «القاهرة -» or full of «مصر», «المصرية», «القاهرة» is
/// the Egyptian police, as an analyst (or PETRARCH's country-context coding) reads it. Language
/// knowledge is data: `data/lexicons/ar/countries.tsv` (per state: names, nisba adjectives, capital
/// and cities) and `data/lexicons/ar/state_bodies.tsv` (bare bodies and offices: «الشرطة», «وزارة
/// الداخلية», «الرئيس»). Which actor a bare body means in a state is the registry's answer for the
/// explicit phrase («الشرطة» + «المصرية» → the alias «الشرطة المصرية» → `egyptian-police`; «الرئيس»
/// + «المصري» → the role `egypt-president` → its holder on the article's date), so the registry, not
/// code, decides which bodies exist where.
///
/// Order of evidence for a bare body speaker (`ArabicExtractor.resolve`):
/// 1. an explicit state in the speaker phrase is a registry match and never reaches this;
///    «الشرطة في القاهرة» names its state by the place after «في»;
/// 2. an antecedent: the most recent earlier registry mention of that body in any state («وزارة
///    الداخلية العراقية» … «وزارة الداخلية»), or of a person holding that office («السيسي» … «الرئيس»)
///    — resolution `carryover`, confidence 0.6;
/// 3. the article's dominant state (`dominant`) — resolution `name` (bodies) or `role` (offices),
///    confidence `contextConfidence`. With no clear dominant state the speaker stays unlinked.
final class CountryContext: Sendable {
    /// Confidence of a link made through the article's state alone (lower than any explicit link).
    static let contextConfidence = 0.5

    /// The article's state, once decided per document: an index into `ids`, or nil for none clear.
    struct Verdict: Sendable { var country: Int? }

    /// One bare body: per state, what the explicit phrase is in the registry.
    struct Body: Sendable, Equatable {
        var targets: [Int: ActorMatcher.Target] = [:]
        var actors: Set<Int> = []
        var roles: Set<Int> = []
    }

    /// State slugs (`countries.tsv`, first column).
    let ids: [String]
    /// A matcher whose «actors» are the states, named by their names, adjectives and cities, so that
    /// state mentions are found with the registry's clitic-aware longest match.
    let cues: ActorMatcher
    /// Canonical key of a bare speaker (`canonical`) → the body.
    let bodies: [String: Body]
    let clitics: Clitics
    /// Newsroom datelines (`newsroom_datelines.txt`) as normalised words: not the news's place.
    let newsrooms: [[String]]

    /// Reads the lexicons' states, bodies and offices; `resolved`, when given, is `resolved` of a
    /// context built from the same registry and lexicons (`Resolved`), else the registry's answers
    /// are asked of `matcher` and the states' names tokenised.
    init(lexicon: ArabicLexicon, matcher: ActorMatcher, resolved: Resolved? = nil) {
        let clitics = lexicon.clitics
        self.clitics = clitics
        self.newsrooms = lexicon.newsroomDatelineLines.map { line in
            Tokenizer.tokenize(Array(line.unicodeScalars)).filter { $0.kind == .word }.map(\.norm)
        }.filter { !$0.isEmpty }
        var ids: [String] = []
        var forms: [[String]] = []     // per state: adjectives (for the explicit phrase)
        var names: [[String]] = []     // per state: names (for the construct phrase «شرطة مصر»)
        var stateActors: [Actor] = []
        for line in lexicon.countryLines {
            let f = line.fields(0x09, omittingEmpty: false).map { $0.trimmingBlanks() }
            guard let id = f.first, !id.isEmpty else { continue }
            func list(_ i: Int) -> [String] {
                i < f.count ? f[i].fields(0x7C).map { $0.trimmingBlanks() }.filter { !$0.isEmpty } : []
            }
            let stateNames = list(1), adjectives = list(2)
            ids.append(id)
            names.append(stateNames)
            forms.append(adjectives)
            // actor 2c: the state's places (names, cities); 2c + 1: its adjectives, less the forms that
            // are also names («السعودية»)
            let places = stateNames + list(3)
            let placeKeys = Set(places.map { ArabicNormalizer.normalize($0) })
            stateActors.append(Actor(id: id, kind: .organisation, name: id, aliases: places))
            stateActors.append(Actor(id: id + "/adj", kind: .organisation, name: id,
                                     aliases: adjectives.filter { !placeKeys.contains(ArabicNormalizer.normalize($0)) }))
        }
        self.ids = ids
        self.cues = ActorMatcher(actors: stateActors, roles: [], clitics: clitics, names: resolved?.cueNames)

        self.registry = matcher
        self.adjectives = forms
        self.adjectiveForms = Set(forms.joined().map { ArabicNormalizer.normalize($0) })
        self.names = names
        var states: [Actor] = []
        for c in ids.indices { states.append(Actor(id: ids[c], kind: .organisation, name: ids[c], aliases: names[c] + forms[c])) }
        self.stateForms = ActorMatcher(actors: states, roles: [], clitics: clitics, names: resolved?.stateFormNames)
        let answers = resolved.map { (bodies: $0.bodies, government: $0.government, stateActor: $0.stateActor) }
            ?? Self.resolve(lexicon: lexicon, matcher: matcher, ids: ids, forms: forms, names: names)
        self.bodies = answers.bodies
        self.government = answers.government
        self.stateActor = answers.stateActor
        firstWords = Set(bodies.keys.map { $0.fields(0x20).first ?? "" })

        // offices named with their state (`state_offices.tsv`)
        var offices: [String: Office] = [:]
        var postings: Set<String> = []
        var longest = 0
        for line in lexicon.stateOfficeLines {
            let f = line.fields(0x09).map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
            guard f.count >= 2, let mode = Office.Mode(rawValue: f[1]) else { continue }
            let words = Tokenizer.tokenize(Array(f[0].unicodeScalars)).filter { $0.kind == .word }.map(\.norm)
            guard !words.isEmpty else { continue }
            let bodyForms = f.count > 2 ? f[2].fields(0x7C).map { $0.trimmingBlanks() }.filter { !$0.isEmpty } : []
            let key = Self.canonical(words)
            if mode == .at { postings.insert(key); continue }
            if offices[key] == nil { offices[key] = Office(words: words.count, mode: mode, bodyForms: bodyForms) }
            longest = max(longest, words.count)
        }
        self.offices = offices
        self.officeFirstWords = Set(offices.keys.map { $0.fields(0x20).first ?? "" })
        self.postings = postings
        self.longestOffice = longest
        self.former = Set(lexicon.formerLines.map { Self.canonicalWord(ArabicNormalizer.normalize($0)) })
    }

    /// What this context asks the registry: each bare body's explicit phrase per state, each state's
    /// government and the state itself; and what it asks the tokenizer: the words of the states'
    /// names, adjectives and cities in its two matchers. Trying every body form with every state's
    /// adjectives is most of building the context, and tokenising the states' names most of the
    /// rest, so these are cached with the Arabic linking index (`ArabicExtractor.LinkingIndex.load`),
    /// for the same registry, lexicons and executable only.
    struct Resolved: Sendable, Equatable {
        var bodies: [String: Body]
        var government: [ActorMatcher.Target?]
        var stateActor: [ActorMatcher.Target?]
        /// `cues.names` and `stateForms.names`.
        var cueNames: ActorMatcher.NameWords
        var stateFormNames: ActorMatcher.NameWords
    }

    /// What this context was built with, for the cache.
    var resolved: Resolved {
        Resolved(bodies: bodies, government: government, stateActor: stateActor, cueNames: cues.names, stateFormNames: stateForms.names)
    }

    /// Asks `matcher` for the bodies of `state_bodies.tsv` in every state (`forms`: adjectives,
    /// `names`: names, per state of `ids`), for each state's government and for the state itself.
    private static func resolve(lexicon: ArabicLexicon, matcher: ActorMatcher, ids: [String], forms: [[String]], names: [[String]])
        -> (bodies: [String: Body], government: [ActorMatcher.Target?], stateActor: [ActorMatcher.Target?]) {
        // Each form, adjective and name is tokenised once: a phrase «form adjective» is the tokens of
        // its two parts (the tokenizer never joins words across a space), tried for every state.
        func tokens(_ text: String) -> [Token] { Tokenizer.tokenize(Array(text.unicodeScalars)) }
        let formTokens = forms.map { $0.map(tokens) }
        let nameTokens = names.map { $0.map(tokens) }
        /// The registry target of a whole phrase «a b», or nil when the phrase is not exactly an alias.
        func pairTarget(_ a: [Token], _ b: [Token]) -> ActorMatcher.Target? { whole(a + b) }
        /// `pairTarget` for a form tried with every state's adjectives: the form's trie paths are
        /// followed once (`ActorMatcher.paths(through:)`), not matched again per adjective (~25,000
        /// matches, a third of building this context).
        struct Prefix { var tokens: [Token]; var paths: [Int] }
        func prefix(_ t: [Token]) -> Prefix { Prefix(tokens: t, paths: matcher.paths(through: t)) }
        func pairTarget(_ a: Prefix, _ b: [Token]) -> ActorMatcher.Target? {
            a.tokens.isEmpty || b.isEmpty ? pairTarget(a.tokens, b) : matcher.wholeTarget(paths: a.paths, then: b)
        }
        /// The registry target of a whole phrase, or nil when the phrase is not exactly an alias.
        func target(_ phrase: String) -> ActorMatcher.Target? { whole(tokens(phrase)) }
        func whole(_ t: [Token]) -> ActorMatcher.Target? { Self.exactTarget(t, in: matcher) }
        var bodies: [String: Body] = [:]
        for line in lexicon.stateBodyLines {
            let f = line.fields(0x09).map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
            guard let speaker = f.first else { continue }
            var tried = Array(f.prefix(2))
            if tried.count == 2, tried[1].hasPrefix("=") { tried = [String(tried[1].dropFirst())] }
            // per form: its tokens, and those of the form without «ال» when it is one word with it
            let triedTokens: [(Prefix, Prefix?)] = tried.map { form in
                let bare = !form.utf8.contains(0x20) && form.unicodeScalars.starts(with: "ال".unicodeScalars)
                    ? prefix(tokens(String(form.unicodeScalars.dropFirst(2)))) : nil
                return (prefix(tokens(form)), bare)
            }
            var body = Body()
            for c in ids.indices {
                for (form, bare) in triedTokens {   // the speaker form first, then its body form
                    var found: ActorMatcher.Target?
                    for adj in formTokens[c] { if let t = pairTarget(form, adj) { found = t; break } }
                    if found == nil, let bare {
                        for n in nameTokens[c] { if let t = pairTarget(bare, n) { found = t; break } }
                    }
                    if let t = found {
                        body.targets[c] = t
                        switch t {
                        case .actor(let ai): body.actors.insert(ai)
                        case .role(let ri): body.roles.insert(ri)
                        }
                        break
                    }
                }
            }
            let key = Self.canonical(Tokenizer.tokenize(Array(speaker.unicodeScalars)).filter { $0.kind == .word }.map(\.norm))
            if !body.targets.isEmpty, bodies[key] == nil { bodies[key] = body }
        }
        func first(_ phrases: [String]) -> ActorMatcher.Target? {
            for p in phrases { if let t = target(p) { return t } }
            return nil
        }
        let government = ids.indices.map { c in
            first(forms[c].map { "الحكومة " + $0 } + names[c].map { "حكومة " + $0 })
        }
        return (bodies, government, ids.indices.map { c in first(names[c]) })
    }

    // MARK: - Offices named with their state

    /// An office or body of `state_offices.tsv`: how many words its head has, where the state follows
    /// it, and the body forms tried in place of the head.
    struct Office: Sendable {
        enum Mode: String, Sendable { case next, near, `for`, no, at }
        var words: Int
        var mode: Mode
        var bodyForms: [String]
    }

    /// Canonical head words → the office.
    let offices: [String: Office]
    /// The first word of every office key: a speaker phrase whose first word (with or without a
    /// conjunction) is none of them names no office, and no key is built for it.
    let officeFirstWords: Set<String>
    let longestOffice: Int
    /// Prepositions of a posting («في», «لدى»; mode `at`), canonical.
    let postings: Set<String>
    /// `former.txt`, canonical words.
    let former: Set<String>

    /// «السابق», «الراحل», «المعارض»: the word makes an office phrase a former (or rival) holder's.
    func isFormer(_ word: String) -> Bool { former.contains(Self.canonicalWord(word)) }
    /// The registry, for the explicit phrases of an office in a state.
    let registry: ActorMatcher
    /// Per state: nisba adjectives and names (not cities: «شرطة نيويورك» is no state's police).
    let adjectives: [[String]]
    /// Every state's nisba adjectives, normalised («السعوديه», «المصري»): «الناشطة السعودية» is a
    /// Saudi activist, though «السعودية» alone also names the state.
    let adjectiveForms: Set<String>
    let names: [[String]]
    /// A matcher whose «actors» are the states, named by their names and adjectives only.
    let stateForms: ActorMatcher
    /// Per state, the registry's government («الحكومة المصرية») and the state itself («مصر»), if any.
    let government: [ActorMatcher.Target?]
    let stateActor: [ActorMatcher.Target?]

    /// The office a speaker's canonical words open with, the longest first, and its length in words.
    func office(_ words: [String]) -> Office? {
        guard !words.isEmpty else { return nil }
        let bareFirst = clitics.withoutConjunction(words[0])
        guard officeFirstWords.contains(Self.canonicalWord(words[0]))
                || bareFirst.map({ officeFirstWords.contains(Self.canonicalWord($0)) }) == true else { return nil }
        var n = min(longestOffice, words.count)
        while n >= 1 {
            if let o = offices[Self.canonical(Array(words[..<n]))] { return o.mode == .no ? nil : o }
            if let bare = bareFirst {
                var w = Array(words[..<n]); w[0] = bare
                if let o = offices[Self.canonical(w)] { return o.mode == .no ? nil : o }
            }
            n -= 1
        }
        return nil
    }

    /// The registry target of a whole phrase, or nil when the phrase is not exactly an unambiguous alias.
    func registryTarget(_ phrase: String) -> ActorMatcher.Target? {
        Self.exactTarget(Tokenizer.tokenize(Array(phrase.unicodeScalars)), in: registry)
    }

    /// The target of tokens that are exactly one unambiguous alias of `matcher`, else nil.
    static func exactTarget(_ t: [Token], in matcher: ActorMatcher) -> ActorMatcher.Target? {
        guard !t.isEmpty, let m = matcher.match(at: 0, in: t, limit: t.count), m.end == t.count, !m.ambiguous else { return nil }
        return m.target
    }

    /// What an office of `state` is in the registry: a body form with the office's own words and the
    /// state's adjective («السفارة الروسية», «وزارة الإعلام الإريترية»), else the government, else the
    /// state itself.
    func officeTarget(_ office: Office, middle: [String], state c: Int) -> (ActorMatcher.Target, specific: Bool)? {
        for form in office.bodyForms {
            let stems = middle.isEmpty ? [form] : [([form] + middle).joined(separator: " "), form]
            for stem in stems {
                for adj in adjectives[c] { if let t = registryTarget(stem + " " + adj) { return (t, true) } }
            }
            // «السفارة» → «سفارة روسيا»
            if !form.contains(" "), form.unicodeScalars.starts(with: "ال".unicodeScalars) {
                let bare = String(form.unicodeScalars.dropFirst(2))
                for n in names[c] { if let t = registryTarget(bare + " " + n) { return (t, true) } }
            }
        }
        if let t = government[c] { return (t, false) }
        if let t = stateActor[c] { return (t, false) }
        return nil
    }

    /// The first word of every body key: most unlinked speakers (people's names) are ruled out by
    /// their first word alone, before any key is built.
    let firstWords: Set<String>

    /// Normalised words compared without a final «ه» (titles drop it: «المتحدث باسم الشرط») and with
    /// «الأميركي» as «الأمريكي».
    static func canonical(_ words: [String]) -> String {
        words.map(canonicalWord).joined(separator: " ")
    }

    /// One word of `canonical`, on bytes, with `titleKey`'s «اميرك» → «امريك» spelling fold.
    static func canonicalWord(_ w: String) -> String {
        var bytes = Array(w.utf8)
        var from = 0
        while let k = ArabicExtractor.firstIndex(of: ArabicExtractor.ameerkBytes, in: bytes, from: from) {
            bytes.replaceSubrange(k..<(k + ArabicExtractor.amreekBytes.count), with: ArabicExtractor.amreekBytes)
            from = k + ArabicExtractor.amreekBytes.count
        }
        // more than three letters and a final «ه» (U+0647, D9 87 in UTF-8)
        if bytes.count >= 5, bytes[bytes.count - 1] == 0x87, bytes[bytes.count - 2] == 0xD9,
           bytes.withUnsafeBufferPointer({ Clitics.scalarCount($0) }) > 3 {
            bytes.removeLast(2)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Space-separated words, split on bytes (a `Character` split walks grapheme clusters).
    static func words<S: StringProtocol>(_ s: S) -> [String] {
        s.utf8.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether some body key could start with these words (the same first word, with or without a
    /// conjunction): every lookup in `body` is of such a key.
    func mayBeBody(_ words: [String]) -> Bool {
        guard let w = words.first else { return false }
        if firstWords.contains(Self.canonicalWord(w)) { return true }
        if let bare = clitics.withoutConjunction(w), firstWords.contains(Self.canonicalWord(bare)) { return true }
        return false
    }

    /// The bare body a speaker key is, and the state it names itself, if any: «الشرطه» → (police, nil);
    /// «الشرطه في القاهره» → (police, Egypt). Nil when the key is no bare body.
    func body(_ words: [String]) -> (Body, Int?)? {
        guard mayBeBody(words) else { return nil }
        var words = words
        if let body = bodies[Self.canonical(words)] { return (body, nil) }
        if let bare = clitics.withoutConjunction(words[0]) {
            words[0] = bare
            if let body = bodies[Self.canonical(words)] { return (body, nil) }
        }
        // «السلطات في مصر», «الشرطة في مدينة القاهرة»: the place after «في» is the state
        guard let fi = words.firstIndex(of: "في"), fi > 0, fi + 1 < words.count,
              let body = bodies[Self.canonical(Array(words[..<fi]))] else { return nil }
        let t = Tokenizer.tokenize(Array(words[(fi + 1)...].joined(separator: " ").unicodeScalars))
        let found = Set(cues.mentions(in: t, range: 0..<t.count).compactMap { state($0)?.country })
        guard found.count == 1, let c = found.first else { return nil }
        return (body, c)
    }

    /// The state the article is about, when the evidence is clear: mentions of each state's names and
    /// cities (1; 2 after «في» or a glued preposition: where things happen) and adjectives (0.5: often
    /// only someone's nationality), counted twice in the title and the lead (first 40 tokens), and a
    /// dateline («القاهرة - », «بغداد (رويترز) -») worth four more. The leading state wins only with
    /// a score of at least 2 and twice the runner-up's.
    func dominant(body: [Token], title: String?) -> Int? {
        var score = [Double](repeating: 0, count: ids.count)
        func weight(_ m: ActorMatcher.Mention, _ tokens: [Token], adjective: Bool) -> Double {
            if adjective { return 0.5 }
            // a place after «في» or a glued preposition («بمصر», «لبغداد») is where things happen
            let locative = m.governed || (m.start > 0 && tokens[m.start - 1].norm == "في")
            return locative ? 2 : 1
        }
        let skip = newsroomEnd(body)
        let mentions = cues.mentions(in: body, range: skip..<body.count)
        for m in mentions {
            guard let (c, adjective) = state(m) else { continue }
            score[c] += weight(m, body, adjective: adjective) * (m.start < 40 ? 2 : 1)
        }
        if skip == 0, let first = mentions.first, let (c, _) = state(first), isDateline(first, body) { score[c] += 4 }
        if let title, !title.isEmpty {
            let t = Tokenizer.tokenize(Array(title.unicodeScalars))
            for m in cues.mentions(in: t, range: 0..<t.count) {
                if let (c, adjective) = state(m) { score[c] += 2 * weight(m, t, adjective: adjective) }
            }
        }
        var best = -1, top = 0.0, second = 0.0
        for (c, s) in score.enumerated() {
            if s > top { second = top; top = s; best = c } else if s > second { second = s }
        }
        guard best >= 0, top >= 2, top >= 2 * second else { return nil }
        return best
    }

    /// The token after a newsroom dateline opening the body, or 0.
    func newsroomEnd(_ body: [Token]) -> Int {
        for words in newsrooms {
            var i = 0, k = 0
            while i < body.count, k < words.count {
                if body[i].kind == .word {
                    guard body[i].norm == words[k] else { break }
                    k += 1
                }
                i += 1
            }
            if k == words.count { return i }
        }
        return 0
    }

    /// The state a mention of `cues` names, and whether by an adjective.
    func state(_ m: ActorMatcher.Mention) -> (country: Int, adjective: Bool)? {
        if case .actor(let a) = m.target, !m.ambiguous { return (a / 2, a % 2 == 1) } else { return nil }
    }

    /// «القاهرة - », «بغداد (رويترز) -», «القدس (CNN) --»: a state's place opening the text (after at
    /// most one other word), then at most a parenthesis, then a dash.
    func isDateline(_ m: ActorMatcher.Mention, _ body: [Token]) -> Bool {
        guard m.start <= 1 else { return false }
        var i = m.end
        var inParens = false
        while i < body.count, i < m.end + 10 {
            let t = body[i]
            if t.kind == .punct {
                switch t.punct {
                case 0x2D, 0x2013, 0x2014: return !inParens
                case 0x28: inParens = true
                case 0x29: inParens = false
                case 0x2C, 0x060C, 0x2F: break
                default: return false
                }
            } else if t.kind == .newline || !inParens {
                return false
            }
            i += 1
        }
        return false
    }
}

extension ArabicLexicon {
    /// Reads `countries.tsv` and `state_bodies.tsv` of a lexicon folder, or nothing when absent.
    static func optionalLines(_ url: URL) throws -> [String] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try String(contentsOf: url, encoding: .utf8).utf8.split(separator: 0x0A)
            .map { String(Substring($0)) }.filter { !$0.trimmingBlanks().isEmpty && $0.utf8.first != 0x23 }
    }
}
