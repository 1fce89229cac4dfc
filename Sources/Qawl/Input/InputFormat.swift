/// The container format of an input, recognised from its first (decompressed) bytes; the file
/// name is only a tie-breaker between plain text and HTML.
///
///     "WARC/1.0\r\n..."                     → .warc
///     512-byte header with "ustar" at 257   → .tar
///     "{"url": ...}\n{"url": ...}"          → .jsonl
///     "<?xml ...?>\n<DOC id=\"AFP_...\">"    → .sgml
///     "<rss version=\"2.0\">" / "<feed"     → .feed
///     "<!DOCTYPE html>" / "<html"           → .html
///     anything else                         → .text
public enum InputFormat: String, Sendable, CaseIterable {
    case warc, tar, jsonl, sgml, feed, html, text

    /// How many leading bytes `sniff` wants to see (a tar header plus room for an XML prolog).
    public static let sniffLength = 8192

    public static func sniff(_ prefix: [UInt8], nameHint: String? = nil) -> InputFormat {
        if looksLikeTar(prefix) { return .tar }
        var i = 0
        if prefix.count >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF { i = 3 }
        while i < prefix.count, isSpace(prefix[i]) { i += 1 }
        let rest = prefix[i...]
        if rest.starts(with: Array("WARC/1.".utf8)) { return .warc }
        if rest.first == UInt8(ascii: "{") { return .jsonl }
        if rest.first == UInt8(ascii: "<") { return sniffMarkup(Array(rest)) }
        let hint = (nameHint ?? "").lowercased()
        if hint.hasSuffix(".html") || hint.hasSuffix(".htm") || hint.hasSuffix(".xhtml") { return .html }
        return .text
    }

    /// ustar/GNU magic at 257, or (old v7 tar) a header whose checksum adds up.
    static func looksLikeTar(_ b: [UInt8]) -> Bool {
        guard b.count >= 512 else { return false }
        if b[257..<262].elementsEqual("ustar".utf8) { return true }
        guard let stored = TarHeader.octal(b[148..<156]), stored > 0 else { return false }
        return TarHeader.checksum(b[0..<512]) == stored && b[0] != 0
    }

    /// Looks at the first element name after the XML declaration, comments and doctype.
    private static func sniffMarkup(_ b: [UInt8]) -> InputFormat {
        let lower = b.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        var i = 0
        while i < lower.count {
            guard lower[i] == UInt8(ascii: "<") else { i += 1; continue }
            let tail = lower[(i + 1)...]
            if tail.starts(with: Array("!doctype html".utf8)) { return .html }
            if tail.first == UInt8(ascii: "?") || tail.first == UInt8(ascii: "!") {
                // Declaration, comment, other doctype: skip to its end.
                if tail.starts(with: Array("!--".utf8)) {
                    if let e = ByteSearch.find(Array("-->".utf8), in: lower[(i + 4)...]) { i = e + 3; continue }
                    return .text
                }
                while i < lower.count && lower[i] != UInt8(ascii: ">") { i += 1 }
                continue
            }
            var j = i + 1
            while j < lower.count, isNameByte(lower[j]) { j += 1 }
            let name = String(decoding: lower[(i + 1)..<j], as: UTF8.self)
            switch name {
            case "doc": return .sgml
            case "rss", "feed", "rdf:rdf": return .feed
            case "html", "head", "body", "meta", "title", "div", "p", "link", "script", "style", "article":
                return .html
            default:
                // A wrapping root (`<GWENG>`, `<root>`): look inside the prefix.
                if ByteSearch.find(Array("<doc".utf8), in: lower[j...]).map({ k in
                    k + 4 < lower.count && (lower[k + 4] == UInt8(ascii: ">") || isSpace(lower[k + 4]))
                }) == true { return .sgml }
                if ByteSearch.find(Array("<html".utf8), in: lower[j...]) != nil { return .html }
                if ByteSearch.find(Array("<channel".utf8), in: lower[j...]) != nil
                    || ByteSearch.find(Array("<entry".utf8), in: lower[j...]) != nil { return .feed }
                return .html
            }
        }
        return .text
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C }
    static func isNameByte(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 58 || c == 95 || c == 45 || c == 46
    }
}

/// Document ids derived from file names (tar members, single files): the name without
/// directories and without extensions, `shared/seed/000_7c6445b88433139e.txt` →
/// `000_7c6445b88433139e`, `2017/a.html.gz` → `a`. A dotted part that is only digits or longer
/// than 5 characters is part of the name, not an extension (`report.2017.html` → `report.2017`).
enum DocumentID {
    static func fromFileName(_ path: String) -> String {
        var name = Substring(path)
        if let slash = name.lastIndex(where: { $0 == "/" || $0 == "\\" }) { name = name[name.index(after: slash)...] }
        while let dot = name.lastIndex(of: "."), dot != name.startIndex {
            let ext = name[name.index(after: dot)...]
            guard !ext.isEmpty, ext.count <= 5, ext.contains(where: { $0.isLetter }) else { break }
            name = name[..<dot]
        }
        return name.isEmpty ? String(path) : String(name)
    }

    /// Last path component.
    static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
