import Foundation

/// One article per line of JSON (news-please, CC-News, SaudiNewsNet-style dumps). Field names
/// vary between dumps; the common ones are accepted and `FieldMapping` adds others:
///
///     {"url": "https://sabq.org/a", "title": "…", "date_extracted": "2015-07-21 02:51:18",
///      "content": "قال وزير الخارجية …", "source": "sabq"}
///     → id "https://sabq.org/a" (no `id` field), url, title, date, text, source; .article
///
/// The id is the `id` field, else the `url`, else `INPUTNAME:LINE` (file name, 1-based line).
/// A line that is not a JSON object is a `bad-json` error with its line number and byte offset;
/// invalid UTF-8 is repaired (U+FFFD) and control bytes such as NUL dropped before giving up;
/// a line over `maxRecordBytes` is skipped without being held in memory.
public struct JSONLinesReader: RecordReader {
    private let core: ReaderCore
    private var line = 0

    public init(source: ByteSource, input: String, options: ReaderOptions = ReaderOptions()) {
        self.init(window: ByteWindow(source: source), input: input, options: options)
    }

    init(window: ByteWindow, input: String, options: ReaderOptions) {
        core = ReaderCore(window: window, input: input, options: options)
    }

    public mutating func next() throws -> ReadItem? {
        let w = core.window
        while !core.finished {
            // The next line: up to "\n" or the end of the stream.
            var searched = w.start
            var eol: Int? = nil
            while true {
                if let hit = w.find(byte: 0x0A, from: searched) { eol = hit; break }
                if w.available > core.options.maxRecordBytes { break }
                searched = w.end - w.start
                if !w.fill() { break }
                searched += w.start
            }
            if eol == nil && w.available == 0 { return try core.finish() }
            line += 1
            let offset = w.offset
            guard let end = eol ?? (w.atEnd ? w.end : nil) else {
                // Over the cap: skip to the end of this line without keeping it.
                let index = core.takeIndex()
                while true {
                    if let hit = w.find(byte: 0x0A, from: w.start) { w.consume(hit + 1 - w.start); break }
                    w.consume(w.available)
                    if !w.fill() { break }
                }
                return core.tooLarge(offset: offset, size: nil, record: index)
            }
            let bytes = w.slice(w.start..<end)
            w.consume(end - w.start + (eol == nil ? 0 : 1))
            if bytes.allSatisfy({ InputFormat.isSpace($0) }) { continue }
            if eol == nil, w.pendingError != nil {
                // The stream broke inside this line: it is incomplete.
                return try core.recoverFromSourceError(record: core.takeIndex())
            }
            if bytes.count > core.options.maxRecordBytes {
                return core.tooLarge(offset: offset, size: Int64(bytes.count), record: core.takeIndex())
            }
            return record(Array(bytes), offset: offset, index: core.takeIndex())
        }
        return nil
    }

    private func record(_ bytes: [UInt8], offset: Int64, index: Int) -> ReadItem {
        guard let object = Self.parseObject(bytes) else {
            let preview = String(decoding: bytes.prefix(60), as: UTF8.self)
            return core.failure(reason: "bad-json", message: "line \(line) is not a JSON object: \(preview)",
                                offset: offset, record: index)
        }
        let mapping = core.options.fieldMapping
        func value(_ field: String) -> String? {
            for key in mapping.candidates(for: field) {
                if let v = object[key], let s = Self.string(v), !s.isEmpty { return s }
            }
            return nil
        }
        let url = value("url")
        let fields = ArticleFields(title: value("title"), text: value("text"), html: value("html"), date: value("date"),
                                   lang: value("lang"), source: value("source"), abstract: value("abstract"))
        let id = value("id") ?? url ?? "\(DocumentID.baseName(core.input)):\(line)"
        return .record(RawRecord(input: core.input, index: index, offset: offset, kind: .article, id: id, url: url,
                                 containerDate: nil, fields: fields))
    }

    /// Parses one line; on failure retries once with invalid UTF-8 replaced and raw control
    /// bytes (NUL, …) removed, which JSON forbids inside strings.
    static func parseObject(_ bytes: [UInt8]) -> [String: Any]? {
        if let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] { return object }
        var repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
        repaired.removeAll { $0 < 0x20 && $0 != 0x09 }
        guard repaired != bytes else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(repaired))) as? [String: Any]
    }

    /// Strings as they are, numbers as written, arrays of strings as paragraphs.
    static func string(_ value: Any) -> String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        case let a as [Any]:
            let parts = a.compactMap { string($0) }.filter { !$0.isEmpty }
            return parts.isEmpty ? nil : parts.joined(separator: "\n")
        default: return nil
        }
    }
}
