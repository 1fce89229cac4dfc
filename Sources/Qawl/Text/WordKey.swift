/// A normalised word as a hash key compared by its UTF-8 bytes. Swift's `String` hashing and
/// equality apply Unicode canonical equivalence, which for Arabic text costs a normalisation pass on
/// every lookup; words here are already normalised (`ArabicNormalizer`), so bytes suffice. Lexicon
/// sets and the actor trie are keyed by `WordKey`, which made cue and name lookup several times faster.
public struct WordKey: Hashable, Sendable {
    public let string: String

    @inline(__always) public init(_ s: String) { string = s }

    public func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public static func == (a: WordKey, b: WordKey) -> Bool {
        a.string.utf8.count == b.string.utf8.count && a.string.utf8.elementsEqual(b.string.utf8)
    }
}

extension Set where Element == WordKey {
    @inline(__always) public func contains(_ s: String) -> Bool { contains(WordKey(s)) }
}

extension Dictionary where Key == WordKey {
    @inline(__always) public subscript(_ s: String) -> Value? {
        get { self[WordKey(s)] }
        set { self[WordKey(s)] = newValue }
    }
}
