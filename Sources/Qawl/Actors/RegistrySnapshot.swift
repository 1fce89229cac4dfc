import Foundation

/// A compiled copy of the actor registry: every actor and role, where each was read from, and the
/// normalised words of every name (`ActorMatcher.NameWords`), in a compact binary file. Reading it
/// replaces parsing the registry's YAML and tokenising its ~40,000 names, which were most of a run's
/// start-up (about 0.5 s, paid again by every Spark task and every small nightly input).
///
/// The file lives in a cache folder (`$XDG_CACHE_HOME/qawl`, else `~/.cache/qawl`; `--registry-cache
/// DIR` or `registry_cache:` elsewhere, `off` for none), one per registry folder and executable. It is used only
/// when its key matches: a hash of the snapshot format, of the running executable (size and
/// modification time: the tokenizer that made the words is code) and of every registry file's name
/// and bytes. Otherwise the YAML is read as before and the snapshot rewritten (atomically: temporary
/// file, then rename). A snapshot that does not decode is reported as a warning and rebuilt.
/// `qawl actors check` always reads the YAML.
///
/// Indexes built from the registry and something else (the Arabic extractor's linking index, which
/// also reads the lexicons) are cached beside it under the same rules (`Cache`, `frame`/`unframe`):
/// keyed by this snapshot's key and the hash of what else they read, rebuilt when either changes
/// or the file does not decode.
///
///     header: "QAWLREG1" · key (8 bytes) · payload length (8) · payload hash (8) · payload
///     payload: string table (count, then each distinct string) · actors, roles, sources and name
///              words, every string as its index in the table · the matcher's name trie
///              (`NameTrie.write`: inserting the ~19,000 names again cost 0.02 G instructions)
///
/// The table holds each distinct string once (28,000 of the registry's 84,000: a word like «وزير»
/// or a source file's name recurs thousands of times); decoding made a `String` of every
/// occurrence, validating its UTF-8, a third of reading the snapshot.
public enum RegistrySnapshot {
    /// Bump when the payload layout of the snapshot or of an index cached beside it changes (2: the
    /// string table; 3: the name trie, and the Arabic linking index beside it,
    /// `ArabicExtractor.LinkingIndex.load`).
    static let format: UInt64 = 3
    static let magic: [UInt8] = Array("QAWLREG1".utf8)

    /// What `load` did, for the caller's warning and for tests.
    public enum Outcome: Equatable, Sendable {
        /// The snapshot matched and was read.
        case hit
        /// There was none, or it was stale: the YAML was read (and the snapshot written, if it could be).
        case rebuilt
        /// The snapshot was unreadable (`reason`) and was rebuilt from the YAML.
        case corrupt(reason: String)
        /// No cache folder: the YAML was read.
        case disabled
    }

    public struct Loaded: Sendable {
        public var registry: ActorRegistry
        public var names: ActorMatcher.NameWords
        public var outcome: Outcome
        /// Where indexes derived from this registry are cached; nil without a cache folder.
        public var cache: Cache? = nil
        /// The name trie of `names` (`ActorMatcher.trie`) when it was read or built here; nil: the
        /// matcher builds it.
        var trie: NameTrie? = nil
    }

    /// The cache folder and key of one loaded registry, for the indexes built from it and from other
    /// files (`ArabicExtractor.LinkingIndex.load`). An index's key is this snapshot's key (format,
    /// executable, registry files) and the hash of the other files it reads; its file is named by
    /// the registry folder, the executable and those files' folder, as the snapshot's is.
    public struct Cache: Sendable {
        public let folder: URL
        let registry: URL
        let key: UInt64

        /// The file of index `kind` built from this registry and the files of `inputs`.
        func file(_ kind: String, inputs: URL) -> URL {
            let path = Array((registry.standardizedFileURL.path + "\u{0}" + executablePath() + "\u{0}"
                              + inputs.standardizedFileURL.path).utf8)
            let h = path.withUnsafeBufferPointer { Hash64.hash($0, seed: 0) }
            return folder.appendingPathComponent(kind + "-" + String(h, radix: 16) + ".bin")
        }

