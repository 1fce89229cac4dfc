import Foundation
import XCTest
@testable import Qawl

/// English statements as a reader of the output would check them: who said what, in which order of
/// quote, cue and speaker, with the project's lexicons and actor registry.
final class EnglishExtractorTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let extractor: EnglishExtractor = {
        let data = root.appendingPathComponent("data")
        let registry = try! ActorRegistry.load(directory: data.appendingPathComponent("actors"))
        return try! EnglishExtractor(dataDirectory: data, actors: registry.actors, roles: registry.roles)
    }()

    func run(_ text: String, published: String? = "2017-06-01") -> [Statement] {
        let doc = Document(docID: "t1", published: published, lang: "en", text: text, input: "test", record: 0)
        return Self.extractor.extract(from: doc)
    }

    /// Every statement's offsets point at its content's first and last words in the text.
    func assertOffsets(_ st: [Statement], _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let scalars = Array(text.unicodeScalars)
        for s in st {
            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[s.contentStart..<s.contentEnd])
            let slice = String(v)
            XCTAssertTrue(slice.hasPrefix(String(s.content.prefix(8))), "\(slice) vs \(s.content)", file: file, line: line)
            XCTAssertTrue(slice.hasSuffix(String(s.content.suffix(5))), "\(slice) vs \(s.content)", file: file, line: line)
            XCTAssertEqual(s.statementID, StatementID.make(docID: "t1", part: "text", start: s.contentStart, end: s.contentEnd), file: file, line: line)
        }
    }

    func testQuoteFirstWithSpeakerAfterCue() {
        let text = "“We will respond to any hostile step,” said Lavrov."
        let st = run(text)
        XCTAssertEqual(st.count, 1)
        XCTAssertEqual(st.first?.actorID, "sergey-lavrov")
        XCTAssertEqual(st.first?.kind, .direct)
        XCTAssertEqual(st.first?.content, "We will respond to any hostile step")
        XCTAssertEqual(st.first?.cueLemma, "say")
        assertOffsets(st, text)
    }

    func testQuoteFirstWithSpeakerBeforeCueAndPronounCarryOver() {
        let text = "“Relations are at their lowest point,” Lavrov said on Monday.\n“We did not choose this,” he added."
        let st = run(text)
        XCTAssertEqual(st.map(\.actorID), ["sergey-lavrov", "sergey-lavrov"])
        XCTAssertEqual(st.last?.resolution, .carryover)
        XCTAssertEqual(st.last?.content, "We did not choose this")
        XCTAssertEqual(st.last?.cueLemma, "add")
        assertOffsets(st, text)
    }

    func testSplitQuoteIsOneStatement() {
        let text = "Former Defense Secretary Robert Gates defended Tillerson on Sunday.\n“Being friendly doesn’t make you friends,” Gates said, “and we were adversaries.”"
        let st = run(text)
        XCTAssertEqual(st.count, 1)
        XCTAssertEqual(st.first?.actorID, "robert-gates")
        XCTAssertEqual(st.first?.content, "Being friendly doesn’t make you friends and we were adversaries")
        XCTAssertEqual(st.first?.kind, .direct)
    }

    func testQuoteContinuedInNextParagraphsJoinsTheStatement() {
        let text = "“The drug was in her system,” her mother, Fiona, said in a statement.\n“As Eloise deteriorated, the staff did all they could.\n“She was literally burning up from within.”\nWest Mercia police said the tablets contained DNP."
        let st = run(text)
        XCTAssertEqual(st.count, 2)
        XCTAssertEqual(st.first?.actorID, "unlinked:fiona")
        XCTAssertTrue(st.first?.content.hasSuffix("burning up from within") ?? false, st.first?.content ?? "")
        XCTAssertEqual(st.last?.actorID, "unlinked:west mercia police")
        assertOffsets(st, text)
    }

    func testSpeakerFirstThatClauseAndClauseWithoutThat() {
        let st = run("Lavrov said that the talks in Geneva had failed. Tillerson said the sanctions would stay.")
        XCTAssertEqual(st.map(\.actorID), ["sergey-lavrov", "rex-tillerson"])
        XCTAssertEqual(st.map(\.content), ["the talks in Geneva had failed", "the sanctions would stay"])
        XCTAssertEqual(st.map(\.kind), [.indirect, .indirect])
    }

    func testSpeakerFirstColonQuoteIsDirectAndInlineQuoteIsMixed() {
        let st = run("Lavrov said: “We are ready for dialogue.” Tillerson said the deal was “dead” after the vote.")
        XCTAssertEqual(st.map(\.kind), [.direct, .mixed])
        XCTAssertEqual(st.first?.content, "We are ready for dialogue")
    }

    func testTitleAndNameResolveToTheRegistryPerson() {
        let st = run("Russian Foreign Minister Sergei Lavrov told reporters in Moscow that Washington was to blame.")
        XCTAssertEqual(st.first?.actorID, "sergey-lavrov")
        XCTAssertEqual(st.first?.speaker, "Russian Foreign Minister Sergei Lavrov")
        XCTAssertEqual(st.first?.content, "Washington was to blame")
    }

    func testAppositionIsNotTheSpeaker() {
        let st = run("Lavrov, who met Tillerson in Moscow on Wednesday, said the talks had been useful.")
        XCTAssertEqual(st.count, 1)
        XCTAssertEqual(st.first?.actorID, "sergey-lavrov")
        let st2 = run("Eric Reeves, one of the leading voices on Sudan, said he was appalled by the decision.")
        XCTAssertEqual(st2.first?.actorID, "unlinked:eric reeves")
    }

    func testPronounSkipsEarlierSpeakerOfTheOtherGender() {
        let st = run("Vanessa Hicks said the photo honoured the flag. Tom Forte said prices would fall. She added that she had received threats.")
        XCTAssertEqual(st.map(\.actorID), ["unlinked:vanessa hicks", "unlinked:tom forte", "unlinked:vanessa hicks"])
        XCTAssertEqual(st.last?.resolution, .carryover)
    }

    func testSurnameLaterMeansTheFullNameEarlier() {
        let st = run("The man fled on foot, Detective Lt. Robert Pfannes said Monday. He may have entered a car, Pfannes said.")
        XCTAssertEqual(st.map(\.actorID), ["unlinked:robert pfannes", "unlinked:robert pfannes"])
        XCTAssertEqual(st.first?.content, "The man fled on foot")
    }

    func testOrganisationSpeakersAndItCarryOver() {
        let st = run("The Kremlin said in a statement that the strike was illegal. It said the talks were over.\nThe Scottish government said on Monday the risk was low.")
        XCTAssertEqual(st.map(\.actorID), ["kremlin", "kremlin", "unlinked:scottish government"])
        XCTAssertEqual(st.first?.content, "the strike was illegal")
        XCTAssertEqual(st.last?.content, "the risk was low")
    }

    func testRoleResolvedByTheArticleDate() {
        let text = "The U.S. secretary of state said the talks were useful."
        XCTAssertEqual(run(text, published: "2017-06-01").first?.actorID, "rex-tillerson")
        XCTAssertEqual(run(text, published: "2017-06-01").first?.resolution, .role)
        let later = run(text, published: "2019-06-01").first?.actorID
        XCTAssertNotNil(later)
        XCTAssertNotEqual(later, "rex-tillerson")
        XCTAssertEqual(run("Russia's foreign minister said the talks were useful.", published: "2017-06-01").first?.actorID, "sergey-lavrov")
    }

    func testAccordingToBeforeAndAfterTheContent() {
        let st = run("The talks collapsed on Friday night, according to the Kremlin. According to Roscosmos, the craft broke up over Siberia.")
        XCTAssertEqual(st.count, 2)
        XCTAssertEqual(st.first?.actorID, "kremlin")
        XCTAssertEqual(st.first?.content, "The talks collapsed on Friday night")
        XCTAssertEqual(st.last?.actorID, "roscosmos")   // in the registry since newsmakers-3
        XCTAssertEqual(st.last?.content, "the craft broke up over Siberia")
        XCTAssertEqual(st.first?.cueLemma, "according to")
    }

    func testQuotedAsSayingNamesTheQuotedSpeaker() {
        let st = run("Local people saw a flash of light west of Kyzyl, the Tuva government was quoted as saying by Interfax.")
        XCTAssertEqual(st.first?.actorID, "unlinked:tuva government")
        XCTAssertEqual(st.first?.content, "Local people saw a flash of light west of Kyzyl")
    }

    func testAbbreviationsInitialsAndDecimalsDoNotEndSentences() {
        let text = "Mr. J.C. Smith of the U.S. Dept. of Labor said growth was 2.5 percent on Jan. 3 at 3 p.m. in Washington. Smith said the figure was final."
        let st = run(text)
        XCTAssertEqual(st.count, 2)
        XCTAssertEqual(st.first?.content, "growth was 2.5 percent on Jan. 3 at 3 p.m. in Washington")
        XCTAssertEqual(st.map(\.actorID), ["unlinked:j c smith", "unlinked:j c smith"])
        assertOffsets(st, text)
    }

    func testVagueSourcesPassivesAndNestedCuesAreNotStatements() {
        XCTAssertTrue(run("American officials said the sanctions would be lifted.").isEmpty)
        XCTAssertTrue(run("Father Mukonori is said to be mediating in the crisis.").isEmpty)
        let st = run("South Africa said Mr Mugabe had told President Zuma that he was confined to his home.")
        XCTAssertEqual(st.count, 1)
        XCTAssertEqual(st.first?.actorID, "south-africa")
    }

    func testCoordinatedCueStartsASecondStatement() {
        let st = run("Reeves said the government continued to commit abuses, and he noted that security services killed ten civilians.")
        XCTAssertEqual(st.count, 2)
        XCTAssertEqual(st.first?.content, "the government continued to commit abuses")
        XCTAssertEqual(st.last?.content, "security services killed ten civilians")
        XCTAssertEqual(st.last?.actorID, "unlinked:reeves")
    }

    func testOutletQuotingSpeakerAsSaying() {
        let st = run("“We will never give up the city,” state television quoted Putin as saying.")
        XCTAssertEqual(st.count, 1)
        XCTAssertEqual(st.first?.actorID, "vladimir-putin")
        XCTAssertEqual(st.first?.content, "We will never give up the city")
        XCTAssertEqual(st.first?.kind, .direct)
    }

    func testTimeBetweenSubjectAndCue() {
        let st = run("The International Monetary Fund on Tuesday said growth would slow to 2 percent.")
        XCTAssertEqual(st.first?.actorID, "imf", "the registry knows the IMF by its English name")
        XCTAssertEqual(st.first?.content, "growth would slow to 2 percent")
    }

    func testCoordinatedVerbPhraseTakesTheSentenceSubject() {
        let st = run("Siemens declined to give figures but said the plant would reopen in May.")
        XCTAssertEqual(st.first?.actorID, "unlinked:siemens")
        XCTAssertEqual(st.first?.content, "the plant would reopen in May")
    }

    func testParentheticalCueTakesTheClauseAfterAnIntroductoryPhrase() {
        let st = run("Before Swanson got out of the water, Walsh said, he tied a tourniquet around the leg.")
        XCTAssertEqual(st.first?.content, "he tied a tourniquet around the leg")
        let st2 = run("The bank earned $4.9 billion in the quarter, the company announced on Wednesday, down from a year ago.")
        XCTAssertEqual(st2.first?.content, "The bank earned $4.9 billion in the quarter")
        XCTAssertEqual(st2.first?.actorID, "unlinked:company")
    }

    func testAccordingToAfterAConjunctionIntroducesTheFollowingClause() {
        let st = run("The caller demanded a fee for a year—and according to Fran Finney, the agents believe he extorted others.")
        XCTAssertEqual(st.first?.actorID, "unlinked:fran finney")
        XCTAssertEqual(st.first?.content, "the agents believe he extorted others")
    }

    func testHyphenatedTitleBeforeName() {
        let st = run("“The crash position is in the sea,” Indonesia search-and-rescue director Henry Bambang Soelistyo said.")
        XCTAssertEqual(st.first?.actorID, "unlinked:henry bambang soelistyo")
        XCTAssertEqual(st.first?.kind, .direct)
    }

    /// The packed word tables of the English lexicon answer as the `Dictionary` they replaced, for
    /// every word of its files and for words that do not pack (long, non-ASCII, empty, with NUL).
    func testPackedWordTablesAnswerAsDictionaries() throws {
        let dir = Self.root.appendingPathComponent("data/lexicons/en")
        var words: [String] = ["", "a", "said", "Said", "saids", "\u{0}said", "said\u{0}", "internationalisation",
                               "sixteen-bytes-ab", "seventeen-bytes-a", "café", "cafe\u{301}", "ministre", "\u{212A}", "k",
                               "président", "prime minister", "has also", "de", "al", "o'neill", "people's"]
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".txt") || file.hasSuffix(".tsv") {
            for line in try LexiconFile.lines(dir.appendingPathComponent(file)) {
                for w in line.lowercased().split(whereSeparator: { $0 == "\t" || $0 == " " }) { words.append(String(w)); words.append(String(w) + "s") }
            }
        }
        // a table with keys that do not pack, next to ones that do
        let reference: [String: Int] = Dictionary(uniqueKeysWithValues: Set(words.prefix(400)).enumerated().map { ($1, $0) })
            .merging(["café": -1, "internationalisation": -2, "naïve": -3]) { a, _ in a }
        let packed = PackedWords(reference)
        for w in words + ["café", "cafe\u{301}", "naïve", "nai\u{308}ve", "internationalisation"] {
            XCTAssertEqual(packed[w], reference[w], "«\(w)»")
        }
        let lexicon = try EnglishLexicon(dataDirectory: Self.root.appendingPathComponent("data"))
        XCTAssertEqual(lexicon.cues["said"]?.first?.lemma, "say")
        XCTAssertNotNil(lexicon.cues["according"])
        XCTAssertNil(lexicon.cues["table"])
        XCTAssertEqual(lexicon.pronouns["she"], .female)
    }
}
