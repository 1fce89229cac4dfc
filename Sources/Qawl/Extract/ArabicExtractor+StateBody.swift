import Foundation

/// Binding a bare state body speaker («الشرطة», «وزارة الداخلية», «الرئيس») to a state: the extractor
/// side of `CountryContext` (which scores the states of an article and lives with the actors).
extension ArabicExtractor {
    /// A speaker phrase resolved (`resolveSpeaker`), then, when it stayed unlinked and is a bare state
    /// body («الشرطة», «وزارة الداخلية», «الرئيس»), bound through its antecedent or the article's state
    /// (`CountryContext`).
    func resolve(_ ph: Phrase, _ c: Ctx, _ state: inout DocState, agreement: ArabicLexicon.Agreement)
        -> (Speaker, String, Statement.Resolution, Double)? {
        let ph = ph.named
        guard let r = resolveSpeaker(ph, c, &state, agreement: agreement) else { return nil }
        guard !r.0.vague, r.0.actorID.isUnlinkedActorID else { return r }
        if let bound = stateBody(r.0, ph, c, &state, agreement: agreement) {
            bindOffice(ph, bound.0, bound.2, c, &state)
            return (bound.0, r.1, bound.1, bound.2)
        }
        if let office = stateOffice(r.0, ph, c, state, agreement: agreement) {
            bindOffice(ph, office.0, office.1, c, &state)
            return (office.0, r.1, .role, office.1)
        }
        if let spoken = spokesperson(ph, c, &state, agreement: agreement) {
            bindOffice(ph, spoken.0, spoken.1, c, &state)
            return (spoken.0, r.1, .carryover, spoken.1)
        }
        // «وقالت الشركة» after «شركة "سانوفي"», «المدرب الألماني» after «مدرب ليفربول يورغن كلوب»
        // (only a phrase that stayed its own words: not one the document bound to an earlier speaker)
        if let head = definiteHead(ph, c),
           r.0.actorID.utf8.elementsEqual(("unlinked:" + normKey(c, ph.start, ph.end).joined(separator: " ")).utf8),
           let found = definiteAntecedent(head, ph, c, &state, agreement: agreement) {
            return (found.0, r.1, .carryover, found.1)
        }
        // an indefinite title phrase that stays its own words («قال متحدث باسم البرلمان») is whom a
        // later definite head means («وأضاف المتحدث»: the longer-title lookup in `resolveSpeaker`)
        if wordCount(c.tokens, ph.start, ph.end) >= 2, !hasArticle(c.tokens[ph.start]), inSet(c.tokens[ph.start], lexicon.titles),
           r.0.actorID.utf8.elementsEqual(("unlinked:" + titleKey(c, ph.start, ph.end, foldingFeminine: false)).utf8) {
            let key = titleKey(c, ph.start, ph.end)
            if state.titleBinding[key] == nil { state.titleBinding[key] = r.0 }
        }
        return r
    }

    /// A phrase of two words or more opening with an anaphoric head and linked through its state or
    /// its antecedent («المتحدث باسم السفارة الأمريكية» → the US embassy, «وزارة الصحة» → the
    /// article's state's ministry): a later bare head («وأشار المتحدث إلى …», «وقالت الوزارة») may
    /// mean that actor (`anaphor`, which weighs it against the registry mentions by position).
    func bindOffice(_ ph: Phrase, _ sp: Speaker, _ confidence: Double, _ c: Ctx, _ state: inout DocState) {
        guard !c.isTitle, wordCount(c.tokens, ph.start, ph.end) >= 2, c.tokens[ph.start].kind == .word,
              let h = lexicon.clitics.stems(c.tokens[ph.start].norm).first(where: { lexicon.anaphoricHeads.contains("ال" + $0) || lexicon.anaphoricHeads.contains($0) })
        else { return }
        let bare = h.unicodeScalars.starts(with: "ال".unicodeScalars) ? String(h.unicodeScalars.dropFirst(2)) : h
        state.officeBindings.append((head: bare, at: ph.start, speaker: sp, confidence: confidence))
    }