        /// This registry's key, `kind` and the name and bytes of every file of `folder` (sorted, as
        /// the registry's key reads its folder); nil when the folder or a file cannot be read (the
        /// index is then built and not cached).
        func key(_ kind: String, inputs folder: URL) -> UInt64? {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() else { return nil }
            var h = Hash64(seed: key)
            h.add(Array(kind.utf8))
            for name in names {
                var isDirectory: ObjCBool = false
                let path = folder.appendingPathComponent(name).path
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
                if isDirectory.boolValue { continue }
                guard let data = FileManager.default.contents(atPath: path) else { return nil }
                h.add(Array(name.utf8))
                h.add([UInt8](data))
            }
            return h.value
        }
    }

    /// The default cache folder: `$XDG_CACHE_HOME/qawl`, else `$HOME/.cache/qawl`.
    public static func defaultCacheDirectory() -> URL? {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return URL(fileURLWithPath: xdg).appendingPathComponent("qawl") }
        if let home = env["HOME"], !home.isEmpty { return URL(fileURLWithPath: home).appendingPathComponent(".cache/qawl") }
        return nil
    }

    /// The registry of `directory` and its names' words, from the snapshot in `cache` when it is
    /// current, else from the YAML (then written to `cache`). `cache` nil: always the YAML.
    /// Throws what `ActorRegistry.load` throws for a registry that does not load.
    public static func load(directory: URL, cache: URL?) throws -> Loaded {
        guard let cache else {
            let registry = try ActorRegistry.load(directory: directory)
            return Loaded(registry: registry, names: ActorMatcher.NameWords(actors: registry.actors, roles: registry.roles),
                          outcome: .disabled)
        }
        let key = try self.key(directory: directory)
        let file = snapshotURL(directory: directory, cache: cache)
        var outcome = Outcome.rebuilt
        if let bytes = FileManager.default.contents(atPath: file.path) {
            switch decode([UInt8](bytes), key: key) {
            case .success(let loaded):
                return Loaded(registry: loaded.0, names: loaded.1, outcome: .hit,
                              cache: Cache(folder: cache, registry: directory, key: key), trie: loaded.2)
            case .failure(.stale): break
            case .failure(.corrupt(let reason)): outcome = .corrupt(reason: reason)
            }
        }
        let registry = try ActorRegistry.load(directory: directory)
        let names = ActorMatcher.NameWords(actors: registry.actors, roles: registry.roles)
        // A cache that cannot be written (read-only home, full disk) only costs the next run time.
        try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let trie = ActorMatcher.trie(names)
        try? AtomicFile.write(encode(registry, names, trie: trie, key: key), to: file)
        return Loaded(registry: registry, names: names, outcome: outcome, cache: Cache(folder: cache, registry: directory, key: key),
                      trie: trie)
    }

    /// The snapshot file of a registry folder as read by this executable: one per pair (by their
    /// paths, so that two builds side by side do not evict each other's), overwritten when the
    /// registry or the executable at that path changes.
    static func snapshotURL(directory: URL, cache: URL) -> URL {
        let path = Array((directory.standardizedFileURL.path + "\u{0}" + executablePath()).utf8)
        let h = path.withUnsafeBufferPointer { Hash64.hash($0, seed: 0) }
        return cache.appendingPathComponent("registry-" + String(h, radix: 16) + ".bin")
    }

    /// Format, executable and every `*.yaml`/`*.yml` file of `directory` (names sorted, as
    /// `ActorRegistry.load` reads them, with their bytes).
    static func key(directory: URL) throws -> UInt64 {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            throw RegistryLoadError.unreadable(file: directory.path, reason: "\(error)")
        }
        var h = Hash64(seed: format)
        h.add(executableIdentity())
        for name in names {
            h.add(Array(name.utf8))
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
                throw RegistryLoadError.unreadable(file: name, reason: "not readable")
            }
            h.add([UInt8](data))
        }
        return h.value
    }

    /// Path, size and modification time of the running executable: a rebuilt qawl (whose
    /// normalisation may have changed) does not read its predecessor's words.
    static func executableIdentity() -> [UInt8] {
        let path = executablePath()
        var st = stat()
        guard stat(path, &st) == 0 else { return Array(path.utf8) }
        return Array("\(path)\u{0}\(st.st_size)\u{0}\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)\u{0}\(st.st_ino)".utf8)
    }

    static func executablePath() -> String {
        var buffer = [Int8](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return n > 0 ? String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                     : (CommandLine.arguments.first ?? "")
    }

    // MARK: - Encoding

    enum DecodeFailure: Error { case stale, corrupt(String) }

    /// `trie`: `ActorMatcher.trie(names)`, built here when not given.
    static func encode(_ registry: ActorRegistry, _ names: ActorMatcher.NameWords, trie: NameTrie? = nil, key: UInt64) -> [UInt8] {
        var w = Writer()
        w.int(registry.actors.count)
        for a in registry.actors {
            w.string(a.id)
            w.byte(a.kind == .person ? 0 : 1)
            w.byte(a.gender == nil ? 0 : a.gender == .male ? 1 : 2)
            w.optional(a.wikidata)
            w.string(a.name)
            w.strings(a.aliases)
            w.strings(a.contextAliases)
            w.int(a.roles.count)
            for t in a.roles { w.string(t.role); w.optional(t.from); w.optional(t.until) }
        }
        w.int(registry.roles.count)
        for r in registry.roles {
            w.string(r.id)
            w.optional(r.organisation)
            w.byte(r.singleHolder ? 1 : 0)
            w.strings(r.aliases)
        }
        for sources in [registry.actorSources, registry.roleSources] {
            let keys = sources.keys.sorted()
            w.int(keys.count)
            for k in keys { w.string(k); w.string(sources[k]!) }
        }
        w.nameWords(names)
        (trie ?? ActorMatcher.trie(names)).write(to: &w)
        return frame(w.payload, key: key, magic: magic)
    }

    /// A cache file: `magic` · key (8 bytes) · payload length (8) · payload hash (8) · payload.
    static func frame(_ payload: [UInt8], key: UInt64, magic: [UInt8]) -> [UInt8] {
        var out = magic
        Hash64.append(key, to: &out)
        Hash64.append(UInt64(payload.count), to: &out)
        Hash64.append(payload.withUnsafeBufferPointer { Hash64.hash($0, seed: 1) }, to: &out)
        out += payload
        return out
    }

    /// Where the payload of a `frame`d file starts: `.stale` for another key, `.corrupt` for a
    /// header, length or checksum that does not match.
    static func unframe(_ bytes: [UInt8], key: UInt64, magic: [UInt8], what: String) -> Result<Int, DecodeFailure> {
        let header = magic.count + 24
        guard bytes.count >= header, Array(bytes[..<magic.count]) == magic else {
            return .failure(.corrupt("not a \(what) (bad header)"))
        }
        let storedKey = Hash64.read(bytes, at: magic.count)
        let length = Hash64.read(bytes, at: magic.count + 8)
        let checksum = Hash64.read(bytes, at: magic.count + 16)
        guard storedKey == key else { return .failure(.stale) }
        guard length == UInt64(bytes.count - header) else {
            return .failure(.corrupt("payload is \(bytes.count - header) bytes, header says \(length)"))
        }
        let sum = bytes.withUnsafeBufferPointer { Hash64.hash(UnsafeBufferPointer(rebasing: $0[header...]), seed: 1) }
        guard sum == checksum else { return .failure(.corrupt("payload checksum does not match")) }
        return .success(header)
    }

    static func decode(_ bytes: [UInt8], key: UInt64) -> Result<(ActorRegistry, ActorMatcher.NameWords, NameTrie), DecodeFailure> {
        let header: Int
        switch unframe(bytes, key: key, magic: magic, what: "registry snapshot") {
        case .success(let h): header = h
        case .failure(let failure): return .failure(failure)
        }
        return bytes.withUnsafeBufferPointer { all in
            var r = Reader(bytes: UnsafeBufferPointer(rebasing: all[header...]))
            do {
                try r.readTable()
                var actors: [Actor] = []
                let actorCount = try r.count()
                actors.reserveCapacity(actorCount)
                for _ in 0..<actorCount {
                    let id = try r.string()
                    let kind: Actor.Kind = try r.byte() == 0 ? .person : .organisation
                    let g = try r.byte()
                    let gender: Actor.Gender? = g == 0 ? nil : g == 1 ? .male : .female
                    let wikidata = try r.optional()
                    let name = try r.string()
                    let aliases = try r.strings()
                    let context = try r.strings()
                    var tenures: [RoleTenure] = []
                    let tenureCount = try r.count()
                    for _ in 0..<tenureCount {
                        tenures.append(RoleTenure(role: try r.string(), from: try r.optional(), until: try r.optional()))
                    }
                    actors.append(Actor(id: id, kind: kind, gender: gender, wikidata: wikidata, name: name,
                                        aliases: aliases, contextAliases: context, roles: tenures))
                }
                var roles: [Role] = []
                let roleCount = try r.count()
                for _ in 0..<roleCount {
                    let id = try r.string()
                    let organisation = try r.optional()
                    let single = try r.byte() == 1
                    roles.append(Role(id: id, organisation: organisation, singleHolder: single, aliases: try r.strings()))
                }
                var sources: [[String: String]] = []
                for _ in 0..<2 {
                    var map: [String: String] = [:]
                    let n = try r.count()
                    map.reserveCapacity(n)
                    for _ in 0..<n { let k = try r.string(); map[k] = try r.string() }
                    sources.append(map)
                }
                let names = try r.nameWords()
                let trie = try NameTrie.read(from: &r, actors: actors.count, roles: roles.count)
                guard r.atEnd else { throw DecodeFailure.corrupt("\(r.remaining) bytes left over") }
                guard names.fits(actors: actors, roles: roles) else { throw DecodeFailure.corrupt("name words do not fit the actors") }
                let registry = ActorRegistry(actors: actors, roles: roles, actorSources: sources[0], roleSources: sources[1])
                return .success((registry, names, trie))
            } catch let failure as DecodeFailure {
                return .failure(failure)
            } catch {
                return .failure(.corrupt("\(error)"))
            }
        }
    }

    /// Writes a payload: numbers as LEB128, strings as indices into a table written first.
    struct Writer {
        var bytes: [UInt8] = []
        /// Distinct strings by their bytes (not `String` equality: canonically equivalent strings
        /// spelt differently stay apart) → index, in order of first use.
        private var index: [WordKey: Int] = [:]
        private var table: [String] = []

        mutating func byte(_ b: UInt8) { bytes.append(b) }
        /// LEB128.
        mutating func int(_ n: Int) { Self.int(n, into: &bytes) }
        static func int(_ n: Int, into bytes: inout [UInt8]) {
            var v = UInt64(n)
            while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
            bytes.append(UInt8(v))
        }
        /// A string, as its index in the table.
        mutating func string(_ s: String) {
            let key = WordKey(s)
            if let k = index[key] { int(k); return }
            index[key] = table.count
            int(table.count)
            table.append(s)
        }
        /// The string table, then what was written.
        var payload: [UInt8] {
            var out: [UInt8] = []
            Self.int(table.count, into: &out)
            for s in table { Self.int(s.utf8.count, into: &out); out += s.utf8 }
            return out + bytes
        }
        mutating func strings(_ list: [String]) { int(list.count); for s in list { string(s) } }
        mutating func ints(_ list: [Int]) { int(list.count); for n in list { int(n) } }
        /// Raw bytes, after their count.
        mutating func raw(_ raw: [UInt8]) { int(raw.count); bytes += raw }
        /// Per actor and per role, the words of each name.
        mutating func nameWords(_ names: ActorMatcher.NameWords) {
            for table in [names.actors, names.contextAliases, names.roles] {
                int(table.count)
                for perEntry in table {
                    int(perEntry.count)
                    for words in perEntry { strings(words) }
                }
            }
        }
        mutating func optional(_ s: String?) {
            if let s { byte(1); string(s) } else { byte(0) }
        }
    }

    /// Reads what `Writer` wrote; every count and index is checked against what is left or known.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0
        /// The string table (`Writer.payload`), read first.
        var table: [String] = []
        var atEnd: Bool { at == bytes.count }
        var remaining: Int { bytes.count - at }

        mutating func byte() throws -> UInt8 {
            guard at < bytes.count else { throw DecodeFailure.corrupt("truncated") }
            at += 1
            return bytes[at - 1]
        }
        mutating func int() throws -> Int {
            var v: UInt64 = 0, shift: UInt64 = 0
            while true {
                let b = try byte()
                guard shift < 63 else { throw DecodeFailure.corrupt("bad number") }
                v |= UInt64(b & 0x7F) << shift
                if b < 0x80 { break }
                shift += 7
            }
            guard v <= UInt64(Int32.max) else { throw DecodeFailure.corrupt("number out of range") }
            return Int(v)
        }
        /// A count of items that each take at least one byte: never more than the bytes left.
        mutating func count() throws -> Int {
            let n = try int()
            guard n <= remaining else { throw DecodeFailure.corrupt("count \(n) beyond the end") }
            return n
        }
        /// Reads the string table at the start of the payload.
        mutating func readTable() throws {
            let n = try count()
            table.reserveCapacity(n)
            for _ in 0..<n {
                let length = try int()
                guard length <= remaining else { throw DecodeFailure.corrupt("string beyond the end") }
                table.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<(at + length)]), as: UTF8.self))
                at += length
            }
        }
        mutating func string() throws -> String {
            let k = try int()
            guard k < table.count else { throw DecodeFailure.corrupt("string \(k) beyond the table") }
            return table[k]
        }
        mutating func strings() throws -> [String] {
            let n = try count()
            // most lists hold none or one: no capacity to reserve
            if n == 0 { return [] }
            if n == 1 { return [try string()] }
            var out: [String] = []
            out.reserveCapacity(n)
            for _ in 0..<n { out.append(try string()) }
            return out
        }
        /// What `Writer.raw` wrote.
        mutating func raw() throws -> [UInt8] {
            let n = try count()
            defer { at += n }
            return Array(UnsafeBufferPointer(rebasing: bytes[at..<(at + n)]))
        }
        /// What `Writer.nameWords` wrote; whether the words fit their actors is the caller's test
        /// (`ActorMatcher.NameWords.fits`).
        mutating func nameWords() throws -> ActorMatcher.NameWords {
            var tables: [[[[String]]]] = []
            for _ in 0..<3 {
                var table: [[[String]]] = []
                let entries = try count()
                table.reserveCapacity(entries)
                for _ in 0..<entries {
                    let n = try count()
                    if n == 0 { table.append([]); continue }
                    if n == 1 { table.append([try strings()]); continue }
                    var perEntry: [[String]] = []
                    perEntry.reserveCapacity(n)
                    for _ in 0..<n { perEntry.append(try strings()) }
                    table.append(perEntry)
                }
                tables.append(table)
            }
            return ActorMatcher.NameWords(actors: tables[0], contextAliases: tables[1], roles: tables[2])
        }
        /// Numbers below `bound` (indices into something of that size).
        mutating func ints(below bound: Int) throws -> [Int] {
            let n = try count()
            if n == 0 { return [] }
            var out: [Int] = []
            out.reserveCapacity(n)
            for _ in 0..<n {
                let k = try int()
                guard k < bound else { throw DecodeFailure.corrupt("index \(k) beyond \(bound)") }
                out.append(k)
            }
            return out
        }
        mutating func optional() throws -> String? {
            switch try byte() {
            case 0: return nil
            case 1: return try string()
            default: throw DecodeFailure.corrupt("bad optional")
            }
        }
    }
}

