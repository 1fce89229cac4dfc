import Foundation
import XCTest
@testable import Qawl

/// Linking through the document's context, as an analyst reading the timelines would check it:
/// short names («ماي», «عباس», «المالكي») link only when the article names the actor elsewhere,
/// generic heads («الوكالة», «الوزارة») refer back to the organisation named before, and speaker
/// spans stop where the verb's object begins. A small registry written here keeps the cases clear.
final class ExtractLinkingTests: XCTestCase {
    static let roles: [Role] = [
        Role(id: "uk-prime-minister", aliases: ["رئيسة الوزراء البريطانية", "رئيس الوزراء البريطاني"]),
        Role(id: "palestine-president", aliases: ["الرئيس الفلسطيني"]),
        Role(id: "palestine-foreign-minister", aliases: ["وزير الخارجية الفلسطيني"]),
        Role(id: "russia-foreign-ministry-spokesperson", organisation: "russian-foreign-ministry",
             aliases: ["المتحدثة باسم وزارة الخارجية الروسية"]),
    ]

    static let actors: [Actor] = [
        Actor(id: "theresa-may", kind: .person, gender: .female, name: "Theresa May",
              aliases: ["تيريزا ماي", "Theresa May"], contextAliases: ["ماي", "May"],
              roles: [RoleTenure(role: "uk-prime-minister", from: "2016-07-13", until: "2019-07-24")]),
        Actor(id: "mahmoud-abbas", kind: .person, gender: .male, name: "Mahmoud Abbas",
              aliases: ["محمود عباس", "أبو مازن", "Mahmoud Abbas"],
              roles: [RoleTenure(role: "palestine-president", from: "2005-01-15", until: nil)]),
        Actor(id: "riyad-al-maliki", kind: .person, gender: .male, name: "Riyad al-Maliki",
              aliases: ["رياض المالكي"], contextAliases: ["المالكي"],
              roles: [RoleTenure(role: "palestine-foreign-minister", from: "2007-05-13", until: nil)]),
        Actor(id: "turki-al-maliki", kind: .person, gender: .male, name: "Turki al-Maliki",
              aliases: ["تركي المالكي", "العقيد تركي المالكي"], contextAliases: ["المالكي"]),
        Actor(id: "mohammed-bin-salman", kind: .person, gender: .male, name: "Mohammed bin Salman",
              aliases: ["محمد بن سلمان"]),
        Actor(id: "maria-zakharova", kind: .person, gender: .female, name: "Maria Zakharova",
              aliases: ["ماريا زاخاروفا", "زاخاروفا"],
              roles: [RoleTenure(role: "russia-foreign-ministry-spokesperson", from: "2015-08-10", until: nil)]),
        Actor(id: "afp", kind: .organisation, name: "AFP", aliases: ["وكالة الأنباء الفرنسية", "فرانس برس"]),
        Actor(id: "reuters", kind: .organisation, name: "Reuters", aliases: ["رويترز", "وكالة رويترز"]),
        Actor(id: "russian-foreign-ministry", kind: .organisation, name: "Russian Foreign Ministry",
              aliases: ["وزارة الخارجية الروسية", "الخارجية الروسية"]),
        Actor(id: "syrian-observatory", kind: .organisation, name: "Syrian Observatory for Human Rights",
              aliases: ["المرصد السوري لحقوق الإنسان"]),
        Actor(id: "un-security-council", kind: .organisation, name: "UN Security Council", aliases: ["مجلس الأمن", "مجلس الأمن الدولي"]),
        Actor(id: "world-bank", kind: .organisation, name: "World Bank", aliases: ["البنك الدولي"]),
        Actor(id: "turkey", kind: .organisation, name: "Turkey", aliases: ["تركيا"]),
        Actor(id: "al-masirah-tv", kind: .organisation, name: "Al-Masirah TV", aliases: ["قناة المسيرة"]),
        Actor(id: "pope-francis", kind: .person, gender: .male, name: "Pope Francis",
              aliases: ["البابا فرنسيس", "البابا فرانسيس"], contextAliases: ["البابا"]),
        Actor(id: "pope-tawadros-ii", kind: .person, gender: .male, name: "Pope Tawadros II",
              aliases: ["البابا تواضروس"], contextAliases: ["البابا"]),
    ]

