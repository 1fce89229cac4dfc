/// Drops what the page walker never reads from a page before libxml2 reads it: the bodies of
/// `<script>` and `<style>` elements (JSON-LD is kept), long comments, and the attributes the
/// walker ignores (`AttributeKind.other`: `href`, `src`, `srcset`, `d`, `onclick`, `data-*` …;
/// and `AttributeKind.isRead`: a `style` that hides nothing, `type` off a script, `name` off a meta).
///
/// On news pages these are most of the bytes, and libxml2 2.9.14 walks them a character at a time
/// (`htmlParseScript`, `htmlParseHTMLAttribute`): on the bundled WARC, 48 % of the HTML is script or
/// style, and of the rest a third is attributes nobody reads. Finding them is a byte scan (the next
/// `<` by `memchr`) and a walk over each tag's attributes.
///
///     <p>Lavrov said</p><a href="/x" class="more">more</a><script src="a.js">var x = "<p>";…</script>
///       → <p>Lavrov said</p><a  class="more">more</a><script ></script>
///
/// The filter must never change what libxml2 makes of a page, so it follows libxml2's own
/// tokenizer (recover mode) wherever that decides where a body starts and ends: a start tag is
/// `<` and an ASCII letter, its attributes are read as `htmlParseStartTag` reads them (a quoted
/// value only right after `=`, an unreadable attribute skipped to the next blank or the tag's end),
/// `<x/>` has no body, a body ends at the first `</script` or `</style` (any case) followed by a
/// character that cannot continue a name (`</scripts>` does not close it, there or here; a body
/// that starts with markup, where libxml2 reads `</span>` as an end tag, is left alone), comments
/// run from `<!--` to the first `-->`, other `<!…>`, `<?…>` and end tags to their `>`. Where a page
/// leaves the ordinary (a quote never closed, a comment some reader closes sooner, a `<` inside
/// markup, a NUL or a non-ASCII byte in a tag) it stops and leaves the rest of the page as it is:
/// the filter only ever costs a missed saving, never a changed document. Tests parse real and
/// tricky pages with and without it and compare everything the walker hands on.
///
/// Only for ASCII-compatible charsets (UTF-8, windows-1256, ISO-8859-6, windows-1252), whose
/// markup bytes are ASCII.
enum ScriptBodyFilter {
    /// The page with what the walker never reads removed, or nil when nothing was worth removing
    /// (the caller then parses the page as it is).
    static func filter(_ page: [UInt8]) -> [UInt8]? {
        page.withUnsafeBufferPointer { filter($0) }
    }

    /// Bodies and comments shorter than this are left in place: cutting costs more than it saves.
    static let minimumBody = 64

    /// The filtered page, written as the scan goes: the bytes between cuts are copied once.
    private struct Writer {
        let source: UnsafeBufferPointer<UInt8>
        let target: UnsafeMutableBufferPointer<UInt8>
        var written = 0
        var copied = 0      // source[..<copied] is written or dropped

        /// Drops `source[from..<to]` (from ≥ copied).
        mutating func cut(_ from: Int, _ to: Int) {
            let length = from - copied
            if length > 0 {
                (target.baseAddress! + written).update(from: source.baseAddress! + copied, count: length)
                written += length
            }
            copied = to
        }
    }

    static func filter(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let n = b.count
        guard n > 0 else { return nil }
        var any = false
        let out = [UInt8](unsafeUninitializedCapacity: n) { target, count in
            var w = Writer(source: b, target: target)
            scan(b, &w)
            any = w.copied > 0
            w.cut(n, n)
            count = w.written
        }
        return any ? out : nil
    }