    /// Confidence of a spokesperson linked to the organisation an anaphoric head or a pronoun refers to.
    static let spokespersonConfidence = 0.55

    /// «المتحدث باسم الشركة», «متحدث باسم الوزارة», «الناطقة باسمها»: a spokesperson office
    /// (`state_offices.tsv`, mode `for`) followed by one anaphoric head (`anaphoric_heads.txt`), which
    /// is resolved as a speaker would be (`anaphor`: the organisation named last with that head), or by
    /// «باسمها», which means the registry name just before it. Only an organisation is taken
    /// (a person's spokesperson is not the person); otherwise nil.
    func spokesperson(_ ph: Phrase, _ c: Ctx, _ state: inout DocState, agreement: ArabicLexicon.Agreement) -> (Speaker, Double)? {
        let tokens = c.tokens
        var end = ph.end
        while end > ph.start, tokens[end - 1].kind == .punct { end -= 1 }
        var idx: [Int] = []
        for i in ph.start..<end {
            guard tokens[i].kind == .word else { return nil }
            idx.append(i)
        }
        guard idx.count >= 2, idx.count <= 4 else { return nil }
        var words = idx.map { tokens[$0].norm }
        let last = words[words.count - 1]
        // «باسمه» is more often a person's («محافظ الولاية، وفق المتحدث باسمه»): only «باسمها»
        if last == "باسمها" {
            words[words.count - 1] = "باسم"
            guard let o = index.countries.office(words), o.mode == .for, o.words == words.count else { return nil }
            // the organisation named last before it, near: «وسارعت وزارة الدفاع الأمريكية (البنتاغون)
            // إلى نفي … وقال متحدث باسمها» (not the agency that spoke before)
            guard !c.isTitle else { return nil }
            scanMentions(upTo: ph.start, &state)
            guard let m = state.mentions.last(where: { $0.end <= ph.start }), ph.start - m.end <= Self.latterWindow,
                  !m.ambiguous, case .actor(let ai) = m.target, matcher.actors[ai].kind == .organisation else { return nil }
            return (registrySpeaker(ai, agreement: agreement), Self.spokespersonConfidence)
        }
        guard let o = index.countries.office(words), o.mode == .for, o.words == words.count - 1 else { return nil }
        let t = idx[idx.count - 1]
        let bound = state.titleBinding[titleKey(c, t, t + 1)]
        let sp: Speaker
        if let b = bound, !b.actorID.isUnlinkedActorID { sp = b }
        else if bound == nil, let a = anaphor(t, c, &state, agreement: agreement) { sp = a.0 }
        else { return nil }
        guard index.organisations.contains(sp.actorID) else { return nil }
        return (sp, Self.spokespersonConfidence)
    }

    /// Confidence of a link of an office to a body of its state («السفير الروسي» → the Russian
    /// embassy), and to the state's government or the state itself («وزير الإعلام الإريتري»).
    static let officeBodyConfidence = 0.6
    static let officeStateConfidence = 0.45

