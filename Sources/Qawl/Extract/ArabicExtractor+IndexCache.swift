import Foundation

/// The Arabic linking index's registry-derived part (`LinkingIndex.Resolved`: surnames, heads,
/// states and outlets per actor, the country context's bodies and governments) cached beside the
/// registry snapshot. Building it took about 0.14 G instructions, 3 % of a one-core run over the
/// WARC sample and serial start-up of every run that meets an Arabic document; reading it takes a
/// few million.
///
/// It depends on the registry, on the lexicons of `data/lexicons/ar` (heads, particles, media heads,
/// countries, state bodies, clitics …) and on the code that normalises and matches, so its key is
/// the registry snapshot's (format, executable, registry files) and the name and bytes of every file
/// of the lexicon folder: editing any lexicon file rebuilds it (a few files would do; every file is
/// the rule that cannot miss one). A file that does not decode, or whose indices do not fit the
/// registry and the lexicons' states, is rebuilt, never used.
///
///     header: "QAWLARX1" · key · payload length · payload hash (`RegistrySnapshot.frame`)
///     payload: string table · actor, role and state counts · surnames · heads per actor and per
///              role · states per actor · outlets · bodies (key, state → target) · government and
///              state actor per state · the words of the two state matchers' names
extension ArabicExtractor.LinkingIndex {
    static let cacheMagic: [UInt8] = Array("QAWLARX1".utf8)
    static let cacheKind = "arabic-index"

    /// The index of `lexicon` (read from the folder `lexicons`) and `matcher` (built from the registry
    /// `cache` was loaded with): its registry-derived part from the cache when current, else built
    /// and written there. `cache` nil: always built (`.disabled`).
    static func load(lexicon: ArabicLexicon, matcher: ActorMatcher, lexicons: URL,
                     cache: RegistrySnapshot.Cache?) -> (index: ArabicExtractor.LinkingIndex, outcome: RegistrySnapshot.Outcome) {
        guard let cache, let key = cache.key(cacheKind, inputs: lexicons) else {
            return (.init(lexicon: lexicon, matcher: matcher), .disabled)
        }
        let file = cache.file(cacheKind, inputs: lexicons)
        var outcome = RegistrySnapshot.Outcome.rebuilt
        if let bytes = FileManager.default.contents(atPath: file.path) {
            switch decode([UInt8](bytes), key: key, actors: matcher.actors.count, roles: matcher.roles.count) {
            case .success(let (resolved, states)):
                let index = ArabicExtractor.LinkingIndex(lexicon: lexicon, matcher: matcher, resolved: resolved)
                // the states are the lexicons' (`countries.tsv`): known only once the context is read
                if index.countries.ids.count == states { return (index, .hit) }
                outcome = .corrupt(reason: "\(states) states, the lexicons have \(index.countries.ids.count)")
            case .failure(.stale): break
            case .failure(.corrupt(let reason)): outcome = .corrupt(reason: reason)
            }
        }
        let index = ArabicExtractor.LinkingIndex(lexicon: lexicon, matcher: matcher)
        // a cache that cannot be written only costs the next run time
        try? FileManager.default.createDirectory(at: cache.folder, withIntermediateDirectories: true)
        try? AtomicFile.write(encode(index.resolved, states: index.countries.ids.count, key: key), to: file)
        return (index, outcome)
    }

    // MARK: - Encoding

