import Foundation
import XCTest
import Extract
import PostgresStore
@testable import Store

/// Each office behind its own door: a clerk of office A, logged in as a member of A's role,
/// cannot read, change or guess office B's letters, through the store or through SQL of its own;
/// the provincial role reads every office and stores nothing. PostgreSQL only (row-level security).
final class OfficeIsolationTests: XCTestCase {
    var admin: PostgresLetterStore!
    var logins: [String] = []
    let suffix = "\(ProcessInfo.processInfo.processIdentifier)_\(UInt32.random(in: 0...UInt32.max))"

    override func setUpWithError() throws {
        admin = try TestPostgres.freshStore(for: "OfficeIsolationTests")
        for code in ["A", "B"] { try OfficeAdmin.addOffice(code: code, name: "Cơ quan \(code)", session: admin.session) }
    }

    override func tearDownWithError() throws {
        guard let admin else { return }
        admin.session.close()
        let root = try PostgresSession(admin.session.address.with(database: "postgres"))
        for l in logins { try? root.query("DROP ROLE IF EXISTS \(l)") }
        root.close()
    }

    /// A login (no password: the test server trusts loopback) that is a member of `role`.
    func login(_ name: String, in role: String) throws -> PostgresAddress {
        let user = "\(name)_\(suffix)"
        try admin.session.query("CREATE ROLE \(user) LOGIN IN ROLE \(role)")
        logins.append(user)
        return admin.session.address.with(user: user, password: .some(nil))
    }

    func store(as office: String) throws -> PostgresLetterStore {
        try PostgresLetterStore(session: PostgresSession(admin.session.address), office: office)
    }

