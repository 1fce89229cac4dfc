import Foundation

/// What the statements of an input depend on besides the input: qawl's version, the languages
/// extracted, the lexicons and the actor registry. The store keeps, for every input, the
/// fingerprint it was processed with, so that an incremental run can say which of the inputs it
/// leaves alone were processed with another registry or lexicons (their links are last night's,
/// not today's) instead of mixing the two silently. `qawl run --full` processes them again.
public enum ExtractionFingerprint {
    /// The fingerprint of inputs read without extraction (`--no-extract`): they have no statements.
    public static let none = "none"

    /// A hash of the version, the languages and every file under the lexicon and registry folders
    /// (names sorted, with their bytes). Files are small (a few MB in all).
    public static func compute(lexicons: URL, registry: URL, languages: [String]) throws -> String {
        var h = Hash64(seed: 0x6578_7472)   // "extr"
        h.add(Array("qawl \(QawlVersion.string)".utf8))
        h.add(Array(languages.sorted().joined(separator: ",").utf8))
        for root in [lexicons, registry] {
            h.add(Array(root.lastPathComponent.utf8))
            for file in try files(under: root) {
                guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(file).path) else {
                    throw RegistryLoadError.unreadable(file: root.appendingPathComponent(file).path, reason: "not readable")
                }
                h.add(Array(file.utf8))
                h.add([UInt8](data))
            }
        }
        let s = String(h.value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// Regular files under `root`, relative paths, sorted; hidden files and folders and README files
    /// are left out (editing documentation changes no statement). One directory listing per folder
    /// and one `stat` per entry: `FileManager`'s enumerator cost 10 M instructions for the ~100 data
    /// files, more than reading and hashing them, at the start of every run.
    static func files(under root: URL) throws -> [String] {
        guard let top = try? FileManager.default.contentsOfDirectory(atPath: root.path) else {
            throw RegistryLoadError.unreadable(file: root.path, reason: "not a readable folder")
        }
        var out: [String] = []
        // `depth` bounds a folder linked into itself.
        func walk(_ rel: String, _ path: String, _ names: [String], depth: Int) {
            for name in names {
                if name.hasPrefix(".") || name.uppercased().hasPrefix("README") { continue }
                let child = rel.isEmpty ? name : rel + "/" + name, full = path + "/" + name
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir) else { continue }
                if !isDir.boolValue { out.append(child); continue }
                if depth < 16, let inner = try? FileManager.default.contentsOfDirectory(atPath: full) {
                    walk(child, full, inner, depth: depth + 1)
                }
            }
        }
        walk("", root.path, top, depth: 0)
        return out.sorted()
    }
}

extension StatementStore {
    /// One row per input: the extraction fingerprint it was processed with. Created on first use,
    /// so older stores simply have no rows (their inputs count as unknown, never as stale).
    private func ensureExtractionTable() throws {
        try db.exec("CREATE TABLE IF NOT EXISTS extraction(input TEXT PRIMARY KEY, fingerprint TEXT)")
    }

    /// Records `fingerprint` for `input`; called inside the input's transaction, before its commit,
    /// so the two become visible together.
    public func recordExtraction(_ fingerprint: String, for input: String) throws {
        try ensureExtractionTable()
        let s = try db.prepare("INSERT OR REPLACE INTO extraction VALUES(?, ?)")
        s.bind(1, input); s.bind(2, fingerprint)
        try s.run()
    }

    /// The inputs among `inputs` whose recorded fingerprint differs from `fingerprint`, in the
    /// given order. Inputs with no record (stores from before this table) are not reported.
    public func inputs(_ inputs: [String], processedWithOtherThan fingerprint: String) throws -> [String] {
        try ensureExtractionTable()
        let s = try db.prepare("SELECT fingerprint FROM extraction WHERE input = ?")
        var out: [String] = []
        for input in inputs {
            s.bind(1, input)
            var recorded: String?
            try s.forEach { recorded = $0.string(0) }
            if let recorded, recorded != fingerprint { out.append(input) }
        }
        return out
    }

    /// `--full`: forgets the fingerprints with everything else.
    func resetExtraction() throws {
        try ensureExtractionTable()
        try db.exec("DELETE FROM extraction")
    }
}
