/// One record as a reader cuts it out of an input: the payload bytes plus what the container
/// says about them. Readers never interpret the payload beyond their own framing; the parse
/// stage turns a `RawRecord` into a `Document`.
///
///     +-----------------------------+          +-----------+-----------+
///     | WARC/1.0 ... HTTP/1.1 ...   |   -->    | record 0  | record 1  |
///     | <html>...</html> WARC/1.0 ..|          | (html)    | (html)    |
///     +-----------------------------+          +-----------+-----------+
public struct RawRecord: Sendable {
    /// What the payload is, so the parse stage knows which parser to call.
    public enum Kind: String, Sendable {
        /// An HTML (or XHTML) page: main text must be extracted.
        case html
        /// Plain text: paragraphs are separated by blank lines or line breaks.
        case text
        /// Fields already separated by the reader (JSON lines, SGML `<DOC>`, feed items):
        /// `fields` holds them; `body` may be empty.
        case article
    }

    /// Input file path as given (after directory/glob expansion).
    public var input: String
    /// Index of the record within its input (0-based), stable across runs.
    public var index: Int
    /// Byte offset of the record in the (uncompressed) input stream, where known.
    public var offset: Int64?
    public var kind: Kind
    /// Payload bytes (HTML or text), possibly in a legacy charset.
    public var body: [UInt8]
    /// Container metadata.
    public var id: String?
    public var url: String?
    /// Date from the container (WARC-Date, feed pubDate); used when the document has none.
    public var containerDate: String?
    /// `Content-Type` from an HTTP header or the container, for charset detection.
    public var contentType: String?
    /// Reader-split fields (JSON lines, SGML, feeds).
    public var fields: ArticleFields?

    public init(input: String, index: Int, offset: Int64? = nil, kind: Kind, body: [UInt8] = [],
                id: String? = nil, url: String? = nil, containerDate: String? = nil,
                contentType: String? = nil, fields: ArticleFields? = nil) {
        self.input = input
        self.index = index
        self.offset = offset
        self.kind = kind
        self.body = body
        self.id = id
        self.url = url
        self.containerDate = containerDate
        self.contentType = contentType
        self.fields = fields
    }
}

/// Article fields as a structured dump gives them (JSON lines, Gigaword/TREC SGML, RSS/Atom).
public struct ArticleFields: Sendable, Equatable {
    public var title: String?
    /// Main text; paragraphs separated by "\n".
    public var text: String?
    /// Raw HTML when the dump carries HTML instead of text (JSON `html` field, feed `content:encoded`).
    public var html: String?
    /// Date as written in the dump (any format; the parse stage normalises it).
    public var date: String?
    public var lang: String?
    public var source: String?
    /// Lead/abstract where the dump separates it (TREC `ABSTRACT`); not part of the text.
    public var abstract: String?

    public init(title: String? = nil, text: String? = nil, html: String? = nil, date: String? = nil,
                lang: String? = nil, source: String? = nil, abstract: String? = nil) {
        self.title = title
        self.text = text
        self.html = html
        self.date = date
        self.lang = lang
        self.source = source
        self.abstract = abstract
    }
}

/// What a reader yields: a record, or a problem with one record that does not stop the input.
public enum ReadItem: Sendable {
    case record(RawRecord)
    case failure(RecordError)
}

/// Cuts records out of a decompressed byte stream. One type per container format
/// (`WARCRecordReader`, `TarMemberReader`, `JSONLinesReader`, `SGMLDocReader`, `FeedReader`,
/// `SingleDocumentReader`), all conforming to this protocol.
///
/// `next()` returns `nil` at the end of the input. It throws only when the input cannot be read
/// any further (I/O error, corrupt compressed stream): everything yielded before stays valid.
public protocol RecordReader {
    mutating func next() throws -> ReadItem?
}
