import Foundation

/// One result slot per task of parallel work, read back in task order, so work done in parallel
/// (registry files and extractors at start-up, timelines at write time) is assembled
/// deterministically and the first failure in task order is the one reported. Slots grow as
/// tasks arrive when their number is not known in advance.
final class ConcurrentResults<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<T, Error>?]

    init(count: Int = 0) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: Result<T, Error>) {
        lock.lock(); defer { lock.unlock() }
        if i >= slots.count { slots += Array(repeating: nil, count: i + 1 - slots.count) }
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

/// Hands out the numbers `0..<count`, each once, to whichever thread asks first: threads that take
/// parts of a job as they finish the last one end together, where a fixed share each left one of
/// them finishing alone.
final class WorkTickets: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    init(count: Int) { self.count = count }

    /// The next number, or nil once all are taken.
    func take() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}
