/// Drops the bodies of `<script>` and `<style>` elements from a page before libxml2 reads it.
///
/// Nothing in those bodies reaches a `Document` (the SAX collector skips them, apart from JSON-LD,
/// which is kept), yet on news pages they are a third to a half of the bytes, and libxml2 2.9.14
/// walks them one character at a time (`htmlParseScript`): on the bundled WARC, 48 % of the HTML
/// is script or style, and a parse of the filtered pages costs 28 % fewer instructions. Finding
/// them is a byte scan: the next `<`, eight bytes at a time.
///
///     <p>Lavrov said</p><script src="a.js">var x = "<p>";</script><style>p{}</style>
///       → <p>Lavrov said</p><script src="a.js"></script><style></style>
///
/// The filter must never change what libxml2 makes of a page, so it follows libxml2's own
/// tokenizer (recover mode) wherever that decides where a body starts and ends: a start tag is
/// `<` and an ASCII letter, its attributes are read as `htmlParseStartTag` reads them (a quoted
/// value only right after `=`, an unreadable attribute skipped to the next blank or the tag's end),
/// `<x/>` has no body, a body ends at the first `</script` or `</style` (any case) followed by a
/// character that cannot continue a name (`</scripts>` does not close it, there or here), comments
/// run from `<!--` to the first `-->`, and a processing instruction to its `>`. Where a page leaves
/// the ordinary (a quote never closed, a comment closed by `--!>`, a NUL in a tag, a non-ASCII
/// byte where a name could start) it stops and leaves the rest of the page as it is: the filter
/// only ever costs a missed saving, never a changed document.
///
/// Only for ASCII-compatible charsets (UTF-8, windows-1256, ISO-8859-6, windows-1252), whose
/// markup bytes are ASCII.
enum ScriptBodyFilter {
    /// The page with script and style bodies removed, or nil when it has none worth removing
    /// (the caller then parses the page as it is).
    static func filter(_ page: [UInt8]) -> [UInt8]? {
        page.withUnsafeBufferPointer { filter($0) }
    }

    /// Bodies shorter than this are left in place: copying around them costs more than libxml2
    /// saves.
    static let minimumBody = 64

