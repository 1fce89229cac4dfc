/// Cuts `<DOC>` records out of TREC- and Gigaword-style SGML dumps, which are many documents per
/// file and not well-formed XML (bare `&`, stray or unclosed tags), with a tolerant byte scanner.
///
///     <DOC id="AFP_ENG_20100101.0001" type="story">        → id "AFP_ENG_20100101.0001"
///     <HEADLINE>Talks & more</HEADLINE>                     → title "Talks & more"
///     <TEXT><P>First
///     paragraph.</P><P>Second.</P></TEXT></DOC>             → text "First paragraph.\nSecond."
///                                                             date "2010-01-01" (from the id)
///
///     <DOC><DOCNO>AL-internationalNews-1209-20180517</DOCNO><URL>..</URL><SRC>alarabia</SRC>
///     <TITLE>..</TITLE><TIME>Thu, 17 May 2018 13:02:49 +0400</TIME><ABSTRACT>..</ABSTRACT>
///     <TEXT>line 1\nline 2</TEXT></DOC>                      → id, url, source, title, date, abstract,
///                                                             text "line 1\nline 2"
///
/// A `<DOC>` without `</DOC>` ends where the next `<DOC` starts. When the id carries no date
/// element, a Gigaword id's `yyyymmdd` becomes `fields.date` (LDC ids are dated by the agency).
/// Records are `.article`; `offset` is the byte offset of `<DOC`.
public struct SGMLDocReader: RecordReader {
    private let core: ReaderCore

    public init(source: ByteSource, input: String, options: ReaderOptions = ReaderOptions()) {
        self.init(window: ByteWindow(source: source), input: input, options: options)
    }

    init(window: ByteWindow, input: String, options: ReaderOptions) {
        core = ReaderCore(window: window, input: input, options: options)
    }

    private static let docOpen = Array("<DOC".utf8), docOpenLower = Array("<doc".utf8)
    private static let docClose = Array("</DOC>".utf8), docCloseLower = Array("</doc>".utf8)

    public mutating func next() throws -> ReadItem? {
        if core.finished { return nil }
        let w = core.window
        // 1. The next "<DOC" start tag.
        var searchFrom = 0
        var docStart: Int
        while true {
            if let s = findDocOpen(w, fromRelative: searchFrom) {
                docStart = s
                break
            }
            // Keep a few bytes in case "<DOC" straddles the chunk boundary.
            let keep = min(w.available, 5)
            w.consume(w.available - keep)
            searchFrom = 0
            if !w.fill() { return try core.finish() }
        }
        w.consume(docStart)
        let offset = w.offset
        let index = core.takeIndex()
        // 2. Its end: "</DOC>", or the next "<DOC" when the close tag is missing.
        var scanned = 4
        var endRel: Int? = nil
        while endRel == nil {
            if let e = findDocEnd(w, fromRelative: scanned) {
                endRel = e
                break
            }
            scanned = max(4, w.available - 6)
            if w.available > core.options.maxRecordBytes {
                skipOversized(w)
                return core.tooLarge(offset: offset, size: nil, record: index)
            }
            if !w.fill() {
                if w.pendingError != nil {
                    // The stream broke inside this document: report it, go on at the next member.
                    return try core.recoverFromSourceError(record: index)
                }
                endRel = w.available   // unterminated last document: take what is there
            }
        }
        let bytes = Array(w.slice(w.start..<(w.start + endRel!)))
        w.consume(endRel!)
        if bytes.count > core.options.maxRecordBytes {
            return core.tooLarge(offset: offset, size: Int64(bytes.count), record: index)
        }
        return .record(Self.record(from: bytes, input: core.input, index: index, offset: offset))
    }

