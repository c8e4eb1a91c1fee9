import Foundation
import XCTest
import Ingest
@testable import Store

/// What a shared folder throws at the inbox (issue 10), each with real folders and a real
/// `vanthu watch` process.
final class HostileInboxTests: XCTestCase {
    /// A name of `bytes` UTF-8 bytes: a Vietnamese subject padded with toned letters.
    static func longName(bytes: Int, ext: String, start: String = "Công văn số 574 về việc triển khai kế hoạch ") -> String {
        var s = start
        while (s + "." + ext).utf8.count + 3 <= bytes { s += "ệ" }
        while (s + "." + ext).utf8.count < bytes { s += "a" }
        return s + "." + ext
    }

    func testAFailingFileWithA250ByteVietnameseNameIsSetAsideAndNothingIsBlocked() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let bad = Self.longName(bytes: 250, ext: "pdf")
        let good = Self.longName(bytes: 250, ext: "txt", start: "Quyết định số 12 về việc ")
        XCTAssertEqual(bad.utf8.count, 250)
        try Data([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14])
            .write(to: ws.inbox.appendingPathComponent(bad))
        try Data(try ws.letterText(1).utf8).write(to: ws.inbox.appendingPathComponent(good))   // no room for a temp name
        try ws.drop("sau.txt", ws.letterText(2))
        let daemon = try WatchDaemon(ws)
        XCTAssertTrue(eventually { ws.inboxFiles().isEmpty }, "left: \(ws.inboxFiles())\n\(daemon.output)")
        XCTAssertEqual(daemon.stop(), 0, daemon.output)
        let failed = ws.files(under: ws.failed).map(\.lastPathComponent)
        XCTAssertEqual(failed.count, 2, "\(failed)")
        let moved = try XCTUnwrap(failed.first { !$0.hasSuffix(".error.txt") })
        XCTAssertTrue(moved.hasPrefix("Công văn số 574") && moved.hasSuffix(".pdf") && moved.utf8.count + 10 <= 255, moved)
        XCTAssertTrue(failed.contains(moved + ".error.txt"), "\(failed)")
        XCTAssertEqual(ws.files(under: ws.done).count, 2)
        let store = try LetterStore(path: ws.db)
        let jobs = try store.jobs()
        XCTAssertTrue(jobs.allSatisfy { $0.state == .done }, "\(jobs)")
        // A restart has nothing to resume and does not fail.
        let again = try WatchDaemon(ws)
        XCTAssertTrue(eventually { (again.output.contains("watching") || again.output.contains("theo dõi")) }, again.output)
        XCTAssertEqual(again.stop(), 0, again.output)
    }

    func testAFullDiskNeitherQuarantinesAGoodFileNorLeavesAJobUnfinished() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // The inbox and the index each on a small file system of their own, filled while it runs.
        let inbox = ws.inbox.path, indexDir = ws.root.appendingPathComponent("index").path
        try FileManager.default.createDirectory(atPath: indexDir, withIntermediateDirectories: true)
        try Self.mountTmpfs(inbox, size: "1m")
        defer { Self.unmount(inbox) }
        try Self.mountTmpfs(indexDir, size: "2m")
        defer { Self.unmount(indexDir) }
        let db = indexDir + "/vanthu.sqlite"
        try runVanthu(["ingest", "--db", db, fixtures.appendingPathComponent("s002.txt").path])
        let daemon = try WatchDaemon(ws, db: db, env: ["VANTHU_RETRY_DELAY": "0.2"])
        XCTAssertTrue(eventually { daemon.output.contains("đang theo dõi") }, daemon.output)
        try Self.fill(indexDir)
        try ws.drop("tot.txt", ws.letterText(3))
        try Data([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13])
            .write(to: ws.inbox.appendingPathComponent("hong.pdf"))
        try Self.fill(inbox)
        XCTAssertTrue(eventually(10) { daemon.output.contains("database or disk is full") }, daemon.output)
        Thread.sleep(forTimeInterval: 1)
        XCTAssertTrue(ws.inboxFiles().contains("tot.txt"), "a good file was moved while the index was full: \(ws.inboxFiles())")
        XCTAssertFalse(FileManager.default.fileExists(atPath: ws.failed.appendingPathComponent("tot.txt").path))
        try FileManager.default.removeItem(atPath: indexDir + "/.fill")
        XCTAssertTrue(eventually { !ws.inboxFiles().contains("tot.txt") && !ws.inboxFiles().contains("hong.pdf") },
                      "left: \(ws.inboxFiles())\n\(daemon.output)")
        XCTAssertEqual(daemon.stop(), 0, daemon.output)
        XCTAssertEqual(ws.files(under: ws.done).map(\.lastPathComponent), ["tot.txt"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: ws.failed.appendingPathComponent("hong.pdf").path))
        // The inbox's disk was full: the reason could not go beside the file; it is in the journal.
        let store = try LetterStore(path: db)
        let jobs = try store.jobs()
        XCTAssertTrue(jobs.allSatisfy { $0.state == .done }, "\(jobs)")
        let hong = try XCTUnwrap(jobs.first { $0.sourcePath.hasSuffix("hong.pdf") })
        XCTAssertTrue(hong.error?.contains("hong.pdf") == true, "\(hong)")
    }

    func testLinksAreRefusedAndAPlantedDoneLinkStopsTheWatcher() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try FileManager.default.createSymbolicLink(atPath: ws.inbox.appendingPathComponent("p.txt").path, withDestinationPath: "/etc/passwd")
        let inside = ws.inbox.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        try Data(try ws.letterText(4).utf8).write(to: inside.appendingPathComponent("that.txt"))
        try FileManager.default.createSymbolicLink(atPath: ws.inbox.appendingPathComponent("link-inside.txt").path,
                                                   withDestinationPath: inside.appendingPathComponent("that.txt").path)
        let daemon = try WatchDaemon(ws)
        XCTAssertTrue(eventually { ws.inboxFiles().isEmpty }, "left: \(ws.inboxFiles())\n\(daemon.output)")
        XCTAssertEqual(daemon.stop(), 0, daemon.output)
        let reason = try String(contentsOf: ws.failed.appendingPathComponent("p.txt.error.txt"), encoding: .utf8)
        XCTAssertTrue(reason.contains("liên kết tượng trưng"), reason)
        let store = try LetterStore(path: ws.db)
        XCTAssertEqual(try store.letterCount(), 0)
        let search = String(decoding: try runVanthu(["search", "--db", ws.db, "--lang", "en", "root"], status: 0), as: UTF8.self)
        XCTAssertFalse(search.contains("root:x:0"), search)

        // --follow-symlinks: a link to a file inside the folder is read, one leading out refused.
        try FileManager.default.createSymbolicLink(atPath: ws.inbox.appendingPathComponent("again-inside.txt").path,
                                                   withDestinationPath: inside.appendingPathComponent("that.txt").path)
        try FileManager.default.createSymbolicLink(atPath: ws.inbox.appendingPathComponent("shadow.txt").path, withDestinationPath: "/etc/passwd")
        let following = try WatchDaemon(ws, extra: ["--follow-symlinks"])
        XCTAssertTrue(eventually { ws.inboxFiles().isEmpty }, "left: \(ws.inboxFiles())\n\(following.output)")
        XCTAssertEqual(following.stop(), 0, following.output)
        XCTAssertEqual(try store.letterCount(), 1)
        let outside = try String(contentsOf: ws.failed.appendingPathComponent("shadow.txt.error.txt"), encoding: .utf8)
        XCTAssertTrue(outside.contains("ra ngoài thư mục"), outside)

        // `.done` planted as a link: the watcher stops with a clear error, nothing moved out.
        try FileManager.default.removeItem(at: ws.done)
        let elsewhere = ws.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: ws.done.path, withDestinationPath: elsewhere.path)
        try ws.drop("moi.txt", ws.letterText(5))
        let stopped = try WatchDaemon(ws)
        stopped.process.waitUntilExit()
        XCTAssertEqual(stopped.process.terminationStatus, 1, stopped.output)
        XCTAssertTrue(stopped.output.contains(".done"), stopped.output)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])

        // `.failed` planted as a link the same: no reason written nor file moved out of the inbox.
        try FileManager.default.removeItem(at: ws.done)
        try FileManager.default.removeItem(at: ws.failed)
        try FileManager.default.createSymbolicLink(atPath: ws.failed.path, withDestinationPath: elsewhere.path)
        try Data([0x01, 0x02, 0x03, 0x04, 0x05]).write(to: ws.inbox.appendingPathComponent("hong.pdf"))
        let stoppedAgain = try WatchDaemon(ws)
        stoppedAgain.process.waitUntilExit()
        XCTAssertEqual(stoppedAgain.process.terminationStatus, 1, stoppedAgain.output)
        XCTAssertTrue(stoppedAgain.output.contains(".failed"), stoppedAgain.output)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
        XCTAssertTrue(ws.inboxFiles().contains("hong.pdf"))
    }

    func testAFIFOADeviceAndALinkToAHugeFileNeverHangTheCommands() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let fifo = ws.root.appendingPathComponent("pipe.txt").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let link = ws.root.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fifo)
        let huge = ws.root.appendingPathComponent("huge.txt").path
        XCTAssertEqual(truncate(huge, 0), -1)   // not there yet
        FileManager.default.createFile(atPath: huge, contents: nil)
        XCTAssertEqual(truncate(huge, 1 << 30), 0)   // 1 GiB, sparse
        let hugeLink = ws.root.appendingPathComponent("huge-link.txt").path
        try FileManager.default.createSymbolicLink(atPath: hugeLink, withDestinationPath: huge)
        for command in [["extract"], ["text"], ["ingest", "--db", ws.db]] {
            for target in [fifo, link] {
                let out = String(decoding: try runVanthu(command + ["--lang", "en", target], status: 1, timeout: 60), as: UTF8.self)
                XCTAssertTrue(out.contains("named pipe (FIFO)"), "\(command) \(target): \(out)")
            }
        }
        let zero = String(decoding: try runVanthu(["extract", "--lang", "en", "/dev/zero"], status: 1, timeout: 60), as: UTF8.self)
        XCTAssertTrue(zero.contains("character device"), zero)
        XCTAssertFalse(zero.contains("permission"), zero)
        let big = String(decoding: try runVanthu(["extract", "--lang", "en", hugeLink], status: 1, timeout: 60), as: UTF8.self)
        XCTAssertTrue(big.contains("too large"), big)

        // In the inbox a FIFO is set aside with what it is, and the files after it still go through.
        XCTAssertEqual(mkfifo(ws.inbox.appendingPathComponent("ong.txt").path, 0o644), 0)
        try ws.drop("thu.txt", ws.letterText(6))
        let daemon = try WatchDaemon(ws)
        XCTAssertTrue(eventually { ws.inboxFiles().isEmpty && (try? FileManager.default.contentsOfDirectory(atPath: ws.inbox.path))?.contains("ong.txt") == false },
                      "left: \(String(describing: try? FileManager.default.contentsOfDirectory(atPath: ws.inbox.path)))\n\(daemon.output)")
        XCTAssertEqual(daemon.stop(), 0, daemon.output)
        let reason = try String(contentsOf: ws.failed.appendingPathComponent("ong.txt.error.txt"), encoding: .utf8)
        XCTAssertTrue(reason.contains("đường ống có tên (FIFO)"), reason)
    }

    func testACopyPausedLongerThanTheSettleDelayIsNotIndexedHalfWritten() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let daemon = try WatchDaemon(ws, settle: 0.3)
        let text = try ws.letterText(8, seed: "s004") + "\nDòng cuối của bản đầy đủ\n"
        let bytes = Array(text.utf8)
        let path = ws.inbox.appendingPathComponent("tam-dung.txt")
        FileManager.default.createFile(atPath: path.path, contents: nil)
        let handle = try FileHandle(forWritingTo: path)
        handle.write(Data(bytes[0..<(bytes.count / 2)]))
        Thread.sleep(forTimeInterval: 2)   // the copy pauses, its file still open: far past the settle delay
        handle.write(Data(bytes[(bytes.count / 2)...]))
        try handle.close()
        XCTAssertTrue(eventually { ws.inboxFiles().isEmpty }, "left: \(ws.inboxFiles())\n\(daemon.output)")
        XCTAssertEqual(daemon.stop(), 0, daemon.output)
        let done = try XCTUnwrap(ws.files(under: ws.done).first)
        XCTAssertEqual(try Data(contentsOf: done), Data(bytes))
        let store = try LetterStore(path: ws.db)
        XCTAssertEqual(try store.letterCount(), 1)
        let id = try XCTUnwrap(store.letterID(sha256: ws.sha(done)), "the letter stored is not the whole file")
        XCTAssertTrue(try XCTUnwrap(store.letter(id: id)).fullText.contains("Dòng cuối của bản đầy đủ"))
    }

    func testAfterACrashBetweenMoveAndCommitANewFileWithTheSameNameIsItsOwnLetter() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try ws.drop("cung-ten.txt", ws.letterText(10))
        let first = try WatchDaemon(ws, env: ["VANTHU_FAULT_PAUSE_AFTER_MOVE": "30"])
        XCTAssertTrue(eventually { !ws.files(under: ws.done).isEmpty }, first.output)
        first.kill9()   // moved, journal not told
        let original = try XCTUnwrap(ws.files(under: ws.done).first)
        let originalSHA = try ws.sha(original)
        try ws.drop("cung-ten.txt", ws.letterText(11))
        let second = try WatchDaemon(ws)
        XCTAssertTrue(eventually { ws.inboxFiles().isEmpty && ws.files(under: ws.done).count == 2 }, "\(ws.inboxFiles())\n\(second.output)")
        XCTAssertEqual(second.stop(), 0, second.output)
        let store = try LetterStore(path: ws.db)
        XCTAssertEqual(try store.letterCount(), 2, "the new file was moved without being read")
        let old = try XCTUnwrap(store.letterID(sha256: originalSHA))
        XCTAssertEqual(try store.originalFiles(letterID: old).first?.archivePath, original.path)
        for file in ws.files(under: ws.done) {
            let id = try XCTUnwrap(store.letterID(sha256: ws.sha(file)), "\(file.lastPathComponent) not indexed")
            XCTAssertEqual(try store.originalFiles(letterID: id).first?.archivePath, file.path)
        }
        XCTAssertTrue(try store.jobs().allSatisfy { $0.state == .done })
    }

    func testAFileThatChangesAfterItsLetterIsStoredIsReadAgainInThatLettersPlace() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // Each stored letter waits 3 s before its move: time for the copy to go on.
        let daemon = try WatchDaemon(ws, env: ["VANTHU_FAULT_PAUSE_BEFORE_MOVE": "3"])
        let whole = try ws.letterText(14, seed: "s001") + "\nDòng cuối của bản đầy đủ\n"
        let bytes = Array(whole.utf8), half = bytes.count / 2
        let path = ws.inbox.appendingPathComponent("chep-tiep.txt")
        try Data(bytes[..<half]).write(to: path)   // a first part, closed: taken once it settles
        let store = try LetterStore(path: ws.db)
        XCTAssertTrue(eventually { ((try? store.letterCount()) ?? 0) == 1 }, daemon.output)
        let staleSHA = SHA256.hex(Array(bytes[..<half]))
        XCTAssertNotNil(try store.letterID(sha256: staleSHA), "the first part is what was stored")
        let handle = try FileHandle(forWritingTo: path)   // the copy goes on, in the same file
        handle.seekToEndOfFile()
        handle.write(Data(bytes[half...]))
        try handle.close()
        XCTAssertTrue(eventually(40) { ws.inboxFiles().isEmpty }, "left: \(ws.inboxFiles())\n\(daemon.output)")
        XCTAssertEqual(daemon.stop(), 0, daemon.output)
        let done = try XCTUnwrap(ws.files(under: ws.done).first)
        XCTAssertEqual(try Data(contentsOf: done), Data(bytes))
        // One letter, of the whole file, in the first one's place (its số đến kept); the half gone.
        XCTAssertEqual(try store.letterCount(), 1, "the half-written letter stayed indexed")
        XCTAssertNil(try store.letterID(sha256: staleSHA))
        let id = try XCTUnwrap(store.letterID(sha256: ws.sha(done)), "the whole file is not indexed")
        let letter = try XCTUnwrap(store.letter(id: id))
        XCTAssertTrue(letter.fullText.contains("Dòng cuối của bản đầy đủ"))
        XCTAssertEqual(letter.arrivalNumber, 1)
        XCTAssertEqual(try store.originalFiles(letterID: id).map(\.archivePath), [done.path])
        XCTAssertTrue(try store.jobs().allSatisfy { $0.state == .done })
        let found = String(decoding: try runVanthu(["search", "--db", ws.db, "--lang", "en", "Dòng cuối"]), as: UTF8.self)
        XCTAssertTrue(found.contains("1 of 1"), found)
    }

    func testAFullDiskAtStartIsWaitedOutAndAnIndexThatCanNeverOpenEndsTheRun() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let indexDir = ws.root.appendingPathComponent("index").path
        try FileManager.default.createDirectory(atPath: indexDir, withIntermediateDirectories: true)
        try Self.mountTmpfs(indexDir, size: "2m")
        defer { Self.unmount(indexDir) }
        let db = indexDir + "/vanthu.sqlite"
        try runVanthu(["ingest", "--db", db, fixtures.appendingPathComponent("s002.txt").path])
        try Self.fill(indexDir)
        try ws.drop("den-sau.txt", ws.letterText(15))
        let daemon = try WatchDaemon(ws, db: db, extra: ["--lang", "en"], env: ["VANTHU_RETRY_DELAY": "0.2"])
        // Tried again and again, each try logged, the process still there (no exit into a restart loop).
        XCTAssertTrue(eventually(20) { daemon.output.components(separatedBy: "will try again").count > 3 }, daemon.output)
        XCTAssertTrue(daemon.process.isRunning, daemon.output)
        XCTAssertTrue(daemon.output.contains("cannot be opened for now"), daemon.output)
        XCTAssertEqual(ws.inboxFiles(), ["den-sau.txt"])
        try FileManager.default.removeItem(atPath: indexDir + "/.fill")
        XCTAssertTrue(eventually(40) { ws.inboxFiles().isEmpty }, "left: \(ws.inboxFiles())\n\(daemon.output)")
        XCTAssertEqual(daemon.stop(), 0, daemon.output)
        XCTAssertEqual(ws.files(under: ws.done).map(\.lastPathComponent), ["den-sau.txt"])

        // A path that can never work ends the run at once, with what is wrong in words.
        let file = ws.root.appendingPathComponent("a-file").path
        FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        for (args, env, says) in [(["--db", ws.root.appendingPathComponent("khong-co/x.sqlite").path], [String: String](), "does not exist"),
                                  ([], ["VANTHU_DB": file + "/sub/x.sqlite"], "Not a directory")] {
            let out = String(decoding: try runVanthu(["watch", "--lang", "en"] + args + [ws.inbox.path], status: 1, env: env, timeout: 30), as: UTF8.self)
            XCTAssertTrue(out.contains(says), out)
            XCTAssertFalse(out.contains("NSCocoaErrorDomain") || out.contains("will try again"), out)
        }
    }

    func testAnIndexInsideTheInboxIsRefusedBeforeItIsCreated() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let inside = ws.inbox.appendingPathComponent("vanthu.sqlite").path
        let out = String(decoding: try runVanthu(["watch", "--lang", "en", "--db", inside, ws.inbox.path], status: 1, timeout: 30), as: UTF8.self)
        XCTAssertTrue(out.contains("inside the watched folder"), out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: inside))
    }

    func testEmptyFilesAndNamesThatAreNotUTF8AreReportedAndSetAside() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        FileManager.default.createFile(atPath: ws.inbox.appendingPathComponent("rong.txt").path, contents: nil)
        let raw = Array(ws.inbox.path.utf8) + Array("/th\u{FF}".utf8).dropLast(2) + [0xFF, 0xFE] + Array(".txt".utf8)
        let fd = raw.withCString { open($0, O_CREAT | O_WRONLY, 0o644) }
        XCTAssertGreaterThanOrEqual(fd, 0)
        let text = Array(try ws.letterText(12).utf8)
        _ = text.withUnsafeBytes { write(fd, $0.baseAddress, text.count) }
        close(fd)
        let daemon = try WatchDaemon(ws, env: ["VANTHU_EMPTY_DELAY": "0.5"])
        XCTAssertTrue(eventually { (try? FileManager.default.contentsOfDirectory(atPath: ws.inbox.path))?.filter { !$0.hasPrefix(".") }.isEmpty == true },
                      "left: \(String(describing: try? FileManager.default.contentsOfDirectory(atPath: ws.inbox.path)))\n\(daemon.output)")
        XCTAssertEqual(daemon.stop(), 0, daemon.output)
        XCTAssertTrue(daemon.output.contains("rong.txt") && daemon.output.contains("rỗng"), daemon.output)
        XCTAssertTrue(daemon.output.contains("không phải UTF-8"), daemon.output)
        let failed = ws.files(under: ws.failed).map(\.lastPathComponent).sorted()
        XCTAssertEqual(failed.count, 4, "\(failed)")
        XCTAssertTrue(failed.contains("rong.txt.error.txt"), "\(failed)")
    }

    func testTheTemporaryFoldersOfStoppedRunsAreSweptAtStart() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let tmp = ws.root.appendingPathComponent("tmp")
        // A process that has ended: its pid is free.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run(); gone.waitUntilExit()
        let stale = tmp.appendingPathComponent("vanthu-\(gone.processIdentifier)")
        try FileManager.default.createDirectory(at: stale.appendingPathComponent("page"), withIntermediateDirectories: true)
        try Data(repeating: 7, count: 1 << 20).write(to: stale.appendingPathComponent("page/page.ppm"))
        let daemon = try WatchDaemon(ws, env: ["TMPDIR": tmp.path])
        XCTAssertTrue(eventually { !FileManager.default.fileExists(atPath: stale.path) }, daemon.output)
        XCTAssertEqual(daemon.stop(), 0, daemon.output)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path), [], "its own folder is removed on exit")
    }

    // MARK: Small file systems

    static func mountTmpfs(_ dir: String, size: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/mount")
        p.arguments = ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", dir]
        p.standardError = FileHandle.nullDevice
        try? p.run()
        p.waitUntilExit()
        if p.terminationStatus != 0 { throw XCTSkip("mounting a small tmpfs is not permitted here (needs root): the full-disk case is not run") }
    }

    static func unmount(_ dir: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/umount")
        p.arguments = ["-l", dir]
        try? p.run()
        p.waitUntilExit()
    }

    /// Fills the file system holding `dir` to the last byte (`dir/.fill`).
    static func fill(_ dir: String) throws {
        let fd = open(dir + "/.fill", O_CREAT | O_WRONLY, 0o644)
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0, count: 4096)
        while chunk.withUnsafeBytes({ write(fd, $0.baseAddress, chunk.count) }) > 0 {}
        var one: UInt8 = 0
        while write(fd, &one, 1) > 0 {}
    }
}

extension Array where Element == UInt8 {
    func withCString<R>(_ body: (UnsafePointer<CChar>) -> R) -> R {
        (self + [0]).withUnsafeBufferPointer { b in b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { body($0) } }
    }
}
