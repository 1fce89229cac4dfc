/// A statement together with what the store keeps of it: its `statements.jsonl` line, its
/// syndication signature and the text of its key columns. All are computed on the worker thread
/// that extracted the statement, so the in-order consumer, the one stage that cannot run in
/// parallel, is left with binding pointers into these buffers and the insert alone.
public struct PreparedStatement: Sendable {
    public var statement: Statement
    /// The JSON object of `statements.jsonl`, without the newline.
    public var json: [UInt8]
    /// `SyndicationClusterer.encode` of the content's signature (empty when too short to compare).
    public var signature: [UInt8]
    /// The UTF-8 text of the store's text columns (`textColumns`), one after the other, each cut at
    /// its first NUL character (as SQLite would read a C string).
    var text: [UInt8]
    /// Where each of `textColumns` ends in `text`; -1 for NULL.
    var textEnds: [Int32]

    /// The `statements` columns (1-based, as bound) whose values come from `text`, in its order.
    static let textColumns: [Int32] = [1, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14]

    public init(_ statement: Statement) {
        self.statement = statement
        var w = JSONWriter(reserving: 2048)
        w.statement(statement)
        json = w.bytes
        signature = SyndicationClusterer.encode(SyndicationClusterer.signature(statement.content))
        let s = statement
        let values: [String?] = [s.statementID, s.docID, s.published, s.part, s.actorID, s.actorName, s.speaker,
                                 s.lang, s.kind.rawValue, s.resolution.rawValue, s.cueLemma, s.source]
        var text: [UInt8] = []
        text.reserveCapacity(256)
        var ends: [Int32] = []
        ends.reserveCapacity(values.count)
        for value in values {
            guard var value else { ends.append(-1); continue }
            value.withUTF8 { utf8 in
                let nul = utf8.firstIndex(of: 0) ?? utf8.count
                text.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<nul]))
            }
            ends.append(Int32(text.count))
        }
        self.text = text
        textEnds = ends
    }
}
