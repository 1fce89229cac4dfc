#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Turns the inputs of a run (command line or `pipelines/*.yaml`) into the list of files to read:
/// files as given, directories walked recursively (hidden files and folders skipped, symbolic
/// links to folders not followed), globs expanded with glob(3). The result is sorted and free of
/// duplicates (paths tidied: `./a//b` → `a/b`), so the run reads files in the same order every time.
///
///     ["dumps/", "extra/*.jsonl.gz", "dumps/a.warc.gz"]
///     → ["dumps/a.warc.gz", "dumps/sub/b.trec.xml.gz", "extra/x.jsonl.gz"]
///
/// A missing file or a glob that matches nothing throws `InputError` naming it.
public enum InputExpander {
    public static func expand(_ inputs: [String]) throws -> [String] {
        var files: [String] = []
        for input in inputs {
            if FileManager.default.fileExists(atPath: input) {
                try add(input, to: &files)
            } else if input.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) {
                let matches = glob(input)
                if matches.isEmpty { throw InputError.noMatch(pattern: input) }
                for match in matches { try add(match, to: &files) }
            } else {
                throw InputError.missing(path: input)
            }
        }
        return Array(Set(files.map(normalised))).sorted()
    }

    private static func add(_ path: String, to files: inout [String]) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw InputError.missing(path: path) }
        if isDir.boolValue { try walk(path, into: &files) } else { files.append(path) }
    }

    private static func walk(_ dir: String, into files: inout [String]) throws {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: dir) }
        catch { throw InputError.unreadable(path: dir, reason: error.localizedDescription) }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFDIR: try walk(path, into: &files)
            case S_IFREG: files.append(path)
            case S_IFLNK:
                // A link to a file is read; a link to a folder is not followed (no cycles).
                var target = stat()
                if stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG { files.append(path) }
            default: continue
            }
        }
    }

    private static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        guard Glibc.glob(pattern, 0, nil, &g) == 0 else { return [] }
        return (0..<Int(g.gl_pathc)).compactMap { g.gl_pathv[$0].map { String(cString: $0) } }
    }

    /// `./a//b.gz` and `a/b.gz` are the same file: both are listed as `a/b.gz`.
    private static func normalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." { parts.append(part) }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
