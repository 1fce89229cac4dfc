/// Whitespace handling for parsed text, one pass over Unicode scalars. (Splitting a `String` on
/// `Character.isWhitespace` walks grapheme clusters and property tables: on the ANT dump that was
/// a third of all parse-and-extract instructions.)
enum Whitespace {
    @inline(__always)
    static func isLineBreak(_ v: UInt32) -> Bool {
        v == 0x0A || v == 0x0D || v == 0x2029 || v == 0x2028 || v == 0x0B || v == 0x0C || v == 0x85
    }

    /// The White_Space property, with an ASCII fast path.
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Runs of whitespace become one space; leading and trailing whitespace go; nil when nothing is left.
    static func collapse(_ s: String) -> String? {
        let r = paragraphs(s, keepLines: false)
        return r.isEmpty ? nil : r
    }

    /// Each line with its whitespace collapsed; empty lines dropped; lines joined by "\n"
    /// (`keepLines`), or everything on one line.
    static func paragraphs(_ s: String, keepLines: Bool = true) -> String {
        var out = String.UnicodeScalarView()
        var lineStarted = false, pendingSpace = false, pendingBreak = false
        for u in s.unicodeScalars {
            let v = u.value
            if keepLines && isLineBreak(v) {
                if lineStarted { pendingBreak = true; lineStarted = false }
                pendingSpace = false
                continue
            }
            if isSpace(v) {
                if lineStarted { pendingSpace = true }
                continue
            }
            if !lineStarted {
                if pendingBreak { out.append("\n"); pendingBreak = false }
                else if !out.isEmpty { out.append(" ") }
                lineStarted = true
            } else if pendingSpace {
                out.append(" ")
            }
            pendingSpace = false
            out.append(u)
        }
        return String(out)
    }
}
