import Foundation
import XCTest
import Ingest
@testable import Store

/// The built `vanthu` binary: `swift build --build-tests` (make test) builds it beside the tests.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let fixtures = packageRoot.appendingPathComponent("fixtures")

func vanthuBinary() throws -> String {
    for dir in [".build/debug", ".build/x86_64-unknown-linux-gnu/debug", ".build/aarch64-unknown-linux-gnu/debug"] {
        let p = packageRoot.appendingPathComponent(dir).appendingPathComponent("vanthu").path
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    throw XCTSkip("the vanthu binary is not built: run `swift build --build-tests` (make test does)")
}

/// A temporary folder holding an inbox and an index.
struct Workspace {
    let root: URL
    var inbox: URL { root.appendingPathComponent("inbox") }
    var db: String { root.appendingPathComponent("vanthu.sqlite").path }
    var done: URL { inbox.appendingPathComponent(".done") }
    var failed: URL { inbox.appendingPathComponent(".failed") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-inbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("inbox"), withIntermediateDirectories: true)
    }
    func remove() { try? FileManager.default.removeItem(at: root) }

    /// A distinct letter (a seed with a line of its own, so its content hash is its own).
    func letterText(_ n: Int, seed: String = "s000") throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent("\(seed).txt"), encoding: .utf8) + "\nBản sao số \(n)\n"
    }

    /// Writes a file the way a copy does it: into a hidden temp name, then renamed into the inbox.
    func drop(_ name: String, _ text: String) throws {
        let tmp = inbox.appendingPathComponent(".\(name).incoming")
        try Data(text.utf8).write(to: tmp)
        try FileManager.default.moveItem(at: tmp, to: inbox.appendingPathComponent(name))
    }

    /// Files (not folders) directly in the inbox, by name.
    func inboxFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []).filter {
            var d: ObjCBool = false
            return FileManager.default.fileExists(atPath: inbox.appendingPathComponent($0).path, isDirectory: &d) && !d.boolValue
        }.sorted()
    }

    /// Every regular file under a folder, recursively.
    func files(under dir: URL) -> [URL] {
        guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return e.compactMap { $0 as? URL }.filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }

    func sha(_ url: URL) throws -> String { SHA256.hex([UInt8](try Data(contentsOf: url))) }
}

/// `vanthu watch` running as a child process.
final class WatchDaemon {
    let process = Process()
    let log: URL

    init(_ ws: Workspace, settle: Double = 0.3, workers: Int = 2, extra: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: try vanthuBinary())
        process.arguments = ["watch", "--db", ws.db, "--settle", "\(settle)", "--workers", "\(workers)"] + extra + [ws.inbox.path]
        log = ws.root.appendingPathComponent("watch-\(UUID().uuidString.prefix(8)).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// SIGTERM, then wait: returns the exit status.
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// Polls `condition` every 50 ms for up to `timeout` seconds.
func eventually(_ timeout: Double = 20, _ condition: () throws -> Bool) rethrows -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return try condition()
}

/// Runs the built `vanthu` with `args` (environment merged with `env`), asserts its exit status,
/// and returns stdout followed by stderr.
@discardableResult
func runVanthu(_ args: [String], status: Int32 = 0, env: [String: String] = [:],
               file: StaticString = #filePath, line: UInt = #line) throws -> Data {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: try vanthuBinary())
    p.arguments = args
    // The machine's LANG must not choose the language a test expects: Vietnamese unless told.
    p.environment = ProcessInfo.processInfo.environment.merging(["VANTHU_LANG": "vi"]) { $1 }.merging(env) { $1 }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    XCTAssertEqual(p.terminationStatus, status, "vanthu \(args): \(String(decoding: e, as: UTF8.self))", file: file, line: line)
    return o + e
}
