import Foundation

/// Finds a page's publication date and says where it came from, most trustworthy first:
/// meta tags (`article:published_time`, `og:published_time`, `date`, `pubdate`, itemprop
/// `datePublished`, ...), JSON-LD `datePublished`, `<time datetime>`, a visible date next to a cue
/// («نشر في 01/06/2017», "Published 12 April 2017"), the URL (`/2017/04/12/`), then the container.
struct DateFinder: Sendable {
    let normalizer: DateNormalizer
    let cues: [String]

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
        var metas: [String: String] = [:]
        for m in tree.metas where metas[m.key] == nil { metas[m.key] = m.content }
        for key in Self.metaKeys {
            if let v = metas[key], let d = normalizer.normalize(v) { return (d, .document) }
        }
        for script in tree.jsonLD {
            let ns = script as NSString
            if let m = Self.jsonLDPublished.firstMatch(in: script, range: NSRange(location: 0, length: ns.length)),
               let d = normalizer.normalize(ns.substring(with: m.range(at: 1))) {
                return (d, .document)
            }
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
            for cue in cues {
                guard let r = text.range(of: cue) else { continue }
                if let d = normalizer.find(in: String(text[r.upperBound...])) { return d }
            }
            if dateline == nil, b.chars <= 80, i >= datelineLo, i < datelineHi {
                dateline = normalizer.find(in: text)
            }
        }
        return dateline
    }

    static func dateInURL(_ url: String) -> String? {
        let ns = url as NSString
        guard let m = urlDate.firstMatch(in: url, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return "\(ns.substring(with: m.range(at: 1)))-\(ns.substring(with: m.range(at: 2)))-\(ns.substring(with: m.range(at: 3)))"
    }
}
