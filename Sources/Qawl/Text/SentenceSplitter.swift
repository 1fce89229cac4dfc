/// Splits a token stream into sentences. Ends: «.» «؟» «?» «!» «؛» «;» «…» and paragraph breaks;
/// «،» is not an end. Inside an open quotation («…», “…”, „…“, "…") a full stop does not end the
/// sentence, but a paragraph break always does (and closes any open quote). A full stop after an
/// abbreviation («د.», "U.S.", "Mr.") or a single letter is not an end either.
///
///     «قال: "نعم. لا". ثم غادر.» → [«قال: "نعم. لا".», «ثم غادر.»]
public struct SentenceSplitter: Sendable {
    public let abbreviations: Set<WordKey>
    /// `abbreviations` for lookups on bytes.
    private let abbreviationTable: WordSet

    public init(abbreviations: Set<WordKey>) {
        self.abbreviations = abbreviations
        self.abbreviationTable = WordSet(abbreviations)
    }
    public init(abbreviations: Set<String>) { self.init(abbreviations: Set(abbreviations.map(WordKey.init))) }

    /// Token index ranges, one per sentence, without newline tokens; empty sentences are dropped.
    public func split(_ tokens: [Token]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var guillemets = 0      // « » “ ” „ depth
        var asciiOpen = false   // " toggles
        var i = 0
        func close(_ endExclusive: Int) {
            if endExclusive > start { out.append(start..<endExclusive) }
            start = endExclusive
        }
        while i < tokens.count {
            // fields read in place: copying a `Token` retains and releases its `norm`
            let kind = tokens[i].kind
            if kind == .newline {
                close(i); start = i + 1
                guillemets = 0; asciiOpen = false
                i += 1; continue
            }
            guard kind == .punct else { i += 1; continue }
            let punct = tokens[i].punct
            switch punct {
            case 0xAB, 0x201C, 0x201E: guillemets += 1
            case 0xBB, 0x201D: guillemets = max(0, guillemets - 1)
            case 0x22:
                // direction from the neighbours: «"كلمة» opens, «كلمة"» closes; otherwise it toggles.
                // An opening mark while open (an inner quote) changes nothing.
                let before = i > 0 && tokens[i - 1].end == tokens[i].start && tokens[i - 1].kind != .punct
                let after = i + 1 < tokens.count && tokens[i + 1].start == tokens[i].end && tokens[i + 1].kind != .punct && tokens[i + 1].kind != .newline
                if after && !before { asciiOpen = true }
                else if before && !after { asciiOpen = false }
                else { asciiOpen.toggle() }
            case 0x2E, 0x061F, 0x3F, 0x21, 0x061B, 0x3B, 0x2026, 0x06D4:
                let inQuote = guillemets > 0 || asciiOpen
                if punct == 0x2E, i > 0, tokens[i - 1].end == tokens[i].start, tokens[i - 1].kind == .word {
                    let abbreviated = tokens[i - 1].norm.withWordBytes { w in
                        w.count <= 4 && Clitics.scalarCount(w) == 1 || abbreviationTable.contains(bytes: w)   // a letter, or «د»
                    }
                    if abbreviated { i += 1; continue }
                }
                if inQuote { i += 1; continue }
                // take following end punctuation and closing quotes with this sentence
                var j = i + 1
                while j < tokens.count, tokens[j].kind == .punct {
                    let p = tokens[j].punct
                    if p == 0x2E || p == 0x061F || p == 0x3F || p == 0x21 || p == 0x2026 || p == 0xBB || p == 0x201D || p == 0x29 {
                        j += 1
                    } else if p == 0x22, asciiOpen {
                        asciiOpen = false; j += 1
                    } else { break }
                }
                close(j)
                i = j
                continue
            default: break
            }
            i += 1
        }
        close(tokens.count)
        return out.filter { r in r.contains { tokens[$0].kind != .punct } }
    }
}
