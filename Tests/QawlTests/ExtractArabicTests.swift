import XCTest
@testable import Qawl

final class ExtractArabicTests: XCTestCase {
    var extractor: ArabicExtractor!

    override func setUpWithError() throws { extractor = try TestRegistry.extractor() }

    func statements(_ text: String, title: String? = nil, published: String? = nil) -> [Statement] {
        extractor.extract(from: TestRegistry.document(text, title: title, published: published))
    }

    func testVerbFirstSpeakerFollowsTheCue() {
        let s = statements("وقال لافروف إن موسكو لن تتراجع عن موقفها.")
        XCTAssertEqual(s.count, 1)
        XCTAssertEqual(s.first?.actorID, "sergey-lavrov")
        XCTAssertEqual(s.first?.resolution, .name)
        XCTAssertEqual(s.first?.cueLemma, "قال")
        XCTAssertTrue(s.first?.content.contains("موسكو لن تتراجع عن موقفها") ?? false)
    }

    func testSubjectBeforeTheVerbIsTheSpeaker() {
        let s = statements("لكن بوتين قال إن روسيا مستعدة للحوار مع الغرب.")
        XCTAssertEqual(s.map(\.actorID), ["vladimir-putin"])
    }

    func testRoleOnlySpeakerResolvesByTheArticleDate() {
        let text = "وقال وزير الخارجية الأمريكي إن الضربة كانت ضرورية لردع النظام."
        XCTAssertEqual(statements(text, published: "2017-04-12").first?.actorID, "rex-tillerson")
        XCTAssertEqual(statements(text, published: "2019-01-10").first?.actorID, "mike-pompeo")
        XCTAssertEqual(statements(text, published: "2017-04-12").first?.resolution, .role)
        let undated = statements(text).first
        XCTAssertEqual(undated?.resolution, .unresolved)
        XCTAssertLessThan(undated?.confidence ?? 1, 0.5)
    }

    func testRoleBoundToANameEarlierInTheDocument() {
        let s = statements("قال وزير الخارجية الروسي، سيرجي لافروف، إن المحادثات كانت صريحة. وتابع وزير الخارجية الروسي أن موسكو تريد تجاوز الخلافات.")
        XCTAssertEqual(s.count, 2)
        XCTAssertEqual(s[1].actorID, "sergey-lavrov")
        XCTAssertEqual(s[1].resolution, .role)
        XCTAssertEqual(s[1].speaker, "وزير الخارجية الروسي")
    }

    func testUnknownTitledNameIsBoundForLaterTitleOnlyMentions() {
        let s = statements("وقالت المتحدثة باسم الوزارة هيذر نويرت إن الوفد سيصل غدا. وأضافت المتحدثة باسم الوزارة أن الزيارة ستستمر يومين.")
        XCTAssertEqual(s.count, 2)
        XCTAssertEqual(s[0].actorID, "unlinked:هيذر نويرت")
        XCTAssertEqual(s[0].actorName, "هيذر نويرت")
        XCTAssertEqual(s[1].actorID, "unlinked:هيذر نويرت")
    }

    func testDroppedSubjectCarriesPreviousSpeaker() {
        let s = statements("قال ماكرون إن فرنسا ستبقى في الاتفاق. وأوضح أنه سيتصل بالرئيس الإيراني قريبا.")
        XCTAssertEqual(s.count, 2)
        XCTAssertEqual(s[1].actorID, "emmanuel-macron")
        XCTAssertEqual(s[1].resolution, .carryover)
    }

    func testFeminineVerbSkipsAMalePreviousSpeaker() {
        let s = statements("قالت ميركل إن أوروبا موحدة في موقفها. وقال ماكرون إن فرنسا ستعمل مع شركائها. وأضافت أن المفاوضات يجب أن تستمر.")
        XCTAssertEqual(s.map(\.actorID), ["angela-merkel", "emmanuel-macron", "angela-merkel"])
    }

