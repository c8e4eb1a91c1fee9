import Foundation
import XCTest
import GRDB
import Extract
@testable import Store

/// The register on a real index: số đến, ngày đến, paper letters, assignment, history.
final class RegisterTests: IndexTestCase {

    func numbers() throws -> [[Int]] {
        try intRows("SELECT arrival_year, arrival_number FROM letters ORDER BY id")
    }

    func testNumbersStartAtOneEachYearAndALetterStoredAgainKeepsItsNumber() throws {
        try eachIndex {
            store.arrivalDay = { CalendarDate(year: 2026, month: 12, day: 30) }
            let a = letter("1/UBND", date: "2026-12-01", subject: "một")
            try store.store(a)
            try store.store(letter("2/UBND", date: "2026-12-02", subject: "hai"))
            XCTAssertEqual(try store.store(a), .alreadyStored(letterID: 1))
            store.arrivalDay = { CalendarDate(year: 2027, month: 1, day: 1) }
            try store.store(letter("3/UBND", date: "2026-12-30", subject: "ba"))
            try store.store(letter("4/UBND", date: "2026-12-31", subject: "bốn"))
            XCTAssertEqual(try numbers(), [[2026, 1], [2026, 2], [2027, 1], [2027, 2]])
            let entries = try store.register(RegisterQuery(today: CalendarDate(year: 2027, month: 1, day: 2)))
            XCTAssertEqual(entries.map(\.arrivalDate), ["2026-12-30", "2026-12-30", "2027-01-01", "2027-01-01"])
        }
    }

    func testAReceivedStampGivesTheArrivalDateAndItsYear() throws {
        try eachIndex {
            store.arrivalDay = { CalendarDate(year: 2027, month: 1, day: 5) }
            var stamped = letter("9/SNV", date: "2026-12-20", subject: "đóng dấu đến")
            stamped.record.receivedDate = "2026-12-29"
            try store.store(stamped)
            try store.store(letter("10/SNV", date: "2027-01-02", subject: "không dấu"))
            XCTAssertEqual(try numbers(), [[2026, 1], [2027, 1]])
            let row = try XCTUnwrap(store.letter(id: 1))
            XCTAssertEqual(row.arrivalDate, "2026-12-29")
        }
    }

    func testANumberIsNeverGivenTwiceEvenWhenItsLetterIsGone() throws {
        try eachIndex {
            store.arrivalDay = { CalendarDate(year: 2026, month: 3, day: 1) }
            try store.store(letter("1/A", date: "2026-02-01", subject: "a"))
            try store.store(letter("2/A", date: "2026-02-01", subject: "b"))
            try execute("DELETE FROM letter_links; DELETE FROM deadlines; DELETE FROM letter_references; DELETE FROM original_files WHERE letter_id = 2; DELETE FROM letters WHERE id = 2")
            try store.store(letter("3/A", date: "2026-02-01", subject: "c"))
            XCTAssertEqual(try numbers(), [[2026, 1], [2026, 3]])
        }
    }

    func testAPaperLetterIsJoinedByItsLaterScan() throws {
        try eachIndex {
            store.arrivalDay = { CalendarDate(year: 2026, month: 11, day: 20) }
            let paper = try store.registerPaper(PaperLetter(number: "12/QĐ-UBND", date: CalendarDate(year: 2026, month: 11, day: 18),
                                                            issuer: "Ủy ban nhân dân tỉnh Quảng Ngãi", subject: "thành lập hội đồng",
                                                            kind: .quyetDinh), by: "vanthu-test")
            try store.store(letter("5/UBND", date: "2026-11-19", subject: "khác"))
            store.arrivalDay = { CalendarDate(year: 2026, month: 11, day: 25) }
            let scan = letter("12/QĐ-UBND", date: "2026-11-18", subject: "Về việc thành lập Hội đồng xét sáng kiến",
                              deadlines: [Deadline(due: "2026-12-10", text: "báo cáo trước ngày 10/12/2026")])
            XCTAssertEqual(try store.store(scan), .stored(letterID: paper.id!))
            let joined = try XCTUnwrap(store.letter(id: paper.id!))
            XCTAssertEqual(joined.arrivalNumber, 1)
            XCTAssertEqual(joined.arrivalDate, "2026-11-20")
            XCTAssertFalse(joined.paper)
            XCTAssertEqual(joined.subject, "Về việc thành lập Hội đồng xét sáng kiến")
            XCTAssertEqual(try store.letterCount(), 2)
            XCTAssertEqual(try store.deadlines(letterID: paper.id!).count, 1)
            // The scan's words are found, the typed subject's are not.
            XCTAssertEqual(try store.search("sáng kiến").map(\.letterID), [paper.id!])
            XCTAssertEqual(try store.history(letterID: paper.id!).map(\.action), [.registered, .scanJoined])
            // Another letter with the same number from another issuer takes its own number.
            let other = letter("12/QĐ-UBND", date: "2026-11-18", subject: "khác", issuer: "SỞ NỘI VỤ")
            XCTAssertEqual(try store.store(other), .stored(letterID: 3))
            XCTAssertEqual(try store.letter(id: 3)?.arrivalNumber, 3)
        }
    }

