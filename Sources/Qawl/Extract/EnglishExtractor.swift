import Foundation

/// Finds attributed statements in English news text on the Arabic machinery (Tokenizer,
/// SentenceSplitter with English abbreviations, ActorMatcher over the registry's English aliases),
/// with English knowledge from `data/lexicons/en/`. Per sentence and cue, left to right:
///
///     “…,” said Lavrov. / “…,” Lavrov said.        → direct, content = the quote (quote first)
///     “A,” he said, “B.”                            → ONE statement, content A + B
///     Lavrov said that … / Lavrov said: “…”         → indirect / direct (speaker first)
///     The talks failed, Lavrov said on Monday.      → indirect, content before the speaker
///     …, according to the Kremlin.                  → nominal cue
///     Eric Reeves, one of the …, said he was …      → the apposition is not the speaker
///     He added that …                               → nearest earlier speaker of that gender
///
/// Pure-quote sentences right after a quoted statement (“…,” she said. “More.” and paragraphs that
/// continue an unclosed quote) are added to that statement.
public struct EnglishExtractor: StatementExtractor {
    public let lexicon: EnglishLexicon
    public let matcher: ActorMatcher
    private let splitter: SentenceSplitter
    /// A word cache for each worker tokenizing at the same time.
    private let words = WordCachePool()
    /// Emit «…, adding that …» clauses as statements of their own (same speaker).
    public var emitParticipleClauses = true

    /// Surname → registry persons with a name of two words or more ending in it ("abbas" → Mahmoud
    /// Abbas), not after a particle ("bin Salman"), for `contextualActor`. Keyed by the words' bytes,
    /// as the matcher's trie and contextual aliases are (`WordKey`): both sides are normalised words.
    private let surnames: [WordKey: [Int]]

    public init(lexicon: EnglishLexicon, matcher: ActorMatcher) {
        self.lexicon = lexicon
        self.matcher = matcher
        self.splitter = SentenceSplitter(abbreviations: lexicon.abbreviations)
        // By the words' bytes: most of the registry's surnames are Arabic, and a `String` key is
        // hashed through Unicode normalisation (keyed by `String`, the table was two thirds of
        // building this extractor: 40 M instructions on each run's first English document). Each
        // list holds its actors in ascending order, once.
        var surnames: [WordKey: [Int]] = [:]
        for (ai, a) in matcher.actors.enumerated() where a.kind == .person {
            for words in matcher.names.actors[ai] {   // aliases + [name]
                guard words.count >= 2, let last = words.last, last.unicodeScalars.count > 2,
                      !Self.particles.contains(last), !Self.particles.contains(words[words.count - 2]) else { continue }
                surnames[WordKey(last), default: []].appendOnce(ai)
            }
        }
        self.surnames = surnames
    }

    /// Loads `data/lexicons/en` from a data directory (`DataDirectory.locate()`) and builds the matcher.
    public init(dataDirectory: URL, actors: [Actor], roles: [Role]) throws {
        let lex = try EnglishLexicon(dataDirectory: dataDirectory)
        self.init(lexicon: lex, matcher: ActorMatcher(actors: actors, roles: roles, clitics: .none))
    }

    /// Loads `data/lexicons/en` and matches with `matcher`'s trie (built once for every extractor),
    /// without clitics.
    public init(dataDirectory: URL, matcher: ActorMatcher) throws {
        let lex = try EnglishLexicon(dataDirectory: dataDirectory)
        self.init(lexicon: lex, matcher: matcher.with(clitics: .none))
    }

    // MARK: - State

    struct Speaker {
        var actorID: String
        var actorName: String
        var gender: EnglishLexicon.Gender
        var person: Bool?
        var vague: Bool
        var nameKey: [String]
    }

    struct DocState {
        var history: [Speaker] = []
        var titleBinding: [String: Speaker] = [:]
        var unlinked: [Speaker] = []
        /// Registry mentions of the whole text and the actors it names without doubt, found on
        /// first need (`contextualActor`).
        var mentions: [ActorMatcher.Mention]?
        var named: Set<Int> = []
    }

    struct Pending {
        var cueToken: Int
        var cueEnd: Int
        var cue: EnglishLexicon.Cue
        var speaker: Speaker
        var speakerText: String
        var resolution: Statement.Resolution
        var confidence: Double
        /// Content parts (token ranges, quotes excluded at the edges later).
        var parts: [Range<Int>]
        var quoteFirst: Bool
        var emit: Bool
    }

    struct Ctx {
        let scalars: [Unicode.Scalar]
        let tokens: [Token]
        let doc: Document
        /// Surnames seen after a known first name («Jessica Chastain» → chastain: female) or after
        /// initials («J.C. Chandor» → chandor: unknown), built once per document.
        var surnames: [String: EnglishLexicon.Gender] = [:]
        func text(_ a: Int, _ b: Int) -> String {
            guard a < b else { return "" }
            // Encoded to UTF-8 by hand: appending scalars to a `String.UnicodeScalarView` one by
            // one took about as long as the rest of English extraction.
            let range = tokens[a].start..<tokens[b - 1].end
            var bytes: [UInt8] = []
            bytes.reserveCapacity(range.count * 2)
            for u in scalars[range] { UTF8.encode(u) { bytes.append($0) } }
            return String(decoding: bytes, as: UTF8.self)
        }
        @inline(__always) func isCap(_ i: Int) -> Bool {
            let t = tokens[i]
            guard t.kind == .word else { return false }
            let u = scalars[t.start]
            // ASCII decided without a Unicode property lookup (most words of an English text)
            return u.value < 0x80 ? u.value &- 0x41 < 26 : u.properties.isUppercase
        }
    }

    struct Phrase { var start: Int; var end: Int }

    // MARK: - Tokens

    @inline(__always) func isWord(_ t: Token) -> Bool { t.kind == .word }
    @inline(__always) func isComma(_ t: Token) -> Bool { t.kind == .punct && t.punct == 0x2C }
    @inline(__always) func isOpenQuote(_ t: Token) -> Bool { t.kind == .punct && (t.punct == 0x201C || t.punct == 0x201E) }
    @inline(__always) func isCloseQuote(_ t: Token) -> Bool { t.kind == .punct && t.punct == 0x201D }
    @inline(__always) func isQuote(_ t: Token) -> Bool {
        t.kind == .punct && (t.punct == 0x22 || t.punct == 0x201C || t.punct == 0x201D || t.punct == 0x201E)
    }

    /// Quote roles in a sentence: +1 opening, -1 closing, 0 other; ASCII «"» decided by its neighbours.
    func quoteRoles(_ c: Ctx, _ s: Range<Int>) -> [Int: Int] {
        var roles: [Int: Int] = [:]
        var open = false
        for i in s where isQuote(c.tokens[i]) {
            let t = c.tokens[i]
            if t.punct == 0x201C || t.punct == 0x201E { roles[i] = 1; open = true; continue }
            if t.punct == 0x201D { roles[i] = -1; open = false; continue }
            let before = i > s.lowerBound && c.tokens[i - 1].end == t.start && !isQuote(c.tokens[i - 1])
            let after = i + 1 < s.upperBound && c.tokens[i + 1].start == t.end && c.tokens[i + 1].kind != .punct
            if after && !before { roles[i] = 1; open = true }
            else if before && !after { roles[i] = -1; open = false }
            else { roles[i] = open ? -1 : 1; open.toggle() }
        }
        return roles
    }

