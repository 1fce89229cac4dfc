/// Whitespace handling for parsed text, one pass over UTF-8 bytes. (Splitting a `String` on
/// `Character.isWhitespace` walks grapheme clusters and property tables, and appending scalar by
/// scalar to a `String` is little better: on the ANT dump either was the largest cost of parsing.)
enum Whitespace {
    /// What the UTF-8 sequence starting at `i` is: a line break, other whitespace, or text; and
    /// its length in bytes.
    @inline(__always)
    static func classify(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (kind: UInt8, length: Int) {
        let c = b[i]
        if c < 0x80 {
            switch c {
            case 0x0A, 0x0B, 0x0C, 0x0D: return (1, 1)
            case 0x20, 0x09: return (2, 1)
            default: return (0, 1)
            }
        }
        let n = b.count
        if c == 0xC2, i + 1 < n {
            if b[i + 1] == 0x85 { return (1, 2) }          // NEL
            if b[i + 1] == 0xA0 { return (2, 2) }          // no-break space
            return (0, 2)
        }
        if c == 0xE2, i + 2 < n, b[i + 1] == 0x80 {
            let d = b[i + 2]
            if d == 0xA8 || d == 0xA9 { return (1, 3) }     // line and paragraph separators
            if d <= 0x8A || d == 0xAF { return (2, 3) }     // en quad … hair space, narrow no-break
            return (0, 3)
        }
        if c == 0xE2, i + 2 < n, b[i + 1] == 0x81, b[i + 2] == 0x9F { return (2, 3) }  // medium math space
        if c == 0xE3, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { return (2, 3) }  // ideographic space
        if c == 0xE1, i + 2 < n, b[i + 1] == 0x9A, b[i + 2] == 0x80 { return (2, 3) }  // ogham space
        let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
        return (0, min(length, n - i))
    }

    /// Runs of whitespace become one space; leading and trailing whitespace go; nil when nothing is left.
    static func collapse(_ s: String) -> String? {
        let r = paragraphs(s, keepLines: false)
        return r.isEmpty ? nil : r
    }

    /// Each line with its whitespace collapsed; empty lines dropped; lines joined by "\n"
    /// (`keepLines`), or everything on one line.
    static func paragraphs(_ s: String, keepLines: Bool = true) -> String {
        var s = s
        // Text from the dump readers is usually in this form already: a read-only scan then saves
        // the copy and the UTF-8 validation of a new String (a third of parsing a text dump).
        if s.withUTF8({ isNormalized($0, keepLines: keepLines) }) { return s }
        return rewritten(s, keepLines: keepLines)
    }

    /// The one-pass rewrite behind `paragraphs(_:keepLines:)`, always building a new string.
    static func rewritten(_ s: String, keepLines: Bool) -> String {
        var s = s
        return s.withUTF8 { b -> String in
            var out = [UInt8]()
            out.reserveCapacity(b.count)
            var lineStarted = false, pendingSpace = false, pendingBreak = false
            var i = 0
            while i < b.count {
                var (kind, length) = classify(b, i)
                if kind == 1 && !keepLines { kind = 2 }
                if kind == 1 {
                    if lineStarted { pendingBreak = true; lineStarted = false }
                    pendingSpace = false
                } else if kind == 2 {
                    if lineStarted { pendingSpace = true }
                } else {
                    if !lineStarted {
                        if pendingBreak { out.append(0x0A); pendingBreak = false }
                        else if !out.isEmpty { out.append(0x20) }
                        lineStarted = true
                    } else if pendingSpace {
                        out.append(0x20)
                    }
                    pendingSpace = false
                    for k in 0..<length { out.append(b[i + k]) }
                }
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether `paragraphs(_:keepLines:)` would return these bytes unchanged: no leading, trailing
    /// or doubled separators, only single spaces (and single line breaks with `keepLines`), no
    /// other whitespace.
    static func isNormalized(_ b: UnsafeBufferPointer<UInt8>, keepLines: Bool) -> Bool {
        var prev: UInt8 = 0x0A   // the start counts as a line start
        var i = 0
        let n = b.count
        return byteKinds.withUnsafeBufferPointer { kinds in
            while i < n {
                let c = b[i]
                switch kinds[Int(c)] {
                case 0: break
                case 1:   // space
                    if prev == 0x20 || prev == 0x0A { return false }
                case 2:   // line break
                    if !keepLines || prev == 0x20 || prev == 0x0A { return false }
                case 3:   // tab, vertical tab, form feed, carriage return
                    return false
                default:  // the lead byte of a multi-byte space or break, or of another character
                    if classify(b, i).kind != 0 { return false }
                }
                prev = c
                i += 1
            }
            return prev != 0x20 && prev != 0x0A
        }
    }

    /// What `isNormalized` must look at for each byte value (one lookup per byte of the text):
    /// 0 nothing, 1 a space, 2 a line break, 3 other ASCII whitespace, 4 a lead byte of the
    /// multi-byte spaces and breaks `classify` knows (C2, E1, E2, E3).
    private static let byteKinds: [UInt8] = (0..<256).map { c in
        switch c {
        case 0x20: return 1
        case 0x0A: return 2
        case 0x09, 0x0B, 0x0C, 0x0D: return 3
        case 0xC2, 0xE1, 0xE2, 0xE3: return 4
        default: return 0
        }
    }
}
