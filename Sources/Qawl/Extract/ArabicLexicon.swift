import Foundation

/// Arabic language knowledge for extraction, read from `data/lexicons/ar/` (format in its README):
/// reporting cues with lemma, gender and number; clitics; titles; vague-source heads; words that end
/// a speaker phrase; complementizers; abbreviations.
///
/// A class, not a struct: the extractor's closures capture it, and copying a struct of some twenty
/// tables costs a retain and a release for each of their arrays.
public final class ArabicLexicon: Sendable {
    public enum CueType: String, Sendable { case verb, participle, nominal }
    public enum Agreement: Sendable, Equatable { case masculine, feminine, plural, unknown }

    public struct Cue: Sendable, Equatable {
        public var lemma: String
        public var type: CueType
        public var agreement: Agreement
        /// Words one of which must open the content («عن» for «أعرب»), or `requiresComplement` for
        /// homographs of nouns («نفى»/«نفي», «كشف», «رد») that count only before إن/أن, «:» or a quote.
        public var needs: [String]
        public var requiresComplement: Bool
        /// Verbs whose first noun may be their object rather than their subject («واتهم إيران بالضلوع»).
        public var takesObject: Bool = false
        /// A present-tense form («يقول», «تعلن», «يتوقع»): after a particle of `subjunctive_particles.txt`
        /// it is something expected or intended, not a report. Read off the form: it opens with «ي» or
        /// «ت» and does not open with its past-tense lemma («تابعت» is past, «تتابع» present).
        public var imperfect: Bool = false
    }

