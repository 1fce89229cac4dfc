import Foundation

/// Binding a bare state body speaker («الشرطة», «وزارة الداخلية», «الرئيس») to a state: the extractor
/// side of `CountryContext` (which scores the states of an article and lives with the actors).
extension ArabicExtractor {
    /// A speaker phrase resolved (`resolveSpeaker`), then, when it stayed unlinked and is a bare state
    /// body («الشرطة», «وزارة الداخلية», «الرئيس»), bound through its antecedent or the article's state
    /// (`CountryContext`).
    func resolve(_ ph: Phrase, _ c: Ctx, _ state: inout DocState, agreement: ArabicLexicon.Agreement)
        -> (Speaker, String, Statement.Resolution, Double)? {
        guard let r = resolveSpeaker(ph, c, &state, agreement: agreement) else { return nil }
        guard !r.0.vague, r.0.actorID.hasPrefix("unlinked:"),
              let bound = stateBody(r.0, ph, c, &state, agreement: agreement) else { return r }
        return (bound.0, r.1, bound.1, bound.2)
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
            switch t {
            case .actor(let ai): return (registrySpeaker(ai, agreement: agreement), .name)
            case .role(let ri):
                if let b = state.roleBinding[ri] { return (b, .role) }
                guard let h = matcher.holder(ofRole: ri, on: state.published) else { return nil }
                return (registrySpeaker(h, agreement: agreement), .role)
            }
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
        if state.country == nil {
            state.country = CountryContext.Verdict(country: countries.dominant(body: state.body, title: state.title))
        }
        guard let country = state.country?.country, let t = body.targets[country], let s = speaker(t) else { return nil }
        return (s.0, s.1, CountryContext.contextConfidence)
    }

    /// The organisation among `bodies` of a role the person holds on `date` (Tillerson in March 2018 →
    /// `us-state-department` through `us-secretary-of-state`).
    func office(of person: Int, in bodies: Set<Int>, on date: String?) -> Int? {
        guard let date, date.count >= 10 else { return nil }
        let d = String(date.prefix(10))
        for t in matcher.actors[person].roles {
            if let f = t.from, String(f.prefix(10)) > d { continue }
            if let u = t.until, String(u.prefix(10)) < d { continue }
            guard let ri = matcher.role(id: t.role), let o = index.roleOrganisation[ri], bodies.contains(o) else { continue }
            return o
        }
        return nil
    }
}
