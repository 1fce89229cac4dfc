import Foundation

/// Definite descriptions that refer back to an entity the article introduced earlier with the same
/// head noun, when the registry rules (`anaphor`, state bodies and offices) found no actor:
///
///     «وأعلنت شركة "سانوفي" …» … «وقالت الشركة إن …»        → unlinked:شركه سانوفي
///     «وأعلنت شركة أبل …» (Apple named without «شركة»)     → apple
///     «قال مدرب ليفربول، يورغن كلوب، …» … «وأضاف المدرب الألماني» → unlinked:يورغن كلوب
///     «محمد صلاح، لاعب ليفربول، …» … «وقال اللاعب»            → unlinked:محمد صلاح
///
/// Organisation heads are `anaphoric_heads.txt`, person heads `anaphoric_persons.txt`. A nationality
/// after the speaker's head («الشركة الإماراتية», «المدرب الإسباني») must not contradict the
/// antecedent's (an adjective at its introduction, a state in its name, or the states of a registry
/// actor's names and offices). Nothing suitable: nil, and the speaker stays as it was.
extension ArabicExtractor {
    /// Confidence of a speaker bound to an antecedent the registry does not know (or knows by a name
    /// without the head): below a registry anaphor (`anaphorConfidence`).
    static let antecedentConfidence = 0.5
    /// How far back (tokens) a person head looks for the person's introduction: a short article.
    static let personAntecedentWindow = 300
    /// How near (tokens) a registry actor of unknown state must be named before a head with a nationality.
    static let nearMention = 60
    /// How far back (tokens) an organisation head looks for «شركة X».
    static let organisationAntecedentWindow = 800

    /// The speaker phrase as a definite head with no name of its own: the head's normalised form
    /// with the article, and the states of the nationality adjectives after it (at most two words,
    /// each a nationality or an adjective of `anaphoric_adjectives.txt`). Nil for any other phrase.
    func definiteHead(_ ph: Phrase, _ c: Ctx) -> (head: String, states: Set<Int>)? {
        let tokens = c.tokens
        guard !c.isTitle, tokens[ph.start].kind == .word, !tokens[ph.start].latin else { return nil }
        var end = ph.end
        while end > ph.start, tokens[end - 1].kind == .punct { end -= 1 }
        // «وأفادت القناة الرسمية "أرت 1"»: a short name follows in quotes or Latin letters (not a quote
        // that opens the content: «وقال المدرب "…"»)
        var p = end
        while p < tokens.count, p <= ph.end, tokens[p].kind == .punct, !isQuote(tokens[p]) { p += 1 }
        if p < tokens.count, p <= ph.end {
            if tokens[p].latin { return nil }
            if isQuote(tokens[p]), (p + 2..<min(tokens.count, p + 5)).contains(where: { isQuote(tokens[$0]) }) { return nil }
        }
        let lexicon = self.lexicon, personHeads = index.personHeads
        // on the word's bytes first: most unlinked speakers open with no such head
        guard c.norms.withBytes(ph.start, { w in
            lexicon.clitics.anyStem(w) { s in
                Self.opensWithArticle(s) && (personHeads.contains(bytes: s) || lexicon.anaphoricHeads.contains(bytes: s))
            }
        }) else { return nil }
        guard let head = lexicon.clitics.stems(tokens[ph.start].norm).first(where: { s in
            s.unicodeScalars.starts(with: "ال".unicodeScalars) && (lexicon.anaphoricPersons[s] != nil || lexicon.anaphoricHeads.contains(s))
        }) else { return nil }
        var states: Set<Int> = []
        var j = ph.start + 1, extra = 0
        while j < end {
            guard tokens[j].kind == .word, extra < 2 else { return nil }
            if let m = index.countries.cues.match(at: j, in: tokens, limit: end), let s = index.countries.state(m), s.adjective {
                states.insert(s.country)
                j = m.end
            } else if inSet(tokens[j], lexicon.anaphoricAdjectives) {
                j += 1
            } else {
                return nil
            }
            extra += 1
        }
        return (head, states)
    }

