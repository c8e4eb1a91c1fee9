import Foundation
import XCTest
import GRDB
@testable import Store

/// The register, assignment, rolling deadlines and reminders as a clerk runs them: the built
/// binary, real processes, a real index, a real SMTP server on loopback.
final class RegisterCommandTests: XCTestCase {
    var ws: Workspace!
    override func setUpWithError() throws { ws = try Workspace() }
    override func tearDownWithError() throws { ws.remove() }

    @discardableResult
    func vanthu(_ args: [String], status: Int32 = 0, today: String = "2026-12-01", env: [String: String] = [:],
                file: StaticString = #filePath, line: UInt = #line) throws -> String {
        String(decoding: try runVanthu(args + ["--db", ws.db], status: status, env: ["VANTHU_TODAY": today].merging(env) { $1 },
                                       file: file, line: line), as: UTF8.self)
    }

    func jsonLines(_ s: String) throws -> [[String: Any]] {
        try s.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    /// Distinct letters written into the workspace (copies of a seed, each with a line of its own).
    func letters(_ count: Int, seed: String = "s000") throws -> [String] {
        let dir = ws.root.appendingPathComponent("letters-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return try (0..<count).map { n in
            let url = dir.appendingPathComponent(String(format: "thu-%03d.txt", n))
            try Data(try ws.letterText(n, seed: seed).utf8).write(to: url)
            return url.path
        }
    }

    func start(_ args: [String], today: String = "2026-12-01") throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try vanthuBinary())
        p.arguments = args + ["--db", ws.db]
        p.environment = ProcessInfo.processInfo.environment.merging(["VANTHU_TODAY": today]) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    func arrivalNumbers() throws -> [[Int]] {
        try DatabaseQueue(path: ws.db).read { db in
            try Row.fetchAll(db, sql: "SELECT arrival_year, arrival_number FROM letters ORDER BY arrival_year, arrival_number")
                .map { [$0[0], $0[1]] }
        }
    }

