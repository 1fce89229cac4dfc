/// Parses one HTML page into a `Document`: picks the character set (BOM, HTTP header, `<meta>`,
/// checked against the bytes), lets libxml2's SAX parser feed `LibXML2`'s collector, keeps the
/// main text (`MainTextExtractor`), and reads title, publication date, language and source.
///
///     WARC response http://example.com/2017/04/12/lavrov.html, windows-1256, no date meta
///       → Document(docID: "<warc-record-id>", published: "2017-04-12", dateSource: .url,
///                  lang: "ar", text: "قال وزير الخارجية ...\n...", source: "example.com")
public struct HTMLDocumentParser: DocumentParser {
    public struct Options: Sendable {
        /// Bytes of one page handed to libxml2; the rest is cut (recover mode closes open elements).
        public var maxInputBytes: Int
        /// Elements nested deeper are flattened into their ancestor (their text is kept).
        public var maxDepth: Int
        /// An extraction with less text is retried with fewer boilerplate filters.
        public var minimumChars: Int

        /// What the page walker never reads (script and style bodies, unread attributes, long
        /// comments and runs of blanks) is dropped before libxml2 reads the page
        /// (`ScriptBodyFilter`); off only to compare with the unfiltered parse.
        public var dropsScriptBodies: Bool

        public init(maxInputBytes: Int = 16 << 20, maxDepth: Int = 256, minimumChars: Int = 500,
                    dropsScriptBodies: Bool = true) {
            self.maxInputBytes = maxInputBytes
            self.maxDepth = maxDepth
            self.minimumChars = minimumChars
            self.dropsScriptBodies = dropsScriptBodies
        }
    }

    /// A page after parsing and main-text extraction, before it becomes a `Document`.
    struct Page {
        var tree: HTMLTree
        var main: MainTextExtractor.Result
        var charset: Charset
        var text: String { main.paragraphs.joined(separator: "\n") }
    }

    let options: Options
    let extractor: MainTextExtractor
    let dates: DateFinder
    let language: LanguageGuesser

    public init(data: ParseData, options: Options = Options()) {
        self.options = options
        var extractor = MainTextExtractor(patterns: data.patterns)
        extractor.minimumChars = options.minimumChars
        self.extractor = extractor
        dates = DateFinder(normalizer: DateNormalizer(months: data.months), cues: data.dateCues)
        language = LanguageGuesser(stopwords: data.stopwords)
    }

    public func parse(_ record: RawRecord) throws(RecordError) -> Document {
        guard let page = page(record.body, contentType: record.contentType) else {
            throw RecordError(stage: "parse", input: record.input, record: record.index, offset: record.offset,
                              reason: "unparseable-html", message: "libxml2 produced no document")
        }
        let text = page.text
        if text.isEmpty {
            throw RecordError(stage: "parse", input: record.input, record: record.index, offset: record.offset,
                              reason: "empty-text", message: "no main text found in the page", skipped: true)
        }
        var published: String?
        var source: Document.DateSource?
        if let (d, s) = dates.find(tree: page.tree, mainBlocks: page.main.blocks, url: record.url) {
            published = d
            source = s
        } else if let c = record.containerDate, let d = dates.normalizer.normalize(c) {
            published = d
            source = .container
        }
        return Document(docID: record.id ?? "\(record.input):\(record.index)", url: record.url,
                        title: title(page), published: published, dateSource: source,
                        lang: language.guess(text: text, hint: page.tree.lang), text: text,
                        source: URLHost.source(of: record.url), input: record.input, record: record.index)
    }

    /// Charset detection, parse and extraction; nil when libxml2 gives up entirely.
    func page(_ body: [UInt8], contentType: String?) -> Page? {
        var (bytes, charset) = Self.prepare(body, contentType: contentType)
        let limits = LibXML2.Limits(maxInputBytes: options.maxInputBytes, maxDepth: options.maxDepth)
        if options.dropsScriptBodies, charset.isASCIICompatible {
            // cut first, as libxml2 would, so that the filter changes nothing libxml2 reads
            if bytes.count > limits.maxInputBytes { bytes.removeSubrange(limits.maxInputBytes...) }
            if let lean = ScriptBodyFilter.filter(bytes) { bytes = lean }
        }
        guard let tree = LibXML2.parseHTML(bytes, encoding: charset.libxml2Name, limits: limits) else { return nil }
        return Page(tree: tree, main: extractor.extract(tree), charset: charset)
    }

