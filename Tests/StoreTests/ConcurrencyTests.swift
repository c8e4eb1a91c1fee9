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
}
