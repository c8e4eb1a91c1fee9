import XCTest
final class ExtractTestsPlaceholder: XCTestCase { func testBuilds() {} }