    static let extractor: ArabicExtractor = try! ArabicExtractor(dataDirectory: TestRegistry.dataDirectory, actors: actors, roles: roles)

    func statements(_ text: String, title: String? = nil, published: String? = "2018-03-15") -> [Statement] {
        Self.extractor.extract(from: TestRegistry.document(text, title: title, published: published))
    }

    // MARK: - Short names bound by the document
    func testARoleSpeaksWhenTheSpanRunsIntoTheVerbsObject() {
        // «وحثت رئيسة الوزراء البريطانية الحكومات الأوروبية على …»: the object is no part of the speaker
        let s = statements("وحثت رئيسة الوزراء البريطانية الحكومات الأوروبية على التحرك، وقالت إن الوقت ينفد.")
        XCTAssertEqual(s.first?.actorID, "theresa-may")
        // a former holder is not the holder on the article's date
        // a registry name followed by its addressee («للفلسطينيين») speaks too, as in headlines
        let headline = statements("وعقد الرئيس الفلسطيني اجتماعا في رام الله.", title: "محمود عباس للفلسطينيين: لن نقبل بأي صفقة لا تضمن القدس")
        XCTAssertEqual(headline.first(where: { $0.content.hasPrefix("لن نقبل") })?.actorID, "mahmoud-abbas")
        let former = statements("وحثت رئيسة الوزراء البريطانية السابقة الحكومات الأوروبية على التحرك.")
        XCTAssertNotEqual(former.first?.actorID, "theresa-may")
    }

    func testANameWrittenInQuotationMarksLinks() {
        // Outlets are often written with their own name in quotation marks: «قناة "المسيرة"».
        XCTAssertEqual(statements("وقالت قناة \"المسيرة\" إن الغارات استهدفت سوقا شعبيا.").first?.actorID, "al-masirah-tv")
        XCTAssertEqual(statements("وقالت قناة «المسيرة» إن الغارات استهدفت سوقا شعبيا.").first?.actorID, "al-masirah-tv")
        XCTAssertEqual(statements("وقالت وكالة \"رويترز\" إن المحادثات انتهت دون اتفاق.").first?.actorID, "reuters")
        // A quotation after a name is the statement, not part of the name.
        let s = statements("وقال المرصد السوري لحقوق الإنسان \"قتل 12 مدنيا في القصف\".")
        XCTAssertEqual(s.first?.actorID, "syrian-observatory")
        XCTAssertEqual(s.first?.content.hasPrefix("قتل 12"), true)
    }


    func testShortNameLinksWhenTheArticleNamesTheActorLater() {
        // the full name comes only after the short form, and never as a speaker
        let s = statements("وقالت ماي إن بلادها ستطرد 23 دبلوماسيا روسيا. وكانت تيريزا ماي قد وصلت إلى البرلمان صباحا وسط إجراءات أمنية.")
        XCTAssertEqual(s.first?.actorID, "theresa-may")
        XCTAssertEqual(s.first?.resolution, .name)
    }

    func testShortNameStaysUnlinkedWithoutTheActorInTheArticle() {
        // «ماي» is also a first name and a month: alone it names nobody
        let s = statements("وقالت ماي إن الحفل سيقام في الحديقة العامة للمدينة.")
        XCTAssertEqual(s.first?.actorID, "unlinked:ماي")
    }

