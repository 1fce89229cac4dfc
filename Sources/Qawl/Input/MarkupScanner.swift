#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tolerant tag scanner for SGML news dumps and feeds, which are often not well-formed XML
/// (bare `&`, stray or unclosed tags). No DOM: one pass lists the tags of one record, then
/// elements are looked up by name, case-insensitively.
///
///     <DOC id="AFP_ENG_20100101.0001"><HEADLINE>Talks & more</HEADLINE><TEXT><P>a</P></TEXT>
///     → tags: DOC(open) HEADLINE(open) HEADLINE(close) TEXT(open) P(open) P(close) TEXT(close)
///     → element("HEADLINE") = "Talks & more" (the bare & kept as text)
struct MarkupScanner {
    struct Tag {
        var start: Int        // index of "<"
        var end: Int          // index after ">"
        var nameStart: Int
        var nameEnd: Int
        var isClose: Bool
        var selfClosing: Bool
    }

    let bytes: [UInt8]
    private(set) var tags: [Tag] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        scan()
    }

    private mutating func scan() {
        let b = bytes
        let n = b.count
        var i = 0
        while i < n {
            guard let lt = ByteSearch.find(byte: 0x3C, in: b, from: i) else { break }
            i = lt + 1
            guard i < n else { break }
            let c = b[i]
            if c == UInt8(ascii: "!") {
                // Comment or CDATA: their content is text, never tags.
                if b[i...].starts(with: Self.cdataOpen) {
                    i = (ByteSearch.find(Self.cdataClose, in: b[i...]) ?? n - 3) + 3
                } else if b[i...].starts(with: Self.commentOpen) {
                    i = (ByteSearch.find(Self.commentClose, in: b[i...]) ?? n - 3) + 3
                }
                continue
            }
            let isClose = c == UInt8(ascii: "/")
            let nameStart = isClose ? i + 1 : i
            guard nameStart < n, Self.isNameStart(b[nameStart]) else { continue }
            var j = nameStart
            while j < n, InputFormat.isNameByte(b[j]) { j += 1 }
            guard j < n, b[j] == UInt8(ascii: ">") || b[j] == UInt8(ascii: "/") || InputFormat.isSpace(b[j]) else { continue }
            // Tag end: the next ">" outside quotes, unless a "<" comes first (then it was text).
            var k = j
            var quote: UInt8 = 0
            while k < n {
                let d = b[k]
                if quote != 0 { if d == quote { quote = 0 } }
                else if d == 0x22 || d == 0x27 { if !isClose { quote = d } }
                else if d == UInt8(ascii: ">") || d == UInt8(ascii: "<") { break }
                k += 1
            }
            guard k < n, b[k] == UInt8(ascii: ">") else { i = j; continue }
            tags.append(Tag(start: lt, end: k + 1, nameStart: nameStart, nameEnd: j, isClose: isClose,
                            selfClosing: b[k - 1] == UInt8(ascii: "/")))
            i = k + 1
        }
    }

    static let cdataOpen = Array("![CDATA[".utf8), cdataClose = Array("]]>".utf8)
    static let commentOpen = Array("!--".utf8), commentClose = Array("-->".utf8)

    static func isNameStart(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 }

    func nameMatches(_ tag: Tag, _ upper: [UInt8]) -> Bool {
        guard tag.nameEnd - tag.nameStart == upper.count else { return false }
        var k = 0
        while k < upper.count {
            var c = bytes[tag.nameStart + k]
            if c >= 97 && c <= 122 { c -= 32 }
            if c != upper[k] { return false }
            k += 1
        }
        return true
    }

    /// Index in `tags` of the first opening tag called `name` (upper-case ASCII) at or after `from`.
    func firstOpen(_ name: [UInt8], from: Int = 0) -> Int? {
        var t = from
        while t < tags.count {
            if !tags[t].isClose && nameMatches(tags[t], name) { return t }
            t += 1
        }
        return nil
    }

    /// The content of the first element called `name`: from after its start tag to its end tag;
    /// an unclosed element runs to the next tag named in `stops` (or to the end).
    func element(_ name: [UInt8], stops: [[UInt8]] = [], from: Int = 0) -> (open: Int, content: Range<Int>, next: Int)? {
        guard let o = firstOpen(name, from: from) else { return nil }
        let open = tags[o]
        if open.selfClosing { return (o, open.end..<open.end, o + 1) }
        var t = o + 1
        while t < tags.count {
            let tag = tags[t]
            if nameMatches(tag, name) {
                if tag.isClose { return (o, open.end..<tag.start, t + 1) }
                return (o, open.end..<tag.start, t)   // a second open: the first was never closed
            }
            if stops.contains(where: { nameMatches(tag, $0) }) { return (o, open.end..<tag.start, t) }
            t += 1
        }
        return (o, open.end..<bytes.count, tags.count)
    }

    /// Value of attribute `name` (lower-case ASCII) in the tag at `index`.
    func attribute(_ name: String, ofTag index: Int) -> String? {
        let tag = tags[index]
        let b = bytes
        var i = tag.nameEnd
        let stop = tag.end - 1
        let want = Array(name.utf8)
        while i < stop {
            while i < stop, InputFormat.isSpace(b[i]) || b[i] == UInt8(ascii: "/") { i += 1 }
            let ks = i
            while i < stop, b[i] != UInt8(ascii: "="), !InputFormat.isSpace(b[i]), b[i] != UInt8(ascii: "/") { i += 1 }
            let key = b[ks..<i].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            while i < stop, InputFormat.isSpace(b[i]) { i += 1 }
            guard i < stop, b[i] == UInt8(ascii: "=") else { if i == ks { i += 1 }; continue }
            i += 1
            while i < stop, InputFormat.isSpace(b[i]) { i += 1 }
            var vs = i, ve = i
            if i < stop, b[i] == 0x22 || b[i] == 0x27 {
                let q = b[i]
                vs = i + 1
                ve = vs
                while ve < stop, b[ve] != q { ve += 1 }
                i = ve + 1
            } else {
                while ve < stop, !InputFormat.isSpace(b[ve]) { ve += 1 }
                i = ve
            }
            if key == want { return MarkupText.decodeEntities(b[vs..<ve]) }
        }
        return nil
    }
}