    /// Sets and dictionaries are written in byte order of their keys, so that the same index always
    /// makes the same file.
    static func encode(_ r: Resolved, states: Int, key: UInt64) -> [UInt8] {
        var w = RegistrySnapshot.Writer()
        func sorted(_ keys: some Sequence<WordKey>) -> [String] {
            keys.map(\.string).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
        let target = ActorMatcher.number(of:)
        w.int(r.actorHeads.count)
        w.int(r.roleHeads.count)
        w.int(states)
        let surnames = sorted(r.surnames.keys)
        w.int(surnames.count)
        for s in surnames { w.string(s); w.ints(r.surnames[WordKey(s)]!) }
        for heads in r.actorHeads { w.strings(sorted(heads)) }
        for heads in r.roleHeads { w.strings(sorted(heads)) }
        for states in r.actorCountries { w.ints(states) }
        w.ints(r.outlets.sorted())
        let bodies = r.countries.bodies.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        w.int(bodies.count)
        for k in bodies {
            let body = r.countries.bodies[k]!
            w.string(k)
            w.int(body.targets.count)
            for c in body.targets.keys.sorted() { w.int(c); w.int(target(body.targets[c]!)) }
        }
        for list in [r.countries.government, r.countries.stateActor] {
            w.int(list.count)
            for t in list { w.int(t.map { target($0) + 1 } ?? 0) }
        }
        w.nameWords(r.countries.cueNames)
        w.nameWords(r.countries.stateFormNames)
        return RegistrySnapshot.frame(w.payload, key: key, magic: cacheMagic)
    }

    /// The cached part and the number of states it was built with, for a matcher of `actors` actors
    /// and `roles` roles: every index is checked against these.
    static func decode(_ bytes: [UInt8], key: UInt64, actors: Int, roles: Int)
        -> Result<(Resolved, states: Int), RegistrySnapshot.DecodeFailure> {
        typealias Failure = RegistrySnapshot.DecodeFailure
        let header: Int
        switch RegistrySnapshot.unframe(bytes, key: key, magic: cacheMagic, what: "linking index cache") {
        case .success(let h): header = h
        case .failure(let failure): return .failure(failure)
        }
        return bytes.withUnsafeBufferPointer { all in
            var r = RegistrySnapshot.Reader(bytes: UnsafeBufferPointer(rebasing: all[header...]))
            do {
                try r.readTable()
                guard try r.int() == actors, try r.int() == roles else { throw Failure.corrupt("built for another registry") }
                let states = try r.int()
                func target(_ n: Int) throws -> ActorMatcher.Target {
                    guard let t = ActorMatcher.target(number: n, actors: actors, roles: roles) else {
                        throw Failure.corrupt("target \(n) beyond the registry")
                    }
                    return t
                }
                func heads() throws -> Set<WordKey> {
                    let list = try r.strings()
                    return list.isEmpty ? [] : Set(list.map(WordKey.init))
                }
                var surnames: [WordKey: [Int]] = [:]
                let surnameCount = try r.count()
                surnames.reserveCapacity(surnameCount)
                for _ in 0..<surnameCount { let s = try r.string(); surnames[WordKey(s)] = try r.ints(below: actors) }
                var actorHeads: [Set<WordKey>] = []
                actorHeads.reserveCapacity(actors)
                for _ in 0..<actors { actorHeads.append(try heads()) }
                var roleHeads: [Set<WordKey>] = []
                roleHeads.reserveCapacity(roles)
                for _ in 0..<roles { roleHeads.append(try heads()) }
                var actorCountries: [[Int]] = []
                actorCountries.reserveCapacity(actors)
                for _ in 0..<actors { actorCountries.append(try r.ints(below: states)) }
                let outlets = Set(try r.ints(below: actors))
                var bodies: [String: CountryContext.Body] = [:]
                let bodyCount = try r.count()
                for _ in 0..<bodyCount {
                    let k = try r.string()
                    var body = CountryContext.Body()
                    let n = try r.count()
                    for _ in 0..<n {
                        let c = try r.int()
                        guard c < states else { throw Failure.corrupt("state \(c) beyond \(states)") }
                        let t = try target(r.int())
                        body.targets[c] = t
                        switch t {
                        case .actor(let ai): body.actors.insert(ai)
                        case .role(let ri): body.roles.insert(ri)
                        }
                    }
                    bodies[k] = body
                }
                var perState: [[ActorMatcher.Target?]] = []
                for _ in 0..<2 {
                    guard try r.int() == states else { throw Failure.corrupt("not one target per state") }
                    var list: [ActorMatcher.Target?] = []
                    list.reserveCapacity(states)
                    for _ in 0..<states {
                        let t = try r.int()
                        list.append(t == 0 ? nil : try target(t - 1))
                    }
                    perState.append(list)
                }
                // (words that do not fit the states' names are tokenised again by `ActorMatcher`)
                let cueNames = try r.nameWords(), stateFormNames = try r.nameWords()
                guard r.atEnd else { throw Failure.corrupt("\(r.remaining) bytes left over") }
                let countries = CountryContext.Resolved(bodies: bodies, government: perState[0], stateActor: perState[1],
                                                        cueNames: cueNames, stateFormNames: stateFormNames)
                return .success((Resolved(surnames: surnames, actorHeads: actorHeads, roleHeads: roleHeads,
                                          actorCountries: actorCountries, outlets: outlets, countries: countries), states))
            } catch let failure as Failure {
                return .failure(failure)
            } catch {
                return .failure(.corrupt("\(error)"))
            }
        }
    }
}
