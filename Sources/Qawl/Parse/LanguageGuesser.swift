/// Tells the language of a document's text: Arabic by script; a Latin-script text by its most
/// frequent function words (`data/boilerplate/stopwords.txt`); the page's `lang` attribute only
/// as a hint when the text is too short to tell; else `und`.
///
///     «قال وزير الخارجية الروسي سيرغي لافروف ...»        → ar
///     "The minister said that the talks were ..."       → en
///     "Le ministre a déclaré que les négociations ..."  → fr
struct LanguageGuesser: Sendable {
    /// Languages of the stop-word lists, sorted (ties between languages go to the first).
    private let languages: [String]
    /// Stop word → bit set of the languages listing it: one hash lookup per word of the text,
    /// whatever the number of languages.
    private let index: [String: UInt64]

    init(stopwords: [String: Set<String>]) {
        languages = Array(stopwords.keys.sorted().prefix(64))
        var index: [String: UInt64] = [:]
        for (bit, lang) in languages.enumerated() {
            for word in stopwords[lang] ?? [] { index[word, default: 0] |= 1 << UInt64(bit) }
        }
        self.index = index
        // ASCII stop words by their bytes: an ASCII word equals a `String` key exactly when the
        // bytes are equal (canonical equivalence never maps a non-ASCII key onto a lowercase ASCII
        // letter run), so the byte table answers for ASCII words and the `String` index for the rest.
        var ascii: [(WordKey, UInt64)] = []
        for (word, mask) in index {
            let bytes = Array(word.utf8)
            guard !bytes.isEmpty, bytes.count <= 24, bytes.allSatisfy({ $0 != 0 && $0 < 0x80 }) else { continue }
            var key = WordKey()
            for (k, b) in bytes.enumerated() { key.add(b, at: k) }
            ascii.append((key, mask))
        }
        asciiIndex = ASCIITable(ascii)
    }

    /// An ASCII word of at most 24 bytes, zero-padded into three words.
    private struct WordKey: Hashable {
        var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0
        @inline(__always) mutating func add(_ byte: UInt8, at k: Int) {
            let v = UInt64(byte) << UInt64((k & 7) * 8)
            if k < 8 { a |= v } else if k < 16 { b |= v } else { c |= v }
        }
    }
    private let asciiIndex: ASCIITable

    /// Packed ASCII word → language bits, by open addressing with a multiplicative hash: about
    /// 140,000 lookups on the WARC's pages, where a `Dictionary` (SipHash over the three words)
    /// cost 370 instructions each. Most words are misses (not stop words).
    private struct ASCIITable: Sendable {
        private var keys: [WordKey]
        private var masks: [UInt64]   // 0: empty slot (a stop word has at least one language bit)
        private let slotMask: Int

        init(_ entries: [(WordKey, UInt64)]) {
            var size = 16
            while size < entries.count * 2 + 2 { size <<= 1 }
            slotMask = size - 1
            keys = Array(repeating: WordKey(), count: size)
            masks = Array(repeating: 0, count: size)
            for (key, mask) in entries where mask != 0 {
                var i = Self.slot(key) & slotMask
                while masks[i] != 0 { i = (i + 1) & slotMask }
                keys[i] = key
                masks[i] = mask
            }
        }

        @inline(__always) static func slot(_ k: WordKey) -> Int {
            let h = (k.a &* 0x9E37_79B9_7F4A_7C15) ^ (k.b &* 0xC2B2_AE3D_27D4_EB4F) ^ (k.c &* 0x1656_67B1_9E37_79F9)
            return Int(truncatingIfNeeded: h ^ (h >> 29))
        }

        @inline(__always) subscript(_ key: WordKey) -> UInt64? {
            var i = Self.slot(key) & slotMask
            while true {
                let m = masks[i]
                if m == 0 { return nil }
                if keys[i] == key { return m }
                i = (i + 1) & slotMask
            }
        }
    }

    /// Which scalars of the Arabic block U+0600…U+06FF count as letters (the rule below, as a
    /// table: most scalars of an Arabic text fall in this block).
    private static let arabicLetters: [Bool] = (0x0600...0x06FF).map { v in
        !isArabicMark(UInt32(v)) && !isArabicDigitOrPunctuation(UInt32(v))
    }

    private static func isArabicMark(_ v: UInt32) -> Bool {
        (0x064B...0x065F).contains(v) || v == 0x0670 || (0x06D6...0x06ED).contains(v)
    }

    private static func isArabicDigitOrPunctuation(_ v: UInt32) -> Bool {
        (0x0600...0x061F).contains(v) || (0x0660...0x066D).contains(v) || (0x06F0...0x06F9).contains(v)
    }

