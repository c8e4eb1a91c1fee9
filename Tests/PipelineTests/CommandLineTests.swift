import Foundation
import XCTest

/// The index commands run as a clerk runs them: the built binary on the seed letters.
final class CommandLineTests: XCTestCase {
    var ws: Workspace!
    // The seeds' deadlines fall in 2025: these tests stand on a day among them.
    override func setUpWithError() throws { ws = try Workspace(); setenv("VANTHU_TODAY", "2025-09-20", 1) }
    override func tearDownWithError() throws { ws.remove(); unsetenv("VANTHU_TODAY") }

    @discardableResult
    func vanthu(_ args: [String], status: Int32 = 0, env: [String: String] = [:],
                file: StaticString = #filePath, line: UInt = #line) throws -> String {
        String(decoding: try runVanthu(args, status: status, env: env, file: file, line: line), as: UTF8.self)
    }

    var seeds: [String] { (0...4).map { fixtures.appendingPathComponent("s00\($0).txt").path } }

    func testIngestTheSeedsTwiceStoresThemOnce() throws {
        XCTAssertTrue(try vanthu(["ingest", "--db", ws.db] + seeds).contains("Đã lưu 5, đã có sẵn 0, lỗi 0 (tổng 5 tệp)."))
        XCTAssertTrue(try vanthu(["ingest", "--db", ws.db, "--lang", "en", fixtures.path + "/s000.txt"])
            .contains("Stored 0, already stored 1, failed 0 (of 1 files)."))
    }

    func testABadFileIsNamedWithItsReasonAndTheRestIsStored() throws {
        let bad = ws.root.appendingPathComponent("rong.txt")
        FileManager.default.createFile(atPath: bad.path, contents: Data())
        let out = try vanthu(["ingest", "--db", ws.db, bad.path, seeds[0], "/khong/co"], status: 1)
        XCTAssertTrue(out.contains("rong.txt: tệp rỗng (0 byte)"), out)
        XCTAssertTrue(out.contains("/khong/co"), out)
        XCTAssertTrue(out.contains("Đã lưu 1, đã có sẵn 0, lỗi 2"), out)
    }

    func testTheDatabaseDefaultsToVanthuDBThenXDGDataHome() throws {
        let viaEnv = ws.root.appendingPathComponent("env/i.sqlite").path
        try vanthu(["ingest", seeds[0]], env: ["VANTHU_DB": viaEnv])
        XCTAssertTrue(FileManager.default.fileExists(atPath: viaEnv))
        let xdg = ws.root.appendingPathComponent("xdg").path
        try vanthu(["ingest", seeds[0]], env: ["VANTHU_DB": "", "XDG_DATA_HOME": xdg])
        XCTAssertTrue(FileManager.default.fileExists(atPath: xdg + "/vanthu/vanthu.sqlite"))
    }

    func testTheSeedsDeadlinesAsJsonCsvAndCalendar() throws {
        try vanthu(["ingest", "--db", ws.db] + seeds)
        let json = try vanthu(["deadlines", "--db", ws.db, "--json"]).split(separator: "\n")
        let rows = try json.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(Set(rows.map { $0["due"] as! String }), ["2025-12-15", "2025-05-31", "2025-09-25", "2025-09-30", "2025-11-30"])
        XCTAssertEqual(rows.map { $0["due"] as! String }, rows.map { $0["due"] as! String }.sorted())
        XCTAssertTrue(rows.allSatisfy { $0["status"] as? String == "open" && $0["number"] != nil && $0["days_left"] is Int })
        // A page of them: the earliest first.
        let page = try vanthu(["deadlines", "--db", ws.db, "--json", "--limit", "2"]).split(separator: "\n")
        XCTAssertEqual(page.count, 2)
        XCTAssertEqual(try page.map { (try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["due"] as! String },
                       Array(rows.map { $0["due"] as! String }.prefix(2)))
        try vanthu(["deadlines", "--db", ws.db, "--limit", "0"], status: 64)

        let csv = try vanthu(["deadlines", "--db", ws.db, "--csv"])
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}Mã,Hạn,Còn lại (ngày),Trạng thái,Độ chính xác,Lặp lại,Số hiệu,Cơ quan ban hành,Ngày văn bản,Việc phải làm,Đơn vị,Người xử lý,Người đánh dấu xong,Ghi chú\r\n"), csv)
        XCTAssertTrue(try vanthu(["deadlines", "--db", ws.db, "--csv", "--lang", "en"]).hasPrefix("\u{FEFF}ID,Due,"))
        XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, rows.count + 1)