    /// «وقالت الشركة», «المدرب الألماني»: the entity introduced earlier with the phrase's head
    /// (`definiteHead`), as a registry speaker or the unlinked name written there, with its confidence.
    func definiteAntecedent(_ found: (head: String, states: Set<Int>), _ ph: Phrase, _ c: Ctx, _ state: inout DocState,
                            agreement: ArabicLexicon.Agreement) -> (Speaker, Double)? {
        let (head, states) = found
        if let forms = lexicon.anaphoricPersons[head] {
            return personAntecedent(head: head, forms: forms, before: ph.start, states: states, c, &state, agreement: agreement)
        }
        let bare = String(head.unicodeScalars.dropFirst(2))
        // with a nationality the registry anaphor has not been tried: its actor must not contradict it
        if !states.isEmpty, let a = anaphor(ph.start, c, &state, agreement: agreement) {
            guard let ai = index.actorIndex[a.0.actorID] else { return a }
            if !fits(index.actorCountries[ai], states) { return nil }
            // «الاتحاد الإسباني» is not «الاتحاد الأوروبي» nor «الاتحاد الدولي لكرة القدم»: an actor of no
            // known state with a name made of the head and another definite word
            var adjectives: [String] = []
            for j in (ph.start + 1)..<ph.end where c.tokens[j].kind == .word { adjectives.append(c.tokens[j].norm) }
            let clash = index.actorCountries[ai].isEmpty && matcher.names.actors[ai].contains { name in
                guard name.count >= 2, name[0] == head || name[0] == bare, name[1].unicodeScalars.starts(with: "ال".unicodeScalars) else { return false }
                return !adjectives.contains(name[1])
            }
            if clash { return nil }
            // a registry actor whose state is unknown («الفيفا» for «الاتحاد المغربي»): only when named
            // just before (the sentence or the one before)
            if index.actorCountries[ai].isEmpty {
                let near = state.mentions.contains { m in
                    guard m.end <= ph.start, ph.start - m.end <= Self.nearMention, case .actor(let x) = m.target else { return false }
                    return x == ai
                }
                if !near { return nil }
            }
            return a
        }
        return organisationAntecedent(bare: bare, before: ph.start, states: states, c, &state, agreement: agreement)
    }

    /// Whether an antecedent's states (`known`, empty when unknown) agree with the speaker's nationality.
    func fits<S: Sequence>(_ known: S, _ wanted: Set<Int>) -> Bool where S.Element == Int {
        guard !wanted.isEmpty else { return true }
        var any = false
        for k in known { if wanted.contains(k) { return true }; any = true }
        return !any
    }

    /// A word that may be part of a person's or an organisation's own name: no article, no stop,
    /// cue, complementizer, title, state, glued preposition or pronoun suffix («نصحته»), not «باسم».
    func isNameWord(_ j: Int, _ c: Ctx, limit: Int) -> Bool {
        let t = c.tokens[j]
        guard t.kind == .word, !t.latin, !hasArticle(t), !isStop(t), cue(at: j, c) == nil, complementizer(t) == nil,
              !inSet(t, lexicon.titles), !isPrepositional(t, initial: true), t.norm.unicodeScalars.count >= 2,
              !t.norm.sameWord("باسم"), !endsWithPronoun(t, c), !hasTanween(t, c), !isMasdar(t, afterDefinite: false),
              !isObjectNoun(t) else { return false }
        return index.countries.cues.match(at: j, in: c.tokens, limit: limit) == nil
    }

    static func endsWithAlef(_ w: String) -> Bool { w.unicodeScalars.count >= 3 && w.unicodeScalars.last == "ا" }

    /// A word with the article that may go on an organisation's name («الصحة», «المصرية»): no stop,
    /// cue, title, affiliation («التابعة») or time word.
    func isArticleNameWord(_ j: Int, _ c: Ctx) -> Bool {
        let t = c.tokens[j]
        return t.kind == .word && !t.latin && hasArticle(t) && !isStop(t) && cue(at: j, c) == nil && !inSet(t, lexicon.titles)
            && !inSet(t, lexicon.affiliations) && !inSet(t, lexicon.timeNouns)
    }

    /// A word or mark after which a name has ended: the text's end, punctuation, a stop, a cue, a
    /// complementizer, a word with the article or a title.
    func endsName(_ j: Int, _ c: Ctx) -> Bool {
        guard j < c.tokens.count else { return true }
        let t = c.tokens[j]
        if t.kind != .word { return t.kind == .punct || t.kind == .newline }
        return isStop(t) || cue(at: j, c) != nil || complementizer(t) != nil || hasArticle(t) || inSet(t, lexicon.titles)
            || endsWithPronoun(t, c)
    }

