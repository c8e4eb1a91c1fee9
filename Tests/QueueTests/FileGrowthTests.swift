import Foundation
import XCTest
import Ingest
import PostgresStore
@testable import ProvinceQueue

/// A file whose copy went on after the office's watcher had queued its first bytes (it seemed
/// settled, then grew before it could be moved): with real `vanthu watch --office` and
/// `vanthu worker` processes and a real PostgreSQL, the whole content takes the place of the
/// half-written one, as SQLite's inbox does. Stored already: its letter is replaced, số đến kept.
/// Not stored yet: the half is never stored. Either way one letter for the file.
///
/// The first bytes are queued here by `JobQueue.enqueue`, the statement the watcher runs, leaving
/// the job as a watcher leaves it when the file changes between its commit and its move (a window
/// too short to hit from outside); everything after is the real processes.
final class FileGrowthTests: XCTestCase {
    var admin: PostgresSession!
    var address: PostgresAddress!
    var database = ""
    var root: URL!
    var children: [Process] = []

    override func setUpWithError() throws {
        guard let url = ProcessInfo.processInfo.environment["VANTHU_TEST_POSTGRES"], !url.isEmpty else {
            throw XCTSkip("VANTHU_TEST_POSTGRES is not set: no PostgreSQL server was started for the tests (.ci/run starts one)")
        }
        let server = try PostgresAddress(url: url)
        admin = try PostgresSession(server)
        database = "growth_\(UUID().uuidString.prefix(8).lowercased())"
        try admin.query("CREATE DATABASE \(database)")
        address = server.with(database: database)
        let owner = try PostgresSession(address)
        try OfficeAdmin.addOffice(code: "VP", name: "Văn phòng", session: owner)
        try PostgresMigrator.migrate(owner, QueueSchema.all)
        owner.close()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-growth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("inbox"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        for p in children where p.isRunning { p.terminate(); p.waitUntilExit() }
        if let root { try? FileManager.default.removeItem(at: root) }
        guard let admin else { return }
        try? admin.query("DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
        admin.close()
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func vanthu(_ arguments: [String], log: String) throws -> Process {
        var binary: String?
        if let other = ProcessInfo.processInfo.environment["VANTHU_TEST_BINARY"], !other.isEmpty { binary = other }
        for dir in [".build/debug", ".build/x86_64-unknown-linux-gnu/debug", ".build/aarch64-unknown-linux-gnu/debug"] where binary == nil {
            let p = Self.packageRoot.appendingPathComponent(dir).appendingPathComponent("vanthu").path
            if FileManager.default.isExecutableFile(atPath: p) { binary = p }
        }
        guard let binary else { throw XCTSkip("the vanthu binary is not built: run `swift build --build-tests` (make test does)") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments + ["--db", "postgresql://\(address.user)@\(address.host):\(address.port)/\(address.database)"]
        p.environment = ProcessInfo.processInfo.environment.merging(["VANTHU_LANG": "en", "VANTHU_TODAY": "2026-03-20"]) { $1 }
        let logURL = root.appendingPathComponent(log)
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        p.standardError = try FileHandle(forWritingTo: logURL)
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        children.append(p)
        return p
    }

    func worker() throws -> Process { try vanthu(["worker", "--workers", "1", "--poll", "0.1"], log: "worker.log") }

    func waitFor(_ what: String, timeout: Double = 60, _ condition: () throws -> Bool) throws {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let logs = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasSuffix(".log") }
            .map { "--- \($0)\n" + ((try? String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) ?? "") }
        XCTFail("timed out waiting for \(what)\n" + logs.joined(separator: "\n"))
        throw XCTSkip("timed out")
    }

    func stop(_ p: Process) { p.terminate(); p.waitUntilExit() }

    func count(_ sql: String) throws -> Int { try rows(sql).first.map { try $0.int(at: 0) } ?? 0 }
    func rows(_ sql: String) throws -> [SessionRow] {
        let s = try PostgresSession(address)
        defer { s.close() }
        return try s.query(sql)
    }

    /// A letter the worker stores: number, date, subject, a deadline; `tail` makes it the whole file.
    func letterText(_ n: Int, subject: String, whole: Bool) -> String {
        let head = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nSố: \(n)/UBND-VP\nQuảng Ngãi, ngày 02 tháng 3 năm 2026\n"
            + "V/v \(subject)\nKính gửi: các sở, ban, ngành.\n"
        return whole ? head + "Đề nghị các đơn vị báo cáo trước ngày 30/4/2026.\nCHỦ TỊCH\nNguyễn Văn An\n" : head
    }

    func testAFileThatGrewAfterItsBytesWereQueuedGivesOneLetterOfItsWholeContent() throws {
        let inbox = root.appendingPathComponent("inbox")
        let realInbox = inbox.resolvingSymlinksInPath().path
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count)
        let machine = String(cString: host)
        let queue = JobQueue(session: try PostgresSession(address))
        defer { queue.session.close() }
        func queueAsTheWatcher(_ name: String, _ text: String, letGo: Bool) throws {
            let bytes = Array(text.utf8), source = "\(machine):\(realInbox)/\(name)"
            _ = try queue.enqueue(office: "VP", sha256: SHA256.hex(bytes), fileName: name, source: source,
                                  archivePath: nil, content: bytes)
            if letGo { try queue.release(office: "VP", sha256: SHA256.hex(bytes), source: source) }
        }
        // 1. a.txt's first half is queued and stored (số đến 1); another file (2) after it.
        let halfA = letterText(11, subject: "kế hoạch phòng chống thiên tai", whole: false)
        try queueAsTheWatcher("a.txt", halfA, letGo: false)
        try queueAsTheWatcher("other.txt", letterText(12, subject: "lịch công tác tuần", whole: true), letGo: true)
        var w = try worker()
        try waitFor("the first two letters") { try count("SELECT count(*) FROM queue_jobs WHERE state = 'done'") == 2 }
        stop(w)
        XCTAssertEqual(try count("SELECT count(*) FROM letters"), 2)
        let halfLetter = try count("SELECT letter_id FROM queue_jobs WHERE file_name = 'a.txt'")
        // 2. b.txt's first half is queued; no worker runs before it grows.
        try queueAsTheWatcher("b.txt", letterText(13, subject: "tổng kết năm học", whole: false), letGo: false)

        // The copies go on: the whole files land where the halves were; the real watcher and worker.
        let wholeA = letterText(11, subject: "kế hoạch phòng chống thiên tai", whole: true)
        let wholeB = letterText(13, subject: "tổng kết năm học", whole: true)
        try Data(wholeA.utf8).write(to: inbox.appendingPathComponent("a.txt"))
        try Data(wholeB.utf8).write(to: inbox.appendingPathComponent("b.txt"))
        // The watcher first (b.txt's half still waits in the queue when its whole content comes).
        let watch = try vanthu(["watch", "--office", "VP", "--settle", "0.2", "--poll", "0.05", inbox.path], log: "watch.log")
        try waitFor("the inbox emptied") {
            try FileManager.default.contentsOfDirectory(atPath: inbox.path).filter { !$0.hasPrefix(".") }.isEmpty
        }
        w = try worker()
        try waitFor("every job done") { try count("SELECT count(*) FROM queue_jobs WHERE state <> 'done'") == 0 }
        stop(watch)
        stop(w)

        // One letter per file, each of its whole content; a.txt's letter is the same row, số đến 1.
        XCTAssertEqual(try count("SELECT count(*) FROM letters"), 3)
        XCTAssertEqual(try count("SELECT count(*) FROM original_files"), 3)
        let shaA = SHA256.hex(Array(wholeA.utf8)), shaB = SHA256.hex(Array(wholeB.utf8))
        XCTAssertEqual(try count("SELECT letter_id FROM original_files WHERE sha256 = '\(shaA)'"), halfLetter)
        XCTAssertEqual(try count("SELECT arrival_number FROM letters WHERE id = \(halfLetter)"), 1, "its số đến kept")
        XCTAssertEqual(try count("SELECT count(*) FROM original_files WHERE sha256 = '\(SHA256.hex(Array(halfA.utf8)))'"), 0)
        XCTAssertEqual(try count("SELECT count(*) FROM deadlines WHERE letter_id = \(halfLetter)"), 1, "the whole letter's deadline")
        XCTAssertEqual(try count("SELECT arrival_number FROM letters l JOIN original_files f ON f.letter_id = l.id WHERE f.sha256 = '\(shaB)'"), 3)
        XCTAssertEqual(try count("SELECT count(*) FROM queue_jobs WHERE outcome = 'superseded'"), 1, "b.txt's half never stored")
        XCTAssertEqual(try count("SELECT count(*) FROM letters WHERE search_folded @@ to_tsquery('simple', 'bao <-> cao <-> truoc')"), 3)
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: inbox.appendingPathComponent(".failed").path))?.count ?? 0, 0)
    }
}
