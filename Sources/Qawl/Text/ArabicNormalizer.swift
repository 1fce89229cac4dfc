/// Normalisation for matching only; emitted text is always the original. Folds the spelling
/// variation of Arabic news text so that «أكّد», «اكد» and «أكد» look alike, and Latin case:
///
///     «وأضافَ» → «واضاف» · «المتّحدة» → «المتحده» · «مُؤتمر» → «موتمر» · «Lavrov» → «lavrov»
///
/// Diacritics (U+064B–U+065F, U+0670, U+0610–U+061A, U+06D6–U+06ED) and tatweel (U+0640) are
/// dropped; أ إ آ ٱ → ا; ى → ي; ة → ه; ؤ → و; ئ → ي: the reference scorer's folding (`fold`).
/// Matching (`matchFold`) also reads the Persian and Urdu letter forms that some outlets and
/// keyboards put into Arabic text as their Arabic letters: ی ې → ي, ک ڪ → ك, ہ ۀ ە ھ → ه.
public enum ArabicNormalizer {
    /// The folded form of one scalar, or nil when the scalar is dropped (a diacritic or tatweel).
    @inline(__always)
    public static func fold(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x41...0x5A: return v + 0x20
        case 0x064B...0x065F, 0x0670, 0x0610...0x061A, 0x06D6...0x06ED, 0x0640: return nil
        case 0x0623, 0x0625, 0x0622, 0x0671: return 0x0627
        case 0x0649: return 0x064A
        case 0x0629: return 0x0647
        case 0x0624: return 0x0648
        case 0x0626: return 0x064A
        case 0x00C0...0x00DE where v != 0x00D7: return v + 0x20
        default: return v
        }
    }

    /// `fold`, plus Persian and Urdu letter forms read as Arabic: used for tokens, lexicon entries
    /// and registry aliases (not by the scorer, nor by syndication signatures, which stores keep).
    @inline(__always)
    public static func matchFold(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x06CC, 0x06D0: return 0x064A
        case 0x06A9, 0x06AA: return 0x0643
        case 0x06C0, 0x06C1, 0x06D5, 0x06BE: return 0x0647
        default: return fold(v)
        }
    }

    /// True for scalars that are dropped entirely (diacritics, tatweel, zero-width marks).
    @inline(__always)
    public static func isIgnorable(_ v: UInt32) -> Bool {
        switch v {
        case 0x064B...0x065F, 0x0670, 0x0610...0x061A, 0x06D6...0x06ED, 0x0640,
             0x200B...0x200F, 0x00AD, 0xFEFF: return true
        default: return false
        }
    }

    /// Normalises a whole string (lexicon entries, aliases): folding plus whitespace collapsing.
    /// Built as UTF-8 bytes with the white-space test on scalar values: appending to a
    /// `String.UnicodeScalarView` and asking each scalar's Unicode properties cost about 800
    /// instructions a letter, a tenth of loading the Arabic lexicons.
    public static func normalize(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for u in s.unicodeScalars {
            let v = u.value
            if isWhiteSpace(v) { pendingSpace = !out.isEmpty; continue }
            if isIgnorable(v) { continue }
            guard let f = matchFold(v), let fu = Unicode.Scalar(f) else { continue }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            UTF8.encode(fu) { out.append($0) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Unicode's White_Space property (`Unicode.Scalar.Properties.isWhitespace`), as a list of values:
    /// tab to carriage return, space, next line, no-break space, ogham space mark, the spaces
    /// U+2000–U+200A, line and paragraph separators, narrow no-break, medium mathematical and
    /// ideographic spaces.
    @inline(__always)
    static func isWhiteSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
