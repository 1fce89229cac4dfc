/// The character sets a news page may come in, and how to tell which one it is: byte-order mark,
/// then the HTTP `Content-Type`, then a `<meta charset>` / `http-equiv` declaration in the first
/// 2 KB, each checked against the bytes (a page declared windows-1256 whose bytes are valid
/// multi-byte UTF-8 is UTF-8; a page declared UTF-8 full of invalid sequences is a legacy charset).
///
///     Content-Type: text/html; charset=windows-1256   + bytes C7 E1 DE CF D3  → .windows1256 (القدس)
///     <meta charset="utf-8"> + one stray byte FF                          → .utf8, repaired to U+FFFD
enum Charset: Equatable, Sendable {
    case utf8, windows1256, iso88596, windows1252, utf16le, utf16be

    /// Name libxml2/iconv understands.
    var libxml2Name: String {
        switch self {
        case .utf8: return "UTF-8"
        case .windows1256: return "WINDOWS-1256"
        case .iso88596: return "ISO-8859-6"
        case .windows1252: return "WINDOWS-1252"
        case .utf16le: return "UTF-16LE"
        case .utf16be: return "UTF-16BE"
        }
    }

    /// Whether markup (`<`, `>`, quotes, ASCII names) is the ASCII bytes themselves.
    var isASCIICompatible: Bool {
        switch self {
        case .utf8, .windows1256, .iso88596, .windows1252: return true
        case .utf16le, .utf16be: return false
        }
    }

    /// WHATWG-style label matching for the labels news sites use.
    init?(label raw: String) {
        let label = raw.trimmingASCIIWhitespaceAndQuotes().lowercased()
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": self = .utf8
        case "windows-1256", "cp1256", "x-cp1256", "win-1256", "windows1256": self = .windows1256
        case "iso-8859-6", "iso8859-6", "iso_8859-6", "iso-ir-127", "arabic", "asmo-708", "ecma-114",
             "iso-8859-6-i", "iso-8859-6-e", "csisolatinarabic", "iso88596", "iso_8859-6:1987":
            self = .iso88596
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "windows-1252", "cp1252",
             "x-cp1252", "us-ascii", "ascii", "iso-8859-15", "iso_8859-1:1987", "cp819", "ibm819":
            self = .windows1252
        case "utf-16le", "utf-16": self = .utf16le
        case "utf-16be": self = .utf16be
        default: return nil
        }
    }

    /// The `charset=` parameter of a Content-Type value.
    static func fromContentType(_ value: String?) -> Charset? {
        guard let value else { return nil }
        let bytes = Array(value.utf8)
        return labelAfterCharset(in: bytes[...]).flatMap(Charset.init(label:))
    }

    /// `<meta charset=..>` or `<meta http-equiv=content-type content="..; charset=..">` in the
    /// first 2 KB of the page.
    static func fromMeta(_ bytes: [UInt8]) -> Charset? {
        let head = bytes.prefix(2048)
        var start = head.startIndex
        while let r = head[start...].firstRangeCaseInsensitive(of: "<meta") {
            let tagEnd = head[r.upperBound...].firstIndex(of: UInt8(ascii: ">")) ?? head.endIndex
            if let label = labelAfterCharset(in: head[r.upperBound..<tagEnd]), let cs = Charset(label: label) {
                return cs
            }
            start = tagEnd
            if start >= head.endIndex { break }
        }
        return nil
    }

    private static func labelAfterCharset(in bytes: ArraySlice<UInt8>) -> String? {
        guard let r = bytes.firstRangeCaseInsensitive(of: "charset") else { return nil }
        var i = r.upperBound
        while i < bytes.endIndex, [0x20, 0x09, 0x3D, 0x22, 0x27].contains(bytes[i]) { i += 1 }
        var label: [UInt8] = []
        while i < bytes.endIndex {
            let b = bytes[i]
            let ok = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == 0x2D || b == 0x5F || b == 0x3A || b == 0x2E
            if !ok { break }
            label.append(b)
            i += 1
        }
        return label.isEmpty ? nil : String(decoding: label, as: UTF8.self)
    }

    /// Without a usable declaration, invalid UTF-8 is a legacy single-byte page: Arabic text in
    /// windows-1256 is mostly high bytes (letters), Western text in windows-1252 mostly ASCII
    /// letters with a few accented ones.
    static func guessLegacy(_ bytes: [UInt8]) -> Charset {
        var high = 0, asciiLetters = 0
        for b in bytes.prefix(65536) {
            if b >= 0xC0 { high += 1 } else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { asciiLetters += 1 }
        }
        // Markup is ASCII; Arabic pages still have far more high bytes than accented Latin ones.
        return high * 4 > asciiLetters ? .windows1256 : .windows1252
    }
}

/// What a UTF-8 check found.
struct UTF8Check {
    var invalidSequences = 0
    var nonASCII = 0
    var isValid: Bool { invalidSequences == 0 }

    /// Counts invalid sequences and multi-byte characters, a word of ASCII at a time.
    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            var i = 0
            guard let base = buf.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            while i < n {
                // Four words of ASCII at once (pages are mostly markup), then one.
                if i + 32 <= n && (raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                                   | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                                   | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                                   | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)) & 0x8080_8080_8080_8080 == 0 {
                    i += 32
                    continue
                }
                if i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let b = buf[i]
                if b < 0x80 { i += 1; continue }
                var need = 0
                var minValue: UInt32 = 0
                var v: UInt32 = 0
                if b >= 0xC2 && b <= 0xDF { need = 1; v = UInt32(b & 0x1F); minValue = 0x80 }
                else if b >= 0xE0 && b <= 0xEF { need = 2; v = UInt32(b & 0x0F); minValue = 0x800 }
                else if b >= 0xF0 && b <= 0xF4 { need = 3; v = UInt32(b & 0x07); minValue = 0x10000 }
                else { invalidSequences += 1; i += 1; continue }
                var ok = i + need < n
                if ok {
                    for k in 1...need {
                        let c = buf[i + k]
                        if c & 0xC0 != 0x80 { ok = false; break }
                        v = (v << 6) | UInt32(c & 0x3F)
                    }
                }
                if ok && (v < minValue || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) { ok = false }
                if ok { nonASCII += 1; i += need + 1 } else { invalidSequences += 1; i += 1 }
            }
        }
    }
}

extension StringProtocol {
    func trimmingASCIIWhitespaceAndQuotes() -> String {
        let junk: Set<Character> = [" ", "\t", "\n", "\r", "\"", "'"]
        var s = Substring(self)
        while let f = s.first, junk.contains(f) { s = s.dropFirst() }
        while let l = s.last, junk.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension RandomAccessCollection where Element == UInt8, Index == Int {
    /// ASCII case-insensitive search for a lowercase ASCII needle.
    func firstRangeCaseInsensitive(of needle: String) -> Range<Int>? {
        let n = Array(needle.utf8)
        guard n.count <= count, let first = n.first else { return nil }
        var i = startIndex
        let last = endIndex - n.count
        while i <= last {
            if self[i] | 0x20 == first {
                var k = 1
                while k < n.count && self[i + k] | 0x20 == n[k] { k += 1 }
                if k == n.count { return i..<(i + n.count) }
            }
            i += 1
        }
        return nil
    }
}
