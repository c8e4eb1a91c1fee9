import Foundation
import XCTest
import Extract
@testable import Store

final class DeadlineTests: IndexTestCase {
    let today = CalendarDate(year: 2025, month: 9, day: 20)

    func storeS004Like() throws -> Int64 {
        try store.store(letter("125/UBND", date: "2025-09-10", subject: "công nhận sáng kiến", deadlines: [
            Deadline(due: "2025-09-25", text: "gửi về Phòng Văn hoá - Xã hội trước ngày 25/9"),
            Deadline(due: "2025-09-30", text: "nộp Sở Khoa học và Công nghệ trước ngày 30/9/2025"),
            Deadline(due: "2025-11-30", precision: .month, recurrence: .yearly,
                     text: "chậm nhất trong tháng 11 hằng năm"),
        ])).letterID
    }

    func testOpenDeadlinesComeByDueDateWithTheirLetter() throws {
        try eachIndex {
            let id = try storeS004Like()
            try store.store(letter("7/SKHCN", date: "2025-08-01", subject: "báo cáo", deadlines: [
                Deadline(due: "2025-09-10", text: "báo cáo trước ngày 10/9/2025")]))
            let items = try store.deadlines(DeadlineQuery(today: today))
            XCTAssertEqual(items.map(\.deadline.due), ["2025-09-10", "2025-09-25", "2025-09-30", "2025-11-30"])
            XCTAssertEqual(items[1].letterID, id)
            XCTAssertEqual(items[1].number, "125/UBND")
            XCTAssertEqual(items[0].daysLeft(today: today), -10)
            XCTAssertEqual(items[1].daysLeft(today: today), 5)
        }
    }

    func testFilters() throws {
        try eachIndex {
            _ = try storeS004Like()
            try store.store(letter("7/SKHCN", date: "2025-08-01", subject: "báo cáo", deadlines: [
                Deadline(due: "2025-09-10", text: "báo cáo trước ngày 10/9/2025")]))
            var q = DeadlineQuery(today: today)
            q.overdueOnly = true
            XCTAssertEqual(try store.deadlines(q).map(\.deadline.due), ["2025-09-10"])
            q = DeadlineQuery(today: today); q.withinDays = 7
            XCTAssertEqual(try store.deadlines(q).map(\.deadline.due), ["2025-09-25"])
            q.withinDays = 10
            XCTAssertEqual(try store.deadlines(q).map(\.deadline.due), ["2025-09-25", "2025-09-30"])
            q = DeadlineQuery(today: today); q.from = "2025-09-26"; q.to = "2025-11-30"
            XCTAssertEqual(try store.deadlines(q).map(\.deadline.due), ["2025-09-30", "2025-11-30"])
        }
    }

    func testDoneDeadlinesLeaveTheListButNotAll() throws {
        try eachIndex {
            _ = try storeS004Like()
            let first = try XCTUnwrap(store.deadlines(DeadlineQuery(today: today)).first?.deadline.id)
            let closing = try store.markDone(deadline: first, by: "vanthu", note: "đã gửi")
            XCTAssertEqual(closing.closed.status, .done)
            XCTAssertNil(closing.next)
            XCTAssertEqual(try store.deadlines(DeadlineQuery(today: today)).map(\.deadline.due), ["2025-09-30", "2025-11-30"])
            var all = DeadlineQuery(today: today); all.includeDone = true
            let done = try XCTUnwrap(store.deadlines(all).first { $0.deadline.id == first })
            XCTAssertEqual(done.deadline.closedBy, "vanthu")
            XCTAssertEqual(done.deadline.note, "đã gửi")
            XCTAssertNotNil(done.deadline.closedAt)

            let reopened = try store.reopen(deadline: first)
            XCTAssertEqual(reopened.status, .open)
            XCTAssertNil(reopened.closedAt)
            XCTAssertEqual(try store.deadlines(DeadlineQuery(today: today)).count, 3)
        }
    }

    func testARecurringDeadlineMarkedDoneProducesItsNextOccurrenceOnce() throws {
        try eachIndex {
            _ = try storeS004Like()
            let yearly = try XCTUnwrap(store.deadlines(DeadlineQuery(today: today)).first { $0.deadline.recurrence == "yearly" })
            let closing = try store.markDone(deadline: yearly.deadline.id!, by: nil, note: nil)
            XCTAssertEqual(closing.next?.due, "2026-11-30")
            XCTAssertEqual(closing.next?.status, .open)
            XCTAssertEqual(closing.next?.recurrence, "yearly")
            XCTAssertEqual(closing.next?.previousID, yearly.deadline.id)
            // Reopened and done again: still one next occurrence.
            try store.reopen(deadline: yearly.deadline.id!)
            try store.markDone(deadline: yearly.deadline.id!, by: nil, note: nil)
            let open = try store.deadlines(DeadlineQuery(today: today)).map(\.deadline.due)
            XCTAssertEqual(open, ["2025-09-25", "2025-09-30", "2026-11-30"])
        }
    }

    func testNextOccurrences() {
        XCTAssertEqual(DeadlineSchedule.next(after: "2025-01-31", recurrence: .monthly, precision: .day), "2025-02-28")
        XCTAssertEqual(DeadlineSchedule.next(after: "2025-02-28", recurrence: .monthly, precision: .month), "2025-03-31")
        XCTAssertEqual(DeadlineSchedule.next(after: "2025-10-20", recurrence: .monthly, precision: .day), "2025-11-20")
        XCTAssertEqual(DeadlineSchedule.next(after: "2025-12-20", recurrence: .monthly, precision: .day), "2026-01-20")
        XCTAssertEqual(DeadlineSchedule.next(after: "2025-12-29", recurrence: .weekly, precision: .day), "2026-01-05")
        XCTAssertEqual(DeadlineSchedule.next(after: "2024-02-29", recurrence: .yearly, precision: .day), "2025-02-28")
    }

    func testMarkingAnUnknownDeadlineSaysSo() throws {
        try eachIndex {
            XCTAssertThrowsError(try store.markDone(deadline: 999, by: nil, note: nil)) { error in
                XCTAssertEqual(error as? StoreError, .noSuchDeadline(999))
            }
        }
    }
}
