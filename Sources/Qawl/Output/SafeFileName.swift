/// Turns an actor id into a timeline file name that is safe whatever the id holds: no path
/// separators, no leading dots, no control characters, at most ~100 bytes. Registry slugs
/// (`sergey-lavrov`) pass unchanged; anything that had to be altered (`unlinked:جيف زوكر`) gets a
/// short hash suffix so two different ids never share a file.
public enum SafeFileName {
    public static func forActor(_ id: String) -> String {
        if isPlainSlug(id) { return id }
        // Built as UTF-8 bytes: tens of thousands of unlinked ids are named per run.
        var out: [UInt8] = []
        out.reserveCapacity(96)
        var lastDash = false
        for scalar in id.unicodeScalars {
            let ok = scalar.isASCII
                ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
                : Self.isAlphabetic(scalar)
            let ch: Unicode.Scalar = ok ? scalar : "-"
            if ch == "-" {
                if lastDash || out.isEmpty { continue }
                lastDash = true
            } else {
                lastDash = false
            }
            let n = UTF8.width(ch)
            if out.count + n > 90 { break }
            out.append(contentsOf: UTF8.encode(ch)!)
        }
        while out.last == UInt8(ascii: "-") { out.removeLast() }
        let isSlug = !id.isEmpty && id.utf8.elementsEqual(out) && out.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-")
        }
        if isSlug { return id }
        let hash = String(fnv1a64(id) & 0xffff_ffff, radix: 16)
        return (out.isEmpty ? "actor" : String(decoding: out, as: UTF8.self)) + "-" + String(repeating: "0", count: 8 - hash.count) + hash
    }

    /// Unicode's Alphabetic property, looked up once for the Arabic block: most altered ids are
    /// unlinked Arabic names, and the property lookup is most of the cost of naming their files.
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        let v = Int(scalar.value)
        if v >= 0x600 && v <= 0x6FF { return arabicBlock[v - 0x600] }
        return scalar.properties.isAlphabetic
    }

    private static let arabicBlock: [Bool] = (0x600...0x6FF).map { Unicode.Scalar(UInt32($0))!.properties.isAlphabetic }

    /// A registry slug that the general rule would keep as it is: `[a-z0-9]` runs joined by single
    /// dashes, at most 90 bytes. Checked on the bytes first, since most ids are such slugs.
    static func isPlainSlug(_ id: String) -> Bool {
        let utf8 = id.utf8
        guard !utf8.isEmpty, utf8.count <= 90 else { return false }
        var previous: UInt8 = UInt8(ascii: "-")
        for b in utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = b
        }
        return previous != UInt8(ascii: "-")
    }
}

/// 64-bit FNV-1a over UTF-8: stable across runs and platforms (Swift's `hashValue` is seeded).
public func fnv1a64(_ s: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 {
        h ^= UInt64(b)
        h = h &* 0x0000_0100_0000_01b3
    }
    return h
}
