import Foundation

/// One result slot per task of a `DispatchQueue.concurrentPerform`, read back in task order, so
/// work done in parallel at start-up (registry files, extractors) is assembled deterministically
/// and the first failure in task order is the one reported.
final class ConcurrentResults<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<T, Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: Result<T, Error>) {
        lock.lock(); defer { lock.unlock() }
        slots[i] = result
    }

    /// Every task's result in order; throws the first failure.
    func values() throws -> [T] {
        lock.lock(); defer { lock.unlock() }
        return try slots.map { try $0!.get() }
    }

    var results: [Result<T, Error>?] {
        lock.lock(); defer { lock.unlock() }
        return slots
    }
}