    /// A person's name of two or three words opening at `k` and ended there (`endsName`): its end.
    /// After a head in a verb's clause the words may be the verb's object («وكتب المدافع البرازيلي
    /// رسالة عاطفية إلى …»): the name must open with a common given name, or end at a mark, a cue or a
    /// complementizer.
    func nameForward(at k: Int, _ c: Ctx) -> Int? {
        let limit = min(c.tokens.count, k + 4)
        var e = k
        while e < limit, e - k < 3, isNameWord(e, c, limit: limit) { e += 1 }
        guard e - k >= 2, endsName(e, c) else { return nil }
        if inSet(c.tokens[k], lexicon.givenNames) { return e }
        guard e < c.tokens.count else { return e }
        let t = c.tokens[e]
        return t.kind != .word || cue(at: e, c) != nil || complementizer(t) != nil ? e : nil
    }

    /// A person's name of two or three words ending before `e` (a comma): after a mark, a cue or a
    /// title, the name words before the comma; else from a common given name among them («وسجل محمد
    /// صلاح، لاعب …»). «في مؤتمر صحفي، مدرب …» is no name. Its start.
    func nameBackward(endingAt e: Int, _ c: Ctx) -> Int? {
        var a = e
        while a > 0, e - a < 3, isNameWord(a - 1, c, limit: e) { a -= 1 }
        guard e - a >= 2 else { return nil }
        if let g = (a...(e - 2)).first(where: { inSet(c.tokens[$0], lexicon.givenNames) }) { return g }
        // «وسجل …»: a word with the conjunction opening the run is a verb, not a name
        if c.tokens[a].norm.unicodeScalars.first == "و", c.tokens[a].norm.unicodeScalars.count > 3 { a += 1 }
        guard e - a >= 2 else { return nil }
        if a == 0 { return a }
        let p = c.tokens[a - 1]
        return p.kind != .word || cue(at: a - 1, c) != nil || inSet(p, lexicon.titles) ? a : nil
    }

    /// The registry mention starting (or, with `ending`, ending) at token `k`, if unambiguous.
    func mention(_ k: Int, ending: Bool = false, _ state: DocState) -> ActorMatcher.Mention? {
        for m in state.mentions.reversed() {
            if ending ? m.end == k : m.start == k { return m.ambiguous ? nil : m }
            if m.end < k { return nil }
        }
        return nil
    }

    /// The registry person a mention names (a role through `rolePerson`).
    func person(_ m: ActorMatcher.Mention, _ state: DocState) -> Int? {
        let ai: Int?
        switch m.target {
        case .actor(let a): ai = a
        case .role(let ri): ai = rolePerson(ri, state)
        }
        guard let ai, matcher.actors[ai].kind == .person else { return nil }
        return ai
    }

    /// One introduction of a person with the head at token `j`: the person and the states of the
    /// nationality adjectives right after the head. `definite`: the head carries the article.
    enum Introduction { case person(Speaker, states: [Int]), none(states: [Int]) }

