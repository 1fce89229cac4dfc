/// One attributed statement: who said what, through which cue, in which document.
/// Field names and meanings are the `statements.jsonl` contract of `spec/OUTPUT.md`.
///
///     «وأضاف لافروف - في مؤتمر صحفي مع نظيره الأمريكي ريكس تيلرسون - أن العلاقات … تمر بمرحلة صعبة»
///       → speaker: sergey-lavrov (name) · cue: أضاف · kind: indirect · content: «العلاقات … صعبة»
public struct Statement: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case direct, indirect, mixed }
    public enum Resolution: String, Sendable, CaseIterable { case name, role, carryover, unresolved }

    public var statementID: String
    public var docID: String
    /// Registry id (`sergey-lavrov`) or `unlinked:<normalised speaker>`.
    public var actorID: String
    public var actorName: String
    /// Speaker mention as written.
    public var speaker: String
    public var resolution: Resolution
    public var cue: String
    public var cueLemma: String
    public var kind: Kind
    public var content: String
    public var sentence: String
    public var lang: String
    public var published: String?
    public var dateSource: String?
    public var url: String?
    public var source: String?
    public var title: String?
    public var input: String
    public var record: Int
    /// Offsets of `content` in `Document.text`, in Unicode scalars.
    public var contentStart: Int
    public var contentEnd: Int
    public var confidence: Double
    /// Where the content offsets point: `text` (`Document.text`) or `title` (headline statements of
    /// the «ترامب: …» form, whose offsets point into `Document.title`).
    public var part: String = "text"

    public init(statementID: String = "", docID: String, actorID: String, actorName: String,
                speaker: String, resolution: Resolution, cue: String, cueLemma: String, kind: Kind,
                content: String, sentence: String, lang: String, published: String? = nil,
                dateSource: String? = nil, url: String? = nil, source: String? = nil,
                title: String? = nil, input: String, record: Int, contentStart: Int,
                contentEnd: Int, confidence: Double) {
        self.statementID = statementID
        self.docID = docID
        self.actorID = actorID
        self.actorName = actorName
        self.speaker = speaker
        self.resolution = resolution
        self.cue = cue
        self.cueLemma = cueLemma
        self.kind = kind
        self.content = content
        self.sentence = sentence
        self.lang = lang
        self.published = published
        self.dateSource = dateSource
        self.url = url
        self.source = source
        self.title = title
        self.input = input
        self.record = record
        self.contentStart = contentStart
        self.contentEnd = contentEnd
        self.confidence = confidence
    }
}

/// Finds the attributed statements of one document. Implementations are per language family
/// but share the text and actor machinery; they must be safe to call from several threads.
public protocol StatementExtractor: Sendable {
    func extract(from document: Document) -> [Statement]
    /// Builds what extracting `document` needs and is not built yet (the extractor of its
    /// language: `LanguageRouter`). The pipeline calls it before `extract(from:)`, outside the
    /// extraction stage's timing.
    func prepare(for document: Document)
    /// Throws the error of a part that `prepare(for:)` failed to build.
    func checkPrepared() throws
    /// False while `prepare(for: document)` would wait for a build that another thread is doing
    /// (the set-up in the background, or a worker building the document's language): the
    /// pipeline's workers parse other records meanwhile instead of waiting.
    func isPrepared(for document: Document) -> Bool
}

extension StatementExtractor {
    public func prepare(for document: Document) {}
    public func isPrepared(for document: Document) -> Bool { true }
    public func checkPrepared() throws {}
}

extension String {
    /// Whether this actor id is an unlinked speaker's (`unlinked:…`). Compared as bytes: the ids are
    /// qawl's own, and `hasPrefix` compares characters, normalising the name after the colon.
    public var isUnlinkedActorID: Bool { utf8.starts(with: "unlinked:".utf8) }
}