    /// Charset handling and libxml2's parse only (the tree is built and freed, not walked): the
    /// floor against which `parse(_:)` throughput is compared in benchmarks.
    public func libxml2ParseOnly(_ body: [UInt8], contentType: String?) -> Bool {
        let (bytes, charset) = Self.prepare(body, contentType: contentType)
        let limits = LibXML2.Limits(maxInputBytes: options.maxInputBytes, maxDepth: options.maxDepth)
        return LibXML2.parseOnly(bytes, encoding: charset.libxml2Name, limits: limits)
    }

    /// The meta keys `title` reads, in order.
    static let titleMetaKeys = ["og:title", "twitter:title"]

    /// The keys of every meta the parser reads (`title`, `DateFinder`): the walker keeps only these
    /// metas, and the content of any other may go before libxml2 reads the page (`ScriptBodyFilter`).
    static let readMetaKeys = Set(titleMetaKeys + DateFinder.metaKeys)

    /// og:title, else `<title>`, else the first `<h1>`; whitespace collapsed.
    func title(_ page: Page) -> String? {
        for key in Self.titleMetaKeys {
            if let m = page.tree.metas.first(where: { $0.key == key }), let t = Self.clean(m.content) { return t }
        }
        if let t = page.tree.title.flatMap(Self.clean) { return t }
        if let h1 = page.tree.blocks.first(where: { $0.owner >= 0 && page.tree.elements[Int($0.owner)].tag == .h1 }) {
            return Self.clean(h1.text)
        }
        return nil
    }

    static func clean(_ s: String) -> String? {
        Whitespace.collapse(s)
    }

    /// Chooses the charset and makes the bytes safe for libxml2: a UTF-8 BOM is dropped, invalid
    /// UTF-8 in a UTF-8 page is replaced by U+FFFD (libxml2 would otherwise switch the rest of the
    /// page to Latin-1), bytes a legacy charset does not define become "?" (iconv would stop).
    static func prepare(_ body: [UInt8], contentType: String?, sniffMeta: Bool = true) -> ([UInt8], Charset) {
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { return repairedUTF8(Array(body.dropFirst(3))) }
        if body.starts(with: [0xFF, 0xFE]) { return (Array(body.dropFirst(2)), .utf16le) }
        if body.starts(with: [0xFE, 0xFF]) { return (Array(body.dropFirst(2)), .utf16be) }
        let declared = Charset.fromContentType(contentType) ?? (sniffMeta ? Charset.fromMeta(body) : nil)
        let check = UTF8Check(body)
        if check.isValid { return (body, .utf8) }
        let charset: Charset
        switch declared {
        case .windows1256?, .iso88596?, .windows1252?:
            charset = declared!
        case .utf8? where check.invalidSequences < 8 || check.invalidSequences <= check.nonASCII:
            charset = .utf8   // a declared UTF-8 page with a few bad bytes stays UTF-8
        default:
            charset = check.invalidSequences * 10 < check.nonASCII ? .utf8 : Charset.guessLegacy(body)
        }
        switch charset {
        case .utf8: return repairedUTF8(body)
        case .iso88596: return (body.map { iso88596Defined($0) ? $0 : 0x3F }, charset)
        case .windows1252:
            return (body.map { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) ? 0x3F : $0 }, charset)
        default: return (body, charset)
        }
    }

    private static func repairedUTF8(_ bytes: [UInt8]) -> ([UInt8], Charset) {
        if UTF8Check(bytes).isValid { return (bytes, .utf8) }
        return (Array(String(decoding: bytes, as: UTF8.self).utf8), .utf8)
    }

    private static func iso88596Defined(_ b: UInt8) -> Bool {
        switch b {
        case 0x00...0xA0, 0xA4, 0xAC, 0xAD, 0xBB, 0xBF, 0xC1...0xDA, 0xE0...0xF2: return true
        default: return false
        }
    }
}

/// The outlet of a URL: its host, lowercased, without `www.` (`https://www.aljazeera.net/news/x`
/// → `aljazeera.net`).
enum URLHost {
    static func source(of url: String?) -> String? {
        guard let url, let scheme = url.range(of: "://") else { return nil }
        var host = url[scheme.upperBound...].prefix { !"/?#".contains($0) }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.lastIndex(of: ":"), !host.contains("]") { host = host[..<colon] }
        var h = host.lowercased()
        if h.hasPrefix("www.") { h.removeFirst(4) }
        return h.isEmpty ? nil : h
    }
}
