import Foundation

/// Arabic clitics for matching, from `data/lexicons/ar/clitics.tsv`: proclitics (و ف ب ل ك and their
/// combinations), the article forms (ال، لل) and enclitic pronouns. A token yields the forms it could
/// stand for once its clitics are removed:
///
///     «ولافروف» → [ولافروف, لافروف, افروف] · «للرئيس» → [للرئيس, لرئيس, الرئيس, رئيس] · «والرئيس» → [والرئيس, الرئيس]
///
/// A class, not a struct: extraction reads `lexicon.clitics` for almost every token, and copying a
/// struct of seven arrays out of the lexicon cost seven retains and releases each time.
public final class Clitics: Sendable {
    /// Normalised proclitics, longest first.
    public let proclitics: [String]
    public let enclitics: [String]

    /// First letters of the proclitics: a token starting with anything else has no stems to try.
    private let firstLetters: Set<Unicode.Scalar>
    /// For `anyStem`, which runs for almost every token: `proclitics` as UTF-8 in one buffer, each
    /// with its place there and its scalar count (plain values, nothing to retain in the loop), and
    /// the first letters as scalar values.
    private let procliticBytes: [UInt8]
    private let procliticForms: [(start: Int, count: Int, scalars: Int, endsWithLam: Bool)]
    private let firstLetterValues: [UInt32]
    /// `proclitics` as scalars, for `stems(_:)`.
    private let procliticScalars: [[Unicode.Scalar]]

    public init(proclitics: [String], enclitics: [String]) {
        self.firstLetters = Set(proclitics.compactMap { $0.unicodeScalars.first })
        self.proclitics = proclitics.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
        self.enclitics = enclitics.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
        var bytes: [UInt8] = []
        var forms: [(start: Int, count: Int, scalars: Int, endsWithLam: Bool)] = []
        for p in self.proclitics {
            forms.append((bytes.count, p.utf8.count, p.unicodeScalars.count, p.unicodeScalars.last == "ل"))
            bytes.append(contentsOf: p.utf8)
        }
        self.procliticBytes = bytes
        self.procliticForms = forms
        self.firstLetterValues = firstLetters.map(\.value).sorted()
        self.procliticScalars = self.proclitics.map { Array($0.unicodeScalars) }
    }

    /// Reads `clitics.tsv` (`kind<TAB>form<TAB>note`, kinds proclitic, article, enclitic).
    public convenience init(contentsOf url: URL) throws {
        var pro: [String] = [], enc: [String] = []
        for line in try LexiconFile.lines(url) {
            let f = line.fields(0x09, omittingEmpty: false)
            guard f.count >= 2 else { continue }
            let form = ArabicNormalizer.normalize(f[1])
            switch f[0] {
            case "proclitic": pro.append(form)
            case "enclitic": enc.append(form)
            default: break
            }
        }
        self.init(proclitics: pro, enclitics: enc)
    }

