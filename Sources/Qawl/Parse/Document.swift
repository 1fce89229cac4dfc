/// A parsed news document: clean main text plus metadata. `text` is what extraction reads and
/// what statement offsets (`content_start`, `content_end`, in Unicode scalars) point into.
public struct Document: Sendable, Equatable {
    /// Where `published` came from.
    public enum DateSource: String, Sendable {
        /// The document itself (meta tags, JSON-LD, `<time>`, a visible date, the dump's date field).
        case document
        /// The container (WARC-Date, feed item date).
        case container
        /// The input's file name or the URL.
        case inputName = "input-name"
        case url
    }

    public var docID: String
    public var url: String?
    public var title: String?
    /// ISO 8601 date (`2017-04-12`) or date-time (`2017-04-12T13:02:49+04:00`).
    public var published: String?
    public var dateSource: DateSource?
    /// ISO 639-1 code (`ar`, `en`), `und` when unknown.
    public var lang: String
    /// Main text: paragraphs separated by a single "\n".
    public var text: String
    /// Outlet (domain or the dump's source field).
    public var source: String?
    /// Input file path and record index it came from.
    public var input: String
    public var record: Int

    public init(docID: String, url: String? = nil, title: String? = nil, published: String? = nil,
                dateSource: DateSource? = nil, lang: String = "und", text: String,
                source: String? = nil, input: String, record: Int) {
        self.docID = docID
        self.url = url
        self.title = title
        self.published = published
        self.dateSource = dateSource
        self.lang = lang
        self.text = text
        self.source = source
        self.input = input
        self.record = record
    }
}

/// Turns a raw record into a document. The HTML implementation uses libxml2; structured records
/// (`RawRecord.Kind.article`) and plain text need no markup parser.
public protocol DocumentParser: Sendable {
    func parse(_ record: RawRecord) throws(RecordError) -> Document
}
