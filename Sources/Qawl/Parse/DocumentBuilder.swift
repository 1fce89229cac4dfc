import Foundation

/// The parse stage's one entry point: turns any `RawRecord` into a `Document`, choosing the
/// parser by the record's kind (HTML pages → `HTMLDocumentParser`; reader-split articles and
/// plain text → `ArticleParser`). Value type, `Sendable`: one instance serves all parse threads.
///
///     let builder = try DocumentBuilder()                 // finds data/ like the CLI does
///     let doc = try builder.parse(record)                 // throws RecordError(stage: "parse")
public struct DocumentBuilder: DocumentParser {
    public let html: HTMLDocumentParser
    public let article: ArticleParser

    public init(data: ParseData, options: HTMLDocumentParser.Options = HTMLDocumentParser.Options()) {
        html = HTMLDocumentParser(data: data, options: options)
        article = ArticleParser(html: html)
    }

    /// Loads `data/boilerplate/` from `dataDirectory`, or from `DataDirectory.locate()` when nil.
    public init(dataDirectory: URL? = nil, options: HTMLDocumentParser.Options = HTMLDocumentParser.Options()) throws {
        guard let dir = dataDirectory ?? DataDirectory.locate() else {
            throw ParseData.LoadError.unreadable(path: "data/ (not found: pass --data or set QAWL_DATA)")
        }
        self.init(data: try ParseData(dataDirectory: dir), options: options)
    }

    public func parse(_ record: RawRecord) throws(RecordError) -> Document {
        switch record.kind {
        case .html: return try html.parse(record)
        case .text, .article: return try article.parse(record)
        }
    }
}