    private static func scan(_ b: UnsafeBufferPointer<UInt8>, _ w: inout Writer) {
        let n = b.count
        var inTitle = false     // libxml2 2.9.14 reads tags in a title; its text keeps their bodies
        var i = 0
        while true {
            let lt = ByteSearch.find(byte: 0x3C, in: b, from: i) ?? n   // «<»
            squeezeBlanks(b, from: i, to: lt, &w)
            i = lt
            guard i + 1 < n else { return }
            let c = b[i + 1]
            if c == 0x21, i + 3 < n, b[i + 2] == 0x2D, b[i + 3] == 0x2D {   // «<!--»
                guard let end = commentEnd(b, from: i + 4) else { return }
                if end - 3 - (i + 4) >= minimumBody { w.cut(i + 4, end - 3) }   // «<!---->» stays a comment
                i = end
            } else if c == 0x21 || c == 0x3F || c == 0x2F {
                // «<!DOCTYPE …>», «<!…>», «<?…>», «</…>»: up to the next «>». libxml2 versions
                // differ on what «<!x» or «</ x» is (text or a bogus comment), but with no «<» before
                // the «>» either reading finds no tag inside; with one, the page is left alone.
                guard let end = markupEnd(b, from: i + 2, quoted: c == 0x21) else { return }
                if c == 0x2F, end - i > 7, matches("title", b, at: i + 2), !isNameChar(b[i + 7]) { inTitle = false }
                i = end
            } else if isASCIILetter(c) {
                guard let tag = startTag(b, at: i, &w) else { return }
                i = tag.end
                if tag.isTitle { inTitle = true }
                guard tag.opensBody else { continue }
                guard let bodyEnd = closing(tag.isScript ? "script" : "style", in: b, from: i) else { return }
                if !tag.keepsBody, !inTitle, bodyEnd - i >= minimumBody { w.cut(i, bodyEnd) }
                i = bodyEnd
            } else {
                i += 1   // «<» and anything else is text
            }
        }
    }

    /// Text between tags keeps the first of a run of three or more blanks (space, tab, LF, CR):
    /// the walker reads any run as one space, and libxml2 hands whitespace over as text either
    /// way (a run that is all blanks stays all blanks, and what follows it is unchanged), while
    /// indentation is a fifth of a news page's markup once scripts are gone.
    private static func squeezeBlanks(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, _ w: inout Writer) {
        var k = start
        while let t = firstBlankTriple(b, from: k, to: end) {
            var e = t + 3
            while e < end, isBlank(b[e]) { e += 1 }
            w.cut(t + 1, e)
            k = e
        }
    }

    /// The first `t ≥ start` with `b[t]`, `b[t + 1]` and `b[t + 2]` blank (`t + 2 < end`), or nil.
    /// Eight starting places at a time: a word flags the bytes below 0x21 at `t`, `t + 1` and
    /// `t + 2` (three loads a byte apart); where none of the eight has all three, the word is
    /// skipped, so the single spaces between words cost nothing. A flag can be a borrow's (never
    /// below the first real one), so flagged places are checked byte by byte.
    private static func firstBlankTriple(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let below: UInt64 = 0x2121_2121_2121_2121, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func flags(_ at: Int) -> UInt64 {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            return (x &- below) & ~x
        }
        @inline(__always) func triple(_ t: Int) -> Bool { isBlank(b[t]) && isBlank(b[t + 1]) && isBlank(b[t + 2]) }
        var i = start
        while i + 10 <= end {
            let m = flags(i) & flags(i + 1) & flags(i + 2) & highs
            if m != 0 {
                var t = i + ByteScan.firstFlagged(m)
                while t < i + 8 {
                    if triple(t) { return t }
                    t += 1
                }
            }
            i += 8
        }
        while i + 2 < end {
            if triple(i) { return i }
            i += 1
        }
        return nil
    }

    private struct StartTag {
        var end: Int            // index after the tag's «>» (or «/>»)
        var opensBody: Bool     // a script or style element whose body follows
        var isScript: Bool
        var keepsBody: Bool     // a script whose type says «json» (JSON-LD is read)
        var isTitle: Bool
    }

