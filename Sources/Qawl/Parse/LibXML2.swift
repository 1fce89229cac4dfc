import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// The one file that touches libxml2 pointers. It runs libxml2's forgiving HTML parser (recover
/// mode, no network, quiet, no entity or DTD loading) in SAX mode: no tree is built, the parser's
/// element/text events are folded straight into an `HTMLTree` value (elements with parent links,
/// text blocks, metadata). libxml2 balances every start with an end event, implied ones included,
/// exactly as its own tree builder relies on.
///
///     <p>Lavrov said <a href="/x">talks</a> failed.</p>   -->   block "Lavrov said talks failed."
///                                                              (25 chars, 5 in links, owner p)
///
/// Thread safety: `xmlInitParser()` runs once; every parse has its own context and collector,
/// which libxml2 supports from many threads at once. Error handlers are per-thread globals in
/// libxml2, so they are (re)installed as no-ops at the start of each parse.
enum LibXML2 {
    /// Limits that keep one hostile page from costing much.
    struct Limits: Sendable {
        /// Bytes handed to the parser; a longer page is cut (recover mode closes what is open).
        var maxInputBytes = 16 << 20
        /// Elements nested deeper than this are not recorded; their text flows into the enclosing
        /// block. (libxml2 2.9.14 itself stops at depth 256 without XML_PARSE_HUGE, never set here.)
        var maxDepth = 256
    }

    private static let setUp: Void = {
        xmlInitParser()
        xmlThrDefSetGenericErrorFunc(nil, quietGeneric)
        xmlThrDefSetStructuredErrorFunc(nil, quietStructured)
    }()

    /// `xmlGenericErrorFunc` is variadic, which Swift cannot declare; a handler that reads none of
    /// its arguments is safe to call through the variadic type (the caller owns the argument area).
    private static let quietGeneric: xmlGenericErrorFunc = unsafeBitCast(
        { (_: UnsafeMutableRawPointer?, _: UnsafePointer<CChar>?) in } as @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void,
        to: xmlGenericErrorFunc.self)
    private static let quietStructured: xmlStructuredErrorFunc = { _, _ in }

    private static let options: Int32 = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue
        | HTML_PARSE_IGNORE_ENC.rawValue)

    private static func quiet() {
        _ = setUp
        xmlSetGenericErrorFunc(nil, quietGeneric)
        xmlSetStructuredErrorFunc(nil, quietStructured)
    }

    /// Parses `bytes` (in `encoding`, an iconv/libxml2 name such as "UTF-8" or "WINDOWS-1256")
    /// into a walked tree, or nil when libxml2 cannot start.
    static func parseHTML(_ bytes: [UInt8], encoding: String, limits: Limits = Limits()) -> HTMLTree? {
        quiet()
        guard !bytes.isEmpty else { return nil }
        let count = Int32(min(bytes.count, limits.maxInputBytes))
        let collector = SAXCollector(maxDepth: limits.maxDepth)
        guard let ctxt = htmlNewParserCtxt() else { return nil }
        defer { htmlFreeParserCtxt(ctxt) }
        // Our handler replaces the tree builder; SAX callbacks receive the context (its default
        // user data) and find the collector in `_private`.
        ctxt.pointee.sax.pointee = saxHandler
        ctxt.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: Int(count)) { p in
                htmlCtxtReadMemory(ctxt, p, count, nil, encoding, options)
            }
        }
        if let doc { xmlFreeDoc(doc) }
        let ok = ctxt.pointee._private != nil
        guard ok else { return nil }
        collector.finish()
        return collector.tree
    }

    /// libxml2 alone building and freeing its tree (`htmlCtxtReadMemory`), for throughput comparisons.
    static func parseOnly(_ bytes: [UInt8], encoding: String, limits: Limits = Limits()) -> Bool {
        quiet()
        guard !bytes.isEmpty, let ctxt = htmlNewParserCtxt() else { return false }
        defer { htmlFreeParserCtxt(ctxt) }
        let count = Int32(min(bytes.count, limits.maxInputBytes))
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: Int(count)) { p in
                htmlCtxtReadMemory(ctxt, p, count, nil, encoding, options)
            }
        }
        guard let doc else { return false }
        xmlFreeDoc(doc)
        return true
    }

    /// Converts legacy-charset bytes (plain-text records) to a String with libxml2's iconv-backed
    /// converter; nil when the encoding is unknown or the conversion fails.
    static func decode(_ bytes: [UInt8], encoding: String) -> String? {
        quiet()
        guard let handler = xmlFindCharEncodingHandler(encoding) else { return nil }
        defer { xmlCharEncCloseFunc(handler) }
        guard let input = xmlBufferCreate(), let output = xmlBufferCreate() else { return nil }
        defer { xmlBufferFree(input); xmlBufferFree(output) }
        let added: Int32 = bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress, !buf.isEmpty else { return 0 }
            return xmlBufferAdd(input, base, Int32(buf.count))
        }
        guard added == 0, xmlCharEncInFunc(handler, output, input) >= 0, let content = xmlBufferContent(output) else {
            return nil
        }
        return String(decoding: UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(output))), as: UTF8.self)
    }

    /// Runs `body` on the parse's collector, without the retain and release of taking a reference
    /// (one pair per SAX event): `parseHTML` holds the collector for the whole parse.
    @inline(__always)
    private static func withCollector(_ ctx: UnsafeMutableRawPointer?, _ body: (SAXCollector) -> Void) {
        guard let ctx, let p = ctx.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return }
        Unmanaged<SAXCollector>.fromOpaque(p)._withUnsafeGuaranteedRef(body)
    }

    private static let saxHandler: htmlSAXHandler = {
        var h = htmlSAXHandler()
        h.startElement = { ctx, name, atts in
            guard let name else { return }
            withCollector(ctx) { $0.start(name, atts) }
        }
        h.endElement = { ctx, _ in
            withCollector(ctx) { $0.end() }
        }
        h.characters = { ctx, ch, len in
            guard let ch, len > 0 else { return }
            withCollector(ctx) { $0.text(ch, Int(len)) }
        }
        h.ignorableWhitespace = h.characters
        h.cdataBlock = h.characters
        return h
    }()
}

