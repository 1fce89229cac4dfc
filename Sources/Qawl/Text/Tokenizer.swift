/// One token of a text, with its place in the original as Unicode-scalar offsets.
///
///     «وقال لافروف: "نعم"» → word «وقال» 0..<4 · word «لافروف» 5..<11 · punct «:» · punct «"» · word «نعم» · punct «"»
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable { case word, number, punct, newline }
    public var kind: Kind
    /// Offsets in the original text (Unicode scalars), end exclusive.
    public var start: Int
    public var end: Int
    /// Normalised form (`ArabicNormalizer`); for punctuation, the scalar itself.
    public var norm: String
    /// For punctuation: the scalar value; 0 otherwise.
    public var punct: UInt32
    /// True when the word is in Latin script.
    public var latin: Bool
}

/// Splits text into words, numbers, punctuation and paragraph breaks in one pass over Unicode scalars.
/// Arabic and Latin letters that touch («لـCNN») become two tokens; diacritics and tatweel stay inside
/// their word; «_» and «#» of hashtags separate words («#الاتحاد_الأوروبي» → «الاتحاد» «الاوروبي»);
/// digits keep their inner «.» and «,» («3.5»).
public enum Tokenizer {
    @inline(__always) static func isArabicLetter(_ v: UInt32) -> Bool {
        (0x0621...0x064A).contains(v) || (0x0671...0x06D3).contains(v) || (0x06FA...0x06FF).contains(v)
            || (0xFB50...0xFDFF).contains(v) || (0xFE70...0xFEFC).contains(v)
    }
    @inline(__always) static func isLatinLetter(_ v: UInt32) -> Bool {
        (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || ((0xC0...0x24F).contains(v) && v != 0xD7 && v != 0xF7)
    }
    @inline(__always) static func isDigit(_ v: UInt32) -> Bool {
        (0x30...0x39).contains(v) || (0x0660...0x0669).contains(v) || (0x06F0...0x06F9).contains(v)
    }
    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x0D || v == 0xA0 || (0x2000...0x200A).contains(v) || v == 0x202F
            || v == 0x3000 || v == 0x0B || v == 0x0C || v == 0x200B || v == 0xFEFF
    }

    /// Appends the UTF-8 encoding of a scalar value (a valid scalar) to `out`.
    @inline(__always) static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 { out.append(UInt8(v)) }
        else if v < 0x800 { out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F))) }
        else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Every token's normalised form is first written as UTF-8 into one reused buffer and becomes a
    /// `String` in one step (without allocation for words up to 15 bytes): appending scalar by
    /// scalar to a `String` cost more than all the rest of extraction's per-token work.
    public static func tokenize(_ scalars: [Unicode.Scalar], from: Int = 0, to: Int? = nil) -> [Token] {
        let end = to ?? scalars.count
        var tokens: [Token] = []
        tokens.reserveCapacity((end - from) / 5 + 4)
        var norm: [UInt8] = []
        norm.reserveCapacity(64)
        var i = from
        while i < end {
            let v = scalars[i].value
            if v == 0x0A || v == 0x2029 || v == 0x2028 {
                tokens.append(Token(kind: .newline, start: i, end: i + 1, norm: "\n", punct: 0x0A, latin: false))
                i += 1
                continue
            }
            if isSpace(v) || ArabicNormalizer.isIgnorable(v) && v != 0x0640 { i += 1; continue }
            let arabic = isArabicLetter(v) || v == 0x0640
            let latin = isLatinLetter(v)
            norm.removeAll(keepingCapacity: true)
            if arabic || latin {
                var j = i
                while j < end {
                    let w = scalars[j].value
                    if arabic ? (isArabicLetter(w) || ArabicNormalizer.isIgnorable(w)) : (isLatinLetter(w) || (w == 0x27 && j + 1 < end && isLatinLetter(scalars[j + 1].value))) {
                        if let f = ArabicNormalizer.fold(w), !ArabicNormalizer.isIgnorable(w), Unicode.Scalar(f) != nil { appendUTF8(f, to: &norm) }
                        j += 1
                    } else if isDigit(w) && latin {
                        appendUTF8(w, to: &norm); j += 1
                    } else { break }
                }
                if norm.isEmpty { i = j; continue }   // a lone tatweel
                tokens.append(Token(kind: .word, start: i, end: j, norm: String(decoding: norm, as: UTF8.self), punct: 0, latin: latin))
                i = j
                continue
            }
            if isDigit(v) {
                var j = i
                while j < end {
                    let w = scalars[j].value
                    if isDigit(w) { appendUTF8(w, to: &norm); j += 1 }
                    else if (w == 0x2E || w == 0x2C || w == 0x066B || w == 0x066C), j + 1 < end, isDigit(scalars[j + 1].value) { appendUTF8(w, to: &norm); j += 1 }
                    else { break }
                }
                tokens.append(Token(kind: .number, start: i, end: j, norm: String(decoding: norm, as: UTF8.self), punct: 0, latin: false))
                i = j
                continue
            }
            appendUTF8(v, to: &norm)
            tokens.append(Token(kind: .punct, start: i, end: i + 1, norm: String(decoding: norm, as: UTF8.self), punct: v, latin: false))
            i += 1
        }
        return tokens
    }
}
