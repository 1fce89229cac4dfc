import Foundation

/// Runs `body` on a thread of its own, inside `group`. For tasks that block on each other (bounded
/// queues, a build another task waits for): Dispatch's global pool on Linux is as wide as the CPUs
/// the process may use and adds a thread only after it has seen no progress for most of a second,
/// so with one CPU (`taskset`, a container's quota) the reader, the workers and a background build
/// took turns waiting for a thread — 0.75 s idle at a time, measured with strace.
func runOnOwnThread(_ group: DispatchGroup, name: String, _ body: @escaping @Sendable () -> Void) {
    group.enter()
    let thread = Thread {
        body()
        group.leave()
    }
    thread.name = name
    thread.start()
}

/// A blocking FIFO with a fixed capacity: `push` waits while the queue is full, `pop` waits while it
/// is empty. Between two stages it makes a slow consumer slow its producer down instead of letting
/// memory grow with the input.
final class BoundedQueue<Element>: @unchecked Sendable {
    private var items: [Element?]
    private var head = 0
    private var count = 0
    private var closed = false
    private let condition = NSCondition()

    init(capacity: Int) {
        items = Array(repeating: nil, count: max(1, capacity))
    }

    /// Blocks while full. Returns false when the queue was closed.
    @discardableResult
    func push(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while count == items.count && !closed { condition.wait() }
        if closed { return false }
        items[(head + count) % items.count] = element
        count += 1
        condition.broadcast()
        return true
    }

    /// Blocks while empty; nil once closed and drained.
    func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !closed { condition.wait() }
        if count == 0 { return nil }
        let element = items[head]
        items[head] = nil
        head = (head + 1) % items.count
        count -= 1
        condition.broadcast()
        return element
    }

    /// No more pushes: consumers drain what is left and then get nil.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Hands results produced out of order (by parallel workers) back in sequence order. Capacity is
/// bounded by the producer: at most `window` sequence numbers are issued ahead of the consumer.
final class ReorderBuffer<Element>: @unchecked Sendable {
    private var pending: [Int: Element] = [:]
    private var next = 0
    private var finishedAt: Int? = nil
    private let condition = NSCondition()
    private let window: DispatchSemaphore

    init(window: Int) { self.window = DispatchSemaphore(value: max(1, window)) }

    /// Called by the producer before issuing a new sequence number: waits while `window` items are
    /// in flight.
    func reserve() { window.wait() }

    func put(_ seq: Int, _ element: Element) {
        condition.lock()
        pending[seq] = element
        condition.broadcast()
        condition.unlock()
    }

    /// The total number of sequence numbers issued; lets `take` return nil at the end.
    func finish(total: Int) {
        condition.lock()
        finishedAt = total
        condition.broadcast()
        condition.unlock()
    }

    /// Next element in sequence order, waiting for it; nil after the last one.
    func take() -> Element? {
        condition.lock()
        while pending[next] == nil && !(finishedAt.map { next >= $0 } ?? false) { condition.wait() }
        guard let element = pending.removeValue(forKey: next) else {
            condition.unlock()
            return nil
        }
        next += 1
        condition.unlock()
        window.signal()
        return element
    }
}

/// Thread-safe accumulation of seconds per stage name.
final class StageClock: @unchecked Sendable {
    private var seconds: [String: Double] = [:]
    private let lock = NSLock()

    func add(_ stage: String, _ value: Double) {
        lock.lock(); seconds[stage, default: 0] += value; lock.unlock()
    }

    var snapshot: [String: Double] {
        lock.lock(); defer { lock.unlock() }
        return seconds
    }
}

/// CPU seconds of the calling thread: what the per-document stages (parse, extract) cost, without the
/// time the thread waited for a core while the reader, the consumer or another process ran.
@inline(__always) func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

@inline(__always) func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