    func introduction(at j: Int, definite: Bool, before i: Int, _ c: Ctx, _ state: DocState, agreement: ArabicLexicon.Agreement) -> Introduction {
        let tokens = c.tokens
        var k = j + 1
        var states: [Int] = []
        while k < i, let m = index.countries.cues.match(at: k, in: tokens, limit: i), let s = index.countries.state(m), s.adjective {
            states.append(s.country)
            k = m.end
        }
        func registry(_ ai: Int) -> Introduction {
            .person(registrySpeaker(ai, agreement: agreement), states: states + index.actorCountries[ai])
        }
        func unlinked(_ a: Int, _ b: Int) -> Introduction {
            let key = normKey(c, a, b)
            return .person(Speaker(actorID: "unlinked:" + key.joined(separator: " "), actorName: c.text(a, b),
                                   agreement: agreement, vague: false, nameKey: key), states: states)
        }
        // «كلوب، مدرب ليفربول»: a name, a comma, then the head
        if j >= 3, isComma(tokens[j - 1]) {
            if let m = mention(j - 1, ending: true, state), let ai = person(m, state) { return registry(ai) }
            if let a = nameBackward(endingAt: j - 1, c) { return unlinked(a, j - 1) }
        }
        guard k < i else { return .none(states: states) }
        // «المدرب الألماني يورغن كلوب», «اللاعب محمد صلاح»: the name right after the definite head
        if let m = mention(k, state), let ai = person(m, state), m.end <= i { return registry(ai) }
        if definite, let e = nameForward(at: k, c), e <= i { return unlinked(k, e) }
        // «مدرب ليفربول يورغن كلوب», «وزير الصحة أحمد عماد»: a registry organisation or words with the
        // article (the head's genitive), then the name
        var g = k
        while g < i, g - k < 4 {
            if let m = mention(g, state), case .actor(let ai) = m.target, matcher.actors[ai].kind == .organisation { g = m.end; continue }
            if tokens[g].kind == .word, hasArticle(tokens[g]), !isStop(tokens[g]), cue(at: g, c) == nil { g += 1; continue }
            break
        }
        if g > k, g < i {
            if let m = mention(g, state), let ai = person(m, state), m.end <= i { return registry(ai) }
            if let e = nameForward(at: g, c), e <= i { return unlinked(g, e) }
        }
        // «مدرب نادي ليفربول الإنجليزي، يورغن كلوب،»: the name after the first comma within a few words
        var q = k
        while q < i, q - k < 7, tokens[q].kind == .word, cue(at: q, c) == nil, !inSet(tokens[q], lexicon.titles) { q += 1 }
        if q > k, q + 1 < i, isComma(tokens[q]) {
            if let m = mention(q + 1, state), let ai = person(m, state), m.end <= i { return registry(ai) }
            if let e = nameForward(at: q + 1, c), e <= i { return unlinked(q + 1, e) }
        }
        return .none(states: states)
    }

    /// «وأضاف المدرب الألماني» → the person introduced last before token `i` with the head or one of
    /// its forms (`anaphoric_persons.txt`) within `personAntecedentWindow` tokens. A definite head with
    /// no name there is a reference to the same person (its nationality, if any, is kept as a
    /// constraint); an indefinite one introduces someone unnamed and ends the search. With a
    /// nationality, an introduction that contradicts it is passed over, one that states it wins, and
    /// one that says nothing is taken only when it is the only such person.
    func personAntecedent(head: String, forms: [String], before i: Int, states: Set<Int>, _ c: Ctx, _ state: inout DocState,
                          agreement: ArabicLexicon.Agreement) -> (Speaker, Double)? {
        let definiteBytes = Array(head.utf8)
        let bareBytes = forms.map { Array($0.utf8) }
        let clitics = lexicon.clitics
        scanMentions(upTo: i, &state)
        var wanted = states
        var silent: Speaker?
        var ambiguous = false
        var j = i - 1
        let lower = max(0, i - Self.personAntecedentWindow)
        while j >= lower {
            defer { j -= 1 }
            let t = c.tokens[j]
            guard t.kind == .word, !t.latin else { continue }
            var definite = false
            let found = c.norms.withBytes(j) { w in
                clitics.anyStem(w) { s in
                    if Self.same(s, definiteBytes) { definite = true; return true }
                    return bareBytes.contains { Self.same(s, $0) }
                }
            }
            guard found else { continue }
            // «نائب الوزير», «مساعد المدرب»: the head is another office's genitive
            if j > 0, c.tokens[j - 1].kind == .word, inSet(c.tokens[j - 1], lexicon.titles) { continue }
            switch introduction(at: j, definite: definite, before: i, c, state, agreement: agreement) {
            case .none(let s):
                if !definite { return silent.flatMap { ambiguous ? nil : ($0, Self.antecedentConfidence) } }
                if wanted.isEmpty { wanted = Set(s) }
            case .person(let sp, let s):
                if wanted.isEmpty { return (sp, Self.antecedentConfidence) }
                if s.contains(where: { wanted.contains($0) }) { return (sp, Self.antecedentConfidence) }
                if !s.isEmpty { continue }   // another nationality: someone else
                if let earlier = silent { if earlier.actorID != sp.actorID { ambiguous = true } } else { silent = sp }
            }
        }
        return silent.flatMap { ambiguous ? nil : ($0, Self.antecedentConfidence) }
    }

