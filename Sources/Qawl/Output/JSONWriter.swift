/// A small, fast JSON encoder for output records: fields are written in the order given (so
/// output is byte-stable), strings are escaped per RFC 8259, non-ASCII is written as UTF-8.
/// Foundation's JSONEncoder sorts or hashes keys and costs several times more per record.
///
///     var w = JSONWriter(); w.object { w.field("doc_id", "a1"); w.field("n", 3) }
///     → {"doc_id":"a1","n":3}
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Per open object or array (and the top level): whether a value was written in it, so the next
    /// one needs a comma.
    private var needsComma: [Bool] = [false]
    /// A key was just written: its value takes no comma. (A flag rather than a level of
    /// `needsComma`: pushing and popping one per field was a tenth of encoding a statement.)
    private var afterKey = false

    public init(reserving capacity: Int = 512) { bytes.reserveCapacity(capacity) }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = [false]
        afterKey = false
    }

    private mutating func separator() {
        if afterKey { afterKey = false; return }
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func key(_ k: String) {
        separator()
        writeString(k)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true   // the value must not add a comma
    }

    private mutating func endValue() { afterKey = false }

    /// A key escaped once, with its colon (`"statement_id":`): a record written for every
    /// statement would otherwise escape its twenty-odd constant keys each time, a fifth of its cost.
    public struct Key: Sendable {
        fileprivate let bytes: [UInt8]
        public init(_ k: String) {
            var w = JSONWriter(reserving: k.utf8.count + 3)
            w.writeString(k)
            bytes = w.bytes + [UInt8(ascii: ":")]
        }
    }

    private mutating func key(_ k: Key) {
        separator()
        bytes.append(contentsOf: k.bytes)
        afterKey = true
    }

    public mutating func field(_ k: Key, _ v: String?) { key(k); value(v); endValue() }
    public mutating func field(_ k: Key, _ v: Int?) { key(k); value(v); endValue() }
    public mutating func field(_ k: Key, _ v: Double?, digits: Int = 3) { key(k); value(v, digits: digits); endValue() }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        separator()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        separator()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    public mutating func field(_ k: String, object body: (inout JSONWriter) -> Void) {
        key(k); object(body); endValue()
    }

    public mutating func field(_ k: String, array body: (inout JSONWriter) -> Void) {
        key(k); array(body); endValue()
    }

    public mutating func field(_ k: String, _ v: String?) { key(k); value(v); endValue() }
    public mutating func field(_ k: String, _ v: Int?) { key(k); value(v); endValue() }
    public mutating func field(_ k: String, _ v: Int64?) { key(k); value(v.map(Int.init)); endValue() }
    public mutating func field(_ k: String, _ v: Double?, digits: Int = 3) { key(k); value(v, digits: digits); endValue() }
    public mutating func field(_ k: String, _ v: Bool) { key(k); value(v); endValue() }
    public mutating func field(_ k: String, strings: [String]) {
        key(k); array { w in for s in strings { w.value(s) } }; endValue()
    }

    public mutating func value(_ v: String?) {
        separator()
        guard let v else { bytes.append(contentsOf: Self.null); return }
        writeString(v)
    }

    public mutating func value(_ v: Int?) {
        separator()
        guard let v else { bytes.append(contentsOf: Self.null); return }
        appendDecimal(v)
    }

    private mutating func appendDecimal(_ v: Int) { Self.appendDecimal(v, to: &bytes) }

    /// The decimal digits of `v`, as `String(v)` writes them, without making the string.
    static func appendDecimal(_ v: Int, to bytes: inout [UInt8]) {
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = v.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // up to 20 digits, most significant last
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[n] = UInt8(ascii: "0") + UInt8(m % 10); m /= 10; n += 1 } while m > 0
            while n > 0 { n -= 1; bytes.append(d[n]) }
        }
    }

    public mutating func value(_ v: Bool) {
        separator()
        bytes.append(contentsOf: v ? Array("true".utf8) : Array("false".utf8))
    }

    /// Doubles are rounded to `digits` decimals and written without exponent, so the same value
    /// always prints the same bytes.
    public mutating func value(_ v: Double?, digits: Int = 3) {
        separator()
        guard let v, v.isFinite else { bytes.append(contentsOf: Self.null); return }
        appendFormatted(v, digits: digits)
    }

    /// `format(v, digits:)` written straight into the bytes (a statement's confidence made
    /// several strings).
    private mutating func appendFormatted(_ v: Double, digits: Int) {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (v * scale).rounded()
        if abs(scaled) >= 9.0e15 { appendDecimal(Int(Int64(v.rounded()))); return }
        let n = Int64(scaled)
        let mag = n < 0 ? -n : n
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimal(Int(mag / Int64(scale)))
        var frac = mag % Int64(scale)
        if frac == 0 || digits == 0 { return }
        var fracDigits = digits
        while frac % 10 == 0 { frac /= 10; fracDigits -= 1 }
        bytes.append(UInt8(ascii: "."))
        var width = 1, p = frac
        while p >= 10 { p /= 10; width += 1 }
        for _ in 0..<(fracDigits - width) { bytes.append(UInt8(ascii: "0")) }
        appendDecimal(Int(frac))
    }

    static func format(_ v: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (v * scale).rounded()
        if abs(scaled) >= 9.0e15 { return String(Int64(v.rounded())) }
        let n = Int64(scaled)
        let negative = n < 0
        let mag = negative ? -n : n
        let intPart = mag / Int64(scale)
        var frac = mag % Int64(scale)
        var s = (negative ? "-" : "") + String(intPart)
        if frac == 0 || digits == 0 { return s }
        var fracDigits = digits
        while frac % 10 == 0 { frac /= 10; fracDigits -= 1 }
        let f = String(frac)
        s += "." + String(repeating: "0", count: fracDigits - f.count) + f
        return s
    }

    private static let null: [UInt8] = Array("null".utf8)
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Escaping scans the UTF-8 bytes once and copies the runs between escapes in bulk: statement
    /// lines are mostly long runs of Arabic or English text with nothing to escape, and appending
    /// byte by byte was the most expensive part of encoding them.
    private mutating func writeString(_ s: String) {
        var s = s
        s.withUTF8 { writeEscaped($0) }
    }

    mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        let n = utf8.count
        while true {
            let i = ByteScan.firstJSONEscape(utf8, from: runStart)
            guard i < n else { break }
            let b = utf8[i]
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
            bytes.append(UInt8(ascii: "\\"))
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(b)
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]])
            }
            runStart = i + 1
        }
        if runStart < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n])) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends bytes that are already JSON (a value copied from a record this writer wrote).
    public mutating func raw(_ json: some Collection<UInt8>) { bytes.append(contentsOf: json) }

    /// A field whose value is already JSON text (`"…"`, `null`, a number), copied as it is.
    public mutating func field(_ k: String, rawValue json: some Collection<UInt8>) {
        key(k); separator(); bytes.append(contentsOf: json); endValue()
    }
}