    func testATitleThatIsAContextAliasLinksToTheActorTheArticleNames() {
        // «البابا» is a title («البابا تواضروس») and the short form of several popes: alone it is the
        // pope the article names, and nobody in an article that names none (it is also a surname)
        let rome = statements("دعا البابا فرنسيس الأحد إلى وقف فوري للعنف في سوريا. وقال البابا إن الحرب يجب أن تتوقف.")
        XCTAssertEqual(rome.last?.actorID, "pope-francis")
        let cairo = statements("استقبل البابا تواضروس وفدا من البرلمان في القاهرة. وقال البابا إن الكنيسة تدعم الحوار.")
        XCTAssertEqual(cairo.last?.actorID, "pope-tawadros-ii")
        let gaza = statements("وقال البابا إنه كان يصور في منطقة شرق جباليا عندما أصيب.")
        XCTAssertEqual(gaza.first?.actorID, "unlinked:البابا")
    }

    func testNamesWrittenAsHashtagsLink() {
        // news sites write names as hashtags: «#محمد_بن_سلمان», «#البنك_الدولي»
        let s = statements("شدد الأمير #محمد_بن_سلمان على أهمية الإجراءات. وقال #البنك_الدولي إن النمو سيتباطأ هذا العام.")
        XCTAssertEqual(s.map(\.actorID), ["mohammed-bin-salman", "world-bank"])
        XCTAssertEqual(s.last?.content, "إن النمو سيتباطأ هذا العام")
    }

    func testAPersonKnownThroughARegistryPersonIsNotThatPerson() {
        // «محامي …», «خطيبة …»: the lawyer and the fiancée speak, not the person named after them
        let lawyer = statements("وقال محامي محمود عباس إن موكله لم يتلق أي استدعاء من المحكمة.")
        XCTAssertEqual(lawyer.first?.actorID, "unlinked:محامي محمود عباس")
        let fiancee = statements("وقالت خطيبة محمد بن سلمان إن الخبر غير صحيح على الإطلاق.")
        XCTAssertEqual(fiancee.first?.actorID, "unlinked:خطيبه محمد بن سلمان")
        // an office speaks for the person
        XCTAssertEqual(statements("وقال مكتب تيريزا ماي إن الاجتماع تناول الرد على موسكو.").first?.actorID, "theresa-may")
    }

    func testARelationPhraseFindsThePersonTheDocumentNamedSo() {
        // the name's apposition ties the relation phrase, however worded, to her
        let s = statements("قالت سارة الحربي، خطيبة الأمير محمد بن سلمان، إنها لم تتلق أي اتصال. وأضافت خطيبة محمد بن سلمان أنها ستقاضي الصحيفة.")
        XCTAssertEqual(s.map(\.actorID), ["unlinked:ساره الحربي", "unlinked:ساره الحربي"])
        // so does the name after the relation phrase and a comma
        let t = statements("وقالت خطيبة محمد بن سلمان، سارة الحربي، إن الخبر غير صحيح. وأضافت خطيبة محمد بن سلمان أنها ستقاضي الصحيفة.")
        XCTAssertEqual(t.map(\.actorID), ["unlinked:ساره الحربي", "unlinked:ساره الحربي"])
        // a description of the registry person after the comma is no name
        let u = statements("وقال والد محمود عباس، الرئيس الفلسطيني، إن ابنه بخير.", published: "2018-03-15")
        XCTAssertEqual(u.first?.actorID, "unlinked:والد محمود عباس")
        // «خطيبته»: the relation of the person named last before it
        let v = statements("قالت سارة الحربي، خطيبة الأمير محمد بن سلمان، إنها لم تتلق أي اتصال. وأكد محمد بن سلمان أنه سيعود. وقالت خطيبته إنه لم يعد.")
        XCTAssertEqual(v.map(\.actorID), ["unlinked:ساره الحربي", "mohammed-bin-salman", "unlinked:ساره الحربي"])
        // another document's relation phrase stays unlinked
        XCTAssertEqual(statements("وأضافت خطيبة محمد بن سلمان أنها ستقاضي الصحيفة.").first?.actorID, "unlinked:خطيبه محمد بن سلمان")
    }