    /// «وقالت الشركة» → the organisation the nearest earlier «شركة X» names (`lastIndefiniteUse`,
    /// within `organisationAntecedentWindow` tokens): a registry organisation named right after the
    /// head («شركة أبل» → apple), else the head and its name as written (`unlinked:شركه سانوفي`): a
    /// quoted name, Latin words, up to three words with the article («وزارة الصحة»), or, after a head
    /// ending in «ة», up to three name words («شركة سانوفي»); nationality adjectives after it count.
    /// With a nationality («وقالت الشركة الفرنسية»), of the last three such uses the nearest one whose
    /// state is written and agrees wins over a nearer one whose state is unknown («طرحت شركة سانوفي
    /// الفرنسية … ووقعت شركة أبوت … وقالت الشركة الفرنسية»); an unknown organisation whose state is not
    /// written («نادي ألباسيتي» for «النادي الإسباني») is never taken for it, a registry one only
    /// when nothing better is found.
    func organisationAntecedent(bare: String, before i: Int, states: Set<Int>, _ c: Ctx, _ state: inout DocState,
                                agreement: ArabicLexicon.Agreement) -> (Speaker, Double)? {
        var before = i
        var unknown: Speaker?
        for _ in 0..<3 {
            guard let u = lastIndefiniteUse(of: bare, before: before, c), i - u.at <= Self.organisationAntecedentWindow else { break }
            switch organisation(at: u.at, bare: bare, before: i, states: states, c, &state, agreement: agreement) {
            case .speaker(let sp, let explicit):
                if states.isEmpty || explicit { return (sp, Self.antecedentConfidence) }
                // an unknown organisation whose state is not written is no answer to a nationality
                if unknown == nil, !sp.actorID.isUnlinkedActorID { unknown = sp }
            case .contradicts:
                break
            case .none:
                if unknown == nil { return nil }
            }
            if states.isEmpty { break }
            before = u.at
        }
        return unknown.map { ($0, Self.antecedentConfidence) }
    }

    /// What `organisationAntecedent` finds at one use: a speaker (`explicit` when its state is written
    /// and agrees with the nationality), a state contradicting the nationality, or nothing usable.
    enum OrganisationFound { case speaker(Speaker, explicit: Bool), contradicts, none }