    /// Relative index of the next "<DOC" start tag (followed by ">" or whitespace) at or after
    /// `fromRelative`; nil if none is complete in the window.
    private func findDocOpen(_ w: ByteWindow, fromRelative: Int, to limit: Int? = nil) -> Int? {
        var from = w.start + fromRelative
        while true {
            guard let hit = w.findFirst([Self.docOpen, Self.docOpenLower], from: from, to: limit)?.index else { return nil }
            guard hit + 4 < w.end else { return nil }
            let c = w[hit + 4]
            if c == UInt8(ascii: ">") || InputFormat.isSpace(c) { return hit - w.start }
            from = hit + 1
        }
    }

    /// Relative end (exclusive) of the document starting at relative 0.
    private func findDocEnd(_ w: ByteWindow, fromRelative: Int) -> Int? {
        let from = w.start + fromRelative
        let close = w.findFirst([Self.docClose, Self.docCloseLower], from: from)?.index
        let limit = close ?? w.end
        // A new "<DOC" before the close tag: this one was never closed.
        if let nextOpen = findDocOpen(w, fromRelative: fromRelative, to: close.map { $0 + 5 }), w.start + nextOpen < limit {
            return nextOpen
        }
        if let close { return close + 6 - w.start }
        return nil
    }

    /// Discards an oversized document up to its end without holding it in memory.
    private func skipOversized(_ w: ByteWindow) {
        w.consume(4)
        while true {
            if let e = findDocEnd(w, fromRelative: 0) { w.consume(e); return }
            w.consume(max(0, w.available - 6))
            if !w.fill() { w.consume(w.available); return }
        }
    }

    private static let fieldTags: [[UInt8]] = ["DOCNO", "DOCID", "URL", "SRC", "CAT", "TITLE", "HEADLINE", "TIME", "DATE",
                                              "DATE_TIME", "DATELINE", "AUTHOR", "ABSTRACT", "TEXT", "BODY", "KEYWORD",
                                              "SLUG", "DOC"].map { Array($0.utf8) }

    static func record(from bytes: [UInt8], input: String, index: Int, offset: Int64) -> RawRecord {
        let doc = MarkupScanner(bytes)
        let stops = fieldTags
        func field(_ name: String, layout: MarkupText.Layout = .collapsed) -> String? {
            guard let e = doc.element(Array(name.utf8), stops: stops) else { return nil }
            let text = MarkupText.text(bytes[e.content], layout: layout)
            return text.isEmpty ? nil : text
        }
        var id: String? = nil
        if let d = doc.firstOpen(Array("DOC".utf8)) {
            id = doc.attribute("id", ofTag: d)?.trimmingSpaces
        }
        if id?.isEmpty ?? true { id = field("DOCNO") ?? field("DOCID") }
        var fields = ArticleFields()
        fields.title = field("HEADLINE") ?? field("TITLE")
        fields.date = field("DATE_TIME") ?? field("DATE") ?? field("TIME")
        if fields.date == nil, let id { fields.date = gigawordDate(id) }
        fields.source = field("SRC") ?? id.flatMap(gigawordSource)
        fields.abstract = field("ABSTRACT", layout: .lines)
        if let t = doc.element(Array("TEXT".utf8), stops: [Array("DOC".utf8)]) {
            fields.text = paragraphs(doc, bytes, in: t.content, openTag: t.open)
        } else if let d = doc.element(Array("DOC".utf8)) {
            // No TEXT element (`<doc id=".." url=".." title="..">text</doc>`, WikiExtractor
            // style): the DOC's own content without the header elements.
            fields.text = bareText(doc, bytes, in: d.content, from: d.open + 1, stops: stops)
        }
        var url = field("URL")
        if let d = doc.firstOpen(Array("DOC".utf8)) {
            if fields.title == nil { fields.title = doc.attribute("title", ofTag: d)?.trimmingSpaces }
            if url == nil { url = doc.attribute("url", ofTag: d)?.trimmingSpaces }
        }
        return RawRecord(input: input, index: index, offset: offset, kind: .article,
                         id: id ?? "\(DocumentID.baseName(input)):\(index)", url: url, fields: fields)
    }