    func testARelationWordOpeningThePhraseGovernsThePersonAfterTheirTitle() {
        func actor(_ text: String) -> String? { statements(text, published: "2018-03-15").first?.actorID }
        // the construct state with the person's own office between: the wife, not the president
        XCTAssertEqual(actor("وقالت زوجة الرئيس الفلسطيني محمود عباس إنها تتابع العلاج في عمان."),
                       "unlinked:زوجه الرييس الفلسطيني محمود عباس")
        // the article and «لـ»: the personal lawyer
        XCTAssertEqual(actor("وقال المحامي الشخصي لمحمود عباس إن موكله لم يتلق أي استدعاء."),
                       "unlinked:المحامي الشخصي لمحمود عباس")
        // the relation word with the article before the name is the person's own description
        XCTAssertEqual(actor("وقال المعارض الفلسطيني محمود عباس إن الاجتماع فشل."), "mahmoud-abbas")
        // after a comma the name is the relation's own
        XCTAssertEqual(actor("وقال محامي الأمير، محمود عباس، إن الاجتماع فشل."), "mahmoud-abbas")
        // an organisation, or an office the person never held, is what the relation is to
        XCTAssertEqual(actor("وقال محامي وكالة رويترز محمود عباس إن الاجتماع فشل."), "mahmoud-abbas")
        XCTAssertEqual(actor("وقال مساعد رئيسة الوزراء البريطانية محمود عباس إن الاجتماع فشل."), "mahmoud-abbas")
        // an aide's word forms a title with any office
        XCTAssertEqual(actor("وقال مساعد رئيس الكتلة النيابية محمود عباس إن الاجتماع فشل."), "mahmoud-abbas")
        XCTAssertEqual(actor("وقال والد اللاعب محمود عباس إن ابنه بخير."), "unlinked:والد اللاعب محمود عباس")
    }

    func testATitleWithoutTheArticleBeforeARegistryPersonIsSomeoneOfTheirs() {
        func actor(_ text: String) -> String? { statements(text, published: "2018-03-15").first?.actorID }
        // «مستشار عباس»: the adviser of Abbas, not Abbas
        XCTAssertEqual(actor("وقال مستشار محمود عباس إن الاجتماع فشل."), "unlinked:مستشار محمود عباس")
        XCTAssertEqual(actor("وقال نائب محمود عباس إن الاجتماع فشل."), "unlinked:نايب محمود عباس")
        // with the article, with a pronoun («its coach»), or an office the person holds: the person
        XCTAssertEqual(actor("وقال المستشار محمود عباس إن الاجتماع فشل."), "mahmoud-abbas")
        XCTAssertEqual(actor("وقال مستشاره محمود عباس إن الاجتماع فشل."), "mahmoud-abbas")
        XCTAssertEqual(actor("وقال وزير رياض المالكي إن الاجتماع فشل."), "riyad-al-maliki")
        // the relation's domain before a comma, then the name of the one it names
        XCTAssertEqual(actor("وقال مستشار محمود عباس للأمن القومي، رياض المالكي، إن الاجتماع فشل."), "riyad-al-maliki")
        // a relation of two words: «وكيل أعمال» is an agent (and «وكيل» no «و» + «كيل»)
        XCTAssertEqual(actor("وقال وكيل أعمال النجم الفلسطيني محمود عباس إن العرض رفض."),
                       "unlinked:وكيل اعمال النجم الفلسطيني محمود عباس")
    }

    func testShortNameLinksThroughARoleHeldOnTheArticlesDate() {
        let text = "التقت رئيسة الوزراء البريطانية بأعضاء حكومتها صباح الخميس. وقالت ماي إن الرد سيكون حازما."
        XCTAssertEqual(statements(text, published: "2018-03-15").last?.actorID, "theresa-may")
        // in 2021 somebody else holds the office, so the article does not name May
        XCTAssertEqual(statements(text, published: "2021-03-15").last?.actorID, "unlinked:ماي")
    }

    func testAnOrganisationAfterAnAffiliationWordIsNotTheSpeaker() {
        let s = statements("وأكدت الفصائل السورية الموالية لتركيا أنها سيطرت على التلة.")
        XCTAssertEqual(s.first?.actorID, "unlinked:الفصايل السوريه")
        XCTAssertEqual(statements("وأكدت تركيا أنها سيطرت على التلة.").first?.actorID, "turkey")
    }