    var python: String {
        get throws {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
                throw XCTSkip("Debian's python3 is not installed (make deps installs it)")
            }
            return "/usr/bin/python3"
        }
    }

    func runPython(_ script: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try python)
        p.arguments = ["-c", script] + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, String(decoding: e, as: UTF8.self))
        return String(decoding: o, as: UTF8.self)
    }

    // MARK: Số đến

    func testTwoProcessesIngestingAtOnceNumberFiveLettersOneToFive() throws {
        let files = try letters(5)
        try vanthu(["register"])   // the index exists before both start
        let a = try start(["ingest", "--workers", "2"] + files)
        let b = try start(["ingest", "--workers", "2"] + files.reversed())
        a.waitUntilExit(); b.waitUntilExit()
        XCTAssertEqual([a.terminationStatus, b.terminationStatus], [0, 0])
        XCTAssertEqual(try arrivalNumbers(), (1...5).map { [2026, $0] })
    }

    func testKilledMidBatchAndRestartedTheNumbersGoOnWithoutGapOrRepeat() throws {
        let files = try letters(120)
        try vanthu(["register"])
        let p = try start(["ingest", "--workers", "2"] + files)
        let store = try LetterStore(path: ws.db)
        _ = eventually(30) { (try? store.letterCount()) ?? 0 >= 5 }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let before = try store.letterCount()
        XCTAssertLessThan(before, 120, "the batch finished before the kill: the test proved nothing")
        XCTAssertEqual(try arrivalNumbers(), (1...before).map { [2026, $0] })
        try vanthu(["ingest"] + files)
        XCTAssertEqual(try arrivalNumbers(), (1...120).map { [2026, $0] })
    }

    func testANewYearStartsAtOneAndALetterStoredAgainKeepsItsNumber() throws {
        let files = try letters(3)
        try vanthu(["ingest", files[0], files[1]], today: "2026-12-31")
        try vanthu(["ingest", files[1], files[2]], today: "2027-01-01")
        XCTAssertEqual(try arrivalNumbers(), [[2026, 1], [2026, 2], [2027, 1]])
        let rows = try jsonLines(try vanthu(["register", "--json", "--year", "2027"], today: "2027-01-01"))
        XCTAssertEqual(rows.map { $0["arrival_number"] as? Int }, [1])
        XCTAssertEqual(rows.first?["arrival_date"] as? String, "2027-01-01")
        XCTAssertEqual(Set(rows.first!.keys), ["arrival_number", "arrival_date", "letter_id", "issuer", "number", "date", "kind",
                                               "subject", "unit", "person", "due", "progress", "reply_number", "note"])
    }

    // MARK: The books

    func testTheRegisterAsCsvWithBomAndAsAWorkbookWithBothBooks() throws {
        try vanthu(["ingest"] + (0...4).map { fixtures.appendingPathComponent("s00\($0).txt").path })
        try vanthu(["assign", "2464/ubnd-kgvx", "--to", "Phòng Nội vụ", "--person", "Nguyễn Thị Hà", "--by", "lan"])
        let csv = try vanthu(["register", "--csv"])
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}Ngày đến,Số đến,Tác giả,\"Số, ký hiệu\",Ngày tháng,Tên loại và trích yếu nội dung,"
                                    + "Đơn vị hoặc người nhận,Ký nhận,Ghi chú\r\n"), csv)
        XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 6)
        XCTAssertTrue(try vanthu(["register", "--csv", "--lang", "en"]).hasPrefix("\u{FEFF}Arrival date,Arrival number,Author,"))

        let book = ws.root.appendingPathComponent("so-den.xlsx").path
        XCTAssertTrue(try vanthu(["register", "--xlsx", book]).contains("Đã ghi 5 văn bản"))
        let read = try runPython("""
            import sys, json, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            out = {"sheets": wb.sheetnames}
            for i, ws in enumerate(wb.worksheets):
                rows = list(ws.iter_rows(values_only=True))
                out[str(i)] = [[c.isoformat() if hasattr(c, "isoformat") else c for c in r] for r in rows]
                out["width" + str(i)] = ws.column_dimensions["B"].width
            print(json.dumps(out, ensure_ascii=False))
            """, [book])
        let sheets = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(read.utf8)) as? [String: Any])
        XCTAssertEqual(sheets["sheets"] as? [String], ["Sổ đăng ký văn bản đến", "Sổ theo dõi giải quyết"])
        let register = try XCTUnwrap(sheets["0"] as? [[Any]])
        XCTAssertEqual(register[0].first as? String, "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM 2026")
        XCTAssertEqual(register[1] as? [String], ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng",
                                                  "Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "Ký nhận", "Ghi chú"])
        XCTAssertEqual(register.count, 7)
        XCTAssertEqual(register[2][0] as? String, "2026-12-01T00:00:00", "the ngày đến is an Excel date")
        XCTAssertEqual(register[2][1] as? Int, 1)
        // Letters read at once take their numbers in the order they are stored.
        let assigned = try XCTUnwrap(register.dropFirst(2).map { $0.map { "\($0)" } }.first { $0.contains("2464/UBND-KGVX") }, "\(register)")
        XCTAssertTrue(assigned.contains("Phòng Nội vụ — Nguyễn Thị Hà"), "\(assigned)")
        XCTAssertTrue(register.contains { ($0[5] as? String)?.contains("sáng kiến cải cách hành chính") == true })
        let tracking = try XCTUnwrap(sheets["1"] as? [[Any]])
        XCTAssertEqual(tracking[1] as? [String], ["Số đến", "Tên loại, số, ký hiệu, ngày tháng, cơ quan ban hành",
                                                  "Đơn vị hoặc người nhận", "Thời hạn giải quyết", "Tiến độ giải quyết",
                                                  "Số, ký hiệu văn bản trả lời", "Ghi chú"])
        XCTAssertGreaterThan(sheets["width1"] as? Double ?? 0, 30, "the letter column is widened")
        XCTAssertTrue(try vanthu(["register", "--xlsx", book, "--csv"], status: 64).contains("--xlsx"))
    }

    func testAPaperLetterTypedInIsFoundAsTypedAndItsScanJoinsIt() throws {
        let out = try vanthu(["register", "add", "--number", "12/QĐ-UBND", "--date", "18/11/2026", "--issuer",
                              "Ủy ban nhân dân tỉnh Quảng Ngãi", "--subject", "Thành lập hội đồng", "--kind", "quyet_dinh"])
        XCTAssertTrue(out.contains("số đến 1/2026"), out)
        XCTAssertTrue(try vanthu(["show", "12 / qd-ubnd"]).contains("Số đến 1/2026"))
        XCTAssertTrue(try vanthu(["assign", "12/QD-UBND", "--to", "Văn phòng", "--due", "2026-12-10"]).contains("Văn phòng"))
        let missing = try vanthu(["show", "21/QĐ-UBND"], status: 1)
        XCTAssertTrue(missing.contains("không tìm thấy văn bản 21/QĐ-UBND") && missing.contains("Gần nhất:")
                      && missing.contains("12/QĐ-UBND"), missing)
        let scan = ws.root.appendingPathComponent("qd12.txt")
        try """
            ỦY BAN NHÂN DÂN
            TỈNH QUẢNG NGÃI
            Số: 12/QĐ-UBND
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            Quảng Ngãi, ngày 18 tháng 11 năm 2026
            QUYẾT ĐỊNH
            Về việc thành lập Hội đồng xét công nhận sáng kiến

            Điều 1. Thành lập Hội đồng xét công nhận sáng kiến.
            Điều 2. Hội đồng báo cáo kết quả trước ngày 20/12/2026.
            Nơi nhận:
            - Như trên;
            - Lưu: VT.
            CHỦ TỊCH
            Nguyễn Văn A
            """.write(to: scan, atomically: true, encoding: .utf8)
        try vanthu(["ingest", scan.path], today: "2026-12-03")
        let rows = try jsonLines(try vanthu(["register", "--json"]))
        XCTAssertEqual(rows.count, 1, "\(rows)")
        XCTAssertEqual(rows.first?["arrival_number"] as? Int, 1)
        XCTAssertEqual(rows.first?["unit"] as? String, "Văn phòng")
        XCTAssertEqual(rows.first?["due"] as? String, "2026-12-10")
        let shown = try XCTUnwrap(try jsonLines(try vanthu(["show", "--json", "12/qd-ubnd"])).first)
        let register = try XCTUnwrap(shown["register"] as? [String: Any])
        XCTAssertEqual(register["arrival_number"] as? Int, 1)
        XCTAssertEqual((register["history"] as? [[String: Any]])?.map { $0["action"] as? String }, ["registered", "assigned", "scan_joined"])
        XCTAssertTrue((register["history"] as? [[String: Any]])?.allSatisfy { ($0["at"] as? String)?.hasSuffix("+07:00") == true } == true)
        let deadlines = try jsonLines(try vanthu(["deadlines", "--json", "--unit", "Văn phòng"]))
        XCTAssertEqual(deadlines.map { $0["due"] as? String }, ["2026-12-10", "2026-12-20"])
        XCTAssertTrue(deadlines.allSatisfy { $0["unit"] as? String == "Văn phòng" && $0.keys.contains("person") })
    }

    // MARK: Deadlines that roll forward

    func testOnTheFirstOfDecember2026TheYearlyDeadlineOfS004IsThisYearsAndDoneBringsNextYears() throws {
        try vanthu(["ingest", fixtures.appendingPathComponent("s004.txt").path])
        let rows = try jsonLines(try vanthu(["deadlines", "--json"]))
        let dues = rows.map { $0["due"] as! String }
        XCTAssertTrue(dues.contains("2026-11-30"), "\(dues)")
        XCTAssertFalse(dues.contains("2025-11-30"), "\(dues)")
        let yearly = try XCTUnwrap(rows.first { $0["due"] as? String == "2026-11-30" })
        XCTAssertEqual(yearly["recurrence"] as? String, "yearly")
        XCTAssertEqual(yearly["status"] as? String, "open")
        XCTAssertEqual(yearly["days_left"] as? Int, -1)
        let all = try jsonLines(try vanthu(["deadlines", "--json", "--all"]))
        XCTAssertEqual(all.first { $0["due"] as? String == "2025-11-30" }?["status"] as? String, "lapsed")
        let table = try vanthu(["deadlines"])
        XCTAssertTrue(table.contains("tháng 11/2026") && table.contains("hằng năm") && table.contains("quá hạn 1 ngày"), table)
        XCTAssertFalse(table.contains("…"), "the task is wrapped, not cut: \(table)")
        try vanthu(["deadlines", "done", "\(yearly["id"] as! Int)", "--reply", "45/BC-UBND", "--by", "lan"])
        let after = try jsonLines(try vanthu(["deadlines", "--json"])).map { $0["due"] as! String }
        XCTAssertTrue(after.contains("2027-11-30") && !after.contains("2026-11-30"), "\(after)")
        XCTAssertEqual(try jsonLines(try vanthu(["deadlines", "--json", "--within", "400"])).filter { $0["recurrence"] as? String == "yearly" }.count, 1)
    }

    // MARK: Not a letter

    func testAFileThatIsNotALetterIsReportedAndNotRegistered() throws {
        let json = ws.root.appendingPathComponent("du-lieu.json"), readme = ws.root.appendingPathComponent("README.md")
        try #"{"ten": "Sở Nội vụ", "so": 12, "ghi_chu": ["a", "b"]}"#.write(to: json, atomically: true, encoding: .utf8)
        try "# Thư mục văn bản\n\nĐặt các tệp quét vào đây; vanthu sẽ đọc chúng.\n".write(to: readme, atomically: true, encoding: .utf8)
        let out = try vanthu(["ingest", json.path, readme.path, fixtures.appendingPathComponent("s000.txt").path], status: 1)
        XCTAssertTrue(out.contains("du-lieu.json: không phải văn bản hành chính"), out)
        XCTAssertTrue(out.contains("README.md: không phải văn bản hành chính"), out)
        XCTAssertEqual(try arrivalNumbers(), [[2026, 1]])

        try ws.drop("ghi-chu.json", #"{"a": [1, 2, 3]}"#)
        let daemon = try WatchDaemon(ws, settle: 0.2)
        XCTAssertTrue(eventually(20) { ws.files(under: ws.failed).count == 2 }, daemon.output)
        _ = daemon.stop()
        let reason = try String(contentsOf: ws.failed.appendingPathComponent("ghi-chu.json.error.txt"), encoding: .utf8)
        XCTAssertTrue(reason.contains("không phải văn bản hành chính"), reason)
        XCTAssertEqual(try arrivalNumbers(), [[2026, 1]])
    }

    // MARK: Reminders

    func testTwoIndexesOfTheSameFilesGiveTheSameUidsAndEachEventOneAlarm() throws {
        let seeds = (0...4).map { fixtures.appendingPathComponent("s00\($0).txt").path }
        try vanthu(["ingest"] + seeds)
        let other = ws.root.appendingPathComponent("other.sqlite").path
        _ = try runVanthu(["ingest", "--db", other] + seeds.reversed(), env: ["VANTHU_TODAY": "2026-12-01"])
        let first = try vanthu(["deadlines", "--ics", "--remind", "5"])
        let second = String(decoding: try runVanthu(["deadlines", "--ics", "--remind", "5", "--db", other],
                                                    env: ["VANTHU_TODAY": "2026-12-01"]), as: UTF8.self)
        func uids(_ ics: String) -> [String] { ics.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }.sorted() }
        XCTAssertEqual(uids(first), uids(second))
        XCTAssertEqual(Set(uids(first)).count, uids(first).count)
        let file = ws.root.appendingPathComponent("han.ics")
        try first.write(to: file, atomically: true, encoding: .utf8)
        let checked = try runPython("""
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
            events = [c for c in cal.walk("VEVENT")]
            alarms = [len([a for a in e.walk("VALARM")]) for e in events]
            triggers = set(str(a.get("TRIGGER").dt) for e in events for a in e.walk("VALARM"))
            summaries = [str(e.get("SUMMARY")) for e in events]
            print(len(events), set(alarms), triggers, max(len(s) for s in summaries))
            print(any("Khoa học và Công nghệ" in str(e.get("DESCRIPTION")) for e in events))
            """, [file.path])
        let lines = checked.split(separator: "\n")
        XCTAssertEqual(lines.first?.split(separator: " ").first.map(String.init), "\(uids(first).count)")
        XCTAssertTrue(lines.first?.contains("{1}") == true && lines.first?.contains("-5 days") == true, checked)
        XCTAssertLessThan(Int(lines.first?.split(separator: " ").last ?? "999") ?? 999, 100, "a short SUMMARY: \(checked)")
        XCTAssertEqual(lines.last, "True")
    }

    func testRemindSendsOneUtf8MessageThroughSendmailToAnSmtpServerOnLoopback() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sendmail") else {
            throw XCTSkip("no sendmail (make deps installs msmtp-mta)")
        }
        try vanthu(["ingest", fixtures.appendingPathComponent("s004.txt").path, fixtures.appendingPathComponent("s000.txt").path])
        try vanthu(["assign", "/UBND-VHXH", "--to", "Phòng Văn hoá và Xã hội", "--person", "Trần Thị Bình"])
        XCTAssertTrue(try vanthu(["remind"]).contains("== Phòng Văn hoá và Xã hội =="))

        // The SMTP server: aiosmtpd writing what it receives into a Maildir.
        let maildir = ws.root.appendingPathComponent("maildir")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: try python)
        server.arguments = ["-c", """
            import sys, socket
            from aiosmtpd.controller import Controller
            from aiosmtpd.handlers import Mailbox
            s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
            c = Controller(Mailbox(sys.argv[1]), hostname="127.0.0.1", port=port)
            c.start()
            print(port, flush=True)
            sys.stdin.read()
            c.stop()
            """, maildir.path]
        let control = Pipe(), portOut = Pipe()
        server.standardInput = control
        server.standardOutput = portOut
        try server.run()
        defer { try? control.fileHandleForWriting.close(); server.waitUntilExit() }
        var portLine = Data()
        while !portLine.contains(UInt8(ascii: "\n")) {
            let chunk = portOut.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            portLine += chunk
        }
        let port = try XCTUnwrap(Int(String(decoding: portLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))

        // msmtp, Debian's sendmail, reads its configuration from $HOME/.msmtprc.
        let home = ws.root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let rc = home.appendingPathComponent(".msmtprc")
        try "account default\nhost 127.0.0.1\nport \(port)\nauth off\ntls off\nfrom vanthu@localhost\n"
            .write(to: rc, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: rc.path)
        let sent = try vanthu(["remind", "--within", "30", "--mail", "vanthu@ubnd.example.vn"],
                              env: ["HOME": home.path, "VANTHU_MAIL_FROM": "vanthu@localhost"])
        XCTAssertTrue(sent.contains("Đã gửi thư nhắc"), sent)

        let newMail = maildir.appendingPathComponent("new")
        XCTAssertTrue(eventually(10) { ((try? FileManager.default.contentsOfDirectory(atPath: newMail.path)) ?? []).count == 1 })
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: newMail.path).first)
        let raw = try String(contentsOf: newMail.appendingPathComponent(name), encoding: .utf8)
        let parsed = try runPython("""
            import sys, email
            from email import policy
            m = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=policy.default)
            print(m["To"]); print(m["Subject"]); print(m.get_content_type(), m.get_content_charset())
            print(m.get_content())
            """, [newMail.appendingPathComponent(name).path])
        XCTAssertTrue(raw.contains("MIME-Version: 1.0") && raw.contains("Content-Type: text/plain; charset=UTF-8"), raw)
        XCTAssertTrue(raw.contains("Subject: =?UTF-8?B?"), raw)
        let lines = parsed.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "vanthu@ubnd.example.vn")
        XCTAssertTrue(lines[1].hasPrefix("[vanthu] ") && lines[1].contains("hạn xử lý cần chú ý"), parsed)
        XCTAssertEqual(lines[2], "text/plain utf-8")
        XCTAssertTrue(parsed.contains("== Phòng Văn hoá và Xã hội ==") && parsed.contains("Trần Thị Bình")
                      && parsed.contains("quá hạn"), parsed)
    }
}