/// Folds SAX events into an `HTMLTree`.
private final class SAXCollector {
    let maxDepth: Int
    var tree = HTMLTree()

    private struct Frame {
        var element: Int32      // recorded element, or the enclosing one when not recorded
        var owner: Int32        // block owner in effect inside this element
        var isBlock: Bool
        var isLink: Bool
    }
    private var frames: [Frame] = []
    private var owner: Int32 = -1
    private var linkDepth = 0
    private var tagCache: [UnsafeRawPointer: HTMLTag] = [:]
    private var attrCache: [UnsafeRawPointer: Attributes.Name] = [:]

    /// Inside an element whose content is not text (script, style, hidden, title...): depth of
    /// nesting inside it, and what to do with its text when it ends.
    private enum Capture { case none, title, jsonLD }
    private var skipDepth = 0
    private var capture = Capture.none
    private var captured: [UInt8] = []

    // current block being filled
    private var buffer: [UInt8] = []
    private var pendingSpace = false
    private var chars: Int32 = 0
    private var linkChars: Int32 = 0
    private var commas: Int32 = 0

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
        buffer.reserveCapacity(4096)
        frames.reserveCapacity(64)
    }

    /// Direct-mapped memo in front of `tagCache` (names are interned per document, so a few
    /// dozen addresses recur): one compare instead of hashing the address per element.
    private var recentTagNames = [UnsafeRawPointer?](repeating: nil, count: 64)
    private var recentTags = [HTMLTag](repeating: .other, count: 64)
    private var recentAttrNames = [UnsafeRawPointer?](repeating: nil, count: 64)
    private var recentAttrs = [Attributes.Name](repeating: .other, count: 64)
    /// Reused for the joined class/id/role/itemprop values of each element.
    private var signatureScratch: [UInt8] = []

    private func tag(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        let key = UnsafeRawPointer(name)
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: key) >> 3) & 63
        if recentTagNames[slot] == key { return recentTags[slot] }
        let t: HTMLTag
        if let cached = tagCache[key] { t = cached } else {
            t = HTMLTag(name: String(cString: name))
            tagCache[key] = t
        }
        recentTagNames[slot] = key
        recentTags[slot] = t
        return t
    }

    private func attributeName(_ name: UnsafePointer<UInt8>) -> Attributes.Name {
        let key = UnsafeRawPointer(name)
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: key) >> 3) & 63
        if recentAttrNames[slot] == key { return recentAttrs[slot] }
        let n: Attributes.Name
        if let cached = attrCache[key] { n = cached } else {
            let length = strlen(name)
            n = Attributes.Name(UnsafeBufferPointer(start: name, count: length), 0, length, foldingCase: false)
            attrCache[key] = n
        }
        recentAttrNames[slot] = key
        recentAttrs[slot] = n
        return n
    }

    func start(_ name: UnsafePointer<UInt8>, _ atts: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        if skipDepth > 0 { skipDepth += 1; return }
        let tag = tag(name)
        var attrs = Attributes()
        if !signatureScratch.isEmpty { signatureScratch.removeAll(keepingCapacity: true) }
        if let atts, atts[0] != nil { attrs = Attributes(atts, names: attributeName, signature: &signatureScratch) }
        switch tag {
        case .title:
            startSkip(tree.title == nil ? .title : .none)
            return
        case .meta:
            // only the metas something reads (the others' content may be gone: `ScriptBodyFilter`)
            if attrs.hasContent, let key = attrs.metaKey?.lowercased(), HTMLDocumentParser.readMetaKeys.contains(key),
               let content = attrs.content {
                tree.metas.append(.init(key: key, content: content))
            }
            startSkip(.none)
            return
        case .script:
            let isLD = attrs.typeIsJSONLD
            startSkip(isLD ? .jsonLD : .none)
            return
        case .html, .body:
            if tree.lang == nil, let lang = attrs.lang { tree.lang = lang }
        default:
            break
        }
        if attrs.hidden { startSkip(.none); return }

        let parentElement = frames.last?.element ?? -1
        var element = parentElement
        var isBlock = tag.isBlock
        if frames.count < maxDepth {
            element = Int32(tree.elements.count)
            tree.elements.append(.init(tag: tag, parent: parentElement, depth: Int32(frames.count),
                                       signatureStart: Int32(tree.signatureBytes.count),
                                       signatureCount: Int32(signatureScratch.count)))
            if !signatureScratch.isEmpty { tree.signatureBytes.append(contentsOf: signatureScratch) }
        } else {
            tree.depthLimited = true
            isBlock = false
        }
        if let dt = attrs.datetime, tag == .time || attrs.isDatePublished {
            tree.times.append((element, dt))
        } else if attrs.isDatePublished, let c = attrs.content {
            tree.times.append((element, c))
        }
        if tag.dropsContent { startSkip(.none); return }
        if tag == .br || tag == .hr {
            flush()
            isBlock = false
        }
        if isBlock {
            flush()
            owner = element
        }
        let isLink = tag == .a
        if isLink { linkDepth += 1 }
        frames.append(Frame(element: element, owner: owner, isBlock: isBlock, isLink: isLink))
    }

    private func startSkip(_ what: Capture) {
        skipDepth = 1
        capture = what
        captured.removeAll(keepingCapacity: true)
    }

    func end() {
        if skipDepth > 0 {
            skipDepth -= 1
            if skipDepth == 0 {
                switch capture {
                case .title:
                    let t = String(decoding: captured, as: UTF8.self)
                        .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                    if !t.isEmpty { tree.title = t }
                case .jsonLD:
                    tree.jsonLD.append(String(decoding: captured, as: UTF8.self))
                case .none:
                    break
                }
                capture = .none
            }
            return
        }
        guard let f = frames.popLast() else { return }
        if f.isLink { linkDepth -= 1 }
        if f.isBlock {
            flush()
            owner = frames.last?.owner ?? -1
        }
    }

    func text(_ p: UnsafePointer<UInt8>, _ count: Int) {
        if skipDepth > 0 {
            if capture != .none { captured.append(contentsOf: UnsafeBufferPointer(start: p, count: count)) }
            return
        }
        let inLink = linkDepth > 0
        var i = 0
        while i < count {
            if Self.isBreak(p, i, count) {
                pendingSpace = true
                i += p[i] == 0xC2 ? 2 : 1   // a no-break space is two bytes
                continue
            }
            if pendingSpace {
                if !buffer.isEmpty {
                    buffer.append(0x20)
                    chars += 1
                    if inLink { linkChars += 1 }
                }
                pendingSpace = false
            }
            // A run of text bytes up to the next whitespace: counted, then appended at once.
            let runStart = i
            var runChars: Int32 = 0
            while i < count {
                let c = p[i]
                if c == 0x20, i + 1 < count, !Self.isBreak(p, i + 1, count) {
                    // One space between two words: kept in the run, as the space written for it
                    // otherwise (one character, a link's if in a link), so runs are appended whole.
                    runChars += 1
                    i += 1
                    continue
                }
                if Self.isBreak(p, i, count) { break }
                if c & 0xC0 != 0x80 { runChars += 1 }
                if c == 0x2C || (c == 0x8C && i > 0 && p[i - 1] == 0xD8) { commas += 1 }
                i += 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: i - runStart))
            chars += runChars
            if inLink { linkChars += runChars }
        }
    }

    /// Whether `p[i]` is white space or starts a no-break space: where a run of text ends.
    @inline(__always) private static func isBreak(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> Bool {
        let c = p[i]
        return c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C || (c == 0xC2 && i + 1 < count && p[i + 1] == 0xA0)
    }

    func finish() {
        flush()
    }

    private func flush() {
        if !buffer.isEmpty {
            tree.blocks.append(.init(owner: owner, text: String(decoding: buffer, as: UTF8.self),
                                     chars: chars, linkChars: linkChars, commas: commas))
            buffer.removeAll(keepingCapacity: true)
        }
        chars = 0
        linkChars = 0
        commas = 0
        pendingSpace = false
    }
}

