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

extension ByteSearch {
    static func find(byte: UInt8, in bytes: [UInt8], from: Int) -> Int? {
        guard from < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { hay -> Int? in
            guard let hit = memchr(hay.baseAddress! + from, Int32(byte), hay.count - from) else { return nil }
            return hay.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
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

    /// `<b>Talks</b> &amp; more\n` → "Talks & more". CDATA content is kept as is.
    static func text(_ b: ArraySlice<UInt8>, layout: Layout) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = b.startIndex
        let n = b.endIndex
        while i < n {
            let c = b[i]
            if c == UInt8(ascii: "<"), i + 1 < n {
                let d = b[i + 1]
                if d == UInt8(ascii: "!") {
                    if b[(i + 1)...].starts(with: MarkupScanner.cdataOpen) {
                        let s = i + 9
                        let e = ByteSearch.find(MarkupScanner.cdataClose, in: b[min(s, n)...]) ?? n
                        out.append(contentsOf: b[min(s, n)..<e])
                        i = min(e + 3, n)
                        continue
                    }
                    if b[(i + 1)...].starts(with: MarkupScanner.commentOpen) {
                        i = min((ByteSearch.find(MarkupScanner.commentClose, in: b[(i + 1)...]) ?? n) + 3, n)
                        continue
                    }
                }
                if MarkupScanner.isNameStart(d) || d == UInt8(ascii: "/") || d == UInt8(ascii: "!") || d == UInt8(ascii: "?") {
                    if let gt = b[(i + 1)...].firstIndex(where: { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "<") }),
                       b[gt] == UInt8(ascii: ">") {
                        // Block-level tags end a line so "<P>a</P><P>b</P>" does not glue words.
                        out.append(layout == .lines && isBlockTag(b[(i + 1)..<gt]) ? 0x0A : 0x20)
                        i = gt + 1
                        continue
                    }
                }
            }
            if c == UInt8(ascii: "&"), let (scalar, len) = entity(b, at: i) {
                out.append(contentsOf: Array(String(scalar).utf8))
                i += len
                continue
            }
            out.append(c == 0 ? 0x20 : c)
            i += 1
        }
        return tidy(out, layout: layout)
    }

    private static func isBlockTag(_ inner: ArraySlice<UInt8>) -> Bool {
        var s = inner.drop(while: { $0 == UInt8(ascii: "/") })
        s = s.prefix(while: { InputFormat.isNameByte($0) })
        let name = String(decoding: s, as: UTF8.self).lowercased()
        return ["p", "br", "div", "li", "h1", "h2", "h3", "h4", "tr", "blockquote"].contains(name)
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

    private static func tidy(_ b: [UInt8], layout: Layout) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        switch layout {
        case .collapsed:
            var pendingSpace = false
            for c in b {
                if InputFormat.isSpace(c) { pendingSpace = !out.isEmpty; continue }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(c)
            }
        case .lines:
            var line: [UInt8] = []
            func flush() {
                var s = line.startIndex, e = line.endIndex
                while s < e, InputFormat.isSpace(line[s]) { s += 1 }
                while e > s, InputFormat.isSpace(line[e - 1]) { e -= 1 }
                if s < e {
                    if !out.isEmpty { out.append(0x0A) }
                    // Inside a line, runs of spaces and tabs become one space.
                    var space = false
                    for c in line[s..<e] {
                        if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0C { space = true; continue }
                        if space { out.append(0x20); space = false }
                        out.append(c)
                    }
                }
                line.removeAll(keepingCapacity: true)
            }
            for c in b {
                if c == 0x0A { flush() } else { line.append(c) }
            }
            flush()
        }
        return String(decoding: out, as: UTF8.self)
    }
}