    /// An unlinked speaker that is an office or body named with its state (`state_offices.tsv`):
    /// «المتحدث باسم الجيش المصري» → the Egyptian army (a registry organisation inside the phrase);
    /// «السفير الروسي», «سفير روسيا لدى الاتحاد الأوروبي» → the Russian embassy (a body form of the
    /// office in that state); «وزير الإعلام الإريتري», «الرئيس القبرصي» → the state's government, else
    /// the state. Spokespeople («المتحدث باسم البنتاغون») speak for any registry organisation ending
    /// the phrase. Never for a former holder (`former.txt`) or a person named after the office.
    func stateOffice(_ sp: Speaker, _ ph: Phrase, _ c: Ctx, _ state: DocState, agreement: ArabicLexicon.Agreement)
        -> (Speaker, Double)? {
        let countries = index.countries
        guard !countries.offices.isEmpty else { return nil }
        let tokens = c.tokens
        var end = ph.end
        while end > ph.start, tokens[end - 1].kind == .punct { end -= 1 }
        var wordTokens: [Int] = []
        // «متحدث باسم وزارة الدفاع (البنتاغون)»: a parenthesised gloss ending the phrase (its «(»)
        var gloss: Int?
        for i in ph.start..<end {
            if tokens[i].kind == .punct, tokens[i].punct == 0x28, i > ph.start, parenthesisedGloss(at: i, limit: ph.end, c) == end {
                gloss = i; continue
            }
            // a comma, a quote: an apposition or a quoted name, no bare office phrase
            guard tokens[i].kind == .word || tokens[i].kind == .number else { return nil }
            wordTokens.append(i)
        }
        let words = CountryContext.words(titleKey(c, ph.start, end))
        guard words.count == wordTokens.count, let office = countries.office(words), office.words < words.count else { return nil }
        if words.contains(where: countries.isFormer) { return nil }
        let spKey = CountryContext.canonical(CountryContext.words(sp.actorID.dropFirst("unlinked:".count)))
        let whole = CountryContext.canonical(words)
        let headEnd = wordTokens[office.words]
        let inner = matcher.mentions(in: tokens, range: headEnd..<end).filter { !$0.ambiguous }
        func speaker(_ t: ActorMatcher.Target) -> Speaker? {
            if let sp = targetSpeaker(t, state, agreement: agreement) { return sp }
            if case .role(let ri) = t, let o = index.roleOrganisation[ri] { return registrySpeaker(o, agreement: agreement) }
            return nil
        }
        /// A registry organisation named inside the phrase, or the organisation of a role named there.
        func organisation(_ m: ActorMatcher.Mention) -> Int? {
            switch m.target {
            case .actor(let ai): return matcher.actors[ai].kind == .organisation ? ai : nil
            case .role(let ri): return index.roleOrganisation[ri]
            }
        }
        func gap(_ from: Int, _ to: Int) -> Int? {   // words between, none a preposition
            var n = 0
            for i in from..<to { if isStop(tokens[i]) { return nil }; n += 1 }
            return n
        }
        /// The speaker is the office phrase itself, or the part of it from word `k` on that the title
        /// split left as a «name» («سفير روسيا» → «روسيا»).
        func isOffice(from k: Int) -> Bool {
            spKey == whole || (office.words...k).contains { spKey == CountryContext.canonical(Array(words[$0...])) }
        }
        // «المتحدث باسم البنتاغون», «متحدث باسم الحكومة التركية»: a spokesperson speaks for the organisation
        if office.mode == .for, let last = inner.last, last.end == end, last.start == headEnd, !last.governed,
           let o = organisation(last), let k = wordTokens.firstIndex(of: last.start), isOffice(from: k) {
            return (registrySpeaker(o, agreement: agreement), Self.officeBodyConfidence)
        }
        // «متحدث باسم وزارة الدفاع (البنتاغون)»: a registry organisation glossing the body the
        // spokesperson is named for (no preposition in it) is that body
        if office.mode == .for, let g = gloss, g > headEnd, let last = inner.last, last.start == g + 1, last.end == end,
           let o = organisation(last), gap(headEnd, g) != nil, let k = wordTokens.firstIndex(of: last.start), isOffice(from: k) {
            return (registrySpeaker(o, agreement: agreement), Self.officeBodyConfidence)
        }
        // the state: its name or adjective, right after the head or after the office's own words, and
        // after it at most a prepositional phrase («السفير الفلسطيني بالقاهرة», «سفير روسيا لدى …»)
        guard let sm = countries.stateForms.mentions(in: tokens, range: headEnd..<end).first, !sm.ambiguous, !sm.governed,
              case .actor(let sc) = sm.target, let g = gap(headEnd, sm.start), g <= (office.mode == .next ? 0 : 3),
              let k = wordTokens.firstIndex(of: sm.start), isOffice(from: k) else { return nil }
        if sm.end < end, !(isStop(tokens[sm.end]) || isPrepositional(tokens[sm.end])) { return nil }
        // a registry organisation larger than the state's name: «مكتب رئيس الوزراء الإسرائيلي» → the government
        if let m = inner.last(where: { $0.start <= sm.start && $0.end >= sm.end && $0.end - $0.start > sm.end - sm.start }),
           let o = organisation(m) {
            return (registrySpeaker(o, agreement: agreement), Self.officeBodyConfidence)
        }
        // «السفيرة الأمريكية في الأمم المتحدة», «مندوب الكويت لدى الجامعة العربية»: an office posted at
        // a registry organisation that is no state or city («السفير القطري في تركيا», «… في بيروت» are
        // embassies) has no body in a host state: the state's government
        var o = office
        let x = sm.end < end ? sm.end : end
        if x + 1 < tokens.count, tokens[x].kind == .word, countries.postings.contains(CountryContext.canonicalWord(tokens[x].norm)),
           let m = matcher.match(at: x + 1, in: tokens, limit: min(tokens.count, x + 12)), case .actor(let ai) = m.target,
           matcher.actors[ai].kind == .organisation, countries.cues.match(at: x + 1, in: tokens, limit: m.end) == nil {
            o.bodyForms = []
        }
        guard let (t, specific) = countries.officeTarget(o, middle: Array(words[office.words..<k]), state: sc),
              let s = speaker(t) else { return nil }
        return (s, specific ? Self.officeBodyConfidence : Self.officeStateConfidence)
    }

