import Foundation
import XCTest
import Extract
import GRDB
@testable import Store

/// Issue 5: the initiative reports in the council's queue, from the real fixture texts through
/// LetterExtractor into a real index.
final class InitiativeQueueTests: IndexTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures")


    func fixture(_ name: String) throws -> String {
        try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// Extracts `text` as the pipeline does and stores it; the file's hash is its text's.
    @discardableResult
    func store(_ text: String, file: String) throws -> Int64 {
        let record = LetterExtractor().extract(text: text, file: file)
        let sha = String(text.hashValue.magnitude, radix: 16) + UUID().uuidString
        return try store.store(NewLetter(record: record, fullText: text,
                                         file: OriginalFile(sha256: sha, byteCount: text.utf8.count, originalPath: "/in/\(file)"))).letterID
    }

    func testTheSeedReportIsQueuedWithThreeAuthors30_30_40AndTheDuplicatedRowCheck() throws {
        try eachIndex {
            let letterID = try store(fixture("s002.txt"), file: "s002.txt")
            let queue = try store.initiatives()
            XCTAssertEqual(queue.count, 1)
            let entry = try XCTUnwrap(queue.first)
            XCTAssertEqual(entry.row.letterID, letterID)
            XCTAssertEqual(entry.row.status, .submitted)
            XCTAssertEqual(entry.row.title, "Chỉ thị về việc nâng cao hiệu quả thực hiện Quy chế làm việc của UBND tỉnh")
            XCTAssertEqual(entry.authors.map(\.name), ["Lê Tuấn Phú", "Nguyễn Phương Thảo", "Đông Thị Huệ"])
            XCTAssertEqual(try entry.row.shares(), [30, 30, 40])
            XCTAssertEqual(entry.row.firstApplied, "2024-02-29")
            XCTAssertEqual(entry.checks.map(\.english), ["initiative: the authors' table numbers 2 rows 2"])
            XCTAssertEqual(entry.authorsWithShares, "Lê Tuấn Phú (30%); Nguyễn Phương Thảo (30%); Đông Thị Huệ (40%)")
            XCTAssertEqual(try store.initiatives(status: .accepted).count, 0)
        }
    }

    func testSharesAdding30_30_30AreAChecked() throws {
        try eachIndex {
            let text = try fixture("s002.txt").replacingOccurrences(of: "\t40%\t", with: "\t30%\t")
            try store(text, file: "s002-90.txt")
            let entry = try XCTUnwrap(store.initiatives().first)
            XCTAssertEqual(try entry.row.shares(), [30, 30, 30])
            XCTAssertTrue(entry.checks.map(\.english).contains("initiative: author shares add to 90 %, not 100 %"), "\(entry.checks)")
        }
    }

    func testTheSameReportReadByOCRIsFlaggedAsANearDuplicateOfTheFirst() throws {
        try eachIndex {
            try store(fixture("s002.txt"), file: "s002.txt")
            try store(fixture("initiative/s002-ocr-vie.txt"), file: "s002-ocr-vie.txt")
            let queue = try store.initiatives()
            XCTAssertEqual(queue.count, 2)
            let (first, second) = (queue[0], queue[1])
            let flag = try XCTUnwrap(second.checks.map(\.english).first { $0.hasPrefix("near-duplicate of #\(first.id) (") }, "\(second.checks)")
            XCTAssertTrue(flag.contains("(Chỉ thị về việc nâng cao hiệu quả"), flag)
            let similarity = try XCTUnwrap(second.duplicates.first?.similarity)
            XCTAssertGreaterThanOrEqual(similarity, InitiativeSimilarity.nearDuplicateThreshold)
            XCTAssertTrue(flag.hasSuffix("— similarity \(String(format: "%.2f", similarity))"), flag)
            XCTAssertEqual(first.duplicates.map(\.otherID), [second.id], "the earlier one shows the pair too")
        }
    }

    func testAnUnrelatedLetterIsNotQueuedAndAReportIsNotItsOwnDuplicate() throws {
        try eachIndex {
            try store(fixture("s000.txt"), file: "s000.txt")
            XCTAssertEqual(try store.initiatives().count, 0)
            try store(fixture("s002.txt"), file: "s002.txt")
            XCTAssertEqual(try store.initiatives().first?.duplicates, [])
        }
    }

    func testTheReportIsLinkedToTheMostRecentCampaignLetterWithADeadline() throws {
        try eachIndex {
            // s001 and s004 call for initiatives with deadlines; s003 does too but sets none.
            let s001 = try store(fixture("s001.txt"), file: "s001.txt")
            let s004 = try store(fixture("s004.txt"), file: "s004.txt")
            try store(fixture("s003.txt"), file: "s003.txt")
            try store(fixture("s002.txt"), file: "s002.txt")
            let entry = try XCTUnwrap(store.initiatives().first)
            let dates = try [s001, s004].map { try XCTUnwrap(store.letter(id: $0)?.date) }
            let expected = dates[0] > dates[1] ? s001 : s004
            XCTAssertEqual(entry.row.campaignLetterID, expected)
            XCTAssertEqual(entry.campaignNumber, try store.letter(id: expected)?.numberText)
            XCTAssertNotNil(entry.campaignNumber)
        }
    }

    func testACampaignLetterStoredAfterTheReportIsLinkedToIt() throws {
        try eachIndex {
            try store(fixture("s002.txt"), file: "s002.txt")
            XCTAssertNil(try store.initiatives().first?.row.campaignLetterID)
            let s004 = try store(fixture("s004.txt"), file: "s004.txt")
            XCTAssertEqual(try store.initiatives().first?.row.campaignLetterID, s004)
            // An older campaign (s001, April 2025; s004 is of September) stored later changes nothing.
            try store(fixture("s001.txt"), file: "s001.txt")
            XCTAssertEqual(try store.initiatives().first?.row.campaignLetterID, s004)
        }
    }

    func testAReportStillSubmittedMovesToANewerCampaignOneReviewedStays() throws {
        try eachIndex {
            let s001 = try store(fixture("s001.txt"), file: "s001.txt")
            try store(fixture("s002.txt"), file: "s002.txt")
            try store(fixture("initiative/s002-ocr-vie.txt"), file: "s002-ocr-vie.txt")
            let ids = try store.initiatives().map(\.id)
            XCTAssertEqual(try store.initiatives().map(\.row.campaignLetterID), [s001, s001])
            try store.review(initiative: ids[0], decision: .accept, reviewer: "hoidong")
            let s004 = try store(fixture("s004.txt"), file: "s004.txt")
            XCTAssertEqual(try store.initiatives().map(\.row.campaignLetterID), [s001, s004])
        }
    }

    func testADecisionIsStoredWithItsHistoryAndShowsInListAndSheet() throws {
        try eachIndex {
            try store(fixture("s002.txt"), file: "s002.txt")
            let id = try XCTUnwrap(store.initiatives().first?.id)
            let when = Date(timeIntervalSince1970: 1_750_000_000)
            try store.review(initiative: id, decision: .revise, score: 72, note: "Bổ sung số liệu, \"hiệu quả\"",
                             reviewer: "thuky", at: when)
            var entry = try XCTUnwrap(store.initiative(id: id))
            XCTAssertEqual(entry.row.status, .toRevise)
            XCTAssertEqual(entry.reviews.map(\.toStatus), [.underReview, .toRevise], "the first review puts it under review")
            XCTAssertEqual(entry.row.reviewer, "thuky")
            XCTAssertEqual(entry.row.decidedAt, when)

            try store.review(initiative: id, decision: .accept, score: 85.5, reviewer: "hoidong")
            entry = try XCTUnwrap(store.initiative(id: id))
            XCTAssertEqual(entry.reviews.map(\.fromStatus), [.submitted, .underReview, .toRevise])
            XCTAssertEqual(entry.reviews.map(\.toStatus), [.underReview, .toRevise, .accepted])
            XCTAssertEqual(entry.row.score, 85.5)
            XCTAssertEqual(entry.row.note, "Bổ sung số liệu, \"hiệu quả\"", "a decision without a note keeps the last one")
            XCTAssertEqual(try store.initiatives(status: .accepted).map(\.id), [id])
            XCTAssertEqual(try store.initiatives(status: .submitted).count, 0)

        }
    }

    func testReviewingAnUnknownInitiativeFails() throws {
        try eachIndex {
            XCTAssertThrowsError(try store.review(initiative: 42, decision: .accept, reviewer: "x")) {
                XCTAssertEqual($0 as? StoreError, .noSuchInitiative(42))
            }
        }
    }

    func testAReworkedTitleOfTheSameReportIsStillFlagged() throws {
        try eachIndex {
            try store(fixture("s002.txt"), file: "s002.txt")
            let reworded = try fixture("s002.txt").replacingOccurrences(
                of: "Chỉ thị về việc nâng cao hiệu quả thực hiện Quy chế làm việc của UBND tỉnh",
                with: "Giải pháp nâng cao hiệu quả thực thi Quy chế làm việc của Ủy ban nhân dân tỉnh")
            try store(reworded, file: "s002-reworded.txt")
            let second = try XCTUnwrap(store.initiatives().last)
            XCTAssertEqual(second.row.title, "Giải pháp nâng cao hiệu quả thực thi Quy chế làm việc của Ủy ban nhân dân tỉnh")
            XCTAssertEqual(second.duplicates.map(\.otherID), [try XCTUnwrap(store.initiatives().first?.id)])
        }
    }

    /// SQLite only: an index made by an earlier version of the SQLite store.
    func testAnIndexFilledBeforeTheQueueExistedQueuesItsReportsWhenOpened() throws {
        let (sqlite, dir) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        store = sqlite
        let path = dir.appendingPathComponent("old/vanthu.sqlite").path
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        do {
            let old = try DatabaseQueue(path: path)
            try StoreMigrations.migrator.migrate(old, upTo: "v1: letters, files, deadlines, references, links, jobs")
            try old.write { db in
                // Rows as version 1 wrote them: its columns only, in plain SQL.
                for name in ["s001.txt", "s002.txt", "initiative/s002-ocr-vie.txt"] {
                    let text = try fixture(name)
                    let record = LetterExtractor().extract(text: text, file: name)
                    let json = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
                    try db.execute(sql: """
                        INSERT INTO letters (record_json, number_text, issuer, date, kind, subject, full_text, stored_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, '2026-06-30 18:00:00.000')
                        """, arguments: [json, record.number?.text, record.issuer?.name, record.date, record.kind.rawValue,
                                         record.subject, text])
                    let id = db.lastInsertedRowID
                    try db.execute(sql: "INSERT INTO letter_search(rowid, subject, issuer, number, body) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [id, Folding.fold(record.subject ?? ""), Folding.fold(record.issuer?.name ?? ""),
                                               Folding.fold(record.number?.text ?? ""), Folding.fold(text)])
                    for d in record.deadlines {
                        try db.execute(sql: "INSERT INTO deadlines (letter_id, due, precision, clause, status) VALUES (?, ?, ?, ?, 'open')",
                                       arguments: [id, d.due, d.precision.rawValue, d.text])
                    }
                }
                XCTAssertFalse(try db.tableExists("initiatives"))
            }
        }
        let reopened = try LetterStore(path: path)
        let queue = try reopened.initiatives()
        XCTAssertEqual(queue.map(\.row.letterID), [2, 3])
        XCTAssertEqual(queue.map(\.row.campaignLetterID), [1, 1])
        XCTAssertEqual(queue[0].checks.first?.english, "initiative: the authors' table numbers 2 rows 2")
        XCTAssertEqual(try reopened.scalar("SELECT count(*) FROM letters WHERE is_initiative IS NULL"), 0, "every old row flagged")
        XCTAssertEqual(queue[1].duplicates.map(\.otherID), [queue[0].id])
        // Migration v3 numbered them in the order stored, in the year they were stored in
        // Vietnam (18:00 UTC on 30 June is 1 July there), and the next letter follows on.
        XCTAssertEqual(try reopened.register(RegisterQuery(today: CalendarDate(year: 2026, month: 7, day: 2)))
            .map { "\($0.arrivalNumber) \($0.arrivalDate)" }, ["1 2026-07-01", "2 2026-07-01", "3 2026-07-01"])
        reopened.arrivalDay = { CalendarDate(year: 2026, month: 7, day: 2) }
        try reopened.store(letter("9/UBND", date: "2026-07-01", subject: "sau"))
        XCTAssertEqual(try reopened.letter(id: 4)?.arrivalNumber, 4)
        XCTAssertEqual(try reopened.search("\"sáng kiến\"").isEmpty, false, "the written-words table was filled from the letters")
    }

    /// SQLite only: the SQLite store's fingerprint cache (PostgresStore's is checked the same way).
    func testAKeptFingerprintIsComputedAnewWhenItsRowNowHoldsAnotherReport() throws {
        let (sqlite, dir) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        store = sqlite
        try store(fixture("s002.txt"), file: "s002.txt")
        let id = try XCTUnwrap(store.initiatives().first?.id)
        let before = try sqlite.pool.read { db in try sqlite.fingerprints.queued(db) }
        XCTAssertEqual(before.map(\.id), [id])
        // The row's id taken by another report, as after a rolled-back transaction.
        let other = Initiative(title: "Phần mềm quản lý kho lưu trữ", summary: "Số hoá hồ sơ lưu trữ của cơ quan.")
        try sqlite.pool.write { db in
            try db.execute(sql: "UPDATE initiatives SET title = ?, summary = ? WHERE id = ?",
                           arguments: [other.title, other.summary, id])
        }
        let after = try sqlite.pool.read { db in try sqlite.fingerprints.queued(db) }
        XCTAssertEqual(after.first?.fingerprint, InitiativeFingerprint(other))
        XCTAssertNotEqual(after.first?.fingerprint, before.first?.fingerprint)
    }
}