    func testPersonMentionedInsideTheSentenceIsNotTheSpeaker() {
        let s = statements("وأضاف لافروف - في مؤتمر صحفي مشترك مع نظيره الأمريكي ريكس تيلرسون عقب اللقاء - أن العلاقات تمر حاليا بمرحلة صعبة.")
        XCTAssertEqual(s.count, 1)
        XCTAssertEqual(s.first?.actorID, "sergey-lavrov")
        XCTAssertTrue(s.first?.content.contains("العلاقات تمر حاليا بمرحلة صعبة") ?? false)
        XCTAssertFalse(s.first?.content.contains("تيلرسون") ?? true)
    }

    func testDirectQuoteAfterColon() {
        let s = statements("وقالت ميركل للصحافيين: \"علينا البقاء في الاتفاق ومواصلة المفاوضات\".")
        XCTAssertEqual(s.first?.kind, .direct)
        XCTAssertEqual(s.first?.content, "علينا البقاء في الاتفاق ومواصلة المفاوضات")
        XCTAssertEqual(s.first?.actorID, "angela-merkel")
    }

    func testIndirectStatementWithAQuotedPartIsMixed() {
        let s = statements("وقال ترامب إن الاتفاق «سيئ جدا» ويجب تغييره بالكامل.")
        XCTAssertEqual(s.first?.kind, .mixed)
        XCTAssertEqual(s.first?.actorID, "donald-trump")
    }

    func testParticipleContinuationIsItsOwnStatementWithTheSameSpeaker() {
        let s = statements("قال لافروف إن موسكو ستحث دمشق على التعاون، مضيفا أن التحقيق يجب أن يكون موضوعيا.")
        XCTAssertEqual(s.count, 2)
        XCTAssertEqual(s.map(\.actorID), ["sergey-lavrov", "sergey-lavrov"])
        XCTAssertEqual(s[1].cueLemma, "أضاف")
        XCTAssertFalse(s[0].content.contains("مضيفا"))
        XCTAssertTrue(s[1].content.contains("التحقيق يجب أن يكون موضوعيا"))
    }

    func testNominalCueAttributesTheClauseBeforeIt() {
        let s = statements("قتل خمسة أشخاص في قصف على ريف إدلب، بحسب وكالة سانا.")
        XCTAssertEqual(s.count, 1)
        XCTAssertEqual(s.first?.actorID, "unlinked:وكاله سانا")
        XCTAssertEqual(s.first?.content, "قتل خمسة أشخاص في قصف على ريف إدلب")
    }

    func testTheNominalCuesGluedLamIsNoPartOfTheSourcesId() {
        // «وفقا لموقع …» and «قال موقع …» name one source
        let s = statements("قتل خمسة أشخاص في قصف على ريف إدلب، وفقا لموقع بوليتيكو.")
        XCTAssertEqual(s.first?.actorID, "unlinked:موقع بوليتيكو")
        XCTAssertEqual(s.first?.speaker, "لموقع بوليتيكو")
        // «للوفد» is «لـ» and «الوفد»; «للجنة» is «لـ» and «لجنة», an institution's head
        XCTAssertEqual(statements("وصل الوزير إلى القصر الملكي للقاء ولي العهد، وفقا للوفد المرافق.").first?.actorID,
                       "unlinked:الوفد المرافق")
        XCTAssertEqual(statements("ارتفع إنتاج النفط الأسبوع الماضي إلى مستوى قياسي، وفقا للجنة الطاقة.").first?.actorID,
                       "unlinked:لجنه الطاقه")
        XCTAssertEqual(statements("شهدت البلاد سقوط أمطار غزيرة على ولاية صلالة، وفقا للجنة الوطنية للدفاع المدني.").first?.actorID,
                       "unlinked:اللجنه الوطنيه للدفاع المدني")
        // «لتصريحات»: who made them follows
        XCTAssertEqual(statements("ارتفعت حصيلة القتلى إلى ثلاثين شخصا، وفقا لتصريحات المحلل رود هول.").first?.actorID,
                       "unlinked:رود هول")
        // «وفقا لذلك» is «accordingly»; «وفقا لهذه الخطة», a thing: no source
        XCTAssertTrue(statements("ووفقا لذلك، ستقوم الهيئة الوطنية للإعلام بإيداع المبلغ في حساب الاتحاد.").isEmpty)
        XCTAssertTrue(statements("ووفقا لهذه الخطة، سيواصل الاتحاد استخدام الملعب لاستضافة المباريات.").isEmpty)
    }