    func stateBody(_ sp: Speaker, _ ph: Phrase, _ c: Ctx, _ state: inout DocState, agreement: ArabicLexicon.Agreement)
        -> (Speaker, Statement.Resolution, Double)? {
        let countries = index.countries
        let position = ph.start
        // the whole phrase first («متحدث باسم وزارة الداخلية»); the unlinked name it was reduced to
        // only when no title was dropped before it («رئيس مجلس الوزراء» is no «مجلس الوزراء»), or when
        // it comes from an earlier phrase («الوزارة» bound to «وزارة الداخلية»)
        let phraseWords = CountryContext.words(titleKey(c, ph.start, ph.end))
        let words = CountryContext.words(sp.actorID.dropFirst("unlinked:".count))
        // neither can be a body key: the common case (people's names), decided on first words
        guard countries.mayBeBody(phraseWords) || countries.mayBeBody(words) else { return nil }
        let found: (CountryContext.Body, Int?)
        if let f = countries.body(phraseWords) {
            found = f
        } else {
            guard countries.mayBeBody(words) else { return nil }
            let whole = CountryContext.canonical(phraseWords), name = CountryContext.canonical(words)
            guard whole == name || !whole.hasSuffix(" " + name), let f = countries.body(words) else { return nil }
            found = f
        }
        let (body, named) = found
        func speaker(_ t: ActorMatcher.Target) -> (Speaker, Statement.Resolution)? {
            guard let sp = targetSpeaker(t, state, agreement: agreement) else { return nil }
            if case .role = t { return (sp, .role) }
            return (sp, .name)
        }
        if let named {   // «الشرطة في القاهرة»
            guard let t = body.targets[named], let s = speaker(t) else { return nil }
            return (s.0, s.1, 0.7)
        }
        // an antecedent: the body in some state, or a holder of the office, named before
        if !c.isTitle {
            scanMentions(upTo: position, &state)
            for m in state.mentions.reversed() where m.end <= position && !m.ambiguous {
                switch m.target {
                case .actor(let ai):
                    if body.actors.contains(ai) { return (registrySpeaker(ai, agreement: agreement), .carryover, 0.6) }
                    guard matcher.actors[ai].kind == .person else { continue }
                    if !body.roles.isEmpty,
                       body.roles.contains(where: { matcher.holder(ofRole: $0, on: state.published) == ai }) {
                        return (registrySpeaker(ai, agreement: agreement), .carryover, 0.6)
                    }
                    // «تيلرسون» … «وزارة الخارجية»: the body of an office the person holds that day
                    if !body.actors.isEmpty, let o = office(of: ai, in: body.actors, on: state.published) {
                        return (registrySpeaker(o, agreement: agreement), .carryover, 0.6)
                    }
                case .role(let ri):
                    if body.roles.contains(ri), let s = speaker(.role(ri)) { return (s.0, .carryover, 0.6) }
                    // «وزير الخارجية الأمريكي» … «وزارة الخارجية»: the office's organisation
                    if let o = index.roleOrganisation[ri], body.actors.contains(o) {
                        return (registrySpeaker(o, agreement: agreement), .carryover, 0.6)
                    }
                }
            }
        }
        // the article's state
        guard let country = articleCountry(&state), let t = body.targets[country], let s = speaker(t) else { return nil }
        return (s.0, s.1, CountryContext.contextConfidence)
    }

