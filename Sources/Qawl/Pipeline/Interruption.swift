import Foundation

/// SIGINT and SIGTERM stop a run cleanly: the reader stops taking records, the input being read is
/// left out of the store (its transaction is rolled back, so the next run processes it again),
/// outputs are not rewritten (the previous ones stay as they were) and the run exits 130.
public enum Interruption {
    nonisolated(unsafe) static var flag: sig_atomic_t = 0

    public static var requested: Bool { flag != 0 }

    /// Installs the handlers; a second signal ends the process at once.
    public static func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { s in
                if Interruption.flag != 0 { _exit(128 + s) }
                Interruption.flag = 1
            }
        }
    }

    public struct Interrupted: Error, CustomStringConvertible {
        public var storedInputs: Int
        public var description: String {
            "interrupted: \(storedInputs) inputs are in the store; outputs were left as they were; run again to resume"
        }
    }
}
