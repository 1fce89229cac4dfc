/// A statement together with what the store keeps of it: its `statements.jsonl` line and its
/// syndication signature. Both are computed on the worker thread that extracted the statement, so
/// the in-order consumer, the one stage that cannot run in parallel, is left with the insert alone.
public struct PreparedStatement: Sendable {
    public var statement: Statement
    /// The JSON object of `statements.jsonl`, without the newline.
    public var json: [UInt8]
    /// `SyndicationClusterer.encode` of the content's signature (empty when too short to compare).
    public var signature: [UInt8]

    public init(_ statement: Statement) {
        self.statement = statement
        var w = JSONWriter(reserving: 2048)
        w.statement(statement)
        json = w.bytes
        signature = SyndicationClusterer.encode(SyndicationClusterer.signature(statement.content))
    }
}
