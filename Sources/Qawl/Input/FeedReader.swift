/// RSS 2.0 / RSS 1.0 (RDF) / Atom feeds with full content: one record per `<item>` or
/// `<entry>`, cut out by the tolerant scanner (feeds in the wild are often not well-formed).
///
///     <item><title>Lavrov: …</title><link>https://x.com/a</link><guid>x-1</guid>
///       <pubDate>Wed, 12 Apr 2017 10:00:00 GMT</pubDate>
///       <content:encoded><![CDATA[<p>Lavrov said …</p>]]></content:encoded></item>
///     → id "x-1", url "https://x.com/a", containerDate and fields.date "Wed, 12 Apr 2017 …",
///       fields.title "Lavrov: …", fields.html "<p>Lavrov said …</p>"; .article
///
/// Content is `content:encoded`, else Atom `content`, else `description`/`summary`; escaped HTML
/// is unescaped, CDATA taken as is; Atom `type="text"` content goes to `fields.text`.
/// The id is `guid`/`id`, else the link.
public struct FeedReader: RecordReader {
    private let core: ReaderCore

    public init(source: ByteSource, input: String, options: ReaderOptions = ReaderOptions()) {
        self.init(window: ByteWindow(source: source), input: input, options: options)
    }

    init(window: ByteWindow, input: String, options: ReaderOptions) {
        core = ReaderCore(window: window, input: input, options: options)
    }

    private static let opens = [Array("<item".utf8), Array("<entry".utf8)]
    private static let closes = [Array("</item>".utf8), Array("</entry>".utf8)]

    public mutating func next() throws -> ReadItem? {
        if core.finished { return nil }
        let w = core.window
        var kind = 0
        while true {
            if let (hit, k) = findOpen(w, from: w.start) { w.consume(hit - w.start); kind = k; break }
            w.consume(max(0, w.available - 8))
            if !w.fill() { return try core.finish() }
        }
        let offset = w.offset
        let index = core.takeIndex()
        var from = w.start + 1
        var end: Int? = nil
        while end == nil {
            if let close = w.find(Self.closes[kind], from: from) { end = close + Self.closes[kind].count; break }
            if w.available > core.options.maxRecordBytes {
                while true {
                    if let close = w.find(Self.closes[kind], from: w.start) { w.consume(close + Self.closes[kind].count - w.start); break }
                    w.consume(max(0, w.available - 10))
                    if !w.fill() { w.consume(w.available); break }
                }
                return core.tooLarge(offset: offset, size: nil, record: index)
            }
            from = max(w.start, w.end - 10) - w.start
            if !w.fill() {
                if w.pendingError != nil { return try core.recoverFromSourceError(record: index) }
                end = w.end   // unclosed last item
                break
            }
            from += w.start
        }
        let bytes = Array(w.slice(w.start..<end!))
        w.consume(end! - w.start)
        return .record(Self.record(bytes, input: core.input, index: index, offset: offset))
    }

    private func findOpen(_ w: ByteWindow, from: Int) -> (Int, Int)? {
        var best: (Int, Int)? = nil
        for (k, open) in Self.opens.enumerated() {
            var f = from
            while let hit = w.find(open, from: f, to: best.map { $0.0 + open.count }) {
                guard hit + open.count < w.end else { break }
                let c = w[hit + open.count]
                if c == UInt8(ascii: ">") || InputFormat.isSpace(c) {
                    if best == nil || hit < best!.0 { best = (hit, k) }
                    break
                }
                f = hit + 1
            }
        }
        return best
    }

    static func record(_ bytes: [UInt8], input: String, index: Int, offset: Int64) -> RawRecord {
        let doc = MarkupScanner(bytes)
        func text(_ name: String) -> String? {
            guard let e = doc.element(Array(name.utf8)) else { return nil }
            let t = MarkupText.text(bytes[e.content], layout: .collapsed)
            return t.isEmpty ? nil : t
        }
        var link: String? = nil
        var t = 0
        while let e = doc.element(Array("LINK".utf8), from: t) {
            if let href = doc.attribute("href", ofTag: e.open) {
                let rel = doc.attribute("rel", ofTag: e.open) ?? "alternate"
                if rel == "alternate" { link = href.trimmingSpaces; break }
            } else if let l = Optional(MarkupText.text(bytes[e.content], layout: .collapsed)), !l.isEmpty {
                link = l
                break
            }
            t = max(e.next, e.open + 1)
        }
        let date = text("PUBDATE") ?? text("PUBLISHED") ?? text("DC:DATE") ?? text("UPDATED")
        var fields = ArticleFields(title: text("TITLE"), date: date, source: nil)
        for name in ["CONTENT:ENCODED", "CONTENT", "DESCRIPTION", "SUMMARY"] {
            guard let e = doc.element(Array(name.utf8)) else { continue }
            let raw = rawContent(bytes[e.content])
            guard !raw.trimmingSpaces.isEmpty else { continue }
            if (doc.attribute("type", ofTag: e.open) ?? "").lowercased() == "text" {
                fields.text = MarkupText.text(ArraySlice(raw.utf8), layout: .lines)
            } else {
                fields.html = raw
            }
            break
        }
        let id = text("GUID") ?? text("ID") ?? link ?? "\(DocumentID.baseName(input)):\(index)"
        return RawRecord(input: input, index: index, offset: offset, kind: .article, id: id, url: link,
                         containerDate: date, fields: fields)
    }

    /// Element content as markup: CDATA sections unwrapped, escaped markup (`&lt;p&gt;`) unescaped.
    static func rawContent(_ b: ArraySlice<UInt8>) -> String {
        guard ByteSearch.find(MarkupScanner.cdataOpen, in: b) != nil else { return MarkupText.decodeEntities(b) }
        var out: [UInt8] = []
        var i = b.startIndex
        while i < b.endIndex {
            if b[i] == UInt8(ascii: "<"), b[(i + 1)...].starts(with: MarkupScanner.cdataOpen) {
                let s = min(i + 9, b.endIndex)
                let e = ByteSearch.find(MarkupScanner.cdataClose, in: b[s...]) ?? b.endIndex
                out.append(contentsOf: b[s..<e])
                i = min(e + 3, b.endIndex)
            } else {
                out.append(b[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
