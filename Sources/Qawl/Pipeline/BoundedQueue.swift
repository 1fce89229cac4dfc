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
///
/// Hand-overs wake only who can go on: a push wakes one waiting popper; a pop wakes the waiting pusher
/// once the queue is down to half, so that a producer faster than its consumers (the reader) refills
/// it in one go instead of waking for every item. Waking every thread on each item (a broadcast)
/// made the reader, the workers and the consumer wake into a held lock and sleep again: on the ANT
/// dump 25,000 context switches of the consumer and 8,000 contended lock waits (`perf` sched trace)
/// per run.
///
/// Pushers and poppers wait on one condition, so whom to wake is decided and the wake-up sent under
/// the lock, in one step. Sent after the lock was let go, a single wake-up meant for a popper could
/// be taken by a pusher that had started waiting in between; it found the queue still full and slept
/// again, and so did the popper, for good (the stage hand-over test caught it: 3 workers, capacity 1).
final class BoundedQueue<Element>: @unchecked Sendable {
    private var items: [Element?]
    private var head = 0
    private var count = 0
    private var closed = false
    private var waitingPushers = 0
    private var waitingPoppers = 0
    private let condition = NSCondition()

    init(capacity: Int) {
        items = Array(repeating: nil, count: max(1, capacity))
    }

    private enum Wake { case none, one, all }

    /// Whom to wake when a waiter of one kind can go on (`others` of that kind wait, `same` of the
    /// caller's kind): one of them, or everyone when both kinds wait (only ever in passing).
    private static func wake(_ others: Int, _ same: Int) -> Wake {
        others == 0 ? .none : same == 0 ? .one : .all
    }

    private func send(_ wake: Wake) {
        switch wake {
        case .none: break
        case .one: condition.signal()
        case .all: condition.broadcast()
        }
    }

    /// Blocks while full. Returns false when the queue was closed.
    @discardableResult
    func push(_ element: Element) -> Bool {
        condition.lock()
        while count == items.count && !closed {
            waitingPushers += 1
            condition.wait()
            waitingPushers -= 1
        }
        if closed { condition.unlock(); return false }
        items[(head + count) % items.count] = element
        count += 1
        send(Self.wake(waitingPoppers, waitingPushers))
        condition.unlock()
        return true
    }

    /// Blocks while empty; nil once closed and drained.
    func pop() -> Element? {
        condition.lock()
        while count == 0 && !closed {
            waitingPoppers += 1
            condition.wait()
            waitingPoppers -= 1
        }
        return takeHeadAndUnlock()
    }

    /// What `pop(waitingAtMost:)` found.
    enum Timed {
        case element(Element)
        case timedOut
        /// Closed and empty: there will be nothing more.
        case drained
    }

    /// `pop` that gives up after `seconds`, for a caller that must also notice something else
    /// happening meanwhile (a worker holding documents back until their extractor is built).
    func pop(waitingAtMost seconds: Double) -> Timed {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        while count == 0 && !closed {
            waitingPoppers += 1
            let woken = condition.wait(until: deadline)
            waitingPoppers -= 1
            // A wake-up that crossed the timeout is not lost: the element it announced is taken here.
            if !woken && count == 0 && !closed { condition.unlock(); return .timedOut }
        }
        if let element = takeHeadAndUnlock() { return .element(element) }
        return .drained
    }

    /// Under the lock: removes the head (nil when empty), wakes a pusher once half is free, unlocks.
    private func takeHeadAndUnlock() -> Element? {
        if count == 0 { condition.unlock(); return nil }
        let element = items[head]
        items[head] = nil
        head = (head + 1) % items.count
        count -= 1
        if count <= items.count / 2 { send(Self.wake(waitingPushers, waitingPoppers)) }
        condition.unlock()
        return element
    }

    /// No more pushes: consumers drain what is left and then get nil.
    func close() {
        condition.lock()
        closed = true
        condition.unlock()
        condition.broadcast()
    }
}

/// Hands results produced out of order (by parallel workers) back in sequence order, to one consumer. Capacity is
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

    /// Wakes the consumer only for the element it waits for (it waits for `next` alone; a wake-up
    /// for any other one sent it back to sleep), after the lock is let go.
    func put(_ seq: Int, _ element: Element) {
        condition.lock()
        pending[seq] = element
        let awaited = seq == next
        condition.unlock()
        if awaited { condition.signal() }
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
