/// A problem with one input or one record of it. Every document read ends up either parsed or
/// as one of these in `errors.jsonl`, so nothing is lost silently.
public struct RecordError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stage that gave up (`read`, `decompress`, `parse`, `extract`, `write`).
    public var stage: String
    /// Input file path.
    public var input: String
    /// Record index within the input, when the problem concerns one record.
    public var record: Int?
    /// Byte offset in the input (uncompressed stream unless `reason` says compressed).
    public var offset: Int64?
    /// Short machine-readable reason (`truncated-gzip`, `bad-json`, `empty-text`, ...): the keys of
    /// `report.json` `documents.by_reason`.
    public var reason: String
    /// Human-readable detail.
    public var message: String
    /// True when the record is skipped for its content (empty, not an article) rather than failed.
    public var skipped: Bool

    public init(stage: String, input: String, record: Int? = nil, offset: Int64? = nil,
                reason: String, message: String, skipped: Bool = false) {
        self.stage = stage
        self.input = input
        self.record = record
        self.offset = offset
        self.reason = reason
        self.message = message
        self.skipped = skipped
    }

    public var description: String {
        var s = "\(input)"
        if let record { s += " record \(record)" }
        if let offset { s += " at byte \(offset)" }
        return s + ": \(stage): \(reason): \(message)"
    }
}