    func testANameBeforeItsTitleInAnOrganisationSpeaksForItself() {
        let s = statements("وقال جون سميث، رئيس المكتب الإعلامي للبنك الدولي، إن النمو سيتباطأ هذا العام.")
        XCTAssertEqual(s.first?.actorID, "unlinked:جون سميث")
        // the organisation alone still speaks
        XCTAssertEqual(statements("وقال البنك الدولي إن النمو سيتباطأ هذا العام.").first?.actorID, "world-bank")
    }

    func testPersianLetterFormsMatchTheArabicAliases() {
        // ی (U+06CC) and ک (U+06A9), as Persian keyboards type them, in «محمود عباس» and «الخارجیة»
        let s = statements("وقال الرئیس محمود عباس إن القدس ستبقى عاصمة لدولة فلسطين. وأکدت وزارة الخارجیة الروسیة أن موسكو ترفض القرار.")
        XCTAssertEqual(s.map(\.actorID), ["mahmoud-abbas", "russian-foreign-ministry"])
    }

    func testSurnameOfARegistryNameLinksWithoutAnyRegistryEntryForIt() {
        let text = "واستقبل الرئيس محمود عباس وفدا من رجال الأعمال في رام الله. وأكد عباس أن القدس ستبقى عاصمة لدولة فلسطين."
        let s = statements(text)
        XCTAssertEqual(s.map(\.actorID), ["mahmoud-abbas"])
        XCTAssertEqual(statements("وأكد عباس أن الفريق سيلعب مباراته المقبلة على أرضه.").first?.actorID, "unlinked:عباس")
    }

    func testSharedShortNameGoesToTheOneTheArticleNames() {
        let riyad = statements("التقى وزير الخارجية رياض المالكي نظيره الأردني في عمان. وقال المالكي إن الاجتماع كان مثمرا.")
        XCTAssertEqual(riyad.last?.actorID, "riyad-al-maliki")
        let turki = statements("وعقد العقيد تركي المالكي مؤتمرا صحفيا في الرياض. وقال المالكي إن الصاروخ اعترض فوق العاصمة.")
        XCTAssertEqual(turki.last?.actorID, "turki-al-maliki")
        // both named: the one named last before the speaker
        let both = statements("وكان رياض المالكي قد زار نيويورك. وفي الرياض ظهر تركي المالكي أمام الصحفيين. وقال المالكي إن التحالف سيواصل عملياته.")
        XCTAssertEqual(both.last?.actorID, "turki-al-maliki")
    }

    func testAFathersNameIsNoSurname() {
        let s = statements("وصل ولي العهد محمد بن سلمان إلى باريس. وقال سلمان إن المعرض سيفتح أبوابه غدا.")
        XCTAssertEqual(s.last?.actorID, "unlinked:سلمان")
    }

    // MARK: - Generic heads refer back

    func testAgencyNamedEarlierSpeaksAsTheAgency() {
        let text = "ونشرت وكالة الأنباء الفرنسية صورا للموقع بعد الانفجار. وقالت الوكالة إن عدد الضحايا ارتفع إلى 12 قتيلا."
        let s = statements(text)
        XCTAssertEqual(s.last?.actorID, "afp")
        XCTAssertEqual(s.last?.resolution, .carryover)
        XCTAssertEqual(statements("وقالت الوكالة إن عدد الضحايا ارتفع إلى 12 قتيلا.").last?.actorID, "unlinked:الوكاله")
    }

    func testMinistryIsTheOrganisationOfAnOfficeNamedBefore() {
        let text = "وردت المتحدثة باسم وزارة الخارجية الروسية على أسئلة الصحفيين حول العقوبات الجديدة. وقالت الوزارة إن موسكو سترد بالمثل."
        XCTAssertEqual(statements(text).last?.actorID, "russian-foreign-ministry")
    }

    // MARK: - Speaker spans