/// Text out of markup bytes: tags stripped, character references decoded, whitespace tidied.
enum MarkupText {
    enum Layout {
        /// Each non-empty line is a paragraph (TREC `<TEXT>`): lines trimmed, joined by "\n".
        case lines
        /// One paragraph: every whitespace run becomes one space (Gigaword `<P>`, titles).
        case collapsed
    }

    /// `<b>Talks</b> &amp; more\n` → "Talks & more". CDATA content is kept as is. One pass over
    /// the bytes: the output is never longer than the input (a reference or a tag is always at
    /// least as long as what replaces it), so it is written into a buffer of the input's size.
    static func text(_ b: ArraySlice<UInt8>, layout: Layout) -> String {
        let out = [UInt8](unsafeUninitializedCapacity: b.count + 4) { o, written in
            var sink = TextSink(out: o.baseAddress!, lines: layout == .lines)
            b.withUnsafeBufferPointer { p in
                let count = p.count
                var i = 0
                while i < count {
                    let c = p[i]
                    if c == 0x3C, i + 1 < count {   // "<"
                        let d = p[i + 1]
                        if d == 0x21 {   // "<!": CDATA or comment
                            let rest = b[(b.startIndex + i + 1)...]
                            if rest.starts(with: MarkupScanner.cdataOpen) {
                                let s = min(i + 9, count)
                                let e = (ByteSearch.find(MarkupScanner.cdataClose, in: b[(b.startIndex + s)...]).map { $0 - b.startIndex }) ?? count
                                var k = s
                                while k < e { sink.emit(p[k]); k += 1 }
                                i = min(e + 3, count)
                                continue
                            }
                            if rest.starts(with: MarkupScanner.commentOpen) {
                                let e = (ByteSearch.find(MarkupScanner.commentClose, in: rest).map { $0 - b.startIndex }) ?? count
                                i = min(e + 3, count)
                                continue
                            }
                        }
                        if MarkupScanner.isNameStart(d) || d == 0x2F || d == 0x21 || d == 0x3F {
                            var k = i + 1
                            while k < count, p[k] != 0x3E, p[k] != 0x3C { k += 1 }
                            if k < count, p[k] == 0x3E {
                                // Block-level tags end a line so "<P>a</P><P>b</P>" does not glue words.
                                sink.emit(isBlockTag(p, from: i + 1, to: k) ? 0x0A : 0x20)
                                i = k + 1
                                continue
                            }
                        }
                    } else if c == 0x26, let (scalar, len) = entity(b, at: b.startIndex + i) {   // "&"
                        var utf8 = UTF8.encode(scalar)!.makeIterator()
                        while let u = utf8.next() { sink.emit(u) }
                        i += len
                        continue
                    }
                    if c > 0x20 && c != 0x3C && c != 0x26 {
                        // A run of plain text bytes: copied at once (most of a text dump). Single
                        // spaces between words stay inside the run: emitted one by one they come
                        // out the same (a pending space written before the next word).
                        var j = i + 1
                        while j < count {
                            let d = p[j]
                            if d > 0x20 && d != 0x3C && d != 0x26 { j += 1; continue }
                            if d == 0x20, j + 1 < count {
                                let e = p[j + 1]
                                if e > 0x20 && e != 0x3C && e != 0x26 { j += 2; continue }
                            }
                            break
                        }
                        sink.emitRun(p.baseAddress! + i, j - i)
                        i = j
                        continue
                    }
                    sink.emit(c)
                    i += 1
                }
            }
            written = sink.count
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isBlockTag(_ p: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Bool {
        var i = from
        if i < end, p[i] == 0x2F { i += 1 }
        var name: (UInt8, UInt8, UInt8) = (0, 0, 0)
        var len = 0
        while i < end, InputFormat.isNameByte(p[i]), len < 4 {
            let c = p[i] | 0x20
            if len == 0 { name.0 = c } else if len == 1 { name.1 = c } else if len == 2 { name.2 = c }
            len += 1; i += 1
        }
        switch len {
        case 1: return name.0 == UInt8(ascii: "p")
        case 2:
            return (name.0 == UInt8(ascii: "b") && name.1 == UInt8(ascii: "r")) || (name.0 == UInt8(ascii: "l") && name.1 == UInt8(ascii: "i"))
                || (name.0 == UInt8(ascii: "t") && name.1 == UInt8(ascii: "r"))
                || (name.0 == UInt8(ascii: "h") && name.1 >= 49 && name.1 <= 54)
        case 3: return name.0 == UInt8(ascii: "d") && name.1 == UInt8(ascii: "i") && name.2 == UInt8(ascii: "v")
        default: return false
        }
    }

    /// Decodes character references only (an attribute value, CDATA-less feed content).
    static func decodeEntities(_ b: ArraySlice<UInt8>) -> String {
        guard b.contains(UInt8(ascii: "&")) else { return String(decoding: b, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = b.startIndex
        while i < b.endIndex {
            if b[i] == UInt8(ascii: "&"), let (scalar, len) = entity(b, at: i) {
                out.append(contentsOf: Array(String(scalar).utf8))
                i += len
            } else {
                out.append(b[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}", "laquo": "\u{AB}", "raquo": "\u{BB}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
    ]

    /// A character reference at `i` (`&amp;`, `&#1575;`, `&#x627;`): its scalar and length. A bare
    /// `&` (`AT&T`) is not one and stays text.
    static func entity(_ b: ArraySlice<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        var j = i + 1
        let limit = min(b.endIndex, i + 12)
        guard j < limit else { return nil }
        if b[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < limit, b[j] == UInt8(ascii: "x") || b[j] == UInt8(ascii: "X") { hex = true; j += 1 }
            var value: UInt32 = 0
            let digitsStart = j
            while j < limit, let d = hexValue(b[j]), hex || d < 10 {
                value = value &* (hex ? 16 : 10) &+ UInt32(d)
                j += 1
            }
            guard j > digitsStart, j < b.endIndex, b[j] == UInt8(ascii: ";") else { return nil }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", j + 1 - i)
        }
        while j < limit, (b[j] >= 97 && b[j] <= 122) || (b[j] >= 65 && b[j] <= 90) { j += 1 }
        guard j < b.endIndex, b[j] == UInt8(ascii: ";"), j > i + 1 else { return nil }
        guard let s = named[String(decoding: b[(i + 1)..<j], as: UTF8.self)] else { return nil }
        return (s, j + 1 - i)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 97...102: return c - 87
        case 65...70: return c - 55
        default: return nil
        }
    }
}

/// Writes text bytes with whitespace tidied: runs of spaces become one space, line breaks (in
/// `.lines` layout) one "\n", nothing leading or trailing.
private struct TextSink {
    let out: UnsafeMutablePointer<UInt8>
    let lines: Bool
    var count = 0
    var pendingSpace = false
    var pendingBreak = false

    init(out: UnsafeMutablePointer<UInt8>, lines: Bool) {
        self.out = out
        self.lines = lines
    }

    /// `emit` for each of `n` bytes that are all above 0x20 (no whitespace, no control bytes).
    @inline(__always)
    mutating func emitRun(_ bytes: UnsafePointer<UInt8>, _ n: Int) {
        if pendingBreak { out[count] = 0x0A; count += 1 } else if pendingSpace { out[count] = 0x20; count += 1 }
        pendingBreak = false
        pendingSpace = false
        (out + count).update(from: bytes, count: n)
        count += n
    }

    @inline(__always)
    mutating func emit(_ c: UInt8) {
        if c > 0x20 {
            if pendingBreak { out[count] = 0x0A; count += 1 } else if pendingSpace { out[count] = 0x20; count += 1 }
            pendingBreak = false
            pendingSpace = false
            out[count] = c
            count += 1
        } else if c == 0x0A {
            if count > 0 { if lines { pendingBreak = true } else { pendingSpace = true } }
        } else if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0C || c == 0 {
            if count > 0 { pendingSpace = true }
        } else {
            // Other control bytes are kept as they are (rare; the parse stage decides).
            if pendingBreak { out[count] = 0x0A; count += 1 } else if pendingSpace { out[count] = 0x20; count += 1 }
            pendingBreak = false
            pendingSpace = false
            out[count] = c
            count += 1
        }
    }
}
