import Foundation
import XCTest
import GRDB
import Extract
@testable import Store

final class ConcurrencyTests: XCTestCase {
    func testReadersAreNotBlockedByAnOpenWriteTransaction() throws {
        let (store, dir) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.store(letter("5/UBND", date: "2025-01-02", subject: "đơn vị", deadlines: [
            Deadline(due: "2025-02-01", text: "báo cáo trước ngày 01/02/2025")]))
        let writing = expectation(description: "writer holds its transaction")
        let writerStarted = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? store.pool.write { db in
                try db.execute(sql: "UPDATE letters SET subject = subject")
                writerStarted.signal()
                Thread.sleep(forTimeInterval: 1.5)
            }
            writing.fulfill()
        }
        writerStarted.wait()
        let start = Date()
        XCTAssertEqual(try store.deadlines(DeadlineQuery(today: CalendarDate(year: 2025, month: 1, day: 10))).count, 1)
        XCTAssertEqual(try store.search("don vi").count, 1)
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.5, "a reader waited for the writer")
        wait(for: [writing], timeout: 5)
    }

    /// A `watch` starting and a `search` typed at the same moment both find a new index unmigrated;
    /// each must open it, not fail on the migration the other applied first.
    func testManyOpenersOfANewIndexAtOnceAllOpenIt() throws {
        for round in 0..<20 {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-open-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            let path = dir.appendingPathComponent("index.sqlite").path
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                do { _ = try LetterStore(path: path) } catch { failures.add("\(error)") }
            }
            XCTAssertEqual(failures.all, [], "round \(round)")
        }
    }
}

private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