    /// The token itself, and the forms it takes with a conjunction (و ف) and/or a preposition (ب ل ك)
    /// removed; «لل…» also yields «ال…». Remainders shorter than two letters are not produced.
    public func stems(_ token: String) -> [String] {
        var out = [token]
        guard let first = token.unicodeScalars.first, firstLetters.contains(first) else { return out }
        let scalars = Array(token.unicodeScalars)
        guard scalars.count > 2 else { return out }
        for ps in procliticScalars {
            if scalars.count - ps.count >= 2, scalars[0..<ps.count].elementsEqual(ps) {
                var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[ps.count...])
                let s = String(v)
                if !out.contains(s) { out.append(s) }
                // «لل» = ل + ال: restore the article's alef.
                if let last = ps.last, last == "ل", scalars.count > ps.count + 2, scalars[ps.count] == "ل" {
                    var w = String.UnicodeScalarView(); w.append("ا"); w.append(contentsOf: scalars[ps.count...])
                    let a = String(w)
                    if !out.contains(a) { out.append(a) }
                }
            }
        }
        return out
    }

    /// The forms of `stems(_:)`, in the same order, as UTF-8 bytes and without building strings:
    /// calls `body` on each (a form may come twice) until it returns true, and says whether it did.
    /// Lexicon and registry lookups of every token go through here.
    @inline(__always)
    public func anyStem(_ token: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        if body(token) { return true }
        guard let first = Self.firstScalar(token), firstLetterValues.contains(first.value) else { return false }
        let count = Self.scalarCount(token)
        guard count > 2 else { return false }
        return procliticBytes.withUnsafeBufferPointer { pb in
            for p in procliticForms where count - p.scalars >= 2 && token.count > p.count {
                var k = 0
                while k < p.count, token[k] == pb[p.start + k] { k += 1 }
                guard k == p.count else { continue }
                let rest = UnsafeBufferPointer(rebasing: token[p.count...])
                if body(rest) { return true }
                // «لل» = ل + ال: restore the article's alef.
                if p.endsWithLam, count > p.scalars + 2, rest[0] == 0xD9, rest[1] == 0x84 {
                    let found = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: rest.count + 2) { buf -> Bool in
                        buf[0] = 0xD8; buf[1] = 0xA7   // ا
                        for (k, b) in rest.enumerated() { buf[k + 2] = b }
                        return body(UnsafeBufferPointer(buf))
                    }
                    if found { return true }
                }
            }
            return false
        }
    }

    /// `anyStem` on a normalised word's bytes: whether one of its `stems(_:)` satisfies `body`,
    /// without building the stems as strings (`stems` allocates an array and a string per form).
    @inline(__always)
    public func anyStem(of word: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        word.withWordBytes { anyStem($0, body) }
    }

    /// `withoutConjunction(_:)` on UTF-8 bytes: the bytes after a leading و or ف, or nil.
    @inline(__always)
    public func withoutConjunction(bytes token: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        // و is D9 88, ف is D9 81; more than two scalars in all
        guard token.count > 3, token[0] == 0xD9, token[1] == 0x88 || token[1] == 0x81,
              token.count - 2 > Self.scalarLength(token[2]) else { return nil }   // two scalars or more after it
        return UnsafeBufferPointer(rebasing: token[2...])
    }

    /// Bytes of the UTF-8 sequence that starts with `lead`.
    @inline(__always) static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    @inline(__always) static func scalarCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for x in b where x & 0xC0 != 0x80 { n += 1 }
        return n
    }

    @inline(__always) static func firstScalar(_ b: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard let c0 = b.first else { return nil }
        let v: UInt32
        if c0 < 0x80 { v = UInt32(c0) }
        else if c0 < 0xE0, b.count >= 2 { v = UInt32(c0 & 0x1F) << 6 | UInt32(b[1] & 0x3F) }
        else if c0 < 0xF0, b.count >= 3 { v = UInt32(c0 & 0x0F) << 12 | UInt32(b[1] & 0x3F) << 6 | UInt32(b[2] & 0x3F) }
        else if b.count >= 4 { v = UInt32(c0 & 0x07) << 18 | UInt32(b[1] & 0x3F) << 12 | UInt32(b[2] & 0x3F) << 6 | UInt32(b[3] & 0x3F) }
        else { return nil }
        return Unicode.Scalar(v)
    }

    /// The token without a leading conjunction (و or ف), or nil when it has none.
    public func withoutConjunction(_ token: String) -> String? {
        let s = token.unicodeScalars
        guard s.count > 2, let f = s.first, f == "و" || f == "ف" else { return nil }
        return String(s.dropFirst())
    }
}

/// Reads a lexicon file as non-empty, non-comment lines.
extension Clitics {
    /// No clitics: English, and the registry's trie before an extractor sets its own.
    public static let none = Clitics(proclitics: [], enclitics: [])
}

public enum LexiconFile {
    public static func lines(_ url: URL) throws -> [String] {
        var text = try String(contentsOf: url, encoding: .utf8)
        // On the file's bytes: the generic `split` of a `UTF8View` and trimming on scalars cost
        // about 40 instructions a byte of the lexicons
        return text.withUTF8 { b -> [String] in
            var out: [String] = []
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == 0x0A {
                let line = Blanks.trimmed(b, start..<i)
                if !line.isEmpty, b[line.lowerBound] != 0x23 {   // «#»: a comment
                    out.append(String(decoding: UnsafeBufferPointer(rebasing: b[line]), as: UTF8.self))
                }
                start = i + 1
            }
            return out
        }
    }

