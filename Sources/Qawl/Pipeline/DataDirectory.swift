import Foundation

/// Finds the `data/` folder (lexicons, actor registry) at run time. Language knowledge lives in
/// data files, not in code, so the binary needs to locate them: `--data`, `$QAWL_DATA`, then a
/// `data/` folder next to or above the executable (the repository layout), then the working directory.
public enum DataDirectory {
    public static func locate(explicit: String? = nil) -> URL? {
        let fm = FileManager.default
        func valid(_ url: URL) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: url.appendingPathComponent("lexicons").path, isDirectory: &isDir) && isDir.boolValue
        }
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = ProcessInfo.processInfo.environment["QAWL_DATA"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("data")
            if valid(candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        var cwd = URL(fileURLWithPath: fm.currentDirectoryPath)
        for _ in 0..<4 {
            let candidate = cwd.appendingPathComponent("data")
            if valid(candidate) { return candidate }
            cwd = cwd.deletingLastPathComponent()
        }
        return nil
    }
}
