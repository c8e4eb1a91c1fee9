import Foundation
import XCTest

/// The province's queue under faults, with real processes (scripts/queue-faults.sh): 3 workers,
/// 62 text files from 2 offices, a worker killed with SIGKILL every 2 s, one PostgreSQL restart in
/// the middle; every file must give exactly one letter in its own office, with consecutive
/// register numbers, nothing left in the queue, nothing lost. The script starts a server of its
/// own (it must restart it); it runs where .ci/run could start one (VANTHU_TEST_POSTGRES set).
final class QueueFaultTests: XCTestCase {
    func testEveryFileGivesOneLetterThroughKillsAndAServerRestart() throws {
        guard let url = ProcessInfo.processInfo.environment["VANTHU_TEST_POSTGRES"], !url.isEmpty else {
            throw XCTSkip("VANTHU_TEST_POSTGRES is not set: no PostgreSQL server was started for the tests (.ci/run starts one)")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [packageRoot.appendingPathComponent("scripts/queue-faults.sh").path, try vanthuBinary()]
        p.currentDirectoryURL = packageRoot
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus == 3 {
            throw XCTSkip("no PostgreSQL server could be started here for the fault test: \(text)")
        }
        XCTAssertEqual(p.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("passed"), text)
        print(text.split(separator: "\n").last.map(String.init) ?? "")
    }
}
