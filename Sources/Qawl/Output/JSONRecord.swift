import Foundation

/// Reads fields back out of a record that `JSONWriter` wrote (a stored `statements.jsonl` line):
/// the raw bytes of a value, to copy it as it is into another record (a timeline entry's sources
/// are the copies' own `doc_id`, `url`, … exactly as in their lines), or a string value decoded.
/// Not a general JSON parser: one flat object whose values are strings, numbers or literals.
enum JSONRecord {
    /// Byte ranges of the values of `keys` (`"…"`, `null`, `12`) in one pass; nil where absent.
    static func valueRanges(in json: [UInt8], keys: [[UInt8]]) -> [Range<Int>?] {
        var out = [Range<Int>?](repeating: nil, count: keys.count)
        json.withUnsafeBufferPointer { p in
            let n = p.count
            guard n > 1, p[0] == UInt8(ascii: "{") else { return }
            var i = 1
            var found = 0
            while i < n && found < keys.count && p[i] == UInt8(ascii: "\"") {
                let keyStart = i + 1
                i = endOfString(p, at: i)
                let keyEnd = i - 1
                guard i < n, p[i] == UInt8(ascii: ":") else { return }
                i += 1
                let valueStart = i
                if i < n && p[i] == UInt8(ascii: "\"") {
                    i = endOfString(p, at: i)
                } else {
                    while i < n && p[i] != UInt8(ascii: ",") && p[i] != UInt8(ascii: "}") { i += 1 }
                }
                let length = keyEnd - keyStart
                for k in 0..<keys.count where out[k] == nil {
                    let same = keys[k].withUnsafeBufferPointer { key in
                        key.count == length && (length == 0 || memcmp(key.baseAddress!, p.baseAddress! + keyStart, length) == 0)
                    }
                    if same {
                        out[k] = valueStart..<i
                        found += 1
                        break
                    }
                }
                guard i < n, p[i] == UInt8(ascii: ",") else { return }
                i += 1
            }
        }
        return out
    }

    /// Index just past the string that opens at `i` (a `"`).
    private static func endOfString(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        var j = i + 1
        while j < p.count {
            j = ByteScan.firstQuoteOrBackslash(p, from: j)
            guard j < p.count else { break }
            if p[j] == UInt8(ascii: "\"") { return j + 1 }
            j += 2   // an escaped character
        }
        return p.count
    }

    /// The string a raw value (`"…"`) stands for; nil for `null` or anything else.
    static func string(_ raw: ArraySlice<UInt8>) -> String? {
        guard raw.count >= 2, raw.first == UInt8(ascii: "\""), raw.last == UInt8(ascii: "\"") else { return nil }
        let body = raw.dropFirst().dropLast()
        guard body.contains(UInt8(ascii: "\\")) else { return String(decoding: body, as: UTF8.self) }
        // The unescaped bytes, decoded once at the end.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(body.count)
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= body.endIndex else { return nil }
            var v: UInt32 = 0
            for k in at..<at + 4 {
                let c = body[k]
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v << 4 | UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): v = v << 4 | UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): v = v << 4 | UInt32(c - UInt8(ascii: "A") + 10)
                default: return nil
                }
            }
            return v
        }
        var i = body.startIndex
        while i < body.endIndex {
            let b = body[i]
            guard b == UInt8(ascii: "\\"), i + 1 < body.endIndex else { utf8.append(b); i += 1; continue }
            let e = body[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "u"):
                guard var v = hex4(i) else { continue }
                i += 4
                if (0xD800..<0xDC00).contains(v), i + 1 < body.endIndex, body[i] == UInt8(ascii: "\\"),
                   body[i + 1] == UInt8(ascii: "u"), let low = hex4(i + 2), (0xDC00..<0xE000).contains(low) {
                    v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                utf8.append(contentsOf: UTF8.encode(Unicode.Scalar(v) ?? "\u{FFFD}")!)
            default: utf8.append(e)  // \" \\ \/
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