/// A 64-bit hash over bytes, eight at a time (the mixing of `WordTable.hash`), for cache keys and
/// checksums; not cryptographic.
struct Hash64 {
    private(set) var value: UInt64

    init(seed: UInt64) { value = 0x9E37_79B9_7F4A_7C15 ^ seed }

    /// Adds a chunk, with its length (so that chunk boundaries count).
    mutating func add(_ bytes: [UInt8]) {
        let h = bytes.withUnsafeBufferPointer { Self.hash($0, seed: value) }
        value = (value ^ h) &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 31
    }

    static func hash(_ p: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        let n = p.count
        let m: UInt64 = 0xFF51_AFD7_ED55_8CCD
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ seed ^ (UInt64(n) &* 0xC4CE_B9FE_1A85_EC53)
        guard let base = p.baseAddress, n > 0 else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* m
            h ^= h >> 29
            i += 8
        }
        while i < n {
            h = (h ^ UInt64(raw.load(fromByteOffset: i, as: UInt8.self))) &* m
            i += 1
        }
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return h
    }

    static func append(_ v: UInt64, to out: inout [UInt8]) {
        for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(k)))) }
    }

    static func read(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        return v
    }
}

extension ActorMatcher {
    /// A target as one number in the snapshot files: twice the actor's index, or twice the role's
    /// plus one.
    static func number(of t: Target) -> Int {
        switch t {
        case .actor(let a): return 2 * a
        case .role(let r): return 2 * r + 1
        }
    }

    /// The target `number(of:)` made, if it is one of `actors` actors or `roles` roles.
    static func target(number n: Int, actors: Int, roles: Int) -> Target? {
        guard n >= 0 else { return nil }
        if n & 1 == 0 { return n >> 1 < actors ? .actor(n >> 1) : nil }
        return n >> 1 < roles ? .role(n >> 1) : nil
    }
}
