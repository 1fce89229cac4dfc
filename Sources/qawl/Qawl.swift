import ArgumentParser
import Qawl

@main
struct QawlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qawl",
        abstract: "Find who said what and when in news dumps; write per-actor statement timelines.",
        version: QawlVersion.string,
        subcommands: [Eval.self]
    )
}