    @inline(__always) private static func isASCIILetter(_ c: UInt8) -> Bool {
        (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
    }

    /// A character of an HTML name as libxml2's `htmlParseHTMLName` reads it: ASCII letters,
    /// digits, «:», «-», «_», «.» (one bit each in a 128-bit set, tested by two shifts).
    @inline(__always) private static func isNameChar(_ c: UInt8) -> Bool {
        let low: UInt64 = 0x07FF_6000_0000_0000      // «-», «.», «0»…«9», «:»
        let high: UInt64 = 0x07FF_FFFE_87FF_FFFE     // «A»…«Z», «_», «a»…«z»
        return c < 64 ? (low >> UInt64(c)) & 1 != 0 : c < 128 && (high >> UInt64(c & 63)) & 1 != 0
    }

    @inline(__always) private static func isBlank(_ c: UInt8) -> Bool {
        c <= 0x20 && (UInt64(0x1_0000_2600) >> UInt64(c)) & 1 != 0   // space, tab, LF, CR
    }

    /// The index after the «-->» that ends a comment whose text starts at `start`; nil when the
    /// comment is never closed, or when some reader could end it sooner: HTML5 (and newer libxml2)
    /// close «<!-->», «<!--->» and «--!>».
    private static func commentEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = b.count
        guard start + 1 < n, b[start] != 0x3E, !(b[start] == 0x2D && b[start + 1] == 0x3E) else { return nil }
        var j = start
        while true {
            j = ByteSearch.find(byte: 0x2D, in: b, from: j) ?? n
            guard j + 2 < n else { return nil }
            if b[j + 1] == 0x2D {
                if b[j + 2] == 0x3E { return j + 3 }
                if b[j + 2] == 0x21 { return nil }
            }
            j += 1
        }
    }

