/// Why an input could not be opened or listed at all. Each case names the path so the message
/// a user sees points at the file: `no such file or directory: dumps/2017-01.warc.gz`.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file or directory given on the command line or in the configuration does not exist.
    case missing(path: String)
    /// A glob pattern (`dumps/*.warc.gz`) matched nothing.
    case noMatch(pattern: String)
    /// The file exists but `open(2)`/`read(2)` failed (permissions, I/O error).
    case unreadable(path: String, reason: String)
    /// A directory was given where a file is needed (e.g. to `InputOpener.open`).
    case notAFile(path: String)

    public var description: String {
        switch self {
        case .missing(let path): return "no such file or directory: \(path)"
        case .noMatch(let pattern): return "pattern matches no file: \(pattern)"
        case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
        case .notAFile(let path): return "not a regular file: \(path)"
        }
    }

    /// The same problem as a `RecordError` for `errors.jsonl` (reason `unreadable-input`).
    public func recordError() -> RecordError {
        let input: String
        switch self {
        case .missing(let path), .unreadable(let path, _), .notAFile(let path): input = path
        case .noMatch(let pattern): input = pattern
        }
        return RecordError(stage: "read", input: input, reason: "unreadable-input", message: description)
    }
}