        let ics = try vanthu(["deadlines", "--db", ws.db, "--ics"])
        let lines = ics.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, "BEGIN:VCALENDAR")
        XCTAssertEqual(lines.dropLast().last, "END:VCALENDAR")
        XCTAssertFalse(ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF in the calendar")
        XCTAssertTrue(lines.allSatisfy { $0.utf8.count <= 75 }, "a line over 75 octets")
        XCTAssertEqual(lines.filter { $0 == "BEGIN:VEVENT" }.count, rows.count)
        XCTAssertEqual(Set(lines.filter { $0.hasPrefix("UID:") }).count, rows.count)
        XCTAssertEqual(lines.filter { $0.hasPrefix("DTSTAMP:") && $0.hasSuffix("Z") }.count, rows.count)
        XCTAssertTrue(lines.contains("DTSTART;VALUE=DATE:20251215"))
        XCTAssertTrue(lines.contains("DTEND;VALUE=DATE:20251216"))
        XCTAssertTrue(lines.contains("RRULE:FREQ=YEARLY"))
        // Unfolded, the text keeps its Vietnamese and escapes commas.
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertTrue(unfolded.contains("Khoa học và Công nghệ"), unfolded)
        XCTAssertTrue(unfolded.contains("\\,"))
    }

    func testMarkingDoneAndReopening() throws {
        try vanthu(["ingest", "--db", ws.db] + seeds)
        let rows = try vanthu(["deadlines", "--db", ws.db, "--json"]).split(separator: "\n")
            .map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let yearly = try XCTUnwrap(rows.first { $0["recurrence"] as? String == "yearly" })
        let id = yearly["id"] as! Int
        let out = try vanthu(["deadlines", "done", "\(id)", "--db", ws.db, "--note", "đã trình"])
        XCTAssertTrue(out.contains("Đã đánh dấu xong hạn #\(id) (2025-11-30"), out)
        XCTAssertTrue(out.contains("Lần tiếp theo:") && out.contains("2026-11-30"), out)
        let open = try vanthu(["deadlines", "--db", ws.db, "--csv"])
        XCTAssertFalse(open.contains(",2025-11-30,"))
        XCTAssertTrue(open.contains(",2026-11-30,"))
        let all = try vanthu(["deadlines", "--db", ws.db, "--all", "--csv"])
        XCTAssertTrue(all.contains(",2025-11-30,") && all.contains("đã trình"), all)
        XCTAssertTrue(try vanthu(["deadlines", "reopen", "\(id)", "--db", ws.db]).contains("Đã mở lại hạn #\(id)"))
        XCTAssertTrue(try vanthu(["deadlines", "--db", ws.db, "--csv"]).contains(",2025-11-30,"))
        XCTAssertTrue(try vanthu(["deadlines", "done", "99999", "--db", ws.db], status: 1).contains("không có hạn xử lý #99999"))
        XCTAssertEqual(try vanthu(["deadlines", "--db", ws.db, "--from", "2025-09-01", "--to", "2025-09-30", "--csv"])
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 3)
        XCTAssertTrue(try vanthu(["deadlines", "--db", ws.db, "--from", "15/9"], status: 64).contains("Giá trị '15/9' không hợp lệ"))
        XCTAssertEqual(try vanthu(["deadlines", "--db", ws.db, "--from", "01/09/2025", "--to", "30/09/2025", "--csv"])
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 3, "dates as dd/mm/yyyy")
        for bad in ["2025-13-45", "2025-02-30", "31/02/2025"] {
            XCTAssertTrue(try vanthu(["deadlines", "--db", ws.db, "--from", bad], status: 64).contains("không hợp lệ"), bad)
        }
        XCTAssertTrue(try vanthu(["deadlines", "--db", ws.db, "--from", "2025-10-01", "--to", "2025-09-01"], status: 64)
            .contains("--from 2025-10-01 ở sau --to 2025-09-01"))
    }

    func testSearchWithoutDiacriticsAndShowWithItsLinks() throws {
        try vanthu(["ingest", "--db", ws.db] + seeds)
        let hits = try vanthu(["search", "--db", ws.db, "--json", "van phong ubnd tinh"]).split(separator: "\n")
            .map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertFalse(hits.isEmpty)
        XCTAssertEqual(hits.first?["number"] as? String, "/VP-HCQT")
        XCTAssertTrue((hits.first?["snippet"] as? String ?? "").contains("«"), "\(hits)")
        XCTAssertTrue(try vanthu(["search", "--db", ws.db, "khong co chu nay"]).contains("Không tìm thấy văn bản nào."))
        let table = try vanthu(["search", "--db", ws.db, "--limit", "1", "sang kien"])
        XCTAssertTrue(table.hasSuffix("\n1/5 văn bản khớp.\n"), "all five seeds speak of sáng kiến: \(table)")

        // s000 cites 2164/UBND-KGVX; s001 was read as 2464 (or 2164) from its scan: linked either way.
        let s000 = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try vanthu(["show", "--db", ws.db, "--json", "/VP-HCQT"]).utf8)) as? [String: Any])
        let cites = try XCTUnwrap(s000["cites"] as? [[String: Any]])
        XCTAssertEqual(cites.count, 1, "\(s000)")
        XCTAssertEqual(cites.first?["cited_as"] as? String, "2164/UBND-KGVX")
        let number = try XCTUnwrap(cites.first?["number"] as? String)
        XCTAssertEqual(cites.first?["match"] as? String, number == "2164/UBND-KGVX" ? "exact" : "probable_misread")
        let shown = try vanthu(["show", "--db", ws.db, number])
        XCTAssertTrue(shown.contains("Được dẫn chiếu bởi:") && shown.contains("/VP-HCQT"), shown)
        XCTAssertTrue(try vanthu(["show", "--db", ws.db, "999/XX"], status: 1).contains("không tìm thấy văn bản 999/XX"))
    }
}

