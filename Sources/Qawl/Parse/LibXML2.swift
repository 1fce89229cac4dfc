import CLibXML2

/// The one file that touches libxml2 pointers. It parses HTML bytes with libxml2's forgiving HTML
/// parser (recover mode, no network, quiet, no entity or DTD loading) and walks the resulting tree
/// once, without recursion, into an `HTMLTree` value; the document is freed before returning.
///
///     <p>Lavrov said <a href="/x">talks</a> failed.</p>   -->   block "Lavrov said talks failed."
///                                                              (25 chars, 5 in links, owner p)
///
/// Thread safety: `xmlInitParser()` runs once; every parse has its own context and document, which
/// libxml2 supports from many threads at once. Error handlers are per-thread globals in libxml2,
/// so they are (re)installed as no-ops at the start of each parse.
enum LibXML2 {
    /// Limits that keep one hostile page from costing much.
    struct Limits: Sendable {
        /// Bytes handed to the parser; a longer page is cut (recover mode closes what is open).
        var maxInputBytes = 16 << 20
        /// Elements nested deeper than this are not recorded; their text still flows into the
        /// enclosing block, so a 100,000-deep page is flattened, not lost.
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

    /// Parses `bytes` (in `encoding`, an iconv/libxml2 name such as "UTF-8" or "windows-1256")
    /// and returns the walked tree, or nil when libxml2 produced no document at all.
    static func parseHTML(_ bytes: [UInt8], encoding: String, limits: Limits = Limits()) -> HTMLTree? {
        withDocument(bytes, encoding: encoding, limits: limits) { doc in
            var walker = TreeWalker(doc: doc, maxDepth: limits.maxDepth)
            walker.walk()
            return walker.tree
        }
    }

    /// Parse only, tree freed at once: the libxml2 share of the parse time (for benchmarks).
    static func parseOnly(_ bytes: [UInt8], encoding: String, limits: Limits = Limits()) -> Bool {
        withDocument(bytes, encoding: encoding, limits: limits) { _ in true } ?? false
    }

    /// Whether libxml2 (through iconv) can convert from this encoding name.
    static func knowsEncoding(_ name: String) -> Bool {
        _ = setUp
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    private static func withDocument<T>(_ bytes: [UInt8], encoding: String, limits: Limits,
                                        _ body: (xmlDocPtr) -> T) -> T? {
        _ = setUp
        xmlSetGenericErrorFunc(nil, quietGeneric)
        xmlSetStructuredErrorFunc(nil, quietStructured)
        guard !bytes.isEmpty, let ctxt = htmlNewParserCtxt() else { return nil }
        defer { htmlFreeParserCtxt(ctxt) }
        let count = Int32(min(bytes.count, limits.maxInputBytes))
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: Int(count)) { p in
                htmlCtxtReadMemory(ctxt, p, count, nil, encoding, options)
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        return body(doc)
    }
}

/// Iterative pre/post-order walk of a libxml2 HTML document into an `HTMLTree`.
private struct TreeWalker {
    let doc: xmlDocPtr
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

    // current block being filled
    private var buffer: [UInt8] = []
    private var pendingSpace = false
    private var chars: Int32 = 0
    private var linkChars: Int32 = 0
    private var commas: Int32 = 0

    init(doc: xmlDocPtr, maxDepth: Int) {
        self.doc = doc
        self.maxDepth = maxDepth
        buffer.reserveCapacity(4096)
    }

    mutating func walk() {
        let docNode = UnsafeMutableRawPointer(doc)
        var cur: xmlNodePtr? = doc.pointee.children
        while let n = cur {
            var descended = false
            let type = n.pointee.type
            if type == XML_ELEMENT_NODE {
                descended = enter(n)
            } else if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                if let c = n.pointee.content { appendText(c) }
            }
            if descended, let child = n.pointee.children { cur = child; continue }
            if descended { leave() }
            var m = n
            cur = nil
            while true {
                if let next = m.pointee.next { cur = next; break }
                guard let p = m.pointee.parent, UnsafeMutableRawPointer(p) != docNode else { break }
                leave()
                m = p
            }
        }
        flush()
    }

    // MARK: elements

    private mutating func tag(of n: xmlNodePtr) -> HTMLTag {
        guard let name = n.pointee.name else { return .other }
        let key = UnsafeRawPointer(name)
        if let t = tagCache[key] { return t }
        let t = HTMLTag(name: String(cString: name))
        tagCache[key] = t
        return t
    }

    /// Returns true when the walk should descend into `n` (a frame was pushed).
    private mutating func enter(_ n: xmlNodePtr) -> Bool {
        let tag = tag(of: n)
        var attrs = Attributes()
        if n.pointee.properties != nil { attrs = Attributes(n) }
        switch tag {
        case .title:
            if tree.title == nil { tree.title = collapsed(textContent(n)) }
            return false
        case .meta:
            if let content = attrs.content, let key = attrs.metaKey {
                tree.metas.append(.init(key: key.lowercased(), content: content))
            }
            return false
        case .script:
            if let type = attrs.type, type.lowercased().contains("ld+json") {
                tree.jsonLD.append(textContent(n))
            }
            return false
        case .html, .body:
            if tree.lang == nil, let lang = attrs.lang { tree.lang = lang }
        default:
            break
        }
        if attrs.hidden { return false }

        let parentFrame = frames.last
        let parentElement = parentFrame?.element ?? -1
        var element = parentElement
        var isBlock = tag.isBlock
        if frames.count < maxDepth {
            element = Int32(tree.elements.count)
            tree.elements.append(.init(tag: tag, parent: parentElement, depth: Int32(frames.count),
                                       signature: attrs.signature))
        } else {
            tree.depthLimited = true
            isBlock = false
        }
        if let dt = attrs.datetime, tag == .time || attrs.isDatePublished {
            tree.times.append((element, dt))
        } else if attrs.isDatePublished, let c = attrs.content {
            tree.times.append((element, c))
        }
        if tag.dropsContent { return false }
        if tag == .br || tag == .hr {
            flush()
            return false
        }
        if isBlock {
            flush()
            owner = element
        }
        let isLink = tag == .a
        if isLink { linkDepth += 1 }
        frames.append(Frame(element: element, owner: owner, isBlock: isBlock, isLink: isLink))
        return true
    }

