/// What the libxml2 SAX collector (`LibXML2.swift`) hands back: a flat table of elements (document order, parent links) and
/// the text cut into blocks, one per run of text between block-level boundaries. The main-text
/// scorer and the metadata finders work on this value only; no libxml2 pointer escapes.
///
///     <div class="story"><p>Lavrov said <a>talks</a> failed.</p><nav>Home</nav></div>
///       elements: 0 div "story" · 1 p (parent 0) · 2 a (parent 1) · 3 nav (parent 0)
///       blocks:   "Lavrov said talks failed." owner 1, 25 chars, 5 link chars · "Home" owner 3
struct HTMLTree: Sendable {
    struct Element: Sendable {
        var tag: HTMLTag
        /// Index of the parent element, -1 at the top.
        var parent: Int32
        var depth: Int32
        /// `class`, `id`, `role` and `itemprop` values joined by spaces (as written): bytes
        /// `signatureStart ..< signatureStart + signatureCount` of `HTMLTree.signatureBytes`, none
        /// when the count is 0. Kept as bytes: the scorer only looks their verdict up and compares
        /// them with a sibling's, and a `String` per element cost more than both.
        var signatureStart: Int32 = 0
        var signatureCount: Int32 = 0
    }

    struct Block: Sendable {
        /// Element whose own text this is (the nearest block-level ancestor).
        var owner: Int32
        /// Whitespace collapsed, trimmed, never empty.
        var text: String
        /// Unicode scalars in `text`, and of them inside links.
        var chars: Int32
        var linkChars: Int32
        /// Commas (Latin and Arabic «،»): a cheap sign of running prose.
        var commas: Int32
    }

    struct Meta: Sendable, Equatable {
        /// `name`, `property`, `itemprop` or `http-equiv`, lowercased.
        var key: String
        var content: String
    }

    var elements: [Element] = []
    /// Every element's signature, one after the other (`Element.signatureStart`).
    var signatureBytes: [UInt8] = []
    var blocks: [Block] = []
    var title: String?
    /// The metas the parser reads (`HTMLDocumentParser.readMetaKeys`), in page order.
    var metas: [Meta] = []
    /// Bodies of `<script type="application/ld+json">`.
    var jsonLD: [String] = []
    /// `<time datetime>` values and `itemprop="datePublished"` attributes, in document order,
    /// with the element that carried them.
    var times: [(element: Int32, value: String)] = []
    /// `lang` of `<html>` (or `<body>`), as written.
    var lang: String?
    /// True when the walk stopped descending somewhere because of the depth limit.
    var depthLimited = false

    /// The signature of element `i` as text, nil when it has none (for tests and debugging).
    func signature(_ i: Int) -> String? {
        let e = elements[i]
        guard e.signatureCount > 0 else { return nil }
        return String(decoding: signatureBytes[Int(e.signatureStart)..<Int(e.signatureStart + e.signatureCount)], as: UTF8.self)
    }

    /// Whether elements `a` and `b` both have a signature, and the same one.
    func sameSignature(_ a: Int, _ b: Int) -> Bool {
        let x = elements[a], y = elements[b]
        guard x.signatureCount > 0, x.signatureCount == y.signatureCount else { return false }
        return signatureBytes[Int(x.signatureStart)..<Int(x.signatureStart + x.signatureCount)]
            .elementsEqual(signatureBytes[Int(y.signatureStart)..<Int(y.signatureStart + y.signatureCount)])
    }
}
