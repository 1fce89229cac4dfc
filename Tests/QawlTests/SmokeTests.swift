import XCTest
@testable import Qawl

final class SmokeTests: XCTestCase {
    func testVersionIsSemver() {
        XCTAssertEqual(QawlVersion.string.split(separator: ".").count, 3)
    }
}