    func testSpeakerEndsWhereAVerbalNounOpensTheObject() {
        let may = statements("أعلنت ماي عدم حضور الوزراء لكأس العالم في روسيا، وذلك في كلمة ألقتها تيريزا ماي أمام البرلمان.")
        XCTAssertEqual(may.first?.actorID, "theresa-may")
        XCTAssertEqual(may.first?.speaker, "ماي")
        let walid = statements("وأكد الوليد دعمه الكلي لمبادرة الإصلاح الاقتصادي في المملكة.")
        XCTAssertEqual(walid.first?.actorID, "unlinked:الوليد")
    }

    func testSpeakerEndsBeforeAPossessiveObject() {
        let s = statements("ودعت مملكة البحرين مواطنيها إلى مغادرة العراق فورا.")
        XCTAssertEqual(s.first?.speaker, "مملكة البحرين")
        // a title keeps its possessive complement: «وزير خارجيتها» is the speaker
        let t = statements("وقال وزير خارجيتها إن الحوار هو السبيل الوحيد.")
        XCTAssertEqual(t.first?.speaker, "وزير خارجيتها")
    }

    func testOrganisationAfterADefiniteSubjectIsTheObject() {
        let s = statements("وطالب مجلس الجامعة مجلس الأمن بتحمل مسؤولياته لحفظ السلم الدولي.")
        XCTAssertEqual(s.first?.actorID, "unlinked:مجلس الجامعه")
    }

    func testFiguresAreNoSpeakersButAnOrganisationsFiguresAre() {
        XCTAssertTrue(statements("وكشفت الأرقام أن نسبة البطالة ارتفعت إلى 12 في المئة.").isEmpty)
        XCTAssertTrue(statements("وتشير التقديرات إلى أن عدد السكان سيتجاوز ثمانية مليارات.").isEmpty)
        XCTAssertEqual(statements("وأوضحت تقديرات البنك الدولي أن النمو سيتباطأ هذا العام.").first?.actorID, "world-bank")
    }

    func testAmountAndHereAreNoReportingVerbs() {
        XCTAssertTrue(statements("وقتل طفل يبلغ من العمر 14 عاما في القصف على المدينة.").isEmpty)
        XCTAssertTrue(statements("وتبلغ قيمتها 15 مليار دولار على مدى عشر سنوات.").isEmpty)
        XCTAssertTrue(statements("وهنا نتساءل عن دور الوزارة في مراقبة هذه الكليات.").isEmpty)
    }

    func testQuotedRegistryNameIsTheSpeaker() {
        XCTAssertEqual(statements("وقالت وكالة \"رويترز\" إن المحادثات ستستأنف الأسبوع المقبل.").first?.actorID, "reuters")
        XCTAssertEqual(statements("وتقول \"رويترز\" إن المحادثات ستستأنف الأسبوع المقبل.").first?.actorID, "reuters")
        let end = statements("وارتفعت حصيلة القتلى إلى 40 شخصا، حسب ما أفادت وكالة \"فرانس برس\".")
        XCTAssertEqual(end.first?.actorID, "afp")
    }

    func testAStatementsIssuerSpeaks() {
        let s = statements("وقال بيان صادر عن وزارة الخارجية الروسية إن موسكو لن تقبل بأي ضغوط.")
        XCTAssertEqual(s.first?.actorID, "russian-foreign-ministry")
        let n = statements("وبدأت التدريبات العسكرية الثلاثاء، وفقا لبيان صادر عن وزارة الخارجية الروسية.")
        XCTAssertEqual(n.first?.actorID, "russian-foreign-ministry")
    }

    func testTheSubjectMayFollowAPrepositionWithAPronoun() {
        let s = statements("وعرض التلفزيون مقابلة مع الوزير، أعلن خلالها رياض المالكي أن الوفد سيتوجه إلى نيويورك.")
        XCTAssertEqual(s.first?.actorID, "riyad-al-maliki")
        XCTAssertEqual(s.first?.content, "أن الوفد سيتوجه إلى نيويورك")
    }