    public let cues: WordTable<Cue>
    /// First word of a multi-word nominal cue → the remaining words («نقلا» → [«عن»]).
    public let nominalCues: WordTable<(rest: [String], cue: Cue)>
    public let titles: WordSet
    public let vague: WordSet
    public let speakerStops: WordSet
    /// Complementizer → whether it carries a pronoun (and so belongs to the content).
    public let complementizers: WordTable<Bool>
    public let abbreviations: Set<WordKey>
    public let clitics: Clitics
    /// Words that may open a clause whose subject precedes its verb («وكان ترامب قد قال»).
    public let clauseOpeners: WordSet
    /// «إذا», «لو» before «كان»: a condition or a question, not a report (`hypothetical.txt`).
    public let hypothetical: WordSet
    /// «كان», «كانت»: an auxiliary whose subject before the verb is the speaker (`past_auxiliaries.txt`).
    public let pastAuxiliaries: WordSet
    /// «البيان», «التقرير»: documents that speak for their issuer.
    public let documentNouns: WordSet
    /// «هذا», «مما»: before a verb they leave it without a speaker («وهذا يؤكد أن …»).
    public let nonSpeakers: WordSet
    /// «هل», «عدم» right before a verb cue: a question to the reader («هل تذكر أيام …») or a verbal
    /// noun («بشرط عدم ذكر اسمه»), no report (`no_report_before.txt`).
    public let noReportBefore: WordSet
    /// «يذكر» in «ويذكر أن …»: impersonal before a complementizer.
    public let impersonal: WordSet
    /// «أن», «لن» right before a present-tense cue: «من المقرر أن تعلن ميركل», «قبل أن يضيف نيمار
    /// هدفا» tell what is to come or what happened, not what was said (`subjunctive_particles.txt`).
    public let subjunctiveParticles: WordSet
    /// «التي», «الذي»: a cue after them is in a relative clause.
    public let relativePronouns: WordSet
    /// The singular relative pronouns' agreement (`relative_pronouns.txt`, second column): «الذي»
    /// masculine, «التي» feminine.
    public let relativePronounAgreement: [String: Agreement]
    /// «حسبما قالت الشرطة»: the verb's content is the clause before.
    public let asSaid: WordSet
    /// Cue forms whose last letter normalisation folds away, with that letter: alef maqsura («نفى»,
    /// «رأى») or hamza («هنأ»). So written they are verbs, not the nouns «نفي», «رأي» or the adverb
    /// «هنا» that normalise alike, and need no complementizer.
    public let verbFinals: WordTable<Unicode.Scalar>
    /// «الوكالة», «الوزارة»: a speaker that is one of these refers back to the organisation or office
    /// named last with that head («وكالة الأنباء الفرنسية»).
    public let anaphoricHeads: WordSet
    /// Other first words of organisation names a head may mean (`anaphoric_heads.txt`, second column),
    /// normalised and without the article: «جريده» → [«صحيفه»] (the head without its article).
    public let anaphoricNameHeads: [String: [String]]
    /// Heads (without the article) that refer back only to a mention opening with them (second column «=»).
    public let strictAnaphoricHeads: Set<String>
    /// «الحقوقية», «الرسمية»: after an anaphoric head, an adjective that names no new organisation
    /// («وقالت المنظمة الحقوقية»).
    public let anaphoricAdjectives: WordSet
    /// «المدرب», «السفير», «اللاعب» (`anaphoric_persons.txt`): a person's role noun with the article that
    /// refers back to the person introduced earlier with it («مدرب ليفربول يورغن كلوب», «كلوب، مدرب
    /// ليفربول»); normalised head → the forms without the article that introduce such a person (the
    /// head's own and those of the second column: «اللاعب» → «لاعب», «نجم»).
    public let anaphoricPersons: [String: [String]]
    /// «الأخير», «هذه الأخيرة» (`latter.tsv`), normalised words joined by a space → whether feminine.
    public let latter: [String: Bool]
    /// «عدم», «دعم», «مقتل»: verbal nouns that open a verb's object; a speaker phrase ends before them.
    public let objectNouns: WordSet
    /// «الأرقام», «النتائج», «التقديرات»: things, not speakers; their statements are not emitted.
    public let inanimate: WordSet
    /// «بن», «أبو», «عبد», «الثاني»: the word after (or the word itself) is not a surname.
    public let nameParticles: WordSet
    /// «عبد»: the first word of a two-word name («عبد الرحمن») (`compound_name_openers.txt`).
    public let compoundNameOpeners: WordSet
    /// «فيديو», «مباشر», «ريبورتاج»: headline rubric labels before a colon, never speakers.
    public let rubrics: WordSet
    /// «نحن», «لدينا», «بلادنا»: words that speak in the first person (`first_person.txt`); a place
    /// alone before a headline's colon speaks only with one of them.
    public let firstPerson: WordSet
    /// «بطولة», «بلدة», «بعثة»: feminine nouns whose «ب» is their own (`bi_nouns.txt`), not «بـ» «with».
    public let biNouns: WordSet
    /// «غير», «كان», «عن»: words after which a participle cue is an adjective, a predicate or a
    /// verbal noun (`participle_not_after.txt`).
    public let participleNotAfter: WordSet
    /// «مشددة», «متوقعة», «متهما»: participle cues with a common adjective or noun sense
    /// (`adjectival_participles.txt`).
    public let adjectivalParticiples: WordSet
    /// «محمد», «علي»: common given names; an ordinary word after one may be a family name («محمد الماضي»).
    public let givenNames: WordSet
    /// «العام», «الأسبوع», «الخميس»: time nouns, adverbials rather than speakers or family names.
    public let timeNouns: WordSet
    /// «مجموعة», «عدد», «الكثير»: before «من» a vague source («مجموعة من الطلاب»).
    public let partitives: WordSet
    /// «تعبير», «وصف»: with a pronoun after a nominal cue («بحسب تعبيره») the previous speaker's words.
    public let ownWords: WordSet
    /// «الموالية», «المدعومة», «التابعة»: a registry name after one is the speaker's patron, not the speaker.
    public let affiliations: WordSet
    /// «زوج», «محام», «زميل», «أنصار»: people who, with a possessive pronoun, speak («وقالت زوجته»);
    /// any other possessed word opening a speaker phrase is the verb's object («وأكدت تعاونها»).
    public let personNouns: WordSet
    /// People known through someone else (`relations.txt`): «محامي ترامب» is not Trump.
    public let relations: WordSet
    /// Relation words that also form a title with the office after them («مساعد وزير الخارجية»):
    /// a name after such a title is the aide's own (`title_relations.txt`).
    public let titleRelations: WordSet
    /// Ranks and honorifics right before a name (`honorifics.txt`): «العميد», «الدكتور».
    public let honorifics: WordSet
    /// «مكتب»: a person's office, which speaks for the person («مكتب ماي» → Theresa May) (`offices_of.txt`).
    public let officesOf: WordSet
    /// «الإعلامي», «الخاص»: adjectives after a person's office with a pronoun that keep it the person's
    /// office («وأعلن مكتبه الإعلامي») (`offices_of.txt`, lines marked `adjective`).
    public let officeAdjectives: WordSet
    /// «وكالة», «صحيفة», «قناة»: heads of news outlets' names; governed by «لـ» after a speaker's name an
    /// outlet is the verb's addressee («وقال محسن علي لفرانس برس») (`media_heads.txt`).
    public let mediaHeads: WordSet
    /// «موقع», «مجموعة», «وكالة أنباء»: heads after which a short quoted phrase is a name, not a
    /// direct quote («وذكر موقع "9to5mac" التقني أن …») (`quoted_name_heads.txt`).
    public let quotedNameHeads: WordSet
    /// «فيلم», «كتاب», «وسم»: heads of the quoted names of works and tags (`work_heads.txt`); a cue
    /// inside such a name is part of it.
    public let workHeads: WordSet
    /// «منطقة», «محافظة»: glued to «ب» in a title with the place's name, where the office is
    /// (`place_nouns.txt`).
    public let placeNouns: WordSet
    /// «أحد», «وإحدى» after a name open its apposition: «علي عبدالكريم أحد الأصوات المثقفة»
    /// (`apposition_openers.txt`, as written: «واحد» is «one», not «and one of»).
    public let appositionOpeners: Set<String>
    /// «جهته», «جانبها» after «من»: «ودعت فرنسا من جهتها» is «for its part», not a preposition
    /// the verb governs (`for_its_part.txt`).
    public let forItsPart: WordSet
    /// «القائم» before «بأعمال»: the acting holder's title goes on (`acting_titles.txt`).
    public let actingTitles: WordSet
    /// «مجلس», «مكتب», «شرطة»: the head of an institution's name that a title's body opens, before
    /// the holder's name: «رئيس مجلس النواب علي عبد العال» (`institution_heads.txt`).
    public let institutionHeads: WordSet
    /// Free-standing prepositions («مع», «عبر», «في»): what governs the next noun (`prepositions.txt`).
    public let prepositions: WordSet
    /// «الصحافيين», «وسائل الإعلام»: the verb's addressee after the speaker («وأبلغ كالين الصحافيين»),
    /// as normalised words, and whether the form may open the phrase (`addressees.txt`).
    public let addressees: [(words: [String], atStart: Bool)]
    /// The first words of `addressees`, for a one-lookup test per token.
    public let addresseeFirstWords: WordSet
    /// Verbal-noun templates of the derived verb forms (`masdar_patterns.txt`, normalised, ف ع ل any
    /// letter), and whether one counts only after a definite word («الميليشيا مقاومة»).
    public let masdarTemplates: [(template: [Unicode.Scalar], afterOnly: Bool)]
    /// Accusative participle templates (`participle_patterns.txt`: «مفاعلا» for «ممازحا»), normalised.
    public let participleTemplates: [[Unicode.Scalar]]
    /// `speaker_stop.txt` as written (diacritics dropped, not normalised): «على» and «أمام» are stops,
    /// the names «علي» and «إمام» that normalise alike are not.
    public let writtenStops: Set<String>
    /// `given_names.txt` as written: «علي» (not «على»).
    public let writtenGivenNames: Set<String>
    /// «صادر عن», «أصدرته»: after a document noun, the issuer follows («بيان صادر عن الوزارة»).
    public let issuedBy: [[String]]
    /// `countries.tsv` and `state_bodies.tsv`, raw lines: the states an article may be about and the bare
    /// bodies that mean its institutions (`CountryContext`). Empty when the files are absent.
    public let countryLines: [String]
    public let stateBodyLines: [String]
    /// `state_offices.tsv` and `former.txt`, raw lines: offices and bodies named with their state
    /// («السفير الروسي») and the words that make an office phrase a former one (`stateOffice`).
    public let stateOfficeLines: [String]
    public let formerLines: [String]
    public let newsroomDatelineLines: [String]
    /// `non_report_objects.tsv`: by cue lemma, the objects that make the verb no report («وأضاف ميسي
    /// هدفا ثانيا», «أضاف لينغارد الهدف الثالث»), as normalised word sequences.
    public let nonReportObjects: [String: [[String]]]
    /// `other_readings.tsv`: cue forms that, before one of the words listed, are another verb
    /// («ورد في النص»: «was stated in», not «و» + «رد», «replied»), normalised.
    public let otherReadings: [String: Set<String>]
    /// `preposition_homographs.tsv`: cue forms that are also a preposition («عبر»: «expressed» and
    /// «via»), with the words that may follow and precede them as the verb, normalised.
    public let prepositionHomographs: [String: (next: Set<String>, previous: Set<String>)]

