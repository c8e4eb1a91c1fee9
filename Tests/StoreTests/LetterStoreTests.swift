import Foundation
import XCTest
import Extract
import PostgresStore
@testable import Store

final class LetterStoreTests: IndexTestCase {
    func testTheSameFileContentIsStoredOnceAndReportedAlreadyStored() throws {
        try eachIndex {
        let store = self.store!
            let a = letter("2164/UBND-KGVX", date: "2025-04-17", subject: "đẩy mạnh hoạt động sáng kiến", sha: "ab12")
            let first = try store.store(a)
            let second = try store.store(a)
            guard case .stored(let id) = first else { return XCTFail("first store: \(first)") }
            XCTAssertEqual(second, .alreadyStored(letterID: id))
            XCTAssertEqual(try store.letterCount(), 1)
            XCTAssertEqual(try store.letterID(sha256: "ab12"), id)
        }
    }

    func testTheRecordComesBackWhole() throws {
        try eachIndex {
        let store = self.store!
            let a = letter("09/2022/QĐ-UBND", seq: 9, symbol: "QĐ-UBND", date: "2022-12-20", subject: "ban hành quy chế",
                           deadlines: [Deadline(due: "2023-01-31", precision: .month, text: "hoàn thành trong tháng 1/2023")])
            let id = try store.store(a).letterID
            let row = try XCTUnwrap(store.letter(id: id))
            XCTAssertEqual(try row.record(), a.record)
            XCTAssertEqual(row.numberText, "09/2022/QĐ-UBND")
            XCTAssertEqual(row.seq, 9)
            XCTAssertEqual(row.symbol, "QĐ-UBND")
            XCTAssertEqual(try store.letters(number: "09/2022/QĐ-UBND").map(\.id), [id])
            let deadlines = try store.deadlines(letterID: id)
            XCTAssertEqual(deadlines.map(\.due), ["2023-01-31"])
            XCTAssertEqual(deadlines.first?.precision, "month")
            XCTAssertEqual(deadlines.first?.status, .open)
        }
    }

    func testReopeningAPostgreSQLIndexKeepsItsLetters() throws {
        try eachIndex {
            try store.store(letter("1/UBND", date: "2025-01-02", subject: "một"))
            if let pg = store as? PostgresLetterStore {
                let again = try PostgresLetterStore(session: PostgresSession(pg.session.address), office: TestPostgres.office)
                XCTAssertEqual(try again.letterCount(), 1)
                again.session.close()
            }
        }
    }

    func testReopeningAnExistingIndexKeepsItsLetters() throws {
        let (store, dir) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.store(letter("1/UBND", date: "2025-01-02", subject: "một"))
        let again = try LetterStore(path: store.path)
        XCTAssertEqual(try again.letterCount(), 1)
    }

    func testAnIndexThatCannotBeOpenedSaysWhich() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("not-a-db.sqlite").path
        try Data("this is not an SQLite file, just some text that is long enough".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try LetterStore(path: path)) { error in
            XCTAssertTrue("\(error)".hasPrefix(path + ": cannot open the index"), "\(error)")
        }
    }
}