    func testASubjectSeparatedFromItsVerbByARelativeClauseSpeaks() {
        let s = statements("وقال بوتين إن العلاقات جيدة. لكن ترامب الذي لم يفاوض بشكل مباشر على الاتفاق هدد مرارا بفرض عقوبات جديدة.")
        XCTAssertEqual(s.map(\.actorID), ["vladimir-putin", "donald-trump"])
        XCTAssertEqual(statements("وكانت ميركل، التي تزور باريس منذ أمس، قالت إن الاتحاد متماسك.").first?.actorID, "angela-merkel")
        // the clause's noun is no speaker when the verb opens its own clause, or when it is a thing
        // or the sentence's opening verb
        for text in ["وقال بوتين إن العلاقات جيدة. وأثار التفسير الذي قدمه الوزير الغضب والسخرية، إذ قال إن الكلفة بسيطة.",
                     "وقال بوتين إن العلاقات جيدة. وروت الصحيفة الأحداث التي حصلت قبل الاجتماع وكتبت أن الوفد غادر."] {
            XCTAssertFalse(statements(text).contains { $0.actorID.contains("التفسير") || $0.actorID.contains("الاحداث") }, text)
        }
        // «مع صديق قال إن …»: the verb describes the person noun before it; no carry-over
        XCTAssertEqual(statements("وقال بوتين إن العلاقات جيدة. وأجرت القناة لقاء مع صديق قال إن المتهم كان يكره الكلية.").map(\.actorID),
                       ["vladimir-putin"])
    }

    func testHeadlineWithColonIsATitleStatement() {
        let title = "ترامب: قرارنا بشأن سوريا سيصدر قريبا جدا"
        let s = statements("جاء ذلك في تغريدة.", title: title)
        let head = s.first { $0.part == "title" }
        XCTAssertEqual(head?.actorID, "donald-trump")
        XCTAssertEqual(head?.content, "قرارنا بشأن سوريا سيصدر قريبا جدا")
        let scalars = Array(title.unicodeScalars)
        XCTAssertEqual(head.map { String(String.UnicodeScalarView(scalars[$0.contentStart..<$0.contentEnd])) }, head?.content)
    }

    func testWordsGluedByScrapingDoNotBreakTheSentence() {
        let s = statements("وأضاف لافروف أن العلاقات بين روسياوالولاياتالمتحدة تمر بمرحلة صعبة. وقال بوتين إن الحوار مستمر.")
        XCTAssertEqual(s.count, 2)
        XCTAssertTrue(s[0].content.hasSuffix("تمر بمرحلة صعبة"))
        XCTAssertEqual(s[1].actorID, "vladimir-putin")
    }

    func testVagueSourcesAreNotEmitted() {
        XCTAssertTrue(statements("وقالت مصادر مطلعة إن الاجتماع تأجل إلى الأسبوع المقبل.").isEmpty)
    }

    func testOrganisationsSpeak() {
        let s = statements("وقالت وزارة الخارجية الروسية في بيان إن العقوبات غير قانونية.")
        XCTAssertEqual(s.first?.actorID, "unlinked:وزاره الخارجيه الروسيه")
        XCTAssertEqual(s.first?.speaker, "وزارة الخارجية الروسية")
    }

