import Foundation

/// The `String`s of normalised words already made, found again by their UTF-8 bytes.
///
/// Every token carries its normalised form as a `String`, and making one from bytes validates them
/// as UTF-8 and costs more than all the tokenizer's other work on the token. News text repeats its
/// words («في», «قال», «الرئيس»), so the tokenizer looks the bytes up here first and reuses the
/// string. The cache only saves work: a hit returns a string equal to the one it would have made.
/// Words of up to 16 bytes live in a fixed direct-mapped table (`smallString`); longer ones in a table
/// of at most `limit` words that starts over when full, so its memory stays bounded.
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

    /// Words of up to 16 bytes (most words): a direct-mapped table keyed by the bytes packed into
    /// two integers, which is cheaper than hashing them and comparing bytes. A slot holds the last
    /// word that fell there; a miss makes the string and takes the slot.
    private struct SmallKey: Equatable {
        var a: UInt64
        var b: UInt64
        var count: Int
    }
    private static let smallBits = 16
    /// The table's keys and strings (`1 << smallBits` each, about 2.5 MB), owned by the cache: read
    /// through pointers, a lookup retains no array buffer and checks no uniqueness.
    private let smallKeys: UnsafeMutablePointer<SmallKey>
    private let smallStrings: UnsafeMutablePointer<String>

    public init(limit: Int = 1 << 16) {
        smallKeys = .allocate(capacity: 1 << Self.smallBits)
        smallKeys.initialize(repeating: SmallKey(a: 0, b: 0, count: 0), count: 1 << Self.smallBits)
        smallStrings = .allocate(capacity: 1 << Self.smallBits)
        smallStrings.initialize(repeating: "", count: 1 << Self.smallBits)
        self.limit = limit
        var size = 16
        while size < limit * 4 { size <<= 1 }   // at most a quarter full
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        entries.reserveCapacity(limit)
        strings.reserveCapacity(limit)
    }

    deinit {
        smallKeys.deinitialize(count: 1 << Self.smallBits)
        smallKeys.deallocate()
        smallStrings.deinitialize(count: 1 << Self.smallBits)
        smallStrings.deallocate()
    }

    /// The string with these UTF-8 bytes (valid UTF-8, 1 to 16 bytes), from the direct-mapped table.
    /// Making a small string validates its bytes, which cost more than the tokenizer's other work
    /// on a word.
    @inline(__always)
    public func smallString(_ key: UnsafeBufferPointer<UInt8>) -> String {
        let n = key.count
        guard n > 0, n <= 16, let base = key.baseAddress else { return String(decoding: key, as: UTF8.self) }
        let raw = UnsafeRawPointer(base)
        // The first eight bytes and the rest, each read with at most two loads: with the count,
        // they are the bytes.
        let k = n > 8 ? SmallKey(a: raw.loadUnaligned(as: UInt64.self), b: WordSet.tail(raw, 8, n), count: n)
                      : SmallKey(a: n == 8 ? raw.loadUnaligned(as: UInt64.self) : WordSet.tail(raw, 0, n), b: 0, count: n)
        let h = (k.a &* 0x9E37_79B9_7F4A_7C15) ^ (k.b &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n)
        let s = Int(truncatingIfNeeded: (h &* 0xFF51_AFD7_ED55_8CCD) >> UInt64(64 - Self.smallBits))
        if smallKeys[s] == k { return smallStrings[s] }
        let made = String(decoding: key, as: UTF8.self)
        smallKeys[s] = k
        smallStrings[s] = made
        return made
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