    /// Quoted spans of a sentence (opening index, closing index or nil when unclosed).
    func quoteSpans(_ c: Ctx, _ s: Range<Int>) -> [(Int, Int?)] {
        let roles = quoteRoles(c, s)
        var spans: [(Int, Int?)] = []
        var open: Int?
        for i in s { guard let r = roles[i] else { continue }
            if r == 1 { if open == nil { open = i } }
            else if let o = open { spans.append((o, i)); open = nil }
        }
        if let o = open { spans.append((o, nil)) }
        return spans
    }

    func cue(at i: Int, _ c: Ctx, _ limit: Int) -> EnglishLexicon.Cue? {
        guard c.tokens[i].kind == .word, let list = lexicon.cues[c.tokens[i].norm] else { return nil }   // in place: no token copy
        for cue in list {
            var j = i + 1, ok = true
            for w in cue.rest {
                while j < limit, c.tokens[j].kind == .punct, c.tokens[j].punct == 0x2D { j += 1 }
                if j < limit, c.tokens[j].norm == w { j += 1 } else { ok = false; break }
            }
            if ok { return cue }
        }
        return nil
    }

    // MARK: - Extraction

    public func extract(from document: Document) -> [Statement] {
        let scalars = ScalarText(document.text).scalars   // one pass over the bytes
        // «Russia’s», «doesn’t»: a typographic apostrophe between letters joins the word, as «'» does
        var tokScalars = scalars
        if scalars.count > 2 {
            for i in 1..<(scalars.count - 1) where scalars[i].value == 0x2019
                && scalars[i - 1].properties.isAlphabetic && scalars[i + 1].properties.isAlphabetic {
                tokScalars[i] = "'"
            }
        }
        // words seen before reuse their string (`WordCache`): making one validates its bytes
        let cache = words.take()
        let tokens = Tokenizer.tokenize(tokScalars, cache: cache)
        words.give(cache)
        var c = Ctx(scalars: scalars, tokens: tokens, doc: document)
        c.surnames = surnameTable(c)
        var state = DocState()
        var out: [Statement] = []
        let sentences = refine(splitter.split(tokens), c)
        var lastQuoted: Int?   // index in `out` of a quote-first statement that the next pure quote continues
        var si = 0
        while si < sentences.count {
            let s = sentences[si]
            let spans = quoteSpans(c, s)
            if let q = lastQuoted, isPureQuote(c, s, spans) {
                extend(&out[q], with: s, c)
                si += 1; continue
            }
            lastQuoted = nil
            let pend = sentenceStatements(c, s, spans, &state)
            if pend.isEmpty { noteSubject(c, s, &state) }
            let sentence = pend.contains(where: \.emit) ? c.text(s.lowerBound, s.upperBound) : ""
            for p in pend where p.emit {
                if let st = finish(p, c, sentence) {
                    out.append(st)
                    if p.quoteFirst || st.kind != .indirect { lastQuoted = out.count - 1 }
                }
            }
            si += 1
        }
        return out
    }