    /// The index after the next «>», or nil when a «<» or a NUL comes first or none follows. With
    /// `quoted` (a DOCTYPE's identifiers), quoted strings are skipped, and the «>» must be the
    /// same with and without them.
    private static func markupEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int, quoted: Bool) -> Int? {
        let n = b.count
        var j = start
        var plain: Int?
        var inQuote: UInt8 = 0
        while j < n {
            let c = b[j]
            if c == 0 || c == 0x3C { return nil }
            if c == 0x3E {
                if plain == nil { plain = j }
                if inQuote == 0 { return plain == j ? j + 1 : nil }
            } else if quoted, c == 0x22 || c == 0x27 {
                if inQuote == 0 { inQuote = c } else if inQuote == c { inQuote = 0 }
            }
            j += 1
        }
        return nil
    }

    /// Reads a start tag at `i` («<» and a letter) the way `htmlParseStartTag` does, dropping the
    /// attributes the walker ignores; nil when the tag leaves the ordinary (see the type's comment).
    private static func startTag(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ w: inout Writer) -> StartTag? {
        let n = b.count
        var j = i + 1
        while j < n, isNameChar(b[j]) { j += 1 }
        let nameLength = j - i - 1
        guard nameLength < 100 else { return nil }   // libxml2 splits longer names
        let isScript = nameLength == 6 && matches("script", b, at: i + 1)
        let isStyle = !isScript && nameLength == 5 && matches("style", b, at: i + 1)
        let isTitle = !isStyle && nameLength == 5 && matches("title", b, at: i + 1)
        let isMeta = nameLength == 4 && matches("meta", b, at: i + 1)
        let isRoot = nameLength == 4 && (matches("html", b, at: i + 1) || matches("body", b, at: i + 1))
        var styleSeen = false
        var meta = MetaAttributes()
        var keeps = false
        var selfClosed = false
        // An attribute is cut as soon as it has been read: it is a whole unit (name, «=», value),
        // so libxml2 reads the rest of the tag the same without it, even a rest it will not like.
        while true {
            while j < n, isBlank(b[j]) { j += 1 }
            guard j < n else { return nil }
            let c = b[j]
            if c == 0x3E { j += 1; break }
            if c == 0x2F, j + 1 < n, b[j + 1] == 0x3E { j += 2; selfClosed = true; break }
            if c == 0 || c >= 0x80 { return nil }
            let attributeStart = j
            if isASCIILetter(c) || c == 0x5F || c == 0x3A || c == 0x2E {
                while j < n, isNameChar(b[j]) { j += 1 }
                guard j - attributeStart < 100 else { return nil }
                let kind = AttributeKind(b, attributeStart, j, foldingCase: true)
                let attributeNameLength = j - attributeStart
                var valueStart = j, valueEnd = j
                var valued = false
                var k = j
                while k < n, isBlank(b[k]) { k += 1 }
                guard k < n else { return nil }
                if b[k] == 0x3D {   // «=»
                    valued = true
                    k += 1
                    while k < n, isBlank(b[k]) { k += 1 }
                    guard k < n else { return nil }
                    if b[k] == 0x22 || b[k] == 0x27 {
                        let q = ByteSearch.find(byte: b[k], in: b, from: k + 1) ?? n
                        guard q < n, ByteSearch.find(byte: 0, in: UnsafeBufferPointer(rebasing: b[..<q]), from: k + 1) == nil
                        else { return nil }
                        valueStart = k + 1; valueEnd = q
                        k = q + 1
                    } else {
                        valueStart = k
                        while k < n, !isBlank(b[k]), b[k] != 0x3E {
                            if b[k] == 0 { return nil }
                            k += 1
                        }
                        valueEnd = k
                    }
                    j = k
                }
                // (without «=», blanks after the name are left for the loop)
                if kind == .type, isScript,
                   UnsafeBufferPointer(rebasing: b[valueStart..<valueEnd]).firstRangeCaseInsensitive(of: "json") != nil {
                    keeps = true
                }
                var read: Bool
                if kind == .style {
                    // only the first style is read (libxml2 drops a second), and only if it hides
                    let value = UnsafeBufferPointer(rebasing: b[valueStart..<valueEnd])
                    read = !styleSeen && kind.isRead(script: isScript, meta: isMeta, root: isRoot,
                                                     value: value.contains(0x26) ? nil : value)   // «&»
                    styleSeen = true
                } else {
                    read = kind.isRead(script: isScript, meta: isMeta, root: isRoot, value: nil)
                }
                if isMeta {
                    meta.note(kind, nameLength: attributeNameLength, value: valued ? UnsafeBufferPointer(rebasing: b[valueStart..<valueEnd]) : nil,
                              range: attributeStart..<j, cut: !read)
                } else if !read {
                    w.cut(attributeStart, j)
                }
            } else {
                // libxml2 drops an attribute it cannot read up to the next blank or the tag's end
                while j < n, !isBlank(b[j]), b[j] != 0x3E, !(b[j] == 0x2F && j + 1 < n && b[j + 1] == 0x3E) {
                    if b[j] == 0 || b[j] >= 0x80 { return nil }
                    j += 1
                }
            }
        }
        if isMeta { meta.cut(&w) }   // (a bail-out above leaves the meta as it is)
        return StartTag(end: j, opensBody: (isScript || isStyle) && !selfClosed, isScript: isScript, keepsBody: keeps, isTitle: isTitle)
    }

    /// A `meta`'s attributes, whose cuts wait for the tag's end: its `content` is read only under a
    /// key the parser looks up (`HTMLDocumentParser.readMetaKeys`), and the key may come after it.
    /// The key is the walker's (`LibXML2`'s `Attributes`): the last `name` or `property`, else the
    /// first `itemprop` or `http-equiv`, lowercased; of a repeated attribute libxml2 keeps the first.
    /// A key or content with an entity or a non-ASCII byte keeps the content (as libxml2 decodes it,
    /// it could read otherwise).
    private struct MetaAttributes {
        var cuts: [Range<Int>] = []
        var contents: [Range<Int>] = []
        var key: UnsafeBufferPointer<UInt8>?
        var unsure = false
        var seen: UInt8 = 0     // a bit per key name: name, property, itemprop, http-equiv

        mutating func note(_ kind: AttributeKind, nameLength: Int, value: UnsafeBufferPointer<UInt8>?,
                           range: Range<Int>, cut: Bool) {
            if cut { cuts.append(range) }
            let bit: UInt8
            switch kind {
            case .metaName: bit = nameLength == 4 ? 1 : 2   // «name», «property»
            case .itemprop: bit = 4
            case .httpEquiv: bit = 8
            case .content: bit = 16
            default: return
            }
            if bit == 16 { contents.append(range); return }
            if seen & bit != 0 { return }   // a repeat: libxml2 drops it
            seen |= bit
            guard let value else { return }   // bare: the walker reads no value
            if value.contains(where: { $0 == 0x26 || $0 >= 0x80 }) { unsure = true }   // «&», non-ASCII
            switch kind {
            case .metaName: key = value
            case .itemprop, .httpEquiv: if key == nil { key = value }
            default: break
            }
        }

        /// Applies the held cuts, with every `content` when the meta's content is never read (both
        /// lists are in page order: merged as they are applied).
        func cut(_ w: inout Writer) {
            let dropsContent = !unsure && !isRead
            var a = 0, c = 0
            while a < cuts.count || (dropsContent && c < contents.count) {
                if dropsContent, c < contents.count, a == cuts.count || contents[c].lowerBound < cuts[a].lowerBound {
                    w.cut(contents[c].lowerBound, contents[c].upperBound)
                    c += 1
                } else {
                    w.cut(cuts[a].lowerBound, cuts[a].upperBound)
                    a += 1
                }
            }
        }

        /// The key (ASCII here: `unsure` otherwise) lowercased is one the parser reads.
        private var isRead: Bool {
            guard let key else { return false }
            return HTMLDocumentParser.readMetaKeys.contains(String(decoding: key, as: UTF8.self).lowercased())
        }
    }

    /// Where the body that starts at `start` ends: the «</» of the first «</NAME» (any case) not
    /// followed by a name character, or the end of the page. A longer name («</scripts», «</style.x»)
    /// stops libxml2's body scan all the same; it reads the end tag, skips to the next «>» (wherever
    /// that is) and, the tag closing nothing open, reads on in the body from there.
    ///
    /// Where libxml2 starts (or resumes) reading a body it first looks for markup: «</span>» there
    /// closes the script with the span, and a start tag may close it («<body>»). A body that starts
    /// so is not the ordinary: nil.
    private static func closing(_ name: StaticString, in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = b.count
        let length = name.utf8CodeUnitCount
        @inline(__always) func opensMarkup(_ k: Int) -> Bool {
            guard k + 1 < n, b[k] == 0x3C else { return false }
            let c = b[k + 1]
            return c == 0x2F || isASCIILetter(c) || c == 0x5F || c == 0x3A
        }
        var j = start
        if opensMarkup(j), !(b[j + 1] == 0x2F && j + 2 + length < n && matches(name, b, at: j + 2)
                            && !isNameChar(b[j + 2 + length])) {
            return nil
        }
        while true {
            j = ByteSearch.find(byte: 0x3C, in: b, from: j) ?? n
            guard j + 2 + length < n else { return n }
            if b[j + 1] == 0x2F, matches(name, b, at: j + 2) {
                if !isNameChar(b[j + 2 + length]) { return j }
                j = ByteSearch.find(byte: 0x3E, in: b, from: j + 2 + length) ?? n
                guard j < n else { return n }
                if opensMarkup(j + 1) { return nil }
            }
            j += 1
        }
    }

    /// Whether the lowercase ASCII `word` is at `i`, in any case.
    @inline(__always) private static func matches(_ word: StaticString, _ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let length = word.utf8CodeUnitCount
        guard i + length <= b.count else { return false }
        let w = word.utf8Start
        for k in 0..<length where b[i + k] | 0x20 != w[k] { return false }
        return true
    }
}
