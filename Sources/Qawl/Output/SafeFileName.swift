/// Turns an actor id into a timeline file name that is safe whatever the id holds: no path
/// separators, no leading dots, no control characters, at most ~100 bytes. Registry slugs
/// (`sergey-lavrov`) pass unchanged; anything that had to be altered (`unlinked:جيف زوكر`) gets a
/// short hash suffix so two different ids never share a file.
public enum SafeFileName {
    public static func forActor(_ id: String) -> String {
        var out = ""
        var lastDash = false
        var utf8Count = 0
        for scalar in id.unicodeScalars {
            let ok = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
            let ch: Unicode.Scalar = ok ? scalar : "-"
            if ch == "-" {
                if lastDash || out.isEmpty { continue }
                lastDash = true
            } else {
                lastDash = false
            }
            let n = String(ch).utf8.count
            if utf8Count + n > 90 { break }
            out.unicodeScalars.append(ch)
            utf8Count += n
        }
        while out.hasSuffix("-") { out.removeLast() }
        let isSlug = !id.isEmpty && id == out && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        if isSlug { return out }
        let hash = String(fnv1a64(id) & 0xffff_ffff, radix: 16)
        return (out.isEmpty ? "actor" : out) + "-" + String(repeating: "0", count: 8 - hash.count) + hash
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
