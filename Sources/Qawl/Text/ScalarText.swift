/// A text decoded once into the Unicode scalars that tokens index, kept together with its UTF-8
/// bytes and the byte offset of every scalar, so that slicing out a sentence or a statement's
/// content is a copy of bytes rather than a re-encoding of scalars.
///
///     «قال: نعم» → scalars [ق ا ل : ␠ ن ع م] · offsets [0 2 4 6 7 8 10 12 14]
///
/// One pass over the bytes: `Array(text.unicodeScalars)` walks the string twice (count, then copy)
/// through the generic index machinery and cost more than tokenising the result.
public struct ScalarText: Sendable {
    public let scalars: [Unicode.Scalar]
    public let utf8: [UInt8]
    /// Byte offset in `utf8` of every scalar, and one more entry: the byte count.
    public let offsets: [Int32]

    public init(_ text: String) {
        let bytes = Array(text.utf8)
        let n = bytes.count
        var offsets: [Int32] = []
        self.scalars = [Unicode.Scalar](unsafeUninitializedCapacity: n) { sc, scCount in
            offsets = [Int32](unsafeUninitializedCapacity: n + 1) { off, offCount in
                var count = 0
                bytes.withUnsafeBufferPointer { b in
                    var i = 0
                    // A Swift String is always valid UTF-8: the lead byte gives the length.
                    while i < n {
                        off[count] = Int32(i)
                        let c0 = UInt32(b[i])
                        let v: UInt32
                        if c0 < 0x80 { v = c0; i += 1 }
                        else if c0 < 0xE0 { v = (c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2 }
                        else if c0 < 0xF0 {
                            v = (c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3
                        } else {
                            v = (c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F); i += 4
                        }
                        // decoded from a String's valid UTF-8: always a valid scalar value
                        (sc.baseAddress! + count).initialize(to: unsafeBitCast(v, to: Unicode.Scalar.self))
                        count += 1
                    }
                }
                off[count] = Int32(n)
                offCount = count + 1
                scCount = count
            }
        }
        self.utf8 = bytes
        self.offsets = offsets
    }
}
