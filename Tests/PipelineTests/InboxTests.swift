import Foundation
import XCTest
import Ingest
@testable import Store

final class InboxTests: XCTestCase {
    func testDroppedFilesBecomeLettersAndMoveToDoneAndFailuresGoToFailedWithTheReason() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // Already in the folder at start: processed too.
        try ws.drop("truoc.txt", ws.letterText(0))
        let daemon = try WatchDaemon(ws)
        try ws.drop("a.txt", ws.letterText(1))
        try ws.drop("b.txt", ws.letterText(2, seed: "s004"))
        try ws.drop("ban-sao-cua-a.txt", ws.letterText(1))           // duplicate content
        try ws.drop("hong.png", "\u{89}PNG\r\n\u{1A}\nthis is not an image at all")  // corrupt
        try Data("x".utf8).write(to: ws.inbox.appendingPathComponent(".an.txt"))       // hidden
        try Data("half".utf8).write(to: ws.inbox.appendingPathComponent("dang-tai.pdf.part"))
        try Data("lock".utf8).write(to: ws.inbox.appendingPathComponent("~$thu.docx"))

        XCTAssertTrue(eventually { ws.inboxFiles() == [".an.txt", "dang-tai.pdf.part", "~$thu.docx"] }, "left: \(ws.inboxFiles())\n\(daemon.output)")
        XCTAssertEqual(daemon.stop(), 0, daemon.output)

        let store = try LetterStore(path: ws.db)
        XCTAssertEqual(try store.letterCount(), 3)
        let done = ws.files(under: ws.done)
        XCTAssertEqual(Set(done.map(\.lastPathComponent)), ["truoc.txt", "a.txt", "b.txt", "ban-sao-cua-a.txt"])
        let month = String(format: "%04d/%02d", Calendar.current.component(.year, from: Date()), Calendar.current.component(.month, from: Date()))
        XCTAssertTrue(done.allSatisfy { $0.path.contains("/.done/\(month)/") }, "\(done)")
        // The archive path of a stored letter is recorded.
        let a = try XCTUnwrap(store.letterID(sha256: ws.sha(done.first { $0.lastPathComponent == "a.txt" }!)))
        XCTAssertEqual(try store.originalFiles(letterID: a).first?.archivePath?.hasSuffix("/.done/\(month)/a.txt"), true)

