import Foundation

/// An extractor still being built on another thread. Building the extractors (their lexicons, the
/// registry's name trie, the linking indexes) is most of a run's start-up; `qawl run` starts reading
/// and parsing at once and lets the first extraction wait for it, so on two cores start-up overlaps
/// with work instead of preceding it.
///
/// A build that fails must not leave a trace: the run's consumer calls `ready()` before it stores
/// anything (`Runner`), stops the pipeline and reports the error, so no input is committed to the
/// store without its statements. Until then `extract` returns nothing for a failed build.
public final class BackgroundExtractor: StatementExtractor, @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Result<any StatementExtractor, Error>?

    public init(_ build: @escaping @Sendable () throws -> any StatementExtractor) {
        runOnOwnThread(done, name: "qawl-setup") { [self] in
            result = Result { try build() }
        }
    }

    /// Waits for the build; throws its error.
    public func ready() throws {
        done.wait()
        _ = try result!.get()
    }

    public func extract(from document: Document) -> [Statement] {
        done.wait()
        guard case .success(let extractor)? = result else { return [] }
        return extractor.extract(from: document)
    }
}
