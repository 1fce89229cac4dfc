import Foundation

/// The `String`s of normalised words already made, found again by their UTF-8 bytes.
///
/// Every token carries its normalised form as a `String`, and making one from bytes validates them
/// as UTF-8 and costs more than all the tokenizer's other work on the token. News text repeats its
/// words («في», «قال», «الرئيس»), so the tokenizer looks the bytes up here first and reuses the
/// string. The cache only saves work: a hit returns a string equal to the one it would have made.
/// It holds at most `limit` words and starts over when full, so its memory stays bounded.
public final class WordCache {
    private struct Entry {
        var start: Int32
        var count: Int32
        var hash: UInt32
    }

    private var slots: [Int32]          // entry index + 1, 0 empty
    private var entries: [Entry] = []
    private var bytes: [UInt8] = []
    private var strings: [String] = []
    private let mask: Int
    private let limit: Int

    public init(limit: Int = 1 << 16) {
        self.limit = limit
        var size = 16
        while size < limit * 4 { size <<= 1 }   // at most a quarter full
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        entries.reserveCapacity(limit)
        strings.reserveCapacity(limit)
    }

    /// The string with these UTF-8 bytes (valid UTF-8).
    public func string(_ key: UnsafeBufferPointer<UInt8>) -> String {
        let h = WordSet.hash(key)
        var s = Int(h) & mask
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                bytes.withUnsafeBufferPointer { stored in
                    while true {
                        let k = Int(slots[s])
                        if k == 0 { return nil }
                        let e = entries[k - 1]
                        if e.hash == h, Int(e.count) == key.count,
                           key.isEmpty || WordSet.sameBytes(key.baseAddress!, stored.baseAddress! + Int(e.start), key.count) {
                            return k - 1
                        }
                        s = (s + 1) & mask
                    }
                }
            }
        }
        if let found { return strings[found] }
        let made = String(decoding: key, as: UTF8.self)
        if entries.count >= limit {   // full: start over
            for k in slots.indices { slots[k] = 0 }
            entries.removeAll(keepingCapacity: true)
            strings.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
            s = Int(h) & mask
            while slots[s] != 0 { s = (s + 1) & mask }
        }
        entries.append(Entry(start: Int32(bytes.count), count: Int32(key.count), hash: h))
        bytes.append(contentsOf: key)
        strings.append(made)
        slots[s] = Int32(entries.count)
        return made
    }
}

/// Lends each concurrent caller a `WordCache` of its own: extractors are shared by the pipeline's
/// workers, a cache is not. There are never more caches than callers at one time.
public final class WordCachePool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [WordCache] = []

    public init() {}

    /// A cache for the caller alone, until it `give`s it back.
    public func take() -> WordCache {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast() ?? WordCache()
    }

    public func give(_ cache: WordCache) {
        lock.lock()
        free.append(cache)
        lock.unlock()
    }
}