    func testAssignmentHandsTheDeadlinesAndEveryChangeIsKept() throws {
        try eachIndex {
            try store.store(letter("7/UBND-KT", date: "2026-10-01", subject: "báo cáo", deadlines: [
                Deadline(due: "2026-12-15", text: "báo cáo trước ngày 15/12/2026")]))
            let at = ISO8601DateFormatter().date(from: "2026-12-01T02:30:00Z")!
            try store.assign(letterID: 1, unit: "Phòng Nội vụ", person: "Nguyễn Văn A",
                             due: CalendarDate(year: 2026, month: 12, day: 10), note: "trình lãnh đạo", by: "lan", at: at)
            var q = DeadlineQuery(today: CalendarDate(year: 2026, month: 12, day: 1))
            q.unit = "Phòng Nội vụ"
            let held = try store.deadlines(q)
            XCTAssertEqual(held.map(\.deadline.due), ["2026-12-10", "2026-12-15"])
            XCTAssertTrue(held.allSatisfy { $0.deadline.person == "Nguyễn Văn A" })
            q.unit = "Văn phòng"
            XCTAssertEqual(try store.deadlines(q).count, 0)
            try store.markDone(deadline: held[1].deadline.id!, by: "lan", note: nil, reply: "15/BC-UBND", at: at)
            let history = try store.history(letterID: 1)
            XCTAssertEqual(history.map(\.action), [.assigned, .done])
            XCTAssertEqual(history.map(\.actor), ["lan", "lan"])
            XCTAssertEqual(history[0].at, "2026-12-01T09:30:00+07:00")
            let entry = try XCTUnwrap(store.register(RegisterQuery(today: CalendarDate(year: 2026, month: 12, day: 1))).first)
            XCTAssertEqual(entry.unit, "Phòng Nội vụ")
            XCTAssertEqual(entry.due, "2026-12-10")
            XCTAssertEqual(entry.progress, .open)
            XCTAssertEqual(entry.replyNumber, "15/BC-UBND")
            XCTAssertEqual(entry.note, "trình lãnh đạo")
        }
    }

    func testANumberIsFoundAsTypedAndTheClosestAreNamed() throws {
        try eachIndex {
            try store.store(letter("2164/UBND-KGVX", date: "2026-10-01", subject: "a"))
            try store.store(letter("12/QĐ-UBND", date: "2026-10-02", subject: "b"))
            XCTAssertEqual(try store.letters(numbered: "2164 / ubnd-kgvx").map(\.id), [1])
            XCTAssertEqual(try store.letters(numbered: "12/QD-UBND").map(\.id), [2])
            XCTAssertEqual(try store.letters(numbered: "12/qđ-ubnd").map(\.id), [2])
            XCTAssertEqual(try store.letters(numbered: "2164/UBND–KGVX").map(\.id), [1], "an en dash for the hyphen")
            XCTAssertEqual(try store.letters(numbered: "2146/UBND-KGVX").count, 0)
            XCTAssertEqual(try store.closestLetters(to: "2146/UBND-KGVX").map(\.id), [1])
        }
    }
}

/// Recurring deadlines as a clerk reads them: one open row, the current period's.
final class RollingDeadlineTests: IndexTestCase {
    func testAYearlyDeadlineRollsToThisYearsAndDoneBringsNextYears() throws {
        try eachIndex {
            let (store, dir) = try temporaryStore()
            defer { try? FileManager.default.removeItem(at: dir) }
            try store.store(letter("/UBND-VHXH", date: "2025-09-10", subject: "sáng kiến", deadlines: [
                Deadline(due: "2025-11-30", precision: .month, recurrence: .yearly, text: "chậm nhất trong tháng 11 hằng năm")]))
            let today = CalendarDate(year: 2026, month: 12, day: 1)
            try store.rollForward(today: today)
            try store.rollForward(today: today)   // idempotent
            let open = try store.deadlines(DeadlineQuery(today: today))
            XCTAssertEqual(open.map(\.deadline.due), ["2026-11-30"])
            XCTAssertEqual(open[0].daysLeft(today: today), -1)
            var all = DeadlineQuery(today: today)
            all.includeDone = true
            XCTAssertEqual(try store.deadlines(all).map { "\($0.deadline.due) \($0.deadline.status.rawValue)" },
                           ["2025-11-30 lapsed", "2026-11-30 open"])
            let closing = try store.markDone(deadline: open[0].deadline.id!, by: "lan", note: nil)
            XCTAssertEqual(closing.next?.due, "2027-11-30")
            XCTAssertEqual(try store.deadlines(DeadlineQuery(today: today)).map(\.deadline.due), ["2027-11-30"])
        }
    }

