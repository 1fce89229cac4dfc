import Foundation
import XCTest
@testable import Qawl

final class InputExpanderTests: XCTestCase {
    func testDirectoriesGlobsAndFilesGiveOneSortedList() throws {
        let dir = Fixture.directory()
        for name in ["b/2.jsonl", "b/sub/1.warc.gz", "a.txt", "c.jsonl.gz", "b/.hidden", ".git/config"] {
            Fixture.write("x", name, in: dir)
        }
        let files = try InputExpander.expand([dir + "/b", dir + "/*.gz", dir + "/a.txt", dir + "/b/2.jsonl", dir + "/./a.txt"])
        XCTAssertEqual(files, [dir + "/a.txt", dir + "/b/2.jsonl", dir + "/b/sub/1.warc.gz", dir + "/c.jsonl.gz"])
        let all = try InputExpander.expand([dir])
        XCTAssertFalse(all.contains { $0.contains(".hidden") || $0.contains(".git") })
        XCTAssertEqual(all.count, 4)
    }

    func testMissingInputAndEmptyGlobAreNamed() {
        XCTAssertThrowsError(try InputExpander.expand(["/no/such/dump.warc.gz"])) { error in
            XCTAssertEqual(error as? InputError, .missing(path: "/no/such/dump.warc.gz"))
        }
        XCTAssertThrowsError(try InputExpander.expand(["/no/such/*.gz"])) { error in
            XCTAssertEqual(error as? InputError, .noMatch(pattern: "/no/such/*.gz"))
        }
    }
}