        let failed = ws.files(under: ws.failed).map(\.lastPathComponent).sorted()
        XCTAssertEqual(failed, ["hong.png", "hong.png.error.txt"])
        let reason = try String(contentsOf: ws.failed.appendingPathComponent("hong.png.error.txt"), encoding: .utf8)
        XCTAssertTrue(reason.contains("hong.png"), reason)
        XCTAssertGreaterThan(reason.count, "hong.png".count + 5)
        XCTAssertTrue(try store.jobs().allSatisfy { $0.state == .done })
        // One log line per file, with its number and deadlines.
        XCTAssertTrue(daemon.output.contains("file=b.txt"), daemon.output)
        XCTAssertTrue(daemon.output.contains("đã có sẵn trong chỉ mục"), "the clerk reads Vietnamese: \(daemon.output)")
    }

    func testAHalfWrittenFileIsTakenOnlyOnceComplete() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let daemon = try WatchDaemon(ws, settle: 0.6)
        let text = try ws.letterText(7, seed: "s004")
        let bytes = Array(text.utf8)
        let path = ws.inbox.appendingPathComponent("dang-chep.txt")
        FileManager.default.createFile(atPath: path.path, contents: nil)
        let handle = try FileHandle(forWritingTo: path)
        // A slow copy: a chunk every 0.2 s for about 2 s, each pause shorter than the delay.
        let chunks = stride(from: 0, to: bytes.count, by: bytes.count / 10 + 1).map { Array(bytes[$0..<min($0 + bytes.count / 10 + 1, bytes.count)]) }
        for chunk in chunks {
            handle.write(Data(chunk))
            Thread.sleep(forTimeInterval: 0.2)
        }
        try handle.close()
        XCTAssertTrue(eventually { ws.inboxFiles().isEmpty }, daemon.output)
        XCTAssertEqual(daemon.stop(), 0)
        let store = try LetterStore(path: ws.db)
        XCTAssertEqual(try store.letterCount(), 1, "a partial file was stored: \(daemon.output)")
        let id = try XCTUnwrap(store.letterID(sha256: SHA256.hex(bytes)), "the complete file's content is not the stored one")
        XCTAssertEqual(try store.letter(id: id)?.fullText.contains("Bản sao số 7"), true)
    }

    func testNameClashesInTheArchiveGetASuffixAndNothingIsOverwrittenWhenPolling() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let daemon = try WatchDaemon(ws, extra: ["--poll", "0.1"])
        try ws.drop("thu.txt", ws.letterText(1))
        XCTAssertTrue(eventually { ws.inboxFiles().isEmpty })
        try ws.drop("thu.txt", ws.letterText(2))
        XCTAssertTrue(eventually { ws.inboxFiles().isEmpty })
        XCTAssertEqual(daemon.stop(), 0)
        XCTAssertEqual(Set(ws.files(under: ws.done).map(\.lastPathComponent)), ["thu.txt", "thu-2.txt"])
        XCTAssertEqual(try LetterStore(path: ws.db).letterCount(), 2)
        XCTAssertTrue(daemon.output.contains("(quét định kỳ)"), daemon.output)
    }

    func testKilledMidBatchAndRestartedNothingIsLostOrDoubled() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        var expected: Set<String> = []
        for n in 0..<40 {
            let text = try ws.letterText(n, seed: ["s000", "s001", "s003", "s004"][n % 4])
            try ws.drop(String(format: "thu-%02d.txt", n), text)
            expected.insert(SHA256.hex(Array(text.utf8)))
        }
        var kills = 0
        for round in 0..<3 {
            let daemon = try WatchDaemon(ws, settle: 0.2)
            let before = ws.files(under: ws.done).count
            _ = eventually(10) { ws.files(under: ws.done).count > before + round * 2 || ws.inboxFiles().isEmpty }
            if ws.inboxFiles().isEmpty { _ = daemon.stop(); break }
            daemon.kill9()
            kills += 1
        }
        let daemon = try WatchDaemon(ws, settle: 0.2)
        XCTAssertTrue(eventually(30) { ws.inboxFiles().isEmpty }, "left: \(ws.inboxFiles())\n\(daemon.output)")
        XCTAssertEqual(daemon.stop(), 0, daemon.output)
        XCTAssertGreaterThan(kills, 0, "the batch finished before any kill: the test proved nothing")

        let done = ws.files(under: ws.done)
        XCTAssertEqual(done.count, 40, "\(done.map(\.lastPathComponent).sorted())")
        XCTAssertEqual(Set(try done.map { try ws.sha($0) }), expected)
        XCTAssertEqual(ws.files(under: ws.failed).count, 0)
        let store = try LetterStore(path: ws.db)
        XCTAssertEqual(try store.letterCount(), 40)
        XCTAssertEqual(try store.scalar("SELECT count(DISTINCT sha256) FROM original_files"), 40)
        XCTAssertTrue(try store.jobs().allSatisfy { $0.state == .done })
        XCTAssertEqual(try store.scalar("SELECT count(*) FROM original_files WHERE archive_path IS NULL"), 0)
    }

    func testReadersAnswerWhileWatchIngests() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        for n in 0..<30 { try ws.drop("thu-\(n).txt", ws.letterText(n, seed: n % 2 == 0 ? "s004" : "s000")) }
        let daemon = try WatchDaemon(ws, settle: 0.1)
        defer { _ = daemon.stop() }
        XCTAssertTrue(eventually { ws.files(under: ws.done).count > 0 })
        var answered = 0
        while !ws.inboxFiles().isEmpty || answered < 3 {
            for args in [["deadlines", "--json"], ["search", "--json", "sang kien"]] {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: try vanthuBinary())
                p.arguments = args + ["--db", ws.db]
                let pipe = Pipe()
                p.standardOutput = pipe
                p.standardError = pipe
                let start = Date()
                try p.run()
                let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                p.waitUntilExit()
                XCTAssertEqual(p.terminationStatus, 0, out)
                XCTAssertLessThan(Date().timeIntervalSince(start), 5, "\(args) was blocked")
                XCTAssertFalse(out.contains("locked"), out)
            }
            answered += 1
        }
        XCTAssertGreaterThanOrEqual(answered, 3)
    }
}