    func testAWeeklyDeadlineLeftForMonthsShowsThisWeeksOnly() throws {
        try eachIndex {
            let (store, dir) = try temporaryStore()
            defer { try? FileManager.default.removeItem(at: dir) }
            // 2026-05-15 is a Friday; 2026-12-01 a Tuesday, in the week of Monday 30 November.
            try store.store(letter("3/UBND", date: "2026-05-11", subject: "giao ban", deadlines: [
                Deadline(due: "2026-05-15", recurrence: .weekly, text: "báo cáo vào thứ Sáu hằng tuần")]))
            let today = CalendarDate(year: 2026, month: 12, day: 1)
            try store.rollForward(today: today)
            let open = try store.deadlines(DeadlineQuery(today: today))
            XCTAssertEqual(open.map(\.deadline.due), ["2026-12-04"])
            var within = DeadlineQuery(today: today)
            within.withinDays = 30
            XCTAssertEqual(try store.deadlines(within).count, 1)
            var all = DeadlineQuery(today: today)
            all.includeDone = true
            let rows = try store.deadlines(all)
            XCTAssertEqual(rows.filter { $0.deadline.status == .lapsed }.count, 29)
            XCTAssertEqual(Set(rows.map(\.deadline.position)), [0], "every occurrence keeps its place in the letter")
        }
    }

    func testAQuarterlyDeadlineRollsByQuarter() throws {
        try eachIndex {
            let (store, dir) = try temporaryStore()
            defer { try? FileManager.default.removeItem(at: dir) }
            try store.store(letter("4/UBND", date: "2026-02-01", subject: "quý", deadlines: [
                Deadline(due: "2026-04-15", recurrence: .quarterly, text: "định kỳ hằng quý, trước ngày 15 của tháng đầu quý sau")]))
            let today = CalendarDate(year: 2026, month: 12, day: 1)
            try store.rollForward(today: today)
            XCTAssertEqual(try store.deadlines(DeadlineQuery(today: today)).map(\.deadline.due), ["2026-10-15"])
        }
    }
}

/// A query with diacritics matches them, or text that has none; a quoted query is a phrase.
final class ExactWordSearchTests: IndexTestCase {
    func testSangKienFindsSangKienAndStrippedTextButNotKienOrSangAlone() throws {
        try eachIndex {
            let (store, dir) = try temporaryStore()
            defer { try? FileManager.default.removeItem(at: dir) }
            try store.store(letter("1/A", date: "2026-01-01", subject: "phát động sáng kiến"))
            try store.store(letter("2/A", date: "2026-01-01", subject: "phat dong sang kien cap tinh"))
            try store.store(letter("3/A", date: "2026-01-01", subject: "xử lý vụ kiện vào buổi sáng"))
            try store.store(letter("4/A", date: "2026-01-01", subject: "buổi sáng họp, lấy kiến nghị"))
            try store.store(letter("5/A", date: "2026-01-01", subject: "sáng tạo"))
            XCTAssertEqual(Set(try store.search("sáng kiến").map(\.letterID)), [1, 2, 4])
            XCTAssertEqual(Set(try store.search("\"sáng kiến\"").map(\.letterID)), [1, 2])
            XCTAssertEqual(Set(try store.search("sang kien").map(\.letterID)), [1, 2, 3, 4])
            XCTAssertEqual(Set(try store.search("\"sang kien\"").map(\.letterID)), [1, 2])
            // A stripped `kien` may be any of them: it is found too.
            XCTAssertEqual(Set(try store.search("kiện").map(\.letterID)), [2, 3])
            // A folded word and an exact one together.
            XCTAssertEqual(Set(try store.search("cap \"sáng kiến\"").map(\.letterID)), [2])
            let hit = try XCTUnwrap(store.search("\"sáng kiến\"").first { $0.letterID == 1 })
            XCTAssertTrue(hit.snippet.contains("«sáng kiến»"), hit.snippet)
        }
    }
}
