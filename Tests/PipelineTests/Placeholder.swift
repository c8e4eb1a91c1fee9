import XCTest
final class PipelineTestsPlaceholder: XCTestCase { func testBuilds() {} }