    func testAClerkSeesOnlyItsOfficeAndCannotReachAnotherOnesLettersAnyWay() throws {
        let a = try store(as: "A"), b = try store(as: "B")
        let mine = try a.store(letter("5/UBND", date: "2026-03-01", subject: "kế hoạch của văn phòng A",
                                      deadlines: [Deadline(due: "2026-04-01", text: "báo cáo trước ngày 01/4/2026")])).letterID
        let shared = letter("7/SNV", date: "2026-03-02", subject: "bí mật nhân sự của sở B",
                            references: [Reference(kind: .congVan, number: "5/UBND", date: "2026-03-01")],
                            deadlines: [Deadline(due: "2026-04-02", text: "trả lời trước ngày 02/4/2026")])
        let theirs = try b.store(shared).letterID
        let theirDeadline = try XCTUnwrap(b.deadlines(letterID: theirs).first?.id)
        // B's letter cites a number A also has: no link across offices.
        XCTAssertEqual(try b.citations(of: theirs), [])

        let clerk = try PostgresLetterStore(session: PostgresSession(login("clerk_a", in: OfficeAdmin.role(of: "A"))), office: nil)
        XCTAssertEqual(clerk.office, "A", "the login's office, from its role")
        XCTAssertEqual(try clerk.letterCount(), 1)
        XCTAssertNil(try clerk.letter(id: theirs))
        XCTAssertNil(try clerk.letterDetail(id: theirs))
        XCTAssertEqual(try clerk.letters(numbered: "7/SNV").count, 0)
        XCTAssertEqual(try clerk.closestLetters(to: "7/SNX").map(\.id), [], "B's number is not named as the closest")
        XCTAssertEqual(try clerk.deadlines(DeadlineQuery(today: CalendarDate(year: 2026, month: 3, day: 10))).map(\.letterID), [mine])
        XCTAssertNil(try clerk.deadline(id: theirDeadline))
        XCTAssertEqual(try clerk.search("bi mat nhan su").count, 0)
        XCTAssertEqual(try clerk.search("sở B").count, 0)
        // Crafted queries: LIKE wildcards, SQL, tsquery operators are only words to look for.
        for crafted in ["%", "_", "%bí%", "' OR 1=1 --", "\"; DROP TABLE letters; --", "x' | 'bi", "!ke & !hoach", "*:*",
                        "bi:* | mat", "') OR true OR ('"] {
            let hits = try clerk.search(crafted)
            XCTAssertFalse(hits.contains { $0.letterID == theirs }, crafted)
        }
        XCTAssertEqual(try clerk.letterID(sha256: shared.file.sha256), nil)

        // Changing B's rows through the store: as if they did not exist.
        XCTAssertThrowsError(try clerk.markDone(deadline: theirDeadline, by: "lan", note: nil)) {
            XCTAssertEqual($0 as? StoreError, .noSuchDeadline(theirDeadline))
        }
        XCTAssertThrowsError(try clerk.assign(letterID: theirs, unit: "Phòng A", person: nil, due: nil, note: nil, by: "lan")) {
            XCTAssertEqual($0 as? StoreError, .noSuchLetter(theirs))
        }
        // The same content stored in A is a new letter of A: nothing says B holds it.
        XCTAssertEqual(try clerk.store(shared), .stored(letterID: try XCTUnwrap(clerk.letterID(sha256: shared.file.sha256))))

        // Its own SQL, past the store: row-level security still holds.
        let s = clerk.session
        XCTAssertEqual(try s.scalar("SELECT count(*) FROM letters WHERE office = 'B'", as: Int.self), 0)
        XCTAssertEqual(try s.scalar("SELECT count(*) FROM deadlines", as: Int.self), 2)
        try s.query("UPDATE letters SET subject = 'đã sửa' WHERE id = $1", [.int(theirs)])
        try s.query("UPDATE deadlines SET status = 'done' WHERE id = $1", [.int(theirDeadline)])
        XCTAssertEqual(try b.letter(id: theirs)?.subject, "bí mật nhân sự của sở B")
        XCTAssertEqual(try b.deadline(id: theirDeadline)?.status, .open)
        XCTAssertThrowsError(try s.query("UPDATE letters SET office = 'B' WHERE id = $1", [.int(mine)]), "moving a letter to B")
        XCTAssertThrowsError(try s.query("DELETE FROM letters WHERE id = $1", [.int(theirs)]))
        XCTAssertThrowsError(try s.execute(script: "SET row_security = off; SELECT count(*) FROM letters"), "turning the policies off")

        // Naming the other office does not open its door.
        let intruder = try PostgresLetterStore(session: PostgresSession(clerk.session.address), office: "B")
        XCTAssertEqual(try intruder.letterCount(), 0)
        XCTAssertThrowsError(try intruder.store(letter("9/X", date: "2026-03-03", subject: "giả mạo"))) { error in
            guard case PostgresStoreError.server(let state, _)? = error as? PostgresStoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(state, "42501", "a row-level security violation")
        }
        XCTAssertEqual(try b.letterCount(), 1)
        for x in [a, b, clerk, intruder] { x.session.close() }
    }

    func testTheProvinceReadsEveryOfficeAndStoresNothing() throws {
        let a = try store(as: "A"), b = try store(as: "B")
        for (s, n) in [(a, "1/A"), (b, "1/B")] {
            try s.store(letter(n, date: "2026-05-01", subject: "báo cáo \(n)",
                               deadlines: [Deadline(due: "2026-06-01", text: "trước ngày 01/6/2026")]))
        }
        let province = try PostgresLetterStore(session: PostgresSession(login("council", in: PostgresSchema.provinceRole)), office: nil)
        XCTAssertNil(province.office)
        XCTAssertTrue(province.isProvincial)
        let today = CalendarDate(year: 2026, month: 5, day: 2)
        try province.rollForward(today: today)
        XCTAssertEqual(try province.deadlines(DeadlineQuery(today: today)).map(\.number), ["1/A", "1/B"])
        XCTAssertEqual(try province.letterCount(), 2)
        XCTAssertThrowsError(try province.store(letter("2/A", date: "2026-05-01", subject: "x"))) {
            XCTAssertEqual($0 as? PostgresStoreError, .officeNeeded)
        }
        XCTAssertThrowsError(try province.session.query("UPDATE letters SET subject = 'x'") ) { _ in }
        for x in [a, b, province] { x.session.close() }
    }
}
