import Foundation

/// The language knowledge the parse stage reads from `data/boilerplate/`: class/id patterns for
/// main-text extraction, stop words for telling Latin-script languages apart, and the words around
/// visible dates (cues such as «نشر في», month names in English and Arabic).
public struct ParseData: Sendable {
    public var patterns: BoilerplatePatterns
    /// Language code → function words.
    public var stopwords: [String: Set<String>]
    /// Lowercase phrases that introduce a publication date.
    public var dateCues: [String]
    /// Lowercase month name → month number (1...12).
    public var months: [String: Int]

    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(path: String)
        case badLine(path: String, line: Int, text: String)
        public var description: String {
            switch self {
            case .unreadable(let path): return "\(path): cannot read"
            case .badLine(let path, let line, let text): return "\(path):\(line): cannot understand «\(text)»"
            }
        }
    }

    /// Reads `boilerplate/class-patterns.txt`, `boilerplate/stopwords.txt` and
    /// `boilerplate/date-words.txt` under a data directory (see `DataDirectory.locate()`).
    public init(dataDirectory: URL) throws {
        patterns = try BoilerplatePatterns(dataDirectory: dataDirectory)
        let folder = dataDirectory.appendingPathComponent("boilerplate")
        stopwords = [:]
        for (lang, lines) in try Self.sections(folder.appendingPathComponent("stopwords.txt")) {
            stopwords[lang] = Set(lines.flatMap { $0.line.split(separator: " ").map(String.init) })
        }
        let dateFile = folder.appendingPathComponent("date-words.txt")
        let dates = try Self.sections(dateFile)
        dateCues = (dates["cues"] ?? []).map(\.line).sorted { $0.count > $1.count }
        months = [:]
        for (n, line) in dates["months"] ?? [] {
            let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count > 1, let number = Int(parts[0]), (1...12).contains(number) else {
                throw LoadError.badLine(path: dateFile.path, line: n, text: line)
            }
            for name in parts.dropFirst() where !name.isEmpty { months[name] = number }
        }
    }

    /// `[name]` sections of a line-based file, comments (`#`) and blank lines skipped, lines lowercased.
    private static func sections(_ url: URL) throws -> [String: [(number: Int, line: String)]] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw LoadError.unreadable(path: url.path)
        }
        var out: [String: [(number: Int, line: String)]] = [:]
        var current: String?
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                current = String(line.dropFirst().dropLast())
                continue
            }
            guard let current else { throw LoadError.badLine(path: url.path, line: i + 1, text: line) }
            out[current, default: []].append((i + 1, line.lowercased()))
        }
        return out
    }
}