    static func filter(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let n = b.count
        var out: [UInt8] = []
        var copied = 0          // b[..<copied] is in `out` or dropped
        var inTitle = false     // libxml2 2.9.14 reads tags in a title; its text keeps their bodies
        var i = 0
        scan: while true {
            i = ByteScan.first(0x3C, in: b, from: i)   // «<»
            guard i + 1 < n else { break }
            let c = b[i + 1]
            if c == 0x21, i + 3 < n, b[i + 2] == 0x2D, b[i + 3] == 0x2D {   // «<!--»
                guard let end = commentEnd(b, from: i + 4) else { break }
                i = end
            } else if c == 0x21 || c == 0x3F || c == 0x2F {
                // «<!DOCTYPE …>», «<!…>», «<?…>», «</…>»: up to the next «>». libxml2 versions
                // differ on what «<!x» or «</ x» is (text or a bogus comment), but with no «<» before
                // the «>» either reading finds no tag inside; with one, the page is left alone.
                guard let end = markupEnd(b, from: i + 2, quoted: c == 0x21) else { break }
                if c == 0x2F, end - i > 7, matches("title", b, at: i + 2), !isNameChar(b[i + 7]) { inTitle = false }
                i = end
            } else if isASCIILetter(c) {
                guard let tag = startTag(b, at: i) else { break scan }
                i = tag.end
                if tag.isTitle { inTitle = true }
                guard tag.opensBody else { continue }
                let name: StaticString = tag.isScript ? "script" : "style"
                let bodyEnd = closing(name, in: b, from: i)
                if tag.keepsBody || inTitle || bodyEnd - i < minimumBody {
                    i = bodyEnd
                    continue
                }
                if out.isEmpty { out.reserveCapacity(n) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<i]))
                copied = bodyEnd
                i = bodyEnd
            } else {
                i += 1   // «<» and anything else is text
            }
        }
        guard copied > 0 else { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<n]))
        return out
    }

    private struct StartTag {
        var end: Int            // index after the tag's «>» (or «/>»)
        var opensBody: Bool     // a script or style element whose body follows
        var isScript: Bool
        var keepsBody: Bool     // a script whose tag says «json» (JSON-LD is read)
        var isTitle = false
    }

    @inline(__always) private static func isASCIILetter(_ c: UInt8) -> Bool {
        (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
    }

    /// A character of an HTML name as libxml2's `htmlParseHTMLName` reads it.
    @inline(__always) private static func isNameChar(_ c: UInt8) -> Bool {
        isASCIILetter(c) || (c >= 0x30 && c <= 0x39) || c == 0x3A || c == 0x2D || c == 0x5F || c == 0x2E
    }

    @inline(__always) private static func isBlank(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }

    /// The index after the «-->» that ends a comment whose text starts at `start`; nil when the
    /// comment is never closed, or when some reader could end it sooner: HTML5 (and newer libxml2)
    /// close «<!-->», «<!--->» and «--!>».
    private static func commentEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = b.count
        guard start + 1 < n, b[start] != 0x3E, !(b[start] == 0x2D && b[start + 1] == 0x3E) else { return nil }
        var j = start
        while true {
            j = ByteScan.first(0x2D, in: b, from: j)
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

    /// Reads a start tag at `i` («<» and a letter) the way `htmlParseStartTag` does; nil when the
    /// tag leaves the ordinary (see the type's comment).
    private static func startTag(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> StartTag? {
        let n = b.count
        var j = i + 1
        while j < n, isNameChar(b[j]) { j += 1 }
        let nameLength = j - i - 1
        let isScript = nameLength == 6 && matches("script", b, at: i + 1)
        let isStyle = !isScript && nameLength == 5 && matches("style", b, at: i + 1)
        let isTitle = !isStyle && nameLength == 5 && matches("title", b, at: i + 1)
        var keeps = false
        while true {
            while j < n, isBlank(b[j]) { j += 1 }
            guard j < n else { return nil }
            let c = b[j]
            if c == 0x3E { j += 1; break }
            if c == 0x2F, j + 1 < n, b[j + 1] == 0x3E {
                return StartTag(end: j + 2, opensBody: false, isScript: isScript, keepsBody: false, isTitle: isTitle)
            }
            if c == 0 || c >= 0x80 { return nil }
            if isASCIILetter(c) || c == 0x5F || c == 0x3A || c == 0x2E {
                let nameStart = j
                while j < n, isNameChar(b[j]) { j += 1 }
                let isType = j - nameStart == 4 && matches("type", b, at: nameStart)
                while j < n, isBlank(b[j]) { j += 1 }
                guard j < n else { return nil }
                if b[j] == 0x3D {   // «=»
                    j += 1
                    while j < n, isBlank(b[j]) { j += 1 }
                    guard j < n else { return nil }
                    let valueStart: Int, valueEnd: Int
                    if b[j] == 0x22 || b[j] == 0x27 {
                        let q = ByteScan.first(b[j], in: b, from: j + 1)
                        guard q < n, ByteScan.first(0, in: UnsafeBufferPointer(rebasing: b[..<q]), from: j + 1) == q
                        else { return nil }
                        valueStart = j + 1; valueEnd = q
                        j = q + 1
                    } else {
                        valueStart = j
                        while j < n, !isBlank(b[j]), b[j] != 0x3E {
                            if b[j] == 0 { return nil }
                            j += 1
                        }
                        valueEnd = j
                    }
                    if isType, isScript, contains("json", b, valueStart, valueEnd) { keeps = true }
                }
            } else {
                // libxml2 drops an attribute it cannot read up to the next blank or the tag's end
                while j < n, !isBlank(b[j]), b[j] != 0x3E, !(b[j] == 0x2F && j + 1 < n && b[j + 1] == 0x3E) {
                    if b[j] == 0 { return nil }
                    j += 1
                }
            }
        }
        return StartTag(end: j, opensBody: isScript || isStyle, isScript: isScript, keepsBody: keeps, isTitle: isTitle)
    }

    /// Where the body that starts at `start` ends: the «</» of the first «</NAME» (any case) not
    /// followed by a name character, or the end of the page.
    private static func closing(_ name: StaticString, in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = b.count
        let length = name.utf8CodeUnitCount
        var j = start
        while true {
            j = ByteScan.first(0x3C, in: b, from: j)
            guard j + 2 + length < n else { return n }
            if b[j + 1] == 0x2F, matches(name, b, at: j + 2), !isNameChar(b[j + 2 + length]) { return j }
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

    private static func contains(_ word: StaticString, _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = word.utf8CodeUnitCount
        var k = start
        while k + length <= end {
            if matches(word, b, at: k) { return true }
            k += 1
        }
        return false
    }
}