/// Arguments that used to be accepted silently or crash (issue 10), refused in parsing.
final class ArgumentCheckTests: XCTestCase {
    func testAHugeWindowAndDaysThatDoNotExistAreRefusedInParsing() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        for args in [["--within", "9223372036854775807"], ["--from", "2025-13-45"], ["--from", "2025-02-30"], ["--to", "2025-2-3"]] {
            let out = String(decoding: try runVanthu(["deadlines", "--db", ws.db, "--lang", "en"] + args, status: 64), as: UTF8.self)
            XCTAssertTrue(out.contains("--within") || out.contains("is invalid for"), "\(args): \(out)")
        }
        try runVanthu(["deadlines", "--db", ws.db, "--within", "30", "--from", "2025-02-28"])
    }

    func testAnIndexInAFolderThatDoesNotExistIsAnErrorNotANewFolder() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let missing = ws.root.appendingPathComponent("khong/co/x.sqlite").path
        let out = String(decoding: try runVanthu(["search", "--db", missing, "--lang", "en", "a"], status: 1), as: UTF8.self)
        XCTAssertTrue(out.contains("does not exist"), out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: ws.root.appendingPathComponent("khong").path))
    }

    func testAReadOnlyIndexStillAnswers() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let ro = ws.root.appendingPathComponent("ro").path
        try FileManager.default.createDirectory(atPath: ro, withIntermediateDirectories: true)
        try HostileInboxTests.mountTmpfs(ro, size: "8m")
        defer { HostileInboxTests.unmount(ro) }
        let db = ro + "/x.sqlite"
        try runVanthu(["ingest", "--db", db, fixtures.appendingPathComponent("s000.txt").path])
        let remount = Process()
        remount.executableURL = URL(fileURLWithPath: "/bin/mount")
        remount.arguments = ["-o", "remount,ro", ro]
        try remount.run(); remount.waitUntilExit()
        XCTAssertEqual(remount.terminationStatus, 0)
        XCTAssertTrue(String(decoding: try runVanthu(["search", "--db", db, "--lang", "en", "văn"]), as: UTF8.self).contains("1 of 1"))
        try runVanthu(["deadlines", "--db", db])
        try runVanthu(["show", "--db", db, "1"])
    }
}
