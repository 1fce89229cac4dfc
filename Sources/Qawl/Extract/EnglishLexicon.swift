import Foundation

/// English language knowledge for extraction, read from `data/lexicons/en/` (format in its README):
/// reporting cues in every form with their lemma («told» → tell), title and organisation words of
/// speaker phrases, vague-source heads, pronouns and gendered words, first names, abbreviations.
public struct EnglishLexicon: Sendable {
    public enum CueType: String, Sendable { case verb, participle, nominal }
    /// What must follow a cue for it to introduce a statement.
    public enum Needs: String, Sendable {
        /// Anything: «said the tablets were …» (a clause without "that").
        case any = "-"
        /// Only "that", a colon or a quote, or a quote before it: «stressed that …» (also a noun).
        case complement = "comp"
        /// A person object may come first: «told Reuters that …», «told local television the …».
        case object
        /// An object, then possibly a to-infinitive: «urged Moscow to …», «warned people to …».
        case objectTo = "object-to"
    }
    public enum Gender: Sendable, Equatable { case male, female, neuter, plural, unknown }

    public struct Cue: Sendable, Equatable {
        public var lemma: String
        public var type: CueType
        public var needs: Needs
        /// Words after the first one for multi-word cues («according» → [«to»]).
        public var rest: [String]
    }

    // Looked up once or more for every word of a text: `PackedWords`, not `Set`/`Dictionary`.
    /// First word of a cue (lowercase) → its entries, longest first.
    public let cues: PackedWords<[Cue]>
    public let titles: PackedWords<Bool>
    public let organisations: PackedWords<Bool>
    public let vague: PackedWords<Bool>
    public let stops: PackedWords<Bool>
    public let abbreviations: Set<String>
    public let adverbials: PackedWords<Bool>
    public let objects: PackedWords<Bool>
    public let pronouns: PackedWords<Gender>
    public let genderedWords: PackedWords<Gender>
    public let firstNames: PackedWords<Gender>

    /// Loads `DIR/lexicons/en` where DIR is a data directory (`DataDirectory.locate()`).
    public init(dataDirectory: URL) throws {
        try self.init(directory: dataDirectory.appendingPathComponent("lexicons").appendingPathComponent("en"))
    }

    public init(directory dir: URL) throws {
        func file(_ n: String) -> URL { dir.appendingPathComponent(n) }
        func set(_ n: String) throws -> Set<String> { Set(try LexiconFile.lines(file(n)).map { $0.lowercased() }) }
        func words(_ n: String) throws -> PackedWords<Bool> { PackedWords(try set(n)) }
        func genders(_ n: String) throws -> PackedWords<Gender> { PackedWords(try genderMap(n)) }
        func genderMap(_ n: String) throws -> [String: Gender] {
            var out: [String: Gender] = [:]
            for line in try LexiconFile.lines(file(n)) {
                let f = line.fields(0x09)
                guard f.count >= 2 else { continue }
                let g: Gender
                switch f[1] { case "m": g = .male; case "f": g = .female; case "n": g = .neuter; case "p": g = .plural; default: g = .unknown }
                if out[f[0].lowercased()] == nil { out[f[0].lowercased()] = g }
            }
            return out
        }
        titles = try words("titles.txt")
        organisations = try words("organisations.txt")
        vague = try words("vague.txt")
        stops = try words("speaker_stop.txt")
        abbreviations = try set("abbreviations.txt")
        adverbials = try words("adverbials.txt")
        objects = try words("objects.txt")
        pronouns = try genders("pronouns.tsv")
        genderedWords = try genders("gendered_words.tsv")
        firstNames = try genders("first_names.tsv")
        var cues: [String: [Cue]] = [:]
        for line in try LexiconFile.lines(file("cues.tsv")) {
            let f = line.fields(0x09, omittingEmpty: false)
            guard f.count >= 4, let type = CueType(rawValue: f[2]), let needs = Needs(rawValue: f[3]) else { continue }
            let words = f[0].lowercased().fields(0x20)
            guard let first = words.first else { continue }
            cues[first, default: []].append(Cue(lemma: f[1], type: type, needs: needs, rest: Array(words.dropFirst())))
        }
        self.cues = PackedWords(cues.mapValues { $0.sorted { $0.rest.count > $1.rest.count } })
    }
}
