import Foundation
import XCTest
import Extract
import PostgresStore
@testable import Store

/// The bulk loader (`PostgresLetterStore.bulkStore`, the province bench's) writes the rows `store`
/// writes: the same letters stored one by one in office T and in bulk in office U give the same
/// columns (search vectors, số đến, deadlines, files, counters), ids and times aside; and the
/// letters the bulk path does not take (a citation) go through `store`'s path. PostgreSQL only.
final class BulkLoadTests: XCTestCase {
    func letters(_ tag: String) -> [NewLetter] {
        var out: [NewLetter] = []
        for i in 1...12 {
            var l = letter("\(i)/UBND-\(tag)", date: "2026-0\(1 + i % 9)-1\(i % 10)", subject: "Đẩy mạnh phong trào số \(i) về đơn vị",
                           body: "ỦY BAN NHÂN DÂN\nSố: \(i)/UBND-\(tag)\nV/v đẩy mạnh phong trào \(i)\nĐề nghị báo cáo trước ngày 30/6/2026.\n",
                           deadlines: i % 3 == 0 ? [] : [Deadline(due: "2026-06-\(10 + i)", text: "báo cáo trước ngày \(10 + i)/6/2026"),
                                                         Deadline(due: "2026-07-01", precision: .month, recurrence: i % 2 == 0 ? .monthly : nil,
                                                                  text: "hằng tháng")],
                           sha: "\(tag)\(i)")
            if i % 4 == 0 {
                // A text whose diacritics were put back: the words as they came are searched too.
                l = NewLetter(record: l.record, fullText: l.fullText, originalText: Folding.fold(l.fullText), file: l.file)
            }
            if i == 5 { l.record.receivedDate = "2025-12-30" }   // another year's register
            out.append(l)
        }
        out.append(out[2])   // the same content twice in one batch: stored once
        return out
    }

    func rows(_ s: PostgresSession, office: String) throws -> [String] {
        // Each row as one text (a row value's text form: NULL is an empty field).
        func all(_ sql: String) throws -> [String] {
            try s.query("SELECT (q.*)::text AS r FROM (\(sql)) q", [.text(office)]).map { try $0("r", as: String.self) }
        }
        // Ids differ between the offices: each row is named by its letter's số đến instead. The
        // record's JSON is compared as JSON (JSONEncoder's key order is not fixed from one call to the next).
        return try all("""
            SELECT record_json::jsonb, number_text, number_key, seq::text, symbol, issuer, date, kind, subject, full_text,
                   is_initiative::text, calls_for_initiatives::text, arrival_year::text, arrival_number::text, arrival_date,
                   unit, person, register_note, paper::text, search_folded::text, search_written::text
            FROM letters WHERE office = $1 ORDER BY id
            """)
            + all("""
            SELECT l.arrival_year::text, l.arrival_number::text, d.due, d.precision, d.recurrence, d.clause, d.status, d.unit, d.person,
                   d.position::text, d.previous_id::text
            FROM deadlines d JOIN letters l ON l.id = d.letter_id WHERE d.office = $1 ORDER BY d.id
            """)
            + all("""
            SELECT l.arrival_number::text, f.sha256, f.byte_count::text, f.original_path, f.archive_path
            FROM original_files f JOIN letters l ON l.id = f.letter_id WHERE f.office = $1 ORDER BY f.id
            """)
            + all("SELECT year::text, last_number::text FROM arrival_counters WHERE office = $1 ORDER BY year")
    }

    func testTheBulkLoaderWritesTheRowsStoreWrites() throws {
        let one = try TestPostgres.freshStore(for: "BulkLoadTests")
        defer { one.session.close() }
        try OfficeAdmin.addOffice(code: "U", name: "Cơ quan U", session: one.session)
        let bulk = try PostgresLetterStore(session: one.session, office: "U", migrate: false)
        let day = CalendarDate(year: 2026, month: 3, day: 2)
        one.arrivalDay = { day }
        bulk.arrivalDay = { day }
        let batch = letters("A")
        let stored = try batch.map { try one.store($0) }
        let loaded = try bulk.bulkStore(batch)
        XCTAssertEqual(stored.map(\.isNew), loaded.map(\.isNew))
        // Again: nothing new, each content named by its letter.
        XCTAssertEqual(try bulk.bulkStore(Array(batch.prefix(3))).map(\.letterID), Array(loaded.prefix(3)).map(\.letterID))
        let a = try rows(one.session, office: "T"), b = try rows(one.session, office: "U")
        XCTAssertEqual(a.count, b.count)
        for (x, y) in zip(a, b) { XCTAssertEqual(x, y) }
        XCTAssertEqual(try bulk.letterCount(), 12)
        XCTAssertEqual(try bulk.find("day manh phong trao", limit: 5).matching, 12)

        // A letter citing another: the store's own path (its link made), the rows the same again.
        let citing = letter("99/UBND", date: "2026-05-01", subject: "trả lời",
                            references: [Reference(kind: .congVan, number: "1/UBND-A", date: "2026-02-11")], sha: "cite")
        try one.store(citing)
        let out = try bulk.bulkStore([citing])
        XCTAssertEqual(try bulk.citations(of: out[0].letterID).map(\.citedAs), ["1/UBND-A"])
        XCTAssertEqual(try rows(one.session, office: "T"), try rows(one.session, office: "U"))
    }
}

private extension StoreOutcome {
    var isNew: Bool { if case .stored = self { return true } else { return false } }
}
