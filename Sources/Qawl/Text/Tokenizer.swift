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
/// their word; a hashtag's «#» is a punctuation token and its «_» between words a space
/// («#الاتحاد_الأوروبي» → «#» «الاتحاد» «الاوروبي»); digits keep their inner «.» and «,» («3.5»).
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
    /// A letter, digit or Arabic diacritic: what a hashtag's «_» joins.
    @inline(__always) static func isWordScalar(_ v: UInt32) -> Bool {
        isArabicLetter(v) || isLatinLetter(v) || isDigit(v) || (0x064B...0x0652).contains(v)
    }
    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x0D || v == 0xA0 || (0x2000...0x200A).contains(v) || v == 0x202F
            || v == 0x3000 || v == 0x0B || v == 0x0C || v == 0x200B || v == 0xFEFF
    }

    /// A growable byte buffer for the normalised forms of the tokens, as UTF-8.
    private struct NormBytes {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        /// Appends the UTF-8 encoding of a scalar value (a valid scalar).
        @inline(__always) mutating func append(_ v: UInt32) {
            if count + 4 > capacity { grow() }
            let p = base + count
            if v < 0x80 { p[0] = UInt8(v); count += 1 }
            else if v < 0x800 { p[0] = UInt8(0xC0 | (v >> 6)); p[1] = UInt8(0x80 | (v & 0x3F)); count += 2 }
            else if v < 0x10000 {
                p[0] = UInt8(0xE0 | (v >> 12)); p[1] = UInt8(0x80 | ((v >> 6) & 0x3F)); p[2] = UInt8(0x80 | (v & 0x3F)); count += 3
            } else {
                p[0] = UInt8(0xF0 | (v >> 18)); p[1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                p[2] = UInt8(0x80 | ((v >> 6) & 0x3F)); p[3] = UInt8(0x80 | (v & 0x3F)); count += 4
            }
        }

        /// Appends an ASCII byte.
        @inline(__always) mutating func append1(_ b: UInt8) {
            if count + 1 > capacity { grow() }
            base[count] = b
            count += 1
        }

        /// Appends a scalar value in 0x80..<0x800 (two bytes of UTF-8).
        @inline(__always) mutating func append2(_ v: UInt32) {
            if count + 2 > capacity { grow() }
            base[count] = UInt8(0xC0 | (v >> 6))
            base[count + 1] = UInt8(0x80 | (v & 0x3F))
            count += 2
        }

        mutating func grow() {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
        }
    }

    private static let asciiNorms: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// `ArabicNormalizer.fold` of the basic Arabic letters U+0621…U+064A (0: dropped), looked up
    /// instead of switched on for every letter.
    private static let basicFolds: [UInt16] = (UInt32(0x0621)...0x064A).map { UInt16(ArabicNormalizer.fold($0) ?? 0) }

    /// Each token's normalised form is written as UTF-8 into one buffer for the whole text and made a
    /// `String` from those bytes in one step (no allocation up to 15 bytes). Appending scalar by
    /// scalar to a `String` cost more than the rest of extraction's per-token work.
    ///
    /// With a `cache`, words seen before reuse their string (`WordCache`).
    public static func tokenize(_ scalars: [Unicode.Scalar], from: Int = 0, to: Int? = nil, cache: WordCache? = nil) -> [Token] {
        tokenizeWithNorms(scalars, from: from, to: to, cache: cache).tokens
    }

    /// `tokenize`, and the tokens' normalised forms as UTF-8 in one buffer (`TokenNorms`).
    public static func tokenizeWithNorms(_ scalars: [Unicode.Scalar], from: Int = 0, to: Int? = nil,
                                         cache: WordCache? = nil) -> (tokens: [Token], norms: TokenNorms) {
        let end = to ?? scalars.count
        var tokens: [Token] = []
        var offsets: [Int32] = [0]
        guard from < end else { return (tokens, TokenNorms(base: .allocate(capacity: 1), offsets: offsets)) }
        tokens.reserveCapacity((end - from) / 5 + 4)
        offsets.reserveCapacity((end - from) / 5 + 5)
        var norms = NormBytes(capacity: 2 * (end - from) + 16)
        let asciiNorms = Self.asciiNorms
        Self.basicFolds.withUnsafeBufferPointer { folds in scalars.withUnsafeBufferPointer { sc in
            var start = 0   // where the current token's bytes begin in `norms`
            @inline(__always) func add(_ kind: Token.Kind, _ i: Int, _ j: Int, _ punct: UInt32, _ latin: Bool) {
                let bytes = UnsafeBufferPointer(start: norms.base + start, count: norms.count - start)
                let norm = bytes.count <= 16 ? cache?.smallString(bytes) ?? String(decoding: bytes, as: UTF8.self)
                    : cache?.string(bytes) ?? String(decoding: bytes, as: UTF8.self)
                tokens.append(Token(kind: kind, start: i, end: j, norm: norm, punct: punct, latin: latin))
                offsets.append(Int32(norms.count))
            }
            var i = from
            while i < end {
                let v = sc[i].value
                start = norms.count
                let arabic: Bool, latin: Bool
                if v &- 0x0621 <= 0x064A - 0x0621 {   // the common case: a basic Arabic letter (or tatweel)
                    arabic = true; latin = false
                } else {
                    if v == 0x20 { i += 1; continue }
                    if v == 0x0A || v == 0x2029 || v == 0x2028 {
                        norms.append(0x0A)
                        tokens.append(Token(kind: .newline, start: i, end: i + 1, norm: "\n", punct: 0x0A, latin: false))
                        offsets.append(Int32(norms.count))
                        i += 1
                        continue
                    }
                    if isSpace(v) || ArabicNormalizer.isIgnorable(v) && v != 0x0640 { i += 1; continue }
                    arabic = isArabicLetter(v) || v == 0x0640
                    latin = isLatinLetter(v)
                }
                if arabic || latin {
                    var j = i
                    while j < end {
                        let w = sc[j].value
                        if arabic, w &- 0x0621 <= 0x064A - 0x0621 {
                            // the common case, a letter of the basic Arabic block (or tatweel): folds
                            // within the block, two bytes of UTF-8
                            let f = folds[Int(w &- 0x0621)]
                            if f != 0 { norms.append2(UInt32(f)) }
                            j += 1
                            continue
                        }
                        if latin, (w | 0x20) &- 0x61 < 26 {
                            // the common case in Latin script, an ASCII letter: folds to lowercase
                            norms.append1(UInt8(truncatingIfNeeded: w | 0x20))
                            j += 1
                            continue
                        }
                        if arabic ? (isArabicLetter(w) || ArabicNormalizer.isIgnorable(w)) : (isLatinLetter(w) || (w == 0x27 && j + 1 < end && isLatinLetter(sc[j + 1].value))) {
                            if let f = ArabicNormalizer.matchFold(w), !ArabicNormalizer.isIgnorable(w), Unicode.Scalar(f) != nil { norms.append(f) }
                            j += 1
                        } else if isDigit(w) && latin {
                            norms.append(w); j += 1
                        } else { break }
                    }
                    if norms.count == start { i = j; continue }   // a lone tatweel
                    add(.word, i, j, 0, latin)
                    i = j
                    continue
                }
                if isDigit(v) {
                    var j = i
                    while j < end {
                        let w = sc[j].value
                        if isDigit(w) { norms.append(w); j += 1 }
                        else if (w == 0x2E || w == 0x2C || w == 0x066B || w == 0x066C), j + 1 < end, isDigit(sc[j + 1].value) { norms.append(w); j += 1 }
                        else { break }
                    }
                    add(.number, i, j, 0, false)
                    i = j
                    continue
                }
                // «#محمد_بن_سلمان»: a hashtag's «_» between words is a space, so that names and
                // phrases written as hashtags read as words («#» stays, a mark the extractors skip)
                if v == 0x5F, i > from, i + 1 < end, isWordScalar(sc[i - 1].value), isWordScalar(sc[i + 1].value) {
                    i += 1
                    continue
                }
                if v < 0x80 {   // ASCII punctuation: the same few strings over and over
                    norms.append(v)
                    tokens.append(Token(kind: .punct, start: i, end: i + 1, norm: asciiNorms[Int(v)], punct: v, latin: false))
                    offsets.append(Int32(norms.count))
                    i += 1
                    continue
                }
                norms.append(v)
                add(.punct, i, i + 1, v, false)
                i += 1
            }
        } }
        return (tokens, TokenNorms(base: norms.base, offsets: offsets))
    }
}

/// The normalised forms of a text's tokens as UTF-8, one after the other in one buffer: token `i`
/// is bytes `offsets[i]..<offsets[i + 1]`. Lexicon lookups read a token's bytes here rather than
/// through its `String`, which costs a retain, a release and a copy of a small string each time.
public final class TokenNorms: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    private let offsets: [Int32]

    /// Takes ownership of `base`.
    init(base: UnsafeMutablePointer<UInt8>, offsets: [Int32]) {
        self.base = base
        self.offsets = offsets
    }

    deinit { base.deallocate() }

    /// Runs `body` on token `i`'s normalised bytes.
    @inline(__always)
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let a = Int(offsets[i]), b = Int(offsets[i + 1])
        return try withExtendedLifetime(self) { try body(UnsafeBufferPointer(start: base + a, count: b - a)) }
    }
}
