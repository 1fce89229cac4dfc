import Foundation

/// Parses records whose fields a reader already separated (JSON lines, SGML `<DOC>`, feed items:
/// kind `.article`) and plain text (kind `.text`). No markup parser is needed unless the dump
/// carries HTML (`html` field), which goes through the HTML main-text path.
///
///     {"title": "Lavrov: ...", "date": "Thu, 17 May 2018 13:02:49 +0400", "text": "..."}
///       → published "2018-05-17T13:02:49+04:00", dateSource .document, lang by script
///     plain text "First paragraph\nstill first\n\nSecond"  → "First paragraph still first\nSecond"
public struct ArticleParser: DocumentParser {
    let html: HTMLDocumentParser

    public init(data: ParseData, options: HTMLDocumentParser.Options = HTMLDocumentParser.Options()) {
        html = HTMLDocumentParser(data: data, options: options)
    }

    init(html: HTMLDocumentParser) {
        self.html = html
    }

    public func parse(_ record: RawRecord) throws(RecordError) -> Document {
        let fields = record.fields ?? ArticleFields()
        var text = ""
        var title = fields.title.flatMap(HTMLDocumentParser.clean)
        var published: String?
        var dateSource: Document.DateSource?
        var hint = fields.lang
        if let t = fields.text, !t.isEmpty {
            text = Self.paragraphs(lines: t)
        } else if let h = fields.html, !h.isEmpty, let page = html.page(Array(h.utf8), contentType: "text/html; charset=utf-8") {
            text = page.text
            if title == nil { title = html.title(page) }
            if let (d, s) = html.dates.find(tree: page.tree, mainBlocks: page.main.blocks, url: nil) {
                published = d
                dateSource = s
            }
            hint = hint ?? page.tree.lang
        } else if !record.body.isEmpty {
            text = Self.paragraphs(plain: Self.decode(record.body, contentType: record.contentType))
        }
        if text.isEmpty {
            throw RecordError(stage: "parse", input: record.input, record: record.index, offset: record.offset,
                              reason: "empty-text", message: "the record has no text", skipped: true)
        }
        if let d = fields.date.flatMap(html.dates.normalizer.normalize) {
            published = d
            dateSource = .document
        }
        if published == nil, let c = record.containerDate, let d = html.dates.normalizer.normalize(c) {
            published = d
            dateSource = .container
        }
        if published == nil, let url = record.url, let d = DateFinder.dateInURL(url) {
            published = d
            dateSource = .url
        }
        let lang = fields.lang.flatMap(Self.languageCode) ?? html.language.guess(text: text, hint: hint)
        let source = fields.source.flatMap(HTMLDocumentParser.clean) ?? URLHost.source(of: record.url)
        return Document(docID: record.id ?? "\(record.input):\(record.index)", url: record.url, title: title,
                        published: published, dateSource: dateSource, lang: lang, text: text,
                        source: source, input: record.input, record: record.index)
    }

    /// Dump text: one paragraph per non-empty line, whitespace collapsed.
    static func paragraphs(lines text: String) -> String {
        Whitespace.paragraphs(text)
    }

    /// Plain text: blank lines separate paragraphs when there are any (lines inside a paragraph
    /// are hard wraps and are joined); otherwise every line is a paragraph.
    static func paragraphs(plain text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        let hasBlank = lines.contains { $0.allSatisfy(\.isWhitespace) }
        guard hasBlank else { return paragraphs(lines: normalized) }
        var out: [String] = []
        var current: [Substring] = []
        for line in lines + [""] {
            if line.allSatisfy(\.isWhitespace) {
                if let p = HTMLDocumentParser.clean(current.joined(separator: " ")) { out.append(p) }
                current.removeAll()
            } else {
                current.append(line)
            }
        }
        return out.joined(separator: "\n")
    }

    /// Plain-text bytes: UTF-8 (a BOM dropped); a legacy charset when the container says so or
    /// the bytes are not UTF-8 (windows-1256 for Arabic-looking bytes, else windows-1252);
    /// invalid UTF-8 otherwise repaired with U+FFFD.
    static func decode(_ body: [UInt8], contentType: String?) -> String {
        let (bytes, charset) = HTMLDocumentParser.prepare(body, contentType: contentType, sniffMeta: false)
        if charset == .utf8 { return String(decoding: bytes, as: UTF8.self) }
        return LibXML2.decode(bytes, encoding: charset.libxml2Name) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// "ar", "AR", "ar-EG", "arabic", "English" → ISO 639-1; nil when not recognisable.
    static func languageCode(_ raw: String) -> String? {
        let s = raw.trimmingCharacters(in: .whitespaces).lowercased()
        switch s {
        case "arabic", "ara", "arb", "العربية": return "ar"
        case "english", "eng": return "en"
        case "french", "fra", "fre": return "fr"
        case "german", "deu", "ger": return "de"
        case "spanish", "spa": return "es"
        default: break
        }
        let code = s.prefix { $0.isLetter }
        return code.count == 2 ? String(code) : nil
    }
}
