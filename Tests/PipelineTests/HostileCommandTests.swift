import Foundation
import XCTest

/// What a shared folder throws at the commands themselves (issue 10), each through a real
/// `vanthu` process on real files.
final class HostileCommandTests: XCTestCase {
    /// CPU seconds the children of this process used while `body` ran (the work done, not the
    /// machine's other load).
    func childCPUSeconds(_ body: () throws -> Void) rethrows -> Double {
        func now() -> Double {
            var u = rusage()
            getrusage(RUSAGE_CHILDREN.rawValue, &u)
            return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
        }
        let start = now()
        try body()
        return now() - start
    }

    func testATenMegabyteOneLineTextIsReadInSeconds() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // A letter again and again with its line ends taken out: 10 MB on one line.
        let letter = try ws.letterText(1).replacingOccurrences(of: "\n", with: " ")
        var text = String(repeating: letter, count: 10_000_000 / letter.utf8.count + 1)
        while text.utf8.count > 10_000_000 { text.removeLast() }
        let path = ws.root.appendingPathComponent("mot-dong.txt")
        try Data(text.utf8).write(to: path)
        var out = Data()
        let cpu = try childCPUSeconds {
            out = try runVanthu(["extract", "--json", "--workers", "1", path.path], timeout: 600)
        }
        let record = try XCTUnwrap(JSONSerialization.jsonObject(with: out.prefix { $0 != 0x0A }) as? [String: Any])
        XCTAssertEqual((record["source"] as? [String: Any])?["file"] as? String, "mot-dong.txt")
        XCTAssertFalse((record["deadlines"] as? [Any] ?? []).isEmpty, "the deadlines of the repeated letter")
        // Before the long line was cut (LetterLines.longestLine), the parsers that look at the last
        // lines or a line's columns went over the whole 10 MB again and again: ~100 s of CPU in a
        // debug build; cut, ~17 s.
        XCTAssertLessThan(cpu, 60, "10 MB on one line took \(cpu) s of CPU")
    }

    func testRefusalsNameTheFileAsItIsAndSayTheCauseInWords() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let dir = ws.root.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // Words of the message table inside a name stay as they are (`pages` was once `trangs`).
        let tiff = dir.appendingPathComponent("tiff-500-pages.tif")
        try Data([0x49, 0x49, 0x2A, 0x00, 0x10, 0x00, 0x00, 0x00, 0x07]).write(to: tiff)
        let vi = String(decoding: try runVanthu(["extract", tiff.path], status: 1, timeout: 60), as: UTF8.self)
        XCTAssertTrue(vi.contains(tiff.path + ":"), vi)

        // A name that starts with `-` reaches antiword as a file, not as its `-x` option.
        let doc = dir.appendingPathComponent("-x.doc")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0x41, count: 512)).write(to: doc)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try vanthuBinary())
        p.arguments = ["extract", "--lang", "en", "--", "-x.doc"]
        p.currentDirectoryURL = dir
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 1, said)
        XCTAssertTrue(said.contains("-x.doc: ") && said.contains("not a Word document"), said)

        // 1 to 7 random bytes under a .pdf name are not taken for a text letter.
        var generator = SystemRandomNumberGenerator()
        let shorts = try (1...7).map { n -> String in
            let path = dir.appendingPathComponent("r\(n).pdf").path
            try Data((0..<n).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: URL(fileURLWithPath: path))
            return path
        }
        let refused = String(decoding: try runVanthu(["extract", "--lang", "en", "--json"] + shorts, status: 1, timeout: 120), as: UTF8.self)
        XCTAssertFalse(refused.contains("\"schema\""), refused)
        for path in shorts { XCTAssertTrue(refused.contains(path + ": "), "\(path): \(refused)") }

        // An index that cannot be made: the cause in words, never Foundation's domain and code.
        let file = ws.root.appendingPathComponent("a-file").path
        FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        let cocoa = String(decoding: try runVanthu(["search", "--lang", "en", "văn"], status: 1, env: ["VANTHU_DB": file + "/sub/x.sqlite"]),
                           as: UTF8.self)
        XCTAssertTrue(cocoa.contains("Not a directory"), cocoa)
        XCTAssertFalse(cocoa.contains("NSCocoaErrorDomain") || cocoa.contains("Code="), cocoa)
    }
}