    func testCueInsideReportedContentIsNested() {
        let s = statements("وتابع وزير الخارجية الروسي أن بوتين أكد خلال المحادثات عزم موسكو تجاوز الخلافات.", published: "2017-04-12")
        XCTAssertEqual(s.count, 1)
        XCTAssertEqual(s.first?.actorID, "sergey-lavrov")
    }

    func testContentOffsetsAreUnicodeScalarsIntoTheText() {
        let text = "وقالَ لافروفُ إنّ موسكو لن تتراجع 🙂 عن موقفها."
        let s = statements(text)
        let scalars = Array(text.unicodeScalars)
        guard let st = s.first else { return XCTFail("no statement") }
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[st.contentStart..<st.contentEnd])), st.content)
    }

    func testStatementIDsAreStableFNVHashes() {
        let text = "وقال لافروف إن موسكو لن تتراجع."
        let a = statements(text), b = statements(text)
        XCTAssertEqual(a.map(\.statementID), b.map(\.statementID))
        XCTAssertEqual(a.first?.statementID.count, 16)
        XCTAssertEqual(StatementID.make(docID: "d", part: "text", start: 0, end: 1),
                       StatementID.make(docID: "d", part: "text", start: 0, end: 1))
        XCTAssertNotEqual(StatementID.make(docID: "d", part: "text", start: 0, end: 1),
                          StatementID.make(docID: "d", part: "title", start: 0, end: 1))
    }

    func testCueInsideQuotedWordsDoesNotStartAStatement() {
        let s = statements("وأشارت ميركل إلى أن الاتفاق \"ليس مبينا على حسن النوايا، مضيفة أن الثقة مفقودة\".")
        XCTAssertEqual(s.count, 1)
        XCTAssertTrue(s.first?.content.contains("مضيفة أن الثقة مفقودة") ?? false)
    }

    func testRequiredPrepositionMayFollowTimeWords() {
        let s = statements("أعرب الرئيس الروسي فلاديمير بوتين، الثلاثاء، عن أمله بأن ينجح الاجتماع.")
        XCTAssertEqual(s.first?.actorID, "vladimir-putin")
        XCTAssertEqual(s.first?.content, "عن أمله بأن ينجح الاجتماع")
        XCTAssertTrue(statements("وعبر الجسر آلاف المهاجرين هذا العام.").isEmpty)   // «عبر» without «عن» is not «expressed»
    }

    func testRelativeClauseAndImpersonalCuesAreNotStatements() {
        XCTAssertTrue(statements("ويشرف المحقق على القضية المتعلقة بروسيا التي تنفي التدخل في الانتخابات.").isEmpty)
        XCTAssertTrue(statements("ويذكر أن الاتفاق وقع في عام 2015 بين إيران والدول الكبرى.").isEmpty)
    }

    func testTitleOnlyMentionMatchesALongerBoundTitle() {
        let s = statements("وقال نائب رئيس المفوضية الأوروبية يركي كتاينن إن الاتحاد مستعد للرد. وأضاف نائب رئيس المفوضية أن الحوار هو الهدف الأول.")
        XCTAssertEqual(s.count, 2)
        XCTAssertEqual(s[1].actorID, s[0].actorID)
        XCTAssertEqual(s[1].resolution, .role)
    }

    func testAsSaidClauseAttributesWhatCameBefore() {
        let s = statements("قتل شخص وأصيب خمسة آخرون في حريق كبير، حسبما قالت الشرطة.")
        XCTAssertEqual(s.count, 1)
        XCTAssertEqual(s.first?.actorID, "unlinked:الشرطه")
        XCTAssertEqual(s.first?.content, "قتل شخص وأصيب خمسة آخرون في حريق كبير")
    }

    func testLongTitleIsTrimmedFromAnUnlinkedName() {
        let s = statements("وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الوضع خطير. وأضاف الأمين العام أن الحل سياسي.")
        XCTAssertEqual(s.map(\.actorID), ["unlinked:انطونيو غوتيريش", "unlinked:انطونيو غوتيريش"])
        XCTAssertEqual(s[1].resolution, .role)
    }
}