    /// `<P>` elements inside TEXT, one paragraph each; without `<P>`, each non-empty line.
    private static func paragraphs(_ doc: MarkupScanner, _ bytes: [UInt8], in range: Range<Int>, openTag: Int) -> String? {
        let p = Array("P".utf8)
        var parts: [String] = []
        var t = openTag + 1
        while let e = doc.element(p, stops: [p, Array("TEXT".utf8), Array("DOC".utf8)], from: t),
              doc.tags[e.open].start < range.upperBound {
            let content = e.content.lowerBound..<min(e.content.upperBound, range.upperBound)
            let text = MarkupText.text(bytes[content], layout: .collapsed)
            if !text.isEmpty { parts.append(text) }
            t = max(e.next, e.open + 1)
        }
        if parts.isEmpty {
            let text = MarkupText.text(bytes[range], layout: .lines)
            return text.isEmpty ? nil : text
        }
        // Text outside <P> (a stray line before the first paragraph) is kept too.
        return parts.joined(separator: "\n")
    }

    /// Text of `range` outside the header elements named in `stops`, one paragraph per line.
    private static func bareText(_ doc: MarkupScanner, _ bytes: [UInt8], in range: Range<Int>, from: Int, stops: [[UInt8]]) -> String? {
        var kept: [UInt8] = []
        var cursor = range.lowerBound
        var t = from
        while t < doc.tags.count, doc.tags[t].start < range.upperBound {
            let tag = doc.tags[t]
            if !tag.isClose, let name = stops.first(where: { doc.nameMatches(tag, $0) }), name != Array("DOC".utf8),
               let e = doc.element(name, stops: stops, from: t) {
                kept += bytes[cursor..<tag.start]
                kept.append(0x0A)
                let last = doc.tags[e.next - 1]
                let closed = e.next - 1 > t && last.isClose && doc.nameMatches(last, name)
                cursor = min(closed ? last.end : e.content.upperBound, range.upperBound)
                t = e.next
                continue
            }
            t += 1
        }
        if cursor < range.upperBound { kept += bytes[cursor..<range.upperBound] }
        let text = MarkupText.text(kept[...], layout: .lines)
        return text.isEmpty ? nil : text
    }

    /// `AFP_ENG_20100101.0001` → `2010-01-01`.
    static func gigawordDate(_ id: String) -> String? {
        let u = Array(id.utf8)
        var i = 0
        while i + 8 <= u.count {
            let run = u[i..<(i + 8)]
            if run.allSatisfy({ $0 >= 48 && $0 <= 57 }),
               i == 0 || !(u[i - 1] >= 48 && u[i - 1] <= 57),
               i + 8 == u.count || !(u[i + 8] >= 48 && u[i + 8] <= 57) {
                let s = String(decoding: run, as: UTF8.self)
                let y = Int(s.prefix(4))!, m = Int(s.dropFirst(4).prefix(2))!, d = Int(s.suffix(2))!
                if (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(d) {
                    return "\(s.prefix(4))-\(s.dropFirst(4).prefix(2))-\(s.suffix(2))"
                }
            }
            i += 1
        }
        return nil
    }

    /// `AFP_ENG_20100101.0001` → `AFP` (the agency), only for ids of that shape.
    static func gigawordSource(_ id: String) -> String? {
        let parts = id.split(separator: "_")
        guard parts.count >= 3, parts[0].allSatisfy({ $0.isUppercase || $0.isNumber }), gigawordDate(id) != nil else { return nil }
        return String(parts[0])
    }
}

extension String {
    var trimmingSpaces: String {
        let u = Array(utf8)
        var s = 0, e = u.count
        while s < e, InputFormat.isSpace(u[s]) { s += 1 }
        while e > s, InputFormat.isSpace(u[e - 1]) { e -= 1 }
        return String(decoding: u[s..<e], as: UTF8.self)
    }
}
