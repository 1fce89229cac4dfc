import Foundation

/// Finds a page's publication date and says where it came from, most trustworthy first:
/// meta tags (`article:published_time`, `og:published_time`, `date`, `pubdate`, itemprop
/// `datePublished`, ...), JSON-LD `datePublished`, `<time datetime>`, a visible date next to a cue
/// («نشر في 01/06/2017», "Published 12 April 2017"), the URL (`/2017/04/12/`), then the container.
struct DateFinder: Sendable {
    let normalizer: DateNormalizer
    let cues: [String]
    /// The cues' UTF-8 bytes, in the same order.
    private let cueBytes: [[UInt8]]

    init(normalizer: DateNormalizer, cues: [String]) {
        self.normalizer = normalizer
        self.cues = cues
        cueBytes = cues.map { Array($0.utf8) }
    }

    /// Meta keys in order of trust (lowercased).
    static let metaKeys = [
        "article:published_time", "og:published_time", "article:published", "published_time",
        "datepublished", "publishdate", "publish-date", "publish_date", "pubdate", "date",
        "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "dc.date.created",
        "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date",
        "article.published", "originalpublicationdate", "og:article:published_time",
    ]

    private static let jsonLDPublished = try! NSRegularExpression(pattern: #""datePublished"\s*:\s*"([^"]{6,40})""#)
    private static let urlDate = try! NSRegularExpression(pattern:
        #"/((?:19|20)\d{2})[/\-_]?(0[1-9]|1[0-2])[/\-_]?(0[1-9]|[12]\d|3[01])(?:[/\-_.]|$)"#)

    func find(tree: HTMLTree, mainBlocks: [Int], url: String?) -> (String, Document.DateSource)? {
        // The first meta of each key (a page has a few dozen: a scan, no dictionary).
        for key in Self.metaKeys {
            if let m = tree.metas.first(where: { $0.key == key }), let d = normalizer.normalize(m.content) {
                return (d, .document)
            }
        }
        for script in tree.jsonLD {
            if let v = Self.jsonLDDatePublished(script), let d = normalizer.normalize(v) { return (d, .document) }
        }
        for t in tree.times {
            if let d = normalizer.normalize(t.value) { return (d, .document) }
        }
        if let d = visibleDate(tree, mainBlocks) { return (d, .document) }
        if let url, let d = Self.dateInURL(url) { return (d, .url) }
        return nil
    }

    /// A short block near the start of the article holding a date: after a cue («نشر في»,
    /// "Published") anywhere from 40 blocks before the text to its sixth paragraph; without a cue
    /// only in a dateline-sized block (≤ 80 characters) right before or at the start of the text
    /// («الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00»).
    private func visibleDate(_ tree: HTMLTree, _ main: [Int]) -> String? {
        guard !tree.blocks.isEmpty else { return nil }
        let first = main.first ?? 0
        let lo = max(0, first - 40)
        let hi = min(tree.blocks.count, (main.count > 5 ? main[5] : first + 5) + 1)
        let datelineLo = max(0, first - 8)
        let datelineHi = min(tree.blocks.count, (main.count > 2 ? main[2] : first + 2) + 1)
        var dateline: String?
        for i in lo..<hi {
            let b = tree.blocks[i]
            guard b.chars <= 160, b.text.utf8.contains(where: { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0xD9 || $0 == 0xDB })
            else { continue }   // no ASCII or Arabic-Indic digit (U+0660…, U+06F0…): no date
            let text = b.text.lowercased()
            let bytes = Array(text.utf8)
            for cue in cueBytes {
                guard let end = Self.endOfFirst(cue, in: bytes) else { continue }
                if let d = normalizer.find(in: String(decoding: bytes[end...], as: UTF8.self)) { return d }
            }
            if dateline == nil, b.chars <= 80, i >= datelineLo, i < datelineHi {
                dateline = normalizer.find(in: text)
            }
        }
        return dateline
    }

    /// Where the first occurrence of `needle` in `bytes` ends, as Foundation's `range(of:)` finds
    /// it (this search replaced it: bridging every short block to `NSString` cost more than the rest
    /// of finding dates): a byte match, except that one followed by a combining mark
    /// («نشر فيَ») is no match, since the mark belongs to the needle's last letter.
    static func endOfFirst(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        var from = 0
        while from < bytes.count, let i = ByteSearch.find(needle, in: bytes[from...]) {
            let end = i + needle.count
            if end == bytes.count || !startsWithCombiningMark(bytes, at: end) { return end }
            from = i + 1
        }
        return nil
    }

    /// Whether the scalar starting at byte `i` of valid UTF-8 is a combining mark.
    private static func startsWithCombiningMark(_ b: [UInt8], at i: Int) -> Bool {
        let b0 = UInt32(b[i])
        if b0 < 0xCC { return false }   // ASCII and Latin letters: U+0300 (0xCC 0x80) is the first mark
        var v: UInt32
        if b0 >= 0xF0 {
            v = (b0 & 0x07) << 18 | (UInt32(b[i + 1]) & 0x3F) << 12 | (UInt32(b[i + 2]) & 0x3F) << 6 | (UInt32(b[i + 3]) & 0x3F)
        } else if b0 >= 0xE0 {
            v = (b0 & 0x0F) << 12 | (UInt32(b[i + 1]) & 0x3F) << 6 | (UInt32(b[i + 2]) & 0x3F)
        } else {
            v = (b0 & 0x1F) << 6 | (UInt32(b[i + 1]) & 0x3F)
        }
        guard let u = Unicode.Scalar(v) else { return false }
        switch u.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// `"datePublished"\s*:\s*"([^"]{6,40})"` read from the bytes (the first such value); a
    /// script with other than ASCII white space where the pattern allows it takes the regular
    /// expression.
    static func jsonLDDatePublished(_ script: String) -> String? {
        let key = Array(#""datePublished""#.utf8)
        let b = Array(script.utf8)
        var from = 0
        while from < b.count, let at = ByteSearch.find(key, in: b[from...]) {
            from = at + 1
            var i = at + key.count
            // false: a byte that may be Unicode white space (which `\s` takes) or not
            func spaces() -> Bool {
                while i < b.count {
                    switch b[i] {
                    case 0x20, 0x09, 0x0A, 0x0C, 0x0D: i += 1
                    case 0x0B, 0x80...: return false
                    default: return true
                    }
                }
                return true
            }
            guard spaces() else { return jsonLDByExpression(script) }
            guard i < b.count, b[i] == 0x3A else { continue }
            i += 1
            guard spaces() else { return jsonLDByExpression(script) }
            guard i < b.count, b[i] == 0x22 else { continue }
            i += 1
            let start = i
            var scalars = 0
            while i < b.count, b[i] != 0x22, scalars <= 40 {
                if b[i] & 0xC0 != 0x80 { scalars += 1 }
                i += 1
            }
            // `i` may stop inside a 41st scalar: too long anyway
            guard i < b.count, b[i] == 0x22, scalars >= 6, scalars <= 40 else { continue }
            return String(decoding: b[start..<i], as: UTF8.self)
        }
        return nil
    }

    private static func jsonLDByExpression(_ script: String) -> String? {
        let ns = script as NSString
        guard let m = jsonLDPublished.firstMatch(in: script, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return ns.substring(with: m.range(at: 1))
    }

    static func dateInURL(_ url: String) -> String? {
        let ns = url as NSString
        guard let m = urlDate.firstMatch(in: url, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return "\(ns.substring(with: m.range(at: 1)))-\(ns.substring(with: m.range(at: 2)))-\(ns.substring(with: m.range(at: 3)))"
    }
}