    func testANounWithTheArticleAfterAConstructWordBelongsToTheName() {
        // «الإعلان» is a verbal noun, but here the genitive of «معايير»
        let s = statements("وقالت هيئة معايير الإعلان إن الإعلانات المضللة ستسحب من الأسواق.")
        XCTAssertEqual(s.first?.speaker, "هيئة معايير الإعلان")
    }

    func testFiguresGluedToTheirIssuer() {
        let s = statements("وقتل 12 مسلحا في ضربات جوية قرب البوكمال، وفق حصيلة للمرصد السوري لحقوق الإنسان.")
        XCTAssertEqual(s.first?.actorID, "syrian-observatory")
    }

    func testAChannelQuotingASourceAfterAnGivesTheStatementToTheSource() {
        // the guidelines: the source is the speaker, the outlet the channel
        let s = statements("ونقلت وكالة رويترز عن وزير المالية الياباني تارو آسو قوله إن الحكومة خصصت مليار دولار للإعمار.")
        XCTAssertEqual(s.first?.actorID, "unlinked:تارو اسو")
        XCTAssertEqual(s.first?.content, "إن الحكومة خصصت مليار دولار للإعمار")
    }

    // MARK: - English

    func testEnglishShortNameLinksWhenTheArticleNamesTheActor() throws {
        let lex = try EnglishLexicon(dataDirectory: TestRegistry.dataDirectory)
        let english = EnglishExtractor(lexicon: lex, matcher: ActorMatcher(actors: Self.actors, roles: Self.roles,
                                                                           clitics: Clitics(proclitics: [], enclitics: [])))
        func run(_ text: String) -> [Statement] {
            english.extract(from: Document(docID: "t1", published: "2018-03-15", lang: "en", text: text, input: "test", record: 0))
        }
        let named = run("Theresa May met her cabinet on Thursday. May said Britain would expel 23 Russian diplomats.")
        XCTAssertEqual(named.last?.actorID, "theresa-may")
        let alone = run("May said the festival would open in the park next week.")
        XCTAssertEqual(alone.last?.actorID, "unlinked:may")
    }
}

/// `context_aliases` in the registry files, as an editor writes them.
final class RegistryContextAliasTests: XCTestCase {
    func testContextAliasesLoadAndASharedOneIsFine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-ctx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            actors:
              - {id: riyad-al-maliki, aliases: {ar: [رياض المالكي]}, context_aliases: {ar: [المالكي], en: [Maliki]}}
              - {id: nouri-al-maliki, aliases: {ar: [نوري المالكي]}, context_aliases: {ar: [المالكي]}}
            """.write(to: dir.appendingPathComponent("people.yaml"), atomically: true, encoding: .utf8)
        let registry = try ActorRegistry.load(directory: dir)
        XCTAssertEqual(registry.actor(id: "riyad-al-maliki")?.contextAliases, ["المالكي", "Maliki"])
        XCTAssertEqual(registry.validate(), [])
        let matcher = ActorMatcher(actors: registry.actors, roles: registry.roles, clitics: Clitics(proclitics: [], enclitics: []))
        XCTAssertEqual(matcher.contextualActors(ActorMatcher.words("المالكي")).count, 2)
        // a context alias is no alias: the matcher does not find it alone
        XCTAssertTrue(matcher.mentions(in: Tokenizer.tokenize(Array("قال المالكي".unicodeScalars)), range: 0..<2).isEmpty)
    }

    func testContextAliasThatIsAlsoAPlainAliasIsAWarning() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qawl-ctx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            actors:
              - {id: sergey-lavrov, aliases: [سيرجي لافروف, لافروف], context_aliases: [لافروف]}
            """.write(to: dir.appendingPathComponent("people.yaml"), atomically: true, encoding: .utf8)
        let problems = try ActorRegistry.load(directory: dir).validate()
        XCTAssertEqual(problems.map(\.severity), [.warning])
        XCTAssertTrue(problems.first?.message.contains("context alias") ?? false)
    }
}