/// The attributes the walker cares about, read from libxml2's SAX attribute array
/// (`name, value, name, value, ..., NULL`; a value is NULL for a bare attribute such as `hidden`).
/// Values stay libxml2's bytes (valid for the callback) until the walker asks for one as a String;
/// class/id/role/itemprop values are joined into the caller's signature buffer.
private struct Attributes {
    private var contentValue: UnsafeBufferPointer<UInt8>?
    private var metaKeyValue: UnsafeBufferPointer<UInt8>?
    private var typeValue: UnsafeBufferPointer<UInt8>?
    private var langValue: UnsafeBufferPointer<UInt8>?
    private var datetimeValue: UnsafeBufferPointer<UInt8>?
    var hidden = false
    var isDatePublished = false

    var content: String? { contentValue.map { String(decoding: $0, as: UTF8.self) } }
    var hasContent: Bool { contentValue != nil }
    var metaKey: String? { metaKeyValue.map { String(decoding: $0, as: UTF8.self) } }
    var lang: String? { langValue.map { String(decoding: $0, as: UTF8.self) } }
    /// `type` says «ld+json» (in any case): a JSON-LD script.
    var typeIsJSONLD: Bool { typeValue?.firstRangeCaseInsensitive(of: "ld+json") != nil }
    var datetime: String? { datetimeValue.map { String(decoding: $0, as: UTF8.self) } }

