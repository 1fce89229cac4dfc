import ArgumentParser
import Foundation
import Qawl

@main
struct QawlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qawl",
        abstract: "Find who said what and when in news dumps; write per-actor statement timelines.",
        discussion: """
        Inputs: gzip (multi-member), WARC, tar, JSON lines, TREC/Gigaword SGML, RSS/Atom, single HTML
        or text files, recognised by content. Outputs and fields: spec/OUTPUT.md and README.md.
        Exit status: 0 all inputs read, 1 some input unreadable (the rest is still written), 2 bad usage.
        """,
        version: QawlVersion.string,
        subcommands: [Run.self, Docs.self, Merge.self, Eval.self, Actors.self]
    )

    /// Bad usage exits with 2 (the spec's status), not ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