    /// A one-word-per-line list, normalised.
    public static func wordSet(_ url: URL) throws -> Set<WordKey> {
        Set(try lines(url).map { line in
            WordKey(ArabicNormalizer.normalize(line.utf8.split(separator: 0x09).first.map { String(Substring($0)) } ?? line))
        })
    }
}

extension StringProtocol {
    /// The parts between the bytes `separator` (an ASCII character: tab, «|», space), split on UTF-8
    /// bytes. `split(separator: Character)` walks grapheme clusters, which made reading the lexicon
    /// files several times slower than needed; the parts differ only where a combining mark follows
    /// the separator, which no lexicon or registry line has.
    public func fields(_ separator: UInt8, omittingEmpty: Bool = true) -> [String] {
        var s = String(self)
        return s.withUTF8 { b -> [String] in
            var out: [String] = []
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == separator {
                if i > start || !omittingEmpty { out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
            return out
        }
    }
}

/// The blanks of `trimmingBlanks` on UTF-8 bytes: tab, space, U+00A0 (C2 A0), U+1680 (E1 9A 80),
/// U+2000–U+200B (E2 80 80…8B), U+202F (E2 80 AF), U+205F (E2 81 9F), U+3000 (E3 80 80).
enum Blanks {
    /// The length of the blank that starts at `i`, or 0.
    @inline(__always)
    static func lengthAt(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, before end: Int) -> Int {
        let c = b[i]
        if c == 0x09 || c == 0x20 { return 1 }
        if c == 0xC2 { return i + 1 < end && b[i + 1] == 0xA0 ? 2 : 0 }
        guard c >= 0xE1, c <= 0xE3, i + 2 < end else { return 0 }
        return isThreeByteBlank(c, b[i + 1], b[i + 2]) ? 3 : 0
    }

    /// The length of the blank that ends right before `end`, or 0.
    @inline(__always)
    static func lengthBefore(_ b: UnsafeBufferPointer<UInt8>, _ end: Int, after start: Int) -> Int {
        let c = b[end - 1]
        if c == 0x09 || c == 0x20 { return 1 }
        if c == 0xA0, end - 2 >= start, b[end - 2] == 0xC2 { return 2 }
        if end - 3 >= start, isThreeByteBlank(b[end - 3], b[end - 2], c) { return 3 }
        return 0
    }

    @inline(__always)
    static func isThreeByteBlank(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        switch (a, b) {
        case (0xE1, 0x9A): return c == 0x80
        case (0xE2, 0x80): return c <= 0x8B || c == 0xAF
        case (0xE2, 0x81): return c == 0x9F
        case (0xE3, 0x80): return c == 0x80
        default: return false
        }
    }

    /// `range` without its leading and trailing blanks.
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi { let n = lengthAt(b, lo, before: hi); if n == 0 { break }; lo += n }
        while hi > lo { let n = lengthBefore(b, hi, after: lo); if n == 0 { break }; hi -= n }
        return lo..<hi
    }
}

extension StringProtocol {
    /// The text without leading and trailing blanks (what Foundation's `trimmingCharacters(in:
    /// .whitespaces)` removes), on scalars: loading the lexicons
    /// trimmed every line through Foundation, a measurable part of start-up.
    /// On UTF-8 bytes (`Blanks`): the same blanks as `isBlank`.
    public func trimmingBlanks() -> String {
        var s = String(self)
        let (kept, count) = s.withUTF8 { b in (Blanks.trimmed(b, 0..<b.count), b.count) }
        if kept.count == count { return s }
        return s.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[kept]), as: UTF8.self) }
    }

    /// Tab, a space separator (Unicode category Zs) or the zero-width space: exactly Foundation's
    /// `CharacterSet.whitespaces` on Linux.
    @inline(__always)
    static func isBlank(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