    func guess(text: String, hint: String? = nil) -> String {
        var arabic = 0, latin = 0, other = 0
        var scanned = 0
        // Decoded from UTF-8 by hand (a String's text is valid UTF-8): walking `unicodeScalars`
        // cost more than the rest of parsing a plain-text article.
        var text = text
        let letters06 = Self.arabicLetters
        text.withUTF8 { bytes in
            let n = bytes.count
            var p = 0
            while p < n {
                let b0 = UInt32(bytes[p])
                var v = b0
                if b0 >= 0xF0, p + 3 < n {
                    v = (b0 & 0x07) << 18 | (UInt32(bytes[p + 1]) & 0x3F) << 12 | (UInt32(bytes[p + 2]) & 0x3F) << 6 | (UInt32(bytes[p + 3]) & 0x3F)
                    p += 4
                } else if b0 >= 0xE0, p + 2 < n {
                    v = (b0 & 0x0F) << 12 | (UInt32(bytes[p + 1]) & 0x3F) << 6 | (UInt32(bytes[p + 2]) & 0x3F)
                    p += 3
                } else if b0 >= 0xC0, p + 1 < n {
                    v = (b0 & 0x1F) << 6 | (UInt32(bytes[p + 1]) & 0x3F)
                    p += 2
                } else {
                    p += 1
                }
                scanned += 1
                if scanned > 3000 { break }
                // Settled early: once Arabic letters outnumber the others by more than the
                // scalars still to be read, the answer is "ar" whatever follows.
                if scanned & 63 == 0, arabic >= 20,
                   arabic - max(latin, other) >= min(3000 - scanned + 1, n - p + 1) { break }
                if v < 0x80 {
                    if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { latin += 1 }
                } else if v >= 0x0600 && v <= 0x06FF {
                    if letters06[Int(v - 0x0600)] { arabic += 1 }
                } else if (0x0600...0x06FF).contains(v) || (0x0750...0x077F).contains(v)
                            || (0xFB50...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v) {
                    // Letters only: not marks, digits or punctuation (a range test, no property lookup).
                    if !Self.isArabicMark(v) && !Self.isArabicDigitOrPunctuation(v) { arabic += 1 }
                } else if (0xC0...0x24F).contains(v) {
                    latin += 1
                } else if let u = Unicode.Scalar(v), u.properties.isAlphabetic {
                    other += 1
                }
            }
        }
        let hinted = hint.map { String($0.lowercased().prefix { $0.isLetter }) }.flatMap { $0.count == 2 ? $0 : nil }
        let letters = arabic + latin + other
        if letters < 20 { return hinted ?? "und" }
        if arabic >= latin && arabic >= other { return "ar" }
        if other > latin { return hinted.flatMap { $0 == "ar" || $0 == "en" ? nil : $0 } ?? "und" }
        return latinLanguage(text) ?? (hinted.flatMap { $0 == "ar" ? nil : $0 } ?? "und")
    }

    /// The language whose function words are clearly the most frequent in the first few hundred words.
    private func latinLanguage(_ text: String) -> String? {
        var hits = [Int](repeating: 0, count: languages.count)
        var words = 0
        var word: [UInt8] = []
        var length = 0
        var key = WordKey()
        var isASCII = true
        func finish() {
            if length == 0 { return }
            words += 1
            if length <= 24 {
                let found = isASCII ? asciiIndex[key] : index[String(decoding: word, as: UTF8.self)]
                if var mask = found {
                    while mask != 0 {
                        hits[mask.trailingZeroBitCount] += 1
                        mask &= mask - 1
                    }
                }
            }
            if !isASCII { word.removeAll(keepingCapacity: true) }
            length = 0
            key = WordKey()
            isASCII = true
        }
        // Words are runs of ASCII letters and non-ASCII bytes (accented letters), ASCII lowercased.
        // An ASCII word is packed into `key` as it is read; a word with a non-ASCII byte is
        // collected in `word` and looked up as a `String`. The bytes are read in place (`withUTF8`):
        // iterating `utf8` cost more than the lookups.
        var text = text
        text.withUTF8 { bytes in
            for b in bytes {
                if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                    if isASCII {
                        if length < 24 { key.add(b | 0x20, at: length) }
                    } else {
                        word.append(b | 0x20)
                    }
                    length += 1
                } else if b >= 0x80 {
                    if isASCII {
                        // Switch to the String path: copy the ASCII bytes read so far.
                        isASCII = false
                        word.removeAll(keepingCapacity: true)
                        for k in 0..<min(length, 24) {
                            let w = k < 8 ? key.a : k < 16 ? key.b : key.c
                            word.append(UInt8(truncatingIfNeeded: w >> UInt64((k & 7) * 8)))
                        }
                    }
                    word.append(b)
                    length += 1
                } else {
                    finish()
                    if words >= 800 { break }
                }
            }
        }
        finish()
        let ranked = zip(languages, hits).filter { $0.1 > 0 }.map { (key: $0.0, value: $0.1) }
            .sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        guard let first = ranked.first, first.value >= 3 else { return nil }
        if ranked.count > 1 && Double(first.value) < 1.5 * Double(ranked[1].value) { return nil }
        return first.key
    }
}