    /// The shared splitter keeps a sentence open after «supporter.”»; in English a closing quote after
    /// a full stop, «?» or «!» followed by a capitalised word ends the sentence:
    /// «The tweet reads, “Show interrupted.” Emery retweeted it» → two sentences.
    func refine(_ sentences: [Range<Int>], _ c: Ctx) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for s in sentences {
            var start = s.lowerBound
            var i = s.lowerBound + 1
            let roles = quoteRoles(c, s)
            while i + 1 < s.upperBound {
                // the previous token's kind and mark first, read in place: copying two tokens per
                // place retained and released their strings
                let pk = c.tokens[i - 1].kind, pp = c.tokens[i - 1].punct
                if pk == .punct, pp == 0x2E || pp == 0x3F || pp == 0x21, isQuote(c.tokens[i]), c.isCap(i + 1),
                   roles[i] == -1 {
                    out.append(start..<(i + 1)); start = i + 1
                }
                i += 1
            }
            if start < s.upperBound { out.append(start..<s.upperBound) }
        }
        return out
    }

    /// A sentence that is one quotation with nothing outside it: «“DNP is a deadly toxin.”».
    func isPureQuote(_ c: Ctx, _ s: Range<Int>, _ spans: [(Int, Int?)]) -> Bool {
        guard spans.count == 1, spans[0].0 == s.lowerBound else { return false }
        guard let close = spans[0].1 else { return true }
        var i = close + 1
        while i < s.upperBound { if c.tokens[i].kind != .punct { return false }; i += 1 }
        return true
    }

    func extend(_ st: inout Statement, with s: Range<Int>, _ c: Ctx) {
        var a = s.lowerBound, b = s.upperBound
        while a < b, c.tokens[a].kind == .punct { a += 1 }
        while b > a, c.tokens[b - 1].kind == .punct, c.tokens[b - 1].punct != 0x3F && c.tokens[b - 1].punct != 0x21 { b -= 1 }
        guard a < b else { return }
        // «… we weren’t friends. We were adversaries»: keep the full stop the joined part ended with
        var e = st.contentEnd
        while e < c.scalars.count, e < st.contentEnd + 3 {
            let v = c.scalars[e].value
            if v == 0x2E || v == 0x3F || v == 0x21 { st.content.unicodeScalars.append(c.scalars[e]); break }
            if v == 0x20 || v == 0x0A { break }
            e += 1
        }
        st.content += " " + c.text(a, b)
        st.contentEnd = c.tokens[b - 1].end
        st.statementID = StatementID.make(docID: st.docID, part: st.part, start: st.contentStart, end: st.contentEnd)
    }

    func sentenceStatements(_ c: Ctx, _ s: Range<Int>, _ spans: [(Int, Int?)], _ state: inout DocState) -> [Pending] {
        // tokens of the sentence inside a quotation (a flag per token: a Set<Int> hashed every one)
        var inQuote = [Bool](repeating: false, count: s.count)
        for (o, cl) in spans { for i in o...(cl ?? (s.upperBound - 1)) where s.contains(i) { inQuote[i - s.lowerBound] = true } }
        var stmts: [Pending] = []
        var k = s.lowerBound
        while k < s.upperBound {
            guard !inQuote[k - s.lowerBound], let cue = cue(at: k, c, s.upperBound) else { k += 1; continue }
            // «Platform Tells …», «Obama Says …»: a capitalised cue inside a sentence belongs to a heading
            if c.isCap(k), k > s.lowerBound, !isQuote(c.tokens[k - 1]), !isComma(c.tokens[k - 1]) { k += 1; continue }
            // a cue inside an earlier statement's content is nested, unless it opens a new clause
            if let last = stmts.last, let part = last.parts.last, part.contains(k), !opensClause(k, c, s) { k += 1; continue }
            if let p = build(cue, at: k, c, s, spans, &state, stmts) {
                if var last = stmts.popLast() {
                    if let lp = last.parts.last, lp.contains(k) || lp.upperBound > p.cueToken {
                        let cut = clauseStart(p, c, s)
                        if cut > lp.lowerBound { last.parts[last.parts.count - 1] = lp.lowerBound..<min(lp.upperBound, cut) }
                    }
                    stmts.append(last)
                }
                stmts.append(p)
                if !p.speaker.vague { state.history.append(p.speaker) }
                k = max(k + 1, p.cueEnd)
            } else { k += 1 }
        }
        return stmts
    }

    /// «…, and he noted that …», «…, adding that …»: a cue preceded by a conjunction or comma (via
    /// its subject) starts a new clause that ends the previous content.
    func opensClause(_ k: Int, _ c: Ctx, _ s: Range<Int>) -> Bool {
        var j = k - 1
        var words = 0
        while j >= s.lowerBound, words < 6 {
            let t = c.tokens[j]
            if isComma(t) { return true }
            if t.kind == .word, t.norm == "and" || t.norm == "but" { return true }
            if t.kind == .word { words += 1 }
            j -= 1
        }
        return false
    }

    /// Where the clause of statement `p` begins (its subject or the conjunction before it).
    func clauseStart(_ p: Pending, _ c: Ctx, _ s: Range<Int>) -> Int {
        var j = p.cueToken
        while j > s.lowerBound {
            let t = c.tokens[j - 1]
            if isComma(t) || (t.kind == .word && (t.norm == "and" || t.norm == "but")) { return j - 1 }
            if isQuote(t) { return j }
            j -= 1
            if p.cueToken - j > 12 { return p.cueToken }
        }
        return j
    }

    static let auxiliaries = PackedWords<Bool>(Set<String>(["has", "had", "have", "also", "previously", "later", "then", "would", "will",
                                           "repeatedly", "further", "once", "again", "recently", "earlier", "reportedly",
                                           "was", "is", "were", "been", "quickly", "publicly", "separately", "flatly", "has also"]))
    static let prepositions = PackedWords<Bool>(Set<String>(["by", "to", "in", "on", "at", "during", "from", "with", "after", "before", "for", "about", "of"]))
    static let subordinators = PackedWords<Bool>(Set<String>(["although", "though", "while", "when", "as", "after", "before", "if", "because", "since", "once", "whereas"]))
    static let timeWords = PackedWords<Bool>(Set<String>(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                         "yesterday", "today", "tonight", "week", "morning", "evening", "night"]))
    static let personalTitles = PackedWords<Bool>(Set<String>(["mr", "mrs", "ms", "miss", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "sir", "dame", "lord", "lady"]))
    static let determiners = PackedWords<Bool>(Set<String>(["the", "a", "an", "his", "her", "their", "its", "both"]))
    static let particles = PackedWords<Bool>(Set<String>(["of", "for", "and", "van", "de", "al", "bin", "von", "der", "la", "le", "du", "da", "el"]))
    static let conjunctions = PackedWords<Bool>(Set<String>(["and", "but", "so", "yet", "however", "meanwhile", "while", "although", "though",
                                            "because", "as", "when", "after", "before", "if", "since", "whereas", "still", "also", "now", "then"]))

    /// True for a word that may stand inside a speaker phrase (names, titles, organisation heads).
    func phraseWord(_ i: Int, _ c: Ctx) -> Bool {
        let t = c.tokens[i]
        guard t.kind == .word else { return false }
        if c.isCap(i) { return !lexicon.stops.contains(t.norm) && lexicon.pronouns[t.norm] == nil && t.norm != "i" }
        return lexicon.titles.contains(t.norm) || lexicon.organisations.contains(t.norm) || lexicon.genderedWords[t.norm] != nil
            || lexicon.vague.contains(t.norm)
    }

    /// «U.S.», «Lt.», «J.C.», «Vice-president»: punctuation that holds a phrase together.
    func glue(_ i: Int, _ c: Ctx) -> Bool {
        let t = c.tokens[i]
        guard t.kind == .punct else { return false }
        if t.punct == 0x2E { return i > 0 && c.tokens[i - 1].end == t.start && c.tokens[i - 1].kind == .word }
        if t.punct == 0x2D { return i > 0 && c.tokens[i - 1].end == t.start }
        if t.punct == 0x26 { return i > 0 && i + 1 < c.tokens.count && c.isCap(i - 1) && c.isCap(i + 1) }   // «World Travel & Tourism Council»
        return false
    }

    /// The speaker phrase ending right before `end`, scanned backwards; nil unless it starts at a
    /// clause boundary (sentence start, comma, quote, colon or conjunction).
    func phraseBefore(_ end: Int, _ s: Range<Int>, _ c: Ctx) -> Phrase? {
        var j = end
        var hasHead = false
        while j > s.lowerBound, end - j < 24 {
            let i = j - 1
            let t = c.tokens[i]
            if phraseWord(i, c) || glue(i, c) { j -= 1; hasHead = hasHead || t.kind == .word; continue }
            // «the U.S. Dept. of Labor»: «of the» goes on
            if t.kind == .word, hasHead, t.norm == "the", i - 1 > s.lowerBound, ["of", "for"].contains(c.tokens[i - 1].norm),
               phraseWord(i - 2, c) || glue(i - 2, c) { j -= 2; continue }
            if t.kind == .word, hasHead, Self.determiners.contains(t.norm) { j -= 1; break }
            if t.kind == .word, hasHead, Self.particles.contains(t.norm), i > s.lowerBound, phraseWord(i - 1, c) || glue(i - 1, c) { j -= 1; continue }
            // «the Russian space agency»: a lowercase modifier with a capitalised word or "the" just before
            // «But indigenous elders say»: an adjective right after the clause boundary opens the phrase
            let atBoundary = i == s.lowerBound || isComma(c.tokens[i - 1]) || (c.tokens[i - 1].kind == .word && Self.conjunctions.contains(c.tokens[i - 1].norm))
            if t.kind == .word, hasHead, !c.isCap(i), !lexicon.stops.contains(t.norm), lexicon.cues[t.norm] == nil,
               atBoundary || (i - 1 >= s.lowerBound && capitalisedSoonBefore(i, s, c)) {
                j -= 1; continue
            }
            // «search-and-rescue director»: hyphens inside a modifier
            if t.kind == .punct, t.punct == 0x2D, hasHead, i > s.lowerBound, c.tokens[i - 1].end == t.start { j -= 1; continue }
            break
        }
        guard hasHead, j < end else { return nil }
        while j < end, c.tokens[j].kind == .word, Self.particles.contains(c.tokens[j].norm) { j += 1 }
        guard j < end else { return nil }
        if j > s.lowerBound {
            let p = c.tokens[j - 1]
            let boundary = isComma(p) || isQuote(p) || (p.kind == .punct && (p.punct == 0x3A || p.punct == 0x28 || p.punct == 0x2014 || p.punct == 0x2013))
                || (p.kind == .word && Self.conjunctions.contains(p.norm))
            if !boundary { return nil }
        }
        return Phrase(start: j, end: end)
    }

    /// A finite verb right after a subject, by its form: «declined», «says», «is», «has».
    func looksLikeVerb(_ i: Int, _ c: Ctx) -> Bool {
        guard i < c.tokens.count, c.tokens[i].kind == .word, !c.isCap(i) else { return false }
        let w = c.tokens[i].norm
        if ["is", "was", "has", "had", "are", "were", "will", "would", "could", "can", "did", "does", "may", "might"].contains(w) { return true }
        return (w.hasSuffix("ed") || w.hasSuffix("s")) && !lexicon.stops.contains(w)
    }

    /// A capitalised word or determiner among the three words before `i` (hyphens skipped, no comma
    /// or quote between): «the Russian space agency», «Indonesia search-and-rescue director».
    func capitalisedSoonBefore(_ i: Int, _ s: Range<Int>, _ c: Ctx) -> Bool {
        var j = i - 1, words = 0
        while j >= s.lowerBound, words < 3 {
            let t = c.tokens[j]
            if t.kind == .punct { if t.punct == 0x2D { j -= 1; continue }; return false }
            if c.isCap(j) && !lexicon.stops.contains(t.norm) { return true }
            if Self.determiners.contains(t.norm) { return true }
            if lexicon.stops.contains(t.norm) && !Self.particles.contains(t.norm) { return false }
            words += 1; j -= 1
        }
        return false
    }

    /// The speaker phrase starting at `a` (inverted order «said chief inspector Jennifer Mattinson from …»).
    func phraseAfter(_ a: Int, _ s: Range<Int>, _ c: Ctx) -> Phrase? {
        var j = a
        if j < s.upperBound, c.tokens[j].kind == .word, Self.determiners.contains(c.tokens[j].norm) { j += 1 }
        var hasHead = false
        while j < s.upperBound, j - a < 12 {
            let t = c.tokens[j]
            if phraseWord(j, c) { hasHead = true; j += 1; continue }
            if hasHead, glue(j, c) { j += 1; continue }
            if t.kind == .word, Self.particles.contains(t.norm), t.norm != "and", j + 1 < s.upperBound, phraseWord(j + 1, c) { j += 1; continue }
            // «whale rescue group Project Jonah»: lowercase modifiers before a head
            if t.kind == .word, !c.isCap(j), !lexicon.stops.contains(t.norm), lexicon.cues[t.norm] == nil {
                var k = j + 1, found = false
                while k < min(s.upperBound, j + 3) {
                    // before a head: «whale rescue group Project Jonah»; after one only a lowercase
                    // head («the Russian space agency»), never a new name («Gates defended Tillerson»)
                    if phraseWord(k, c), !hasHead || !c.isCap(k) { found = true; break }
                    if c.tokens[k].kind != .word { break }
                    k += 1
                }
                if found { j = k; continue }
            }
            break
        }
        while j > a, c.tokens[j - 1].kind == .punct, !glue(j - 1, c) || c.tokens[j - 1].punct == 0x2D { j -= 1 }
        // «said Sharpton.»: the sentence's full stop, unless it closes «Jr.», «Inc.» or an initial
        if j > a, c.tokens[j - 1].kind == .punct, c.tokens[j - 1].punct == 0x2E, j - 2 >= a,
           c.tokens[j - 2].norm.unicodeScalars.count > 1, !lexicon.abbreviations.contains(c.tokens[j - 2].norm) { j -= 1 }
        guard hasHead, j > a else { return nil }
        return Phrase(start: a, end: j)
    }

    /// «Eric Reeves, one of the leading …, said»: the speaker before an apposition that ends at the
    /// comma before the cue; «her mother, Fiona, said»: the name in the apposition.
    func appositionSpeaker(_ comma: Int, _ s: Range<Int>, _ c: Ctx) -> Phrase? {
        var j = comma - 1
        var steps = 0
        while j > s.lowerBound, steps < 30 {
            if isComma(c.tokens[j]) || isQuote(c.tokens[j]) { break }
            j -= 1; steps += 1
        }
        guard j > s.lowerBound, isComma(c.tokens[j]), j + 1 < comma else { return nil }
        let segStart = j + 1
        let first = c.tokens[segStart]
        // the segment is itself a name: «her mother, Fiona, said»
        if c.isCap(segStart), lexicon.titles.contains(first.norm) == false, let ph = phraseAfter(segStart, segStart..<comma, c), ph.end == comma,
           let before = phraseBefore(j, s, c), before.end == j {
            return Phrase(start: before.start, end: comma)
        }
        guard first.kind == .number || !c.isCap(segStart) || Self.determiners.contains(first.norm) else { return nil }
        return phraseBefore(j, s, c)
    }

    // MARK: - One statement

    func build(_ cue: EnglishLexicon.Cue, at k: Int, _ c: Ctx, _ s: Range<Int>, _ spans: [(Int, Int?)],
               _ state: inout DocState, _ inSentence: [Pending]) -> Pending? {
        let tokens = c.tokens
        let cueEnd = k + 1 + cue.rest.count
        var speakerPhrase: Phrase?
        var pronoun: EnglishLexicon.Gender?
        var inverted = false
        var subjectStart = k

        switch cue.type {
        case .nominal:
            guard let ph = phraseAfter(cueEnd, s, c) else { return nil }
            speakerPhrase = ph
            guard let (sp, text, res, conf) = resolve(ph, c, &state) else { return nil }
            var part: Range<Int>
            var j = k
            while j > s.lowerBound, tokens[j - 1].kind == .punct { j -= 1 }
            // «…—and according to Fran Finney, the FBI agents believe …»: after a conjunction, the clause follows
            let prevTok = k > s.lowerBound ? tokens[k - 1] : nil
            let opensClause = prevTok.map { ($0.kind == .word && ["and", "but"].contains($0.norm)) || ($0.kind == .punct && [0x2014, 0x2013, 0x3B, 0x3A].contains($0.punct)) } ?? true
            if !opensClause, wordCount(s.lowerBound, j, c) >= 3 { part = s.lowerBound..<j }
            else {
                var a = ph.end
                // «According to a former UC Global worker, …»: the rest of the source phrase
                if let comma = (ph.end..<min(s.upperBound, ph.end + 4)).first(where: { isComma(tokens[$0]) }) { a = comma }
                while a < s.upperBound, tokens[a].kind == .punct { a += 1 }
                part = a..<s.upperBound
            }
            guard wordCount(part.lowerBound, part.upperBound, c) >= 3 else { return nil }
            return Pending(cueToken: k, cueEnd: ph.end, cue: cue, speaker: sp, speakerText: text, resolution: res,
                           confidence: conf * 0.9, parts: [part], quoteFirst: false, emit: !sp.vague)
        case .participle:
            guard emitParticipleClauses else { return nil }
            // «…, saying …», «… as saying»: the sentence's speaker or its subject
            let prev = k > s.lowerBound ? tokens[k - 1] : nil
            if cue.lemma == "quote" {
                if cue.rest.isEmpty {   // «quote Salinas as saying»
                    var a = cueEnd
                    while a < min(s.upperBound, cueEnd + 8), tokens[a].norm != "as" { a += 1 }
                    guard a + 1 < s.upperBound, tokens[a + 1].norm == "saying" else { return nil }
                }
                break
            }
            guard let p = prev, isComma(p) || isCloseQuote(p) else { return nil }
            let sp: Speaker, text: String, res: Statement.Resolution, conf: Double
            if let base = inSentence.last { sp = base.speaker; text = base.speakerText; res = base.resolution; conf = base.confidence }
            else if let ph = phraseAfter(s.lowerBound, s, c), let r = resolve(ph, c, &state) { (sp, text, res, conf) = (r.0, r.1, r.2, r.3 * 0.8) }
            else { return nil }
            guard let from = contentStart(after: cueEnd, cue, c, s, allowBare: true) else { return nil }
            return Pending(cueToken: k, cueEnd: from, cue: cue, speaker: sp, speakerText: text, resolution: res,
                           confidence: conf, parts: [from..<s.upperBound], quoteFirst: false, emit: !sp.vague)
        case .verb:
            break
        }

        // «Mukonori is said to be mediating»: a passive is no statement
        if cue.lemma != "quote", k > s.lowerBound, ["is", "was", "are", "were", "be", "been", "being"].contains(tokens[k - 1].norm) { return nil }
        // subject before the cue (skipping auxiliaries: «has also said», «was quoted as saying»)
        var quotedAsSaying: Int?
        var quotingStart: Int?
        var e = k
        if cue.lemma == "quote", k > s.lowerBound {
            // «local newspapers quote Salinas as saying», «X was quoted as saying»
            if tokens[k].norm != "quoted" || tokens[k - 1].norm != "was" {
                var a = cueEnd
                while a < s.upperBound, tokens[a].norm != "as" { a += 1 }
                if let ph = phraseAfter(cueEnd, s, c), ph.end <= a {
                    speakerPhrase = ph; inverted = true
                    quotedAsSaying = min(s.upperBound, a + 2)
                    // the quoting outlet («local newspapers») stands before the cue: content ends before it
                    var q = k
                    while q > s.lowerBound, k - q < 4, tokens[q - 1].kind == .word { q -= 1 }
                    quotingStart = q
                }
            }
        }
        // «The World Health Organization on Monday said», «Lavrov late Thursday said»
        while e > s.lowerBound, tokens[e - 1].kind == .word {
            let w = tokens[e - 1].norm
            if Self.auxiliaries.contains(w) { e -= 1; continue }
            if Self.timeWords.contains(w) {
                e -= 1
                if e > s.lowerBound, ["on", "late", "early", "last", "this"].contains(tokens[e - 1].norm) { e -= 1 }
                continue
            }
            break
        }
        if speakerPhrase == nil, e > s.lowerBound, tokens[e - 1].kind == .word, let g = lexicon.pronouns[tokens[e - 1].norm] {
            let pb = e - 1
            let boundaryOK = pb == s.lowerBound || { let p = tokens[pb - 1]; return isComma(p) || isQuote(p) || (p.kind == .word && Self.conjunctions.contains(p.norm)) || p.kind == .punct }()
            if boundaryOK { pronoun = g; subjectStart = pb }
        }
        if speakerPhrase == nil, pronoun == nil {
            if let ph = phraseBefore(e, s, c) { speakerPhrase = ph; subjectStart = ph.start }
            else if e > s.lowerBound, isComma(tokens[e - 1]), let ph = appositionSpeaker(e - 1, s, c) { speakerPhrase = ph; subjectStart = ph.start }
            else if let last = lastCommaBefore(e, s, c), last + 1 < e, !c.isCap(last + 1) || Self.determiners.contains(tokens[last + 1].norm),
                    let ph = phraseBefore(last, s, c) {
                // «Erik van Sebille, a physical oceanographer at … in Sydney told Reuters»
                speakerPhrase = ph; subjectStart = ph.start
            }
        }
        // inverted: «“…,” said Mr. Reeves», «…, says Parata»
        var speakerEnd = cueEnd
        if speakerPhrase == nil, pronoun == nil, k > s.lowerBound {
            let p = tokens[k - 1]
            if isComma(p) || isCloseQuote(p) || isQuote(p), let ph = phraseAfter(cueEnd, s, c) {
                speakerPhrase = ph; inverted = true; subjectStart = k; speakerEnd = ph.end
            }
        }
        if inverted, let ph = speakerPhrase { speakerEnd = max(speakerEnd, ph.end) }
        if let q = quotedAsSaying { speakerEnd = max(speakerEnd, q) }
        if let q = quotingStart { subjectStart = q }
        // «IBM is not considering this as a business but says the technology …»: the sentence's subject
        var droppedSubject = false
        if speakerPhrase == nil, pronoun == nil, e > s.lowerBound, tokens[e - 1].kind == .word, ["but", "and"].contains(tokens[e - 1].norm),
           inSentence.isEmpty, let ph = phraseAfter(s.lowerBound, s, c), ph.end < e - 1, c.isCap(ph.start) || Self.determiners.contains(tokens[ph.start].norm),
           looksLikeVerb(ph.end, c) {   // «Siemens declined …», not the imperative «Put a collection … and add …»
            speakerPhrase = ph; droppedSubject = true; subjectStart = k
        }

        // resolve
        let sp: Speaker, text: String, res: Statement.Resolution, conf: Double
        if let g = pronoun, subjectStart > s.lowerBound, Self.subordinators.contains(tokens[s.lowerBound].norm),
           let comma = (k..<s.upperBound).first(where: { isComma(tokens[$0]) }), comma + 1 < s.upperBound,
           c.isCap(comma + 1), let ph = phraseAfter(comma + 1, s, c), let r = resolve(ph, c, &state),
           r.0.person != false, g == .male && r.0.gender != .female || g == .female && r.0.gender != .male {
            // «Although he said it was “wild” …, Isaac stopped short of …»: the main clause's subject
            (sp, text, res, conf) = (r.0, c.text(subjectStart, subjectStart + 1), .carryover, 0.6)
        } else if let g = pronoun {
            guard let h = carryOver(g, state) else { return nil }
            sp = h; text = c.text(subjectStart, subjectStart + 1); res = .carryover; conf = 0.65
        } else if let ph = speakerPhrase, let r = resolve(ph, c, &state) {
            (sp, text, res, conf) = (r.0, r.1, r.2, droppedSubject ? r.3 * 0.8 : r.3)
        } else { return nil }

        // content: a quote before the subject (quote first), the clause before «, X said», or after the cue
        var b = subjectStart
        while b > s.lowerBound, isComma(tokens[b - 1]) { b -= 1 }
        var after = speakerEnd
        if inverted {
            // skip the speaker's apposition «, a senior fellow at …» up to a comma/end
            var a = after
            if a < s.upperBound, isComma(tokens[a]) {
                a += 1
                while a < s.upperBound, !isComma(tokens[a]), !isQuote(tokens[a]), !(tokens[a].kind == .punct && tokens[a].punct == 0x2E) { a += 1 }
                after = a
            }
        }
        if b > s.lowerBound, isCloseQuote(tokens[b - 1]) || (isQuote(tokens[b - 1]) && quoteRoles(c, s)[b - 1] == -1) {
            let close = b - 1
            guard let span = spans.first(where: { $0.1 == close }) else { return nil }
            var parts: [Range<Int>]
            let quoteFirst = span.0 == s.lowerBound
            parts = quoteFirst ? [(span.0 + 1)..<close] : [s.lowerBound..<b]
            // split quote: «“A,” he said, “B.”»
            var a = after
            while a < s.upperBound, tokens[a].kind == .word, lexicon.adverbials.contains(tokens[a].norm) || c.isCap(a) { a += 1 }
            if a < s.upperBound, isComma(tokens[a]) || tokens[a].punct == 0x2E, a + 1 < s.upperBound,
               let next = spans.first(where: { $0.0 == a + 1 }) {
                parts.append((next.0 + 1)..<(next.1 ?? s.upperBound))
            }
            guard wordCount(parts[0].lowerBound, parts[0].upperBound, c) >= 1 else { return nil }
            return Pending(cueToken: k, cueEnd: max(cueEnd, speakerEnd), cue: cue, speaker: sp, speakerText: text, resolution: res,
                           confidence: conf, parts: parts, quoteFirst: quoteFirst, emit: !sp.vague)
        }
        if !droppedSubject, b > s.lowerBound, wordCount(s.lowerBound, b, c) >= 3, isComma(tokens[b]) || subjectStart == k || (b < s.upperBound && isComma(tokens[b])) {
            // «The talks failed, Lavrov said.» / parenthetical «Before …, Walsh said, he fashioned …»
            var tail = after
            while tail < s.upperBound, tokens[tail].kind == .word, lexicon.adverbials.contains(tokens[tail].norm) || c.isCap(tail) { tail += 1 }
            let quoteNext = tail + 1 < s.upperBound && isComma(tokens[tail]) && isQuote(tokens[tail + 1])
            // «Before Swanson got out of the water, Walsh said, he fashioned …» (an introductory phrase
            // before the speaker) vs «JPMorgan earned $4.9 billion, the company announced, down from …»
            let first = tokens[s.lowerBound]
            let introductory = first.kind == .word && (Self.subordinators.contains(first.norm) || Self.prepositions.contains(first.norm)
                || ["once", "then", "still", "however", "meanwhile", "instead"].contains(first.norm)) || wordCount(s.lowerBound, b, c) <= 3
            if tail < s.upperBound, isComma(tokens[tail]), !quoteNext, introductory, wordCount(tail + 1, s.upperBound, c) >= 3 {
                return Pending(cueToken: k, cueEnd: s.upperBound, cue: cue, speaker: sp, speakerText: text, resolution: res,
                               confidence: conf, parts: [(tail + 1)..<s.upperBound], quoteFirst: false, emit: !sp.vague)
            }
            // «…, the Tuva government was quoted as saying late Thursday by the Interfax news agency.»
            let trailingPP = tail < s.upperBound && tokens[tail].kind == .word && Self.prepositions.contains(tokens[tail].norm)
                && wordCount(tail, s.upperBound, c) <= 7 && !(tail..<s.upperBound).contains { tokens[$0].norm == "that" || isQuote(tokens[$0]) }
            if tail >= s.upperBound || trailingPP
                || (tokens[tail].kind == .punct && !isQuote(tokens[tail]) && tokens[tail].punct != 0x3A && !quoteNext) {
                return Pending(cueToken: k, cueEnd: max(cueEnd, speakerEnd), cue: cue, speaker: sp, speakerText: text, resolution: res,
                               confidence: conf, parts: [s.lowerBound..<b], quoteFirst: false, emit: !sp.vague)
            }
        }
        guard !inverted || after < s.upperBound else { return nil }
        guard let from = contentStart(after: after, cue, c, s, allowBare: cue.needs == .any || cue.needs == .object) else { return nil }
        guard wordCount(from, s.upperBound, c) >= 2 else { return nil }
        return Pending(cueToken: k, cueEnd: from, cue: cue, speaker: sp, speakerText: text, resolution: res,
                       confidence: conf, parts: [from..<s.upperBound], quoteFirst: false, emit: !sp.vague)
    }

    func lastCommaBefore(_ e: Int, _ s: Range<Int>, _ c: Ctx) -> Int? {
        var j = e - 1
        while j > s.lowerBound, e - j < 20 {
            if isComma(c.tokens[j]) { return j }
            if isQuote(c.tokens[j]) { return nil }
            j -= 1
        }
        return nil
    }

    /// Where the content starts after the cue: after "that" or a colon, at a quote, after the object
    /// of «told»/«urged» and adverbials («on Monday», «in a statement»); nil when the cue needs a
    /// complement that is not there.
    func contentStart(after a0: Int, _ cue: EnglishLexicon.Cue, _ c: Ctx, _ s: Range<Int>, allowBare: Bool) -> Int? {
        let tokens = c.tokens
        var a = a0
        // object of told/urged: a capitalised name or object words
        if cue.needs == .object || cue.needs == .objectTo {
            var n = 0
            while a < s.upperBound, n < 5, tokens[a].kind == .word,
                  (c.isCap(a) && lexicon.pronouns[tokens[a].norm] == nil && tokens[a].norm != "i") || (lexicon.objects.contains(tokens[a].norm) && !(tokens[a].norm == "the" && n > 0)) {
                a += 1; n += 1
            }
            if cue.needs == .objectTo {
                var j = a, m = 0
                while j < s.upperBound, m < 3, tokens[j].kind == .word, tokens[j].norm != "to" { j += 1; m += 1 }
                if j < s.upperBound, tokens[j].norm == "to" { return j + 1 }
            }
        }
        // look for that / colon / quote past adverbials
        var j = a
        var sawAdverbial = false
        var roles: [Int: Int]?
        while j < s.upperBound, j - a < 10 {
            let t = tokens[j]
            if t.kind == .word, t.norm == "that" || t.norm == "whether" || t.norm == "if" { return t.norm == "that" ? j + 1 : j }
            if t.kind == .punct, t.punct == 0x3A { return j + 1 }
            if isQuote(t) {
                if roles == nil { roles = quoteRoles(c, s) }
                if roles?[j] == 1 { return j }
            }
            if isComma(t) { j += 1; continue }
            if t.kind == .word, lexicon.adverbials.contains(t.norm) || (c.isCap(j) && sawAdverbial) || t.kind == .number { sawAdverbial = true; j += 1; continue }
            break
        }
        guard allowBare else { return nil }
        // bare clause: skip leading adverbial phrases only («said on Monday the …»)
        var b = a
        while b < s.upperBound, tokens[b].kind == .word {
            let w = tokens[b].norm
            if ["on", "in", "at", "during"].contains(w) {
                var x = b + 1
                while x < s.upperBound, tokens[x].kind == .word,
                      (lexicon.adverbials.contains(tokens[x].norm) && (x == b + 1 || !Self.determiners.contains(tokens[x].norm))) || c.isCap(x) { x += 1 }
                if x > b + 1 { b = x; continue }
                break
            }
            if ["yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                "late", "earlier", "later", "recently", "previously", "also", "again"].contains(w) { b += 1; continue }
            break
        }
        while b < s.upperBound, isComma(tokens[b]) { b += 1 }
        return b
    }

    func wordCount(_ a: Int, _ b: Int, _ c: Ctx) -> Int {
        var n = 0
        var i = a
        while i < b { if c.tokens[i].kind == .word || c.tokens[i].kind == .number { n += 1 }; i += 1 }
        return n
    }

    // MARK: - Speakers

    /// A sentence without statements may still introduce who a later «he»/«she» is:
    /// «Fiona Parry issued a plea …» (a first name), «Chandor attributed …» (a surname seen after a
    /// first name or initials elsewhere), or a registry person.
    func noteSubject(_ c: Ctx, _ s: Range<Int>, _ state: inout DocState) {
        guard let ph = phraseAfter(s.lowerBound, s, c), ph.end < s.upperBound, c.tokens[ph.end].kind == .word,
              !c.isCap(ph.end) else { return }
        let mentions = registryMentions(ph, c)
        if let m = mentions.last, case .actor(let ai) = m.target, matcher.actors[ai].kind == .person {
            state.history.append(registrySpeaker(ai)); return
        }
        let words = (ph.start..<ph.end).filter { c.tokens[$0].kind == .word }
        guard let f = words.first, words.allSatisfy({ c.isCap($0) && !lexicon.titles.contains(c.tokens[$0].norm) }) else { return }
        let isFirstName = lexicon.firstNames[c.tokens[f].norm] != nil
        let seenAsSurname = words.count == 1 && c.surnames[c.tokens[f].norm] != nil
        guard isFirstName || seenAsSurname else { return }
        var tmp = state
        if let r = resolve(ph, c, &tmp) { state = tmp; state.history.append(r.0) }
    }

    /// «Jessica Chastain» anywhere in the document tells the gender of a later «Chastain».
    func genderInDocument(_ surname: String, _ c: Ctx) -> EnglishLexicon.Gender {
        c.surnames[surname] ?? .unknown
    }

    func surnameTable(_ c: Ctx) -> [String: EnglishLexicon.Gender] {
        var out: [String: EnglishLexicon.Gender] = [:]
        let t = c.tokens
        guard t.count > 2 else { return out }
        // the previous token is read in place and the surname made only when one of the two
        // patterns holds (most capitalised words follow neither)
        for i in 1..<t.count where t[i].kind == .word && c.isCap(i) {
            let pk = t[i - 1].kind
            if pk == .word, c.isCap(i - 1), let g = lexicon.firstNames[t[i - 1].norm] {
                let name = stripPossessive(t[i].norm)
                if out[name] == nil || out[name] == .unknown { out[name] = g }
            } else if pk == .punct, t[i - 1].punct == 0x2E, i >= 2, t[i - 2].norm.unicodeScalars.count == 1, c.isCap(i - 2) {
                let name = stripPossessive(t[i].norm)
                if out[name] == nil { out[name] = .unknown }
            }
        }
        return out
    }

    @inline(__always) func stripPossessive(_ w: String) -> String {
        // «'s» compared as bytes (`hasSuffix` compares characters): the same answer, since «'»
        // and «s» are whole characters unless a combining mark follows the «s», which then ends
        // the bytes instead.
        let u = w.utf8
        guard u.count >= 2, u.last == 0x73, u[u.index(u.endIndex, offsetBy: -2)] == 0x27 else { return w }
        return String(w.dropLast(2))
    }

    /// The nearest earlier speaker the pronoun can refer to: «she» skips men, «it» skips people.
    func carryOver(_ g: EnglishLexicon.Gender, _ state: DocState) -> Speaker? {
        for h in state.history.reversed().prefix(10) {
            switch g {
            case .male: if h.person != false && (h.gender == .male || h.gender == .unknown) { return h }
            case .female: if h.person != false && (h.gender == .female || h.gender == .unknown) { return h }
            case .neuter: if h.person != true { return h }
            case .plural: return h.person == false ? h : nil   // «they» only for the organisation just quoted
            case .unknown: return h
            }
        }
        return nil
    }

    func registrySpeaker(_ ai: Int) -> Speaker {
        let a = matcher.actors[ai]
        let g: EnglishLexicon.Gender
        switch a.gender { case .male?: g = .male; case .female?: g = .female; case nil: g = a.kind == .person ? .unknown : .neuter }
        return Speaker(actorID: a.id, actorName: a.name, gender: g, person: a.kind == .person, vague: false, nameKey: a.name.lowercased().split(separator: " ").map(String.init))
    }

    /// Turns a speaker phrase into a speaker: a registry actor, a role (bound in the document or by
    /// the article's date), a vague source, or an unlinked name («unlinked:robert pfannes»).
    func resolve(_ ph: Phrase, _ c: Ctx, _ state: inout DocState) -> (Speaker, String, Statement.Resolution, Double)? {
        let tokens = c.tokens
        let text = c.text(ph.start, ph.end)
        var ph = ph
        // «Mr. J.C. Smith of the U.S. Dept. of Labor», «Jennifer Mattinson from the police»: a person
        // named before «of»/«from»/«at» is the speaker, the rest says where they work
        if let of = (ph.start..<ph.end).first(where: { tokens[$0].kind == .word && ["of", "from", "at"].contains(tokens[$0].norm) }), of > ph.start {
            let before = (ph.start..<of).filter { tokens[$0].kind == .word }
            let personal = before.contains { Self.personalTitles.contains(tokens[$0].norm) }
                || before.contains { c.isCap($0) && lexicon.firstNames[tokens[$0].norm] != nil && $0 + 1 < of && c.isCap($0 + 1) }
                || before.contains { c.isCap($0) && tokens[$0].norm.unicodeScalars.count == 1 && $0 == ph.start }   // «J.C. Smith of …»
            let named = before.contains { c.isCap($0) && !lexicon.titles.contains(tokens[$0].norm) }
            if personal && named { ph.end = of }
        }
        let words = (ph.start..<ph.end).filter { tokens[$0].kind == .word }
        guard let lastW = words.last else { return nil }
        if lexicon.vague.contains(tokens[lastW].norm) {
            let sp = Speaker(actorID: "unlinked:" + words.map { tokens[$0].norm }.joined(separator: " "), actorName: text,
                             gender: .plural, person: nil, vague: true, nameKey: [])
            return (sp, text, .name, 0.3)
        }
        let mentions = registryMentions(ph, c)
        // gender hints in the phrase
        var gender: EnglishLexicon.Gender = .unknown
        for w in words { if let g = lexicon.genderedWords[tokens[w].norm] { gender = g } }
        if let m = mentions.last(where: { if case .actor = $0.target { return true }; return false }), case .actor(let ai) = m.target,
           m.end == ph.end || !words.contains(where: { $0 >= m.end && c.isCap($0) }) {
            let sp = registrySpeaker(ai)
            if m.start > ph.start { bindTitles(c, ph.start, m.start, sp, &state) }
            return (sp, text, .name, m.ambiguous ? 0.75 : 0.9)
        }
        if let m = mentions.last, case .role(let ri) = m.target, m.end == ph.end {
            if let h = matcher.holder(ofRole: ri, on: c.doc.published) { return (registrySpeaker(h), text, .role, m.ambiguous ? 0.65 : 0.8) }
        }
        // the name: the trailing run of capitalised non-title words
        var nameStart = ph.end
        while nameStart > ph.start {
            let i = nameStart - 1
            let t = tokens[i]
            if t.kind == .word, c.isCap(i) || Self.particles.contains(t.norm), !lexicon.titles.contains(t.norm), !lexicon.organisations.contains(t.norm) { nameStart -= 1; continue }
            if glue(i, c), t.punct == 0x2E, i > 0, tokens[i - 1].norm.unicodeScalars.count == 1 { nameStart -= 1; continue }   // «J.C.»
            break
        }
        // «The leader of Ennahda» → «Ennahda»: a name does not start with a particle or a stop
        var ofOrganisation = false
        while nameStart < ph.end, tokens[nameStart].kind != .word || (Self.particles.contains(tokens[nameStart].norm) && !c.isCap(nameStart))
                || Self.determiners.contains(tokens[nameStart].norm) {
            // «Federal Reserve Bank of Dallas», «Department of Conservation»: one organisation name
            if tokens[nameStart].kind == .word, nameStart > ph.start, lexicon.organisations.contains(tokens[nameStart - 1].norm) { ofOrganisation = true }
            nameStart += 1
        }
        let isOrg = ofOrganisation || lexicon.organisations.contains(tokens[lastW].norm) && lexicon.genderedWords[tokens[lastW].norm] == nil
            && !["spokesman", "spokeswoman", "spokesperson"].contains(tokens[lastW].norm)
        let titleOnly = nameStart >= ph.end || isOrg
        if titleOnly {
            // «the president», «the director»: whoever the document named so; else the phrase itself
            let key = words.filter { !Self.determiners.contains(tokens[$0].norm) }.map { tokens[$0].norm }.joined(separator: " ")
            if let sp = state.titleBinding[key] { return (sp, text, .role, 0.75) }
            if let last = words.last.map({ tokens[$0].norm }), let sp = state.titleBinding[last], words.count <= 2 { return (sp, text, .role, 0.7) }
            let person: Bool? = isOrg ? false : (words.contains { lexicon.titles.contains(tokens[$0].norm) } ? true : nil)
            let sp = Speaker(actorID: "unlinked:" + key, actorName: text, gender: isOrg ? .neuter : gender, person: person, vague: false, nameKey: [])
            return (sp, text, .unresolved, 0.6)
        }
        let nameWords = (nameStart..<ph.end).filter { tokens[$0].kind == .word }
        let key = nameWords.map { tokens[$0].norm }
        guard key.contains(where: { !Self.particles.contains($0) && !lexicon.stops.contains($0) }) else { return nil }
        let name = c.text(nameStart, ph.end)
        if gender == .unknown, let f = key.first, let g = lexicon.firstNames[f], key.count >= 2 { gender = g }
        if gender == .unknown, key.count == 1 { gender = genderInDocument(key[0], c) }
        let hasTitle = words.contains { $0 < nameStart && lexicon.titles.contains(tokens[$0].norm) }
        let person: Bool? = (gender == .male || gender == .female || hasTitle || key.count >= 2 && lexicon.firstNames[key[0]] != nil) ? true
            : (ph.start < nameStart && Self.determiners.contains(tokens[ph.start].norm) ? false : nil)
        var sp = Speaker(actorID: "unlinked:" + key.joined(separator: " "), actorName: name, gender: gender, person: person,
                         vague: false, nameKey: key)
        if key.count == 1, let known = state.history.last(where: { !$0.actorID.isUnlinkedActorID && $0.nameKey.count > 1 && $0.nameKey.last == key[0] }) {
            return (known, text, .name, 0.8)   // «Robert Gates said …» then «Gates said»
        }
        if let ai = contextualActor(key, at: ph.start, c, &state) {
            // «May said» in an article that names Theresa May or the British prime minister
            let sp = registrySpeaker(ai)
            if nameStart > ph.start { bindTitles(c, ph.start, nameStart, sp, &state) }
            return (sp, text, .name, 0.75)
        }
        if let earlier = state.unlinked.last(where: { e in !e.nameKey.isEmpty && key.count < e.nameKey.count && key.allSatisfy { e.nameKey.contains($0) } }) {
            sp = earlier
            if sp.gender == .unknown { sp.gender = gender }
        } else {
            state.unlinked.append(sp)
        }
        if nameStart > ph.start { bindTitles(c, ph.start, nameStart, sp, &state) }
        return (sp, text, .name, nameStart > ph.start ? 0.85 : 0.8)
    }

    /// A short name the registry holds only as a context alias ("May", "Kim", "Maliki") or as the
    /// surname of a person ("Abbas" of "Mahmoud Abbas"): the actor the article names without doubt
    /// elsewhere (an alias, or a role held on its date), before or after; of several, the one named
    /// last before `position`, else first after. Nil when the article names none of them.
    func contextualActor(_ key: [String], at position: Int, _ c: Ctx, _ state: inout DocState) -> Int? {
        guard !key.isEmpty, key.count <= 3 else { return nil }
        var candidates = matcher.contextualActors(key)
        if key.count == 1, let list = surnames[key[0]] { for ai in list where !candidates.contains(ai) { candidates.append(ai) } }
        guard !candidates.isEmpty else { return nil }
        if state.mentions == nil {
            let mentions = matcher.mentions(in: c.tokens, range: 0..<c.tokens.count)
            state.mentions = mentions
            state.named = matcher.named(by: mentions, on: c.doc.published)
        }
        candidates = candidates.filter { state.named.contains($0) }
        guard candidates.count > 1 else { return candidates.first }
        var before: Int?, after: Int?
        for m in state.mentions ?? [] where !m.ambiguous {
            let holder: Int?
            switch m.target {
            case .actor(let ai): holder = ai
            case .role(let ri): holder = matcher.holder(ofRole: ri, on: c.doc.published)
            }
            guard let ai = holder, candidates.contains(ai) else { continue }
            if m.start < position { before = ai } else if after == nil { after = ai }
        }
        return before ?? after
    }

    /// Registry mentions in a phrase, matched without the full stops of «U.S.», «J.C.» (the matcher
    /// walks words only), with indices mapped back: «the U.S. secretary of state» → the role.
    func registryMentions(_ ph: Phrase, _ c: Ctx) -> [ActorMatcher.Mention] {
        var sub: [Token] = []
        var index: [Int] = []
        for i in ph.start..<ph.end {
            let t = c.tokens[i]
            if t.kind == .punct, t.punct == 0x2E { continue }
            sub.append(t); index.append(i)
        }
        guard !sub.isEmpty else { return [] }
        return matcher.mentions(in: sub, range: 0..<sub.count).map { m in
            var v = m
            v.start = index[m.start]
            v.end = m.end == index.count ? ph.end : index[m.end - 1] + 1
            return v
        }
    }

    /// «Foreign Minister Sergei Lavrov», «Detective Lt. Robert Pfannes»: a later «the foreign
    /// minister», «the detective» means the same person.
    func bindTitles(_ c: Ctx, _ a: Int, _ b: Int, _ sp: Speaker, _ state: inout DocState) {
        let words = (a..<b).filter { c.tokens[$0].kind == .word && !Self.determiners.contains(c.tokens[$0].norm) }.map { c.tokens[$0].norm }
        guard !words.isEmpty else { return }
        state.titleBinding[words.joined(separator: " ")] = sp
        if let last = words.last, lexicon.titles.contains(last) { state.titleBinding[last] = sp }
    }

    // MARK: - Output

    func finish(_ p: Pending, _ c: Ctx, _ sentence: String) -> Statement? {
        let tokens = c.tokens
        var texts: [String] = []
        var start = -1, end = -1
        var startsWithQuote = false
        var quotes = 0
        for (n, part) in p.parts.enumerated() {
            var a = part.lowerBound, b = min(part.upperBound, tokens.count)
            while a < b, tokens[a].kind == .punct || tokens[a].kind == .newline {
                if isQuote(tokens[a]) { if n == 0 { startsWithQuote = true } }
                a += 1
            }
            while b > a, tokens[b - 1].kind == .punct || tokens[b - 1].kind == .newline { b -= 1 }
            guard wordCount(a, b, c) >= (n == 0 ? 2 : 1) else { if n == 0 { return nil } else { continue } }
            var i = a
            while i < b { if isQuote(tokens[i]) { quotes += 1 }; i += 1 }
            texts.append(c.text(a, b))
            if start < 0 { start = tokens[a].start }
            end = tokens[b - 1].end
        }
        guard start >= 0 else { return nil }
        let kind: Statement.Kind
        if p.quoteFirst || (startsWithQuote && quotes <= 1) { kind = quotes > 0 && !startsWithQuote && !p.quoteFirst ? .mixed : .direct }
        else if startsWithQuote || quotes > 0 { kind = .mixed }
        else { kind = .indirect }
        let d = c.doc
        var cueEnd = p.cueToken + 1 + p.cue.rest.count
        cueEnd = min(cueEnd, tokens.count)
        return Statement(
            statementID: StatementID.make(docID: d.docID, part: "text", start: start, end: end),
            docID: d.docID, actorID: p.speaker.actorID, actorName: p.speaker.actorName,
            speaker: p.speakerText.isEmpty ? c.text(p.cueToken, cueEnd) : p.speakerText,
            resolution: p.resolution, cue: c.text(p.cueToken, cueEnd), cueLemma: p.cue.lemma, kind: kind,
            content: texts.joined(separator: " "), sentence: sentence, lang: "en", published: d.published,
            dateSource: d.dateSource?.rawValue, url: d.url, source: d.source, title: d.title, input: d.input,
            record: d.record, contentStart: start, contentEnd: end, confidence: p.confidence)
    }
}