    init() {}

    /// Attribute names the walker reads (`AttributeKind`); libxml2 interns names per document, so
    /// the kind is cached by the name's address.
    typealias Name = AttributeKind

    private static let datePublished = Array("datePublished".utf8)

    init(_ atts: UnsafeMutablePointer<UnsafePointer<UInt8>?>, names: (UnsafePointer<UInt8>) -> Name,
         signature signatureBytes: inout [UInt8]) {
        var i = 0
        while let namePtr = atts[i] {
            let valuePtr = atts[i + 1]
            i += 2
            let name = names(namePtr)
            switch name {
            case .other: continue
            case .hidden: hidden = true; continue
            default: break
            }
            guard let valuePtr else { continue }
            let value = UnsafeBufferPointer(start: valuePtr, count: strlen(valuePtr))
            switch name {
            case .signature:
                if !signatureBytes.isEmpty { signatureBytes.append(0x20) }
                signatureBytes.append(contentsOf: value)
            case .itemprop:
                if !signatureBytes.isEmpty { signatureBytes.append(0x20) }
                signatureBytes.append(contentsOf: value)
                // ASCII pattern: byte equality is String equality here.
                if value.elementsEqual(Self.datePublished) { isDatePublished = true }
                if metaKeyValue == nil { metaKeyValue = value }
            case .content: contentValue = value
            case .metaName: metaKeyValue = value
            case .httpEquiv: if metaKeyValue == nil { metaKeyValue = value }
            case .type: typeValue = value
            case .lang: langValue = value
            case .datetime: datetimeValue = value
            case .ariaHidden:
                if value.count == 4, String(decoding: value, as: UTF8.self).lowercased() == "true" { hidden = true }
            case .style:
                if AttributeKind.styleHides(value) { hidden = true }
            case .hidden, .other: break
            }
        }
    }
}