    private mutating func leave() {
        guard let f = frames.popLast() else { return }
        if f.isLink { linkDepth -= 1 }
        if f.isBlock {
            flush()
            owner = frames.last?.owner ?? -1
        }
    }

    // MARK: text

    private mutating func appendText(_ p: UnsafePointer<UInt8>) {
        var i = 0
        let inLink = linkDepth > 0
        while true {
            let b = p[i]
            if b == 0 { break }
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                pendingSpace = true
                i += 1
                continue
            }
            if b == 0xC2 && p[i + 1] == 0xA0 { // no-break space
                pendingSpace = true
                i += 2
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
            buffer.append(b)
            if b & 0xC0 != 0x80 {
                chars += 1
                if inLink { linkChars += 1 }
            }
            if b == 0x2C || (b == 0x8C && i > 0 && p[i - 1] == 0xD8) { commas += 1 }
            i += 1
        }
    }

    private mutating func flush() {
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

    /// All text below `n` (for `<title>` and JSON-LD scripts), without recursion.
    private func textContent(_ n: xmlNodePtr) -> String {
        var bytes: [UInt8] = []
        var cur: xmlNodePtr? = n.pointee.children
        while let c = cur {
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE,
               let t = c.pointee.content {
                var i = 0
                while t[i] != 0 { bytes.append(t[i]); i += 1 }
            }
            if c.pointee.type == XML_ELEMENT_NODE, let child = c.pointee.children { cur = child; continue }
            var m = c
            cur = nil
            while true {
                if let next = m.pointee.next { cur = next; break }
                guard let p = m.pointee.parent, p != n else { break }
                m = p
            }
            if cur == nil { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func collapsed(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// The attributes the walker cares about, read straight from libxml2's attribute list.
private struct Attributes {
    var signatureBytes: [UInt8] = []
    var content: String?
    var metaKey: String?
    var type: String?
    var lang: String?
    var datetime: String?
    var hidden = false
    var isDatePublished = false

    init() {}

    init(_ n: xmlNodePtr) {
        var a = n.pointee.properties
        while let attr = a {
            defer { a = attr.pointee.next }
            guard let name = attr.pointee.name else { continue }
            let value = Attributes.value(attr)
            switch Attributes.name(name) {
            case "class", "id", "role":
                if !signatureBytes.isEmpty { signatureBytes.append(0x20) }
                signatureBytes.append(contentsOf: value)
            case "itemprop":
                if !signatureBytes.isEmpty { signatureBytes.append(0x20) }
                signatureBytes.append(contentsOf: value)
                let s = String(decoding: value, as: UTF8.self)
                if s == "datePublished" { isDatePublished = true }
                if metaKey == nil { metaKey = s }
            case "content": content = String(decoding: value, as: UTF8.self)
            case "name", "property": metaKey = String(decoding: value, as: UTF8.self)
            case "http-equiv": if metaKey == nil { metaKey = String(decoding: value, as: UTF8.self) }
            case "type": type = String(decoding: value, as: UTF8.self)
            case "lang": lang = String(decoding: value, as: UTF8.self)
            case "datetime": datetime = String(decoding: value, as: UTF8.self)
            case "hidden": hidden = true
            case "aria-hidden":
                if value.count == 4, String(decoding: value, as: UTF8.self).lowercased() == "true" { hidden = true }
            case "style":
                if Attributes.hidesElement(value) { hidden = true }
            default: break
            }
        }
    }

    var signature: String? {
        signatureBytes.isEmpty ? nil : String(decoding: signatureBytes, as: UTF8.self)
    }

    /// Attribute names are short and lowercase in libxml2's HTML parser; a small String is
    /// stored inline, so this does not allocate.
    private static func name(_ p: UnsafePointer<UInt8>) -> String {
        var len = 0
        while p[len] != 0 { len += 1; if len > 12 { return "" } }
        return String(decoding: UnsafeBufferPointer(start: p, count: len), as: UTF8.self)
    }

    private static func value(_ attr: UnsafeMutablePointer<xmlAttr>) -> [UInt8] {
        var out: [UInt8] = []
        var c = attr.pointee.children
        while let node = c {
            if let t = node.pointee.content {
                var i = 0
                while t[i] != 0 { out.append(t[i]); i += 1 }
            }
            c = node.pointee.next
        }
        return out
    }

    /// `display:none` / `visibility:hidden` in an inline style, spaces and case ignored.
    private static func hidesElement(_ style: [UInt8]) -> Bool {
        var s: [UInt8] = []
        s.reserveCapacity(style.count)
        for b in style where b != 0x20 && b != 0x09 { s.append(b | (b >= 0x41 && b <= 0x5A ? 0x20 : 0)) }
        return s.firstRange(of: Array("display:none".utf8)) != nil
            || s.firstRange(of: Array("visibility:hidden".utf8)) != nil
    }
}