    /// A bare state body opening at token `u` with the head `bare` («وزارة الدفاع», «لوزارة الصحة»),
    /// as the body of the state it names («… في مصر») or of the article's state (`CountryContext`),
    /// else as the same body named before token `i` in some state.
    func stateBody(at u: Int, head bare: String, before i: Int, _ c: Ctx, _ state: inout DocState, agreement: ArabicLexicon.Agreement) -> Speaker? {
        let countries = index.countries
        var words = [bare]
        var e = u + 1
        while e < c.tokens.count, e - u < 4, c.tokens[e].kind == .word { words.append(c.tokens[e].norm); e += 1 }
        while words.count >= 2 {
            if let (body, named) = countries.body(words) {
                guard let country = named ?? articleCountry(&state), let t = body.targets[country] else {
                    // no state clear: the body as named earlier in some state («وزارة الخارجية البريطانية»)
                    for m in state.mentions.reversed() where m.end <= i && !m.ambiguous {
                        if case .actor(let ai) = m.target, body.actors.contains(ai) { return registrySpeaker(ai, agreement: agreement) }
                    }
                    return nil
                }
                return targetSpeaker(t, state, agreement: agreement)
            }
            words.removeLast()
        }
        return nil
    }

    /// Who speaks for a registry target in this document: an actor itself; for a role, the person
    /// the document bound it to («الرئيس الأمريكي دونالد ترامب»), else its holder on the
    /// document's date. Nil for a role nobody held that day.
    func targetSpeaker(_ t: ActorMatcher.Target, _ state: DocState, agreement: ArabicLexicon.Agreement) -> Speaker? {
        switch t {
        case .actor(let ai): return registrySpeaker(ai, agreement: agreement)
        case .role(let ri):
            if let b = state.roleBinding[ri] { return b }
            return matcher.holder(ofRole: ri, on: state.published).map { registrySpeaker($0, agreement: agreement) }
        }
    }

    /// The article's state (`CountryContext.dominant`), decided on first need and kept in `state`.
    func articleCountry(_ state: inout DocState) -> Int? {
        if state.country == nil {
            state.country = CountryContext.Verdict(country: index.countries.dominant(body: state.body, title: state.title))
        }
        return state.country?.country
    }

    /// The organisation among `bodies` of a role the person holds on `date` (Tillerson in March 2018 →
    /// `us-state-department` through `us-secretary-of-state`).
    func office(of person: Int, in bodies: Set<Int>, on date: String?) -> Int? {
        guard RoleTenure.day(date) != nil else { return nil }
        return matcher.roles(heldBy: person, on: date).lazy.compactMap { index.roleOrganisation[$0] }.first { bodies.contains($0) }
    }
}