    /// The organisation named at the use of the head at token `at` (`organisationAntecedent`).
    func organisation(at use: Int, bare: String, before i: Int, states: Set<Int>, _ c: Ctx, _ state: inout DocState,
                      agreement: ArabicLexicon.Agreement) -> OrganisationFound {
        let u = (at: use, named: false)
        let tokens = c.tokens
        // «الحزب الثوري الدستوري» named after it: the head with the article and a word of a name (no
        // adjective of `anaphoric_adjectives.txt` or nationality) is another organisation
        let definiteBytes = Self.articleBytes + Array(bare.utf8)
        let clitics = lexicon.clitics
        for j in (u.at + 1)..<max(u.at + 1, i - 1) where tokens[j].kind == .word && tokens[j + 1].kind == .word && hasArticle(tokens[j + 1]) {
            guard c.norms.withBytes(j, { w in clitics.anyStem(w) { Self.same($0, definiteBytes) } }) else { continue }
            if inSet(tokens[j + 1], lexicon.anaphoricAdjectives) || isStop(tokens[j + 1]) || cue(at: j + 1, c) != nil { continue }
            if let m = index.countries.cues.match(at: j + 1, in: tokens, limit: i), index.countries.state(m)?.adjective == true { continue }
            return .none
        }
        let n = u.at + 1
        guard n < i else { return .none }
        scanMentions(upTo: i, &state)
        var end = n
        if isQuote(tokens[n]) {
            var q = n + 1
            while q < i, q - n <= 8, !isQuote(tokens[q]), tokens[q].kind == .word || tokens[q].kind == .number { q += 1 }
            guard q < i, isQuote(tokens[q]), q > n + 1 else { return .none }
            end = q + 1
        } else if tokens[n].latin {
            while end < i, end - n < 5, tokens[end].latin || (end > n && tokens[end].kind == .number) { end += 1 }
        } else if hasArticle(tokens[n]) {
            while end < i, end - n < 3, isArticleNameWord(end, c) { end += 1 }
            // «شركة التجارة الإلكترونية الصينية "JD.com"», «موقع التواصل الاجتماعي "إنستغرام"»: a
            // description, then the name in quotes or Latin letters
            if end < i, isQuote(tokens[end]) {
                var q = end + 1
                while q < i, q - end <= 6, tokens[q].kind == .word || tokens[q].kind == .number { q += 1 }
                if q < i, q > end + 1, isQuote(tokens[q]) {
                    if let m = mention(end + 1, state), case .actor(let ai) = m.target, matcher.actors[ai].kind == .organisation {
                        guard fits(index.actorCountries[ai], states) else { return .contradicts }
                        return .speaker(registrySpeaker(ai, agreement: agreement), explicit: !states.isEmpty && !index.actorCountries[ai].isEmpty)
                    }
                    let key = [bare] + normKey(c, end + 1, q)
                    return .speaker(Speaker(actorID: "unlinked:" + key.joined(separator: " "), actorName: bare + " " + c.text(end + 1, q),
                                            agreement: agreement, vague: false, nameKey: key), explicit: false)
                }
            }
        } else {
            while end < i, end - n < 3, isNameWord(end, c, limit: i) || (end == n && index.countries.cues.match(at: end, in: tokens, limit: i) != nil) {
                // «وطرحت شركة سانوفي لقاحا جديدا»: an indefinite accusative noun and adjective (both
                // ending in «ا») after the name are the verb's object
                if end > n, end + 1 < i, Self.endsWithAlef(tokens[end].norm), tokens[end + 1].kind == .word,
                   Self.endsWithAlef(tokens[end + 1].norm) { break }
                end += 1
            }
            // «رابطة دوري الدرجة الإيطالية», «شركة نيسان اليابانية»: words with the article after the name
            let nameEnd = end
            while end > n, end < i, end - nameEnd < 2, isArticleNameWord(end, c) { end += 1 }
        }
        guard end > n else { return .none }
        // a registry organisation named with the head («وكالة رويترز») or right after it and ending
        // the name («شركة أبل»; not a state, «معهد الكويت للأبحاث», nor the genitive of a longer name,
        // «لجنة الأمم المتحدة لحقوق الإنسان»)
        for m in state.mentions.reversed() where m.start <= n {
            if m.end <= u.at { break }
            guard !m.ambiguous, m.start >= u.at, case .actor(let ai) = m.target, matcher.actors[ai].kind == .organisation else { continue }
            if m.start == n {
                if index.countries.cues.match(at: n, in: tokens, limit: i) != nil { break }
                if m.end < i, tokens[m.end].kind == .word, tokens[m.end].norm.unicodeScalars.first == "ل" { break }
                // «مجلس المنظمة الدولية», «مجلس الاتحاد الأوروبي»: a definite name after the head is its
                // genitive (the council of …), unless an outlet («صحيفة الغارديان»)
                if hasArticle(tokens[n]), !index.outlets.contains(ai) { break }
            }
            guard fits(index.actorCountries[ai], states) else { return .contradicts }
            return .speaker(registrySpeaker(ai, agreement: agreement), explicit: !states.isEmpty && !index.actorCountries[ai].isEmpty)
        }
        // the states it names: in its name («هيئة الطيران المدني السعودي») or by adjectives right after
        // it («شركة سانوفي الفرنسية», which then belong to the name)
        var named: Set<Int> = []
        var e = n
        while e < i {
            guard let m = index.countries.cues.match(at: e, in: tokens, limit: i), let s = index.countries.state(m) else {
                if e >= end { break }
                e += 1
                continue
            }
            if e >= end, !s.adjective { break }
            named.insert(s.country)
            e = m.end
            end = max(end, e)
        }
        guard fits(named, states) else { return .contradicts }
        let key = [bare] + normKey(c, n, end)
        let written = c.tokens[u.at].norm == bare ? c.text(u.at, end) : bare + " " + c.text(n, end)
        return .speaker(Speaker(actorID: "unlinked:" + key.joined(separator: " "), actorName: written, agreement: agreement,
                                vague: false, nameKey: key), explicit: !states.isEmpty && !named.isEmpty)
    }
}
