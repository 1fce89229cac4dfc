import Foundation

/// An extractor still being built on another thread. Building the extractors (their lexicons, the
/// registry's name trie, the linking indexes) is most of a run's start-up; `qawl run` starts reading
/// and parsing at once and lets the first extraction wait for it, so on two cores start-up overlaps
/// with work instead of preceding it.
///
/// A build that fails must not leave a trace: the run's consumer calls `ready()` before it stores
/// each event (`Runner`), stops the pipeline and reports the error, so no input is committed to the
/// store without its statements. Until then `extract` returns nothing for a failed build. The
/// extractor built may itself build parts on first need (`LanguageRouter`); `ready()` also throws
/// their errors, which happen before the document that needed them reaches the consumer.
public final class BackgroundExtractor: StatementExtractor, @unchecked Sendable {
    private let build: BackgroundValue<any StatementExtractor>

    public init(_ build: @escaping @Sendable () throws -> any StatementExtractor) {
        self.build = BackgroundValue(name: "qawl-setup", build)
    }

    /// Waits for the build; throws its error, or that of a part built on first need since.
    public func ready() throws {
        try build.get().get().checkPrepared()
    }

    public func prepare(for document: Document) {
        built?.prepare(for: document)
    }

    public func checkPrepared() throws { try ready() }

    public func isPrepared(for document: Document) -> Bool {
        guard build.isDone else { return false }
        return built?.isPrepared(for: document) ?? true
    }

    /// What was built, once it is (nil when the build failed).
    public var built: (any StatementExtractor)? {
        try? build.get().get()
    }

    public func extract(from document: Document) -> [Statement] {
        built?.extract(from: document) ?? []
    }
}

/// Builds a value once, on first need, whichever thread asks first; the others wait for it.
final class BuildOnce<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var build: (() throws -> T)?
    private var result: Result<T, Error>?

    init(_ build: @escaping () throws -> T) { self.build = build }
    init(built value: T) { result = .success(value) }

    /// The value, built now if nobody has built it yet.
    func get() -> Result<T, Error> {
        lock.lock(); defer { lock.unlock() }
        if let result { return result }
        let r = Result { try build!() }
        result = r
        build = nil
        return r
    }

    /// False while another thread is building the value (whoever calls `get()` now would wait);
    /// true once it is built, and while nobody has started it (the caller will build it).
    var isAvailable: Bool {
        guard lock.try() else { return false }
        lock.unlock()
        return true
    }

    /// The outcome so far: nil while nobody has asked for the value.
    var outcome: Result<T, Error>? {
        lock.lock(); defer { lock.unlock() }
        return result
    }
}

/// A value computed on a thread of its own from the moment it is made; `get()` waits for it.
final class BackgroundValue<T>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Result<T, Error>?

    init(name: String, _ compute: @escaping @Sendable () throws -> T) {
        runOnOwnThread(done, name: name) { [self] in
            result = Result { try compute() }
        }
    }

    func get() -> Result<T, Error> {
        done.wait()
        return result!
    }

    /// Whether the value is computed (or failed), without waiting.
    var isDone: Bool { done.wait(timeout: .now()) == .success }
}
