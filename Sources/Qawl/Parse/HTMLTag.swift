/// The HTML elements the walker and the scorer treat specially; everything else is `.other`
/// (an inline element whose text flows into the surrounding block).
enum HTMLTag: UInt8, Sendable {
    case other
    // structure
    case html, body, head, title, meta, link
    // dropped with their content
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio,
         select, option, button, input, textarea, map, picture, source
    // boilerplate containers
    case nav, header, footer, aside, form, menu, dialog
    // blocks
    case div, section, article, main, p, h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd,
         blockquote, pre, table, tbody, thead, tfoot, tr, td, th, caption, figure, figcaption,
         address, center, fieldset, details, summary, hr, br
    // inline with meaning
    case a, img, time, span, font, b, strong, i, em

    private static let byName: [String: HTMLTag] = {
        var m: [String: HTMLTag] = [:]
        let all: [HTMLTag] = [.html, .body, .head, .title, .meta, .link, .script, .style, .noscript,
            .template, .svg, .math, .iframe, .object, .embed, .canvas, .video, .audio, .select,
            .option, .button, .input, .textarea, .map, .picture, .source, .nav, .header, .footer,
            .aside, .form, .menu, .dialog, .div, .section, .article, .main, .p, .h1, .h2, .h3, .h4,
            .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd, .blockquote, .pre, .table, .tbody, .thead,
            .tfoot, .tr, .td, .th, .caption, .figure, .figcaption, .address, .center, .fieldset,
            .details, .summary, .hr, .br, .a, .img, .time, .span, .font, .b, .strong, .i, .em]
        for t in all { m["\(t)"] = t }
        return m
    }()

    init(name: String) {
        self = HTMLTag.byName[name] ?? .other
    }

    /// Content never shown as text (code, media, form controls).
    var dropsContent: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas,
             .video, .audio, .select, .option, .button, .input, .textarea, .map:
            return true
        default: return false
        }
    }

    /// Starts and ends a text block (a paragraph boundary).
    var isBlock: Bool {
        switch self {
        case .html, .body, .head, .nav, .header, .footer, .aside, .form, .menu, .dialog, .div, .section,
             .article, .main, .p, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd,
             .blockquote, .pre, .table, .tbody, .thead, .tfoot, .tr, .td, .th, .caption, .figure,
             .figcaption, .address, .center, .fieldset, .details, .summary, .hr, .br, .title:
            return true
        default: return false
        }
    }

    /// Page furniture by its element alone: navigation, site header and footer, side boxes, forms.
    var isBoilerplateContainer: Bool {
        switch self {
        case .head, .nav, .header, .footer, .aside, .form, .menu, .dialog: return true
        default: return false
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }
}

/// The attribute names the page walker reads (`LibXML2`'s collector); every other attribute is
/// `.other`. `ScriptBodyFilter` drops `.other` attributes before libxml2 reads a page, and the
/// read kinds where the walker does not read them (`isRead`), so this one list says both what is
/// read and what may go.
enum AttributeKind: UInt8, Sendable {
    case signature, itemprop, content, metaName, httpEquiv, type, lang, datetime, hidden, ariaHidden, style, other

    /// The kind of the name `b[start..<end]`: as libxml2 hands names over (lowercase), or with
    /// `foldingCase` as a page writes them (ASCII capitals folded).
    init(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, foldingCase: Bool) {
        @inline(__always) func eq(_ word: StaticString) -> Bool {
            let w = word.utf8Start
            for k in 0..<(end - start) {
                var c = b[start + k]
                if foldingCase, c >= 0x41, c <= 0x5A { c |= 0x20 }
                if c != w[k] { return false }
            }
            return true
        }
        switch end - start {
        case 2: self = eq("id") ? .signature : .other
        case 4:
            if eq("role") { self = .signature } else if eq("name") { self = .metaName }
            else if eq("type") { self = .type } else if eq("lang") { self = .lang } else { self = .other }
        case 5: self = eq("class") ? .signature : eq("style") ? .style : .other
        case 6: self = eq("hidden") ? .hidden : .other
        case 7: self = eq("content") ? .content : .other
        case 8: self = eq("itemprop") ? .itemprop : eq("property") ? .metaName : eq("datetime") ? .datetime : .other
        case 10: self = eq("http-equiv") ? .httpEquiv : .other
        case 11: self = eq("aria-hidden") ? .ariaHidden : .other
        default: self = .other
        }
    }

    /// Where the walker reads an attribute of this kind, as its element's `start` does: `type` on
    /// a `script` (JSON-LD), `name`, `property` and `http-equiv` on a `meta`, `lang` on `html` and
    /// `body`, `style` only when it hides the element (`styleHides`: `value` is the value as
    /// written, nil when it holds an entity, which libxml2 decodes), `.other` nowhere, the rest
    /// everywhere. A style attribute not read is one that changes nothing, so libxml2 may as well
    /// not see it (a second `style` of the same element is not read either: libxml2 keeps the first).
    @inline(__always)
    func isRead(script: Bool, meta: Bool, root: Bool, value: UnsafeBufferPointer<UInt8>?) -> Bool {
        switch self {
        case .other: return false
        case .type: return script
        case .metaName, .httpEquiv: return meta
        case .lang: return root
        case .style: return value.map(Self.styleHides) ?? true
        case .signature, .itemprop, .content, .datetime, .hidden, .ariaHidden: return true
        }
    }

    /// `display:none` / `visibility:hidden` in an inline style, spaces and case ignored.
    static func styleHides(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most styles say neither "none" nor "hidden": check for an 'n' or 'h' after a ':' first.
        guard let colon = style.firstIndex(of: 0x3A),
              style[colon...].contains(where: { $0 | 0x20 == 0x6E || $0 | 0x20 == 0x68 }) else { return false }
        for i in style.indices {
            let c = style[i] | 0x20   // «d» or «v», in any case, may start a match
            if c == 0x64 && spacedMatch("display:none", style, at: i) || c == 0x76 && spacedMatch("visibility:hidden", style, at: i) {
                return true
            }
        }
        return false
    }

    /// Whether the lowercase `word` starts at `style[i]`, ASCII case and blanks (space, tab)
    /// between its bytes ignored: a match in the style with its blanks taken out, read in place.
    private static func spacedMatch(_ word: StaticString, _ style: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let w = word.utf8Start
        var k = i
        for j in 0..<word.utf8CodeUnitCount {
            while k < style.count, style[k] == 0x20 || style[k] == 0x09 { k += 1 }
            guard k < style.count else { return false }
            let c = style[k]
            if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != w[j] { return false }
            k += 1
        }
        return true
    }
}