    /// A word as written without diacritics and tatweel (no letter folding). On bytes: the dropped
    /// scalars U+064B–U+0652 and U+0640 are the two-byte sequences D9 8B…D9 92 and D9 80 (D9 is
    /// never a continuation byte); filtering a `UnicodeScalarView` cost about 300 instructions a letter.
    public static func written(_ w: String) -> String {
        w.withWordBytes { b -> String in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var i = 0
            while i < b.count {
                if b[i] == 0xD9, i + 1 < b.count, b[i + 1] == 0x80 || (0x8B...0x92).contains(b[i + 1]) { i += 2; continue }
                out.append(b[i])
                i += 1
            }
            return out.count == b.count ? w : String(decoding: out, as: UTF8.self)
        }
    }

    /// Loads `DIR/lexicons/ar` where DIR is a data directory (`DataDirectory.locate()`).
    public convenience init(dataDirectory: URL) throws {
        try self.init(directory: dataDirectory.appendingPathComponent("lexicons").appendingPathComponent("ar"))
    }

    /// Loads the files of one lexicon folder (`data/lexicons/ar`).
    public init(directory dir: URL) throws {
        func file(_ n: String) -> URL { dir.appendingPathComponent(n) }
        clitics = try Clitics(contentsOf: file("clitics.tsv"))
        titles = WordSet(try LexiconFile.wordSet(file("titles.txt")))
        vague = WordSet(try LexiconFile.wordSet(file("vague.txt")))
        speakerStops = WordSet(try LexiconFile.wordSet(file("speaker_stop.txt")))
        abbreviations = try LexiconFile.wordSet(file("abbreviations.txt"))
        clauseOpeners = WordSet(try LexiconFile.wordSet(file("clause_openers.txt")))
        hypothetical = WordSet(try LexiconFile.wordSet(file("hypothetical.txt")))
        pastAuxiliaries = WordSet(try LexiconFile.wordSet(file("past_auxiliaries.txt")))
        documentNouns = WordSet(try LexiconFile.wordSet(file("document_nouns.txt")))
        nonSpeakers = WordSet(try LexiconFile.wordSet(file("non_speakers.txt")))
        noReportBefore = WordSet(try LexiconFile.wordSet(file("no_report_before.txt")))
        impersonal = WordSet(try LexiconFile.wordSet(file("impersonal.txt")))
        subjunctiveParticles = WordSet(try LexiconFile.wordSet(file("subjunctive_particles.txt")))
        relativePronouns = WordSet(try LexiconFile.wordSet(file("relative_pronouns.txt")))
        relativePronounAgreement = Dictionary(try Self.tabPairs(file("relative_pronouns.txt")).compactMap { word, g in
            g == "m" ? (ArabicNormalizer.normalize(word), .masculine) : g == "f" ? (ArabicNormalizer.normalize(word), .feminine) : nil
        }, uniquingKeysWith: { a, _ in a })
        asSaid = WordSet(try LexiconFile.wordSet(file("as_said.txt")))
        anaphoricHeads = WordSet(try LexiconFile.wordSet(file("anaphoric_heads.txt")))
        var nameHeads: [String: [String]] = [:]
        var strict: Set<String> = []
        for line in try LexiconFile.lines(file("anaphoric_heads.txt")) {
            let f = line.fields(0x09).map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
            guard f.count >= 2 else { continue }
            let head = ArabicNormalizer.normalize(f[0])
            guard head.unicodeScalars.starts(with: "ال".unicodeScalars) else { continue }
            let bare = String(head.unicodeScalars.dropFirst(2))
            if f[1] == "=" { strict.insert(bare); continue }
            for form in f[1].fields(0x7C).map({ ArabicNormalizer.normalize($0.trimmingBlanks()) }) where !form.isEmpty {
                if nameHeads[form]?.contains(bare) != true { nameHeads[form, default: []].append(bare) }
            }
        }
        anaphoricNameHeads = nameHeads
        strictAnaphoricHeads = strict
        var latter: [String: Bool] = [:]
        for line in try Self.optionalLines(file("latter.tsv")) {
            let f = line.fields(0x09).map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
            guard f.count >= 2 else { continue }
            latter[ArabicNormalizer.normalize(f[0])] = f[1] == "f"
        }
        self.latter = latter
        var persons: [String: [String]] = [:]
        for line in try Self.optionalLines(file("anaphoric_persons.txt")) {
            let f = line.fields(0x09).map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
            guard let first = f.first else { continue }
            let head = ArabicNormalizer.normalize(first)
            guard head.unicodeScalars.starts(with: "ال".unicodeScalars), head.unicodeScalars.count > 3 else { continue }
            var forms = [String(head.unicodeScalars.dropFirst(2))]
            if f.count > 1 {
                for form in f[1].fields(0x7C).map({ ArabicNormalizer.normalize($0.trimmingBlanks()) }) where !form.isEmpty && !forms.contains(form) {
                    forms.append(form)
                }
            }
            persons[head] = forms
        }
        anaphoricPersons = persons
        anaphoricAdjectives = WordSet(try Self.optionalLines(file("anaphoric_adjectives.txt")).map { ArabicNormalizer.normalize($0.trimmingBlanks()) })
        objectNouns = WordSet(try LexiconFile.wordSet(file("object_nouns.txt")))
        inanimate = WordSet(try LexiconFile.wordSet(file("inanimate.txt")))
        nameParticles = WordSet(try LexiconFile.wordSet(file("name_particles.txt")))
        compoundNameOpeners = WordSet(try LexiconFile.wordSet(file("compound_name_openers.txt")))
        rubrics = WordSet(try LexiconFile.wordSet(file("rubrics.txt")))
        firstPerson = WordSet(try LexiconFile.wordSet(file("first_person.txt")))
        biNouns = WordSet(try LexiconFile.wordSet(file("bi_nouns.txt")))
        participleNotAfter = WordSet(try LexiconFile.wordSet(file("participle_not_after.txt")))
        adjectivalParticiples = WordSet(try LexiconFile.wordSet(file("adjectival_participles.txt")))
        givenNames = WordSet(try LexiconFile.wordSet(file("given_names.txt")))
        timeNouns = WordSet(try LexiconFile.wordSet(file("time_nouns.txt")))
        partitives = WordSet(try LexiconFile.wordSet(file("partitives.txt")))
        ownWords = WordSet(try LexiconFile.wordSet(file("own_words.txt")))
        affiliations = WordSet(try LexiconFile.wordSet(file("affiliations.txt")))
        personNouns = WordSet(try LexiconFile.wordSet(file("person_nouns.txt")))
        relations = WordSet(try LexiconFile.wordSet(file("relations.txt")))
        titleRelations = WordSet(try LexiconFile.wordSet(file("title_relations.txt")))
        honorifics = WordSet(try LexiconFile.wordSet(file("honorifics.txt")))
        var offices: [String] = [], officeAdjectives: [String] = []
        for line in try LexiconFile.lines(file("offices_of.txt")) {
            let f = line.fields(0x09).map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
            guard let w = f.first else { continue }
            if f.count > 1, f[1] == "adjective" { officeAdjectives.append(ArabicNormalizer.normalize(w)) }
            else { offices.append(ArabicNormalizer.normalize(w)) }
        }
        officesOf = WordSet(offices)
        self.officeAdjectives = WordSet(officeAdjectives)
        mediaHeads = WordSet(try Self.optionalLines(file("media_heads.txt")).map { ArabicNormalizer.normalize($0.trimmingBlanks()) })
        quotedNameHeads = WordSet(try Self.optionalLines(file("quoted_name_heads.txt")).map { ArabicNormalizer.normalize($0.trimmingBlanks()) })
        workHeads = WordSet(try LexiconFile.wordSet(file("work_heads.txt")))
        placeNouns = WordSet(try LexiconFile.wordSet(file("place_nouns.txt")))
        appositionOpeners = Set(try LexiconFile.lines(file("apposition_openers.txt")).map(ArabicLexicon.written))
        forItsPart = WordSet(try LexiconFile.wordSet(file("for_its_part.txt")))
        actingTitles = WordSet(try LexiconFile.wordSet(file("acting_titles.txt")))
        institutionHeads = WordSet(try LexiconFile.wordSet(file("institution_heads.txt")))
        prepositions = WordSet(try Self.optionalLines(file("prepositions.txt")).map { ArabicNormalizer.normalize($0.trimmingBlanks()) })
        var addressees: [(words: [String], atStart: Bool)] = []
        for line in try Self.optionalLines(file("addressees.txt")) {
            let f = line.fields(0x09).map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
            guard let form = f.first else { continue }
            let words = ArabicNormalizer.normalize(form).fields(0x20)
            guard !words.isEmpty else { continue }
            addressees.append((words, f.count > 1 && f[1] == "start"))
        }
        self.addressees = addressees
        addresseeFirstWords = WordSet(addressees.map { $0.words[0] })
        masdarTemplates = try LexiconFile.lines(file("masdar_patterns.txt")).compactMap { line in
            let f = line.fields(0x09)
            guard let t = f.first else { return nil }
            return (Array(ArabicNormalizer.normalize(t).unicodeScalars), f.count > 1 && f[1] == "after")
        }
        participleTemplates = try LexiconFile.lines(file("participle_patterns.txt")).map { Array(ArabicNormalizer.normalize($0).unicodeScalars) }
        writtenStops = Set(try LexiconFile.lines(file("speaker_stop.txt")).map(ArabicLexicon.written))
        writtenGivenNames = Set(try LexiconFile.lines(file("given_names.txt")).map(ArabicLexicon.written))
        issuedBy = try LexiconFile.lines(file("issued_by.txt"))
            .map { ArabicNormalizer.normalize($0).fields(0x20) }
            .filter { !$0.isEmpty }
            .sorted { $0.count > $1.count }
        countryLines = try Self.optionalLines(file("countries.tsv"))
        stateBodyLines = try Self.optionalLines(file("state_bodies.tsv"))
        stateOfficeLines = try Self.optionalLines(file("state_offices.tsv"))
        formerLines = try Self.optionalLines(file("former.txt"))
        newsroomDatelineLines = try Self.optionalLines(file("newsroom_datelines.txt"))
        var objects: [String: [[String]]] = [:]
        for (lemma, words) in try Self.tabPairs(file("non_report_objects.tsv")) {   // (the lemma as cues.tsv writes it)
            objects[lemma, default: []].append(ArabicNormalizer.normalize(words).fields(0x20))
        }
        nonReportObjects = objects
        var readings: [String: Set<String>] = [:]
        for (form, words) in try Self.tabPairs(file("other_readings.tsv")) {
            readings[ArabicNormalizer.normalize(form), default: []].formUnion(ArabicNormalizer.normalize(words).fields(0x20))
        }
        otherReadings = readings
        var homographs: [String: (next: Set<String>, previous: Set<String>)] = [:]
        for line in try Self.optionalLines(file("preposition_homographs.tsv")) {
            let f = line.fields(0x09).map { ArabicNormalizer.normalize($0.trimmingBlanks()) }
            guard f.count >= 2, !f[0].isEmpty else { continue }
            homographs[f[0]] = (Set(f[1].fields(0x20)), f.count > 2 ? Set(f[2].fields(0x20)) : [])
        }
        prepositionHomographs = homographs
        var comp: [WordKey: Bool] = [:]
        for line in try LexiconFile.lines(file("complementizers.txt")) {
            let f = line.fields(0x09)
            guard f.count >= 2 else { continue }
            comp[ArabicNormalizer.normalize(f[1])] = f[0] == "pronoun"
        }
        complementizers = WordTable(comp)
        var single: [WordKey: Cue] = [:]
        var multi: [WordKey: (rest: [String], cue: Cue)] = [:]
        var finals: [(String, Unicode.Scalar)] = []
        for line in try LexiconFile.lines(file("cues.tsv")) {
            let f = line.fields(0x09, omittingEmpty: false)
            guard f.count >= 6, let type = CueType(rawValue: f[2]) else { continue }
            let agreement: Agreement
            switch (f[3], f[4]) {
            case (_, "p"), (_, "d"): agreement = .plural
            case ("f", _): agreement = .feminine
            case ("m", _): agreement = .masculine
            default: agreement = .unknown
            }
            let needsField = f[5]
            let cue = Cue(lemma: f[1], type: type, agreement: agreement,
                          needs: (needsField == "-" || needsField == "comp" || needsField == "noun") ? [] : needsField.fields(0x2C).map { ArabicNormalizer.normalize(String($0)) },
                          // `comp`: every form; `noun`: only the form that is also a noun («رد», «كشف»), «ردت» is a verb
                          requiresComplement: needsField == "comp"
                              || (needsField == "noun" && ArabicNormalizer.normalize(f[0]) == ArabicNormalizer.normalize(f[1])),
                          takesObject: f.count > 6 && f[6] == "object",
                          imperfect: type == .verb && Self.isImperfect(form: f[0], lemma: f[1]))
            let words = ArabicNormalizer.normalize(f[0]).fields(0x20)
            if let last = f[0].unicodeScalars.last, last == "ى" || last == "أ" { finals.append((words[0], last)) }
            if words.count == 1 { if single[words[0]] == nil { single[words[0]] = cue } }
            else if let first = words.first { multi[first] = (Array(words.dropFirst()), cue) }
        }
        cues = WordTable(single)
        nominalCues = WordTable(multi)
        verbFinals = WordTable(finals)
    }

    /// «يقول», «تتحدث», «ترى»: a present-tense form (see `Cue.imperfect`).
    static func isImperfect(form: String, lemma: String) -> Bool {
        let f = ArabicNormalizer.normalize(form), l = ArabicNormalizer.normalize(lemma)
        guard let first = f.unicodeScalars.first, first == "ي" || first == "ت" else { return false }
        return !f.unicodeScalars.starts(with: l.unicodeScalars)
    }
}

extension ArabicLexicon {
    /// The lines of a two-column lexicon file (`WORDS<TAB>WORDS`, absent file: none), both columns
    /// trimmed; lines with another number of columns are skipped, as elsewhere.
    static func tabPairs(_ url: URL) throws -> [(String, String)] {
        try optionalLines(url).compactMap { line in
            let f = line.fields(0x09).map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
            return f.count == 2 ? (f[0], f[1]) : nil
        }
    }
}
