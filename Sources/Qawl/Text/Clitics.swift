import Foundation

/// Arabic clitics for matching, from `data/lexicons/ar/clitics.tsv`: proclitics (و ف ب ل ك and their
/// combinations), the article forms (ال، لل) and enclitic pronouns. A token yields the forms it could
/// stand for once its clitics are removed:
///
///     «ولافروف» → [ولافروف, لافروف, افروف] · «للرئيس» → [للرئيس, لرئيس, الرئيس, رئيس] · «والرئيس» → [والرئيس, الرئيس]
public struct Clitics: Sendable {
    /// Normalised proclitics, longest first.
    public let proclitics: [String]
    public let enclitics: [String]

    /// First letters of the proclitics: a token starting with anything else has no stems to try.
    private let firstLetters: Set<Unicode.Scalar>

    public init(proclitics: [String], enclitics: [String]) {
        self.firstLetters = Set(proclitics.compactMap { $0.unicodeScalars.first })
        self.proclitics = proclitics.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
        self.enclitics = enclitics.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
    }

    /// Reads `clitics.tsv` (`kind<TAB>form<TAB>note`, kinds proclitic, article, enclitic).
    public init(contentsOf url: URL) throws {
        var pro: [String] = [], enc: [String] = []
        for line in try LexiconFile.lines(url) {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 2 else { continue }
            let form = ArabicNormalizer.normalize(f[1])
            switch f[0] {
            case "proclitic": pro.append(form)
            case "enclitic": enc.append(form)
            default: break
            }
        }
        self.init(proclitics: pro, enclitics: enc)
    }

    /// The token itself, and the forms it takes with a conjunction (و ف) and/or a preposition (ب ل ك)
    /// removed; «لل…» also yields «ال…». Remainders shorter than two letters are not produced.
    public func stems(_ token: String) -> [String] {
        var out = [token]
        guard let first = token.unicodeScalars.first, firstLetters.contains(first) else { return out }
        let scalars = Array(token.unicodeScalars)
        guard scalars.count > 2 else { return out }
        for p in proclitics {
            let ps = Array(p.unicodeScalars)
            if scalars.count - ps.count >= 2, Array(scalars[0..<ps.count]) == ps {
                var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[ps.count...])
                let s = String(v)
                if !out.contains(s) { out.append(s) }
                // «لل» = ل + ال: restore the article's alef.
                if let last = ps.last, last == "ل", scalars.count > ps.count + 2, scalars[ps.count] == "ل" {
                    var w = String.UnicodeScalarView(); w.append("ا"); w.append(contentsOf: scalars[ps.count...])
                    let a = String(w)
                    if !out.contains(a) { out.append(a) }
                }
            }
        }
        return out
    }

    /// The token without a leading conjunction (و or ف), or nil when it has none.
    public func withoutConjunction(_ token: String) -> String? {
        let s = token.unicodeScalars
        guard s.count > 2, let f = s.first, f == "و" || f == "ف" else { return nil }
        return String(s.dropFirst())
    }
}

/// Reads a lexicon file as non-empty, non-comment lines.
public enum LexiconFile {
    public static func lines(_ url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// A one-word-per-line list, normalised.
    public static func wordSet(_ url: URL) throws -> Set<WordKey> {
        Set(try lines(url).map { WordKey(ArabicNormalizer.normalize($0.split(separator: "\t").first.map(String.init) ?? $0)) })
    }
}
